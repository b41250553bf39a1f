"""배치 정규화의 한계와 대안: 작은 배치, 층 정규화(LayerNorm), 그룹 정규화(GroupNorm).

# --8<-- [start:small_batch]
>>> for batch_size in (2, 8, 32, 128):
...     print(batch_size, round(batch_mean_noise(batch_size), 3), round(1 / batch_size ** 0.5, 3))
2 0.705 0.707
8 0.358 0.354
32 0.179 0.177
128 0.086 0.088
>>> bn = nn.BatchNorm1d(3, affine=False)
>>> print(bn(torch.tensor([[0.3, -5.0, 100.0], [0.1, 7.0, 101.0]])))
tensor([[ 0.9995, -1.0000, -1.0000],
        [-0.9995,  1.0000,  1.0000]])

# --8<-- [end:small_batch]
# --8<-- [start:layer_norm]
>>> x = torch.tensor([[1.0, 2.0, 3.0, 4.0],
...                   [10.0, 20.0, 30.0, 40.0]])       # 샘플 2개, 특성 4개
>>> ln = nn.LayerNorm(4, elementwise_affine=False)
>>> print(ln(x))                                      # 행(샘플)마다 정규화
tensor([[-1.3416, -0.4472,  0.4472,  1.3416],
        [-1.3416, -0.4472,  0.4472,  1.3416]])
>>> bn = nn.BatchNorm1d(4, affine=False)
>>> print(bn(x))                                      # 열(특성)마다 정규화
tensor([[-1.0000, -1.0000, -1.0000, -1.0000],
        [ 1.0000,  1.0000,  1.0000,  1.0000]])
>>> torch.allclose(ln(x[:1]), ln(x)[:1])              # 혼자 넣어도 결과가 같다
True

# --8<-- [end:layer_norm]
# --8<-- [start:sequence]
>>> _ = torch.manual_seed(0)
>>> tokens = torch.randn(2, 5, 8)                     # (배치, 시퀀스 길이, 특성)
>>> out = nn.LayerNorm(8)(tokens)
>>> out.mean(dim=-1).abs().max().item() < 1e-6        # 토큰마다 평균 0
True
>>> [round(v, 3) for v in out.var(dim=-1, unbiased=False).flatten()[:4].tolist()]   # 토큰마다 분산 1
[1.0, 1.0, 1.0, 1.0]

# --8<-- [end:sequence]
# --8<-- [start:group_norm]
>>> x = torch.randn(3, 6)                              # 샘플 3개, 채널 6개
>>> ln = nn.LayerNorm(6, elementwise_affine=False)
>>> torch.allclose(nn.GroupNorm(1, 6, affine=False)(x), ln(x), atol=1e-6)   # 그룹 1개 = 층 정규화
True
>>> g = nn.GroupNorm(2, 6, affine=False)(x)            # 채널 3개씩 두 그룹
>>> groups = g.reshape(3, 2, 3)                         # (샘플, 그룹, 그룹 안의 채널)
>>> bool(groups.mean(dim=-1).abs().max() < 1e-6)        # 그룹마다 평균 0
True
>>> print(groups.var(dim=-1, unbiased=False).round(decimals=3))   # 그룹마다 분산 1
tensor([[1., 1.],
        [1., 1.],
        [1., 1.]])

# --8<-- [end:group_norm]
"""

from __future__ import annotations

import torch
from torch import nn  # noqa: F401  (docstring의 doctest가 쓴다)


# --8<-- [start:noise]
def batch_mean_noise(batch_size: int, trials: int = 2000, seed: int = 0) -> float:
    """표준정규분포에서 뽑은 배치의 평균이 배치마다 얼마나 흔들리는가(표준편차)."""
    generator = torch.Generator().manual_seed(seed)
    means = torch.randn(trials, batch_size, generator=generator).mean(dim=1)
    return means.std().item()


# --8<-- [end:noise]

"""이미지 모양의 입력과 배치 정규화: BatchNorm2d는 채널마다 (N, H, W) 전체로 통계를 낸다.

# --8<-- [start:bn2d]
>>> _ = torch.manual_seed(0)
>>> images = torch.randn(8, 3, 4, 4) * 2 + 5         # (N, C, H, W): 8장, 채널 3개, 4×4
>>> bn = nn.BatchNorm2d(3)
>>> out = bn(images)
>>> mean, var = channel_stats(images)                # 채널마다 N·H·W = 128개 값으로
>>> ours = (images - mean[None, :, None, None]) / torch.sqrt(var[None, :, None, None] + bn.eps)
>>> torch.allclose(out, ours, atol=1e-5)
True
>>> out.mean(dim=(0, 2, 3)).abs().max().item() < 1e-6              # 채널마다 평균 0
True
>>> n = images.numel() // images.shape[1]                        # 채널 하나에 든 값의 수
>>> n
128
>>> torch.allclose(bn.running_var, 0.9 * 1 + 0.1 * var * n / (n - 1))   # 이동 분산은 n/(n-1)배
True

# --8<-- [end:bn2d]
# --8<-- [start:bn1d_3d]
>>> x = torch.randn(4, 2, 5)                         # (N, C, L): 배치 4, 채널 2, 길이 5
>>> bn = nn.BatchNorm1d(2)
>>> _ = bn(x)
>>> values = x.transpose(0, 1).reshape(2, -1)        # 채널마다 4·5 = 20개 값
>>> values.shape
torch.Size([2, 20])
>>> torch.allclose(bn.running_var, 0.9 + 0.1 * values.var(dim=1))       # 20개로 낸 불편 분산
True

# --8<-- [end:bn1d_3d]
# --8<-- [start:single_image]
>>> bn = nn.BatchNorm2d(3)                           # 학습 모드
>>> image = torch.randn(1, 3, 8, 8) * 5 + 2          # 이미지 한 장
>>> out = bn(image)                                  # 오류 없이 돈다
>>> [round(v, 3) for v in out.std(dim=(2, 3), unbiased=False).flatten().tolist()]  # 그 한 장의 64개 위치로 정규화
[1.0, 1.0, 1.0]
>>> brighter = image * 3 + 10                        # 밝기와 대비가 전혀 다른 이미지
>>> torch.allclose(bn(image), bn(brighter), atol=1e-4)           # 그런데 출력은 같다
True
>>> bn(torch.randn(1, 3, 1, 1))                      # 채널마다 값이 하나뿐일 때만 오류
Traceback (most recent call last):
  ...
ValueError: Expected more than 1 value per channel when training, got input size torch.Size([1, 3, 1, 1])

# --8<-- [end:single_image]
# --8<-- [start:bessel]
>>> g = torch.Generator().manual_seed(0)
>>> batches = torch.randn(20000, 4, generator=g)              # 분산 1인 분포에서 뽑은 크기 4의 배치들
>>> round(batches.var(dim=1, unbiased=False).mean().item(), 2)  # n으로 나눈 분산의 평균
0.75
>>> round(batches.var(dim=1, unbiased=True).mean().item(), 2)   # n - 1로 나눈 분산의 평균
1.0

# --8<-- [end:bessel]
"""

from __future__ import annotations

import torch
from torch import nn  # noqa: F401  (docstring의 doctest가 쓴다)


# --8<-- [start:channel_stats]
def channel_stats(x: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    """(N, C, H, W) 입력의 채널별 평균과 분산(n으로 나눈 것). 채널 축만 남기고 모두 모은다."""
    return x.mean(dim=(0, 2, 3)), x.var(dim=(0, 2, 3), unbiased=False)


# --8<-- [end:channel_stats]

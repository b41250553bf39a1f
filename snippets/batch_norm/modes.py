"""model.train()과 model.eval(): 배치 정규화가 두 모드에서 어떻게 다르게 동작하는가.

# --8<-- [start:batch_dependence]
>>> _ = torch.manual_seed(0)
>>> model = nn.Sequential(nn.Linear(3, 3), nn.BatchNorm1d(3))
>>> sample = torch.tensor([[1.0, 2.0, 3.0]])
>>> batch_a = torch.cat([sample, torch.randn(7, 3)])          # 같은 샘플, 다른 샘플들과 함께
>>> batch_b = torch.cat([sample, torch.randn(7, 3) + 5])
>>> _ = model.train()
>>> same_first_row(model(batch_a), model(batch_b))
False
>>> _ = model.eval()
>>> same_first_row(model(batch_a), model(batch_b))
True

# --8<-- [end:batch_dependence]
# --8<-- [start:single_sample]
>>> bn = nn.BatchNorm1d(3)                  # 새로 만든 층은 학습 모드다
>>> sample = torch.tensor([[1.0, 2.0, 3.0]])
>>> bn(sample)
Traceback (most recent call last):
  ...
ValueError: Expected more than 1 value per channel when training, got input size torch.Size([1, 3])
>>> _ = bn.eval()
>>> bn(sample).shape
torch.Size([1, 3])

# --8<-- [end:single_sample]
# --8<-- [start:running_stats]
>>> for n_batches in (1, 10, 50):
...     bn = feed_batches(n_batches)
...     print(n_batches, [round(v, 2) for v in bn.running_mean.tolist()],
...           [round(v, 2) for v in bn.running_var.tolist()])
1 [0.33, -0.1] [1.2, 0.94]
10 [2.06, -0.64] [2.73, 0.56]
50 [2.85, -1.01] [3.92, 0.25]

# --8<-- [end:running_stats]
# --8<-- [start:momentum_none]
>>> g = torch.Generator().manual_seed(1)
>>> batches = [torch.randn(16, 2, generator=g) + 3 for _ in range(5)]
>>> bn = nn.BatchNorm1d(2, momentum=None)            # 이동 평균 대신 누적 평균
>>> for batch in batches:
...     _ = bn(batch)
>>> batch_means = torch.stack([b.mean(dim=0) for b in batches])
>>> torch.allclose(bn.running_mean, batch_means.mean(dim=0))   # 배치 평균들의 단순 평균
True
>>> bn.num_batches_tracked
tensor(5)
>>> no_stats = nn.BatchNorm1d(2, track_running_stats=False)   # 이동 평균을 아예 두지 않는다
>>> no_stats.running_mean is None
True
>>> _ = no_stats.eval()                                        # 추론 모드에서도 배치 통계를 쓴다
>>> same_first_row(no_stats(batches[0]), no_stats(torch.cat([batches[0][:1], batches[1]])))
False

# --8<-- [end:momentum_none]
"""

from __future__ import annotations

import torch
from torch import nn


# --8<-- [start:helpers]
def same_first_row(a: torch.Tensor, b: torch.Tensor) -> bool:
    """두 출력의 첫 행(같은 샘플의 결과)이 같은가."""
    return torch.allclose(a[0], b[0], atol=1e-6)


def feed_batches(n_batches: int, batch_size: int = 32, seed: int = 0) -> nn.BatchNorm1d:
    """평균 (3, -1), 분산 (4, 0.25)인 데이터의 배치를 학습 모드로 n_batches 번 흘려 보낸다."""
    generator = torch.Generator().manual_seed(seed)
    bn = nn.BatchNorm1d(2)  # momentum=0.1이 기본값
    bn.train()
    mean, std = torch.tensor([3.0, -1.0]), torch.tensor([2.0, 0.5])
    with torch.no_grad():
        for _ in range(n_batches):
            bn(torch.randn(batch_size, 2, generator=generator) * std + mean)
    return bn


# --8<-- [end:helpers]

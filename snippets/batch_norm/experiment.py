"""배치 정규화가 있을 때와 없을 때, 가중치 초깃값의 규모를 바꿔 가며 학습을 비교한다.

데이터와 학습 루프는 가중치 초기화 노트의 것(snippets.weight_init.training)을 그대로 가져다 쓴다.
모든 nn.Linear 의 가중치를 평균 0, 표준편차 `scale` 인 정규분포에서 뽑고, 같은 미니배치 순서로
SGD(학습률 0.05)를 300단계 밟는다.

# --8<-- [start:compare]
>>> runs = bn_comparison()
>>> for run in runs:
...     label = "BN 있음" if run.use_bn else "BN 없음"
...     print(f"{label}  표준편차 {run.scale:<5}  손실 {run.final_loss:.3f}  시험 정확도 {run.test_accuracy:.3f}")
BN 없음  표준편차 0.01   손실 2.302  시험 정확도 0.086
BN 없음  표준편차 0.03   손실 2.302  시험 정확도 0.086
BN 없음  표준편차 0.1    손실 0.382  시험 정확도 0.872
BN 없음  표준편차 0.3    손실 nan  시험 정확도 nan
BN 없음  표준편차 1.0    손실 nan  시험 정확도 nan
BN 있음  표준편차 0.01   손실 0.042  시험 정확도 0.975
BN 있음  표준편차 0.03   손실 0.022  시험 정확도 0.983
BN 있음  표준편차 0.1    손실 0.035  시험 정확도 0.978
BN 있음  표준편차 0.3    손실 0.107  시험 정확도 0.953
BN 있음  표준편차 1.0    손실 0.286  시험 정확도 0.852
>>> [r.scale for r in runs if not r.use_bn and r.final_loss < 0.5]    # 제대로 배운 규모
[0.1]
>>> [r.scale for r in runs if r.use_bn and r.final_loss < 0.5]
[0.01, 0.03, 0.1, 0.3, 1.0]
>>> round(loss_spread(runs, use_bn=False), 3), round(loss_spread(runs, use_bn=True), 3)
(inf, 0.264)

# --8<-- [end:compare]
# --8<-- [start:scale_invariance]
>>> g = torch.Generator().manual_seed(0)
>>> x, w = torch.randn(32, 10, generator=g), torch.randn(10, 5, generator=g)
>>> bn = nn.BatchNorm1d(5)
>>> torch.allclose(bn(x @ w), bn(x @ (100 * w)), atol=1e-4)     # 가중치를 100배 해도 출력이 같다
True
>>> round((bn(x @ w) - bn(x @ (0.01 * w))).abs().max().item(), 2)   # 100분의 1: ε 때문에 조금 다르다
0.01

# --8<-- [end:scale_invariance]
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache

import torch
from torch import nn

from snippets.weight_init.training import accuracy, load_digits_data, train


# --8<-- [start:model]
def make_bn_mlp(
    in_features: int, use_bn: bool, n_classes: int = 10, depth: int = 5, width: int = 100
) -> nn.Sequential:
    """(Linear → BatchNorm1d → ReLU) 를 depth 번 쌓는다. use_bn=False 면 BN 없이 (Linear → ReLU)."""
    layers: list[nn.Module] = []
    for i in range(depth):
        # BN 이 평균을 빼 버리므로 바로 앞 Linear 의 편향은 쓸모가 없다(β 가 그 일을 한다)
        layers.append(nn.Linear(in_features if i == 0 else width, width, bias=not use_bn))
        if use_bn:
            layers.append(nn.BatchNorm1d(width))
        layers.append(nn.ReLU())
    layers.append(nn.Linear(width, n_classes))
    return nn.Sequential(*layers)


def init_weights(model: nn.Module, scale: float, generator: torch.Generator) -> nn.Module:
    """모든 Linear 가중치를 N(0, scale²) 에서 뽑고 편향은 0 으로 둔다."""
    for module in model.modules():
        if isinstance(module, nn.Linear):
            nn.init.normal_(module.weight, std=scale, generator=generator)
            if module.bias is not None:
                nn.init.zeros_(module.bias)
    return model


# --8<-- [end:model]


# --8<-- [start:experiment]
SCALES = (0.01, 0.03, 0.1, 0.3, 1.0)  # 가중치 초깃값의 표준편차


@dataclass(frozen=True)
class BNRun:
    use_bn: bool
    scale: float
    losses: tuple[float, ...]
    test_accuracy: float

    @property
    def final_loss(self) -> float:
        """마지막 20단계의 평균 손실. 발산한 학습은 nan."""
        tail = self.losses[-20:]
        return sum(tail) / len(tail)


@cache
def bn_comparison(
    scales: tuple[float, ...] = SCALES,
    steps: int = 300,
    lr: float = 0.05,
    seed: int = 0,
    source: str = "sklearn",
) -> tuple[BNRun, ...]:
    data = load_digits_data(source)
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    try:
        runs = []
        for use_bn in (False, True):
            for scale in scales:
                model = make_bn_mlp(data.n_features, use_bn)
                init_weights(model, scale, torch.Generator().manual_seed(seed))
                losses = train(model, data, steps=steps, lr=lr, seed=seed + 1)
                test_accuracy = (
                    accuracy(model, data.x_test, data.y_test)
                    if math.isfinite(losses[-1])
                    else math.nan
                )
                runs.append(BNRun(use_bn, scale, tuple(losses), test_accuracy))
        return tuple(runs)
    finally:
        torch.set_num_threads(threads)


def loss_spread(runs: tuple[BNRun, ...], use_bn: bool) -> float:
    """규모를 바꿨을 때 최종 손실이 얼마나 달라지는가: 최댓값 - 최솟값. 발산(nan)은 무한대로 센다."""
    finals = [
        math.inf if math.isnan(r.final_loss) else r.final_loss for r in runs if r.use_bn == use_bn
    ]
    return max(finals) - min(finals)


# --8<-- [end:experiment]

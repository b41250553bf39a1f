"""배치 정규화가 있을 때와 없을 때, 가중치 초깃값의 규모를 바꿔 가며 학습을 비교한다.

데이터와 학습 루프는 가중치 초기화 노트의 것(snippets.weight_init.training)을 그대로 가져다 쓴다.
모든 nn.Linear의 가중치를 평균 0, 표준편차 `scale`인 정규분포에서 뽑고, 같은 미니배치 순서로
SGD(학습률 0.05)를 300단계 밟는다.

# --8<-- [start:compare]
>>> runs = bn_comparison()
>>> for run in runs:
...     label = "BN 있음" if run.use_bn else "BN 없음"
...     print(f"{label}  표준편차 {run.scale:<5}  손실 {run.final_loss:.3f}  시험 정확도 {run.test_accuracy:.3f}")
BN 없음  표준편차 0.01   손실 2.302  시험 정확도 0.086
BN 없음  표준편차 0.03   손실 2.302  시험 정확도 0.086
BN 없음  표준편차 0.1    손실 0.303  시험 정확도 0.933
BN 없음  표준편차 0.3    손실 0.263  시험 정확도 0.883
BN 없음  표준편차 1.0    손실 nan  시험 정확도 nan
BN 있음  표준편차 0.01   손실 0.066  시험 정확도 0.969
BN 있음  표준편차 0.03   손실 0.021  시험 정확도 0.978
BN 있음  표준편차 0.1    손실 0.036  시험 정확도 0.950
BN 있음  표준편차 0.3    손실 0.107  시험 정확도 0.911
BN 있음  표준편차 1.0    손실 0.318  시험 정확도 0.794
>>> [r.scale for r in runs if not r.use_bn and r.final_loss < 0.5]    # 제대로 배운 규모
[0.1, 0.3]
>>> [f"{max(r.losses[:5]):.3g}" for r in runs if not r.use_bn]         # 처음 다섯 단계에서 가장 큰 손실
['2.3', '2.3', '2.31', '483', '8.76e+140']
>>> [r.scale for r in runs if r.use_bn and r.final_loss < 0.5]
[0.01, 0.03, 0.1, 0.3, 1.0]
>>> round(max(r.final_loss for r in runs if r.use_bn), 3)             # BN 있음: 가장 나쁜 최종 손실
0.318

# --8<-- [end:compare]
# --8<-- [start:output_layer]
>>> [round(first_batch_loss(scale), 3) for scale in SCALES]      # BN 있음, 학습 전 첫 미니배치의 손실
[2.294, 2.289, 2.394, 3.371, 8.942]
>>> [round(first_batch_loss(scale, output_scale=0.1), 3) for scale in SCALES]   # 출력층만 0.1로 다시 뽑으면
[2.435, 2.435, 2.435, 2.435, 2.435]

# --8<-- [end:output_layer]
# --8<-- [start:learning_rate]
>>> for lr in (0.05, 0.5, 1.0):
...     for run in bn_comparison(scales=(0.1,), lr=lr):
...         label = "BN 있음" if run.use_bn else "BN 없음"
...         print(f"학습률 {lr:<4}  {label}  손실 {run.final_loss:.3f}  시험 정확도 {run.test_accuracy:.3f}")
학습률 0.05  BN 없음  손실 0.303  시험 정확도 0.933
학습률 0.05  BN 있음  손실 0.036  시험 정확도 0.950
학습률 0.5   BN 없음  손실 1.000  시험 정확도 0.872
학습률 0.5   BN 있음  손실 0.056  시험 정확도 0.969
학습률 1.0   BN 없음  손실 nan  시험 정확도 nan
학습률 1.0   BN 있음  손실 0.014  시험 정확도 0.983

# --8<-- [end:learning_rate]
# --8<-- [start:scale_invariance]
>>> g = torch.Generator().manual_seed(0)
>>> x, w = torch.randn(32, 10, generator=g), torch.randn(10, 5, generator=g)
>>> bn = nn.BatchNorm1d(5)
>>> torch.allclose(bn(x @ w), bn(x @ (100 * w)), atol=1e-4)     # 가중치를 100배 해도 출력이 같다
True
>>> round((bn(x @ w) - bn(x @ (0.01 * w))).abs().max().item(), 2)   # 100분의 1: ε 때문에 조금 다르다
0.01

# --8<-- [end:scale_invariance]
# --8<-- [start:gradient_scale]
>>> target = torch.randn(32, 5, generator=g)
>>> grads = []
>>> for a in (1.0, 100.0):
...     v = (a * w).requires_grad_()
...     ((bn(x @ v) - target) ** 2).mean().backward()
...     grads.append(v.grad.norm().item())
>>> round(grads[0] / grads[1])                                  # 가중치가 100배면 기울기는 100분의 1
100

# --8<-- [end:gradient_scale]
# --8<-- [start:landscape]
>>> for use_bn in (False, True):
...     spread = loss_along_gradient(use_bn)
...     print("BN 있음" if use_bn else "BN 없음", f"{spread:.3f}")
BN 없음 3.464
BN 있음 0.143

# --8<-- [end:landscape]
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from functools import cache

import torch
from torch import nn

from snippets.weight_init.training import Digits, accuracy, load_digits_data, train


# --8<-- [start:model]
def make_bn_mlp(
    in_features: int, use_bn: bool, n_classes: int = 10, depth: int = 5, width: int = 100
) -> nn.Sequential:
    """(Linear → BatchNorm1d → ReLU)를 depth 번 쌓는다. use_bn=False면 BN 없이 (Linear → ReLU)."""
    layers: list[nn.Module] = []
    for i in range(depth):
        # BN이 평균을 빼 버리므로 바로 앞 Linear의 편향은 쓸모가 없다(β가 그 일을 한다)
        layers.append(nn.Linear(in_features if i == 0 else width, width, bias=not use_bn))
        if use_bn:
            layers.append(nn.BatchNorm1d(width))
        layers.append(nn.ReLU())
    layers.append(nn.Linear(width, n_classes))
    return nn.Sequential(*layers)


def init_weights(model: nn.Module, scale: float, generator: torch.Generator) -> nn.Module:
    """모든 Linear 가중치를 N(0, scale²)에서 뽑고 편향은 0으로 둔다."""
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
    # 배정밀도로 학습한다. 초깃값이 아주 작으면 배치 정규화가 float32의 반올림 오차까지 키워서,
    # CPU가 쓰는 연산 명령(AVX2, AVX-512)에 따라 결과가 달라지기 때문이다.
    data = as_float64(load_digits_data(source))
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    try:
        runs = []
        for use_bn in (False, True):
            for scale in scales:
                model = make_bn_mlp(data.n_features, use_bn).double()
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


def first_batch_loss(scale: float, output_scale: float | None = None, seed: int = 0) -> float:
    """bn_comparison과 같은 BN 신경망, 같은 첫 미니배치에서 학습 전의 손실.

    output_scale을 주면 배치 정규화가 없는 마지막 출력층만 그 표준편차로 다시 뽑는다."""
    data = as_float64(load_digits_data("sklearn"))
    model = make_bn_mlp(data.n_features, True).double()
    init_weights(model, scale, torch.Generator().manual_seed(seed))
    if output_scale is not None:
        nn.init.normal_(
            model[-1].weight, std=output_scale, generator=torch.Generator().manual_seed(seed)
        )
    # train()이 첫 단계에 뽑는 것과 같은 미니배치(같은 시드, 같은 크기 64)
    batch = torch.randint(
        0, len(data.x_train), (64,), generator=torch.Generator().manual_seed(seed + 1)
    )
    with torch.no_grad():
        return nn.functional.cross_entropy(model(data.x_train[batch]), data.y_train[batch]).item()


def as_float64(data: Digits) -> Digits:
    """픽셀을 배정밀도(float64)로 바꾼 사본."""
    return replace(data, x_train=data.x_train.double(), x_test=data.x_test.double())


def loss_spread(runs: tuple[BNRun, ...], use_bn: bool) -> float:
    """규모를 바꿨을 때 최종 손실이 얼마나 달라지는가: 최댓값 - 최솟값. 발산(nan)은 무한대로 센다."""
    finals = [
        math.inf if math.isnan(r.final_loss) else r.final_loss for r in runs if r.use_bn == use_bn
    ]
    return max(finals) - min(finals)


# --8<-- [end:experiment]


# --8<-- [start:loss_along_gradient]
@cache
def loss_along_gradient(
    use_bn: bool,
    scale: float = 0.1,
    steps: int = 200,
    lr: float = 0.05,
    probes: tuple[float, ...] = (0.05, 0.1, 0.2, 0.4),
    every: int = 10,
    seed: int = 0,
) -> float:
    """학습하는 길에서 기울기 방향으로 probes만큼 걸어 보았을 때 손실이 얼마나 달라지는가.

    every 단계마다 지금 미니배치의 기울기 g를 구하고, w - η·g (η는 probes) 네 곳의 손실을 잰다.
    그 최댓값과 최솟값의 차를 학습 내내 평균한다. 작을수록 손실 지형이 매끄럽다.
    """
    data = as_float64(load_digits_data("sklearn"))
    model = make_bn_mlp(data.n_features, use_bn).double()
    init_weights(model, scale, torch.Generator().manual_seed(seed))
    generator = torch.Generator().manual_seed(seed + 1)
    optimizer = torch.optim.SGD(model.parameters(), lr=lr)
    parameters = list(model.parameters())
    model.train()
    spreads = []
    for step in range(steps):
        batch = torch.randint(0, len(data.x_train), (64,), generator=generator)
        x, y = data.x_train[batch], data.y_train[batch]
        optimizer.zero_grad()
        nn.functional.cross_entropy(model(x), y).backward()
        if step % every == 0:
            spreads.append(_loss_range(model, parameters, x, y, probes))
        optimizer.step()
    return sum(spreads) / len(spreads)


def _loss_range(model, parameters, x, y, probes) -> float:
    """기울기 방향으로 η만큼씩 옮겨 본 손실의 최댓값과 최솟값의 차. 가중치는 제자리로 돌려놓는다."""
    start = [p.detach().clone() for p in parameters]
    losses = []
    with torch.no_grad():
        for eta in probes:
            for p, p0 in zip(parameters, start, strict=False):
                p.copy_(p0 - eta * p.grad)
            # 학습 모드 그대로 잰다. 이동 평균이 조금 움직이지만 재는 값에는 영향이 없다
            losses.append(nn.functional.cross_entropy(model(x), y).item())
        for p, p0 in zip(parameters, start, strict=False):
            p.copy_(p0)
    return max(losses) - min(losses)


# --8<-- [end:loss_along_gradient]

"""고전 실험: 표준정규분포 입력 1000×100을 100 유닛짜리 층 5개에 통과시키며 층별 활성화 값을 본다.

가중치는 초기화 방식만 다르고 같은 난수에서 나온다(표준정규 난수에 표준편차를 곱한다).
그래서 초기화 방식끼리의 차이는 오직 가중치의 규모에서 온다. 편향은 쓰지 않는다.

# --8<-- [start:sigmoid]
>>> big = layer_activations("sigmoid", "std1")
>>> [round(saturated_fraction(h), 2) for h in big]
[0.77, 0.66, 0.7, 0.64, 0.63]
>>> [round(sigmoid_slope(h), 3) for h in big]
[0.04, 0.057, 0.051, 0.061, 0.063]
>>> [round(saturated_fraction(h), 2) for h in layer_activations("sigmoid", "xavier")]
[0.0, 0.0, 0.0, 0.0, 0.0]
>>> small = layer_activations("sigmoid", "std0.01")
>>> [round(h.mean().item(), 3) for h in small]
[0.5, 0.501, 0.497, 0.499, 0.503]
>>> [round(h.std().item(), 4) for h in small]
[0.0251, 0.0119, 0.0132, 0.0132, 0.0129]

# --8<-- [end:sigmoid]
# --8<-- [start:sigmoid_units]
>>> [round(h.std(dim=0).mean().item(), 4) for h in small]   # 한 유닛이 샘플에 따라 움직이는 폭
[0.025, 0.0006, 0.0, 0.0, 0.0]
>>> [round(h.mean(dim=0).std().item(), 4) for h in small]   # 유닛마다 평균이 다른 폭
[0.0008, 0.0119, 0.0132, 0.0132, 0.013]

# --8<-- [end:sigmoid_units]
# --8<-- [start:std_table]
>>> for activation in ("sigmoid", "tanh", "relu"):
...     for scheme in ("std0.01", "xavier", "he"):
...         stds = layer_stds(activation, scheme)
...         print(f"{activation:8}{scheme:8}", " ".join(f"{s:6.3f}" for s in stds))
...
sigmoid std0.01   0.025  0.012  0.013  0.013  0.013
sigmoid xavier    0.209  0.123  0.130  0.122  0.119
sigmoid he        0.262  0.172  0.178  0.164  0.160
tanh    std0.01   0.099  0.010  0.001  0.000  0.000
tanh    xavier    0.628  0.488  0.406  0.349  0.311
tanh    he        0.721  0.635  0.593  0.568  0.559
relu    std0.01   0.059  0.004  0.000  0.000  0.000
relu    xavier    0.588  0.423  0.282  0.172  0.133
relu    he        0.832  0.845  0.797  0.689  0.751

# --8<-- [end:std_table]
# --8<-- [start:shrink]
>>> for activation in ("tanh", "relu"):
...     stds = layer_stds(activation, "std0.01")
...     ratios = [later / earlier for earlier, later in zip(stds, stds[1:])]
...     print(f"{activation:5}", " ".join(f"{r:.3f}" for r in ratios), "| 5층", f"{stds[-1]:.1e}")
tanh  0.101 0.099 0.097 0.099 | 5층 9.6e-06
relu  0.072 0.067 0.061 0.077 | 5층 1.3e-06
>>> round(0.01 * math.sqrt(100), 3), round(0.01 * math.sqrt(100) / math.sqrt(2), 3)
(0.1, 0.071)

# --8<-- [end:shrink]
"""

from __future__ import annotations

import math
from functools import cache

import torch

# --8<-- [start:schemes]
ACTIVATIONS = {
    "sigmoid": torch.sigmoid,
    "tanh": torch.tanh,
    "relu": torch.relu,
}


def init_std(scheme: str, fan_in: int, fan_out: int) -> float:
    """초기화 방식별 가중치 표준편차."""
    if scheme == "std0.01":
        return 0.01
    if scheme == "std1":
        return 1.0
    if scheme == "xavier":  # Glorot & Bengio (2010): Var(W) = 2 / (n_in + n_out)
        return math.sqrt(2.0 / (fan_in + fan_out))
    if scheme == "he":  # He et al. (2015): Var(W) = 2 / n_in
        return math.sqrt(2.0 / fan_in)
    raise ValueError(f"모르는 초기화 방식 {scheme!r}: std0.01, std1, xavier, he 중 하나")


# --8<-- [end:schemes]


# --8<-- [start:forward]
def layer_activations(
    activation: str,
    scheme: str,
    *,
    n_samples: int = 1000,
    width: int = 100,
    depth: int = 5,
    seed: int = 0,
) -> list[torch.Tensor]:
    """입력 (n_samples × width)을 depth 개의 층에 통과시키고 층마다 활성화 값을 모은다."""
    generator = torch.Generator().manual_seed(seed)
    x = torch.randn(n_samples, width, generator=generator)
    act = ACTIVATIONS[activation]
    outputs = []
    for _ in range(depth):
        std = init_std(scheme, fan_in=width, fan_out=width)
        w = torch.randn(width, width, generator=generator) * std
        x = act(x @ w)
        outputs.append(x)
    return outputs


# --8<-- [end:forward]


# --8<-- [start:stats]
@cache
def layer_stds(activation: str, scheme: str) -> tuple[float, ...]:
    """층별 활성화 값의 표준편차."""
    return tuple(h.std().item() for h in layer_activations(activation, scheme))


def saturated_fraction(h: torch.Tensor, margin: float = 0.05) -> float:
    """시그모이드 출력 중 0이나 1에 margin 이내로 붙은 값의 비율."""
    return ((h < margin) | (h > 1 - margin)).float().mean().item()


def sigmoid_slope(h: torch.Tensor) -> float:
    """시그모이드의 국소 기울기 σ'(a) = σ(a)(1 - σ(a))의 평균. 최댓값은 0.25다."""
    return (h * (1 - h)).mean().item()


# --8<-- [end:stats]

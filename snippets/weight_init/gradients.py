"""초기화 직후 층별 기울기: 활성화 실험과 같은 신경망에서 역전파가 층마다 무엇을 남기는가.

`layer_activations`와 같은 난수 순서로 입력과 가중치를 만들므로, 순전파는 그 실험과 똑같다.
출력 쪽에서 들어오는 기울기는 표준정규 난수로 고정한다. 그래야 초기화 방식끼리 같은 기울기가
거꾸로 흘러 들어가고, 차이는 오직 층을 거슬러 오며 생긴다.

# --8<-- [start:signal_table]
>>> for activation in ("sigmoid", "tanh", "relu"):
...     for scheme in ("std0.01", "xavier", "he"):
...         signal, _ = layer_gradient_norms(activation, scheme)
...         print(f"{activation:8}{scheme:8}", " ".join(f"{g:8.1e}" for g in signal))
...
sigmoid std0.01   1.2e-07  4.8e-06  2.0e-04  7.9e-03  3.2e-01
sigmoid xavier    9.3e-04  4.0e-03  1.7e-02  7.5e-02  3.2e-01
sigmoid he        3.0e-03  9.7e-03  3.2e-02  1.0e-01  3.2e-01
tanh    std0.01   3.1e-05  3.1e-04  3.1e-03  3.2e-02  3.2e-01
tanh    xavier    1.7e-01  2.1e-01  2.5e-01  2.9e-01  3.2e-01
tanh    he        3.2e-01  3.4e-01  3.4e-01  3.3e-01  3.2e-01
relu    std0.01   7.3e-06  1.0e-04  1.6e-03  2.4e-02  3.2e-01
relu    xavier    7.3e-02  1.0e-01  1.6e-01  2.4e-01  3.2e-01
relu    he        2.9e-01  2.9e-01  3.2e-01  3.4e-01  3.2e-01

# --8<-- [end:signal_table]
# --8<-- [start:weight_table]
>>> for activation in ("sigmoid", "tanh", "relu"):
...     for scheme in ("std0.01", "xavier", "he"):
...         _, weight = layer_gradient_norms(activation, scheme)
...         print(f"{activation:8}{scheme:8}", " ".join(f"{g:8.1e}" for g in weight))
...
sigmoid std0.01   2.9e-07  7.9e-06  2.9e-04  1.2e-02  4.2e-01
sigmoid xavier    1.9e-03  6.6e-03  2.5e-02  1.0e-01  3.9e-01
sigmoid he        5.6e-03  1.5e-02  4.5e-02  1.3e-01  3.8e-01
tanh    std0.01   2.9e-04  3.0e-04  3.1e-04  3.1e-04  3.1e-04
tanh    xavier    1.1e+00  1.0e+00  1.0e+00  1.0e+00  9.9e-01
tanh    he        1.9e+00  1.6e+00  1.5e+00  1.4e+00  1.3e+00
relu    std0.01   5.1e-05  5.3e-05  5.3e-05  5.6e-05  5.0e-05
relu    xavier    5.1e-01  5.3e-01  5.3e-01  5.6e-01  5.0e-01
relu    he        2.1e+00  2.1e+00  2.1e+00  2.2e+00  2.0e+00

# --8<-- [end:weight_table]
"""

from __future__ import annotations

from functools import cache

import torch

from snippets.weight_init.activations import ACTIVATIONS, init_std


# --8<-- [start:measure]
@cache
def layer_gradient_norms(
    activation: str, scheme: str, *, n_samples: int = 1000, width: int = 100, depth: int = 5
) -> tuple[tuple[float, ...], tuple[float, ...]]:
    """층마다 (활성화 값에 대한 기울기의 노름, 가중치에 대한 기울기의 노름)을 1층부터 돌려준다."""
    generator = torch.Generator().manual_seed(0)
    x = torch.randn(n_samples, width, generator=generator)
    act = ACTIVATIONS[activation]
    weights, outputs = [], []
    for _ in range(depth):
        std = init_std(scheme, fan_in=width, fan_out=width)
        w = (torch.randn(width, width, generator=generator) * std).requires_grad_()
        x = act(x @ w)
        x.retain_grad()  # 중간 텐서의 기울기도 남겨 둔다
        weights.append(w)
        outputs.append(x)
    upstream = torch.randn(n_samples, width, generator=generator)  # 출력 쪽에서 오는 기울기
    loss = (x * upstream).sum() / n_samples
    loss.backward()
    signal = tuple(h.grad.norm().item() for h in outputs)
    weight = tuple(w.grad.norm().item() for w in weights)
    return signal, weight


# --8<-- [end:measure]

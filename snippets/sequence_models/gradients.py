"""기울기 소실과 폭발: 같은 행렬을 거듭 곱하면 기울기가 지수적으로 줄거나 커진다."""

# --8<-- [start:setup]
import math

import torch
from torch import Tensor, nn

ACTIVATIONS = {
    "linear": lambda a: a,
    "tanh": torch.tanh,
    "sigmoid": torch.sigmoid,
    "relu": torch.relu,
}
# --8<-- [end:setup]


# --8<-- [start:scaled_orthogonal]
def scaled_orthogonal(size: int, scale: float, g: torch.Generator):
    """모든 특잇값이 scale인 행렬: 곱할 때마다 벡터 길이가 정확히 scale배."""
    a = torch.randn(size, size, generator=g, dtype=torch.float64)
    q, _ = torch.linalg.qr(a)  # q는 직교 행렬: 특잇값이 모두 1
    return scale * q


# --8<-- [end:scaled_orthogonal]


# --8<-- [start:gradient_norms]
def gradient_norms(
    activation: str, scale: float, steps: int = 50, hidden: int = 64, seed: int = 0
) -> list[float]:
    """h_t = f(x_t + W h_{t-1})를 steps번 돌리고, 마지막 상태의 손실에서
    시점마다의 기울기 노름 ||dL/dh_t||를 잰다. 마지막 시점의 값에 대한 비율.

    >>> [round(r, 4) for r in gradient_norms("linear", 0.9, steps=4)]
    [0.729, 0.81, 0.9, 1.0]
    >>> [round(r, 4) for r in gradient_norms("linear", 1.1, steps=4)]
    [1.331, 1.21, 1.1, 1.0]
    """
    g = torch.Generator().manual_seed(seed)
    W = scaled_orthogonal(hidden, scale, g)
    x = torch.randn(steps, hidden, generator=g, dtype=torch.float64)
    f = ACTIVATIONS[activation]
    h = torch.zeros(hidden, dtype=torch.float64, requires_grad=True)
    states = []
    for t in range(steps):
        h = f(x[t] + W @ h)
        h.retain_grad()  # 중간 상태의 기울기도 남겨 둔다
        states.append(h)
    states[-1].sum().backward()
    norms = [s.grad.norm().item() for s in states]
    return [n / norms[-1] for n in norms]


# --8<-- [end:gradient_norms]


# --8<-- [start:activation_table]
def activation_table(scales=(0.5, 1.0, 2.0, 4.0), steps: int = 50) -> None:
    """첫 상태까지 살아남은 기울기의 비율 ||dL/dh_1|| / ||dL/dh_T||.

    >>> activation_table()
    f            W×0.5      W×1.0      W×2.0      W×4.0
    linear     1.8e-15    1.0e+00    5.6e+14    3.2e+29
    tanh       8.5e-24    3.2e-10    3.1e+00    2.3e+08
    sigmoid    1.0e-48    1.7e-34    1.7e-21    7.8e-11
    relu       2.6e-23    1.5e-08    4.0e+07    2.0e+22
    """
    print("f".ljust(7) + "".join(f"W×{s:.1f}".rjust(11) for s in scales))
    for name in ACTIVATIONS:
        ratios = [gradient_norms(name, s, steps)[0] for s in scales]
        print(name.ljust(7) + "".join(f"{r:11.1e}" for r in ratios))


# --8<-- [end:activation_table]


# --8<-- [start:relu_growth]
def growth_per_step(activation: str, scale: float, steps: int = 50) -> float:
    """한 시점을 거슬러 갈 때 기울기 노름이 평균 몇 배가 되는가: 전체 비율의 (steps-1)제곱근."""
    return gradient_norms(activation, scale, steps)[0] ** (1 / (steps - 1))


def relu_growth_table(scales=(0.5, 1.0, 2.0, 4.0)) -> None:
    """렐루는 절반쯤의 유닛을 끄므로, 기울기는 한 시점마다 배율보다 √2쯤 작은 배율로 변한다.

    >>> relu_growth_table()
    W×0.5: 한 시점당 0.35배 (배율/√2 = 0.35)
    W×1.0: 한 시점당 0.69배 (배율/√2 = 0.71)
    W×2.0: 한 시점당 1.43배 (배율/√2 = 1.41)
    W×4.0: 한 시점당 2.85배 (배율/√2 = 2.83)
    """
    for s in scales:
        per_step = growth_per_step("relu", s)
        print(f"W×{s:.1f}: 한 시점당 {per_step:.2f}배 (배율/√2 = {s / math.sqrt(2):.2f})")


# --8<-- [end:relu_growth]


# --8<-- [start:max_derivative]
def max_derivative(activation: str) -> float:
    """도함수의 최댓값: 한 시점을 지날 때 기울기에 곱해질 수 있는 가장 큰 값.

    >>> {name: max_derivative(name) for name in ("tanh", "sigmoid", "relu")}
    {'tanh': 1.0, 'sigmoid': 0.25, 'relu': 1.0}
    """
    a = torch.linspace(-6, 6, 1201, dtype=torch.float64, requires_grad=True)
    ACTIVATIONS[activation](a).sum().backward()
    return round(a.grad.max().item(), 6)


# --8<-- [end:max_derivative]


# --8<-- [start:input_gradient_ratio]
def open_forget_gate(layer: nn.LSTM, value: float) -> None:
    """망각 게이트에 더해지는 편향 bias_ih + bias_hh의 [H:2H] 구간이 정확히 value가 되게 한다."""
    H = layer.hidden_size
    with torch.no_grad():
        layer.bias_ih_l0[H : 2 * H] = value
        layer.bias_hh_l0[H : 2 * H] = 0.0  # 그대로 두면 U(±1/√H)에서 뽑힌 값이 더해진다


def input_gradient_norms(
    kind: str, steps: int = 100, forget_bias: float | None = None, seed: int = 0
) -> list[float]:
    """마지막 출력의 기울기가 시점마다의 입력에 얼마나 닿는지.
    ||dL/dx_t|| / ||dL/dx_T||를 돌려준다.

    forget_bias: LSTM 망각 게이트의 편향을 이 값으로 바꾼다.
    파이토치는 게이트를 i, f, g, o 순서로 쌓으므로 망각 게이트는 [H:2H] 구간이다.
    """
    torch.manual_seed(seed)
    H = 64
    layer = {"rnn": nn.RNN, "lstm": nn.LSTM, "gru": nn.GRU}[kind](16, H).double()
    if forget_bias is not None:
        open_forget_gate(layer, forget_bias)
    x = torch.randn(steps, 1, 16, dtype=torch.float64, requires_grad=True)
    out, _ = layer(x)
    out[-1].sum().backward()
    norms = x.grad.norm(dim=(1, 2))
    return (norms / norms[-1]).tolist()


def gated_table(steps: int = 100) -> None:
    """100시점 앞의 입력까지 살아남는 기울기의 비율.

    >>> gated_table()
    rnn                7.9e-26
    gru                8.4e-20
    lstm               3.9e-21
    lstm (b_f = 1)     1.7e-08
    lstm (b_f = 3)     5.3e-01
    """
    cases = [("rnn", None), ("gru", None), ("lstm", None), ("lstm", 1.0), ("lstm", 3.0)]
    for kind, fb in cases:
        label = kind if fb is None else f"{kind} (b_f = {fb:g})"
        ratio = input_gradient_norms(kind, steps, fb)[0]
        print(f"{label:<15}{ratio:10.1e}")


# --8<-- [end:input_gradient_ratio]


# --8<-- [start:cell_path]
def forget_gates(steps: int = 100, forget_bias: float = 3.0, seed: int = 0) -> Tensor:
    """input_gradient_norms("lstm", steps, forget_bias, seed)와 같은 층과 입력에서 시점마다의 f_t (steps, H)."""
    torch.manual_seed(seed)
    H = 64
    layer = nn.LSTM(16, H).double()
    open_forget_gate(layer, forget_bias)
    x = torch.randn(steps, 1, 16, dtype=torch.float64)
    W_ih, W_hh = layer.weight_ih_l0, layer.weight_hh_l0
    b_ih, b_hh = layer.bias_ih_l0, layer.bias_hh_l0
    h, c = torch.zeros(1, H, dtype=torch.float64), torch.zeros(1, H, dtype=torch.float64)
    fs = []
    with torch.no_grad():
        for t in range(steps):
            gates = x[t] @ W_ih.T + b_ih + h @ W_hh.T + b_hh
            i, f, g, o = gates.chunk(4, dim=-1)
            c = f.sigmoid() * c + i.sigmoid() * g.tanh()
            h = o.sigmoid() * c.tanh()
            fs.append(f.sigmoid()[0])
    return torch.stack(fs)


def cell_path_table(steps: int = 100, forget_bias: float = 3.0) -> None:
    """셀 상태 통로(diag f)만 따라 첫 시점까지 간 몫과, 실제로 첫 입력에 닿은 기울기의 비율.

    >>> cell_path_table()
    망각 게이트의 평균: 0.950
    σ(3)^99: 8.1e-03
    셀 통로만 따라간 몫(∏ f_t의 평균): 9.1e-03
    첫 입력에 실제로 닿은 비율: 5.3e-01
    """
    f = forget_gates(steps, forget_bias)
    cell_only = f[1:].prod(dim=0).mean().item()  # c_1에서 c_T까지 steps-1번 곱한다
    measured = input_gradient_norms("lstm", steps, forget_bias)[0]
    sigma = torch.sigmoid(torch.tensor(forget_bias, dtype=torch.float64)).item()
    print(f"망각 게이트의 평균: {f.mean().item():.3f}")
    print(f"σ({forget_bias:g})^{steps - 1}: {sigma ** (steps - 1):.1e}")
    print(f"셀 통로만 따라간 몫(∏ f_t의 평균): {cell_only:.1e}")
    print(f"첫 입력에 실제로 닿은 비율: {measured:.1e}")


# --8<-- [end:cell_path]


# --8<-- [start:clip_demo]
def clip_demo() -> None:
    """기울기 전체의 노름이 max_norm을 넘으면 방향은 두고 길이만 줄인다.

    >>> clip_demo()
    자르기 전 노름 50.0
    clip_grad_norm_이 돌려준 값 50.0
    자른 뒤 노름 1.0
    방향 유지: True
    """
    p = nn.Parameter(torch.zeros(2))
    p.grad = torch.tensor([30.0, 40.0])
    before = p.grad.clone()
    print("자르기 전 노름", round(before.norm().item(), 3))
    total = nn.utils.clip_grad_norm_([p], max_norm=1.0)
    print("clip_grad_norm_이 돌려준 값", round(total.item(), 3))
    print("자른 뒤 노름", round(p.grad.norm().item(), 3))
    cosine = torch.dot(p.grad, before) / (p.grad.norm() * before.norm())
    print("방향 유지:", math.isclose(cosine.item(), 1.0, rel_tol=1e-6))


# --8<-- [end:clip_demo]

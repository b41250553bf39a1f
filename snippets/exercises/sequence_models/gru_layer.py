"""연습 문제 sequence-models/gru-layer: Cho 등(2014)의 원래 식대로 리셋 게이트를 행렬 곱 앞에 곱하는 GRU 층."""

import torch
from torch import Tensor

from snippets.exercises.checks import Case, close


# --8<-- [start:solution]
def gru_layer(x: Tensor, h0: Tensor, W_ih: Tensor, W_hh: Tensor, b_ih: Tensor, b_hh: Tensor):
    """원 논문 방식의 GRU 층 하나(batch_first). (모든 시점의 은닉 상태 (B, T, H), 마지막 은닉 상태 (B, H)).

    가중치는 nn.GRU와 같이 (r, z, n) 세 블록을 세로로 쌓은 것이다. nn.GRU와 달리 후보 n을 만들 때
    리셋 게이트를 지난 상태에 먼저 곱한 뒤 W_hn을 곱한다: n = tanh(W_in x + b_in + W_hn (r ⊙ h) + b_hn).

    >>> _ = torch.manual_seed(0)
    >>> gru = torch.nn.GRU(3, 4, batch_first=True)
    >>> x, h0 = torch.randn(2, 5, 3), torch.randn(2, 4)
    >>> outputs, h_n = gru_layer(x, h0, *gru.parameters())
    >>> expected, _ = gru(x, h0[None])
    >>> torch.allclose(outputs, expected, atol=1e-4), torch.equal(h_n, outputs[:, -1])
    (False, True)
    """
    W_hr, W_hz, W_hn = W_hh.chunk(3)  # (H, H) 셋
    b_hr, b_hz, b_hn = b_hh.chunk(3)
    h = h0
    outputs = []
    for t in range(x.shape[1]):
        xr, xz, xn = (x[:, t] @ W_ih.T + b_ih).chunk(3, dim=-1)
        r = torch.sigmoid(xr + h @ W_hr.T + b_hr)
        z = torch.sigmoid(xz + h @ W_hz.T + b_hz)
        n = torch.tanh(xn + (r * h) @ W_hn.T + b_hn)  # 리셋 게이트를 행렬 곱 앞에 곱한다
        h = (1 - z) * n + z * h  # z는 지난 상태를 남길 몫이다
        outputs.append(h)
    return torch.stack(outputs, dim=1), h


# --8<-- [end:solution]


def _randn(*shape, seed):
    return torch.randn(*shape, generator=torch.Generator().manual_seed(seed))


def _cell(input_size=3, hidden_size=4, seed=0):
    torch.manual_seed(seed)
    return torch.nn.GRUCell(input_size, hidden_size)


def _weights(module):
    """nn.GRUCell과 nn.GRU(한 층)는 같은 순서로 (W_ih, W_hh, b_ih, b_hh)를 갖는다."""
    return [p.detach().clone() for p in module.parameters()]


def _reference_step(x, h, W_ih, W_hh, b_ih, b_hh):
    """검사용 기준: 블록을 이름으로 잘라 원 논문의 식을 한 줄씩 옮긴 것(풀이와 따로 썼다)."""
    H = h.shape[-1]
    W_i = {name: W_ih[k * H : (k + 1) * H] for k, name in enumerate("rzn")}
    W_h = {name: W_hh[k * H : (k + 1) * H] for k, name in enumerate("rzn")}
    b_i = {name: b_ih[k * H : (k + 1) * H] for k, name in enumerate("rzn")}
    b_h = {name: b_hh[k * H : (k + 1) * H] for k, name in enumerate("rzn")}
    r = torch.sigmoid(x @ W_i["r"].T + b_i["r"] + h @ W_h["r"].T + b_h["r"])
    z = torch.sigmoid(x @ W_i["z"].T + b_i["z"] + h @ W_h["z"].T + b_h["z"])
    n = torch.tanh(x @ W_i["n"].T + b_i["n"] + (r * h) @ W_h["n"].T + b_h["n"])
    return z * h + (1 - z) * n


def _with_gate_bias(seed, block, value):
    """block(0: r, 1: z)번째 게이트의 입력 쪽 편향을 value로 둔 셀. ±30이면 게이트가 0이나 1에 붙는다."""
    cell = _cell(seed=seed)
    with torch.no_grad():
        cell.bias_ih[4 * block : 4 * (block + 1)] = value
        cell.bias_hh[4 * block : 4 * (block + 1)] = 0.0
    return cell


def _one_step(cell, seed):
    x, h = _randn(2, 1, 3, seed=seed), _randn(2, 4, seed=seed + 1)
    with torch.no_grad():
        expected = _reference_step(x[:, 0], h, *_weights(cell))
        torch_out = cell(x[:, 0], h)
    return x, h, expected, torch_out


def _hint(h_previous, torch_out, otherwise):
    """흔한 두 오답을 알아본다: z를 반대쪽에 곱한 것, 파이토치처럼 리셋 게이트를 행렬 곱 뒤에 곱한 것."""

    def hint(got):
        if isinstance(got, torch.Tensor) and got.shape == h_previous.shape:
            if torch.allclose(got, h_previous, atol=1e-4):
                return (
                    "z를 반대쪽에 곱했다. h_t = (1 - z)·n + z·h_(t-1)이다. z는 지난 상태 쪽에 곱하므로 "
                    "z ≈ 0이면 새 후보 n이 남는다. 가중치 블록은 (r, z, n) 순서라 z는 둘째 블록이다."
                )
            if torch.allclose(got, torch_out, atol=1e-5):
                return (
                    "nn.GRU와 같은 값이 나왔다. 리셋 게이트를 행렬 곱 뒤에 곱한 파이토치 방식이다. "
                    "이 문제는 r을 지난 상태에 먼저 곱한 뒤 W_hn을 곱한다: W_hn(r ⊙ h) + b_hn."
                )
        return otherwise

    return hint


def cases() -> list[Case]:
    closed_z = _with_gate_bias(seed=1, block=1, value=-30.0)
    x1, h1, expected1, torch1 = _one_step(closed_z, seed=10)
    open_r = _with_gate_bias(seed=5, block=0, value=30.0)
    x2, h2, expected2, torch2 = _one_step(open_r, seed=50)
    closed_r = _with_gate_bias(seed=6, block=0, value=-30.0)
    x3, h3, expected3, torch3 = _one_step(closed_r, seed=60)
    cell = _cell(seed=2)
    x4, h4, expected4, torch4 = _one_step(cell, seed=20)

    torch.manual_seed(3)
    gru = torch.nn.GRU(3, 4, batch_first=True)
    weights = _weights(gru)
    x5, h5 = _randn(2, 5, 3, seed=30), _randn(2, 4, seed=31)
    h = h5
    steps = []
    with torch.no_grad():
        for t in range(5):
            h = _reference_step(x5[:, t], h, *weights)
            steps.append(h)
    expected5 = torch.stack(steps, dim=1)

    def shapes(f):
        outputs, h_n = f(_randn(2, 5, 3, seed=40), torch.zeros(2, 4), *weights)
        return tuple(outputs.shape), tuple(h_n.shape)

    def last(f):
        outputs, h_n = f(x5, h5, *weights)
        return torch.equal(h_n, outputs[:, -1])

    generic = (
        "n = tanh(W_in·x + b_in + W_hn·(r ⊙ h) + b_hn)에서 r이 어디에 곱해지는지, "
        "블록 순서 (r, z, n)을 본다."
    )
    return [
        Case(
            "배치 2, 길이 5, 입력 3, 은닉 4: (outputs, h_n)의 모양",
            shapes,
            ((2, 5, 4), (2, 4)),
            "outputs는 시점마다의 h를 dim=1로 쌓은 (B, T, H)이고 h_n은 마지막 시점의 (B, H)다.",
        ),
        Case(
            "업데이트 게이트가 닫힌(z ≈ 0) 셀의 한 시점: h_t는 새 후보 n이어야 한다",
            lambda f: f(x1, h1, *_weights(closed_z))[1],
            expected1,
            _hint(h1, torch1, generic),
            close(atol=1e-5),
        ),
        Case(
            "리셋 게이트가 열린(r ≈ 1) 셀의 한 시점: 이때는 nn.GRUCell과 같아야 한다",
            lambda f: f(x2, h2, *_weights(open_r))[1],
            expected2,
            "r = 1이면 두 방식이 같다. 그런데도 다르다면 블록 순서(r, z, n)나 z가 곱해지는 쪽을 본다.",
            close(atol=1e-5),
        ),
        Case(
            "리셋 게이트가 닫힌(r ≈ 0) 셀의 한 시점: 후보는 지난 상태를 보지 않지만 b_hn은 남는다",
            lambda f: f(x3, h3, *_weights(closed_r))[1],
            expected3,
            _hint(h3, torch3, "r = 0이면 W_hn·(r ⊙ h)는 0이지만 b_hn은 그대로 더해진다."),
            close(atol=1e-5),
        ),
        Case(
            "무작위 가중치의 한 시점: 원 논문의 식과 같은가",
            lambda f: f(x4, h4, *_weights(cell))[1],
            expected4,
            _hint(h4, torch4, generic),
            close(atol=1e-5),
        ),
        Case(
            "길이 5의 시퀀스: 시점마다 같은 식을 이어 적용했는가",
            lambda f: f(x5, h5, *weights)[0],
            expected5,
            "시점마다 새로 구한 h를 다음 시점에 넘긴다. x[:, t]가 t번째 시점의 입력이다.",
            close(atol=1e-5),
        ),
        Case(
            "h_n은 outputs의 마지막 시점과 같은가",
            last,
            True,
            "마지막 시점의 은닉 상태를 h_n으로 돌려준다.",
        ),
    ]

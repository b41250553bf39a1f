"""연습 문제 sequence-models/gru-layer: GRU 층을 식 그대로 구현하고 nn.GRUCell, nn.GRU와 맞춘다."""

import torch
from torch import Tensor

from snippets.exercises.checks import Case, close


# --8<-- [start:solution]
def gru_layer(x: Tensor, h0: Tensor, W_ih: Tensor, W_hh: Tensor, b_ih: Tensor, b_hh: Tensor):
    """GRU 층 하나(batch_first). (모든 시점의 은닉 상태 (B, T, H), 마지막 은닉 상태 (B, H))를 돌려준다.

    x: (B, T, D), h0: (B, H). 가중치는 nn.GRU처럼 (r, z, n) 세 블록을 세로로 쌓은 것이다.

    >>> _ = torch.manual_seed(0)
    >>> gru = torch.nn.GRU(3, 4, batch_first=True)
    >>> x, h0 = torch.randn(2, 5, 3), torch.zeros(2, 4)
    >>> outputs, h_n = gru_layer(x, h0, *gru.parameters())
    >>> expected, _ = gru(x)
    >>> torch.allclose(outputs, expected, atol=1e-6), torch.equal(h_n, outputs[:, -1])
    (True, True)
    """
    h = h0
    outputs = []
    for t in range(x.shape[1]):
        xr, xz, xn = (x[:, t] @ W_ih.T + b_ih).chunk(3, dim=-1)
        hr, hz, hn = (h @ W_hh.T + b_hh).chunk(3, dim=-1)
        r = torch.sigmoid(xr + hr)
        z = torch.sigmoid(xz + hz)
        n = torch.tanh(xn + r * hn)  # 리셋 게이트는 W_hn h + b_hn 전체에 곱한다
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


def _closed_update_gate():
    """업데이트 게이트의 편향을 아주 작게 두어 z ≈ 0으로 만든 셀: 그러면 h_t는 새 후보 n이다."""
    cell = _cell(seed=1)
    with torch.no_grad():
        cell.bias_ih[4:8] = -30.0
    return cell


def _one_step(cell, seed):
    x, h = _randn(2, 1, 3, seed=seed), _randn(2, 4, seed=seed + 1)
    with torch.no_grad():
        expected = cell(x[:, 0], h)
    return x, h, expected


def _closed_gate_hint(h_previous):
    """z ≈ 0인데 지난 상태가 그대로 나왔다면 z를 반대쪽에 곱한 것이다."""

    def hint(got):
        if isinstance(got, torch.Tensor) and got.shape == h_previous.shape:
            if torch.allclose(got, h_previous, atol=1e-4):
                return (
                    "z를 반대쪽에 곱했다. 파이토치는 h_t = (1 - z)·n + z·h_(t-1)이다. z는 지난 상태 쪽에 "
                    "곱하므로 z ≈ 0이면 새 후보 n이 남는다. 가중치 블록은 (r, z, n) 순서라 z는 둘째 블록이다."
                )
        return (
            "z ≈ 0이면 h_t는 새 후보 n이다. n을 만드는 식을 본다: 리셋 게이트는 W_hn·h + b_hn 전체에 "
            "곱한다(n = tanh(W_in·x + b_in + r ⊙ (W_hn·h + b_hn))). 블록 순서는 (r, z, n)이다."
        )

    return hint


def cases() -> list[Case]:
    closed = _closed_update_gate()
    x1, h1, expected1 = _one_step(closed, seed=10)
    cell = _cell(seed=2)
    x2, h2, expected2 = _one_step(cell, seed=20)

    torch.manual_seed(3)
    gru = torch.nn.GRU(3, 4, batch_first=True)
    x3, h3 = _randn(2, 5, 3, seed=30), _randn(2, 4, seed=31)
    with torch.no_grad():
        expected3, _ = gru(x3, h3[None])

    def shapes(f):
        outputs, h_n = f(_randn(2, 5, 3, seed=40), torch.zeros(2, 4), *_weights(gru))
        return tuple(outputs.shape), tuple(h_n.shape)

    def last(f):
        outputs, h_n = f(x3, h3, *_weights(gru))
        return torch.equal(h_n, outputs[:, -1])

    return [
        Case(
            "배치 2, 길이 5, 입력 3, 은닉 4: (outputs, h_n)의 모양",
            shapes,
            ((2, 5, 4), (2, 4)),
            "outputs는 시점마다의 h를 dim=1로 쌓은 (B, T, H)이고 h_n은 마지막 시점의 (B, H)다.",
        ),
        Case(
            "업데이트 게이트가 닫힌(z ≈ 0) 셀의 한 시점: h_t는 새 후보 n이어야 한다",
            lambda f: f(x1, h1, *_weights(closed))[1],
            expected1,
            _closed_gate_hint(h1),
            close(atol=1e-5),
        ),
        Case(
            "무작위 가중치의 한 시점: nn.GRUCell과 같은가",
            lambda f: f(x2, h2, *_weights(cell))[1],
            expected2,
            "가중치 블록 순서(r, z, n)와 리셋 게이트의 자리를 본다. "
            "리셋 게이트는 W_hn·h + b_hn 전체에 곱한다: n = tanh(W_in·x + b_in + r ⊙ (W_hn·h + b_hn)).",
            close(atol=1e-5),
        ),
        Case(
            "길이 5의 시퀀스: nn.GRU(batch_first=True)의 출력과 같은가",
            lambda f: f(x3, h3, *_weights(gru))[0],
            expected3,
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

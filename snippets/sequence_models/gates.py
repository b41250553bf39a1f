"""LSTM 셀과 GRU 셀을 식 그대로 구현하고 torch.nn.LSTM, torch.nn.GRU와 비교한다."""

# --8<-- [start:setup]
import torch
from torch import Tensor, nn

# --8<-- [end:setup]


# --8<-- [start:lstm_cell]
def lstm_cell(
    x: Tensor, h: Tensor, c: Tensor, W_ih: Tensor, W_hh: Tensor, b_ih: Tensor, b_hh: Tensor
) -> tuple[Tensor, Tensor]:
    """LSTM 한 시점. 가중치는 네 블록(i, f, g, o)을 세로로 쌓은 (4H, ·) 행렬."""
    gates = x @ W_ih.T + b_ih + h @ W_hh.T + b_hh
    i, f, g, o = gates.chunk(4, dim=-1)
    i, f, o = i.sigmoid(), f.sigmoid(), o.sigmoid()  # 게이트: 0~1의 비율
    g = g.tanh()  # 후보 내용: -1~1
    c = f * c + i * g  # 셀 상태: 일부를 지우고(f) 새 내용을 더한다(i)
    h = o * c.tanh()  # 은닉 상태: 셀 상태 중 내보낼 만큼만(o)
    return h, c


# --8<-- [end:lstm_cell]


# --8<-- [start:gru_cell]
def gru_cell(
    x: Tensor, h: Tensor, W_ih: Tensor, W_hh: Tensor, b_ih: Tensor, b_hh: Tensor
) -> Tensor:
    """GRU 한 시점. 가중치는 세 블록(r, z, n)을 쌓은 (3H, ·) 행렬. 셀 상태 없음."""
    xr, xz, xn = (x @ W_ih.T + b_ih).chunk(3, dim=-1)
    hr, hz, hn = (h @ W_hh.T + b_hh).chunk(3, dim=-1)
    r = (xr + hr).sigmoid()  # 리셋: 후보를 만들 때 과거를 얼마나 볼지
    z = (xz + hz).sigmoid()  # 업데이트: 과거를 얼마나 그대로 둘지
    n = (xn + r * hn).tanh()  # 후보 상태 (r은 행렬 곱 뒤에 곱한다)
    return (1 - z) * n + z * h


# --8<-- [end:gru_cell]


# --8<-- [start:compare_gated]
def compare_gated(kind: str, seed: int = 0) -> bool:
    """nn.LSTM / nn.GRU의 가중치로 직접 만든 셀을 시간 축으로 돌려 비교한다.

    >>> compare_gated("lstm"), compare_gated("gru")
    (True, True)
    """
    torch.manual_seed(seed)
    layer = {"lstm": nn.LSTM, "gru": nn.GRU}[kind](input_size=3, hidden_size=4)
    x = torch.randn(6, 2, 3)  # 길이 6, 배치 2, 입력 3
    weights = (layer.weight_ih_l0, layer.weight_hh_l0, layer.bias_ih_l0, layer.bias_hh_l0)
    h, c = torch.zeros(2, 4), torch.zeros(2, 4)
    outputs = []
    with torch.no_grad():
        expected, _ = layer(x)
        for t in range(x.shape[0]):
            if kind == "lstm":
                h, c = lstm_cell(x[t], h, c, *weights)
            else:
                h = gru_cell(x[t], h, *weights)
            outputs.append(h)
    return torch.allclose(torch.stack(outputs), expected, atol=1e-6)


# --8<-- [end:compare_gated]

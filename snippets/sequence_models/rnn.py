"""시간으로 펼친 RNN을 직접 구현하고 torch.nn.RNN과 비교한다."""

# --8<-- [start:setup]
import torch
from torch import Tensor, nn

# --8<-- [end:setup]


# --8<-- [start:rnn_forward]
def rnn_forward(
    x: Tensor, W_xh: Tensor, W_hh: Tensor, b_h: Tensor, h0: Tensor | None = None
) -> tuple[Tensor, Tensor]:
    """엘만 RNN을 시간 축으로 펼쳐 한 칸씩 계산한다.

    x: (길이 T, 배치 B, 입력 D), W_xh: (H, D), W_hh: (H, H), b_h: (H,)
    모든 시점이 같은 W_xh, W_hh, b_h를 쓴다(가중치 공유).
    돌려주는 값: 모든 시점의 은닉 상태 (T, B, H), 마지막 은닉 상태 (B, H)
    """
    T, B, _ = x.shape
    h = x.new_zeros(B, W_hh.shape[0]) if h0 is None else h0
    states = []
    for t in range(T):
        h = torch.tanh(x[t] @ W_xh.T + h @ W_hh.T + b_h)
        states.append(h)
    return torch.stack(states), h


# --8<-- [end:rnn_forward]


# --8<-- [start:compare_with_torch]
def compare_with_torch(seed: int = 0) -> tuple[bool, float]:
    """nn.RNN의 가중치를 그대로 rnn_forward에 넣고 출력을 비교한다.

    >>> same, diff = compare_with_torch()
    >>> same
    True
    >>> diff < 1e-6
    True
    """
    torch.manual_seed(seed)
    rnn = nn.RNN(input_size=3, hidden_size=5)  # 기본: tanh, batch_first=False
    x = torch.randn(7, 2, 3)  # 길이 7, 배치 2, 입력 3
    b_h = rnn.bias_ih_l0 + rnn.bias_hh_l0  # 편향 두 벌은 더해서 쓰인다
    with torch.no_grad():
        expected, h_n = rnn(x)
        got, h_last = rnn_forward(x, rnn.weight_ih_l0, rnn.weight_hh_l0, b_h)
    same = torch.allclose(got, expected, atol=1e-6) and torch.allclose(h_last, h_n[0], atol=1e-6)
    return same, (got - expected).abs().max().item()


# --8<-- [end:compare_with_torch]

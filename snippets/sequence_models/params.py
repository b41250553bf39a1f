"""nn.RNN, nn.LSTM, nn.GRU의 매개변수 수: 게이트 블록 수가 1 : 4 : 3이다."""

# --8<-- [start:setup]
from torch import nn

# --8<-- [end:setup]


# --8<-- [start:param_formula]
GATE_BLOCKS = {"rnn": 1, "gru": 3, "lstm": 4}


def recurrent_param_count(
    kind: str, input_size: int, hidden_size: int, num_layers: int = 1, bidirectional: bool = False
) -> int:
    """블록 하나는 W_ih (H×D), W_hh (H×H), b_ih, b_hh (H씩): H(D + H + 2)개.

    둘째 층부터는 입력 크기가 H(양방향이면 2H)이고, 양방향이면 방향마다 한 벌이다.
    """
    directions = 2 if bidirectional else 1
    H = hidden_size
    total = 0
    for layer in range(num_layers):
        D = input_size if layer == 0 else H * directions
        total += directions * GATE_BLOCKS[kind] * H * (D + H + 2)
    return total


# --8<-- [end:param_formula]


# --8<-- [start:count_params]
def count_params(module: nn.Module) -> int:
    """모듈이 가진 학습 가능한 값의 개수.

    >>> D, H = 10, 20
    >>> rnn_count = count_params(nn.RNN(D, H))
    >>> for kind, cls in [("rnn", nn.RNN), ("lstm", nn.LSTM), ("gru", nn.GRU)]:
    ...     n = count_params(cls(D, H))
    ...     formula = recurrent_param_count(kind, D, H)
    ...     print(kind, n, n // rnn_count, n == formula)
    rnn 640 1 True
    lstm 2560 4 True
    gru 1920 3 True
    >>> [tuple(p.shape) for p in nn.LSTM(D, H).parameters()]
    [(80, 10), (80, 20), (80,), (80,)]
    >>> deep = nn.LSTM(D, H, num_layers=2, bidirectional=True)
    >>> count_params(deep), recurrent_param_count("lstm", D, H, 2, True)
    (15040, 15040)
    """
    return sum(p.numel() for p in module.parameters() if p.requires_grad)


# --8<-- [end:count_params]

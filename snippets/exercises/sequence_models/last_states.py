"""연습 문제 sequence-models/last-states: 패딩으로 길이를 맞춘 배치에서 진짜 마지막 시점의 은닉 상태를 고른다."""

import torch
from torch import Tensor

from snippets.exercises.checks import Case, close


# --8<-- [start:solution]
def last_states(outputs: Tensor, lengths: Tensor) -> Tensor:
    """outputs: (B, T, H) batch_first 출력, lengths: (B,) 진짜 길이 → (B, H).

    b번째 샘플은 outputs[b, lengths[b] - 1]을 고른다. outputs[:, -1]은 패딩까지 읽은 뒤의 상태다.

    >>> outputs = torch.arange(2 * 3 * 1).reshape(2, 3, 1)
    >>> last_states(outputs, torch.tensor([3, 1])).tolist()
    [[2], [3]]
    """
    rows = torch.arange(outputs.shape[0])
    return outputs[rows, lengths.long() - 1]  # 샘플마다 다른 시점을 고르는 고급 인덱싱


# --8<-- [end:solution]


def _outputs(batch, length, hidden, seed):
    return torch.randn(batch, length, hidden, generator=torch.Generator().manual_seed(seed))


def _packed_gru_case():
    """nn.GRU에 pack_padded_sequence로 넣으면 h_n이 곧 샘플마다 진짜 마지막 상태다."""
    torch.manual_seed(0)
    gru = torch.nn.GRU(3, 5, batch_first=True)
    lengths = torch.tensor([6, 2, 4])
    x = torch.randn(3, 6, 3)
    for b, n in enumerate(lengths.tolist()):
        x[b, n:] = 0.0  # 패딩 칸
    with torch.no_grad():
        outputs, _ = gru(x)  # 패딩까지 읽은 출력
        # 길이가 긴 것부터 정렬돼 있지 않으므로 enforce_sorted=False(기본값 True면 오류가 난다)
        packed = torch.nn.utils.rnn.pack_padded_sequence(
            x, lengths, batch_first=True, enforce_sorted=False
        )
        _, h_n = gru(packed)
    return outputs, lengths, h_n[0]


def cases() -> list[Case]:
    full = _outputs(2, 4, 3, seed=1)
    padded = _outputs(3, 5, 2, seed=2)
    lengths = torch.tensor([3, 1, 5])
    gru_outputs, gru_lengths, h_n = _packed_gru_case()
    return [
        Case(
            "길이가 모두 4인 배치 (2, 4, 3): 마지막 시점",
            lambda f: f(full, torch.tensor([4, 4])),
            full[:, -1],
            "패딩이 없으면 outputs[:, -1]과 같아야 한다. 돌려주는 모양은 (B, H)다.",
            close(),
        ),
        Case(
            "길이가 [3, 1, 5]인 배치 (3, 5, 2)",
            lambda f: f(padded, lengths),
            torch.stack([padded[0, 2], padded[1, 0], padded[2, 4]]),
            "b번째 샘플은 outputs[b, lengths[b] - 1]이다. 길이가 L이면 마지막 진짜 시점의 인덱스는 L - 1이고, "
            "outputs[:, -1]은 패딩까지 읽은 뒤의 상태다.",
            close(),
        ),
        Case(
            "nn.GRU의 출력에서 고른 값이 pack_padded_sequence의 h_n과 같은가",
            lambda f: f(gru_outputs, gru_lengths),
            h_n,
            "샘플마다 진짜 길이에서 하나 뺀 시점을 고른다.",
            close(atol=1e-6),
        ),
    ]

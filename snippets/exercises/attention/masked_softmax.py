"""연습 문제 attention/masked-softmax: 가린 칸의 무게가 정확히 0인 소프트맥스."""

import torch
from torch import Tensor

from snippets.exercises.checks import Case, close


# --8<-- [start:solution]
def masked_softmax(scores: Tensor, mask: Tensor) -> Tensor:
    """마지막 축의 소프트맥스. mask가 True인 칸만 무게를 받고, 모든 칸이 가려진 행은 모두 0이다.

    >>> masked_softmax(torch.tensor([1.0, 2.0, 3.0]), torch.tensor([True, False, True]))
    tensor([0.1192, 0.0000, 0.8808])
    >>> masked_softmax(torch.tensor([1.0, 2.0]), torch.tensor([False, False]))
    tensor([0., 0.])
    """
    scores = scores.masked_fill(~mask, float("-inf"))  # exp(-inf) = 0: 가린 칸은 무게가 없다
    weights = scores.softmax(dim=-1)  # 최댓값을 빼고 계산하므로 큰 점수에도 넘치지 않는다
    return weights.nan_to_num(0.0)  # 모두 가린 행은 0/0 = nan이 된다: 0으로 바꾼다


# --8<-- [end:solution]


def _scores(*shape, seed, scale=1.0):
    return scale * torch.randn(*shape, generator=torch.Generator().manual_seed(seed))


def _filled_with_zero(scores, mask):
    """흔한 오답: 가린 칸을 -inf가 아니라 0으로 채운다."""
    return scores.masked_fill(~mask, 0.0).softmax(dim=-1)


def _masked_hint(scores, mask):
    def hint(got):
        if isinstance(got, Tensor) and got.shape == scores.shape:
            if torch.allclose(got, _filled_with_zero(scores, mask), atol=1e-6):
                return (
                    "가린 칸을 0으로 채웠다. 점수 0은 exp(0) = 1이라 무게가 남는다. "
                    "가린 칸은 -inf로 채운다: exp(-inf) = 0이다."
                )
        return "mask가 False인 칸은 무게가 정확히 0이고, 남은 칸끼리 합이 1이어야 한다."

    return hint


def cases() -> list[Case]:
    plain = _scores(3, 5, seed=1)
    row = torch.tensor([2.0, 0.5, 1.0, -1.0])
    row_mask = torch.tensor([True, False, True, False])
    batch = _scores(2, 3, 4, 5, seed=2)
    batch_mask = torch.tensor([[True, True, True, False, False], [True, False, True, True, True]])[
        :, None, None, :
    ]  # (2, 1, 1, 5): 배치마다 다른 키를 가린다
    big = torch.tensor([[1000.0, 999.0, 0.0]])
    return [
        Case(
            "모든 칸을 보는 마스크: 보통의 소프트맥스와 같다",
            lambda f: f(plain, torch.ones(3, 5, dtype=torch.bool)),
            plain.softmax(dim=-1),
            "소프트맥스는 마지막 축(dim=-1)으로 취한다.",
            close(),
        ),
        Case(
            "점수 [2, 0.5, 1, -1], 마스크 [True, False, True, False]",
            lambda f: f(row, row_mask),
            torch.tensor([row[0].exp(), 0.0, row[2].exp(), 0.0]) / (row[0].exp() + row[2].exp()),
            _masked_hint(row, row_mask),
            close(),
        ),
        Case(
            "배치·헤드 축이 있는 점수 (2, 3, 4, 5)와 (2, 1, 1, 5) 마스크",
            lambda f: f(batch, batch_mask),
            batch.masked_fill(~batch_mask, float("-inf")).softmax(dim=-1),
            _masked_hint(batch, batch_mask.expand(2, 3, 4, 5)),
            close(),
        ),
        Case(
            "모든 칸이 가려진 행은 nan 없이 0",
            lambda f: f(
                torch.tensor([[1.0, 2.0], [3.0, 4.0]]), torch.tensor([[True, True], [False, False]])
            ),
            torch.stack([torch.tensor([1.0, 2.0]).softmax(-1), torch.zeros(2)]),
            "모두 가린 행은 exp(-inf)의 합이 0이라 0/0 = nan이 된다. 그런 행은 0으로 바꾼다(nan_to_num 등).",
            close(),
        ),
        Case(
            "점수가 1000처럼 커도 넘치지 않는다",
            lambda f: f(big, torch.ones(1, 3, dtype=torch.bool)),
            big.softmax(dim=-1),
            "exp(1000)은 float에서 inf다. 행마다 최댓값을 뺀 뒤 exp를 취하거나 torch.softmax를 쓴다.",
            close(),
        ),
    ]

"""연습 문제 transformer/decoder-mask: 여러 문장을 한 줄로 이어 붙인(packing) 배치의 디코더 셀프 어텐션 마스크."""

import torch

from snippets.exercises.checks import Case


# --8<-- [start:solution]
def decoder_mask(segments: torch.Tensor) -> torch.Tensor:
    """(B, 1, L, L) 불리언 마스크. i번째 쿼리는 j ≤ i이고 같은 문장(segments 값이 같은)인 키 j만 본다.

    segments: (B, L) 정수. 1, 2, …는 몇 번째 문장인지, 0은 패딩이다. 패딩도 한 문장처럼 다루므로
    패딩 쿼리 행은 앞의 패딩을 보고, 비는 행이 없다.

    >>> decoder_mask(torch.tensor([[1, 1, 2, 0]]))[0, 0].int()
    tensor([[1, 0, 0, 0],
            [1, 1, 0, 0],
            [0, 0, 1, 0],
            [0, 0, 0, 1]], dtype=torch.int32)
    """
    length = segments.shape[1]
    causal = torch.ones(length, length, dtype=torch.bool, device=segments.device).tril()  # (L, L)
    same_sentence = (
        segments[:, :, None] == segments[:, None, :]
    )  # (B, L, L): 행 i와 열 j가 같은 문장인가
    return (causal & same_sentence)[:, None]  # 헤드 축을 끼워 (B, 1, L, L)


# --8<-- [end:solution]


def _as_ints(mask):
    """불리언 텐서를 읽기 쉬운 0/1 리스트로."""
    return mask.int().tolist() if isinstance(mask, torch.Tensor) else mask


def _causal_hint(got):
    """흔한 오답: 대각선까지 가렸다(tril(-1)), 아래를 가렸다(triu)."""
    if isinstance(got, list) and len(got) == 4:
        if all(got[i][i] == 0 for i in range(4)):
            return (
                "대각선(자기 자신)을 가렸다. i번째 쿼리는 0번부터 i번째 키까지 본다: "
                "tril(-1)이 아니라 tril()이다. 그러면 첫 행은 볼 키가 하나도 없어 nan이 된다."
            )
        if got[0][3] == 1:
            return "위쪽 삼각형을 True로 두었다. 그러면 쿼리가 미래의 키를 본다. 아래쪽 삼각형(tril)이 True다."
    return "문장이 하나뿐이고 패딩이 없으면 인과 마스크 그대로다: i번째 행은 0..i번째 칸이 True다."


def _padding_hint(got):
    """흔한 오답: 패딩 키를 모든 행에서 가려 패딩 쿼리 행이 통째로 비었다."""
    if isinstance(got, list) and any(not any(row) for row in got):
        return (
            "모든 칸이 False인 행이 있다. 패딩 키를 모든 쿼리에서 가리면 패딩 쿼리 행이 비어 소프트맥스가 "
            "nan을 낸다. 패딩(0)도 한 문장처럼 다루면 진짜 토큰은 패딩을 보지 않고, 패딩 행은 비지 않는다."
        )
    if isinstance(got, list) and len(got) == 4 and got[2][:2] == [1, 1]:
        return (
            "패딩 쿼리 행이 진짜 토큰을 본다. 인과 마스크와 패딩 마스크만 합친 본문의 decoder_self_mask와 "
            "달리, 이 문제는 패딩(0)도 한 문장처럼 다뤄 segments 값이 같은 키만 본다."
        )
    return "진짜 토큰은 같은 문장의 앞 토큰만 보고, 패딩 행은 앞의 패딩(자기 자신 포함)을 본다."


def _segment_hint(got):
    """흔한 오답: 문장 번호를 보지 않고 인과 마스크와 패딩만 합쳤다."""
    if isinstance(got, list) and len(got) == 6 and got[2][0] == 1:
        return (
            "둘째 문장의 첫 토큰이 첫 문장을 본다. 이어 붙인 배치에서는 인과 마스크에 더해 "
            "segments가 같은 키만 보게 한다: segments[:, :, None] == segments[:, None, :]."
        )
    return "i번째 쿼리는 j ≤ i이고 segments[b, j] == segments[b, i]인 키만 본다."


def cases() -> list[Case]:
    one = torch.tensor([[1, 1, 1, 1]])
    padded = torch.tensor([[1, 1, 0, 0]])
    packed = torch.tensor([[1, 1, 2, 2, 2, 0]])
    batch = torch.tensor([[3, 3, 7, 7], [5, 5, 5, 0]])  # 번호는 같은지만 본다
    lower = [[1, 0, 0, 0], [1, 1, 0, 0], [1, 1, 1, 0], [1, 1, 1, 1]]
    return [
        Case(
            "segments (2, 4): 마스크의 모양과 dtype",
            lambda f: (tuple(f(batch).shape), f(batch).dtype),
            ((2, 1, 4, 4), torch.bool),
            "(B, 1, L, L) 불리언 텐서를 돌려준다. 1은 헤드 축으로 퍼질 자리다.",
        ),
        Case("문장 하나, 패딩 없는 길이 4", lambda f: _as_ints(f(one)[0, 0]), lower, _causal_hint),
        Case(
            "문장 하나 뒤에 패딩 둘 [1, 1, 0, 0]",
            lambda f: _as_ints(f(padded)[0, 0]),
            [[1, 0, 0, 0], [1, 1, 0, 0], [0, 0, 1, 0], [0, 0, 1, 1]],
            _padding_hint,
        ),
        Case(
            "두 문장을 이어 붙이고 패딩 하나 [1, 1, 2, 2, 2, 0]",
            lambda f: _as_ints(f(packed)[0, 0]),
            [
                [1, 0, 0, 0, 0, 0],
                [1, 1, 0, 0, 0, 0],
                [0, 0, 1, 0, 0, 0],
                [0, 0, 1, 1, 0, 0],
                [0, 0, 1, 1, 1, 0],
                [0, 0, 0, 0, 0, 1],
            ],
            _segment_hint,
        ),
        Case(
            "배치 [[3, 3, 7, 7], [5, 5, 5, 0]]: 줄마다 따로",
            lambda f: _as_ints(f(batch)[:, 0]),
            [
                [[1, 0, 0, 0], [1, 1, 0, 0], [0, 0, 1, 0], [0, 0, 1, 1]],
                [[1, 0, 0, 0], [1, 1, 0, 0], [1, 1, 1, 0], [0, 0, 0, 1]],
            ],
            "배치의 줄마다 그 줄의 segments로 비교한다. 문장 번호는 같은지만 보고, 크기는 뜻이 없다.",
        ),
    ]

"""연습 문제 transformer/decoder-mask: 인과 마스크와 패딩 마스크를 합친 디코더 셀프 어텐션 마스크."""

import torch

from snippets.exercises.checks import Case


# --8<-- [start:solution]
def decoder_mask(tokens: torch.Tensor, pad_id: int) -> torch.Tensor:
    """(B, 1, L, L) 불리언 마스크. i번째 쿼리는 j ≤ i이고 패딩이 아닌 키 j만 본다(True).

    >>> decoder_mask(torch.tensor([[7, 8, 0]]), pad_id=0)[0, 0].int()
    tensor([[1, 0, 0],
            [1, 1, 0],
            [1, 1, 0]], dtype=torch.int32)
    """
    length = tokens.shape[1]
    causal = torch.ones(length, length, dtype=torch.bool, device=tokens.device).tril()  # (L, L)
    real_keys = (tokens != pad_id)[:, None, None, :]  # (B, 1, 1, L): 열(키) 쪽만 가린다
    return causal & real_keys  # 브로드캐스트로 (B, 1, L, L)


# --8<-- [end:solution]


def _as_ints(mask):
    """불리언 텐서를 읽기 쉬운 0/1 리스트로."""
    return mask.int().tolist() if isinstance(mask, torch.Tensor) else mask


def _causal_hint(got):
    """흔한 오답: 대각선까지 가렸다(tril(-1)), 아래를 가렸다(triu), 위아래를 바꿨다."""
    if isinstance(got, list) and len(got) == 4:
        if all(got[i][i] == 0 for i in range(4)):
            return (
                "대각선(자기 자신)을 가렸다. i번째 쿼리는 0번부터 i번째 키까지 본다: "
                "tril(-1)이 아니라 tril()이다. 그러면 첫 행은 볼 키가 하나도 없어 nan이 된다."
            )
        if got[0][3] == 1:
            return "위쪽 삼각형을 True로 두었다. 그러면 쿼리가 미래의 키를 본다. 아래쪽 삼각형(tril)이 True다."
    return "패딩이 없으면 인과 마스크 그대로다: i번째 행은 0..i번째 칸이 True다."


def cases() -> list[Case]:
    plain = torch.tensor([[5, 6, 7, 8]])
    padded = torch.tensor([[5, 6, 0, 0], [5, 6, 7, 0]])
    not_zero_pad = torch.tensor([[3, 1, 1]])  # 패딩 id가 1인 경우
    lower = [[1, 0, 0, 0], [1, 1, 0, 0], [1, 1, 1, 0], [1, 1, 1, 1]]
    return [
        Case(
            "토큰 (2, 4): 마스크의 모양과 dtype",
            lambda f: (tuple(f(padded, 0).shape), f(padded, 0).dtype),
            ((2, 1, 4, 4), torch.bool),
            "(B, 1, L, L) 불리언 텐서를 돌려준다. 1은 헤드 축으로 퍼질 자리다.",
        ),
        Case(
            "패딩 없는 길이 4",
            lambda f: _as_ints(f(plain, 0)[0, 0]),
            lower,
            _causal_hint,
        ),
        Case(
            "패딩이 있는 배치 [[5, 6, 0, 0], [5, 6, 7, 0]]",
            lambda f: _as_ints(f(padded, 0)[:, 0]),
            [
                [[1, 0, 0, 0], [1, 1, 0, 0], [1, 1, 0, 0], [1, 1, 0, 0]],
                [[1, 0, 0, 0], [1, 1, 0, 0], [1, 1, 1, 0], [1, 1, 1, 0]],
            ],
            "패딩은 키(열) 쪽에서만 가린다. 패딩 자리의 쿼리(행)까지 가리면 모든 칸이 False인 행이 생겨 "
            "소프트맥스가 nan을 낸다.",
        ),
        Case(
            "패딩 id가 0이 아닐 때(pad_id = 1)",
            lambda f: _as_ints(f(not_zero_pad, 1)[0, 0]),
            [[1, 0, 0], [1, 0, 0], [1, 0, 0]],
            "패딩은 pad_id와 같은 토큰이다. 0을 그대로 쓰지 않았는지 본다.",
        ),
    ]

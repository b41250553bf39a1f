"""연습 문제 attention/scaled-attention: 불리언 마스크와 더하는(float) 마스크, scale을 받는 어텐션."""

import math

import torch
import torch.nn.functional as F
from torch import Tensor

from snippets.exercises.checks import Case, close


# --8<-- [start:solution]
def scaled_attention(
    query: Tensor,
    key: Tensor,
    value: Tensor,
    mask: Tensor | None = None,
    scale: float | None = None,
):
    """softmax(Q Kᵀ · scale + 마스크) V와 그 가중치를 돌려준다. scale의 기본값은 1/√d_k다.

    query: (..., L, d_k), key: (..., S, d_k), value: (..., S, d_v), mask: (..., L, S)로 퍼진다.
    불리언 mask는 True인 칸만 보고, float mask는 점수에 더한다(F.scaled_dot_product_attention과 같다).

    >>> q, k, v = torch.randn(2, 3, 4), torch.randn(2, 5, 4), torch.randn(2, 5, 6)
    >>> out, weights = scaled_attention(q, k, v)
    >>> out.shape, weights.shape
    (torch.Size([2, 3, 6]), torch.Size([2, 3, 5]))
    >>> bias = torch.tensor([0.0, 0.0, float("-inf"), float("-inf"), float("-inf")])
    >>> scaled_attention(q, k, v, mask=bias)[1][0, 0, 2:]   # -inf를 더한 칸은 가려진다
    tensor([0., 0., 0.])
    """
    d_k = query.shape[-1]
    if scale is None:
        scale = 1 / math.sqrt(d_k)  # 점수의 분산을 1로 되돌리는 기본값
    scores = query @ key.transpose(-2, -1) * scale  # (..., L, S)
    if mask is not None and mask.dtype == torch.bool:
        scores = scores.masked_fill(~mask, float("-inf"))  # False인 칸은 보지 않는다
    elif mask is not None:
        scores = scores + mask  # 0은 그대로, -inf는 가림, 그 밖의 값은 점수를 옮긴다
    weights = scores.softmax(dim=-1)  # 쿼리(행)마다 키 위의 분포
    return weights @ value, weights


# --8<-- [end:solution]


def _randn(*shape, seed):
    return torch.randn(*shape, generator=torch.Generator().manual_seed(seed))


def _scale_hint(query, key):
    """흔한 오답을 알아본다: √d_k로 나누지 않았다, d_k로 나눴다."""

    def hint(got):
        scores = query @ key.transpose(-2, -1)
        d_k = query.shape[-1]
        if isinstance(got, Tensor) and got.shape == scores.shape:
            if torch.allclose(got, scores.softmax(-1), atol=1e-5):
                return (
                    "점수를 √d_k로 나누지 않았다. 나누지 않으면 d_k가 클수록 점수가 넓게 퍼져 "
                    "가중치가 한 키로 쏠린다."
                )
            if torch.allclose(got, (scores / d_k).softmax(-1), atol=1e-5):
                return "점수를 d_k로 나눴다. 표준편차를 1로 맞추려면 √d_k로 나눈다."
        return "가중치는 softmax(Q Kᵀ / √d_k)이다. 소프트맥스는 키 축(dim=-1)으로 취한다."

    return hint


def _float_mask_hint(got):
    """흔한 오답: float 마스크를 불리언처럼 다뤘다(~는 float에 쓸 수 없다), 곱했다."""
    if isinstance(got, TypeError):
        return (
            "float 마스크에 ~를 썼다. ~는 불리언에만 쓴다. mask.dtype이 torch.bool인지 보고, "
            "float 마스크는 점수에 더한다."
        )
    return (
        "float 마스크는 소프트맥스 앞의 점수에 더한다(곱하지 않는다). 0을 더한 칸은 그대로, "
        "-inf를 더한 칸은 가려진다."
    )


def _scale_argument_hint(got):
    return "scale이 주어지면 1/√d_k 대신 그 값을 점수에 곱한다. scale=None일 때만 1/√d_k를 쓴다."


def cases() -> list[Case]:
    # d_k = 16 인 쿼리 하나와 키 둘: 점수의 차이가 √d_k = 4로 나누기 전후에 크게 다르다
    q1 = torch.full((1, 16), 0.5)
    k1 = torch.stack([torch.full((16,), 0.5), torch.zeros(16)])
    v1 = torch.tensor([[1.0], [0.0]])
    q, k, v = _randn(2, 4, 6, 8, seed=1), _randn(2, 4, 7, 8, seed=2), _randn(2, 4, 7, 3, seed=3)
    key_mask = _randn(2, 1, 1, 7, seed=4) > 0
    key_mask[..., 0] = True  # 모든 칸이 가려진 행이 생기지 않게
    # ALiBi처럼 거리에 비례하는 벌점(쿼리 i, 키 j: -0.5·|i - j|)과, 미래를 -inf로 가리는 더하는 마스크
    distance = (torch.arange(6)[:, None] - torch.arange(7)[None, :]).abs().float()
    alibi = -0.5 * distance
    causal_bias = torch.zeros(6, 7).masked_fill(
        torch.ones(6, 7, dtype=torch.bool).triu(1), float("-inf")
    )

    def shapes(f):
        out, weights = f(q, k, v)
        return tuple(out.shape), tuple(weights.shape)

    def mask_hint(got):
        return (
            "불리언 mask는 True인 칸만 본다: False(~mask)인 칸의 점수를 -inf로 바꾼 뒤 소프트맥스를 취한다. "
            "nn.MultiheadAttention의 attn_mask와는 뜻이 반대다."
        )

    return [
        Case(
            "배치 2, 헤드 4, 쿼리 6개, 키 7개, d_k = 8, d_v = 3: (출력, 가중치)의 모양",
            shapes,
            ((2, 4, 6, 3), (2, 4, 6, 7)),
            "출력은 (…, L, d_v), 가중치는 (…, L, S)다. 키의 전치는 key.transpose(-2, -1)로 마지막 두 축만 바꾼다.",
        ),
        Case(
            "d_k = 16: 쿼리 하나와 키 둘의 가중치",
            lambda f: f(q1, k1, v1)[1],
            torch.tensor([[4 / 4, 0.0]]).softmax(-1),
            _scale_hint(q1, k1),
            close(atol=1e-5),
        ),
        Case(
            "마스크 없이: F.scaled_dot_product_attention과 같은가",
            lambda f: f(q, k, v)[0],
            F.scaled_dot_product_attention(q, k, v),
            "가중치로 value를 섞는다: weights @ value.",
            close(atol=1e-5),
        ),
        Case(
            "키를 가리는 불리언 마스크 (2, 1, 1, 7)",
            lambda f: f(q, k, v, key_mask)[0],
            F.scaled_dot_product_attention(q, k, v, attn_mask=key_mask),
            mask_hint,
            close(atol=1e-5),
        ),
        Case(
            "더하는 마스크: 거리에 비례하는 벌점 -0.5·|i - j| (6, 7)",
            lambda f: f(q, k, v, alibi)[0],
            F.scaled_dot_product_attention(q, k, v, attn_mask=alibi),
            _float_mask_hint,
            close(atol=1e-5),
        ),
        Case(
            "더하는 마스크: 미래 칸에 -inf, 쿼리 6개와 키 7개",
            lambda f: f(q, k, v, causal_bias)[1][0, 0, 0].tolist(),
            [1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0],
            _float_mask_hint,
            close(atol=1e-6),
        ),
        Case(
            "scale = 1.0을 주었을 때",
            lambda f: f(q, k, v, key_mask, scale=1.0)[0],
            F.scaled_dot_product_attention(q, k, v, attn_mask=key_mask, scale=1.0),
            _scale_argument_hint,
            close(atol=1e-5),
        ),
    ]

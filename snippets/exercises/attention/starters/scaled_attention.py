"""연습 문제 attention/scaled-attention — 두 가지 마스크와 scale을 받는 어텐션.

query는 (..., L, d_k), key는 (..., S, d_k), value는 (..., S, d_v)다. 앞쪽 축(배치, 헤드)은 몇 개든
될 수 있다. softmax(Q Kᵀ · scale + 마스크) V를 계산해 (출력 (..., L, d_v), 가중치 (..., L, S))를 돌려준다.
scale이 None이면 1/√d_k를 쓴다.
mask는 None이거나 (..., L, S)로 퍼지는 텐서다. 불리언이면 True인 칸만 보고, float이면 점수에 더한다
(F.scaled_dot_product_attention의 attn_mask와 같은 뜻). 예: 미래 칸에 -inf를 둔 float 마스크는
인과 마스크와 같고, -0.5·|i - j| 같은 float 마스크는 먼 키의 점수를 깎는다.

검사: python -m snippets.exercises check attention/scaled-attention
"""

import math  # noqa: F401 — 답에 쓸 모듈을 미리 불러 둔다

import torch


def scaled_attention(
    query: torch.Tensor,
    key: torch.Tensor,
    value: torch.Tensor,
    mask: torch.Tensor | None = None,
    scale: float | None = None,
) -> tuple[torch.Tensor, torch.Tensor]:
    """softmax(Q Kᵀ · scale + 마스크) V와 가중치를 돌려준다."""
    raise NotImplementedError("여기를 채운다")

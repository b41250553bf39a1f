"""연습 문제 transformer/decoder-mask — 디코더 셀프 어텐션의 마스크를 만든다.

tokens는 (B, L) 정수 텐서이고, 길이를 맞추려고 뒤를 pad_id로 채웠다. (B, 1, L, L) 불리언 마스크를
돌려준다. [b, 0, i, j]가 True면 b번째 시퀀스의 i번째 쿼리가 j번째 키를 본다. 볼 수 있는 키는 두
조건을 모두 만족한다: 미래가 아니다(j ≤ i), 패딩이 아니다(tokens[b, j] != pad_id).
True가 '본다'인 것은 F.scaled_dot_product_attention의 불리언 마스크와 같다.
예: tokens = [[7, 8, 0]], pad_id = 0이면 [0, 0]은 [[1, 0, 0], [1, 1, 0], [1, 1, 0]]이다.

검사: python -m snippets.exercises check transformer/decoder-mask
"""

import torch


def decoder_mask(tokens: torch.Tensor, pad_id: int) -> torch.Tensor:
    """(B, 1, L, L) 불리언 마스크: 인과 마스크와 키 쪽 패딩 마스크를 합친다."""
    raise NotImplementedError("여기를 채운다")

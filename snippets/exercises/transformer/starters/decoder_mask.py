"""연습 문제 transformer/decoder-mask — 여러 문장을 이어 붙인 배치의 디코더 셀프 어텐션 마스크.

짧은 문장 여러 개를 한 줄로 이어 붙여(packing) 패딩을 줄이는 배치가 있다. segments는 (B, L) 정수
텐서로, 위치마다 몇 번째 문장인지(1, 2, …)를 적었고 0은 뒤를 채운 패딩이다. (B, 1, L, L) 불리언
마스크를 돌려준다. [b, 0, i, j]가 True면 b번째 줄의 i번째 쿼리가 j번째 키를 본다. 볼 수 있는 키는
두 조건을 모두 만족한다: 미래가 아니다(j ≤ i), 같은 문장이다(segments[b, j] == segments[b, i]).
패딩(0)도 한 문장처럼 다룬다. 그러면 진짜 토큰은 패딩을 보지 않고, 패딩 쿼리 행은 비지 않는다.
True가 '본다'인 것은 F.scaled_dot_product_attention의 불리언 마스크와 같다.
예: segments = [[1, 1, 2, 0]]이면 [0, 0]은 [[1, 0, 0, 0], [1, 1, 0, 0], [0, 0, 1, 0], [0, 0, 0, 1]]이다.

검사: python -m snippets.exercises check transformer/decoder-mask
"""

import torch


def decoder_mask(segments: torch.Tensor) -> torch.Tensor:
    """(B, 1, L, L) 불리언 마스크: 인과 마스크와 '같은 문장' 마스크를 합친다."""
    raise NotImplementedError("여기를 채운다")

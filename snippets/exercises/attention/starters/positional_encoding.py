"""연습 문제 attention/positional-encoding — 사인과 코사인을 반씩 이어 붙인 위치 인코딩.

(max_len, d_model) 텐서를 돌려준다. 위치 p, j = 0, 1, …, d_model/2 - 1에 대해 각은
θ[p, j] = p / base^(2j / d_model)이고,

    PE[p, j]               = sin θ[p, j]     (앞 절반)
    PE[p, d_model/2 + j]   = cos θ[p, j]     (뒤 절반)

이다. 노트의 코드처럼 번갈아 놓지 않는다(tensor2tensor 식 배치). d_model은 짝수라고 본다.
예: 0번 위치는 [0, …, 0, 1, …, 1]이고, d_model = 4, base = 10000이면 1번 위치는
[sin 1, sin 0.01, cos 1, cos 0.01]이다. 반복문 없이 (L, 1)과 (1, d/2)를 브로드캐스트해 보자.

검사: python -m snippets.exercises check attention/positional-encoding
"""

import torch


def positional_encoding(max_len: int, d_model: int, base: float = 10000.0) -> torch.Tensor:
    """(max_len, d_model) 위치 인코딩: 앞 절반 sin, 뒤 절반 cos."""
    raise NotImplementedError("여기를 채운다")

"""연습 문제 attention/rotary — 회전 위치 임베딩(RoPE)으로 벡터를 위치만큼 돌린다.

x는 (..., L, d) 텐서이고 뒤에서 둘째 축이 위치 p = 0, 1, …, L - 1이다. d는 짝수다. 이웃한 두 차원
(2i, 2i+1)을 한 짝으로 보고, 위치 p에서 각 θ = p / base^(2i/d)만큼 돌린다.

    out[..., 2i]     = x[..., 2i] cos θ − x[..., 2i+1] sin θ
    out[..., 2i + 1] = x[..., 2i] sin θ + x[..., 2i+1] cos θ

x와 같은 모양의 텐서를 돌려준다. 예: d = 2이고 1번 위치의 벡터가 (1, 0)이면 (cos 1, sin 1)이 된다.
0번 위치의 벡터는 그대로다.

검사: python -m snippets.exercises check attention/rotary
"""

import torch


def rotary(x: torch.Tensor, base: float = 10000.0) -> torch.Tensor:
    """위치 p의 벡터에서 차원 짝 (2i, 2i+1)을 각 p / base^(2i/d)만큼 돌린다."""
    raise NotImplementedError("여기를 채운다")

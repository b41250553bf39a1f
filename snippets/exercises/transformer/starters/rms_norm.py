"""연습 문제 transformer/rms-norm — RMSNorm을 구현한다.

x의 마지막 축마다 제곱평균제곱근 RMS = √(mean(x²) + eps)를 구해 x를 나누고, 마지막 축 크기의
weight를 원소별로 곱한다. 층 정규화와 달리 평균을 빼지 않고, 더하는 편향도 없다. 결과는 x와 같은
모양이고 nn.RMSNorm(d, eps=eps)에 같은 weight를 넣은 결과와 같아야 한다.
예: x = [3, -4], weight = [1, 1], eps = 0이면 RMS가 √12.5 ≈ 3.54라서 결과는 [0.85, -1.13]쯤이다.

검사: python -m snippets.exercises check transformer/rms-norm
"""

import torch


def rms_norm(x: torch.Tensor, weight: torch.Tensor, eps: float = 1e-6) -> torch.Tensor:
    """마지막 축의 RMS로 나누고 weight를 곱한다."""
    raise NotImplementedError("여기를 채운다")

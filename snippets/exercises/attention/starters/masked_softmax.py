"""연습 문제 attention/masked-softmax — 가린 칸의 무게가 정확히 0인 소프트맥스.

scores는 마지막 축이 키인 점수 텐서이고, mask는 scores의 모양으로 퍼지는(broadcast) 불리언
텐서다. mask가 True인 칸만 무게를 받는다. 마지막 축으로 소프트맥스를 취해 scores와 같은 모양의
무게를 돌려준다. 가린 칸의 무게는 정확히 0이고, 남은 칸끼리 합이 1이다. 모든 칸이 가려진 행은
nan이 아니라 모두 0이어야 한다. 점수가 1000처럼 커도 넘치지 않아야 한다.
예: 점수 [1, 2, 3], 마스크 [True, False, True]이면 무게는 [0.1192, 0, 0.8808]쯤이다.

검사: python -m snippets.exercises check attention/masked-softmax
"""

import torch


def masked_softmax(scores: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
    """mask가 True인 칸만 무게를 받는 소프트맥스(마지막 축)."""
    raise NotImplementedError("여기를 채운다")

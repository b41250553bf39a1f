"""연습 문제 sequence-models/beam-search — 점수를 길이로 보정하는 빔 탐색을 구현한다.

next_log_probs(prefix)는 지금까지의 토큰 튜플(start부터)을 받아 다음 토큰의 로그 확률 (V,) 텐서를
돌려주는 모델이다. 후보의 점수는 고른 토큰들의 로그 확률의 합이다.

- 살아 있는 후보는 (start,) 하나(점수 0)에서 시작한다. 끝난 후보 목록은 비어 있다.
- 한 단계: 살아 있는 후보마다 모든 토큰을 하나씩 붙여 새 후보를 만들고, 점수(합)가 큰 beam_size 개만
  남긴다. 그 가운데 eos로 끝난 것은 끝난 후보 목록으로 옮기고 더는 늘이지 않는다.
- 살아 있는 후보가 없거나 max_len 단계를 마치면 멈춘다.
- 끝난 후보(없으면 살아 있는 후보) 가운데 (점수) / (길이 ** alpha)가 가장 큰 것을 고른다. 길이는
  start를 뺀 토큰 수(eos 포함)다. alpha = 0이면 보정하지 않는다.
- (start를 뺀 토큰 목록, 보정하지 않은 점수)를 돌려준다.

예: beam_size가 1이고 alpha가 0이면 단계마다 가장 점수가 큰 토큰을 고르는 탐욕적 디코딩과 같다.

검사: python -m snippets.exercises check sequence-models/beam-search
"""

from collections.abc import Callable

import torch


def beam_search(
    next_log_probs: Callable[[tuple[int, ...]], torch.Tensor],
    start: int,
    eos: int,
    beam_size: int,
    max_len: int,
    alpha: float = 0.0,
) -> tuple[list[int], float]:
    """길이 보정을 더한 빔 탐색으로 (토큰 목록, 로그 확률의 합)을 찾는다."""
    raise NotImplementedError("여기를 채운다")

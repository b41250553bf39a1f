"""연습 문제 sequence-models/last-states — 패딩된 배치에서 샘플마다 진짜 마지막 상태를 고른다.

outputs는 RNN이 패딩까지 읽은 (B, T, H) 출력(batch_first)이고, lengths는 샘플마다의 진짜 길이를 담은
(B,) 정수 텐서다(1 이상 T 이하). 샘플마다 진짜 마지막 시점의 은닉 상태를 모아 (B, H)로 돌려준다.
예: T = 3이고 lengths가 [3, 1]이면 첫 샘플은 outputs[0, 2], 둘째 샘플은 outputs[1, 0]을 고른다.

검사: python -m snippets.exercises check sequence-models/last-states
"""

import torch


def last_states(outputs: torch.Tensor, lengths: torch.Tensor) -> torch.Tensor:
    """(B, T, H) 출력과 (B,) 길이에서 샘플마다 진짜 마지막 시점의 상태 (B, H)를 고른다."""
    raise NotImplementedError("여기를 채운다")

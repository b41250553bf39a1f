"""연습 문제 weight-init/xavier-uniform — 자비에르 균등분포 초기화를 밑바닥부터.

xavier_uniform_(tensor, gain=1.0, generator=None)은 (fan_out, fan_in) 모양의 2차원 텐서를
균등분포 U(-a, a)로 제자리에서 채우고 그 텐서를 돌려준다. a = gain · √(6 / (fan_in + fan_out))이다.
nn.init.xavier_uniform_은 쓰지 않는다. 난수는 generator로 뽑는다(None이면 전역 난수).

검사: python -m snippets.exercises check weight-init/xavier-uniform
"""

import math  # noqa: F401 — 답에 쓸 모듈을 미리 불러 둔다

import torch  # noqa: F401 — 답에 쓸 모듈을 미리 불러 둔다


def xavier_uniform_(tensor, gain=1.0, generator=None):
    """(fan_out, fan_in) 모양의 2차원 텐서를 U(-a, a)로 제자리에서 채우고 그 텐서를 돌려준다."""
    raise NotImplementedError("여기를 채운다")

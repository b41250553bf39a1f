"""연습 문제 weight-init/conv-fans — 합성곱 가중치의 fan_in과 fan_out.

fans(shape)는 가중치 모양(튜플)에서 (fan_in, fan_out) 튜플을 구한다. 파이토치의 가중치 모양은
nn.Linear가 (출력, 입력), nn.Conv2d가 (출력 채널, 입력 채널, 커널 높이, 커널 너비)다.
예: fans((256, 512))는 (512, 256)이다. 2차원보다 작은 모양에는 ValueError를 낸다.

검사: python -m snippets.exercises check weight-init/conv-fans
"""

import math  # noqa: F401 — 답에 쓸 모듈을 미리 불러 둔다


def fans(shape):
    """가중치 모양에서 (fan_in, fan_out)을 구한다. 모양은 (출력, 입력, 커널 크기...)다."""
    raise NotImplementedError("여기를 채운다")

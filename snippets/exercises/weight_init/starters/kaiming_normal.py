"""연습 문제 weight-init/kaiming-normal — 모드와 leaky ReLU 기울기를 받는 허 정규분포 초기화.

kaiming_normal_(tensor, a=0.0, mode="fan_in", generator=None)은 텐서를 정규분포 N(0, std²)로
제자리에서 채우고 그 텐서를 돌려준다. std = gain / √fan, gain = √(2 / (1 + a²))이다.
mode가 'fan_in'이면 fan은 입력 쪽, 'fan_out'이면 출력 쪽이고, 다른 값이면 ValueError를 낸다.
텐서는 nn.Linear의 (출력, 입력)이거나 합성곱의 (출력 채널, 입력 채널, 커널 크기...)다.
nn.init의 함수는 쓰지 않는다.

검사: python -m snippets.exercises check weight-init/kaiming-normal
"""

import math  # noqa: F401 — 답에 쓸 모듈을 미리 불러 둔다

import torch  # noqa: F401 — 답에 쓸 모듈을 미리 불러 둔다


def kaiming_normal_(tensor, a=0.0, mode="fan_in", generator=None):
    """N(0, std²)로 제자리에서 채운다. std = gain / √fan, gain = √(2 / (1 + a²))."""
    raise NotImplementedError("여기를 채운다")

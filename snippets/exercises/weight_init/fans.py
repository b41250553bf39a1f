"""연습 문제 weight-init/conv-fans: 합성곱 가중치의 fan_in과 fan_out."""

import math

import torch

from snippets.exercises.checks import Case, Raises


# --8<-- [start:solution]
def fans(shape):
    """가중치 모양에서 (fan_in, fan_out)을 구한다. 모양은 (출력, 입력, 커널 크기...)다.

    >>> fans((256, 512))                # nn.Linear(512, 256)
    (512, 256)
    >>> fans((64, 3, 3, 3))             # nn.Conv2d(3, 64, kernel_size=3)
    (27, 576)
    """
    if len(shape) < 2:
        raise ValueError("가중치는 2차원 이상이어야 한다")
    # 출력 하나는 입력 채널마다 커널 칸 전체를 본다: 커널의 칸 수(receptive field)를 곱한다.
    receptive_field = math.prod(shape[2:])
    return shape[1] * receptive_field, shape[0] * receptive_field


# --8<-- [end:solution]


def torch_fans(shape):
    """파이토치가 초기화 함수 안에서 쓰는 계산(비공개 함수)을 기대값으로 쓴다."""
    return torch.nn.init._calculate_fan_in_and_fan_out(torch.empty(*shape))


def hint_for(got):
    if isinstance(got, tuple) and len(got) == 2 and got[::-1] in SHAPE_ANSWERS:
        return "둘이 뒤바뀌었다. 가중치 모양은 (출력, 입력, ...)이라 fan_in은 둘째 차원에서 나온다."
    return "fan_in = 입력 채널 × 커널 칸 수, fan_out = 출력 채널 × 커널 칸 수다. 결과는 (fan_in, fan_out) 튜플이다."


SHAPES = [(256, 512), (64, 3, 3, 3), (10, 4, 5), (8, 2, 3, 3, 3), (1, 1)]
SHAPE_ANSWERS = [torch_fans(s) for s in SHAPES]


def cases():
    names = [
        "nn.Linear(512, 256)의 (256, 512)",
        "nn.Conv2d(3, 64, 3)의 (64, 3, 3, 3)",
        "nn.Conv1d(4, 10, 5)의 (10, 4, 5)",
        "nn.Conv3d(2, 8, 3)의 (8, 2, 3, 3, 3)",
        "(1, 1)",
    ]
    found = [
        Case(name, lambda f, s=shape: f(s), answer, hint_for)
        for name, shape, answer in zip(names, SHAPES, SHAPE_ANSWERS, strict=True)
    ]
    return found + [
        Case("1차원 모양 (5,)", lambda f: f((5,)), Raises(ValueError),
             "편향 같은 1차원 텐서에는 fan이 없다. ValueError를 낸다."),
    ]  # fmt: skip

"""연습 문제 weight-init/kaiming-normal: 모드와 leaky ReLU 기울기를 받는 허 정규분포 초기화."""

import math

import torch

from snippets.exercises.checks import Case, Raises, close


# --8<-- [start:solution]
def kaiming_normal_(tensor, a=0.0, mode="fan_in", generator=None):
    """N(0, std²)로 제자리에서 채운다. std = gain / √fan, gain = √(2 / (1 + a²)).

    a는 leaky ReLU의 음수 쪽 기울기(렐루는 0), mode는 'fan_in'(순전파) 또는 'fan_out'(역전파).
    텐서는 (출력, 입력, 커널 크기...) 모양이다.

    >>> g = torch.Generator().manual_seed(0)
    >>> round(kaiming_normal_(torch.empty(256, 512), generator=g).std().item(), 4)
    0.0626
    >>> round(math.sqrt(2 / 512), 4)
    0.0625
    """
    if mode not in ("fan_in", "fan_out"):
        raise ValueError(f"mode는 'fan_in' 또는 'fan_out'이다: {mode!r}")
    receptive_field = math.prod(tensor.shape[2:])
    fan = (tensor.shape[1] if mode == "fan_in" else tensor.shape[0]) * receptive_field
    std = math.sqrt(2.0 / (1 + a**2)) / math.sqrt(fan)
    with torch.no_grad():
        return tensor.normal_(0.0, std, generator=generator)


# --8<-- [end:solution]


def measured_std(f, shape, **kwargs):
    w = f(torch.empty(*shape), generator=torch.Generator().manual_seed(0), **kwargs)
    return round(w.std().item(), 4)


def fan_hint(got):
    if isinstance(got, float) and math.isclose(got, math.sqrt(2 / 256), abs_tol=2e-3):
        return (
            "fan_in 자리에 첫째 차원(출력 수)을 썼다. (256, 512)에서 입력 수는 둘째 차원의 512다."
        )
    return "mode='fan_in'이면 std = √2 / √fan_in이다."


def cases():
    return [
        Case("(256, 512), mode='fan_in'의 표준편차", lambda f: measured_std(f, (256, 512)),
             round(math.sqrt(2 / 512), 4), fan_hint, compare=close(atol=1e-3)),
        Case("(256, 512), mode='fan_out'의 표준편차", lambda f: measured_std(f, (256, 512), mode="fan_out"),
             round(math.sqrt(2 / 256), 4), "mode='fan_out'이면 첫째 차원(출력 수)으로 나눈다.",
             compare=close(atol=1e-3)),
        Case("(256, 512), a=0.5의 표준편차", lambda f: measured_std(f, (256, 512), a=0.5),
             round(math.sqrt(2 / 1.25 / 512), 4), "gain = √(2 / (1 + a²))이다. a=0이면 렐루의 √2다.",
             compare=close(atol=1e-3)),
        Case("합성곱 (64, 32, 3, 3), mode='fan_in'의 표준편차", lambda f: measured_std(f, (64, 32, 3, 3)),
             round(math.sqrt(2 / (32 * 9)), 4), "합성곱의 fan_in은 입력 채널 × 커널 칸 수(3×3)다.",
             compare=close(atol=2e-3)),
        Case("제자리에서 채워 같은 텐서를 돌려주는가",
             lambda f: (w := torch.zeros(8, 4)) is f(w) and bool((w != 0).any()), True,
             "tensor.normal_(...)로 받은 텐서를 채우고 그 텐서를 돌려준다."),
        Case("mode='fan_middle'", lambda f: f(torch.empty(4, 4), mode="fan_middle"), Raises(ValueError),
             "모르는 mode에는 ValueError를 낸다."),
    ]  # fmt: skip

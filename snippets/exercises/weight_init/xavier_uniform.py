"""연습 문제 weight-init/xavier-uniform: 자비에르 균등분포 초기화를 밑바닥부터."""

import math

import torch

from snippets.exercises.checks import Case, close


# --8<-- [start:solution]
def xavier_uniform_(tensor, gain=1.0, generator=None):
    """(fan_out, fan_in) 모양의 2차원 텐서를 U(-a, a)로 제자리에서 채우고 그 텐서를 돌려준다.

    a = gain · √(6 / (fan_in + fan_out)). 표준편차는 a/√3 = gain · √(2 / (fan_in + fan_out))다.

    >>> w = xavier_uniform_(torch.empty(256, 512), generator=torch.Generator().manual_seed(0))
    >>> round(w.abs().max().item(), 4), round(math.sqrt(6 / (512 + 256)), 4)
    (0.0884, 0.0884)
    """
    fan_out, fan_in = tensor.shape  # nn.Linear의 가중치는 (출력 수, 입력 수) 모양이다
    bound = gain * math.sqrt(6.0 / (fan_in + fan_out))
    # no_grad: 학습할 가중치(requires_grad=True)도 제자리에서 바꿀 수 있게 한다.
    with torch.no_grad():
        return tensor.uniform_(-bound, bound, generator=generator)


# --8<-- [end:solution]


def seeded(seed=0):
    return torch.Generator().manual_seed(seed)


def measure(f, shape, stat, gain=1.0):
    w = f(torch.empty(*shape), gain=gain, generator=seeded())
    return round(stat(w).item(), 4)


def max_hint(got):
    if isinstance(got, float) and math.isclose(got, math.sqrt(2 / 768), abs_tol=1e-3):
        return "표준편차 √(2/(fan_in+fan_out))를 경계로 썼다. U(-a, a)의 표준편차는 a/√3이므로 경계는 그 √3배다."
    return "U(-a, a)에서 a = gain·√(6/(fan_in+fan_out))이다. 표본이 많으면 가장 큰 절댓값이 a에 거의 닿는다."


def same_object(f):
    w = torch.zeros(30, 20)
    out = f(w, generator=seeded())
    return out is w and bool((w != 0).any())


def reproducible(f):
    return torch.equal(
        f(torch.empty(30, 20), generator=seeded(3)), f(torch.empty(30, 20), generator=seeded(3))
    )


def cases():
    bound = math.sqrt(6 / (512 + 256))
    return [
        Case("(256, 512) 텐서를 제자리에서 채워 같은 텐서를 돌려주는가", same_object, True,
             "새 텐서를 만들지 말고 tensor.uniform_(...)으로 받은 텐서를 채운 뒤 그 텐서를 돌려준다."),
        Case("(256, 512) 텐서의 가장 큰 절댓값", lambda f: measure(f, (256, 512), lambda w: w.abs().max()),
             round(bound, 4), max_hint, compare=close(atol=1e-3)),
        Case("(256, 512) 텐서의 표준편차", lambda f: measure(f, (256, 512), torch.std),
             round(bound / math.sqrt(3), 4), "U(-a, a)의 표준편차는 a/√3이다.", compare=close(atol=1e-3)),
        Case("(256, 512) 텐서의 평균", lambda f: measure(f, (256, 512), torch.mean), 0.0,
             "경계는 -a와 a로 0을 가운데 둔다.", compare=close(atol=2e-3)),
        Case("(300, 100) 텐서, gain=2의 표준편차", lambda f: measure(f, (300, 100), torch.std, gain=2.0),
             round(2 * math.sqrt(2 / 400), 4), "gain은 경계에 그대로 곱한다.", compare=close(atol=3e-3)),
        Case("같은 시드의 generator로 두 번 채우면 같은 값인가", reproducible, True,
             "generator 인자를 uniform_(..., generator=generator)에 넘긴다."),
    ]  # fmt: skip

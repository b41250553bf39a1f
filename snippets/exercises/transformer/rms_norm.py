"""연습 문제 transformer/rms-norm: RMSNorm을 구현하고 nn.RMSNorm과 맞춘다."""

import torch
from torch import nn

from snippets.exercises.checks import Case, close


# --8<-- [start:solution]
def rms_norm(x: torch.Tensor, weight: torch.Tensor, eps: float = 1e-6) -> torch.Tensor:
    """마지막 축의 제곱평균제곱근(RMS)으로 나누고 weight를 곱한다. 평균은 빼지 않는다.

    >>> rms_norm(torch.tensor([3.0, -4.0]), torch.ones(2), eps=0.0)   # RMS = √((9 + 16) / 2)
    tensor([ 0.8485, -1.1314])
    """
    rms = torch.sqrt(x.pow(2).mean(dim=-1, keepdim=True) + eps)  # eps는 제곱근 안에
    return x / rms * weight


# --8<-- [end:solution]


def _reference(x, weight, eps):
    norm = nn.RMSNorm(x.shape[-1], eps=eps)
    with torch.no_grad():
        norm.weight.copy_(weight)
        return norm(x)


def _randn(*shape, seed):
    return torch.randn(*shape, generator=torch.Generator().manual_seed(seed))


def _mean_hint(got):
    if isinstance(got, torch.Tensor) and torch.allclose(got, torch.zeros_like(got), atol=1e-3):
        return "평균을 뺐다. 평균을 빼면 층 정규화(LayerNorm)다. RMSNorm은 평균을 빼지 않고 RMS로만 나눈다."
    return "RMSNorm은 x / √(mean(x²) + eps) · weight다. 평균을 빼지 않는다."


def cases() -> list[Case]:
    x = _randn(2, 3, 8, seed=1)
    weight = _randn(8, seed=2)
    tiny = torch.full((1, 4), 1e-4)
    return [
        Case(
            "모든 값이 같은 벡터 [2, 2, 2, 2]",
            lambda f: f(torch.full((1, 4), 2.0), torch.ones(4), 1e-6),
            _reference(torch.full((1, 4), 2.0), torch.ones(4), 1e-6),
            _mean_hint,
            close(atol=1e-5),
        ),
        Case(
            "벡터 [3, -4], weight = 1, eps = 0",
            lambda f: f(torch.tensor([[3.0, -4.0]]), torch.ones(2), 0.0),
            _reference(torch.tensor([[3.0, -4.0]]), torch.ones(2), 0.0),
            "제곱의 평균(mean(x²))의 제곱근으로 나눈다. 제곱의 합이 아니라 평균이다.",
            close(atol=1e-5),
        ),
        Case(
            "아주 작은 값 1e-4 (eps = 1e-6): eps는 제곱근 안에 더한다",
            lambda f: f(tiny, torch.ones(4), 1e-6),
            _reference(tiny, torch.ones(4), 1e-6),
            "√(mean(x²) + eps)로 나눈다. √mean(x²) + eps로 나누면 값이 작을 때 결과가 크게 달라진다.",
            close(atol=1e-4),
        ),
        Case(
            "배치 (2, 3, 8)과 무작위 weight: nn.RMSNorm(8, eps=1e-5)와 같은가",
            lambda f: f(x, weight, 1e-5),
            _reference(x, weight, 1e-5),
            "마지막 축(dim=-1, keepdim=True)으로 RMS를 구하고, 나눈 뒤 weight를 곱한다.",
            close(atol=1e-5),
        ),
    ]

"""연습 문제 attention/rotary: 회전 위치 임베딩(RoPE)으로 쿼리와 키를 위치만큼 돌린다."""

import torch

from snippets.exercises.checks import Case, close


# --8<-- [start:solution]
def rotary(x: torch.Tensor, base: float = 10000.0) -> torch.Tensor:
    """x: (..., L, d). 위치 p의 벡터에서 차원 짝 (2i, 2i+1)을 각 p / base^(2i/d)만큼 돌린다.

    >>> rotary(torch.tensor([[1.0, 0.0], [1.0, 0.0]]))   # 1번 위치는 1 라디안 돈다
    tensor([[1.0000, 0.0000],
            [0.5403, 0.8415]])
    """
    length, d = x.shape[-2], x.shape[-1]
    position = torch.arange(length, dtype=x.dtype)[:, None]  # (L, 1)
    two_i = torch.arange(0, d, 2, dtype=x.dtype)  # 짝마다 하나의 주파수
    angle = position / base ** (two_i / d)  # (L, d/2)
    cos, sin = angle.cos(), angle.sin()
    even, odd = x[..., 0::2], x[..., 1::2]  # 짝의 첫째와 둘째
    out = torch.empty_like(x)
    out[..., 0::2] = even * cos - odd * sin  # 2×2 회전 행렬을 곱한 것
    out[..., 1::2] = even * sin + odd * cos
    return out


# --8<-- [end:solution]


def _randn(*shape, seed):
    return torch.randn(*shape, generator=torch.Generator().manual_seed(seed))


def _by_complex(x, base=10000.0):
    """짝 (2i, 2i+1)을 복소수 하나로 보면 회전은 e^{iθ}를 곱하는 것이다."""
    length, d = x.shape[-2], x.shape[-1]
    angle = torch.arange(length, dtype=torch.float64)[:, None] / base ** (
        torch.arange(0, d, 2, dtype=torch.float64) / d
    )
    z = torch.view_as_complex(x.double().reshape(*x.shape[:-1], d // 2, 2).contiguous())
    return torch.view_as_real(z * torch.polar(torch.ones_like(angle), angle)).reshape(x.shape)


def _pairing_hint(x):
    """흔한 오답: 앞 절반과 뒤 절반을 짝지었다(GPT-NeoX 방식)."""

    def hint(got):
        if isinstance(got, torch.Tensor) and got.shape == x.shape:
            if torch.allclose(got.double(), _neox(x), atol=1e-4):
                return (
                    "앞 절반과 뒤 절반을 짝지어 돌렸다(GPT-NeoX 방식). 이 문제는 이웃한 두 차원 "
                    "(2i, 2i+1)을 짝으로 돌린다: x[..., 0::2]와 x[..., 1::2]."
                )
        return "짝 (2i, 2i+1)을 각 p / base^(2i/d)만큼 돌린다: (a, b) → (a cos − b sin, a sin + b cos)."

    return hint


def _neox(x, base=10000.0):
    """흔한 다른 약속: i번째와 i + d/2번째 차원을 짝으로 돌린다."""
    length, d = x.shape[-2], x.shape[-1]
    half = d // 2
    angle = torch.arange(length, dtype=torch.float64)[:, None] / base ** (
        torch.arange(0, d, 2, dtype=torch.float64) / d
    )
    a, b = x.double()[..., :half], x.double()[..., half:]
    return torch.cat([a * angle.cos() - b * angle.sin(), a * angle.sin() + b * angle.cos()], dim=-1)


def _relative(f):
    """회전한 쿼리와 키의 내적은 두 위치의 차이에만 달려 있다: (p, p + 3) 쌍 세 개의 내적."""
    q = _randn(1, 8, seed=5).expand(12, 8)  # 모든 위치에 같은 쿼리
    k = _randn(1, 8, seed=6).expand(12, 8)
    rq, rk = f(q.clone()), f(k.clone())
    return [round((rq[p] @ rk[p + 3]).item(), 4) for p in (0, 4, 8)]


def cases() -> list[Case]:
    x = _randn(2, 3, 6, 8, seed=1)
    pair = torch.tensor([[1.0, 0.0], [1.0, 0.0], [0.0, 2.0]])
    q = _randn(1, 8, seed=5)
    k = _randn(1, 8, seed=6)
    same = round((_by_complex(q.expand(12, 8))[0] @ _by_complex(k.expand(12, 8))[3]).item(), 4)
    return [
        Case(
            "배치 (2, 3, 6, 8): 모양은 그대로",
            lambda f: tuple(f(x.clone()).shape),
            (2, 3, 6, 8),
            "돌리기만 하므로 모양이 바뀌지 않는다. 위치 축은 뒤에서 둘째 축(-2)이다.",
        ),
        Case(
            "d = 2인 벡터 (1, 0)을 위치 0, 1과 (0, 2)를 위치 2에 두었을 때",
            lambda f: f(pair.clone()),
            _by_complex(pair).float(),
            "위치 p에서 i = 0인 짝의 각은 p 라디안이다. (a, b) → (a cos − b sin, a sin + b cos).",
            close(atol=1e-5),
        ),
        Case(
            "돌려도 벡터의 길이는 그대로",
            lambda f: f(x.clone()).norm(dim=-1),
            x.norm(dim=-1),
            "회전은 길이를 바꾸지 않는다. cos과 sin을 같은 각으로 쓰는지 본다.",
            close(atol=1e-4),
        ),
        Case(
            "배치 (2, 3, 6, 8) 전체",
            lambda f: f(x.clone()),
            _by_complex(x).float(),
            _pairing_hint(x),
            close(atol=1e-4),
        ),
        Case(
            "회전한 쿼리와 키의 내적은 위치 차이에만 달려 있다",
            _relative,
            [same, same, same],
            "i번째 짝의 각은 p · base^(−2i/d)로, 위치에 비례해야 한다.",
            close(atol=1e-3),
        ),
    ]

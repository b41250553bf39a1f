"""요즘 트랜스포머의 표준 부품: RMSNorm, SwiGLU FFN, 회전 위치 임베딩(RoPE)."""

# --8<-- [start:setup]
import torch
import torch.nn.functional as F
from torch import nn

# --8<-- [end:setup]


# --8<-- [start:rms_norm]
class RMSNorm(nn.Module):
    """평균을 빼지 않고 제곱평균제곱근(RMS)으로만 나눈다: x / √(mean(x²) + ε) · γ.

    층 정규화에서 평균 빼기와 편향 β를 덜어 낸 것이다(Zhang & Sennrich, 2019).
    eps=None이면 torch.nn.RMSNorm처럼 입력 자료형의 machine epsilon을 쓴다.

    >>> _ = torch.manual_seed(0)
    >>> x = torch.randn(2, 5, 8) * 3 + 1
    >>> ours, theirs = RMSNorm(8), nn.RMSNorm(8)
    >>> torch.allclose(ours(x), theirs(x), atol=1e-6)           # 파이토치와 같은 값
    True
    >>> y = ours(x)
    >>> torch.allclose(y.pow(2).mean(-1), torch.ones(2, 5), atol=1e-5)  # 위치마다 RMS 1
    True
    >>> bool(y.mean(-1).abs().max() > 0.1)                     # 평균은 0으로 맞추지 않는다
    True
    >>> sum(p.numel() for p in ours.parameters()), sum(p.numel() for p in nn.LayerNorm(8).parameters())
    (8, 16)
    """

    def __init__(self, d_model, eps=None):
        super().__init__()
        self.eps = eps
        self.weight = nn.Parameter(torch.ones(d_model))

    def forward(self, x):
        eps = torch.finfo(x.dtype).eps if self.eps is None else self.eps
        return x * torch.rsqrt(x.pow(2).mean(-1, keepdim=True) + eps) * self.weight


# --8<-- [end:rms_norm]


# --8<-- [start:swiglu]
class SwiGLU(nn.Module):
    """게이트가 있는 FFN: W_2 (SiLU(x W_1) ∘ x W_3). 편향은 두지 않는다(Shazeer, 2020).

    행렬이 셋이라, 가운데 차원을 보통 FFN의 4·d 대신 (2/3)·4·d로 잡으면 매개변수 수가 같다.

    >>> d = 48
    >>> relu_ffn = nn.Sequential(nn.Linear(d, 4 * d, bias=False), nn.ReLU(), nn.Linear(4 * d, d, bias=False))
    >>> swiglu = SwiGLU(d, d_ff=2 * 4 * d // 3)
    >>> count = lambda m: sum(p.numel() for p in m.parameters())
    >>> count(relu_ffn), count(swiglu)
    (18432, 18432)
    >>> swiglu(torch.randn(2, 5, d)).shape
    torch.Size([2, 5, 48])
    """

    def __init__(self, d_model, d_ff):
        super().__init__()
        self.w1 = nn.Linear(
            d_model, d_ff, bias=False
        )  # 게이트: SiLU를 거쳐 원소마다 얼마나 통과시킬지 정한다
        self.w3 = nn.Linear(
            d_model, d_ff, bias=False
        )  # 값: 활성화 없이 선형으로, 게이트와 곱해진다
        self.w2 = nn.Linear(d_ff, d_model, bias=False)

    def forward(self, x):
        return self.w2(F.silu(self.w1(x)) * self.w3(x))


# --8<-- [end:swiglu]


# --8<-- [start:rope]
def rope(x, positions=None, base=10000.0):
    """회전 위치 임베딩(Su 외, 2021): 차원 쌍 (2i, 2i+1)을 위치 × θ_i만큼 돌린다.

    x: (..., L, d). positions를 주지 않으면 0, 1, …, L-1이다. θ_i = base^(-2i/d)는
    사인파 위치 인코딩의 주파수와 같다. 임베딩에 더하지 않고, 층마다 쿼리와 키에 곱한다.
    """
    d = x.size(-1)
    if positions is None:
        positions = torch.arange(x.size(-2), dtype=x.dtype)
    theta = base ** (-torch.arange(0, d, 2, dtype=x.dtype) / d)  # (d/2,)
    angle = positions[:, None] * theta[None, :]  # (L, d/2)
    cos, sin = angle.cos(), angle.sin()
    even, odd = x[..., 0::2], x[..., 1::2]
    rotated = torch.stack([even * cos - odd * sin, even * sin + odd * cos], dim=-1)
    return rotated.flatten(-2)  # 쌍을 다시 (2i, 2i+1) 자리로


# --8<-- [end:rope]


# --8<-- [start:rope_relative]
def rope_scores_depend_on_distance(seed: int = 0) -> None:
    """같은 쿼리와 키를 여러 위치 (m, n)에 놓고 점수를 잰다.

    회전 R_m q와 R_n k의 내적은 q · R_(n-m) k라서 거리 n - m에만 달려 있다.

    >>> rope_scores_depend_on_distance()
    (m, n) = (3, 1): 점수 -3.2254
    (m, n) = (10, 8): 점수 -3.2254
    (m, n) = (50, 48): 점수 -3.2254
    (m, n) = (3, 2): 점수 -0.3912
    회전해도 벡터의 길이는 그대로인가: True
    """
    g = torch.Generator().manual_seed(seed)
    q, k = torch.randn(2, 8, generator=g, dtype=torch.float64)

    def score(m, n):
        q_m = rope(q[None], torch.tensor([m], dtype=torch.float64))[0]
        k_n = rope(k[None], torch.tensor([n], dtype=torch.float64))[0]
        return (q_m @ k_n).item()

    for m, n in [(3, 1), (10, 8), (50, 48), (3, 2)]:
        print(f"(m, n) = ({m}, {n}): 점수 {score(m, n):.4f}")
    rotated = rope(q.expand(20, 8))  # 위치 0..19에 같은 벡터
    print("회전해도 벡터의 길이는 그대로인가:", torch.allclose(rotated.norm(dim=-1), q.norm()))


# --8<-- [end:rope_relative]

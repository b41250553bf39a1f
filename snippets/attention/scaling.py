"""왜 √d_k로 나누는가: 내적의 분산은 차원에 비례해 커지고, 소프트맥스를 포화시킨다."""

# --8<-- [start:setup]
import math

import torch

# --8<-- [end:setup]


# --8<-- [start:score_spread]
def softmax_jacobian_norm(scores: torch.Tensor) -> torch.Tensor:
    """소프트맥스 야코비안 diag(p) - p pᵀ의 노름: 기울기가 얼마나 흐르는지."""
    p = scores.softmax(-1)
    jacobian = torch.diag_embed(p) - p[..., :, None] * p[..., None, :]
    return jacobian.flatten(-2).norm(dim=-1)


def score_spread(d_k: int, n_keys: int = 10, trials: int = 2000, seed: int = 0):
    """성분이 표준정규분포인 쿼리 하나와 키 n_keys개의 내적을 trials번 뽑는다.

    점수의 표준편차, 소프트맥스 최대 가중치의 평균, 야코비안 노름의 평균을
    √d_k로 나누기 전과 후로 돌려준다.

    >>> print("d_k   표준편차       최대 가중치    야코비안 노름")
    d_k   표준편차       최대 가중치    야코비안 노름
    >>> for d_k in (4, 64, 512):
    ...     s = score_spread(d_k)
    ...     print(f"{d_k:<5} {s['std'][0]:5.1f} → {s['std'][1]:.1f}   "
    ...           f"{s['top'][0]:.2f} → {s['top'][1]:.2f}    "
    ...           f"{s['jacobian'][0]:.3f} → {s['jacobian'][1]:.3f}")
    4       2.0 → 1.0   0.49 → 0.31    0.337 → 0.341
    64      8.0 → 1.0   0.86 → 0.32    0.162 → 0.347
    512    22.5 → 1.0   0.95 → 0.32    0.064 → 0.348
    """
    g = torch.Generator().manual_seed(seed)
    q = torch.randn(trials, 1, d_k, generator=g)
    k = torch.randn(trials, n_keys, d_k, generator=g)
    raw = (q * k).sum(-1)  # (trials, n_keys): 내적 점수
    scaled = raw / math.sqrt(d_k)

    def both(stat):
        return tuple(round(stat(s).item(), 4) for s in (raw, scaled))

    return {
        "std": both(lambda s: s.std()),
        "top": both(lambda s: s.softmax(-1).max(-1).values.mean()),
        "jacobian": both(lambda s: softmax_jacobian_norm(s).mean()),
    }


# --8<-- [end:score_spread]

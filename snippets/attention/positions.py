"""사인파 위치 인코딩의 성질: 내적은 거리에만 달려 있고, 가까운 위치일수록 비슷하다."""

# --8<-- [start:setup]
import torch

from snippets.transformer.attention import positional_encoding

# --8<-- [end:setup]


# --8<-- [start:similarity_by_distance]
def similarity_by_distance(
    max_distance: int = 64, d_model: int = 64, max_len: int = 256
) -> list[float]:
    """PE[p] · PE[p + k] 를 거리 k 마다 구한다(p 와 무관하므로 p = 0 을 쓴다).

    >>> pe = positional_encoding(256, 64)
    >>> [round((pe[p] @ pe[p + 3]).item(), 3) for p in (0, 10, 100)]  # p 와 무관
    [25.587, 25.587, 25.587]
    >>> [round(s, 2) for s in similarity_by_distance(8)]   # k = 0, 1, …, 7
    [32.0, 30.92, 28.3, 25.59, 23.93, 23.5, 23.56, 23.26]
    """
    pe = positional_encoding(max_len, d_model).double()
    return [(pe[0] @ pe[k]).item() for k in range(max_distance)]


# --8<-- [end:similarity_by_distance]


# --8<-- [start:shift_is_rotation]
def shift_matrix(k: int, d_model: int) -> torch.Tensor:
    """PE[p + k] = PE[p] @ M_k 인 행렬. 주파수마다 각도 ω_i·k 의 2×2 회전."""
    i = torch.arange(0, d_model, 2, dtype=torch.float64)
    omega = 10000.0 ** (-i / d_model)
    M = torch.zeros(d_model, d_model, dtype=torch.float64)
    for j, w in enumerate(omega):
        c, s = torch.cos(w * k), torch.sin(w * k)
        # (sin a, cos a) @ [[c, -s], [s, c]] = (sin(a + wk), cos(a + wk))
        M[2 * j : 2 * j + 2, 2 * j : 2 * j + 2] = torch.stack(
            [torch.stack([c, -s]), torch.stack([s, c])]
        )
    return M


def shift_is_rotation() -> bool:
    """위치를 k 칸 옮기는 것은 p 와 상관없는 선형 변환(회전)이다.

    >>> shift_is_rotation()
    True
    """
    pe = positional_encoding(100, 16).double()
    M = shift_matrix(5, 16)
    return torch.allclose(pe[:-5] @ M, pe[5:], atol=1e-5)


# --8<-- [end:shift_is_rotation]

"""사인파 위치 인코딩의 성질: 내적은 거리에만 달려 있고, 가까운 위치일수록 비슷하다."""

# --8<-- [start:setup]
import torch

from snippets.transformer.attention import positional_encoding

# --8<-- [end:setup]


# --8<-- [start:similarity_by_distance]
def similarity_by_distance(
    max_distance: int = 64, d_model: int = 64, max_len: int = 256
) -> list[float]:
    """PE[p] · PE[p + k]를 거리 k마다 구한다(p와 무관하므로 p = 0을 쓴다).

    >>> pe = positional_encoding(256, 64)
    >>> [round((pe[p] @ pe[p + 3]).item(), 3) for p in (0, 10, 100)]  # p와 무관
    [25.587, 25.587, 25.587]
    >>> [round(s, 2) for s in similarity_by_distance(8)]   # k = 0, 1, …, 7
    [32.0, 30.92, 28.3, 25.59, 23.93, 23.5, 23.56, 23.26]
    """
    pe = positional_encoding(max_len, d_model).double()
    return [(pe[0] @ pe[k]).item() for k in range(max_distance)]


# --8<-- [end:similarity_by_distance]


# --8<-- [start:shift_is_rotation]
def shift_matrix(k: int, d_model: int) -> torch.Tensor:
    """PE[p + k] = PE[p] @ M_k인 행렬. 주파수마다 각도 ω_i·k의 2×2 회전."""
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
    """위치를 k칸 옮기는 것은 p와 상관없는 선형 변환(회전)이다.

    >>> shift_is_rotation()
    True
    """
    pe = positional_encoding(100, 16).double()
    M = shift_matrix(5, 16)
    return torch.allclose(pe[:-5] @ M, pe[5:], atol=1e-5)


# --8<-- [end:shift_is_rotation]


# --8<-- [start:layouts]
def concatenated_layout(pe: torch.Tensor) -> torch.Tensor:
    """짝수 열(sin)을 앞 절반에, 홀수 열(cos)을 뒤 절반에 모은다(tensor2tensor 식 배치)."""
    return torch.cat([pe[:, 0::2], pe[:, 1::2]], dim=1)


def compare_layouts() -> None:
    """원 논문의 '번갈아 놓기'와 '반씩 이어 붙이기'는 열의 순서만 다르다.

    >>> compare_layouts()
    번갈아 놓기(원 논문): [0.841, 0.54, 0.1, 0.995, 0.01, 1.0, 0.001, 1.0]
    반씩 이어 붙이기:     [0.841, 0.1, 0.01, 0.001, 0.54, 0.995, 1.0, 1.0]
    같은 열을 순서만 바꾼 것인가: True
    위치 사이의 내적이 같은가: True
    """
    pe = positional_encoding(50, 8)
    halves = concatenated_layout(pe)
    print("번갈아 놓기(원 논문):", [round(x, 3) for x in pe[1].tolist()])
    print("반씩 이어 붙이기:    ", [round(x, 3) for x in halves[1].tolist()])
    order = torch.cat([torch.arange(0, 8, 2), torch.arange(1, 8, 2)])
    print("같은 열을 순서만 바꾼 것인가:", torch.equal(halves, pe[:, order]))
    # 열의 순서를 바꿔도 두 위치 벡터의 내적은 그대로라서, 모델이 얻는 정보는 같다.
    print("위치 사이의 내적이 같은가:", torch.allclose(halves @ halves.T, pe @ pe.T, atol=1e-5))


# --8<-- [end:layouts]

"""두 단어 "Thinking Machines"로 셀프 어텐션을 손으로 따라간다."""

# --8<-- [start:setup]
import math

import torch

from snippets.transformer.attention import scaled_dot_product_attention

# --8<-- [end:setup]


# --8<-- [start:inputs]
# 두 단어의 임베딩: 행 하나가 단어 하나 (d_model = 4)
X = torch.tensor(
    [
        [1.0, 0.0, 1.0, 0.0],  # Thinking
        [0.0, 1.0, 1.0, 1.0],
    ]
)  # Machines
# 투영 행렬. 쿼리와 키는 d_k = 4 차원, 밸류는 d_v = 2 차원으로 보낸다.
W_Q = torch.tensor(
    [[1.0, 0.0, 1.0, 0.0], [0.0, 1.0, 0.0, 1.0], [1.0, 1.0, 0.0, 0.0], [0.0, 0.0, 1.0, 0.0]]
)
W_K = torch.tensor(
    [[1.0, 0.0, 0.0, 1.0], [0.0, 1.0, 1.0, 0.0], [1.0, 0.0, 1.0, 0.0], [0.0, 1.0, 0.0, 0.0]]
)
W_V = torch.tensor([[1.0, 0.0], [0.0, 2.0], [1.0, 1.0], [2.0, 0.0]])
# --8<-- [end:inputs]


# --8<-- [start:by_hand]
def by_hand():
    """식의 각 단계를 그대로 계산해 보여 준다.

    >>> Q, K, V = by_hand()
    Q = XW^Q: [[2.0, 1.0, 1.0, 0.0], [1.0, 2.0, 1.0, 1.0]]
    K = XW^K: [[2.0, 0.0, 1.0, 1.0], [1.0, 2.0, 2.0, 0.0]]
    V = XW^V: [[2.0, 1.0], [3.0, 3.0]]
    점수 QKᵀ: [[5.0, 6.0], [4.0, 7.0]]
    √d_k로 나눔: [[2.5, 3.0], [2.0, 3.5]]
    소프트맥스: [[0.3775, 0.6225], [0.1824, 0.8176]]
    출력 = 가중치 × V: [[2.6225, 2.2449], [2.8176, 2.6351]]
    """

    def show(label, t):
        print(f"{label}: {[[round(x, 4) for x in row] for row in t.tolist()]}")

    Q, K, V = X @ W_Q, X @ W_K, X @ W_V
    show("Q = XW^Q", Q)
    show("K = XW^K", K)
    show("V = XW^V", V)
    scores = Q @ K.T  # (2, 2): 행 = 쿼리 단어, 열 = 키 단어
    show("점수 QKᵀ", scores)
    scaled = scores / math.sqrt(Q.shape[-1])
    show("√d_k로 나눔", scaled)
    weights = scaled.softmax(dim=-1)  # 행마다 합이 1
    show("소프트맥스", weights)
    show("출력 = 가중치 × V", weights @ V)
    return Q, K, V


# --8<-- [end:by_hand]


# --8<-- [start:same_as_function]
def same_as_function() -> bool:
    """같은 계산을 snippets.transformer의 함수로 한 번에 한다.

    >>> same_as_function()
    출력 모양: (2, 2)  (단어 2개 × d_v 2)
    True
    """
    Q, K, V = X @ W_Q, X @ W_K, X @ W_V
    out, weights = scaled_dot_product_attention(Q, K, V)
    print(f"출력 모양: {tuple(out.shape)}  (단어 2개 × d_v {V.shape[-1]})")
    expected = (Q @ K.T / 2).softmax(-1) @ V
    return torch.allclose(out, expected)


# --8<-- [end:same_as_function]

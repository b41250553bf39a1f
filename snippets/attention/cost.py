"""어텐션의 비용: N×N 점수 행렬과, 그것을 만들지 않고 같은 답을 내는 블록 계산."""

# --8<-- [start:setup]
import math

import torch

from snippets.transformer.attention import scaled_dot_product_attention

# --8<-- [end:setup]


# --8<-- [start:score_memory]
def score_memory(n: int, bytes_per_value: int = 4) -> str:
    """길이 n인 시퀀스의 점수 행렬(헤드 하나, 배치 하나)이 차지하는 메모리.

    >>> for n in (1_000, 10_000, 100_000):
    ...     print(f"N={n:>7,}  점수 {n * n:>14,}개  float32 {score_memory(n):>8}")
    N=  1,000  점수      1,000,000개  float32     4 MB
    N= 10,000  점수    100,000,000개  float32   400 MB
    N=100,000  점수 10,000,000,000개  float32    40 GB
    """
    size = n * n * bytes_per_value
    for unit, scale in (("GB", 10**9), ("MB", 10**6), ("KB", 10**3)):
        if size >= scale:
            return f"{size / scale:g} {unit}"
    return f"{size} B"


# --8<-- [end:score_memory]


# --8<-- [start:blockwise_attention]
def blockwise_attention(q, k, v, block: int = 4):
    """키를 block 개씩 나눠 읽으며 소프트맥스를 '온라인'으로 갱신한다.

    N×N 점수 행렬 전체를 만들지 않고 (N × block) 조각만 만든다. FlashAttention의
    핵심 아이디어(타일링 + 온라인 소프트맥스)를 CPU에서 읽기 쉽게 옮긴 것이다.
    """
    scale = 1 / math.sqrt(q.shape[-1])
    rows = q.shape[:-1]
    running_max = q.new_full(rows + (1,), -math.inf)  # 지금까지 본 점수의 최댓값
    denominator = q.new_zeros(rows + (1,))  # Σ exp(점수 - 최댓값)
    numerator = q.new_zeros(rows + (v.shape[-1],))  # Σ exp(점수 - 최댓값) · v
    for start in range(0, k.shape[-2], block):
        k_block = k[..., start : start + block, :]
        v_block = v[..., start : start + block, :]
        scores = q @ k_block.transpose(-2, -1) * scale
        new_max = torch.maximum(running_max, scores.amax(-1, keepdim=True))
        correction = torch.exp(running_max - new_max)  # 옛 합계를 새 기준으로
        p = torch.exp(scores - new_max)
        denominator = denominator * correction + p.sum(-1, keepdim=True)
        numerator = numerator * correction + p @ v_block
        running_max = new_max
    return numerator / denominator


# --8<-- [end:blockwise_attention]


# --8<-- [start:blockwise_check]
def blockwise_check(n: int = 64, block: int = 8, seed: int = 0) -> None:
    """블록 계산이 한 번에 계산한 어텐션과 같은지, 점수 조각의 크기는 얼마인지.

    >>> blockwise_check()
    한 번에: 점수 행렬 (64, 64)
    블록으로: 점수 조각 (64, 8)
    같은 답: True
    """
    g = torch.Generator().manual_seed(seed)
    q, k, v = (torch.randn(n, 16, generator=g, dtype=torch.float64) for _ in range(3))
    full, weights = scaled_dot_product_attention(q, k, v)
    print("한 번에: 점수 행렬", tuple(weights.shape))
    print("블록으로: 점수 조각", (n, block))
    print("같은 답:", torch.allclose(blockwise_attention(q, k, v, block), full))


# --8<-- [end:blockwise_check]

"""패딩 마스크와 인과 마스크를 함께 쓴다: 디코더의 셀프 어텐션과 교차 어텐션."""

# --8<-- [start:setup]
import torch
import torch.nn.functional as F

from snippets.transformer.attention import (
    causal_mask,
    padding_mask,
    scaled_dot_product_attention,
)
from snippets.transformer.model import DecoderLayer

# --8<-- [end:setup]


# --8<-- [start:combined_mask]
def decoder_self_mask(tokens, pad_id):
    """디코더 셀프 어텐션의 마스크: 키가 진짜 토큰이고(패딩 마스크) 미래가 아니면(인과 마스크) 본다.

    모양은 (B, 1, L, L)이라 헤드 축으로 퍼진다. True인 칸만 본다.
    """
    length = tokens.size(1)
    return padding_mask(tokens, pad_id) & causal_mask(length, device=tokens.device)


# --8<-- [end:combined_mask]


# --8<-- [start:combined_demo]
def combined_mask_demo(seed: int = 0) -> None:
    """패딩이 섞인 배치에서 두 마스크를 합쳐 쓴다.

    >>> combined_mask_demo()
    둘째 줄(진짜 토큰 3개 + 패딩 2개)의 마스크:
    [1, 0, 0, 0, 0]
    [1, 1, 0, 0, 0]
    [1, 1, 1, 0, 0]
    [1, 1, 1, 0, 0]
    [1, 1, 1, 0, 0]
    진짜 토큰의 행은 인과 마스크만 쓸 때와 같은가: True
    패딩 키가 받은 가중치의 최댓값: 0.0
    F.scaled_dot_product_attention과 같은가: True
    교차 어텐션이 입력의 패딩에 준 가중치의 최댓값: 0.0
    """
    g = torch.Generator().manual_seed(seed)
    pad = 0
    tgt = torch.tensor([[5, 6, 7, 8, 9], [5, 6, 7, pad, pad]])  # 출력 쪽 배치
    src = torch.tensor([[3, 4, 5, 6], [3, 4, pad, pad]])  # 입력 쪽 배치
    mask = decoder_self_mask(tgt, pad)
    print("둘째 줄(진짜 토큰 3개 + 패딩 2개)의 마스크:")
    for row in mask[1, 0].int().tolist():
        print(row)
    # 오른쪽 패딩이면 진짜 토큰의 행(앞 세 행)은 인과 마스크만 쓴 것과 같다. 다른 것은 패딩 쿼리 행뿐이다.
    causal_only = causal_mask(5)
    same_rows = torch.equal(mask[1, 0, :3], causal_only[:3])
    print("진짜 토큰의 행은 인과 마스크만 쓸 때와 같은가:", same_rows)
    q, k, v = (torch.randn(2, 2, 5, 4, generator=g) for _ in range(3))  # (배치, 헤드, 길이, d_k)
    out, weights = scaled_dot_product_attention(q, k, v, mask=mask)
    print("패딩 키가 받은 가중치의 최댓값:", weights[1, :, :, 3:].max().item())
    reference = F.scaled_dot_product_attention(q, k, v, attn_mask=mask)
    print("F.scaled_dot_product_attention과 같은가:", torch.allclose(out, reference, atol=1e-6))
    # 교차 어텐션은 미래와 상관없다: 입력 쪽 패딩 마스크만 준다.
    torch.manual_seed(seed)
    layer = DecoderLayer(d_model=8, n_heads=2, d_ff=16).eval()
    memory = torch.randn(2, 4, 8)  # 인코더 출력
    y = torch.randn(2, 5, 8)
    with torch.no_grad():
        _, cross = layer(y, memory, memory_mask=padding_mask(src, pad), need_weights=True)
    print("교차 어텐션이 입력의 패딩에 준 가중치의 최댓값:", cross[1, :, :, 2:].max().item())


# --8<-- [end:combined_demo]


# --8<-- [start:left_padding]
def rows_with_no_visible_key(tokens, pad_id) -> list[list[bool]]:
    """볼 키가 하나도 없는 쿼리 행. 이런 행에서 직접 만든 어텐션은 nan을 낸다.

    >>> rows_with_no_visible_key(torch.tensor([[5, 6, 7, 0, 0]]), pad_id=0)   # 오른쪽 패딩
    [[False, False, False, False, False]]
    >>> rows_with_no_visible_key(torch.tensor([[0, 0, 5, 6, 7]]), pad_id=0)   # 왼쪽 패딩
    [[True, True, False, False, False]]
    """
    return (~decoder_self_mask(tokens, pad_id).any(dim=-1))[:, 0].tolist()


# --8<-- [end:left_padding]

"""처음부터 짠 어텐션(snippets.transformer.attention)을 파이토치 구현과 맞춰 본다."""

# --8<-- [start:setup]
import torch
import torch.nn.functional as F
from torch import nn

from snippets.transformer.attention import (
    MultiHeadAttention,
    causal_mask,
    positional_encoding,
    scaled_dot_product_attention,
)

# --8<-- [end:setup]


# --8<-- [start:compare_sdpa]
def compare_sdpa(seed: int = 0) -> None:
    """F.scaled_dot_product_attention과 같은 값인지: 마스크 없음, 인과, 불리언.

    float64로 계산하면 두 구현의 차이는 반올림 오차 수준이다. 모든 쿼리가 키를 하나 이상
    볼 때만 같다: 모든 키를 가린 행에서는 두 구현이 다르다(fully_masked_row 참고).

    >>> compare_sdpa()
    마스크 없음  allclose=True  최대 절대 오차 < 1e-12: True
    인과 마스크  allclose=True  최대 절대 오차 < 1e-12: True
    불리언 마스크 allclose=True  최대 절대 오차 < 1e-12: True
    """
    g = torch.Generator().manual_seed(seed)
    shape = (2, 3, 5, 8)  # (배치, 헤드, 길이, d_k)
    q, k, v = (torch.randn(shape, generator=g, dtype=torch.float64) for _ in range(3))
    keep = torch.rand(2, 1, 5, 5, generator=g) > 0.3
    keep[..., 0] = True  # 모든 쿼리가 키를 하나는 보게 한다
    cases = [
        ("마스크 없음", {}, {}),
        ("인과 마스크", {"is_causal": True}, {"is_causal": True}),
        ("불리언 마스크", {"mask": keep}, {"attn_mask": keep}),
    ]
    for name, ours_kwargs, torch_kwargs in cases:
        ours, _ = scaled_dot_product_attention(q, k, v, **ours_kwargs)
        theirs = F.scaled_dot_product_attention(q, k, v, **torch_kwargs)
        diff = (ours - theirs).abs().max().item()
        print(
            f"{name:<6} allclose={torch.allclose(ours, theirs)}  "
            f"최대 절대 오차 < 1e-12: {diff < 1e-12}"
        )


# --8<-- [end:compare_sdpa]


# --8<-- [start:to_torch_mha]
def to_torch_mha(mha: MultiHeadAttention) -> nn.MultiheadAttention:
    """우리 MultiHeadAttention의 가중치를 복사한 nn.MultiheadAttention.

    파이토치는 W_q, W_k, W_v를 세로로 이어 붙여 in_proj_weight (3d, d)에 담는다.
    """
    d_model = mha.n_heads * mha.d_head
    theirs = nn.MultiheadAttention(d_model, mha.n_heads, batch_first=True)
    with torch.no_grad():
        theirs.in_proj_weight.copy_(torch.cat([mha.W_q.weight, mha.W_k.weight, mha.W_v.weight]))
        theirs.in_proj_bias.copy_(torch.cat([mha.W_q.bias, mha.W_k.bias, mha.W_v.bias]))
        theirs.out_proj.weight.copy_(mha.W_o.weight)
        theirs.out_proj.bias.copy_(mha.W_o.bias)
    return theirs


# --8<-- [end:to_torch_mha]


# --8<-- [start:compare_mha]
def compare_mha(seed: int = 0) -> None:
    """같은 가중치의 nn.MultiheadAttention과 출력, 헤드별 가중치를 비교한다.

    주의: nn.MultiheadAttention의 불리언 attn_mask는 True가 '가린다'이다.
    이 노트의 코드와 F.scaled_dot_product_attention은 True가 '본다'라서 뒤집는다.

    >>> compare_mha()
    매개변수 수: 우리 1088, 파이토치 1088
    출력 allclose=True, 헤드별 가중치 allclose=True
    인과 마스크 출력 allclose=True
    """
    torch.manual_seed(seed)
    ours = MultiHeadAttention(d_model=16, n_heads=4)
    theirs = to_torch_mha(ours)
    count = lambda m: sum(p.numel() for p in m.parameters())  # noqa: E731
    print(f"매개변수 수: 우리 {count(ours)}, 파이토치 {count(theirs)}")
    x = torch.randn(2, 6, 16)  # (배치, 길이, d_model)
    with torch.no_grad():
        out, w = ours(x, x, x, need_weights=True)
        ref, ref_w = theirs(x, x, x, average_attn_weights=False)
        print(
            f"출력 allclose={torch.allclose(out, ref, atol=1e-6)}, "
            f"헤드별 가중치 allclose={torch.allclose(w, ref_w, atol=1e-6)}"
        )
        out, _ = ours(x, x, x, is_causal=True)
        ref, _ = theirs(x, x, x, attn_mask=~causal_mask(6), need_weights=False)
        print(f"인과 마스크 출력 allclose={torch.allclose(out, ref, atol=1e-6)}")


# --8<-- [end:compare_mha]


# --8<-- [start:permutation]
def permutation_check(with_positions: bool, seed: int = 0) -> bool:
    """입력의 행(위치)을 섞으면 출력의 행도 똑같이 섞이는가: f(PX) == P f(X)?

    >>> permutation_check(with_positions=False)
    True
    >>> permutation_check(with_positions=True)
    False
    """
    torch.manual_seed(seed)
    mha = MultiHeadAttention(d_model=16, n_heads=4)
    tokens = torch.randn(1, 6, 16)  # 단어 6개의 임베딩
    perm = torch.tensor([3, 0, 5, 1, 4, 2])
    pe = positional_encoding(6, 16)

    def encode(x):  # 위치 정보는 '몇 번째 자리인가'에 붙는다
        x = x + pe if with_positions else x
        out, _ = mha(x, x, x)
        return out

    with torch.no_grad():
        shuffled_then_attended = encode(tokens[:, perm])
        attended_then_shuffled = encode(tokens)[:, perm]
    return torch.allclose(shuffled_then_attended, attended_then_shuffled, atol=1e-6)


# --8<-- [end:permutation]


# --8<-- [start:causal_demo]
def causal_demo() -> None:
    """인과 마스크: 미래 칸의 가중치는 0, 미래를 바꿔도 앞 칸의 출력은 그대로.

    >>> causal_demo()
    [1.0, 0.0, 0.0, 0.0]
    [0.5, 0.5, 0.0, 0.0]
    [0.25, 0.5, 0.25, 0.0]
    [0.25, 0.25, 0.25, 0.25]
    미래를 바꾼 뒤 앞 세 칸의 출력이 같은가: True
    """
    q = torch.tensor([[0.0], [0.0], [1.0], [0.0]])
    k = torch.tensor([[0.0], [0.6931], [0.0], [0.0]])  # ln 2 ≈ 0.6931
    v = torch.arange(4.0)[:, None]
    _, w = scaled_dot_product_attention(q, k, v, is_causal=True)
    for row in w.tolist():
        print([round(x, 2) for x in row])
    out, _ = scaled_dot_product_attention(q, k, v, is_causal=True)
    v2 = v.clone()
    v2[3] = 100.0  # 마지막(미래) 밸류와 키만 바꾼다
    k2 = k.clone()
    k2[3] = -5.0
    out2, _ = scaled_dot_product_attention(q, k2, v2, is_causal=True)
    same = torch.equal(out[:3], out2[:3])
    print("미래를 바꾼 뒤 앞 세 칸의 출력이 같은가:", same)


# --8<-- [end:causal_demo]


# --8<-- [start:fully_masked_row]
def fully_masked_row(seed: int = 0) -> None:
    """모든 키를 가린 쿼리 행에서 세 구현이 돌려주는 값.

    가린 칸의 점수는 -inf이고, 한 행이 모두 -inf면 소프트맥스는 0/0이 되어 nan을 낸다.
    F.scaled_dot_product_attention(torch 2.5 무렵부터)은 그 행을 0으로 돌려준다.

    >>> fully_masked_row()
    둘째 쿼리는 키를 하나도 보지 못한다
    직접 만든 어텐션: [nan, nan]
    F.scaled_dot_product_attention: [0.0, 0.0]
    nn.MultiheadAttention: [nan, nan]
    다른 쿼리 행은 세 구현이 같은가: True
    """
    g = torch.Generator().manual_seed(seed)
    q, k, v = (torch.randn(1, 1, 3, 2, generator=g) for _ in range(3))  # (배치, 헤드, 길이, 2)
    keep = torch.ones(3, 3, dtype=torch.bool)
    keep[1] = False  # 둘째 쿼리의 행을 통째로 가린다
    print("둘째 쿼리는 키를 하나도 보지 못한다")
    ours, _ = scaled_dot_product_attention(q, k, v, mask=keep)
    theirs = F.scaled_dot_product_attention(q, k, v, attn_mask=keep)
    # 헤드 하나에 투영을 모두 항등 행렬로 두면 같은 계산이다. 이쪽 마스크는 True가 '가린다'.
    mha = nn.MultiheadAttention(2, 1, bias=False, batch_first=True)
    with torch.no_grad():
        mha.in_proj_weight.copy_(torch.eye(2).repeat(3, 1))  # W_q = W_k = W_v = I
        mha.out_proj.weight.copy_(torch.eye(2))
        torch_mha, _ = mha(q[0], k[0], v[0], attn_mask=~keep)  # 기본값 need_weights=True
    rows = {
        "직접 만든 어텐션": ours[0, 0],
        "F.scaled_dot_product_attention": theirs[0, 0],
        "nn.MultiheadAttention": torch_mha[0],
    }
    for name, out in rows.items():
        print(f"{name}: {[round(x, 4) for x in out[1].tolist()]}")
    others = [0, 2]
    same = all(torch.allclose(out[others], ours[0, 0, others], atol=1e-6) for out in rows.values())
    print("다른 쿼리 행은 세 구현이 같은가:", same)


# --8<-- [end:fully_masked_row]


# --8<-- [start:nan_value_leaks]
def nan_value_leaks() -> None:
    """가린 밸류가 nan이면 무게가 0이어도 모든 행으로 번진다(0 × nan = nan).

    >>> nan_value_leaks()
    가린 미래 밸류가 100일 때 첫 출력: 0.0
    가린 미래 밸류가 nan일 때 첫 출력: nan
    F.scaled_dot_product_attention도: nan
    """
    q = torch.tensor([[0.0], [0.0], [1.0], [0.0]])
    k = torch.tensor([[0.0], [0.6931], [0.0], [0.0]])
    for fill in (100.0, float("nan")):
        v = torch.arange(4.0)[:, None]
        v[3] = fill  # 첫 쿼리에게는 가려진 미래 밸류
        out, _ = scaled_dot_product_attention(q, k, v, is_causal=True)
        print(f"가린 미래 밸류가 {fill:g}일 때 첫 출력: {out[0, 0].item()}")
    fused = F.scaled_dot_product_attention(q[None], k[None], v[None], is_causal=True)
    print("F.scaled_dot_product_attention도:", fused[0, 0, 0].item())


# --8<-- [end:nan_value_leaks]


# --8<-- [start:is_causal_hint]
def is_causal_hint(seed: int = 0) -> None:
    """nn.MultiheadAttention의 is_causal은 혼자 쓰는 인자가 아니라 attn_mask에 붙이는 힌트다.

    >>> is_causal_hint()
    is_causal=True만 넘기면: RuntimeError: Need attn_mask if specifying the is_causal hint
    nn.TransformerEncoderLayer도: RuntimeError: Need attn_mask if specifying the is_causal hint
    뒤집은 인과 마스크와 함께 넘기면 마스크만 넘긴 것과 같은가: True
    """
    torch.manual_seed(seed)
    mha = nn.MultiheadAttention(4, 1, batch_first=True)
    layer = nn.TransformerEncoderLayer(4, 1, 8, batch_first=True)
    x = torch.randn(1, 3, 4)
    calls = {
        "is_causal=True만 넘기면": lambda: mha(x, x, x, is_causal=True),
        "nn.TransformerEncoderLayer도": lambda: layer(x, is_causal=True),
    }
    for name, call in calls.items():
        try:
            call()
        except RuntimeError as error:
            print(f"{name}: RuntimeError: {str(error).split('.')[0]}")
    hide_future = ~causal_mask(3)  # 이쪽은 True가 '가린다'
    with torch.no_grad():
        masked, _ = mha(x, x, x, attn_mask=hide_future)
        hinted, _ = mha(x, x, x, attn_mask=hide_future, is_causal=True)
    print(
        "뒤집은 인과 마스크와 함께 넘기면 마스크만 넘긴 것과 같은가:",
        torch.allclose(masked, hinted),
    )


# --8<-- [end:is_causal_hint]

"""어텐션 노트(docs/dl/attention.md)의 주장을 숫자로 확인한다: snippets/attention/ 와 snippets/transformer/attention.py."""

from __future__ import annotations

import math
from itertools import pairwise

import pytest
import torch
import torch.nn.functional as F

from snippets.attention import (
    checks,
    cost,
    positions,
    scaling,
    soft_lookup,
    toy_sentence,
    worked_example,
)
from snippets.transformer.attention import (
    MultiHeadAttention,
    causal_mask,
    padding_mask,
    positional_encoding,
    scaled_dot_product_attention,
)

# ---------------------------------------------------------------------------
# 부드러운 찾기
# ---------------------------------------------------------------------------


def test_soft_lookup_approaches_hard_lookup_when_sharpened():
    keys, values, query = soft_lookup.lookup_demo()
    hard = soft_lookup.hard_lookup(query, keys, values)
    out, weights = soft_lookup.soft_lookup(query, keys, values, sharpness=200.0)
    torch.testing.assert_close(out, hard.float())
    assert weights.max().item() == pytest.approx(1.0)


def test_soft_lookup_sends_gradient_to_every_value():
    keys, values, query = soft_lookup.lookup_demo()
    values = values.clone().requires_grad_()
    out, weights = soft_lookup.soft_lookup(query, keys, values)
    out.sum().backward()
    torch.testing.assert_close(values.grad[:, 0], weights)
    assert (values.grad > 0).all()


# ---------------------------------------------------------------------------
# 스케일드 닷-프로덕트 어텐션
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("d_k", [4, 64, 512])
def test_scaling_by_sqrt_dk_keeps_score_std_near_one(d_k):
    stats = scaling.score_spread(d_k)
    assert stats["std"][0] == pytest.approx(math.sqrt(d_k), rel=0.05)
    assert stats["std"][1] == pytest.approx(1.0, rel=0.05)


def test_unscaled_scores_saturate_softmax_and_shrink_its_gradient():
    small, large = scaling.score_spread(4), scaling.score_spread(512)
    assert large["top"][0] > 0.9 > large["top"][1]
    assert large["jacobian"][0] < 0.25 * large["jacobian"][1]
    # 나누고 나면 차원과 무관하게 비슷하다.
    assert large["jacobian"][1] == pytest.approx(small["jacobian"][1], rel=0.1)


def test_worked_example_numbers():
    Q, K, V = (
        worked_example.X @ worked_example.W_Q,
        worked_example.X @ worked_example.W_K,
        worked_example.X @ worked_example.W_V,
    )
    out, weights = scaled_dot_product_attention(Q, K, V)
    expected = torch.tensor([[2.5, 3.0], [2.0, 3.5]]).softmax(-1)
    torch.testing.assert_close(weights, expected)
    torch.testing.assert_close(out, expected @ torch.tensor([[2.0, 1.0], [3.0, 3.0]]))
    assert V.shape[-1] != Q.shape[-1]  # d_v 는 d_k 와 달라도 된다


@pytest.mark.parametrize("seed", [0, 1, 2])
@pytest.mark.parametrize("shape", [(5, 8), (2, 3, 7, 16), (1, 4, 1, 4)])
def test_scratch_attention_matches_torch_sdpa(seed, shape):
    g = torch.Generator().manual_seed(seed)
    q, k, v = (torch.randn(shape, generator=g) for _ in range(3))
    ours, weights = scaled_dot_product_attention(q, k, v)
    torch.testing.assert_close(ours, F.scaled_dot_product_attention(q, k, v), atol=1e-5, rtol=1e-5)
    torch.testing.assert_close(weights.sum(-1), torch.ones(shape[:-1]))
    ours, _ = scaled_dot_product_attention(q, k, v, is_causal=True)
    torch.testing.assert_close(
        ours, F.scaled_dot_product_attention(q, k, v, is_causal=True), atol=1e-5, rtol=1e-5
    )


def test_cross_attention_shapes_with_different_lengths_and_value_size():
    q = torch.randn(2, 3, 8)
    k = torch.randn(2, 7, 8)
    v = torch.randn(2, 7, 5)
    out, weights = scaled_dot_product_attention(q, k, v)
    assert out.shape == (2, 3, 5)
    assert weights.shape == (2, 3, 7)
    torch.testing.assert_close(out, F.scaled_dot_product_attention(q, k, v), atol=1e-5, rtol=1e-5)


def test_compare_sdpa_prints_all_true(capsys):
    checks.compare_sdpa()
    out = capsys.readouterr().out
    assert out.count("allclose=True") == 3
    assert "False" not in out


# ---------------------------------------------------------------------------
# 멀티헤드 어텐션
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("d_model,n_heads", [(16, 4), (12, 3), (8, 1)])
def test_multi_head_attention_matches_nn_multihead_attention(d_model, n_heads):
    torch.manual_seed(0)
    ours = MultiHeadAttention(d_model, n_heads)
    theirs = checks.to_torch_mha(ours)
    query = torch.randn(3, 4, d_model)
    memory = torch.randn(3, 6, d_model)
    with torch.no_grad():
        out, w = ours(query, memory, memory, need_weights=True)
        ref, ref_w = theirs(query, memory, memory, average_attn_weights=False)
    torch.testing.assert_close(out, ref, atol=1e-5, rtol=1e-5)
    torch.testing.assert_close(w, ref_w, atol=1e-5, rtol=1e-5)


def test_padding_mask_matches_key_padding_mask():
    torch.manual_seed(0)
    ours = MultiHeadAttention(16, 4)
    theirs = checks.to_torch_mha(ours)
    tokens = torch.tensor([[5, 6, 7, 0], [8, 9, 0, 0]])
    x = torch.randn(2, 4, 16)
    with torch.no_grad():
        out, w = ours(x, x, x, mask=padding_mask(tokens, pad_id=0), need_weights=True)
        ref, _ = theirs(x, x, x, key_padding_mask=tokens == 0)  # PyTorch: True 가 가린다
    torch.testing.assert_close(out, ref, atol=1e-5, rtol=1e-5)
    assert (w[1, :, :, 2:] == 0).all()


def test_mha_parameter_count_is_four_d_squared_plus_four_d():
    for d in (8, 16, 64):
        mha = MultiHeadAttention(d, 4 if d % 4 == 0 else 1)
        assert sum(p.numel() for p in mha.parameters()) == 4 * d * d + 4 * d


def test_heads_split_d_model():
    mha = MultiHeadAttention(d_model=64, n_heads=8)
    assert mha.d_head == 8
    with pytest.raises(ValueError):
        MultiHeadAttention(d_model=10, n_heads=3)


# ---------------------------------------------------------------------------
# 순열 등변성과 위치 인코딩
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("seed", [0, 1, 2, 3])
def test_self_attention_is_permutation_equivariant_without_positions(seed):
    assert checks.permutation_check(with_positions=False, seed=seed)


@pytest.mark.parametrize("seed", [0, 1, 2, 3])
def test_positional_encoding_breaks_permutation_equivariance(seed):
    assert not checks.permutation_check(with_positions=True, seed=seed)


def test_positional_encoding_formula():
    pe = positional_encoding(50, 8)
    pos, i = 7, 1  # 차원 2i = 2, 2i+1 = 3
    angle = pos / 10000 ** (2 * i / 8)
    assert pe[pos, 2].item() == pytest.approx(math.sin(angle), abs=1e-6)
    assert pe[pos, 3].item() == pytest.approx(math.cos(angle), abs=1e-6)
    assert pe.abs().max() <= 1.0
    # 모든 위치의 벡터가 서로 다르다.
    assert torch.cdist(pe, pe).fill_diagonal_(1.0).min() > 0.01


def test_pe_dot_product_depends_only_on_distance():
    pe = positional_encoding(300, 64).double()
    for k in (1, 3, 17):
        dots = torch.stack([pe[p] @ pe[p + k] for p in range(0, 250, 7)])
        torch.testing.assert_close(dots, dots[0].expand_as(dots), atol=1e-4, rtol=0)


@pytest.mark.parametrize("d_model,short_range", [(64, 6), (256, 12)])
def test_pe_similarity_decreases_with_distance_over_short_range(d_model, short_range):
    sims = positions.similarity_by_distance(short_range, d_model)
    assert all(a > b for a, b in pairwise(sims))
    assert sims[0] == pytest.approx(d_model / 2)


def test_pe_shift_is_a_rotation():
    assert positions.shift_is_rotation()
    M = positions.shift_matrix(9, 32)
    torch.testing.assert_close(M @ M.T, torch.eye(32, dtype=torch.float64))


# ---------------------------------------------------------------------------
# 마스크
# ---------------------------------------------------------------------------


def test_causal_mask_zeroes_the_future():
    torch.manual_seed(0)
    q, k, v = torch.randn(1, 2, 6, 4), torch.randn(1, 2, 6, 4), torch.randn(1, 2, 6, 4)
    out, weights = scaled_dot_product_attention(q, k, v, is_causal=True)
    future = ~causal_mask(6)
    assert (weights[..., future] == 0).all()
    torch.testing.assert_close(weights.sum(-1), torch.ones(1, 2, 6))
    # 미래의 키와 값을 바꿔도 앞 위치의 출력은 그대로다.
    k2, v2 = k.clone(), v.clone()
    k2[..., 4:, :] = 9.0
    v2[..., 4:, :] = -9.0
    out2, _ = scaled_dot_product_attention(q, k2, v2, is_causal=True)
    torch.testing.assert_close(out[..., :4, :], out2[..., :4, :])


def test_causal_demo_weights(capsys):
    checks.causal_demo()
    lines = capsys.readouterr().out.splitlines()
    assert lines[2] == "[0.25, 0.5, 0.25, 0.0]"
    assert lines[-1].endswith("True")


# ---------------------------------------------------------------------------
# 그림 5의 문장
# ---------------------------------------------------------------------------


def test_toy_sentence_rows_are_distributions():
    for causal in (False, True):
        w = toy_sentence.toy_attention(is_causal=causal)
        torch.testing.assert_close(w.sum(-1), torch.ones(5))
        assert (w >= 0).all()


def test_toy_sentence_pronoun_looks_at_cat_and_verb_at_arguments():
    w = toy_sentence.toy_attention()
    words = toy_sentence.TOKENS
    assert words[int(w[words.index("그것은")].argmax())] == "고양이가"
    eat = w[words.index("먹고")]
    assert eat[words.index("고양이가")] > 0.3 and eat[words.index("생선을")] > 0.3
    # 위치 정보가 없으니 '잠들었다'는 고양이가와 그것은을 똑같이 본다.
    sleep = w[words.index("잠들었다")]
    assert sleep[words.index("고양이가")].item() == pytest.approx(
        sleep[words.index("그것은")].item()
    )


def test_toy_sentence_causal_mask_zeroes_upper_triangle():
    w = toy_sentence.toy_attention(is_causal=True)
    assert (w.triu(diagonal=1) == 0).all()
    assert w[0, 0].item() == pytest.approx(1.0)


# ---------------------------------------------------------------------------
# 비용과 블록 계산
# ---------------------------------------------------------------------------


def test_ten_thousand_tokens_mean_1e8_scores_per_head():
    assert 10_000 * 10_000 == 10**8
    assert cost.score_memory(10_000) == "400 MB"
    assert cost.score_memory(10_000, bytes_per_value=2) == "200 MB"


@pytest.mark.parametrize("n,block", [(64, 8), (50, 7), (10, 1), (33, 64)])
def test_blockwise_attention_equals_full_attention(n, block):
    g = torch.Generator().manual_seed(n)
    q = torch.randn(2, n, 16, generator=g, dtype=torch.float64)
    k = torch.randn(2, n, 16, generator=g, dtype=torch.float64)
    v = torch.randn(2, n, 8, generator=g, dtype=torch.float64)
    full, _ = scaled_dot_product_attention(q, k, v)
    torch.testing.assert_close(cost.blockwise_attention(q, k, v, block), full)


def test_blockwise_attention_is_stable_with_huge_scores():
    q = torch.full((1, 4), 100.0)
    k = torch.randn(20, 4) * 50
    v = torch.randn(20, 3)
    out = cost.blockwise_attention(q, k, v, block=3)
    assert torch.isfinite(out).all()
    torch.testing.assert_close(out, F.scaled_dot_product_attention(q, k, v), atol=1e-5, rtol=1e-5)

"""어텐션 노트(docs/dl/attention.md)의 문장이 말하는 결과를 확인한다. 순서는 노트를 따른다.

테스트마다 docstring에 그 문장을 옮겨 두었다. 문장이 틀리게 되면(코드나 파이토치가 바뀌면) 테스트가 실패한다.
"""

from __future__ import annotations

import math
from itertools import pairwise

import numpy as np
import pytest
import torch
import torch.nn.functional as F
from torch import nn

from snippets.attention import (
    checks,
    cost,
    fig_positional_encoding,
    positions,
    scaling,
    soft_lookup,
    toy_sentence,
    worked_example,
)
from snippets.transformer.attention import (
    MultiHeadAttention,
    causal_mask,
    positional_encoding,
    scaled_dot_product_attention,
)
from snippets.transformer.model import Embedding


def random_qkv(shape, seed=0, dtype=torch.float64):
    g = torch.Generator().manual_seed(seed)
    return tuple(torch.randn(shape, generator=g, dtype=dtype) for _ in range(3))


# ---------------------------------------------------------------------------
# 들어가며
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_handwritten_attention_matches_sdpa_when_every_query_sees_a_key(seed):
    """ "단, 같은 값이 나오는 것은 모든 쿼리가 적어도 하나의 키를 볼 때다." """
    q, k, v = random_qkv((2, 3, 6, 8), seed)
    g = torch.Generator().manual_seed(seed + 100)
    keep = torch.rand(2, 1, 6, 6, generator=g) > 0.5
    keep[..., 0] = True  # 모든 쿼리가 키를 하나 이상 본다
    ours, _ = scaled_dot_product_attention(q, k, v, mask=keep)
    theirs = F.scaled_dot_product_attention(q, k, v, attn_mask=keep)
    torch.testing.assert_close(ours, theirs)
    # 이 전제가 빠지면 같지 않다: 행 하나를 통째로 가린다.
    keep[0, 0, 2] = False
    ours, _ = scaled_dot_product_attention(q, k, v, mask=keep)
    theirs = F.scaled_dot_product_attention(q, k, v, attn_mask=keep)
    assert not torch.allclose(ours, theirs, equal_nan=True)


# ---------------------------------------------------------------------------
# 직관: 부드러운 찾기
# ---------------------------------------------------------------------------


def test_hard_lookup_returns_only_the_most_similar_keys_value():
    """ "딱딱한 찾기는 가장 비슷한 키, 곧 첫 번째 키의 값만 돌려준다." """
    keys, values, query = soft_lookup.lookup_demo()
    assert int((keys @ query).argmax()) == 0
    torch.testing.assert_close(soft_lookup.hard_lookup(query, keys, values), values[0])


def test_soft_lookup_mixes_all_three_values():
    """ "부드러운 찾기는 세 값을 모두 조금씩 섞는다." """
    keys, values, query = soft_lookup.lookup_demo()
    out, weights = soft_lookup.soft_lookup(query, keys, values)
    assert len(weights) == 3 and (weights > 0.05).all()
    torch.testing.assert_close(out, weights @ values)


def test_sharpening_soft_lookup_approaches_hard_lookup():
    """ "`sharpness`를 키울수록 가중치가 한 곳으로 몰려 딱딱한 찾기에 다가간다." """
    keys, values, query = soft_lookup.lookup_demo()
    tops = [soft_lookup.soft_lookup(query, keys, values, s)[1].max().item() for s in (1, 5, 50)]
    assert all(a < b for a, b in pairwise(tops))
    out, _ = soft_lookup.soft_lookup(query, keys, values, sharpness=200)
    torch.testing.assert_close(out, soft_lookup.hard_lookup(query, keys, values), atol=1e-3, rtol=0)


def test_hard_lookup_is_only_the_limit_of_soft_lookup():
    """ "유한한 `sharpness`에서는 다른 키의 무게가 아주 작게라도 남으므로, 딱딱한 찾기는 부드러운 찾기의
    극한이다." """
    keys, values, query = (t.double() for t in soft_lookup.lookup_demo())
    for sharpness in (1, 50, 200):
        _, weights = soft_lookup.soft_lookup(query, keys, values, sharpness)
        assert (weights[1:] > 0).all() and weights[0] < 1


def test_longer_key_wins_the_dot_product_over_a_better_aligned_one():
    """ "두 벡터가 같은 방향을 가리키고 길수록 내적이 크다. 그래서 길이가 긴 키가 유리하다." """
    query = torch.tensor([1.0, 0.0])
    aligned, longer = torch.tensor([1.0, 0.0]), torch.tensor([3.0, 3.0])
    assert F.cosine_similarity(query, aligned, dim=0) > F.cosine_similarity(query, longer, dim=0)
    assert query @ longer > query @ aligned


def test_argmax_has_no_gradient_but_soft_lookup_is_smooth_in_query_keys_and_values():
    """ "`argmax`는 … 기울기가 없다. 소프트맥스로 섞은 결과는 쿼리, 키, 값 모두에 대해 매끄럽게 변한다." """
    keys, values, query = (t.clone().requires_grad_() for t in soft_lookup.lookup_demo())
    out, _ = soft_lookup.soft_lookup(query, keys, values)
    out.sum().backward()
    for t in (query, keys, values):
        assert t.grad is not None and t.grad.abs().sum() > 0
    hard = soft_lookup.hard_lookup(query.detach(), keys.detach(), values.detach())
    assert not hard.requires_grad


# ---------------------------------------------------------------------------
# 스케일드 닷-프로덕트 어텐션
# ---------------------------------------------------------------------------


def test_values_may_differ_in_dimension_and_queries_in_number():
    """ "밸류는 섞이기만 하므로 차원이 달라도 된다 … 쿼리의 수 L과 키의 수 S도 달라도 된다." """
    q, k, v = torch.randn(3, 8), torch.randn(7, 8), torch.randn(7, 5)
    out, weights = scaled_dot_product_attention(q, k, v)
    assert out.shape == (3, 5) and weights.shape == (3, 7)
    with pytest.raises(RuntimeError):
        scaled_dot_product_attention(q, torch.randn(7, 6), v)  # d_q ≠ d_k는 안 된다


@pytest.mark.parametrize("d_k", [4, 64, 512])
def test_unscaled_scores_spread_grows_with_sqrt_dk(d_k):
    """ "분산이 d_k, 표준편차가 √d_k다. 차원이 커질수록 점수가 넓게 퍼지고" """
    assert scaling.score_spread(d_k)["std"][0] == pytest.approx(math.sqrt(d_k), rel=0.05)


@pytest.mark.parametrize("d_k", [4, 64, 512])
def test_dividing_by_sqrt_dk_brings_std_back_to_one(d_k):
    """ "√d_k로 나누면 차원과 상관없이 표준편차가 1로 돌아온다." """
    assert scaling.score_spread(d_k)["std"][1] == pytest.approx(1.0, rel=0.05)


def test_unscaled_top_weight_approaches_one_and_jacobian_norm_shrinks():
    """ "나누지 않으면 차원이 커질수록 최대 가중치가 1에 가까워지고 야코비안 노름은 줄어든다."
    또 "소프트맥스는 가장 큰 점수 하나에 거의 모든 무게를 준다. 그러면 소프트맥스를 지나는 기울기가 작아져"와
    "차원을 키우면 소프트맥스가 포화해 기울기가 작아진다"(자주 하는 실수)도 이 측정이 뒷받침한다."""
    stats = [scaling.score_spread(d) for d in (4, 64, 512)]
    tops = [s["top"][0] for s in stats]
    jacobians = [s["jacobian"][0] for s in stats]
    assert all(a < b for a, b in pairwise(tops)) and tops[-1] > 0.9
    assert all(a > b for a, b in pairwise(jacobians))


def test_folding_the_scale_into_wq_init_gives_the_same_scores():
    """ "나누는 대신 \\(W^Q\\)의 초깃값을 \\(\\sqrt{d_k}\\)배 작게 잡아도 처음 점수는 똑같다." (T5)"""
    g = torch.Generator().manual_seed(0)
    d_model, d_k = 32, 64
    x = torch.randn(5, d_model, generator=g, dtype=torch.float64)
    w_q, w_k = (torch.randn(d_model, d_k, generator=g, dtype=torch.float64) for _ in range(2))
    divided = (x @ w_q) @ (x @ w_k).T / math.sqrt(d_k)
    folded = (x @ (w_q / math.sqrt(d_k))) @ (x @ w_k).T
    torch.testing.assert_close(divided, folded)


def test_scaled_rows_are_nearly_equal_across_dk():
    """ "나누면 모든 줄이 거의 같아진다." """
    stats = [scaling.score_spread(d) for d in (4, 64, 512)]
    for key in ("std", "top", "jacobian"):
        values = [s[key][1] for s in stats]
        assert max(values) - min(values) < 0.05 * max(values)


def test_thinking_scores_are_5_and_6_then_2_5_and_3():
    """ "내적은 4 + 0 + 1 + 0 = 5 … 6이다. √d_k = 2로 나누면 2.5와 3이고" """
    Q = worked_example.X @ worked_example.W_Q
    K = worked_example.X @ worked_example.W_K
    assert (
        Q[0].tolist() == [2, 1, 1, 0]
        and K[0].tolist() == [2, 0, 1, 1]
        and K[1].tolist() == [1, 2, 2, 0]
    )
    V = worked_example.X @ worked_example.W_V
    assert worked_example.X.shape[-1] == 4 and Q.shape[-1] == 4 and V.shape[-1] == 2  # 본문의 차원
    scores = Q[0] @ K.T
    assert scores.tolist() == [5, 6]
    assert (scores / math.sqrt(Q.shape[-1])).tolist() == [2.5, 3.0]


def test_thinking_gives_more_weight_to_machines_than_to_itself():
    """ "소프트맥스를 취하면 "Thinking"은 자기보다 "Machines"에 더 많은 무게를 준다." """
    Q, K, V = (
        worked_example.X @ W for W in (worked_example.W_Q, worked_example.W_K, worked_example.W_V)
    )
    out, weights = scaled_dot_product_attention(Q, K, V)
    assert weights[0, 1] > weights[0, 0]
    torch.testing.assert_close(out[0], weights[0] @ V)  # 출력의 첫 행은 두 밸류를 그 무게로 섞은 것


def test_scratch_attention_matches_sdpa_without_mask_with_causal_and_boolean_masks(capsys):
    """ "마스크가 없을 때, 인과 마스크를 쓸 때, 임의의 불리언 마스크를 줄 때를 모두 비교한다." """
    checks.compare_sdpa()
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 3 and all(
        "allclose=True" in line and line.endswith("True") for line in lines
    )


# ---------------------------------------------------------------------------
# 멀티헤드 어텐션
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("n_heads", [1, 2, 4, 8])
def test_mha_parameter_count_is_4d2_plus_4d_regardless_of_heads(n_heads):
    """ "매개변수는 … 4d² + 4d개다. 헤드 수와는 상관없다." """
    d = 32
    for module in (MultiHeadAttention(d, n_heads), nn.MultiheadAttention(d, n_heads)):
        assert sum(p.numel() for p in module.parameters()) == 4 * d * d + 4 * d


def test_nn_mha_stacks_wq_wk_wv_into_in_proj_weight():
    """ "파이토치는 W^Q, W^K, W^V를 세로로 이어 붙인 `in_proj_weight` 하나에 담고, W^O는 `out_proj`에 둔다." """
    torch.manual_seed(0)
    ours = MultiHeadAttention(16, 4)
    theirs = checks.to_torch_mha(ours)
    assert theirs.in_proj_weight.shape == (3 * 16, 16)
    x = torch.randn(2, 5, 16)
    with torch.no_grad():
        torch.testing.assert_close(ours(x, x, x)[0], theirs(x, x, x)[0], atol=1e-5, rtol=1e-5)


def test_nn_mha_averages_head_weights_by_default():
    """ "`nn.MultiheadAttention`은 기본으로 헤드들의 가중치를 평균해 돌려주므로" """
    torch.manual_seed(0)
    mha = nn.MultiheadAttention(16, 4, batch_first=True)
    x = torch.randn(2, 5, 16)
    _, averaged = mha(x, x, x)
    _, per_head = mha(x, x, x, average_attn_weights=False)
    assert averaged.shape == (2, 5, 5) and per_head.shape == (2, 4, 5, 5)
    torch.testing.assert_close(averaged, per_head.mean(1))


def test_attention_weight_dropout_is_an_argument_of_mha_and_sdpa():
    """ "`nn.MultiheadAttention`의 `dropout`과 `F.scaled_dot_product_attention`의 `dropout_p`가 그 자리다." """
    q, k, v = random_qkv((1, 6, 4), seed=1, dtype=torch.float32)
    plain = F.scaled_dot_product_attention(q, k, v)
    torch.manual_seed(0)
    dropped = F.scaled_dot_product_attention(q, k, v, dropout_p=0.5)
    assert not torch.allclose(plain, dropped)
    torch.manual_seed(0)
    mha = nn.MultiheadAttention(4, 1, dropout=0.5, batch_first=True).train()
    _, weights = mha(q, k, v)
    assert (weights == 0).any()  # 소프트맥스 뒤의 가중치 일부가 0이 되었다


# ---------------------------------------------------------------------------
# 어텐션은 순서를 모른다
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_self_attention_is_permutation_equivariant(seed):
    """ "입력을 섞으면 출력도 똑같이 섞일 뿐 내용은 그대로다." """
    assert checks.permutation_check(with_positions=False, seed=seed)


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_adding_positional_encoding_breaks_equivariance(seed):
    """ "두 번째 호출은 위치 인코딩을 더한 경우로" (순열 등변성이 깨진다)"""
    assert not checks.permutation_check(with_positions=True, seed=seed)


# ---------------------------------------------------------------------------
# 위치 인코딩
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("d", [8, 64, 512])
def test_longest_wavelength_is_2pi_times_10000_to_the_d_minus_2_over_d(d):
    """ "정확히는 2π · 10000^((d-2)/d)이다." """
    i = torch.arange(0, d, 2, dtype=torch.float64)
    wavelengths = 2 * math.pi * 10000 ** (i / d)  # 각 짝의 주파수는 10000^(-2i/d)
    assert wavelengths[0].item() == pytest.approx(2 * math.pi)
    assert wavelengths[-1].item() == pytest.approx(2 * math.pi * 10000 ** ((d - 2) / d))
    assert wavelengths[-1].item() < 10000 * 2 * math.pi
    # 구현의 마지막 짝이 정말 그 파장으로 도는지: 한 파장 뒤에 같은 값으로 돌아온다.
    ratios = wavelengths[1:] / wavelengths[:-1]
    torch.testing.assert_close(ratios, ratios[0].expand_as(ratios))  # 등비수열


def test_pe_values_lie_between_minus_one_and_one():
    """ "값이 -1과 1 사이다." """
    pe = positional_encoding(1000, 64)
    assert pe.min() >= -1.0 and pe.max() <= 1.0


def test_pe_vectors_differ_for_every_position():
    """ "위치마다 다르다." """
    pe = positional_encoding(512, 64).double()
    distances = torch.cdist(pe, pe).fill_diagonal_(float("inf"))
    assert distances.min() > 0.01


def test_pe_shift_by_k_is_a_rotation_independent_of_position():
    """ "PE_{pos+k}는 PE_{pos}에 pos와 상관없는 행렬(주파수마다 2×2 회전)을 곱한 것이다." """
    assert positions.shift_is_rotation()
    M = positions.shift_matrix(7, 16)
    torch.testing.assert_close(M @ M.T, torch.eye(16, dtype=torch.float64))


def test_pe_dot_product_depends_only_on_distance():
    """ "PE_p · PE_{p+k} = Σ_i cos(ω_i k)이므로 시작점 p와 무관하다." """
    pe = positional_encoding(300, 64).double()
    omega = 10000.0 ** (-torch.arange(0, 64, 2, dtype=torch.float64) / 64)
    for k in (1, 5, 40):
        dots = torch.stack([pe[p] @ pe[p + k] for p in range(0, 250, 13)])
        expected = torch.cos(omega * k).sum()
        torch.testing.assert_close(dots, expected.expand_as(dots), atol=1e-4, rtol=0)


def test_pe_dot_product_cannot_tell_ahead_from_behind():
    """ "코사인은 짝함수라서 내적만으로는 'k칸 앞'과 'k칸 뒤'를 가리지 못한다. 방향은 위의 회전에만 담겨 있다." """
    pe = positional_encoding(80, 16).double()
    p, k = 40, 7
    torch.testing.assert_close(pe[p] @ pe[p + k], pe[p] @ pe[p - k])
    assert not torch.allclose(pe[p] @ positions.shift_matrix(k, 16), pe[p - k], atol=1e-3)


def test_pe_similarity_first_decreases_then_oscillates_downward():
    """ "거리별 유사도는 처음 몇 칸 동안은 줄어들다가 그 뒤로는 출렁이면서 천천히 내려간다." """
    sims = np.array(positions.similarity_by_distance(100, 64))
    steps = np.diff(sims)
    assert (steps[:4] < 0).all()  # 처음 몇 칸은 줄기만 한다
    assert (steps[4:] > 0).sum() >= 5  # 그 뒤로는 오르내린다
    assert sims[-10:].mean() < sims[10:20].mean()  # 그래도 멀어질수록 내려간다


def test_interleaved_and_concatenated_layouts_hold_the_same_values():
    """ "둘은 열의 순서만 다를 뿐 같은 값이고, 위치 벡터 사이의 내적도 같다." """
    pe = positional_encoding(60, 16)
    halves = positions.concatenated_layout(pe)
    assert not torch.equal(halves, pe)  # 열지도는 다르게 생겼다
    order = torch.cat([torch.arange(0, 16, 2), torch.arange(1, 16, 2)])
    assert torch.equal(halves, pe[:, order])
    torch.testing.assert_close(halves @ halves.T, pe @ pe.T)


def figure_similarity(d):
    """그림 스크립트와 같은 계산: 코사인 유사도를 거리마다."""
    return np.array(positions.similarity_by_distance(fig_positional_encoding.MAX_LEN, d)) / (d / 2)


def test_first_pe_dimension_changes_every_few_positions_and_last_barely_changes():
    """ "왼쪽 끝 차원은 몇 칸마다 색이 바뀌고, 오른쪽 끝 차원은 {max_len}칸 동안 거의 변하지 않는다." """
    pe = positional_encoding(fig_positional_encoding.MAX_LEN, fig_positional_encoding.D_MODEL)
    first, last = pe[:, 0], pe[:, -1]
    sign_changes = (torch.sign(first[1:]) != torch.sign(first[:-1])).sum().item()
    assert sign_changes >= fig_positional_encoding.MAX_LEN // 5
    assert (last.max() - last.min()).item() < 0.01


def test_small_d_model_can_make_a_far_position_look_more_similar_than_a_near_one():
    """ "차원이 작으면({smallest_d}) 유사도가 크게 출렁여 먼 위치가 가까운 위치보다 더 비슷해 보이기도 한다." """
    sims = figure_similarity(min(fig_positional_encoding.D_CURVES))
    near, far = 3, 6
    assert sims[far] > sims[near] + 0.05


def test_larger_d_model_gives_a_smoother_similarity_curve():
    """ "차원이 클수록 곡선이 매끄럽다." """
    roughness = [
        np.abs(np.diff(figure_similarity(d))).sum() for d in fig_positional_encoding.D_CURVES
    ]
    assert sorted(fig_positional_encoding.D_CURVES) == list(fig_positional_encoding.D_CURVES)
    assert all(a > b for a, b in pairwise(roughness))


def test_demo_multiplies_token_embeddings_by_sqrt_d_model():
    """ "원 논문과 일부 구현(이 사이트의 데모도)은 토큰 임베딩에 √d_model을 곱한 뒤 위치 인코딩을 더한다." """
    torch.manual_seed(0)
    embed = Embedding(vocab_size=10, d_model=16, max_len=8).eval()
    tokens = torch.tensor([[1, 2, 3]])
    expected = embed.token(tokens) * math.sqrt(16) + positional_encoding(8, 16)[:3]
    torch.testing.assert_close(embed(tokens), expected)


# ---------------------------------------------------------------------------
# 마스크
# ---------------------------------------------------------------------------


def test_causal_demo_weights_first_query_one_and_ln2_key_doubled(capsys):
    """ "첫 번째 쿼리는 자기 자신만 볼 수 있으니 가중치가 1이다. … 그 키가 다른 키의 두 배 무게를 받는다." """
    checks.causal_demo()
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "[1.0, 0.0, 0.0, 0.0]"
    third = eval(lines[2])  # noqa: S307 - 테스트가 찍은 리스트
    assert third[1] == pytest.approx(2 * third[0]) and third[0] == pytest.approx(third[2])


def test_changing_the_future_leaves_earlier_outputs_bit_for_bit_equal():
    """ "마지막 키와 밸류를 유한한 값 안에서 아무렇게나 바꿔도 앞의 세 출력은 비트 하나 바뀌지 않는다." """
    q, k, v = random_qkv((4, 3), seed=3)
    out, _ = scaled_dot_product_attention(q, k, v, is_causal=True)
    k2, v2 = k.clone(), v.clone()
    k2[3], v2[3] = 42.0, -42.0
    out2, _ = scaled_dot_product_attention(q, k2, v2, is_causal=True)
    assert torch.equal(out[:3], out2[:3])


def test_a_nan_in_a_masked_value_leaks_into_every_row(capsys):
    """ "가린 밸류가 `nan`이나 `inf`면 … 무게가 0이어도 0·nan = nan이라 모든 행으로 번진다." """
    checks.nan_value_leaks()
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].endswith(": 0.0")
    assert lines[1].endswith(": nan") and lines[2].endswith(": nan")
    q, k, v = random_qkv((4, 2))
    v[3] = float("inf")
    out, _ = scaled_dot_product_attention(q, k, v, is_causal=True)
    assert torch.isnan(out[0]).all()


# ---------------------------------------------------------------------------
# 그림: 한 문장의 어텐션 지도
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("is_causal", [False, True])
def test_toy_rows_are_distributions(is_causal):
    """ "행은 분포다. 행마다 합이 1이다." """
    w = toy_sentence.toy_attention(is_causal=is_causal)
    torch.testing.assert_close(w.sum(-1), torch.ones(5))


def word_row(word, is_causal=False):
    w = toy_sentence.toy_attention(is_causal=is_causal)
    return w[toy_sentence.TOKENS.index(word)]


def weight(row, word):
    return row[toy_sentence.TOKENS.index(word)].item()


def test_pronoun_looks_at_the_cat():
    """ ""그것은"의 쿼리(선행사를 찾는다)는 "고양이가"의 키(선행사가 될 수 있다)와만 맞는다." """
    row = word_row("그것은")
    assert weight(row, "고양이가") > 0.5
    others = [weight(row, w) for w in toy_sentence.TOKENS if w != "고양이가"]
    assert max(others) < 0.1 and max(others) - min(others) < 1e-6


def test_verb_spreads_weight_over_subject_and_object_candidates():
    """ ""먹고"는 주어 후보와 목적어 후보에 고루 무게를 준다." """
    row = word_row("먹고")
    candidates = [weight(row, w) for w in ("고양이가", "생선을", "그것은")]
    assert min(candidates) > 0.3 and max(candidates) - min(candidates) < 1e-6


def test_without_positions_near_and_far_words_get_identical_weight():
    """ ""잠들었다"는 바로 앞의 "그것은"과 멀리 있는 "고양이가"를 정확히 똑같이 본다." """
    row = word_row("잠들었다")
    assert weight(row, "그것은") == weight(row, "고양이가")


def test_causal_toy_upper_triangle_is_zero_cat_sees_itself_fish_splits_two_ways():
    """ "대각선 위쪽이 모두 0이다. "고양이가"는 … 무게 1을 자기에게 주고, "생선을"은 … 보이는 두 단어에 무게를 나눈다." """
    w = toy_sentence.toy_attention(is_causal=True)
    assert (w.triu(diagonal=1) == 0).all()
    assert w[0, 0].item() == pytest.approx(1.0)
    fish = word_row("생선을", is_causal=True)
    assert weight(fish, "고양이가") == pytest.approx(0.5) and weight(
        fish, "생선을"
    ) == pytest.approx(0.5)


def test_same_word_gets_a_different_attention_output_in_another_sentence():
    """ "그래서 같은 단어도 어느 문장에 놓이느냐에 따라 다른 표현을 얻는다." """
    with_cat = toy_sentence.contextual_output(toy_sentence.TOKENS, "그것은")
    without_cat = toy_sentence.contextual_output(["생선을", "먹고", "그것은", "잠들었다"], "그것은")
    assert not torch.allclose(with_cat, without_cat)


def test_pronoun_output_is_mostly_animal_with_the_cat_and_even_without_it():
    """ "고양이가 있는 문장에서 "그것은"의 출력은 거의 '동물' 특성이다. … 남은 단어에 무게를 고루 나눈다." """
    animal = toy_sentence.FEATURES.index("동물")
    with_cat = toy_sentence.contextual_output(toy_sentence.TOKENS, "그것은")
    assert int(with_cat.argmax()) == animal and with_cat[animal] > 0.5
    words = ["생선을", "먹고", "그것은", "잠들었다"]
    x = toy_sentence.X[[toy_sentence.TOKENS.index(w) for w in words]]
    _, weights = scaled_dot_product_attention(x @ toy_sentence.W_Q, x @ toy_sentence.W_K, x)
    pronoun = weights[words.index("그것은")]
    torch.testing.assert_close(pronoun, torch.full((4,), 0.25))


def test_position_wise_mlp_gives_the_same_word_the_same_vector(capsys):
    """ "위치마다 따로 적용하는 MLP는 문맥을 보지 않으므로 두 문장에서 같은 벡터를 낸다." """
    toy_sentence.same_word_two_sentences()
    lines = capsys.readouterr().out.splitlines()
    assert lines[-2].endswith("True") and lines[-1].endswith("False")


# ---------------------------------------------------------------------------
# 비용
# ---------------------------------------------------------------------------


def test_ten_thousand_tokens_give_1e8_scores_per_head():
    """ "N = 10,000이면 헤드 하나의 점수만 10^8개다." """
    q = torch.zeros(1, 8)
    k = torch.zeros(10_000, 8)
    assert (q @ k.T).numel() * 10_000 == 10**8
    assert cost.score_memory(10_000) == "400 MB"


@pytest.mark.parametrize("n,block", [(64, 8), (37, 5)])
def test_blockwise_attention_gives_the_same_answer(n, block):
    """ "블록으로 계산하면 N × block 조각만 있으면 되고 답은 같다." """
    q, k, v = random_qkv((n, 16), seed=n)
    full, _ = scaled_dot_product_attention(q, k, v)
    torch.testing.assert_close(cost.blockwise_attention(q, k, v, block), full)


# ---------------------------------------------------------------------------
# 자주 하는 실수
# ---------------------------------------------------------------------------


def test_mha_boolean_mask_true_means_masked_opposite_of_sdpa():
    """ "`F.scaled_dot_product_attention`과 이 노트의 코드는 불리언 마스크의 True가 '본다'이다.
    `nn.MultiheadAttention`의 `attn_mask`와 `key_padding_mask`는 True가 '가린다'이다." """
    torch.manual_seed(0)
    ours = MultiHeadAttention(8, 2)
    theirs = checks.to_torch_mha(ours)
    x = torch.randn(1, 4, 8)
    keep = causal_mask(4)
    with torch.no_grad():
        expected, _ = ours(x, x, x, mask=keep)
        flipped, _ = theirs(x, x, x, attn_mask=~keep)
        same_mask, _ = theirs(x, x, x, attn_mask=keep)  # 뒤집지 않고 넘기면
    torch.testing.assert_close(flipped, expected, atol=1e-6, rtol=1e-6)
    assert not torch.allclose(same_mask, expected, atol=1e-4, equal_nan=True)


def test_sdpa_returns_zeros_where_handwritten_attention_returns_nan():
    """ "직접 만든 어텐션과 … 그 행에 `nan`을 낸다. 고정한 파이토치 2.13의 `F.scaled_dot_product_attention`은
    같은 행에 0을 돌려준다." """
    q, k, v = random_qkv((1, 2, 4, 8), seed=5, dtype=torch.float32)
    keep = torch.ones(4, 4, dtype=torch.bool)
    keep[2] = False
    ours, _ = scaled_dot_product_attention(q, k, v, mask=keep)
    theirs = F.scaled_dot_product_attention(q, k, v, attn_mask=keep)
    assert torch.isnan(ours[..., 2, :]).all()
    assert (theirs[..., 2, :] == 0).all()
    rows = [0, 1, 3]
    torch.testing.assert_close(ours[..., rows, :], theirs[..., rows, :])


def test_fully_masked_row_demo_prints_nan_zero_nan(capsys):
    """같은 문장: 노트에 실린 예제가 세 구현의 값을 그렇게 찍는다."""
    checks.fully_masked_row()
    lines = capsys.readouterr().out.splitlines()
    assert lines[1].endswith("[nan, nan]")
    assert lines[2].endswith("[0.0, 0.0]")
    assert lines[3].endswith("[nan, nan]")
    assert lines[4].endswith("True")


@pytest.mark.parametrize("mask_kind", ["attn_mask", "key_padding_mask"])
def test_mha_returns_nan_on_fully_masked_rows(mask_kind):
    """ "직접 만든 어텐션과 `nn.MultiheadAttention`(기본값 `need_weights=True`)은 그 행에 `nan`을 낸다." """
    torch.manual_seed(0)
    mha = nn.MultiheadAttention(8, 2, batch_first=True)
    x = torch.randn(1, 4, 8)
    if mask_kind == "attn_mask":
        hide = torch.zeros(4, 4, dtype=torch.bool)
        hide[1] = True  # 둘째 쿼리는 아무것도 못 본다
        out, _ = mha(x, x, x, attn_mask=hide)
        assert torch.isnan(out[0, 1]).all() and not torch.isnan(out[0, [0, 2, 3]]).any()
    else:
        out, _ = mha(x, x, x, key_padding_mask=torch.ones(1, 4, dtype=torch.bool))
        assert torch.isnan(out).all()


def test_mha_in_training_mode_without_weights_returns_zeros_like_sdpa():
    """ "`nn.MultiheadAttention`도 학습 모드에서 `need_weights=False`로 부르면 안에서
    `F.scaled_dot_product_attention`을 쓰므로 0이 나온다." """
    torch.manual_seed(0)
    mha = nn.MultiheadAttention(8, 2, batch_first=True).train()
    x = torch.randn(1, 4, 8)
    hide = torch.zeros(4, 4, dtype=torch.bool)
    hide[1] = True
    out, _ = mha(x, x, x, attn_mask=hide, need_weights=False)
    # 어텐션 출력이 0이면 남는 것은 출력 투영의 편향뿐이다.
    torch.testing.assert_close(out[0, 1], mha.out_proj.bias.detach())
    mha.eval()
    with torch.no_grad():
        out, _ = mha(x, x, x, attn_mask=hide, need_weights=False)
    # 평가 모드의 빠른 경로는 다시 nan이다: 부르는 방식에 따라 답이 다르다.
    assert torch.isnan(out[0, 1]).all()


def test_mha_with_one_head_has_no_fast_path_and_gives_zeros_in_eval_too():
    """ "평가 모드에서 기울기 없이 부르면 조건(헤드 수가 짝수일 때 등)이 맞을 때 빠른 경로(fast path)를 타고,
    그러면 다시 `nan`이 나온다." 조건이 맞지 않는 헤드 하나짜리는 평가 모드에서도 0이다."""
    torch.manual_seed(0)
    mha = nn.MultiheadAttention(8, 1, batch_first=True).eval()
    x = torch.randn(1, 4, 8)
    hide = torch.zeros(4, 4, dtype=torch.bool)
    hide[1] = True
    with torch.no_grad():
        out, _ = mha(x, x, x, attn_mask=hide, need_weights=False)
    torch.testing.assert_close(out[0, 1], mha.out_proj.bias)


def test_is_causal_alone_is_an_error_for_mha_and_encoder_layer_but_enough_for_sdpa(capsys):
    """ "`nn.MultiheadAttention`과 `nn.TransformerEncoderLayer`에서는 `is_causal`이 … 힌트일 뿐이다.
    `attn_mask`(True가 가린다) 없이 혼자 넘기면 오류가 난다." """
    checks.is_causal_hint()
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 3
    assert all("RuntimeError: Need attn_mask" in line for line in lines[:2])
    assert lines[2].endswith("True")
    mha = nn.MultiheadAttention(4, 1, batch_first=True)
    x = torch.randn(1, 3, 4)
    with pytest.raises(RuntimeError, match="Need attn_mask"):
        mha(x, x, x, is_causal=True, need_weights=False)
    q, k, v = random_qkv((1, 3, 4))
    torch.testing.assert_close(
        F.scaled_dot_product_attention(q, k, v, is_causal=True),
        F.scaled_dot_product_attention(q, k, v, attn_mask=causal_mask(3)),
    )


def test_dot_T_on_a_3d_tensor_reverses_all_axes_and_warns_in_2_13():
    """ "앞쪽 축이 있으면 `.T`는 모든 축을 뒤집는다(파이토치 2.13에서는 경고가 나고, 앞으로는 오류가 된다)." """
    x = torch.zeros(2, 3, 4)
    with pytest.warns(UserWarning, match="deprecated and it will throw an error"):
        flipped = x.T
    assert flipped.shape == (4, 3, 2)
    assert x.transpose(-2, -1).shape == (2, 4, 3)


def test_boolean_mask_equals_an_additive_mask_of_zero_and_minus_inf():
    """ "불리언 마스크는 0과 \\(-\\infty\\)만 쓰는 더하는 마스크로 바꿀 수 있지만, 거꾸로는 안 된다." """
    q, k, v = random_qkv((2, 5, 4))
    keep = torch.ones(5, 5, dtype=torch.bool).tril()
    additive = torch.zeros(5, 5, dtype=q.dtype).masked_fill(~keep, float("-inf"))
    torch.testing.assert_close(
        F.scaled_dot_product_attention(q, k, v, attn_mask=keep),
        F.scaled_dot_product_attention(q, k, v, attn_mask=additive),
    )
    # 0도 -inf도 아닌 벌점은 어떤 불리언 마스크로도 만들 수 없다: 모든 키의 무게가 0보다 크다.
    bias = -0.5 * (torch.arange(5.0)[:, None] - torch.arange(5.0)).abs().to(q.dtype)
    weights = (q @ k.transpose(-2, -1) / 2 + bias).softmax(-1)
    assert (weights > 0).all()
    assert not torch.allclose(
        F.scaled_dot_product_attention(q, k, v, attn_mask=bias),
        F.scaled_dot_product_attention(q, k, v),
    )


def test_nn_mha_default_input_is_length_batch_features():
    """ "`nn.MultiheadAttention`의 기본 입력은 (길이, 배치, 특성)이다." """
    mha = nn.MultiheadAttention(8, 2)
    assert mha.batch_first is False
    out, weights = mha(torch.randn(5, 3, 8), torch.randn(5, 3, 8), torch.randn(5, 3, 8))
    assert out.shape == (5, 3, 8) and weights.shape == (3, 5, 5)


def test_d_model_must_be_divisible_by_heads():
    """ "d_model은 헤드 수로 나누어떨어져야 한다." """
    with pytest.raises(ValueError):
        MultiHeadAttention(10, 3)
    with pytest.raises(AssertionError):
        nn.MultiheadAttention(10, 3)

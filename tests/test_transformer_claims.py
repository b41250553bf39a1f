"""트랜스포머 노트(docs/dl/transformer.md)의 문장이 말하는 결과를 확인한다. 순서는 노트를 따른다.

테스트마다 docstring에 그 문장을 옮겨 두었다. 문장이 틀리게 되면(코드나 파이토치가 바뀌면) 테스트가 실패한다.
"""

from __future__ import annotations

import math
from itertools import pairwise

import pytest
import torch
import torch.nn.functional as F
from torch import nn

from snippets.attention import (
    dropout,
    family,
    fig_lr_schedule,
    layers,
    masks,
    modern,
    pretraining,
    schedule,
)
from snippets.transformer.attention import padding_mask, positional_encoding
from snippets.transformer.model import (
    DecoderLayer,
    Embedding,
    EncoderLayer,
    Seq2SeqConfig,
    Seq2SeqTransformer,
)

# ---------------------------------------------------------------------------
# 전체 구조
# ---------------------------------------------------------------------------


def test_full_model_is_encode_then_decode():
    """ "인코더는 입력을 한 번 읽어 memory를 만들고(`encode`), 디코더는 memory와 지금까지의 출력으로
    다음 토큰의 로짓을 낸다(`decode`)." """
    torch.manual_seed(0)
    config = Seq2SeqConfig(src_vocab=10, tgt_vocab=6, d_model=8, n_heads=2, d_ff=16)
    model = Seq2SeqTransformer(config).eval()
    src, tgt = torch.tensor([[3, 0, 5, 2]]), torch.tensor([[1, 4, 4]])
    with torch.no_grad():
        logits, _ = model.decode(tgt, model.encode(src))
        torch.testing.assert_close(model(src, tgt), logits)
    assert logits.shape == (1, 3, config.tgt_vocab)


# ---------------------------------------------------------------------------
# 인코더 층
# ---------------------------------------------------------------------------


def test_demo_ffn_uses_gelu():
    """ "데모의 FFN도 GELU다." """
    layer = EncoderLayer(d_model=8, n_heads=2, d_ff=16)
    assert any(isinstance(m, nn.GELU) for m in layer.ffn.modules())
    assert not any(isinstance(m, nn.ReLU) for m in layer.ffn.modules())


def test_residual_path_is_straight_in_pre_ln_but_passes_through_layer_norm_in_post_ln():
    """ "층을 깊이 쌓아도 기울기가 더하기를 따라 아래층까지 내려간다. 단, 원 논문의 post-LN에서는 그 길 위에 층
    정규화가 놓여 있어 기울기가 곧장 내려가지는 않는다." 부층이 0을 내게 하면 잔차 길만 남는다."""
    torch.manual_seed(0)
    pre, post = EncoderLayer(8, 2, 16), layers.PostLNEncoderLayer(8, 2, 16)
    with torch.no_grad():
        for layer in (pre, post):
            for sub in (layer.self_attn, layer.ffn):
                for param in sub.parameters():
                    param.zero_()
    x = torch.randn(1, 1, 8, dtype=torch.float64)
    jac = {
        name: torch.autograd.functional.jacobian(lambda v, m=layer: m.double()(v), x).reshape(8, 8)
        for name, layer in (("pre", pre), ("post", post))
    }
    torch.testing.assert_close(jac["pre"], torch.eye(8, dtype=torch.float64))
    assert not torch.allclose(jac["post"], torch.eye(8, dtype=torch.float64), atol=1e-2)


def test_post_ln_output_is_normalized_at_every_depth():
    """ "post-LN은 층을 몇 개 지나든 출력이 정규화되어 있다." """
    stds = layers.residual_stream("post")
    assert all(s == pytest.approx(1.0, abs=0.01) for s in stds)


def test_pre_ln_residual_stream_grows_with_depth():
    """ "pre-LN은 층마다 무언가를 더하기만 하므로 잔차 통로가 깊이를 따라 조금씩 커진다." """
    stds = layers.residual_stream("pre")
    assert stds[-1] > 1.5 * stds[0]
    assert sum(b > a for a, b in pairwise(stds)) >= 0.9 * (len(stds) - 1)


def test_demo_is_pre_ln_with_a_final_layer_norm():
    """ "이 사이트의 데모는 pre-LN이다." / "그래서 마지막 층 뒤에 층 정규화를 한 번 더 둔다." """
    torch.manual_seed(0)
    layer = EncoderLayer(d_model=8, n_heads=2, d_ff=16)
    with torch.no_grad():  # 두 부층이 0을 내게 하면 pre-LN 층은 입력을 그대로 돌려준다
        layer.self_attn.W_o.weight.zero_()
        layer.self_attn.W_o.bias.zero_()
        layer.ffn[2].weight.zero_()
        layer.ffn[2].bias.zero_()
        x = torch.randn(2, 5, 8) * 3 + 1
        torch.testing.assert_close(layer(x), x)  # post-LN이라면 정규화된 값이 나온다
    model = Seq2SeqTransformer(
        Seq2SeqConfig(src_vocab=10, tgt_vocab=6, d_model=8, n_heads=2, d_ff=16)
    )
    assert isinstance(model.encoder_norm, nn.LayerNorm) and isinstance(
        model.decoder_norm, nn.LayerNorm
    )


def test_ffn_and_layer_norm_act_on_each_position_separately(capsys):
    """ "FFN과 층 정규화는 위치 사이를 섞지 않는다. 한 위치의 입력만 바꾸면 그 위치의 출력만 바뀐다." """
    layers.position_wise_check()
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].endswith("True")
    assert lines[1].endswith("평균 0: True, 표준편차 1: True")
    assert lines[2].endswith("True")


def test_attention_is_what_mixes_positions():
    """ "위치를 섞는 일은 오직 어텐션이 한다." """
    torch.manual_seed(0)
    layer = EncoderLayer(d_model=8, n_heads=2, d_ff=16).eval()
    x = torch.randn(1, 5, 8)
    x2 = x.clone()
    x2[:, 3] += torch.randn(8)  # 층 정규화가 지우지 못하게 성분마다 다르게 바꾼다
    with torch.no_grad():
        changed = (layer(x2) - layer(x)).abs().amax(dim=(0, 2)) > 1e-6
    assert changed.all()  # 어텐션이 있는 층에서는 모든 위치가 바뀐다


# --- 드롭아웃 -----------------------------------------------------------------


def test_dropout_is_active_only_in_training_mode(capsys):
    """ "드롭아웃은 학습 모드에서만 켜진다." """
    dropout.dropout_demo()
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].endswith("False") and lines[1].endswith("True")


def test_attention_weight_dropout_rescales_survivors_so_rows_do_not_sum_to_one(capsys):
    """ "어텐션 가중치에 건 드롭아웃은 살아남은 가중치를 1/(1-p)배로 키우므로, 학습 중에는 가중치 행의 합이 1이 아니다." """
    dropout.dropout_demo()
    lines = capsys.readouterr().out.splitlines()
    assert "행 합이 모두 1인가: False" in lines[2] and lines[2].endswith("True")
    assert lines[3].endswith("True")


def test_embedding_dropout_acts_on_the_sum_with_positional_encoding():
    """ "임베딩과 위치 인코딩을 더한 합" 에 드롭아웃을 건다."""
    torch.manual_seed(0)
    embed = dropout.EmbeddingWithDropout(vocab_size=10, d_model=8, max_len=6, p=0.5).train()
    tokens = torch.tensor([[1, 2, 3]])
    out = embed(tokens)
    clean = embed.token(tokens) * math.sqrt(8) + positional_encoding(6, 8)[:3]
    kept = out != 0
    torch.testing.assert_close(out[kept], clean[kept] * 2)  # 위치 인코딩까지 함께 떨어지고 키워진다
    assert (~kept).any()


def test_demo_drops_sublayer_outputs_and_embeddings_but_not_attention_weights():
    """ "데모의 층은 부층 출력과 임베딩 합에만 드롭아웃을 두고, 어텐션 가중치에는 두지 않는다." """
    torch.manual_seed(0)
    layer = EncoderLayer(d_model=8, n_heads=2, d_ff=16, dropout=0.5).train()
    x = torch.randn(1, 5, 8)
    assert not torch.equal(layer(x), layer(x))  # 부층 출력의 드롭아웃이 켜져 있다
    _, weights = layer.self_attn(x, x, x, need_weights=True)
    torch.testing.assert_close(weights.sum(-1), torch.ones(1, 2, 5))  # 가중치는 그대로
    embed = Embedding(vocab_size=10, d_model=8, max_len=6, dropout=0.5).train()
    tokens = torch.tensor([[1, 2, 3]])
    assert not torch.equal(embed(tokens), embed(tokens))


# ---------------------------------------------------------------------------
# 디코더 층과 마스크
# ---------------------------------------------------------------------------


def test_cross_attention_weights_are_batch_heads_out_len_in_len():
    """ "교차 어텐션의 가중치 모양은 (배치, 헤드, 출력 길이, 입력 길이)다." """
    torch.manual_seed(0)
    layer = DecoderLayer(d_model=8, n_heads=2, d_ff=16)
    _, cross = layer(torch.randn(3, 4, 8), torch.randn(3, 7, 8), need_weights=True)
    assert cross.shape == (3, 2, 4, 7)


def test_combined_mask_is_padding_and_causal():
    """ "두 마스크를 '그리고(AND)'로 합친다." """
    tokens = torch.tensor([[5, 6, 7, 0, 0]])
    combined = masks.decoder_self_mask(tokens, pad_id=0)[0, 0]
    causal = torch.ones(5, 5, dtype=torch.bool).tril()
    real = tokens[0] != 0
    torch.testing.assert_close(combined, causal & real[None, :])


def test_padded_keys_get_zero_weight_and_match_sdpa(capsys):
    """ "합친 마스크의 각 행은 자기 자리까지의 진짜 토큰만 본다." (패딩 키의 가중치 0, SDPA와 같다)"""
    masks.combined_mask_demo()
    lines = capsys.readouterr().out.splitlines()
    assert lines[7] == "패딩 키가 받은 가중치의 최댓값: 0.0"
    assert lines[8].endswith("True")


def test_with_right_padding_the_causal_mask_alone_hides_pads_from_real_tokens(capsys):
    """ "패딩이 오른쪽에 있으면 인과 마스크만으로도 진짜 토큰은 패딩을 보지 않는다. … 데모의 `DecoderLayer`가
    인과 마스크만 쓰는 이유다." 와 "진짜 토큰의 행은 인과 마스크만 쓸 때와 같고, 다른 것은 패딩 자리의 쿼리
    행뿐이다." """
    masks.combined_mask_demo()
    assert capsys.readouterr().out.splitlines()[6].endswith(": True")
    tokens = torch.tensor([[5, 6, 7, 0, 0], [5, 6, 0, 0, 0]])
    combined = masks.decoder_self_mask(tokens, 0)[:, 0]
    causal = torch.ones(5, 5, dtype=torch.bool).tril()
    real = tokens != 0
    for b in range(2):
        assert torch.equal(combined[b][real[b]], causal[real[b]])
        assert not torch.equal(combined[b][~real[b]], causal[~real[b]])
    # 데모의 디코더 층(인과 마스크만 쓴다)에서도 오른쪽 패딩 자리의 입력은 진짜 토큰의 출력을 바꾸지 않는다.
    torch.manual_seed(0)
    layer = DecoderLayer(d_model=8, n_heads=2, d_ff=16).eval()
    y, memory = torch.randn(1, 5, 8), torch.randn(1, 4, 8)
    other_pads = y.clone()
    other_pads[:, 3:] = torch.randn(1, 2, 8)
    with torch.no_grad():
        out, _ = layer(y, memory)
        out2, _ = layer(other_pads, memory)
    torch.testing.assert_close(out[:, :3], out2[:, :3])
    # 왼쪽 패딩이면 인과 마스크만으로는 진짜 토큰이 앞의 패딩을 본다.
    left = torch.tensor([[0, 0, 5, 6, 7]])
    assert (causal[2:, :2]).all() and not masks.decoder_self_mask(left, 0)[0, 0, 2:, :2].any()


def test_cross_attention_with_source_padding_mask_ignores_padded_inputs(capsys):
    """ "교차 어텐션은 미래와 상관이 없으니 입력 쪽 패딩 마스크만 준다." """
    masks.combined_mask_demo()
    assert capsys.readouterr().out.splitlines()[9].endswith(": 0.0")
    # 입력 쪽 패딩 마스크만 주면 디코더의 모든 위치가 진짜 입력을 전부 본다(인과 마스크가 끼어들지 않는다).
    torch.manual_seed(0)
    layer = DecoderLayer(d_model=8, n_heads=2, d_ff=16).eval()
    src = torch.tensor([[3, 4, 5, 0]])
    with torch.no_grad():
        _, cross = layer(torch.randn(1, 2, 8), torch.randn(1, 4, 8), padding_mask(src, 0), True)
    assert (cross[..., :3] > 0).all()


def test_right_padding_leaves_every_query_a_key_and_no_nan():
    """ "패딩 자리의 쿼리 행도 앞의 진짜 토큰을 보므로 `nan`이 나오지 않는다." """
    tokens = torch.tensor([[5, 6, 7, 0, 0], [5, 6, 7, 8, 9]])
    assert not any(any(row) for row in masks.rows_with_no_visible_key(tokens, 0))
    q, k, v = (torch.randn(2, 1, 5, 4) for _ in range(3))
    from snippets.transformer.attention import scaled_dot_product_attention

    out, _ = scaled_dot_product_attention(q, k, v, mask=masks.decoder_self_mask(tokens, 0))
    assert not torch.isnan(out).any()


def test_left_padding_leaves_the_first_queries_without_keys():
    """ "패딩을 왼쪽에 두면 … 맨 앞의 쿼리 행들은 볼 키가 하나도 없어서 … 구현에 따라 `nan`이나 0이 된다." """
    from snippets.transformer.attention import scaled_dot_product_attention

    tokens = torch.tensor([[0, 0, 5, 6, 7]])
    assert masks.rows_with_no_visible_key(tokens, 0) == [[True, True, False, False, False]]
    mask = masks.decoder_self_mask(tokens, 0)
    q, k, v = (torch.randn(1, 1, 5, 4) for _ in range(3))
    ours, _ = scaled_dot_product_attention(q, k, v, mask=mask)
    theirs = F.scaled_dot_product_attention(q, k, v, attn_mask=mask)
    assert torch.isnan(ours[..., :2, :]).all() and (theirs[..., :2, :] == 0).all()


# ---------------------------------------------------------------------------
# 학습: 교사 강요와 학습률
# ---------------------------------------------------------------------------


def test_changing_the_decoder_input_from_the_fourth_slot_keeps_the_first_three_predictions(capsys):
    """ "디코더 입력의 넷째 칸부터 바꿔도 앞 세 위치의 예측은 그대로다." """
    layers.teacher_forcing_is_safe()
    lines = capsys.readouterr().out.splitlines()
    assert lines[1].endswith("True") and lines[2].endswith("True")


def test_lr_rises_linearly_for_4000_steps_then_decays_as_inverse_sqrt():
    """ "처음 4,000단계 동안 선형으로 올린 뒤 단계 수의 제곱근에 반비례해 줄인다." """
    lr = schedule.transformer_lr
    assert lr(2000) == pytest.approx(lr(1000) * 2)
    assert max(range(1, 20001), key=lr) == 4000
    assert lr(16000) == pytest.approx(lr(4000) / 2)  # 단계가 4배면 학습률은 1/2


def test_longer_warmup_gives_a_lower_later_peak_and_smaller_d_model_a_higher_lr():
    """그림 설명: "워밍업이 길수록 최고점이 낮고 늦으며, d_model이 작을수록 학습률이 전체적으로 높다" """
    steps = list(fig_lr_schedule.STEPS)

    def peak(d_model, warmup):
        values = [schedule.transformer_lr(s, d_model, warmup) for s in steps]
        best = max(range(len(values)), key=values.__getitem__)
        return steps[best], values[best]

    (short_at, short_peak), (long_at, long_peak) = peak(512, 4000), peak(512, 8000)
    assert long_peak < short_peak and long_at > short_at
    assert all(
        schedule.transformer_lr(s, 256, 4000) > schedule.transformer_lr(s, 512, 4000) for s in steps
    )
    assert (512, 4000) in fig_lr_schedule.SETTINGS and (512, 8000) in fig_lr_schedule.SETTINGS
    assert (256, 4000) in fig_lr_schedule.SETTINGS


# ---------------------------------------------------------------------------
# 추론
# ---------------------------------------------------------------------------


def test_earlier_positions_do_not_change_when_tokens_are_appended():
    """ "인과 마스크 때문에 앞 위치의 키와 밸류는 뒤에 무엇이 붙어도 바뀌지 않으므로 이렇게 해도 답이 같다." """
    torch.manual_seed(0)
    stack = [EncoderLayer(d_model=8, n_heads=2, d_ff=16).eval() for _ in range(3)]

    def run(x):
        for layer in stack:
            x = layer(x, is_causal=True)
        return x

    prefix = torch.randn(1, 4, 8)
    longer = torch.cat([prefix, torch.randn(1, 3, 8)], dim=1)
    with torch.no_grad():
        torch.testing.assert_close(run(longer)[:, :4], run(prefix))


# ---------------------------------------------------------------------------
# 트랜스포머 가족
# ---------------------------------------------------------------------------


def test_bert_every_position_sees_the_last_token():
    """ "마스크가 없으므로 모든 위치가 문장 전체를 양쪽으로 본다." """
    assert family.who_sees_the_last_token(is_causal=False) == [True] * 5


def test_gpt_only_the_last_position_sees_the_last_token():
    """ "인과 마스크가 있는 셀프 어텐션과 FFN뿐이다." (앞 위치는 뒤를 보지 못한다)"""
    assert family.who_sees_the_last_token(is_causal=True) == [False] * 4 + [True]


def masked_batch(seed=0):
    g = torch.Generator().manual_seed(seed)
    tokens = torch.randint(5, 1000, (200, 512), generator=g)
    inputs, labels = pretraining.bert_mask(tokens, 1000, mask_id=4, generator=g)
    return tokens, inputs, labels


def test_bert_selects_15_percent_of_tokens():
    """ "입력 토큰의 15%를 골라 원래 토큰을 맞히게 한다." """
    _, _, labels = masked_batch()
    assert (labels != pretraining.IGNORE).float().mean().item() == pytest.approx(0.15, abs=0.005)


def test_selected_tokens_split_80_10_10():
    """ "80%는 `[MASK]`로, 10%는 무작위 토큰으로 바꾸고, 10%는 그대로 둔다." """
    tokens, inputs, labels = masked_batch()
    selected = labels != pretraining.IGNORE
    became, original = inputs[selected], tokens[selected]
    assert (became == 4).float().mean().item() == pytest.approx(0.8, abs=0.01)
    random = (became != 4) & (became != original)
    assert random.float().mean().item() == pytest.approx(0.1, abs=0.01)
    assert (became == original).float().mean().item() == pytest.approx(0.1, abs=0.01)
    assert torch.equal(inputs[~selected], tokens[~selected])  # 고르지 않은 토큰은 건드리지 않는다


def test_loss_is_computed_only_at_selected_positions():
    """ "손실은 고른 자리에서만 계산한다. 나머지 자리의 정답을 -100으로 두면 `nn.CrossEntropyLoss`가
    기본값(`ignore_index=-100`)대로 그 자리를 뺀다." """
    assert nn.CrossEntropyLoss().ignore_index == -100 == pretraining.IGNORE
    torch.manual_seed(0)
    logits = torch.randn(6, 10)
    labels = torch.tensor([3, -100, -100, 7, -100, 1])
    keep = labels != -100
    torch.testing.assert_close(
        F.cross_entropy(logits, labels), F.cross_entropy(logits[keep], labels[keep])
    )


def test_nsp_input_is_cls_a_sep_b_sep_with_segments():
    """ "두 문장을 `[CLS] A [SEP] B [SEP]` 한 줄로 이어 넣고" """
    tokens, segments = pretraining.nsp_input(["가", "나"], ["다"])
    assert tokens == ["[CLS]", "가", "나", "[SEP]", "다", "[SEP]"]
    assert segments == [0, 0, 0, 0, 1, 1]


def test_nsp_pairs_are_half_real_next_sentences():
    """ "절반은 실제 다음 문장, 절반은 말뭉치의 다른 문장이다." """
    sentences = [[f"s{i}"] for i in range(4001)]
    pairs = pretraining.nsp_pairs(sentences, torch.Generator().manual_seed(1))
    share = sum(is_next for *_, is_next in pairs) / len(pairs)
    assert share == pytest.approx(0.5, abs=0.03)
    for a, b, is_next in pairs:
        follows = sentences.index(b) == sentences.index(a) + 1
        assert follows == is_next


def test_vit_base_image_gives_196_patch_tokens_of_768_values():
    """ "이미지를 16×16 픽셀 조각(patch)으로 잘라 조각 하나를 토큰 하나로 본다." """
    tokens = family.patchify(torch.randn(1, 3, 224, 224), 16)
    assert tokens.shape == (1, 196, 768)


def test_dalle_sequence_is_256_text_plus_1024_image_tokens(capsys):
    """ "텍스트 토큰 뒤에 이미지 토큰을 이어 붙인 한 줄" (256 + 32×32)"""
    family.dalle_sequence()
    assert "한 시퀀스 1280" in capsys.readouterr().out


# ---------------------------------------------------------------------------
# 요즘 트랜스포머의 표준 부품
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64])
def test_rmsnorm_matches_torch_nn_rmsnorm(dtype):
    """ "파이토치에는 `nn.RMSNorm`이 있다. 아래 구현이 그것과 같은 값을 내는지 확인한다." """
    torch.manual_seed(0)
    x = (torch.randn(3, 4, 16) * 5 + 2).to(dtype)
    ours, theirs = modern.RMSNorm(16).to(dtype), nn.RMSNorm(16).to(dtype)
    with torch.no_grad():
        ours.weight.uniform_(0.5, 1.5)
        theirs.weight.copy_(ours.weight)
    torch.testing.assert_close(ours(x), theirs(x))


def test_rmsnorm_does_not_subtract_the_mean_and_keeps_only_gamma():
    """ "평균을 빼지 않고 제곱평균제곱근(RMS)으로 나누기만 … 매개변수는 γ만 남는다." """
    x = torch.randn(4, 16) + 3.0
    y = modern.RMSNorm(16)(x)
    torch.testing.assert_close(y.pow(2).mean(-1), torch.ones(4), atol=1e-5, rtol=0)
    assert (y.mean(-1) > 0.5).all()
    assert [name for name, _ in modern.RMSNorm(16).named_parameters()] == ["weight"]


@pytest.mark.parametrize("d", [48, 96, 512, 4096])
def test_swiglu_with_two_thirds_width_matches_plain_ffn_parameter_count(d):
    """ "가운데 차원을 4d 대신 (2/3)·4d로 잡아 매개변수 수를 보통 FFN과 맞춘다." """
    plain = 2 * d * 4 * d
    swiglu = modern.SwiGLU(d, d_ff=2 * 4 * d // 3)  # 3으로 나누어떨어지지 않으면 내림
    assert sum(p.numel() for p in swiglu.parameters()) == pytest.approx(plain, rel=1e-3)


def test_swiglu_gates_silu_branch_elementwise():
    """ "FFN의 첫 선형층을 둘로 나눠 한쪽이 다른 쪽의 문을 여닫게 하는" """
    torch.manual_seed(0)
    ffn = modern.SwiGLU(8, 12)
    with torch.no_grad():
        ffn.w1.weight.zero_()  # 게이트(SiLU를 거치는 w1)를 닫으면 SiLU(0) = 0이라 출력이 0이다
        assert (ffn(torch.randn(2, 8)) == 0).all()


def test_rope_scores_depend_only_on_relative_position():
    """ "점수는 두 위치의 차이에만 달려 있다." / "거리가 같은 쌍은 어디에 있든 점수가 같고, 거리가 달라지면 점수도 달라진다." """
    g = torch.Generator().manual_seed(2)
    q, k = torch.randn(2, 16, generator=g, dtype=torch.float64)

    def score(m, n):
        pos = lambda p: torch.tensor([float(p)], dtype=torch.float64)  # noqa: E731
        return (modern.rope(q[None], pos(m)) @ modern.rope(k[None], pos(n)).T).item()

    for distance in (0, 1, 5):
        scores = [score(m, m + distance) for m in (0, 7, 100)]
        assert max(scores) - min(scores) < 1e-9
    assert abs(score(3, 4) - score(3, 6)) > 1e-3


def test_rope_keeps_vector_length_and_uses_sinusoidal_frequencies():
    """ "회전은 벡터의 길이를 바꾸지 않는다." / "사인파 위치 인코딩과 같은 주파수 θ_i = 10000^(-2i/d)를 쓴다." """
    x = torch.randn(10, 8, dtype=torch.float64)
    torch.testing.assert_close(modern.rope(x).norm(dim=-1), x.norm(dim=-1))
    # 짝마다 (1, 0)을 위치 p만큼 돌리면 (cos pθ_i, sin pθ_i): 위치 인코딩의 사인·코사인과 같은 각도다.
    unit = torch.tensor([1.0, 0.0] * 4, dtype=torch.float64).expand(10, 8)
    rotated = modern.rope(unit)
    pe = positional_encoding(10, 8).double()
    torch.testing.assert_close(rotated[:, 1::2], pe[:, 0::2], atol=1e-6, rtol=0)  # sin
    torch.testing.assert_close(rotated[:, 0::2], pe[:, 1::2], atol=1e-6, rtol=0)  # cos


# ---------------------------------------------------------------------------
# 신경 튜링 기계
# ---------------------------------------------------------------------------


def test_ntm_content_addressing_is_a_softmax_of_scaled_cosine():
    """ "점수가 내적 대신 코사인 유사도라는 점만 다를 뿐, 어텐션과 같은 식이다." """
    torch.manual_seed(0)
    memory, key = torch.randn(6, 4), torch.randn(4)
    w, r = family.ntm_read(memory, key, beta=3.0)
    cosine = (memory @ key) / (memory.norm(dim=-1) * key.norm())
    torch.testing.assert_close(w, (3.0 * cosine).softmax(-1))
    torch.testing.assert_close(r, w @ memory)


def test_ntm_write_leaves_rows_with_zero_weight_unchanged():
    """ "w_t(i)가 0인 칸은 그대로 남는다." """
    memory = torch.randn(5, 3)
    weights = torch.tensor([0.0, 0.3, 0.0, 0.7, 0.0])
    out = family.ntm_write(memory, weights, erase=torch.rand(3), add=torch.randn(3))
    torch.testing.assert_close(out[[0, 2, 4]], memory[[0, 2, 4]])
    assert not torch.allclose(out[[1, 3]], memory[[1, 3]])


def test_ntm_one_hot_write_with_full_erase_replaces_exactly_one_row():
    """ "가중치가 1인 칸은 e_t = 1이면 완전히 지워진 뒤 a_t로 채워진다." """
    memory = torch.randn(4, 3)
    one_hot = torch.tensor([0.0, 0.0, 1.0, 0.0])
    add = torch.tensor([7.0, 8.0, 9.0])
    out = family.ntm_write(memory, one_hot, erase=torch.ones(3), add=add)
    torch.testing.assert_close(out[2], add)
    cleared = family.ntm_write(memory, one_hot, erase=torch.ones(3), add=torch.zeros(3))
    assert (cleared[2] == 0).all()
    changed_rows = (out != memory).any(dim=-1)
    assert changed_rows.tolist() == [False, False, True, False]


def test_ntm_spread_weights_rewrite_rows_partially():
    """ "가중치가 여러 칸에 퍼져 있으면 그만큼 조금씩 고쳐 쓴다." """
    memory = torch.zeros(3, 2)
    out = family.ntm_write(memory, torch.tensor([0.25, 0.75, 0.0]), torch.ones(2), torch.ones(2))
    torch.testing.assert_close(out, torch.tensor([[0.25, 0.25], [0.75, 0.75], [0.0, 0.0]]))


# ---------------------------------------------------------------------------
# 자주 하는 실수
# ---------------------------------------------------------------------------


def _next_token_model(seed, vocab, d_model):
    torch.manual_seed(seed)
    return nn.ModuleList(
        [
            nn.Embedding(vocab, d_model),
            EncoderLayer(d_model, 2, 2 * d_model),
            nn.Linear(d_model, vocab),
        ]
    )


def _logits(model, tokens, causal):
    x = model[0](tokens) + positional_encoding(tokens.shape[1], model[0].embedding_dim)
    return model[2](model[1](x, is_causal=causal))


def test_forgetting_the_causal_mask_gives_a_fast_falling_loss_but_garbage_generation():
    """ "디코더 셀프 어텐션의 인과 마스크를 빠뜨린다. 학습 손실은 비정상적으로 빨리 줄지만, 한 토큰씩 생성하는
    추론에서는 엉터리다." 무작위 토큰은 원래 맞힐 수 없다(손실 ln V). 마스크가 없으면 다음 칸을 베껴 손실이
    그보다 훨씬 작아지고, 접두사만 주는 추론에서는 베낄 칸이 없어 우연보다도 못하다."""
    vocab, length = 16, 10
    results = {}
    for causal in (False, True):
        model = _next_token_model(0, vocab, 32)
        optimizer = torch.optim.Adam(model.parameters(), lr=3e-3)
        g = torch.Generator().manual_seed(1)
        for _ in range(150):
            seq = torch.randint(0, vocab, (32, length + 1), generator=g)
            loss = F.cross_entropy(
                _logits(model, seq[:, :-1], causal).flatten(0, 1), seq[:, 1:].flatten()
            )
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
        seq = torch.randint(0, vocab, (64, length + 1), generator=torch.Generator().manual_seed(2))
        with torch.no_grad():  # 추론: 접두사만 넣고 마지막 위치로 다음 토큰을 예측한다
            generated = [
                F.cross_entropy(_logits(model, seq[:, :t], causal)[:, -1], seq[:, t])
                for t in range(1, length + 1)
            ]
        results[causal] = (loss.item(), torch.stack(generated).mean().item())
    chance = math.log(vocab)
    (unmasked_train, unmasked_infer), (masked_train, _) = results[False], results[True]
    assert masked_train > 0.9 * chance  # 마스크가 있으면 무작위 토큰은 맞힐 수 없다
    assert unmasked_train < 0.3 * chance  # 마스크가 없으면 다음 칸을 베낀다
    assert unmasked_infer > chance  # 베낄 칸이 없는 추론에서는 우연보다 못하다


def test_is_causal_alone_is_an_error_for_torch_layers_but_works_as_a_hint_with_the_mask():
    """ "`~causal_mask(3)`처럼 뒤집어 넘긴다. `is_causal=True`는 그 마스크가 인과 마스크라는 힌트로 함께 줄 수
    있을 뿐, 혼자서는 오류다." (연습 문제 2)"""
    from snippets.transformer.attention import causal_mask

    torch.manual_seed(0)
    mha = nn.MultiheadAttention(4, 1, batch_first=True)
    layer = nn.TransformerEncoderLayer(4, 1, 8, batch_first=True)
    x = torch.randn(1, 3, 4)
    for call in (lambda: mha(x, x, x, is_causal=True), lambda: layer(x, is_causal=True)):
        with pytest.raises(RuntimeError, match="Need attn_mask if specifying the is_causal hint"):
            call()
    with torch.no_grad():
        hinted, _ = mha(x, x, x, attn_mask=~causal_mask(3), is_causal=True)
        masked, _ = mha(x, x, x, attn_mask=~causal_mask(3))
        layer_hinted = layer.eval()(x, src_mask=~causal_mask(3), is_causal=True)
        layer_masked = layer(x, src_mask=~causal_mask(3))
    torch.testing.assert_close(hinted, masked)
    torch.testing.assert_close(layer_hinted, layer_masked)

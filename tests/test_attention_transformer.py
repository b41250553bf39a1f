"""트랜스포머 노트(docs/dl/transformer.md)의 주장을 숫자로 확인한다: snippets/attention/{layers,family,schedule}.py."""

from __future__ import annotations

from itertools import pairwise

import pytest
import torch
import torch.nn.functional as F

from snippets.attention import family, layers, schedule


def test_post_ln_output_is_normalized_and_pre_ln_stream_grows():
    post = layers.residual_stream("post", depth=12)
    pre = layers.residual_stream("pre", depth=12)
    assert all(s == pytest.approx(1.0, abs=0.01) for s in post)
    assert pre[-1] > pre[0] + 0.2
    assert sum(b > a for a, b in pairwise(pre)) >= 10  # 대체로 층마다 커진다


def test_post_ln_layer_keeps_shape_and_normalizes_each_position():
    torch.manual_seed(0)
    layer = layers.PostLNEncoderLayer(16, 4, 64)
    y = layer(torch.randn(3, 7, 16))
    assert y.shape == (3, 7, 16)
    torch.testing.assert_close(y.mean(-1), torch.zeros(3, 7), atol=1e-5, rtol=0)


def test_position_wise_check_prints_all_true(capsys):
    layers.position_wise_check()
    out = capsys.readouterr().out
    assert out.count("True") == 4 and "False" not in out


def test_teacher_forcing_logits_do_not_see_the_future(capsys):
    layers.teacher_forcing_is_safe()
    lines = capsys.readouterr().out.splitlines()
    assert lines[1].endswith("True") and lines[2].endswith("True")


def test_bert_sees_everything_and_gpt_only_the_past():
    assert family.who_sees_the_last_token(is_causal=False) == [True] * 5
    assert family.who_sees_the_last_token(is_causal=True) == [False] * 4 + [True]


def test_patchify_matches_vit_base_and_inverts_with_fold():
    images = torch.randn(2, 3, 224, 224)
    tokens = family.patchify(images, 16)
    assert tokens.shape == (2, (224 // 16) ** 2, 3 * 16 * 16)
    back = F.fold(tokens.transpose(1, 2), output_size=(224, 224), kernel_size=16, stride=16)
    torch.testing.assert_close(back, images)


def test_ntm_content_addressing_is_attention():
    memory = torch.randn(6, 4)
    key = memory[2] * 3.0  # 크기가 달라도 방향이 같으면 코사인 유사도는 1
    w, r = family.ntm_read(memory, key, beta=50.0)
    assert w.sum().item() == pytest.approx(1.0)
    assert int(w.argmax()) == 2
    torch.testing.assert_close(r, w @ memory)


def test_dalle_sequence_length(capsys):
    family.dalle_sequence()
    assert "1280" in capsys.readouterr().out


def test_transformer_lr_peaks_at_warmup():
    values = [schedule.transformer_lr(s) for s in range(1, 20001)]
    assert max(range(len(values)), key=values.__getitem__) + 1 == 4000
    assert schedule.transformer_lr(4000) == pytest.approx(512**-0.5 * 4000**-0.5)
    assert schedule.transformer_lr(16000) == pytest.approx(schedule.transformer_lr(4000) / 2)


# ---------------------------------------------------------------------------
# 새 부품: modern.py, masks.py, pretraining.py, dropout.py
# ---------------------------------------------------------------------------


def test_rope_works_on_batched_heads_and_leaves_position_zero_unchanged():
    from snippets.attention import modern

    x = torch.randn(2, 3, 5, 8)  # (배치, 헤드, 길이, d)
    out = modern.rope(x)
    assert out.shape == x.shape
    torch.testing.assert_close(out[..., 0, :], x[..., 0, :])  # 위치 0은 0도 회전


def test_rms_norm_with_explicit_eps_matches_torch():
    from snippets.attention import modern

    x = torch.randn(4, 6) * 1e-3
    torch.testing.assert_close(modern.RMSNorm(6, eps=1e-2)(x), torch.nn.RMSNorm(6, eps=1e-2)(x))


def test_bert_mask_does_not_touch_its_input():
    from snippets.attention import pretraining

    tokens = torch.randint(5, 50, (4, 64))
    before = tokens.clone()
    pretraining.bert_mask(tokens, 50, mask_id=4, generator=torch.Generator().manual_seed(0))
    assert torch.equal(tokens, before)


def test_decoder_self_mask_broadcasts_over_heads():
    from snippets.attention import masks

    m = masks.decoder_self_mask(torch.tensor([[1, 2, 0], [1, 0, 0]]), pad_id=0)
    assert m.shape == (2, 1, 3, 3) and m.dtype == torch.bool


def test_post_ln_layer_with_dropout_keeps_shape_and_is_deterministic_in_eval():
    from snippets.attention import dropout

    layer = dropout.PostLNLayerWithDropout(d_model=8, n_heads=2, d_ff=16, p=0.3).eval()
    x = torch.randn(2, 4, 8)
    assert layer(x).shape == x.shape
    torch.testing.assert_close(layer(x), layer(x))

"""처음부터 짠 어텐션이 PyTorch 의 F.scaled_dot_product_attention, nn.MultiheadAttention 과 같은 값을 낸다."""

from __future__ import annotations

import math

import pytest
import torch
import torch.nn.functional as F
from torch import nn

from snippets.attention.checks import to_torch_mha
from snippets.transformer.attention import (
    MultiHeadAttention,
    causal_mask,
    padding_mask,
    positional_encoding,
    scaled_dot_product_attention,
)
from snippets.transformer.model import (
    DecoderLayer,
    EncoderLayer,
    Seq2SeqConfig,
    Seq2SeqTransformer,
    set_fused_attention,
)

DEVICES = [
    "cpu",
    pytest.param(
        "cuda", marks=pytest.mark.skipif(not torch.cuda.is_available(), reason="CUDA 없음")
    ),
]


def random_qkv(device, batch=2, heads=3, length=7, key_length=None, d=8, dtype=torch.float32):
    generator = torch.Generator(device=device).manual_seed(0)
    key_length = key_length or length
    q = torch.randn(batch, heads, length, d, device=device, dtype=dtype, generator=generator)
    k = torch.randn(batch, heads, key_length, d, device=device, dtype=dtype, generator=generator)
    v = torch.randn(batch, heads, key_length, d, device=device, dtype=dtype, generator=generator)
    return q, k, v


@pytest.mark.parametrize("device", DEVICES)
@pytest.mark.parametrize("is_causal", [False, True])
def test_scratch_attention_matches_torch_sdpa(device, is_causal):
    q, k, v = random_qkv(device)
    ours, weights = scaled_dot_product_attention(q, k, v, is_causal=is_causal)
    theirs = F.scaled_dot_product_attention(q, k, v, is_causal=is_causal)
    torch.testing.assert_close(ours, theirs, atol=1e-5, rtol=1e-5)
    torch.testing.assert_close(weights.sum(-1), torch.ones_like(weights.sum(-1)))


@pytest.mark.parametrize("device", DEVICES)
def test_scratch_attention_with_padding_mask_matches_torch_sdpa(device):
    q, k, v = random_qkv(device, length=5, key_length=6)
    tokens = torch.tensor([[4, 4, 4, 4, 0, 0], [4, 4, 4, 4, 4, 4]], device=device)
    mask = padding_mask(tokens, pad_id=0)
    ours, weights = scaled_dot_product_attention(q, k, v, mask=mask)
    theirs = F.scaled_dot_product_attention(q, k, v, attn_mask=mask)
    torch.testing.assert_close(ours, theirs, atol=1e-5, rtol=1e-5)
    assert weights[0, :, :, 4:].abs().max() == 0  # 패딩 키에는 가중치가 가지 않는다


@pytest.mark.skipif(not torch.cuda.is_available(), reason="CUDA 없음")
def test_scratch_attention_matches_flash_kernel_in_bf16():
    from torch.nn.attention import SDPBackend, sdpa_kernel

    q, k, v = random_qkv("cuda", heads=4, length=256, d=64, dtype=torch.bfloat16)
    ours, _ = scaled_dot_product_attention(q.float(), k.float(), v.float(), is_causal=True)
    with sdpa_kernel(SDPBackend.FLASH_ATTENTION):
        flash = F.scaled_dot_product_attention(q, k, v, is_causal=True)
    torch.testing.assert_close(flash.float(), ours, atol=2e-2, rtol=2e-2)


def test_attention_scales_scores_by_square_root_of_key_dimension():
    q = torch.tensor([[[1.0, 1.0, 1.0, 1.0]]])
    k = torch.tensor([[[1.0, 1.0, 1.0, 1.0], [0.0, 0.0, 0.0, 0.0]]])
    _, weights = scaled_dot_product_attention(q, k, torch.zeros(1, 2, 1))
    # 점수는 4/√4 = 2 와 0: softmax([2, 0])
    assert weights[0, 0, 0].item() == pytest.approx(math.exp(2) / (math.exp(2) + 1), abs=1e-6)


def test_causal_mask_lets_each_position_see_only_the_past():
    mask = causal_mask(5)
    for i in range(5):
        assert mask[i].tolist() == [j <= i for j in range(5)]


@pytest.mark.parametrize("device", DEVICES)
@pytest.mark.parametrize("use_fused", [False, True])
def test_multi_head_self_attention_matches_nn_multihead_attention(device, use_fused):
    torch.manual_seed(0)
    ours = MultiHeadAttention(d_model=16, n_heads=4, use_fused=use_fused)
    theirs = to_torch_mha(ours)
    ours, theirs = ours.to(device), theirs.to(device)
    x = torch.randn(3, 6, 16, device=device)
    got, _ = ours(x, x, x, is_causal=True)
    # nn.MultiheadAttention 의 불리언 마스크는 반대다: True 인 자리를 가린다.
    expected, _ = theirs(x, x, x, attn_mask=~causal_mask(6, device=device), need_weights=False)
    torch.testing.assert_close(got, expected, atol=1e-5, rtol=1e-5)


@pytest.mark.parametrize("device", DEVICES)
def test_multi_head_cross_attention_with_padding_matches_nn_multihead_attention(device):
    torch.manual_seed(0)
    ours = MultiHeadAttention(d_model=16, n_heads=2)
    theirs = to_torch_mha(ours)
    ours, theirs = ours.to(device), theirs.to(device)
    y = torch.randn(2, 3, 16, device=device)
    memory = torch.randn(2, 5, 16, device=device)
    tokens = torch.tensor([[7, 7, 7, 0, 0], [7, 7, 7, 7, 7]], device=device)
    got, got_weights = ours(y, memory, memory, mask=padding_mask(tokens, 0), need_weights=True)
    expected, expected_weights = theirs(y, memory, memory, key_padding_mask=tokens == 0)
    torch.testing.assert_close(got, expected, atol=1e-5, rtol=1e-5)
    torch.testing.assert_close(got_weights.mean(dim=1), expected_weights, atol=1e-5, rtol=1e-5)


def test_heads_must_divide_model_dimension():
    with pytest.raises(ValueError, match="나누어떨어지지"):
        MultiHeadAttention(d_model=10, n_heads=3)


def test_positional_encoding_is_sin_and_cos_of_the_same_angle():
    pe = positional_encoding(max_len=100, d_model=16)
    # 같은 주파수 짝(2i, 2i+1)은 단위원 위의 점이다.
    torch.testing.assert_close(pe[:, 0::2] ** 2 + pe[:, 1::2] ** 2, torch.ones(100, 8))
    angle = 7 / 10000 ** (4 / 16)
    assert pe[7, 4].item() == pytest.approx(math.sin(angle), abs=1e-6)
    assert pe[7, 5].item() == pytest.approx(math.cos(angle), abs=1e-6)


@pytest.mark.parametrize("device", DEVICES)
def test_fused_and_scratch_models_give_the_same_logits(device):
    torch.manual_seed(0)
    model = Seq2SeqTransformer(Seq2SeqConfig(src_vocab=10, tgt_vocab=17, d_model=32, n_heads=4)).to(
        device
    )
    src = torch.randint(0, 10, (4, 4), device=device)
    tgt = torch.randint(0, 17, (4, 8), device=device)
    scratch = set_fused_attention(model, False)(src, tgt)
    fused = set_fused_attention(model, True)(src, tgt)
    torch.testing.assert_close(scratch, fused, atol=1e-5, rtol=1e-5)


def test_padding_mask_makes_encoder_ignore_padding():
    torch.manual_seed(0)
    model = Seq2SeqTransformer(
        Seq2SeqConfig(src_vocab=10, tgt_vocab=17, d_model=16, n_heads=2)
    ).eval()
    src = torch.tensor([[3, 5, 2]])
    padded = torch.tensor([[3, 5, 2, 0, 0]])
    tgt = torch.tensor([[1, 6, 15]])
    plain = model(src, tgt)
    masked = model(padded, tgt, src_mask=padding_mask(padded, pad_id=0))
    torch.testing.assert_close(plain, masked, atol=1e-5, rtol=1e-5)


def test_encoder_and_decoder_layers_are_pre_layer_norm():
    """pre-LN: 층 정규화가 잔차 가지 안에 있어서, 어텐션과 FFN 출력이 0이면 층은 항등 함수다."""
    torch.manual_seed(0)
    encoder, decoder = EncoderLayer(8, 2, 16), DecoderLayer(8, 2, 16)
    for layer in (encoder, decoder):
        for module in layer.modules():
            if isinstance(module, MultiHeadAttention):
                nn.init.zeros_(module.W_o.weight)
                nn.init.zeros_(module.W_o.bias)
        nn.init.zeros_(layer.ffn[2].weight)
        nn.init.zeros_(layer.ffn[2].bias)
    x = torch.randn(2, 5, 8) * 10
    torch.testing.assert_close(encoder(x), x)
    torch.testing.assert_close(decoder(x, torch.randn(2, 3, 8))[0], x)

"""트랜스포머 모델: 인코더 층, 디코더 층, 인코더-디코더(숫자 읽기), 디코더만 쓰는 언어 모델, 탐욕적 디코딩.

층은 모두 **pre-LN**(층 정규화를 잔차 가지 안쪽, 어텐션과 FFN 앞에 둔다)이다. 원 논문(Vaswani 외, 2017)은
post-LN(더한 뒤 정규화)이지만, pre-LN은 워밍업을 길게 두지 않아도 학습이 안정적이어서 작은 데모에 맞다
(Xiong 외, 2020). 그래서 층을 다 지난 뒤 마지막에 LayerNorm을 한 번 더 둔다.

모든 어텐션은 attention.MultiHeadAttention이다. `fused_attention=True`면 같은 계산을
`F.scaled_dot_product_attention`에 맡긴다. 어느 쪽이든 밀집 마스크를 만들지 않고 `is_causal`만 넘기므로
GPU에서 플래시 커널이 쓰일 수 있다.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass

import torch
from torch import nn

from snippets.transformer.attention import MultiHeadAttention, positional_encoding


def feed_forward(d_model, d_ff, dropout):
    """위치마다 따로 적용하는 2층 MLP."""
    return nn.Sequential(
        nn.Linear(d_model, d_ff), nn.GELU(), nn.Linear(d_ff, d_model), nn.Dropout(dropout)
    )


# --8<-- [start:encoder_layer]
class EncoderLayer(nn.Module):
    """pre-LN 인코더 층: x ← x + 셀프 어텐션(LN(x)), x ← x + FFN(LN(x)).

    is_causal=True로 부르면 GPT의 블록과 같다(디코더만 쓰는 언어 모델이 이 층을 쌓는다).

    >>> _ = torch.manual_seed(0)
    >>> layer = EncoderLayer(d_model=8, n_heads=2, d_ff=16)
    >>> x = torch.randn(2, 5, 8)
    >>> layer(x).shape                     # 모양은 그대로, 각 위치가 문맥을 섞어 갖는다
    torch.Size([2, 5, 8])
    >>> y = layer(x, is_causal=True)
    >>> x2 = x.clone(); x2[:, -1] = 0      # 마지막 위치만 바꿔도
    >>> torch.allclose(layer(x2, is_causal=True)[:, :-1], y[:, :-1])   # 앞 위치는 그대로
    True
    """

    def __init__(self, d_model, n_heads, d_ff, dropout=0.0, use_fused=False):
        super().__init__()
        self.norm1 = nn.LayerNorm(d_model)
        self.self_attn = MultiHeadAttention(d_model, n_heads, use_fused=use_fused)
        self.norm2 = nn.LayerNorm(d_model)
        self.ffn = feed_forward(d_model, d_ff, dropout)
        self.dropout = nn.Dropout(dropout)

    def forward(self, x, mask=None, is_causal=False):
        h = self.norm1(x)
        attended, _ = self.self_attn(h, h, h, mask=mask, is_causal=is_causal)
        x = x + self.dropout(attended)
        return x + self.ffn(self.norm2(x))


# --8<-- [end:encoder_layer]


# --8<-- [start:decoder_layer]
class DecoderLayer(nn.Module):
    """pre-LN 디코더 층: 인과 셀프 어텐션 → 인코더 출력(memory)을 보는 교차 어텐션 → FFN.

    need_weights=True면 교차 어텐션 가중치 (B, 헤드, 출력 길이, 입력 길이)도 돌려준다.

    >>> _ = torch.manual_seed(0)
    >>> layer = DecoderLayer(d_model=8, n_heads=2, d_ff=16)
    >>> memory = torch.randn(2, 4, 8)      # 인코더 출력: 입력 4칸
    >>> y = torch.randn(2, 3, 8)           # 지금까지 만든 출력 3칸
    >>> out, cross = layer(y, memory, need_weights=True)
    >>> out.shape, cross.shape
    (torch.Size([2, 3, 8]), torch.Size([2, 2, 3, 4]))
    """

    def __init__(self, d_model, n_heads, d_ff, dropout=0.0, use_fused=False):
        super().__init__()
        self.norm1 = nn.LayerNorm(d_model)
        self.self_attn = MultiHeadAttention(d_model, n_heads, use_fused=use_fused)
        self.norm2 = nn.LayerNorm(d_model)
        self.cross_attn = MultiHeadAttention(d_model, n_heads, use_fused=use_fused)
        self.norm3 = nn.LayerNorm(d_model)
        self.ffn = feed_forward(d_model, d_ff, dropout)
        self.dropout = nn.Dropout(dropout)

    def forward(self, y, memory, memory_mask=None, need_weights=False):
        h = self.norm1(y)
        attended, _ = self.self_attn(h, h, h, is_causal=True)
        y = y + self.dropout(attended)
        h = self.norm2(y)
        attended, weights = self.cross_attn(
            h, memory, memory, mask=memory_mask, need_weights=need_weights
        )
        y = y + self.dropout(attended)
        return y + self.ffn(self.norm3(y)), weights


# --8<-- [end:decoder_layer]


class Embedding(nn.Module):
    """토큰 임베딩 × √d_model + 사인파 위치 인코딩."""

    def __init__(self, vocab_size, d_model, max_len, dropout=0.0):
        super().__init__()
        self.token = nn.Embedding(vocab_size, d_model)
        self.register_buffer("position", positional_encoding(max_len, d_model), persistent=False)
        self.scale = math.sqrt(d_model)
        self.dropout = nn.Dropout(dropout)

    def forward(self, tokens):
        return self.dropout(self.token(tokens) * self.scale + self.position[: tokens.size(1)])


@dataclass
class Seq2SeqConfig:
    """인코더-디코더의 크기. 프리셋(train.PRESETS)이 값을 정한다."""

    src_vocab: int
    tgt_vocab: int
    d_model: int = 64
    n_heads: int = 4
    n_encoder_layers: int = 2
    n_decoder_layers: int = 2
    d_ff: int = 256
    max_len: int = 32
    dropout: float = 0.0
    fused_attention: bool = False


class Seq2SeqTransformer(nn.Module):
    """인코더-디코더 트랜스포머. 숫자(입력)를 한국어 읽기(출력)로 옮긴다."""

    def __init__(self, config: Seq2SeqConfig):
        super().__init__()
        self.config = config
        c = config
        self.src_embed = Embedding(c.src_vocab, c.d_model, c.max_len, c.dropout)
        self.tgt_embed = Embedding(c.tgt_vocab, c.d_model, c.max_len, c.dropout)
        self.encoder = nn.ModuleList(
            EncoderLayer(c.d_model, c.n_heads, c.d_ff, c.dropout, c.fused_attention)
            for _ in range(c.n_encoder_layers)
        )
        self.decoder = nn.ModuleList(
            DecoderLayer(c.d_model, c.n_heads, c.d_ff, c.dropout, c.fused_attention)
            for _ in range(c.n_decoder_layers)
        )
        self.encoder_norm = nn.LayerNorm(c.d_model)
        self.decoder_norm = nn.LayerNorm(c.d_model)
        self.head = nn.Linear(c.d_model, c.tgt_vocab)

    def encode(self, src, src_mask=None):
        """src: (B, S) 토큰 → memory: (B, S, d_model). src_mask는 attention.padding_mask의 모양."""
        x = self.src_embed(src)
        for layer in self.encoder:
            x = layer(x, mask=src_mask)
        return self.encoder_norm(x)

    def decode(self, tgt, memory, src_mask=None, need_weights=False):
        """tgt: (B, T) → (로짓 (B, T, 어휘), 마지막 층의 교차 어텐션 가중치 또는 None)."""
        y = self.tgt_embed(tgt)
        weights = None
        for layer in self.decoder:
            y, weights = layer(y, memory, memory_mask=src_mask, need_weights=need_weights)
        return self.head(self.decoder_norm(y)), weights

    def forward(self, src, tgt, src_mask=None):
        logits, _ = self.decode(tgt, self.encode(src, src_mask), src_mask)
        return logits


# --8<-- [start:greedy_decode]
@torch.no_grad()
def greedy_decode(model, src, bos_id, eos_id, max_len, src_mask=None):
    """매 단계 확률이 가장 큰 토큰 하나를 골라 이어 붙인다. 모든 줄이 EOS를 내면 멈춘다.

    인코더는 한 번만 돌리고, 디코더는 지금까지 만든 접두사 전체를 다시 읽는다(KV 캐시 없이 단순하게).
    돌려주는 텐서는 BOS로 시작하고, EOS 뒤의 자리는 EOS로 채워진다.

    >>> _ = torch.manual_seed(0)
    >>> model = Seq2SeqTransformer(Seq2SeqConfig(src_vocab=10, tgt_vocab=6, d_model=8, n_heads=2, d_ff=16))
    >>> out = greedy_decode(model.eval(), torch.tensor([[3, 0, 5, 2]]), bos_id=1, eos_id=2, max_len=5)
    >>> out.shape[0], out[0, 0].item(), out.shape[1] <= 5
    (1, 1, True)
    """
    memory = model.encode(src, src_mask)
    out = torch.full((src.size(0), 1), bos_id, dtype=torch.long, device=src.device)
    finished = torch.zeros(src.size(0), dtype=torch.bool, device=src.device)
    for _ in range(max_len - 1):
        logits, _ = model.decode(out, memory, src_mask)
        next_token = logits[:, -1].argmax(dim=-1)
        next_token = next_token.masked_fill(finished, eos_id)  # 끝난 줄은 EOS로 채운다
        out = torch.cat([out, next_token[:, None]], dim=1)
        finished |= next_token == eos_id
        if finished.all():
            break
    return out


# --8<-- [end:greedy_decode]


@dataclass
class LMConfig:
    """디코더만 쓰는 문자 언어 모델의 크기."""

    vocab_size: int
    d_model: int = 64
    n_heads: int = 4
    n_layers: int = 2
    d_ff: int = 256
    block_size: int = 64
    dropout: float = 0.0
    fused_attention: bool = False


class CausalLM(nn.Module):
    """GPT처럼 인과 셀프 어텐션 층(is_causal=True인 EncoderLayer)을 쌓은 언어 모델."""

    def __init__(self, config: LMConfig):
        super().__init__()
        self.config = config
        c = config
        self.embed = Embedding(c.vocab_size, c.d_model, c.block_size, c.dropout)
        self.layers = nn.ModuleList(
            EncoderLayer(c.d_model, c.n_heads, c.d_ff, c.dropout, c.fused_attention)
            for _ in range(c.n_layers)
        )
        self.norm = nn.LayerNorm(c.d_model)
        self.head = nn.Linear(c.d_model, c.vocab_size)

    def forward(self, tokens):
        """tokens: (B, T) → 다음 토큰 로짓 (B, T, 어휘)."""
        x = self.embed(tokens)
        for layer in self.layers:
            x = layer(x, is_causal=True)
        return self.head(self.norm(x))

    @torch.no_grad()
    def generate(self, tokens, n_new, temperature=0.8, generator=None):
        """마지막 block_size 토큰을 보고 다음 토큰을 표본 추출하기를 n_new 번 한다."""
        for _ in range(n_new):
            logits = self(tokens[:, -self.config.block_size :])[:, -1] / temperature
            probs = logits.float().softmax(dim=-1)
            next_token = torch.multinomial(probs, 1, generator=generator)
            tokens = torch.cat([tokens, next_token], dim=1)
        return tokens


def count_parameters(model):
    return sum(p.numel() for p in model.parameters())


def config_dict(config):
    return asdict(config)


def set_fused_attention(model, flag):
    """모델 안의 모든 멀티헤드 어텐션을 처음부터 짠 경로(False)나 F.scaled_dot_product_attention(True)으로 바꾼다."""
    for module in model.modules():
        if isinstance(module, MultiHeadAttention):
            module.use_fused = flag
    return model

"""어텐션의 부품을 처음부터 짠다: 스케일드 닷프로덕트 어텐션, 멀티헤드 어텐션, 위치 인코딩, 마스크.

노트가 보여 주는 코드가 곧 데모 모델이 학습하는 코드다. 학습할 때는 속도를 위해
`MultiHeadAttention(use_fused=True)`로 PyTorch의 `F.scaled_dot_product_attention`(플래시·메모리 효율
커널)을 부를 수 있는데, 수식은 같고 테스트가 두 경로의 결과가 같은지 확인한다.

마스크 규칙은 `F.scaled_dot_product_attention`의 불리언 마스크와 같다: **True인 자리만 본다.**
"""

from __future__ import annotations

import math

import torch
import torch.nn.functional as F
from torch import nn


# --8<-- [start:scaled_dot_product_attention]
def scaled_dot_product_attention(query, key, value, mask=None, is_causal=False):
    """softmax(Q Kᵀ / √d_k) V를 계산해 (출력, 어텐션 가중치)를 돌려준다.

    query: (..., L, d_k), key: (..., S, d_k), value: (..., S, d_v).
    mask: (..., L, S)로 브로드캐스트되는 불리언 텐서. True인 자리만 본다.
    is_causal: True면 i번째 쿼리가 j > i인 키를 보지 못하게 한다.

    >>> q = torch.tensor([[1.0, 0.0], [0.0, 1.0]])
    >>> k = torch.tensor([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]])
    >>> v = torch.tensor([[10.0], [20.0], [30.0]])
    >>> out, weights = scaled_dot_product_attention(q, k, v)
    >>> weights.sum(-1)                 # 쿼리마다 가중치 합은 1
    tensor([1., 1.])
    >>> [round(w, 3) for w in weights[0].tolist()]
    [0.401, 0.198, 0.401]
    >>> out, weights = scaled_dot_product_attention(q, k, v, mask=torch.tensor([True, True, False]))
    >>> weights[:, 2]                   # 가려진 키는 가중치가 0
    tensor([0., 0.])
    """
    d_k = query.size(-1)
    scores = query @ key.transpose(-2, -1) / math.sqrt(d_k)  # (..., L, S)
    if is_causal:
        causal = causal_mask(query.size(-2), key.size(-2), device=query.device)
        mask = causal if mask is None else mask & causal
    if mask is not None:
        scores = scores.masked_fill(~mask, float("-inf"))
    weights = scores.softmax(dim=-1)
    return weights @ value, weights


# --8<-- [end:scaled_dot_product_attention]


# --8<-- [start:causal_mask]
def causal_mask(length, key_length=None, device=None):
    """인과 마스크: i번째 위치는 0..i만 본다(아래 삼각형이 True).

    >>> causal_mask(4).int()
    tensor([[1, 0, 0, 0],
            [1, 1, 0, 0],
            [1, 1, 1, 0],
            [1, 1, 1, 1]], dtype=torch.int32)
    """
    key_length = length if key_length is None else key_length
    return torch.ones(length, key_length, dtype=torch.bool, device=device).tril()


# --8<-- [end:causal_mask]


# --8<-- [start:padding_mask]
def padding_mask(tokens, pad_id):
    """패딩 마스크: 키가 진짜 토큰이면 True. 모양은 (B, 1, 1, S)라 (B, 헤드, L, S)로 퍼진다.

    >>> tokens = torch.tensor([[5, 6, 7, 0], [8, 0, 0, 0]])
    >>> m = padding_mask(tokens, pad_id=0)
    >>> m.shape
    torch.Size([2, 1, 1, 4])
    >>> m[:, 0, 0].int()
    tensor([[1, 1, 1, 0],
            [1, 0, 0, 0]], dtype=torch.int32)
    """
    return (tokens != pad_id)[:, None, None, :]


# --8<-- [end:padding_mask]


# --8<-- [start:multi_head_attention]
class MultiHeadAttention(nn.Module):
    """멀티헤드 어텐션. d_model을 n_heads 개의 헤드로 나눠 각자 어텐션한 뒤 다시 잇는다.

    W_q, W_k, W_v는 입력을 쿼리·키·밸류로 비추고, W_o는 이어 붙인 헤드들을 다시 섞는다.
    use_fused=True면 같은 계산을 `F.scaled_dot_product_attention`에 맡긴다(GPU에서 플래시 커널).
    어텐션 가중치가 필요하면(need_weights=True) 언제나 처음부터 짠 경로로 계산한다.
    두 경로는 모든 쿼리가 키를 하나 이상 볼 때 같은 값을 낸다. 키를 모두 가린 행에서는 처음부터 짠
    경로가 nan을, F.scaled_dot_product_attention이 0을 낸다(어텐션 노트의 '모두 가린 행').

    >>> _ = torch.manual_seed(0)
    >>> mha = MultiHeadAttention(d_model=8, n_heads=2)
    >>> x = torch.randn(3, 5, 8)                   # (배치, 길이, d_model)
    >>> out, weights = mha(x, x, x, is_causal=True, need_weights=True)
    >>> out.shape, weights.shape                  # 가중치는 헤드마다 (L, S)
    (torch.Size([3, 5, 8]), torch.Size([3, 2, 5, 5]))
    >>> mha.use_fused = True
    >>> fused, _ = mha(x, x, x, is_causal=True)
    >>> torch.allclose(out, fused, atol=1e-6)
    True
    """

    def __init__(self, d_model, n_heads, use_fused=False):
        super().__init__()
        if d_model % n_heads:
            raise ValueError(f"d_model({d_model})이 n_heads({n_heads})로 나누어떨어지지 않습니다")
        self.n_heads, self.d_head = n_heads, d_model // n_heads
        self.W_q = nn.Linear(d_model, d_model)
        self.W_k = nn.Linear(d_model, d_model)
        self.W_v = nn.Linear(d_model, d_model)
        self.W_o = nn.Linear(d_model, d_model)
        self.use_fused = use_fused

    def split_heads(self, x):
        """(B, L, d_model) → (B, 헤드, L, d_head)"""
        batch, length, _ = x.shape
        return x.view(batch, length, self.n_heads, self.d_head).transpose(1, 2)

    def forward(self, query, key, value, mask=None, is_causal=False, need_weights=False):
        q = self.split_heads(self.W_q(query))
        k = self.split_heads(self.W_k(key))
        v = self.split_heads(self.W_v(value))
        if self.use_fused and not need_weights:
            out = F.scaled_dot_product_attention(q, k, v, attn_mask=mask, is_causal=is_causal)
            weights = None
        else:
            out, weights = scaled_dot_product_attention(q, k, v, mask=mask, is_causal=is_causal)
        batch, _, length, _ = out.shape
        out = out.transpose(1, 2).reshape(
            batch, length, self.n_heads * self.d_head
        )  # 헤드를 다시 잇는다
        return self.W_o(out), weights


# --8<-- [end:multi_head_attention]


# --8<-- [start:positional_encoding]
def positional_encoding(max_len, d_model):
    """사인파 위치 인코딩. PE[pos, 2i] = sin(pos / 10000^(2i/d)), PE[pos, 2i+1] = cos(같은 각).

    >>> pe = positional_encoding(max_len=50, d_model=8)
    >>> pe.shape
    torch.Size([50, 8])
    >>> pe[0]                                      # 0번 위치: sin 0 = 0, cos 0 = 1
    tensor([0., 1., 0., 1., 0., 1., 0., 1.])
    >>> [round(x, 3) for x in pe[1, :4].tolist()]  # 앞쪽 차원일수록 빨리 돈다
    [0.841, 0.54, 0.1, 0.995]
    """
    position = torch.arange(max_len, dtype=torch.float32)[:, None]  # (max_len, 1)
    frequency = torch.exp(
        torch.arange(0, d_model, 2, dtype=torch.float32) * (-math.log(10000.0) / d_model)
    )
    pe = torch.zeros(max_len, d_model)
    pe[:, 0::2] = torch.sin(position * frequency)
    pe[:, 1::2] = torch.cos(position * frequency)
    return pe


# --8<-- [end:positional_encoding]

"""연습 문제 transformer/pre-ln — pre-LN 인코더 층의 순전파를 부품으로 다시 짠다.

layer는 nn.TransformerEncoderLayer(d_model, nhead, dim_feedforward, dropout=0.0, batch_first=True,
norm_first=True)다. layer(x)를 부르지 말고, 그 부품만으로 같은 값을 만든다. 쓸 부품은 다음과 같다.

- layer.norm1, layer.norm2: 층 정규화
- layer.self_attn: nn.MultiheadAttention. self_attn(q, k, v, attn_mask=..., need_weights=False)는
  (출력, None)을 돌려준다
- layer.linear1, layer.activation, layer.linear2: FFN
- layer.dropout, layer.dropout1, layer.dropout2: 드롭아웃(여기서는 비율 0)

x는 (B, L, d_model)이다. causal=True면 i번째 위치가 j > i인 위치를 보지 못하게 한다. 결과는
causal=False일 때 layer(x)와, causal=True일 때 layer(x, src_mask=인과 마스크, is_causal=True)와 같아야 한다.

검사: python -m snippets.exercises check transformer/pre-ln
"""

import torch
from torch import nn


def pre_ln_forward(
    layer: nn.TransformerEncoderLayer, x: torch.Tensor, causal: bool = False
) -> torch.Tensor:
    """layer의 부품으로 pre-LN 층의 순전파를 계산한다."""
    raise NotImplementedError("여기를 채운다")

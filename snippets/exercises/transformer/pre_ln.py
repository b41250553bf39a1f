"""연습 문제 transformer/pre-ln: nn.TransformerEncoderLayer(norm_first=True)의 순전파를 부품으로 다시 짠다."""

import torch
from torch import nn

from snippets.exercises.checks import Case, close


# --8<-- [start:solution]
def pre_ln_forward(
    layer: nn.TransformerEncoderLayer, x: torch.Tensor, causal: bool = False
) -> torch.Tensor:
    """norm_first=True, batch_first=True인 layer의 부품으로 layer(x)와 같은 값을 만든다.

    >>> _ = torch.manual_seed(0)
    >>> layer = nn.TransformerEncoderLayer(8, 2, 16, dropout=0.0, batch_first=True, norm_first=True)
    >>> x = torch.randn(2, 5, 8)
    >>> torch.allclose(pre_ln_forward(layer, x), layer(x), atol=1e-6)
    True
    """
    mask = None
    if causal:
        length = x.shape[1]
        # nn.MultiheadAttention의 불리언 attn_mask는 True가 '가린다'다: 대각선 위쪽을 가린다.
        mask = torch.ones(length, length, dtype=torch.bool, device=x.device).triu(1)
    h = layer.norm1(x)  # 부층에 넣기 전에 정규화한다
    attended, _ = layer.self_attn(h, h, h, attn_mask=mask, need_weights=False)
    x = x + layer.dropout1(attended)  # 잔차: 정규화하지 않은 x에 더한다
    h = layer.linear2(layer.dropout(layer.activation(layer.linear1(layer.norm2(x)))))
    return x + layer.dropout2(h)


# --8<-- [end:solution]


def _layer(activation="gelu", seed=0):
    torch.manual_seed(seed)
    layer = nn.TransformerEncoderLayer(
        d_model=16,
        nhead=4,
        dim_feedforward=32,
        dropout=0.0,
        activation=activation,
        batch_first=True,
        norm_first=True,
    )
    return layer.eval()


def _randn(*shape, seed):
    return torch.randn(*shape, generator=torch.Generator().manual_seed(seed))


def _order_hint(layer, x):
    """흔한 오답: post-LN 순서(LN(x + 부층(x)))로 짰다."""

    def post_ln(x):
        attended, _ = layer.self_attn(x, x, x, need_weights=False)
        x = layer.norm1(x + attended)
        return layer.norm2(x + layer.linear2(layer.activation(layer.linear1(x))))

    def hint(got):
        with torch.no_grad():
            if isinstance(got, torch.Tensor) and got.shape == x.shape:
                if torch.allclose(got, post_ln(x), atol=1e-5):
                    return (
                        "post-LN 순서로 짰다: LN(x + 부층(x)). pre-LN은 x + 부층(LN(x))이다. "
                        "먼저 정규화해 부층에 넣고, 부층의 출력을 정규화하지 않은 x에 더한다."
                    )
        return "pre-LN: x ← x + 셀프 어텐션(norm1(x)), 그다음 x ← x + FFN(norm2(x))이다."

    return hint


def cases() -> list[Case]:
    layer = _layer()
    relu_layer = _layer(activation="relu", seed=1)
    x = _randn(2, 5, 16, seed=2)
    with torch.no_grad():
        plain = layer(x)
        causal_mask = nn.Transformer.generate_square_subsequent_mask(5)
        causal = layer(x, src_mask=causal_mask, is_causal=True)
        relu = relu_layer(x)

    def run(f, which=layer, **kwargs):
        with torch.no_grad():
            return f(which, x, **kwargs)

    return [
        Case(
            "배치 (2, 5, 16), 마스크 없음: layer(x)와 같은가",
            run,
            plain,
            _order_hint(layer, x),
            close(atol=1e-5),
        ),
        Case(
            "causal=True: layer(x, src_mask=인과 마스크)와 같은가",
            lambda f: run(f, causal=True),
            causal,
            "nn.MultiheadAttention의 불리언 attn_mask는 True가 '가린다'다. "
            "i번째 쿼리가 j > i인 키를 못 보게 대각선 위쪽(triu(1))을 True로 둔다.",
            close(atol=1e-5),
        ),
        Case(
            "activation='relu'인 층",
            lambda f: run(f, which=relu_layer),
            relu,
            "FFN의 활성화 함수를 직접 고르지 말고 layer.activation을 쓴다.",
            close(atol=1e-5),
        ),
    ]

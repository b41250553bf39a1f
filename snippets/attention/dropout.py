"""트랜스포머에서 드롭아웃이 들어가는 자리: 임베딩 + 위치 인코딩, 부층의 출력, 어텐션 가중치."""

# --8<-- [start:setup]
import math

import torch
from torch import nn

from snippets.transformer.attention import positional_encoding

# --8<-- [end:setup]


# --8<-- [start:places]
class EmbeddingWithDropout(nn.Module):
    """① 토큰 임베딩 × √d_model에 위치 인코딩을 더한 합에 드롭아웃을 건다."""

    def __init__(self, vocab_size, d_model, max_len, p):
        super().__init__()
        self.token = nn.Embedding(vocab_size, d_model)
        self.register_buffer("position", positional_encoding(max_len, d_model), persistent=False)
        self.dropout = nn.Dropout(p)

    def forward(self, tokens):
        x = self.token(tokens) * math.sqrt(self.token.embedding_dim)
        return self.dropout(x + self.position[: tokens.size(1)])


class PostLNLayerWithDropout(nn.Module):
    """원 논문 배치(post-LN)의 인코더 층에 드롭아웃 세 자리를 표시했다."""

    def __init__(self, d_model, n_heads, d_ff, p):
        super().__init__()
        # ③ nn.MultiheadAttention의 dropout은 소프트맥스 뒤의 어텐션 가중치에 걸린다.
        self.attn = nn.MultiheadAttention(d_model, n_heads, dropout=p, batch_first=True)
        self.ffn = nn.Sequential(nn.Linear(d_model, d_ff), nn.ReLU(), nn.Linear(d_ff, d_model))
        self.drop1, self.drop2 = nn.Dropout(p), nn.Dropout(p)
        self.norm1, self.norm2 = nn.LayerNorm(d_model), nn.LayerNorm(d_model)

    def forward(self, x):
        attended, _ = self.attn(x, x, x, need_weights=False)
        x = self.norm1(x + self.drop1(attended))  # ② 부층 출력에, 잔차를 더하기 전에
        return self.norm2(x + self.drop2(self.ffn(x)))  # ② FFN 출력에도 같은 자리


# --8<-- [end:places]


# --8<-- [start:demo]
def dropout_demo(p: float = 0.5, seed: int = 0) -> None:
    """학습 모드와 평가 모드에서 층과 어텐션 가중치가 어떻게 다른지 본다.

    >>> dropout_demo()
    학습 모드: 같은 입력을 두 번 넣으면 출력이 같은가: False
    평가 모드: 같은 입력을 두 번 넣으면 출력이 같은가: True
    학습 모드의 어텐션 가중치: 행 합이 모두 1인가: False, 0이 아닌 값은 원래의 1/(1 - p)배인가: True
    평가 모드의 어텐션 가중치: 행 합이 모두 1인가: True
    """
    torch.manual_seed(seed)
    embed = EmbeddingWithDropout(vocab_size=20, d_model=8, max_len=16, p=p)
    layer = PostLNLayerWithDropout(d_model=8, n_heads=2, d_ff=16, p=p)
    tokens = torch.randint(20, (2, 6))
    with torch.no_grad():
        for mode in ("학습", "평가"):
            embed.train(mode == "학습")
            layer.train(mode == "학습")
            same = torch.equal(layer(embed(tokens)), layer(embed(tokens)))
            print(f"{mode} 모드: 같은 입력을 두 번 넣으면 출력이 같은가: {same}")
        x = embed(tokens)  # 평가 모드라 드롭아웃 없이
        layer.attn.eval()
        _, clean = layer.attn(x, x, x, average_attn_weights=False)
        layer.attn.train()
        _, dropped = layer.attn(x, x, x, average_attn_weights=False)
    sums_to_one = torch.allclose(dropped.sum(-1), torch.ones(()))
    kept = dropped != 0
    rescaled = torch.allclose(dropped[kept], clean[kept] / (1 - p))
    print(
        f"학습 모드의 어텐션 가중치: 행 합이 모두 1인가: {sums_to_one}, "
        f"0이 아닌 값은 원래의 1/(1 - p)배인가: {rescaled}"
    )
    print(
        "평가 모드의 어텐션 가중치: 행 합이 모두 1인가:",
        torch.allclose(clean.sum(-1), torch.ones(())),
    )


# --8<-- [end:demo]

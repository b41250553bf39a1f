"""트랜스포머 층의 부품을 확인한다: 위치별 FFN, 층 정규화, pre-LN과 post-LN, 교사 강요."""

# --8<-- [start:setup]
import torch
from torch import nn

from snippets.transformer.attention import MultiHeadAttention
from snippets.transformer.model import (
    EncoderLayer,
    Seq2SeqConfig,
    Seq2SeqTransformer,
    feed_forward,
)
from snippets.transformer.numerals import (
    TARGET_VOCAB,
    TOKEN_ID,
    encode_numbers,
    encode_readings,
)

# --8<-- [end:setup]


# --8<-- [start:post_ln_layer]
class PostLNEncoderLayer(nn.Module):
    """원 논문(Vaswani 외, 2017)의 post-LN 인코더 층: x ← LN(x + 부층(x)).

    데모의 EncoderLayer(pre-LN: x ← x + 부층(LN(x)))와 부품은 같고 LN 자리만 다르다.
    """

    def __init__(self, d_model, n_heads, d_ff):
        super().__init__()
        self.self_attn = MultiHeadAttention(d_model, n_heads)
        self.norm1 = nn.LayerNorm(d_model)
        self.ffn = feed_forward(d_model, d_ff, dropout=0.0)
        self.norm2 = nn.LayerNorm(d_model)

    def forward(self, x):
        attended, _ = self.self_attn(x, x, x)
        x = self.norm1(x + attended)  # Add & Norm
        return self.norm2(x + self.ffn(x))  # Add & Norm


# --8<-- [end:post_ln_layer]


# --8<-- [start:residual_stream]
def residual_stream(kind: str, depth: int = 24, d_model: int = 64, seed: int = 0) -> list[float]:
    """초깃값 상태의 층을 depth개 쌓고, 층을 지날 때마다 표준편차를 잰다.

    >>> for kind in ("post", "pre"):
    ...     stds = residual_stream(kind)
    ...     print(kind, [round(s, 2) for s in stds[5::6]])
    post [1.0, 1.0, 1.0, 1.0]
    pre [1.19, 1.38, 1.6, 1.83]
    """
    torch.manual_seed(seed)
    make = {
        "post": lambda: PostLNEncoderLayer(d_model, 4, 4 * d_model),
        "pre": lambda: EncoderLayer(d_model, 4, 4 * d_model),
    }[kind]
    x = torch.randn(8, 16, d_model)
    stds = []
    with torch.no_grad():
        for _ in range(depth):
            x = make()(x)
            stds.append(x.std().item())
    return stds


# --8<-- [end:residual_stream]


# --8<-- [start:position_wise]
def position_wise_check(seed: int = 0) -> None:
    """FFN은 위치마다 따로, 같은 가중치로 적용된다. 층 정규화도 위치마다 따로다.

    >>> position_wise_check()
    FFN을 한꺼번에 = 위치마다 따로: True
    LayerNorm 뒤 위치마다 평균 0: True, 표준편차 1: True
    한 위치만 바꾸면 FFN 출력도 그 위치만 바뀐다: True
    """
    torch.manual_seed(seed)
    ffn = feed_forward(d_model=8, d_ff=32, dropout=0.0)
    x = torch.randn(2, 5, 8)  # (배치, 위치, d_model)
    with torch.no_grad():
        together = ffn(x)
        one_by_one = torch.stack([ffn(x[:, i]) for i in range(5)], dim=1)
        same = torch.allclose(together, one_by_one, atol=1e-6)
        print("FFN을 한꺼번에 = 위치마다 따로:", same)
        y = nn.LayerNorm(8)(x)  # 초깃값: γ = 1, β = 0
        mean_ok = torch.allclose(y.mean(-1), torch.zeros(2, 5), atol=1e-6)
        std = y.std(-1, unbiased=False)
        std_ok = torch.allclose(std, torch.ones(2, 5), atol=1e-4)
        print(f"LayerNorm 뒤 위치마다 평균 0: {mean_ok}, 표준편차 1: {std_ok}")
        x2 = x.clone()
        x2[:, 3] += 1.0
        changed = ((ffn(x2) - together).abs().amax(dim=(0, 2)) > 0).tolist()
        only_3 = changed == [False, False, False, True, False]
        print("한 위치만 바꾸면 FFN 출력도 그 위치만 바뀐다:", only_3)


# --8<-- [end:position_wise]


# --8<-- [start:teacher_forcing_is_safe]
def teacher_forcing_is_safe(seed: int = 0) -> None:
    """정답 전체를 디코더에 넣어도(교사 강요) t번째 예측은 t까지만 본다.

    >>> teacher_forcing_is_safe()
    로짓 모양: (배치 1, 위치 6, 출력 어휘 전체)
    디코더 입력의 넷째 칸 이후를 바꿔도 앞 세 위치의 로짓이 같은가: True
    넷째 위치의 로짓은 바뀌었는가: True
    """
    torch.manual_seed(seed)
    config = Seq2SeqConfig(
        src_vocab=10, tgt_vocab=len(TARGET_VOCAB), d_model=16, n_heads=2, d_ff=32
    )
    model = Seq2SeqTransformer(config).eval()  # 학습 전 모델로 충분하다
    src = encode_numbers([3052], width=4)
    tgt_in, _ = encode_readings(["삼천오십이"], length=6)  # <s> 삼 천 오 십 이
    changed = tgt_in.clone()
    changed[:, 3:] = TOKEN_ID["일"]  # 넷째 칸부터 아무 글자로
    with torch.no_grad():
        logits = model(src, tgt_in)
        logits2 = model(src, changed)
    batch, positions, vocab = logits.shape
    assert vocab == len(TARGET_VOCAB)  # 위치마다 어휘의 모든 토큰에 점수를 낸다
    print(f"로짓 모양: (배치 {batch}, 위치 {positions}, 출력 어휘 전체)")
    same = torch.allclose(logits[:, :3], logits2[:, :3], atol=1e-6)
    print("디코더 입력의 넷째 칸 이후를 바꿔도 앞 세 위치의 로짓이 같은가:", same)
    moved = not torch.allclose(logits[:, 3], logits2[:, 3])
    print("넷째 위치의 로짓은 바뀌었는가:", moved)


# --8<-- [end:teacher_forcing_is_safe]

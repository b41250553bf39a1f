"""트랜스포머 가족: BERT와 GPT의 마스크, ViT의 패치, DALL-E의 토큰, 신경 튜링 기계의 주소 지정."""

# --8<-- [start:setup]
import torch
import torch.nn.functional as F

from snippets.transformer.model import EncoderLayer

# --8<-- [end:setup]


# --8<-- [start:bert_vs_gpt]
def who_sees_the_last_token(is_causal: bool, seed: int = 0) -> list[bool]:
    """마지막 토큰만 바꿨을 때 출력이 달라지는 위치.

    BERT는 모든 위치가 문장 전체를 보고, GPT는 앞 위치가 뒤를 보지 못한다.

    >>> who_sees_the_last_token(is_causal=False)    # BERT
    [True, True, True, True, True]
    >>> who_sees_the_last_token(is_causal=True)     # GPT
    [False, False, False, False, True]
    """
    torch.manual_seed(seed)
    layer = EncoderLayer(d_model=8, n_heads=2, d_ff=16).eval()
    x = torch.randn(1, 5, 8)
    x2 = x.clone()
    x2[:, -1] = torch.randn(8)
    with torch.no_grad():
        before = layer(x, is_causal=is_causal)
        after = layer(x2, is_causal=is_causal)
        diff = (after - before).abs()
    return (diff.amax(dim=(0, 2)) > 1e-6).tolist()


# --8<-- [end:bert_vs_gpt]


# --8<-- [start:patchify]
def patchify(images: torch.Tensor, patch: int) -> torch.Tensor:
    """(B, C, H, W) 이미지를 patch×patch 조각으로 잘라 토큰으로 만든다.

    돌려주는 모양: (B, 조각 수, C·patch·patch)

    >>> images = torch.randn(2, 3, 224, 224)     # ViT-Base의 입력 크기
    >>> tokens = patchify(images, patch=16)
    >>> tuple(tokens.shape)      # 14 × 14 = 196 조각, 조각마다 3·16·16 = 768 값
    (2, 196, 768)
    >>> cls = torch.zeros(2, 1, 768)             # 학습되는 분류 토큰의 자리
    >>> tuple(torch.cat([cls, tokens], dim=1).shape)
    (2, 197, 768)
    >>> x = torch.arange(16.0).reshape(1, 1, 4, 4)
    >>> for patch in patchify(x, 2)[0].tolist():  # 왼쪽 위부터 행 우선
    ...     print(patch)
    [0.0, 1.0, 4.0, 5.0]
    [2.0, 3.0, 6.0, 7.0]
    [8.0, 9.0, 12.0, 13.0]
    [10.0, 11.0, 14.0, 15.0]
    """
    # unfold는 (B, C·p·p, 조각 수)를 돌려준다.
    return F.unfold(images, kernel_size=patch, stride=patch).transpose(1, 2)


# --8<-- [end:patchify]


# --8<-- [start:dalle_tokens]
def dalle_sequence() -> None:
    """DALL-E(Ramesh 외, 2021)가 한 줄로 이어 붙여 모델링하는 토큰 수.

    >>> dalle_sequence()
    텍스트 토큰 256 + 이미지 토큰 32×32 = 1024 → 한 시퀀스 1280
    헤드 하나의 점수 1,638,400개
    """
    text, grid = 256, 32
    total = text + grid * grid
    image = grid * grid
    print(f"텍스트 토큰 {text} + 이미지 토큰 {grid}×{grid} = {image} → 한 시퀀스 {total}")
    print(f"헤드 하나의 점수 {total * total:,}개")


# --8<-- [end:dalle_tokens]


# --8<-- [start:ntm_read]
def ntm_read(memory: torch.Tensor, key: torch.Tensor, beta: float):
    """신경 튜링 기계의 내용 기반 주소 지정과 읽기.

    w_i = softmax(β · cos(key, M_i)),  r = Σ w_i M_i
    점수가 코사인 유사도일 뿐 어텐션과 같은 식이다.

    >>> memory = torch.tensor([[1., 0., 0.], [0., 1., 0.],
    ...                        [0., 0., 1.], [1., 1., 0.]])   # 칸 4개
    >>> key = torch.tensor([1., 0.1, 0.])
    >>> for beta in (1.0, 20.0):
    ...     w, r = ntm_read(memory, key, beta)
    ...     rounded = lambda t: [round(x, 2) for x in t.tolist()]
    ...     print(beta, rounded(w), rounded(r))
    1.0 [0.39, 0.16, 0.14, 0.31] [0.7, 0.47, 0.14]
    20.0 [0.99, 0.0, 0.0, 0.01] [1.0, 0.01, 0.0]
    """
    similarity = F.cosine_similarity(memory, key[None, :], dim=-1)  # 칸마다
    weights = (beta * similarity).softmax(dim=-1)
    return weights, weights @ memory


# --8<-- [end:ntm_read]


# --8<-- [start:ntm_write]
def ntm_write(memory: torch.Tensor, weights: torch.Tensor, erase: torch.Tensor, add: torch.Tensor):
    """신경 튜링 기계의 쓰기: 칸마다 가중치만큼 지우고(erase) 더한다(add).

    M_t(i) = M_{t-1}(i) ∘ [1 - w_t(i) e_t] + w_t(i) a_t
    erase의 성분은 0과 1 사이다. 가중치가 0인 칸은 그대로 남는다.

    >>> memory = torch.tensor([[1., 2.], [3., 4.], [5., 6.]])   # 칸 3개
    >>> one_hot = torch.tensor([0., 1., 0.])                    # 둘째 칸만 집는다
    >>> ntm_write(memory, one_hot, erase=torch.ones(2), add=torch.tensor([9., 9.]))
    tensor([[1., 2.],
            [9., 9.],
            [5., 6.]])
    >>> ntm_write(memory, one_hot, erase=torch.ones(2), add=torch.zeros(2))  # 지우기만
    tensor([[1., 2.],
            [0., 0.],
            [5., 6.]])
    >>> soft = torch.tensor([0.5, 0.5, 0.])                     # 두 칸에 반씩
    >>> ntm_write(memory, soft, erase=torch.ones(2), add=torch.tensor([10., 10.]))
    tensor([[5.5000, 6.0000],
            [6.5000, 7.0000],
            [5.0000, 6.0000]])
    """
    w = weights[:, None]  # (칸, 1): 칸마다 같은 비율로 한 줄 전체에 쓴다
    return memory * (1 - w * erase[None, :]) + w * add[None, :]


# --8<-- [end:ntm_write]

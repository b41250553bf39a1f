"""손으로 만든 임베딩과 투영으로 보는 셀프 어텐션: 쿼리는 '찾는 것', 키는 '내놓는 것'."""

# --8<-- [start:setup]
import torch

from snippets.transformer.attention import scaled_dot_product_attention

# --8<-- [end:setup]


# --8<-- [start:toy_sentence]
TOKENS = ["고양이가", "생선을", "먹고", "그것은", "잠들었다"]
FEATURES = ["동물", "음식", "타동사", "자동사", "대명사"]
X = torch.tensor(
    [
        # 동물 음식 타동사 자동사 대명사
        [1.0, 0.0, 0.0, 0.0, 0.0],  # 고양이가
        [0.0, 1.0, 0.0, 0.0, 0.0],  # 생선을
        [0.0, 0.0, 1.0, 0.0, 0.0],  # 먹고
        [0.0, 0.0, 0.0, 0.0, 1.0],  # 그것은
        [0.0, 0.0, 0.0, 1.0, 0.0],  # 잠들었다
    ]
)
ROLES = ["주어", "목적어", "서술어", "선행사"]  # 쿼리·키 공간의 네 축
# 키: 각 단어가 내놓는 것. 동물과 대명사는 주어가 되고, 동물은 선행사도 된다.
W_K = torch.tensor(
    [
        # 주어 목적어 서술어 선행사
        [1.0, 0.0, 0.0, 1.0],  # 동물
        [0.0, 1.0, 0.0, 0.0],  # 음식
        [0.0, 0.0, 1.0, 0.0],  # 타동사
        [0.0, 0.0, 1.0, 0.0],  # 자동사
        [1.0, 0.0, 0.0, 0.0],  # 대명사
    ]
)
# 쿼리: 각 단어가 찾는 것. 타동사는 주어와 목적어를, 자동사는 주어를,
# 명사는 서술어를, 대명사는 가리킬 선행사를 찾는다.
W_Q = torch.tensor(
    [
        [0.0, 0.0, 1.0, 0.0],  # 동물
        [0.0, 0.0, 1.0, 0.0],  # 음식
        [1.0, 1.0, 0.0, 0.0],  # 타동사
        [1.0, 0.0, 0.0, 0.0],  # 자동사
        [0.0, 0.0, 0.0, 1.0],  # 대명사
    ]
)


def toy_attention(strength: float = 2.5, is_causal: bool = False) -> torch.Tensor:
    """(단어 5 × 단어 5) 어텐션 가중치. strength: 투영의 크기(클수록 뚜렷하다)."""
    Q, K = strength * X @ W_Q, strength * X @ W_K
    _, weights = scaled_dot_product_attention(Q, K, X, is_causal=is_causal)
    return weights


# --8<-- [end:toy_sentence]


# --8<-- [start:toy_report]
def toy_report(is_causal: bool = False) -> None:
    """가중치 표. 행은 쿼리 단어(보는 쪽), 열은 키 단어(보이는 쪽), 행의 합은 1.

    >>> toy_report()
              고양이가    생선을      먹고    그것은  잠들었다
    고양이가      0.02      0.02      0.47      0.02      0.47
      생선을      0.02      0.02      0.47      0.02      0.47
        먹고      0.32      0.32      0.01      0.32      0.01
      그것은      0.85      0.04      0.04      0.04      0.04
    잠들었다      0.47      0.02      0.02      0.47      0.02
    >>> toy_report(is_causal=True)
              고양이가    생선을      먹고    그것은  잠들었다
    고양이가      1.00      0.00      0.00      0.00      0.00
      생선을      0.50      0.50      0.00      0.00      0.00
        먹고      0.49      0.49      0.02      0.00      0.00
      그것은      0.88      0.04      0.04      0.04      0.00
    잠들었다      0.47      0.02      0.02      0.47      0.02
    """
    weights = toy_attention(is_causal=is_causal)

    def pad(word, width):  # 한글 한 글자는 고정폭 글꼴에서 두 칸을 차지한다
        return " " * (width - 2 * len(word)) + word

    print(" " * 8 + "".join(pad(w, 10) for w in TOKENS))
    for word, row in zip(TOKENS, weights.tolist(), strict=True):
        print(pad(word, 8) + "".join(f"{x:10.2f}" for x in row))


# --8<-- [end:toy_report]


# --8<-- [start:context]
def contextual_output(words: list[str], word: str, strength: float = 2.5) -> torch.Tensor:
    """문장 words 속 word 자리의 셀프 어텐션 출력. 밸류는 임베딩(특성) 그대로다."""
    x = X[[TOKENS.index(w) for w in words]]
    out, _ = scaled_dot_product_attention(strength * x @ W_Q, strength * x @ W_K, x)
    return out[words.index(word)]


def same_word_two_sentences(seed: int = 0) -> None:
    """같은 단어 '그것은'이 두 문장에서 받는 표현: 어텐션과 위치별 MLP.

    MLP의 가중치는 학습이 끝나면 고정이라 같은 입력에 늘 같은 출력을 낸다.
    어텐션의 섞는 비율은 문장에서 계산되므로 문장이 바뀌면 출력도 바뀐다.

    >>> same_word_two_sentences()
    특성 순서: 동물, 음식, 타동사, 자동사, 대명사
    고양이가 생선을 먹고 그것은 잠들었다 → [0.85, 0.04, 0.04, 0.04, 0.04]
    생선을 먹고 그것은 잠들었다 → [0.0, 0.25, 0.25, 0.25, 0.25]
    위치별 MLP의 출력은 두 문장에서 같은가: True
    어텐션의 출력은 두 문장에서 같은가: False
    """
    torch.manual_seed(seed)
    mlp = torch.nn.Sequential(torch.nn.Linear(5, 8), torch.nn.ReLU(), torch.nn.Linear(8, 5))
    sentences = [TOKENS, ["생선을", "먹고", "그것은", "잠들었다"]]
    print("특성 순서:", ", ".join(FEATURES))
    attended, mlp_out = [], []
    for words in sentences:
        out = contextual_output(words, "그것은")
        attended.append(out)
        mlp_out.append(mlp(X[TOKENS.index("그것은")]))  # 위치마다 따로: 문맥을 보지 않는다
        print(" ".join(words), "→", [round(v, 2) for v in out.tolist()])
    print("위치별 MLP의 출력은 두 문장에서 같은가:", torch.equal(*mlp_out))
    print("어텐션의 출력은 두 문장에서 같은가:", torch.allclose(*attended))


# --8<-- [end:context]

"""BERT의 사전 학습 데이터 만들기: 가린 토큰 맞히기(80/10/10 규칙)와 다음 문장 예측."""

# --8<-- [start:setup]
import torch

IGNORE = -100  # nn.CrossEntropyLoss의 ignore_index 기본값: 이 자리는 손실에서 빠진다

# --8<-- [end:setup]


# --8<-- [start:masking]
def bert_mask(tokens, vocab_size, mask_id, generator, select_prob=0.15):
    """토큰의 select_prob를 골라, 고른 것의 80%는 [MASK], 10%는 무작위 토큰, 10%는 그대로 둔다.

    돌려주는 값: (모델 입력, 정답). 정답은 고른 자리에만 원래 토큰이 있고 나머지는 IGNORE다.
    실제 구현은 [CLS], [SEP], 패딩 같은 특수 토큰을 고르지 않는다. 여기서는 모두 보통 토큰이라고 둔다.
    """
    selected = torch.rand(tokens.shape, generator=generator) < select_prob
    roll = torch.rand(tokens.shape, generator=generator)  # 고른 토큰을 셋으로 나눌 주사위
    to_mask = selected & (roll < 0.8)
    to_random = selected & (roll >= 0.8) & (roll < 0.9)  # 나머지 0.1은 그대로 둔다
    inputs = tokens.clone()
    inputs[to_mask] = mask_id
    inputs[to_random] = torch.randint(vocab_size, (int(to_random.sum()),), generator=generator)
    labels = torch.where(selected, tokens, IGNORE)
    return inputs, labels


# --8<-- [end:masking]


# --8<-- [start:masking_demo]
def masking_proportions(seed: int = 0) -> None:
    """토큰을 많이 뽑아 비율을 센다. 고른 토큰 가운데 무엇이 되었는지 본다.

    >>> masking_proportions()
    토큰 102,400개 중 고른 비율: 0.15
    고른 것 중 [MASK]: 0.80, 무작위 토큰: 0.10, 그대로: 0.10
    정답이 있는 자리 = 고른 자리: True
    """
    g = torch.Generator().manual_seed(seed)
    mask_id, vocab_size = 4, 1000  # 0~4는 특수 토큰 자리로 비워 둔다
    tokens = torch.randint(5, vocab_size, (200, 512), generator=g)
    inputs, labels = bert_mask(tokens, vocab_size, mask_id, g)
    selected = labels != IGNORE
    print(f"토큰 {tokens.numel():,}개 중 고른 비율: {selected.float().mean():.2f}")
    became = inputs[selected]
    original = tokens[selected]
    masked = (became == mask_id).float().mean()
    random = ((became != mask_id) & (became != original)).float().mean()
    kept = (became == original).float().mean()
    print(f"고른 것 중 [MASK]: {masked:.2f}, 무작위 토큰: {random:.2f}, 그대로: {kept:.2f}")
    print("정답이 있는 자리 = 고른 자리:", torch.equal(labels[selected], original))


# --8<-- [end:masking_demo]


# --8<-- [start:next_sentence]
def nsp_input(first: list[str], second: list[str]) -> tuple[list[str], list[int]]:
    """두 문장을 [CLS] A [SEP] B [SEP] 한 줄로 잇고, 문장 A는 0, B는 1인 구간 번호를 붙인다."""
    tokens = ["[CLS]", *first, "[SEP]", *second, "[SEP]"]
    segments = [0] * (len(first) + 2) + [1] * (len(second) + 1)
    return tokens, segments


def nsp_pairs(sentences: list[list[str]], generator) -> list[tuple[list[str], list[str], bool]]:
    """문장마다 절반은 실제 다음 문장(IsNext), 절반은 다른 곳의 문장(NotNext)과 짝짓는다.

    >>> doc = [["고양이가", "생선을", "먹었다"], ["그리고", "잠들었다"], ["비가", "온다"]]
    >>> tokens, segments = nsp_input(doc[0], doc[1])
    >>> print(" ".join(tokens))
    [CLS] 고양이가 생선을 먹었다 [SEP] 그리고 잠들었다 [SEP]
    >>> segments
    [0, 0, 0, 0, 0, 1, 1, 1]
    >>> g = torch.Generator().manual_seed(0)
    >>> many = [[f"문장{i}"] for i in range(1001)]
    >>> pairs = nsp_pairs(many, g)
    >>> round(sum(is_next for _, _, is_next in pairs) / len(pairs), 2)   # IsNext의 비율
    0.5
    >>> all(b == many[many.index(a) + 1] for a, b, is_next in pairs if is_next)
    True
    """
    pairs = []
    for i in range(len(sentences) - 1):
        if torch.rand((), generator=generator) < 0.5:
            pairs.append((sentences[i], sentences[i + 1], True))
        else:
            # 실제 다음 문장과 자기 자신을 뺀 나머지에서 하나를 고른다.
            others = [j for j in range(len(sentences)) if j not in (i, i + 1)]
            j = others[int(torch.randint(len(others), (), generator=generator))]
            pairs.append((sentences[i], sentences[j], False))
    return pairs


# --8<-- [end:next_sentence]

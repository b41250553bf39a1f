"""출력을 고르는 법: 탐욕적 디코딩, 빔 탐색, 그리고 온도·top-k·top-p 샘플링."""

# --8<-- [start:setup]
import math
from collections.abc import Callable

import torch
from torch import Tensor

# 다음 토큰의 로그 확률을 돌려주는 모델: 지금까지의 토큰 번호들 -> (V,) 텐서
NextLogProbs = Callable[[tuple[int, ...]], Tensor]
# --8<-- [end:setup]


# --8<-- [start:toy_model]
WORDS = ["<eos>", "<bos>", "고양이가", "강아지가", "잔다", "논다", "짖는다"]
EOS, BOS = 0, 1

# 바로 앞 낱말 -> 다음 낱말의 확률. 첫 낱말만 보면 '고양이가'가 낫지만,
# '강아지가' 뒤에는 '짖는다'가 거의 확실하게 온다.
NEXT = {
    "<bos>": {"고양이가": 0.5, "강아지가": 0.4, "<eos>": 0.1},
    "고양이가": {"잔다": 0.45, "논다": 0.35, "<eos>": 0.2},
    "강아지가": {"짖는다": 0.9, "잔다": 0.1},
    "잔다": {"<eos>": 1.0},
    "논다": {"<eos>": 1.0},
    "짖는다": {"<eos>": 1.0},
}


def toy_model(prefix: tuple[int, ...]) -> Tensor:
    """앞 낱말 하나만 보는 장난감 언어 모델. 확률이 0인 낱말의 로그 확률은 -inf."""
    probs = torch.zeros(len(WORDS), dtype=torch.float64)
    for word, p in NEXT[WORDS[prefix[-1]]].items():
        probs[WORDS.index(word)] = p
    return probs.log()


def words(tokens) -> str:
    return " ".join(WORDS[t] for t in tokens)


# --8<-- [end:toy_model]


# --8<-- [start:greedy]
def greedy(model: NextLogProbs, max_len: int = 10) -> tuple[list[int], float]:
    """매 시점 가장 확률이 높은 토큰 하나만 고른다. (토큰들, 로그 확률의 합)

    >>> tokens, score = greedy(toy_model)
    >>> words(tokens), round(math.exp(score), 3)
    ('고양이가 잔다 <eos>', 0.225)
    """
    prefix, score = (BOS,), 0.0
    while len(prefix) <= max_len:
        log_p = model(prefix)
        token = int(log_p.argmax())
        prefix, score = prefix + (token,), score + log_p[token].item()
        if token == EOS:
            break
    return list(prefix[1:]), score


# --8<-- [end:greedy]


# --8<-- [start:beam_search]
def beam_search(model: NextLogProbs, beam: int, max_len: int = 10) -> tuple[list[int], float]:
    """후보 문장을 beam개씩 들고 가며 한 토큰씩 늘린다. 끝난 후보 중 로그 확률이 가장 큰 것을 고른다.

    >>> tokens, score = beam_search(toy_model, beam=2)
    >>> words(tokens), round(math.exp(score), 3)
    ('강아지가 짖는다 <eos>', 0.36)
    """
    alive = [((BOS,), 0.0)]  # (토큰들, 로그 확률의 합)
    finished = []
    for _ in range(max_len):
        candidates = []
        for prefix, score in alive:
            log_p = model(prefix)
            for token in range(len(log_p)):
                if log_p[token] > -math.inf:
                    candidates.append((prefix + (token,), score + log_p[token].item()))
        # 순서가 안정적인 정렬이라 점수가 같으면 먼저 만든 후보가 앞에 선다(빔 1 = 탐욕적 디코딩).
        candidates.sort(key=lambda c: c[1], reverse=True)
        alive = []
        for prefix, score in candidates[:beam]:
            (finished if prefix[-1] == EOS else alive).append((prefix, score))
        if not alive:
            break
    best = max(finished or alive, key=lambda c: c[1])
    return list(best[0][1:]), best[1]


# --8<-- [end:beam_search]


# --8<-- [start:sampling]
def next_token_probs(
    logits: Tensor, temperature: float = 1.0, top_k: int | None = None, top_p: float | None = None
) -> Tensor:
    """샘플링에 쓸 분포. 온도로 로짓을 나누고, top-k·top-p로 후보를 줄인 뒤 다시 합이 1이 되게 한다.

    >>> logits = torch.tensor([2.0, 1.0, 0.5, 0.0, -1.0])
    >>> for kwargs in ({}, {"temperature": 0.5}, {"temperature": 2.0}, {"top_k": 2}, {"top_p": 0.8}):
    ...     print(f"{str(kwargs):22}", [round(p, 2) for p in next_token_probs(logits, **kwargs).tolist()])
    {}                     [0.56, 0.21, 0.13, 0.08, 0.03]
    {'temperature': 0.5}   [0.83, 0.11, 0.04, 0.02, 0.0]
    {'temperature': 2.0}   [0.37, 0.23, 0.18, 0.14, 0.08]
    {'top_k': 2}           [0.73, 0.27, 0.0, 0.0, 0.0]
    {'top_p': 0.8}         [0.63, 0.23, 0.14, 0.0, 0.0]
    """
    probs = (logits / temperature).softmax(dim=-1)
    keep = torch.ones_like(probs, dtype=torch.bool)
    order = probs.argsort(descending=True, stable=True)
    if top_k is not None:
        keep[order[top_k:]] = False  # 확률이 큰 k개만 남긴다
    if top_p is not None:
        # 큰 것부터 더해 가며, 자기 앞까지의 합이 아직 p에 못 미친 토큰만 남긴다:
        # 합이 p 이상이 되는 가장 작은 집합.
        before = probs[order].cumsum(dim=-1) - probs[order]
        keep[order[before >= top_p]] = False
    probs = probs * keep
    return probs / probs.sum()


def sample(
    model: NextLogProbs, generator: torch.Generator, max_len: int = 10, **options
) -> list[int]:
    """매 시점 next_token_probs의 분포에서 토큰 하나를 뽑는다.

    >>> g = torch.Generator().manual_seed(0)
    >>> words(sample(toy_model, g, top_k=1))  # 후보가 하나뿐이면 탐욕적 디코딩과 같다
    '고양이가 잔다 <eos>'
    >>> from collections import Counter
    >>> counts = Counter(words(sample(toy_model, g)) for _ in range(1000))
    >>> for sentence, n in counts.most_common():
    ...     print(n, sentence)
    343 강아지가 짖는다 <eos>
    237 고양이가 잔다 <eos>
    182 고양이가 논다 <eos>
    104 고양이가 <eos>
    101 <eos>
    33 강아지가 잔다 <eos>
    """
    prefix = (BOS,)
    while len(prefix) <= max_len and prefix[-1] != EOS:
        probs = next_token_probs(model(prefix), **options)
        prefix += (int(torch.multinomial(probs, 1, generator=generator)),)
    return list(prefix[1:])


# --8<-- [end:sampling]

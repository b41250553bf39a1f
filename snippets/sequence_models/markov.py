"""자기회귀 모델과 마르코프 가정: 글자 바이그램으로 다음 글자를 센다."""

from collections import Counter, defaultdict
from itertools import pairwise


# --8<-- [start:bigram]
def fit_bigram(text: str) -> dict[str, dict[str, float]]:
    """1차 마르코프 모델: 바로 앞 글자 하나만 보고 다음 글자의 확률을 센다.

    >>> corpus = "나는 밥을 먹는다. 너는 빵을 먹는다. 나는 물을 마신다."
    >>> model = fit_bigram(corpus)
    >>> model["는"]
    {' ': 0.6, '다': 0.4}
    >>> model["을"]
    {' ': 1.0}
    """
    counts: dict[str, Counter] = defaultdict(Counter)
    for prev, nxt in pairwise(text):
        counts[prev][nxt] += 1
    return {prev: {ch: n / c.total() for ch, n in c.most_common()} for prev, c in counts.items()}


# --8<-- [end:bigram]


# --8<-- [start:context_table]
def context_count(vocab_size: int, order: int) -> int:
    """order차 마르코프 모델이 따로 세어야 하는 문맥의 가짓수.

    어휘를 KS X 1001 완성형 한글 2,350자로 잡은 경우:

    >>> for order in (1, 2, 3, 4):
    ...     print(order, f"{context_count(2350, order):,}")
    1 2,350
    2 5,522,500
    3 12,977,875,000
    4 30,498,006,250,000
    """
    return vocab_size**order


# --8<-- [end:context_table]

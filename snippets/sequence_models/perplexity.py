"""언어 모델을 재는 법: 퍼플렉시티는 토큰당 평균 음의 로그 가능도의 지수다."""

# --8<-- [start:setup]
import math
from itertools import pairwise

import torch
from torch import Tensor
from torch.nn import functional as F

# --8<-- [end:setup]


# --8<-- [start:perplexity]
def perplexity(logits: Tensor, targets: Tensor) -> float:
    """exp(토큰당 평균 음의 로그 가능도). logits: (N, V), targets: (N,)

    F.cross_entropy는 자연로그로 잰 토큰당 평균 음의 로그 가능도이므로 그 지수를 취하면 된다.

    >>> V = 10
    >>> targets = torch.tensor([3, 1, 4, 1, 5])
    >>> round(perplexity(torch.zeros(5, V), targets), 4)  # 모든 토큰이 1/V: 퍼플렉시티 V
    10.0
    >>> sure = torch.full((5, V), -1e4).scatter(1, targets[:, None], 0.0)
    >>> round(perplexity(sure, targets), 4)  # 정답에 확률 1: 퍼플렉시티 1
    1.0
    """
    return math.exp(F.cross_entropy(logits, targets).item())


# --8<-- [end:perplexity]


# --8<-- [start:bigram_perplexity]
def bigram_perplexity(model: dict[str, dict[str, float]], text: str) -> float:
    """바이그램 모델로 text의 글자 하나하나를 예측했을 때의 퍼플렉시티.

    >>> from snippets.sequence_models.markov import fit_bigram
    >>> corpus = "나는 밥을 먹는다. 너는 빵을 먹는다. 나는 물을 마신다."
    >>> round(bigram_perplexity(fit_bigram(corpus), corpus), 3)
    1.823
    >>> len(set(corpus))  # 글자 종류 수: 글자마다 고르게 확률을 주는 모델의 퍼플렉시티
    13
    >>> bigram_perplexity(fit_bigram(corpus), "나는 밥은 먹는다.")  # '밥은': 세어 본 적 없는 쌍
    inf
    """
    probs = [model.get(prev, {}).get(nxt, 0.0) for prev, nxt in pairwise(text)]
    if min(probs) == 0.0:
        return math.inf  # 확률 0인 글자가 하나라도 있으면 평균 음의 로그 가능도가 무한대다
    nll = [-math.log(p) for p in probs]
    return math.exp(sum(nll) / len(nll))


# --8<-- [end:bigram_perplexity]

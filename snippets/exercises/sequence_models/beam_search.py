"""연습 문제 sequence-models/beam-search: 점수를 길이로 보정하는 빔 탐색을 구현한다."""

import itertools
import math
from collections.abc import Callable

import torch

from snippets.exercises.checks import Case, close


# --8<-- [start:solution]
def beam_search(
    next_log_probs: Callable[[tuple[int, ...]], torch.Tensor],
    start: int,
    eos: int,
    beam_size: int,
    max_len: int,
    alpha: float = 0.0,
) -> tuple[list[int], float]:
    """빔 탐색. 끝난 후보 가운데 (로그 확률의 합) / (길이 ** alpha)가 가장 큰 것을 고른다.

    돌려주는 값은 (start를 뺀 토큰 목록, 보정하지 않은 로그 확률의 합)이다.

    >>> table = torch.tensor([[0.0, 0.5, 0.0, 0.5],    # <s> 다음: 가 0.5, </s> 0.5
    ...                       [0.0, 0.1, 0.8, 0.1],    # 가 다음: 나 0.8
    ...                       [0.0, 0.05, 0.05, 0.9],  # 나 다음: </s> 0.9
    ...                       [0.0, 0.0, 0.0, 1.0]]).log()
    >>> model = lambda prefix: table[prefix[-1]]
    >>> beam_search(model, start=0, eos=3, beam_size=2, max_len=5)[0]             # 짧은 답이 이긴다
    [3]
    >>> beam_search(model, start=0, eos=3, beam_size=2, max_len=5, alpha=1.0)[0]  # 길이로 나누면
    [1, 2, 3]
    """
    alive = [((start,), 0.0)]  # (토큰들, 로그 확률의 합)
    finished = []
    for _ in range(max_len):
        candidates = [
            (prefix + (token,), score + log_p)
            for prefix, score in alive
            for token, log_p in enumerate(next_log_probs(prefix).tolist())
        ]
        candidates.sort(key=lambda c: c[1], reverse=True)  # 고를 때는 보정하지 않은 합으로
        alive = []
        for prefix, score in candidates[:beam_size]:
            (finished if prefix[-1] == eos else alive).append((prefix, score))
        if not alive:
            break

    def normalized(candidate):
        prefix, score = candidate
        return score / (len(prefix) - 1) ** alpha  # 길이는 start를 뺀 토큰 수

    tokens, score = max(finished or alive, key=normalized)
    return list(tokens[1:]), score


# --8<-- [end:solution]


START, A, B, EOS = 0, 1, 2, 3  # <s>, 가, 나, </s>


def _bigram(rows):
    """행 = 앞 토큰, 열 = 다음 토큰의 확률 표 → 마지막 토큰만 보는 모델."""
    table = torch.tensor(rows, dtype=torch.float64).log()
    return lambda prefix: table[prefix[-1]]


def _random_bigram(vocab, seed):
    logits = torch.randn(
        vocab, vocab, generator=torch.Generator().manual_seed(seed), dtype=torch.float64
    )
    table = logits.log_softmax(dim=-1)
    return lambda prefix: table[prefix[-1]]


def _best_by_brute_force(model, max_len, alpha, vocab=4):
    """길이 max_len 이하에서 </s>로 끝나는 모든 토큰 목록을 다 보고, 보정한 점수가 가장 큰 것을 고른다."""
    best, best_key = None, -math.inf
    for length in range(1, max_len + 1):
        for tokens in itertools.product(range(vocab), repeat=length - 1):
            if EOS in tokens:
                continue
            prefix, score = (START,), 0.0
            for token in (*tokens, EOS):
                score += model(prefix)[token].item()
                prefix += (token,)
            if score / length**alpha > best_key:
                best, best_key = ([*tokens, EOS], score), score / length**alpha
    return best


def _tidy(result):
    """학습자가 튜플이나 텐서로 돌려주어도 (int 목록, float)으로 맞춰 비교한다."""
    tokens, score = result
    return [int(t) for t in tokens], float(score)


TRAP = [  # 탐욕적 디코딩이 놓치는 길: <s> → 나 → </s> (0.4 × 0.9 = 0.36)
    [0.0, 0.6, 0.4, 0.0],
    [0.0, 0.4, 0.3, 0.3],
    [0.0, 0.0, 0.1, 0.9],
    [0.0, 0.0, 0.0, 1.0],
]
AFTER_EOS = [  # </s> 뒤에 '가'가 확률 1로 온다: 끝난 후보를 늘이면 목록이 길어진다
    [0.0, 0.3, 0.1, 0.6],
    [0.0, 0.1, 0.1, 0.8],
    [0.0, 0.1, 0.1, 0.8],
    [0.0, 1.0, 0.0, 0.0],
]
NEVER_ENDS = [  # </s>가 나올 확률이 아주 작다
    [0.0, 0.7, 0.3 - 1e-6, 1e-6],
    [0.0, 0.2, 0.8 - 1e-6, 1e-6],
    [0.0, 0.9, 0.1 - 1e-6, 1e-6],
    [0.0, 1.0, 0.0, 0.0],
]
SHORT_OR_LONG = [  # 합으로는 [</s>]가, 길이로 나누면 [가, 나, </s>]가 낫다
    [0.0, 0.5, 0.0, 0.5],
    [0.0, 0.1, 0.8, 0.1],
    [0.0, 0.05, 0.05, 0.9],
    [0.0, 0.0, 0.0, 1.0],
]


def _prefix_model(prefix):
    """다음 토큰 분포가 접두사 전체(길이와 '가'의 개수)에 달린 모델."""
    logits = torch.tensor(
        [-9.0, prefix.count(A) - len(prefix), 0.5 * len(prefix), len(prefix) - 3.0],
        dtype=torch.float64,
    )
    return logits.log_softmax(dim=-1)


def _alpha_hint(got):
    if isinstance(got, list) and got == [EOS]:
        return (
            "보정하지 않은 합으로 골랐다. 끝난 후보를 고를 때는 (로그 확률의 합) / (길이 ** alpha)로 "
            "견준다. 길이는 start를 뺀 토큰 수(</s> 포함)다."
        )
    return (
        "후보를 남길 때는 보정하지 않은 합으로, 마지막에 답을 고를 때만 길이로 나눈 점수로 견준다."
    )


def _or_after_eos(default):
    """어느 경우에서든, </s> 뒤에도 토큰이 붙어 있으면 그것부터 알린다."""

    def hint(got):
        tokens = got[0] if isinstance(got, tuple) and got else got
        if isinstance(tokens, list) and EOS in tokens[:-1]:
            return (
                "</s> 뒤에도 토큰을 붙였다. 마지막 토큰이 eos인 후보는 끝난 후보 목록으로 옮기고 "
                "더는 늘이지 않는다."
            )
        return default(got) if callable(default) else default

    return hint


def cases() -> list[Case]:
    trap = _bigram(TRAP)
    log = math.log
    short_or_long = _bigram(SHORT_OR_LONG)
    random_models = [_random_bigram(4, seed) for seed in range(5)]
    return [
        Case(
            "빔 크기 1: 탐욕적 디코딩과 같다",
            lambda f: _tidy(f(trap, START, EOS, 1, 4)),
            ([A, A, A, A], log(0.6) + 3 * log(0.4)),
            _or_after_eos(
                "빔 크기가 1이면 단계마다 점수가 가장 큰 후보 하나만 남는다. 돌려주는 목록에 start는 넣지 "
                "않고 </s>는 넣는다."
            ),
            close(),
        ),
        Case(
            "탐욕적 디코딩이 놓치는 길: 빔 크기 2",
            lambda f: _tidy(f(trap, START, EOS, 2, 4)),
            ([B, EOS], log(0.4) + log(0.9)),
            _or_after_eos(
                "후보를 고를 때는 마지막 토큰 하나의 확률이 아니라 start부터의 로그 확률 합으로 줄 세운다."
            ),
            close(),
        ),
        Case(
            "</s>로 끝난 후보는 더 늘이지 않는다",
            lambda f: _tidy(f(_bigram(AFTER_EOS), START, EOS, 2, 4)),
            ([EOS], log(0.6)),
            _or_after_eos(
                "마지막 토큰이 eos인 후보는 끝난 후보로 따로 두고, 토큰을 더 붙이지 않는다."
            ),
            close(),
        ),
        Case(
            "</s>가 나오지 않으면 max_len 개에서 멈추고 살아 있는 후보에서 고른다",
            lambda f: _tidy(f(_bigram(NEVER_ENDS), START, EOS, 2, 4))[0],
            [A, B, A, B],
            _or_after_eos(
                "토큰을 max_len번 붙이면 멈춘다. 끝난 후보가 없으면 살아 있는 후보 가운데서 고른다."
            ),
        ),
        Case(
            "alpha = 1: 길이로 나눈 점수로 고른다",
            lambda f: _tidy(f(short_or_long, START, EOS, 2, 5, 1.0))[0],
            [A, B, EOS],
            _or_after_eos(_alpha_hint),
        ),
        Case(
            "다음 토큰 분포가 접두사 전체에 달린 모델(빔 크기 64, alpha = 0)",
            lambda f: _tidy(f(_prefix_model, START, EOS, 64, 4)),
            _best_by_brute_force(_prefix_model, 4, 0.0),
            _or_after_eos("next_log_probs에는 start를 포함한 후보의 토큰 전체를 넘긴다."),
            close(),
        ),
        Case(
            "빔이 넉넉하면(64) 전수 조사와 같다: 무작위 모델 다섯 개, alpha = 0.7",
            lambda f: [_tidy(f(m, START, EOS, 64, 3, 0.7)) for m in random_models],
            [_best_by_brute_force(m, 3, 0.7) for m in random_models],
            _or_after_eos(
                "끝난 후보를 모두 모아 두었다가, 마지막에 보정한 점수가 가장 큰 것을 고른다. 돌려주는 점수는 "
                "보정하지 않은 합이다."
            ),
            close(),
        ),
    ]

"""snippets/sequence_models/decoding.py: 탐욕적 디코딩, 빔 탐색, 샘플링 분포의 단위 테스트."""

from __future__ import annotations

import math

import pytest
import torch

from snippets.sequence_models import decoding


def test_toy_model_rows_are_distributions():
    for prev in decoding.NEXT:
        probs = decoding.toy_model((decoding.WORDS.index(prev),)).exp()
        assert probs.sum().item() == pytest.approx(1.0)


def test_greedy_stops_at_eos_and_respects_max_len():
    tokens, _ = decoding.greedy(decoding.toy_model)
    assert tokens[-1] == decoding.EOS
    never_ends = lambda prefix: torch.tensor([-math.inf, -math.inf, 0.0])  # noqa: E731
    tokens, score = decoding.greedy(never_ends, max_len=4)
    assert tokens == [2, 2, 2, 2] and score == 0.0


def test_beam_search_score_is_the_sum_of_log_probabilities():
    tokens, score = decoding.beam_search(decoding.toy_model, beam=3)
    prefix, total = (decoding.BOS,), 0.0
    for t in tokens:
        total += decoding.toy_model(prefix)[t].item()
        prefix += (t,)
    assert score == pytest.approx(total)


def test_wide_beam_returns_the_most_probable_sentence_of_the_toy_model():
    # 장난감 모델의 문장은 몇 개뿐이라 빔을 넓히면 모두 훑는다.
    tokens, score = decoding.beam_search(decoding.toy_model, beam=10)
    assert decoding.words(tokens) == "강아지가 짖는다 <eos>"
    assert math.exp(score) == pytest.approx(0.4 * 0.9)


def test_beam_search_without_finished_candidates_returns_best_alive():
    never_ends = lambda prefix: torch.tensor([-math.inf, -math.inf, -0.1, -2.0])  # noqa: E731
    tokens, _ = decoding.beam_search(never_ends, beam=2, max_len=3)
    assert tokens == [2, 2, 2]


@pytest.mark.parametrize(
    "options", [{}, {"temperature": 0.3}, {"top_k": 3}, {"top_p": 0.5}, {"top_k": 2, "top_p": 0.99}]
)
def test_next_token_probs_is_a_distribution(options):
    logits = torch.randn(9, generator=torch.Generator().manual_seed(1))
    probs = decoding.next_token_probs(logits, **options)
    assert probs.sum().item() == pytest.approx(1.0)
    assert (probs >= 0).all()


def test_top_k_and_top_p_together_keep_the_intersection():
    logits = torch.tensor([3.0, 2.9, 2.8, 0.0, -1.0])
    probs = decoding.next_token_probs(logits, top_k=2, top_p=0.99)
    assert (probs > 0).nonzero().flatten().tolist() == [0, 1]


def test_sample_never_draws_a_zero_probability_word():
    g = torch.Generator().manual_seed(3)
    for _ in range(200):
        tokens = decoding.sample(decoding.toy_model, g)
        prefix = (decoding.BOS,)
        for t in tokens:
            assert decoding.toy_model(prefix)[t] > -math.inf
            prefix += (t,)
        assert tokens[-1] == decoding.EOS

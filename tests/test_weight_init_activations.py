"""그림 1 과 노트의 표 뒤에 있는 숫자: 층별 활성화 값의 분포가 초기화 방식에 따라 어떻게 되는가."""

from __future__ import annotations

import math

import pytest

from snippets.weight_init.activations import (
    init_std,
    layer_activations,
    layer_stds,
    saturated_fraction,
    sigmoid_slope,
)

SEEDS = (0, 1, 2)


def stds(activation: str, scheme: str, seed: int) -> list[float]:
    return [h.std().item() for h in layer_activations(activation, scheme, seed=seed)]


def test_experiment_has_five_layers_of_1000_by_100():
    layers = layer_activations("tanh", "xavier")
    assert len(layers) == 5
    assert all(tuple(h.shape) == (1000, 100) for h in layers)


@pytest.mark.parametrize("seed", SEEDS)
def test_xavier_keeps_tanh_std_in_a_band(seed):
    values = stds("tanh", "xavier", seed)
    assert all(0.25 < s < 0.75 for s in values), values
    assert values[-1] > 0.4 * values[0], values


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("activation", ["tanh", "relu"])
def test_std_001_collapses_towards_zero_by_layer_5(activation, seed):
    values = stds(activation, "std0.01", seed)
    assert values[-1] < 1e-3, values
    assert values[-1] < values[0] / 50, values


@pytest.mark.parametrize("seed", SEEDS)
def test_he_keeps_relu_activations_spread(seed):
    values = stds("relu", "he", seed)
    assert all(0.5 < s < 1.3 for s in values), values
    assert 0.6 < values[-1] / values[0] < 1.5, values


@pytest.mark.parametrize("seed", SEEDS)
def test_xavier_lets_relu_activations_shrink_layer_by_layer(seed):
    values = stds("relu", "xavier", seed)
    assert values[-1] < 0.4 * values[0], values
    assert values[-1] < stds("relu", "he", seed)[-1] / 3


@pytest.mark.parametrize("seed", SEEDS)
def test_sigmoid_with_std_1_saturates_at_0_and_1(seed):
    for h in layer_activations("sigmoid", "std1", seed=seed):
        assert saturated_fraction(h) > 0.5  # 대부분이 0.05 이하 또는 0.95 이상
        assert sigmoid_slope(h) < 0.1  # 최댓값 0.25 에 한참 못 미친다: 기울기 소실


def test_sigmoid_with_xavier_does_not_saturate():
    assert all(saturated_fraction(h) < 0.05 for h in layer_activations("sigmoid", "xavier"))


@pytest.mark.parametrize("seed", SEEDS)
def test_sigmoid_with_std_001_piles_up_at_one_half(seed):
    for h in layer_activations("sigmoid", "std0.01", seed=seed):
        assert abs(h.mean().item() - 0.5) < 0.01
        assert h.std().item() < 0.03


def test_cached_layer_stds_match_a_fresh_run():
    assert layer_stds("relu", "he") == pytest.approx(stds("relu", "he", 0), rel=1e-6)


def test_init_std_formulas():
    assert init_std("xavier", 100, 100) == pytest.approx(0.1)
    assert init_std("xavier", 300, 100) == pytest.approx(math.sqrt(2 / 400))
    assert init_std("he", 300, 100) == pytest.approx(math.sqrt(2 / 300))
    assert init_std("std0.01", 5, 5) == 0.01


def test_unknown_scheme_names_the_choices():
    with pytest.raises(ValueError, match="xavier"):
        init_std("lecun", 10, 10)

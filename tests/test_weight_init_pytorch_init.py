"""torch.nn.init 의 함수들이 노트에 적은 식대로 값을 뽑는다."""

from __future__ import annotations

import math

import pytest
import torch
from torch import nn

from snippets.weight_init.pytorch_init import apply_init, compare

FAN_OUT, FAN_IN = 256, 512


def fresh(seed: int = 0):
    return torch.empty(FAN_OUT, FAN_IN), torch.Generator().manual_seed(seed)


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_kaiming_normal_std_matches_sqrt_2_over_fan_in(seed):
    w, g = fresh(seed)
    nn.init.kaiming_normal_(w, mode="fan_in", nonlinearity="relu", generator=g)
    assert w.std().item() == pytest.approx(math.sqrt(2 / FAN_IN), rel=0.01)
    assert w.mean().item() == pytest.approx(0.0, abs=0.002)


def test_kaiming_normal_fan_out_mode_uses_the_output_size():
    w, g = fresh()
    nn.init.kaiming_normal_(w, mode="fan_out", nonlinearity="relu", generator=g)
    assert w.std().item() == pytest.approx(math.sqrt(2 / FAN_OUT), rel=0.01)


def test_kaiming_normal_default_nonlinearity_gives_the_relu_gain():
    # 기본값 nonlinearity="leaky_relu", a=0 은 기울기 0 인 leaky ReLU, 곧 ReLU 와 같다
    w, g = fresh()
    nn.init.kaiming_normal_(w, generator=g)
    assert w.std().item() == pytest.approx(math.sqrt(2 / FAN_IN), rel=0.01)


def test_xavier_uniform_bound_and_std():
    w, g = fresh()
    nn.init.xavier_uniform_(w, generator=g)
    bound = math.sqrt(6 / (FAN_IN + FAN_OUT))
    assert w.abs().max().item() <= bound
    assert w.abs().max().item() == pytest.approx(bound, rel=0.001)
    assert w.std().item() == pytest.approx(math.sqrt(2 / (FAN_IN + FAN_OUT)), rel=0.01)


def test_xavier_normal_std():
    w, g = fresh()
    nn.init.xavier_normal_(w, generator=g)
    assert w.std().item() == pytest.approx(math.sqrt(2 / (FAN_IN + FAN_OUT)), rel=0.01)


def test_calculate_gain_values():
    assert nn.init.calculate_gain("sigmoid") == 1
    assert nn.init.calculate_gain("tanh") == pytest.approx(5 / 3)
    assert nn.init.calculate_gain("relu") == pytest.approx(math.sqrt(2))
    assert nn.init.calculate_gain("leaky_relu", 0.2) == pytest.approx(math.sqrt(2 / 1.04))


def test_linear_default_is_uniform_with_bound_one_over_sqrt_fan_in():
    torch.manual_seed(0)
    layer = nn.Linear(FAN_IN, FAN_OUT)
    bound = 1 / math.sqrt(FAN_IN)
    assert layer.weight.abs().max().item() <= bound
    assert layer.weight.std().item() == pytest.approx(bound / math.sqrt(3), rel=0.01)
    assert layer.bias.abs().max().item() <= bound
    # He 가 권하는 표준편차보다 훨씬 작다: 깊은 ReLU 신경망에서는 직접 초기화하는 편이 낫다
    assert layer.weight.std().item() < 0.5 * math.sqrt(2 / FAN_IN)


@pytest.mark.parametrize(
    ("scheme", "expected"),
    [
        ("std0.01", lambda n_in, n_out: 0.01),
        ("xavier", lambda n_in, n_out: math.sqrt(2 / (n_in + n_out))),
        ("he", lambda n_in, n_out: math.sqrt(2 / n_in)),
    ],
)
def test_apply_init_sets_every_linear_layer(scheme, expected):
    model = nn.Sequential(nn.Linear(300, 200), nn.ReLU(), nn.Linear(200, 100))
    apply_init(model, scheme, torch.Generator().manual_seed(0))
    for layer in (model[0], model[2]):
        assert layer.weight.std().item() == pytest.approx(
            expected(layer.in_features, layer.out_features), rel=0.03
        )
        assert torch.count_nonzero(layer.bias) == 0


def test_apply_init_rejects_unknown_scheme():
    with pytest.raises(ValueError, match="he"):
        apply_init(nn.Linear(2, 2), "orthogonal")


def test_compare_formats_both_numbers():
    assert compare(torch.tensor(0.12345), 0.1) == "측정 0.1235 / 식 0.1000"

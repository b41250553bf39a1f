"""docs/dl/weight-init.md 가 실험과 파이토치에 대해 주장하는 문장들. 노트의 순서를 따른다.

각 테스트의 docstring 은 노트의 문장(줄임)이다. 실험이나 고정한 torch(2.13.0)에서 그 문장이 틀리면 실패한다.
"""

from __future__ import annotations

import inspect
import math

import pytest
import torch
from torch import nn

from snippets.weight_init.activations import (
    layer_activations,
    layer_stds,
    saturated_fraction,
    sigmoid_slope,
)
from snippets.weight_init.gradients import layer_gradient_norms
from snippets.weight_init.symmetry import (
    XOR_INPUTS,
    distinct_units,
    make_xor_net,
    predict,
    train_xor,
)
from snippets.weight_init.training import init_comparison

LN10 = math.log(10)


def ratios(values):
    return [later / earlier for earlier, later in zip(values, values[1:], strict=False)]


# --- 모두 같은 값으로 시작하면: 대칭성 문제 ---


# XOR 는 정답이 0, 1 반반이라 모든 출력이 0.5 일 때 오차의 합이 0 이 되어 뒤쪽 기울기까지 0 이 된다.
# 노트의 문장은 일반적인 경우에 대한 것이므로 정답이 치우친 OR 로 확인한다.
OR_TARGETS = torch.tensor([[0.0], [1.0], [1.0], [1.0]])


def test_linear_2_3_has_a_3_by_2_weight_and_a_length_3_bias():
    """ "`nn.Linear(2, 3)`은 … 모양이 `(3, 2)`인 가중치 행렬과 길이 3인 편향을 가진다" """
    layer = nn.Linear(2, 3)
    assert tuple(layer.weight.shape) == (3, 2) and tuple(layer.bias.shape) == (3,)
    assert tuple(layer(torch.zeros(4, 2)).shape) == (4, 3)


def test_all_zero_weights_send_no_gradient_to_the_first_layer_at_the_first_step():
    """ "모든 가중치가 0이면 첫 단계에서는 … 앞쪽 가중치로 돌아가는 기울기부터가 0이 된다" """
    net = make_xor_net("constant")
    for layer in (net[0], net[2]):
        nn.init.zeros_(layer.weight)
    nn.functional.mse_loss(net(XOR_INPUTS), OR_TARGETS).backward()
    assert torch.count_nonzero(net[0].weight.grad) == 0
    assert torch.count_nonzero(net[2].weight.grad) > 0


def test_all_zero_weights_become_the_constant_case_after_one_step():
    """ "그다음 단계부터는 뒤쪽 가중치가 0이 아닌 값으로 바뀌지만 모두 같은 값이므로" """
    net = make_xor_net("constant")
    for layer in (net[0], net[2]):
        nn.init.zeros_(layer.weight)
    optimizer = torch.optim.SGD(net.parameters(), lr=5.0)
    nn.functional.mse_loss(net(XOR_INPUTS), OR_TARGETS).backward()
    optimizer.step()
    out_weights = net[2].weight.detach().flatten()
    assert torch.all(out_weights != 0)
    assert torch.allclose(out_weights, out_weights[0].expand_as(out_weights))


def test_constant_init_keeps_one_distinct_unit_and_stops_near_one_sixth():
    """ "서로 다른 유닛은 하나뿐이다 … 평균 제곱 오차가 1/6이다. 손실이 그 근처에서 멈춘" """
    net, losses = train_xor("constant")
    assert distinct_units(net[0]) == 1
    assert losses[-1] == pytest.approx(1 / 6, abs=0.01)
    assert losses[-1] < losses[0]


def test_random_init_breaks_symmetry_and_solves_xor():
    """ "세 유닛이 모두 달라졌고 XOR를 정확히 맞힌다" """
    net, _ = train_xor("random")
    assert distinct_units(net[0]) == 3
    assert [round(p) for p in predict(net)] == [0, 1, 1, 0]


# --- 시그모이드로 본 두 가지 실패 ---


def test_sigmoid_slope_peaks_at_one_quarter_at_zero():
    """ "이 기울기는 a = 0일 때 가장 크고, 그 값이 1/4이다" """
    a = torch.linspace(-6, 6, 1201, requires_grad=True)
    torch.sigmoid(a).sum().backward()
    assert a.grad.max().item() == pytest.approx(0.25)
    assert a[a.grad.argmax()].item() == pytest.approx(0.0, abs=1e-6)


def test_std_1_sigmoid_saturates_at_least_half_of_every_layer():
    """ "층마다 값의 절반 이상이 0이나 1 바로 옆에 있고, 국소 기울기의 평균은 최댓값 1/4에 한참 못 미친다" """
    layers = layer_activations("sigmoid", "std1")
    assert all(saturated_fraction(h) >= 0.5 for h in layers)
    assert all(sigmoid_slope(h) < 0.25 / 3 for h in layers)


def test_xavier_sigmoid_hardly_saturates():
    """ "자비에르 초기화의 포화 비율은 모든 층에서 1%도 안 된다" """
    assert all(saturated_fraction(h) < 0.01 for h in layer_activations("sigmoid", "xavier"))


def test_std_001_sigmoid_drops_once_and_then_plateaus():
    """ "퍼진 정도는 2층에서 한 번 줄고 그 뒤로는 거의 그대로다" """
    stds = layer_stds("sigmoid", "std0.01")
    assert stds[1] < 0.6 * stds[0]
    assert max(stds[1:]) < 1.25 * min(stds[1:])


def test_std_001_sigmoid_spread_from_layer_2_is_between_units_not_within():
    """ "2층부터는 한 유닛의 출력이 입력과 거의 상관없이 고정된다. 남은 퍼짐은 거의 다 유닛끼리의 차이다" """
    for h in layer_activations("sigmoid", "std0.01")[1:]:
        within = h.std(dim=0).mean().item()
        between = h.mean(dim=0).std().item()
        assert within < between / 10


# --- 렐루를 위한 보정 ---


def test_xavier_relu_shrinks_by_about_one_over_root_two_per_layer():
    """ "자비에르 초기화를 쓰면 층마다 … 표준편차가 1/√2배 … (1/√2)^4 = 1/4배다" """
    stds = layer_stds("relu", "xavier")
    assert stds[-1] / stds[0] == pytest.approx(0.25, rel=0.25)
    assert all(0.55 < r < 0.85 for r in ratios(stds))


# --- 격자로 한눈에 보기 ---


def test_std_001_shrinks_tanh_by_a_tenth_and_relu_by_a_tenth_over_root_two():
    """ "tanh는 층마다 거의 정확히 0.1배다 … 렐루는 … 대략 0.1/√2배다" """
    tanh = ratios(layer_stds("tanh", "std0.01"))
    relu = ratios(layer_stds("relu", "std0.01"))
    assert all(r == pytest.approx(0.1, rel=0.05) for r in tanh)
    geometric_mean = math.prod(relu) ** (1 / len(relu))
    assert geometric_mean == pytest.approx(0.1 / math.sqrt(2), rel=0.1)
    assert all(r < 0.09 for r in relu)


def test_std_001_layer_5_prints_as_zero_but_is_not_zero():
    """ "5층의 값은 0이 아니지만 0.000으로 찍힐 만큼 작다" """
    for activation in ("tanh", "relu"):
        last = layer_stds(activation, "std0.01")[-1]
        assert 0 < last and f"{last:6.3f}".strip() == "0.000"


def test_xavier_keeps_tanh_spread_above_0_3_at_layer_5_and_narrows_gradually():
    """ "tanh에서는 분포가 다섯 층 내내 넓게 남는다. 층이 깊어지며 조금씩 좁아지는데" """
    stds = layer_stds("tanh", "xavier")
    assert stds[-1] > 0.3
    assert all(r < 1 for r in ratios(stds))


def test_he_keeps_relu_spread_nearly_constant():
    """ "렐루의 표준편차가 다섯 층 내내 거의 그대로다" """
    stds = layer_stds("relu", "he")
    assert max(stds) / min(stds) < 1.3


def test_he_pushes_tanh_towards_plus_minus_one():
    """ "tanh에 쓰면 분포가 양 끝(±1)으로 조금 밀려 포화가 시작된다" """

    def near_ends(scheme):
        return [(h.abs() > 0.9).float().mean().item() for h in layer_activations("tanh", scheme)]

    assert all(
        he > xavier for he, xavier in zip(near_ends("he"), near_ends("xavier"), strict=False)
    )


def test_sigmoid_units_get_a_fixed_offset_of_half_the_weight_sum():
    """ "다음 층의 각 유닛에 0.5 Σ w 만큼의 고정된 치우침이 생긴다. 유닛마다 다른 이 치우침이" """
    h = layer_activations("sigmoid", "xavier")[2]
    unit_means = h.mean(dim=0)
    assert unit_means.std().item() > 0.3 * h.std().item()


# --- 기울기도 재 보기 ---


def test_layer_5_gradient_is_the_same_for_every_init():
    """ "5층 열은 모두 같다. 출력 쪽에서 넣은 기울기가 같기 때문이다" """
    last = {
        (activation, scheme): layer_gradient_norms(activation, scheme)[0][-1]
        for activation in ("sigmoid", "tanh", "relu")
        for scheme in ("std0.01", "xavier", "he")
    }
    assert max(last.values()) == pytest.approx(min(last.values()))


def test_backward_signal_shrinks_like_the_forward_signal_at_std_001():
    """ "표준편차 0.01이면 tanh는 층마다 0.1배, 렐루는 그보다 조금 더 빨리 줄어" """
    tanh, _ = layer_gradient_norms("tanh", "std0.01")
    relu, _ = layer_gradient_norms("relu", "std0.01")
    assert all(r == pytest.approx(10, rel=0.05) for r in ratios(tanh))  # 1층 → 5층 방향이라 10배
    assert all(r > 10 for r in ratios(relu))


def test_sigmoid_gradient_shrinks_towards_layer_1_under_every_init():
    """ "시그모이드는 어느 초기화에서도 1층으로 갈수록 크게 줄어든다" """
    for scheme in ("std0.01", "xavier", "he"):
        signal, weight = layer_gradient_norms("sigmoid", scheme)
        assert signal[0] < signal[-1] / 50
        assert weight[0] < weight[-1] / 50


def test_he_relu_keeps_the_backward_signal_and_xavier_tanh_loses_about_half():
    """ "He 초기화와 렐루의 짝은 … 거의 같은 크기 … 자비에르 초기화와 tanh의 짝도 … 절반 남짓으로" """
    he_relu, _ = layer_gradient_norms("relu", "he")
    xavier_tanh, _ = layer_gradient_norms("tanh", "xavier")
    assert max(he_relu) / min(he_relu) < 1.3
    assert 0.4 < xavier_tanh[0] / xavier_tanh[-1] < 0.7


def test_weight_gradients_are_flat_across_layers_for_tanh_and_relu():
    """ "tanh와 렐루에서는 층 사이의 차이가 거의 사라진다" """
    for activation in ("tanh", "relu"):
        for scheme in ("std0.01", "xavier", "he"):
            _, weight = layer_gradient_norms(activation, scheme)
            assert max(weight) / min(weight) < 1.6, (activation, scheme, weight)


def test_std_001_weight_gradients_are_thousands_of_times_smaller_than_he():
    """ "표준편차 0.01에서는 모든 층의 기울기가 He 초기화보다 수천 배 이상 작다" """
    for activation in ("tanh", "relu"):
        _, small = layer_gradient_norms(activation, "std0.01")
        _, he = layer_gradient_norms(activation, "he")
        assert all(h / s > 1000 for s, h in zip(small, he, strict=False))


# --- 파이토치에서는 ---


def test_linear_weight_is_out_by_in_and_fan_in_is_the_second_dimension():
    """ "`nn.Linear(512, 256)`의 가중치는 (출력 수, 입력 수) 모양이다" """
    weight = nn.Linear(512, 256).weight
    assert tuple(weight.shape) == (256, 512)
    assert nn.init._calculate_fan_in_and_fan_out(weight) == (512, 256)


def test_gains_are_five_thirds_for_tanh_and_root_two_for_relu():
    """ "렐루의 √2가 허 초기화의 분산 두 배이고, tanh의 5/3은" """
    assert nn.init.calculate_gain("tanh") == pytest.approx(5 / 3)
    assert nn.init.calculate_gain("relu") == pytest.approx(math.sqrt(2))


def test_tanh_gain_five_thirds_shrinks_the_spread_less_than_gain_one():
    """ "tanh의 5/3은 … 앞의 격자에서 본 tanh의 깎임을 메우는 쪽으로 작동한다. 이득 1보다 다섯 층 뒤의 표준편차가 덜 줄어든다" """
    assert nn.init.calculate_gain("tanh") == pytest.approx(5 / 3)

    def last_std(gain):
        generator = torch.Generator().manual_seed(0)
        x = torch.randn(1000, 100, generator=generator)
        for _ in range(5):
            x = torch.tanh(x @ (torch.randn(100, 100, generator=generator) * gain / math.sqrt(100)))
        return x.std().item()

    assert last_std(5 / 3) > 1.5 * last_std(1.0)


def test_kaiming_normal_defaults_to_leaky_relu_with_zero_slope():
    """ "`kaiming_normal_`의 기본값은 nonlinearity="leaky_relu", a=0이다" """
    parameters = inspect.signature(nn.init.kaiming_normal_).parameters
    assert parameters["nonlinearity"].default == "leaky_relu"
    assert parameters["a"].default == 0
    assert nn.init.calculate_gain("leaky_relu", 0) == pytest.approx(math.sqrt(2))


def test_linear_default_is_uniform_one_over_root_fan_in_with_six_times_less_variance_than_he():
    """ "`nn.Linear`는 … U(-1/√n_in, 1/√n_in)와 같고 … 분산으로 치면 1/(3n)과 2/n이니 여섯 배" """
    torch.manual_seed(0)
    layer = nn.Linear(512, 256)
    bound = 1 / math.sqrt(512)
    assert layer.weight.abs().max().item() <= bound
    assert layer.weight.abs().max().item() > 0.99 * bound
    assert layer.bias.abs().max().item() <= bound
    assert layer.weight.var().item() == pytest.approx(1 / (3 * 512), rel=0.02)
    assert (2 / 512) / (1 / (3 * 512)) == pytest.approx(6)


def test_conv_fan_in_is_in_channels_times_kernel_area():
    """ "유도의 n_in은 … C_in·k·k다 … fan-out은 C_out·k·k다" """
    for c_in, c_out, k in ((3, 16, 3), (32, 64, 5), (1, 8, 1)):
        weight = nn.Conv2d(c_in, c_out, kernel_size=k).weight
        assert nn.init._calculate_fan_in_and_fan_out(weight) == (c_in * k * k, c_out * k * k)


def test_model_apply_visits_children_first_and_returns_the_model():
    """ "`apply`는 모델 안의 모든 하위 모듈을 자식부터 차례로 찾아가 … 모델 자신을 돌려준다" """
    inner = nn.Sequential(nn.Linear(3, 3), nn.ReLU())
    model = nn.Sequential(nn.Linear(2, 3), inner, nn.Linear(3, 1))
    visited = []
    assert model.apply(visited.append) is model
    assert visited == [model[0], inner[0], inner[1], inner, model[2], model]


def test_orthogonal_init_keeps_vector_lengths():
    """ "직교 행렬은 어떤 벡터를 곱해도 길이를 바꾸지 않으므로" """
    w = nn.init.orthogonal_(torch.empty(64, 64), generator=torch.Generator().manual_seed(0))
    x = torch.randn(10, 64)
    assert torch.allclose((x @ w.T).norm(dim=1), x.norm(dim=1), rtol=1e-4)


def test_in_place_change_of_a_leaf_weight_needs_no_grad():
    """ "`layer.weight.normal_()`처럼 그냥 제자리에서 바꾸면 … 오류가 난다" """
    layer = nn.Linear(4, 3)
    with pytest.raises(RuntimeError, match="leaf Variable that requires grad"):
        layer.weight.normal_()
    with torch.no_grad():
        layer.weight.normal_()
    assert layer.weight.requires_grad


def test_changing_data_hides_the_change_from_autograd():
    """ "`w.data`를 통한 변경은 autograd가 보지 못한다 … 기울기가 조용히 틀린다" """
    w = torch.ones(2, requires_grad=True)
    out = (w * w).sum()
    w.data.mul_(10)
    out.backward()  # 오류 없이 지나간다
    assert torch.equal(w.grad, torch.full((2,), 20.0))  # 바꾸기 전 w(=1)라면 2여야 한다

    v = torch.ones(2, requires_grad=True)
    out = (v * v).sum()
    with torch.no_grad():
        v.mul_(10)
    with pytest.raises(RuntimeError, match="modified by an inplace operation"):
        out.backward()  # no_grad 로 바꾼 것은 autograd 가 알아챈다


# --- 학습으로 확인하기 ---


@pytest.fixture(scope="module")
def runs():
    return {run.scheme: run for run in init_comparison()}


def test_std_001_stays_at_ln_10_from_start_to_end(runs):
    """ "표준편차 0.01은 처음부터 끝까지 그 값(ln 10)에 머문다 … 시험 정확도도 찍는 수준이다" """
    small = runs["std0.01"]
    assert small.losses[0] == pytest.approx(LN10, abs=0.01)
    assert small.final_loss == pytest.approx(LN10, abs=0.02)
    assert small.test_accuracy < 0.2


def test_he_goes_down_fastest_and_lowest_and_xavier_learns_slowly(runs):
    """ "자비에르 초기화는 배우기는 하지만 느리다 … 허 초기화가 가장 빨리, 가장 낮게 내려간다" """
    he, xavier = runs["he"], runs["xavier"]
    assert he.final_loss < xavier.final_loss < LN10 - 0.1
    assert he.losses[50] < xavier.losses[50]
    assert he.test_accuracy > xavier.test_accuracy


@pytest.fixture(scope="module")
def longer_runs():
    return {run.scheme: run for run in init_comparison(steps=3000)}


@pytest.fixture(scope="module")
def larger_lr_runs():
    return {run.scheme: run for run in init_comparison(lr=0.1)}


def test_xavier_catches_up_with_more_steps_or_a_larger_lr(runs, longer_runs, larger_lr_runs):
    """ "자비에르 초기화는 오래 돌리면 허 초기화를 거의 따라오고, 학습률을 키워도 둘의 차이가 크게 준다" """
    gap_300 = runs["xavier"].final_loss - runs["he"].final_loss
    for later in (longer_runs, larger_lr_runs):
        assert later["xavier"].final_loss - later["he"].final_loss < gap_300 / 10
        assert later["xavier"].final_loss < 0.2
    assert longer_runs["he"].test_accuracy - longer_runs["xavier"].test_accuracy < 0.02


def test_std_001_stays_at_ln_10_with_more_steps_or_a_larger_lr(longer_runs, larger_lr_runs):
    """ "표준편차 0.01은 어느 쪽에서도 ln 10에 머문다 … 아예 출발하지 못한다" """
    for later in (longer_runs, larger_lr_runs):
        assert later["std0.01"].final_loss == pytest.approx(LN10, abs=0.02)
        assert later["std0.01"].test_accuracy < 0.2

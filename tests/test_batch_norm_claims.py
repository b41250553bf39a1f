"""docs/dl/batch-norm.md 가 실험과 파이토치에 대해 주장하는 문장들. 노트의 순서를 따른다.

각 테스트의 docstring 은 노트의 문장(줄임)이다. 실험이나 고정한 torch(2.13.0)에서 그 문장이 틀리면 실패한다.
"""

from __future__ import annotations

import math

import pytest
import torch
from torch import nn

from snippets.batch_norm.alternatives import batch_mean_noise
from snippets.batch_norm.experiment import (
    SCALES,
    bn_comparison,
    first_batch_loss,
    loss_along_gradient,
    loss_spread,
)
from snippets.batch_norm.images import channel_stats
from snippets.batch_norm.modes import feed_batches
from snippets.batch_norm.scratch import (
    BatchNorm1dScratch,
    batch_norm_backward,
    batch_norm_train,
    train_side_by_side,
)

LN10 = math.log(10)


# --- 알고리즘 ---


def test_default_epsilon_and_momentum():
    """ "파이토치의 기본값은 10^-5이다" / "`momentum` 인자(기본값 0.1)" """
    bn = nn.BatchNorm1d(3)
    assert bn.eps == 1e-5
    assert bn.momentum == 0.1


def test_gamma_sigma_beta_mu_undoes_the_normalisation():
    """ "γ와 β를 데이터 전체(모집단)의 표준편차와 평균에 맞춰 배우면 정규화를 거의 되돌릴 수 있다 …
    배치마다 바뀌므로 정확히 되돌리지는 못한다" """
    g = torch.Generator().manual_seed(0)
    gamma, beta = (
        torch.full((3,), 4.0, dtype=torch.float64),
        torch.full((3,), 7.0, dtype=torch.float64),
    )

    def worst_error(batch_size):  # 모집단 N(7, 4²)에서 뽑은 배치를 고정된 γ, β로 되돌린 오차
        x = torch.randn(batch_size, 3, generator=g, dtype=torch.float64) * 4 + 7
        return (batch_norm_train(x, gamma, beta) - x).abs().max().item()

    assert worst_error(4096) < 0.5
    assert worst_error(4) > 10 * worst_error(4096)


@pytest.mark.parametrize(
    "module, shape",
    [
        (nn.BatchNorm1d, (6, 2)),  # (N, C): n = N
        (nn.BatchNorm1d, (4, 2, 5)),  # (N, C, L): n = N·L
        (nn.BatchNorm2d, (3, 2, 4, 5)),  # (N, C, H, W): n = N·H·W
    ],
)
def test_running_var_stores_the_unbiased_variance_over_every_value_of_a_channel(module, shape):
    """ "n은 채널 하나의 통계를 내는 데 쓴 값의 수다 … (N, C, L)이면 N·L, 이미지이면 N·H·W" """
    x = torch.randn(*shape) * 3 + 1
    bn = module(shape[1])
    bn(x)
    values = x.transpose(0, 1).reshape(shape[1], -1)
    assert torch.allclose(bn.running_mean, 0.1 * values.mean(dim=1))
    assert torch.allclose(bn.running_var, 0.9 + 0.1 * values.var(dim=1, unbiased=True))
    assert not torch.allclose(bn.running_var, 0.9 + 0.1 * values.var(dim=1, unbiased=False))


def test_batch_variance_divided_by_n_underestimates_by_n_minus_1_over_n():
    """ "표본의 평균을 빼고 구한 분산은 모집단 분산보다 평균적으로 (n-1)/n배 작으므로" """
    batches = torch.randn(40000, 4, generator=torch.Generator().manual_seed(5))
    biased = batches.var(dim=1, unbiased=False).mean().item()
    unbiased = batches.var(dim=1, unbiased=True).mean().item()
    assert biased == pytest.approx(3 / 4, abs=0.02)
    assert unbiased == pytest.approx(1.0, abs=0.02)


# --- 밑바닥부터 구현하기 ---


def test_scratch_layer_matches_pytorch_for_five_steps_and_in_eval_mode():
    """ "출력, 이동 평균, 이동 분산, γ, β가 모두 소수 다섯째 자리까지 같다 … eval()로 … allclose가 참이다" """
    torch.manual_seed(3)
    ours, ref = BatchNorm1dScratch(4), nn.BatchNorm1d(4)
    batches = [torch.randn(16, 4) * 3 + 2 for _ in range(5)]
    diffs = train_side_by_side(ours, ref, batches)
    assert all(d < 5e-6 for d in diffs.values()), diffs
    ours.eval(), ref.eval()
    x = torch.randn(3, 4)
    assert torch.allclose(ours(x), ref(x), atol=1e-6)


def test_running_mean_reaches_about_1_minus_0_9_to_the_k_of_the_data_mean():
    """ "여섯 번 갱신했으니 기대할 수 있는 값은 2 × (1 - 0.9^6)이고, 측정값이 그 근처다" """
    bn = nn.BatchNorm1d(50)
    torch.manual_seed(4)
    for _ in range(6):
        bn(torch.randn(64, 50) * 3 + 2)
    assert bn.running_mean.mean().item() == pytest.approx(2 * (1 - 0.9**6), abs=0.05)


# --- 역전파 ---


def test_hand_derived_backward_equals_autograd():
    """ "손으로 푼 식이 자동 미분과 같은지 … 배정밀도(float64)로 확인한다" """
    torch.manual_seed(2)
    x = torch.randn(8, 3, dtype=torch.float64, requires_grad=True)
    gamma = torch.rand(3, dtype=torch.float64, requires_grad=True)
    beta = torch.randn(3, dtype=torch.float64, requires_grad=True)
    dout = torch.randn(8, 3, dtype=torch.float64)
    batch_norm_train(x, gamma, beta).backward(dout)
    dx, dgamma, dbeta = batch_norm_backward(dout, x.detach(), gamma.detach())
    assert torch.allclose(dx, x.grad) and torch.allclose(dgamma, gamma.grad)
    assert torch.allclose(dbeta, beta.grad)


def test_input_gradient_has_no_component_along_shift_or_stretch():
    """ "입력 전체를 똑같이 옮기거나 똑같이 늘여도 출력이 변하지 않으니, 그 방향으로는 기울기가 없어야 한다" """
    x = (
        torch.randn(16, 1, dtype=torch.float64) * 10
    )  # 분산이 ε보다 훨씬 커서 늘이는 방향도 거의 불변
    dout = torch.randn(16, 1, dtype=torch.float64)
    dx, _, _ = batch_norm_backward(dout, x, torch.ones(1, dtype=torch.float64))
    x_hat = (x - x.mean()) / x.std(unbiased=False)
    scale = dx.norm().item() * x_hat.norm().item()
    assert abs(dx.sum().item()) < 1e-9 * scale
    assert abs((dx * x_hat).sum().item()) < 1e-6 * scale


# --- model.train()과 model.eval() ---


def test_train_mode_output_depends_on_the_batch_and_eval_mode_does_not():
    """ "학습 모드에서는 같은 샘플이라도 함께 들어온 배치가 다르면 결과가 다르다 … 추론 모드에서는 … 같다" """
    bn = nn.BatchNorm1d(3)
    sample = torch.tensor([[1.0, 2.0, 3.0]])
    a = torch.cat([sample, torch.randn(7, 3)])
    b = torch.cat([sample, torch.randn(7, 3) + 5])
    assert not torch.allclose(bn(a)[0], bn(b)[0])
    bn.eval()
    assert torch.allclose(bn(a)[0], bn(b)[0])


def test_one_value_per_channel_is_an_error_only_in_train_mode():
    """ "(N, C) 입력에 샘플을 하나만 넣으면 … 학습 모드의 파이토치는 오류를 낸다. 추론 모드에서는 문제가 없다" """
    bn = nn.BatchNorm1d(3)
    with pytest.raises(ValueError, match="Expected more than 1 value per channel when training"):
        bn(torch.randn(1, 3))
    bn.eval()
    assert bn(torch.randn(1, 3)).shape == (1, 3)


def test_running_stats_approach_the_data_after_50_batches():
    """ "한 번 갱신했을 때는 처음 값에 가깝고, 50번쯤 지나면 데이터의 통계에 거의 닿는다" """
    target_mean, target_var = torch.tensor([3.0, -1.0]), torch.tensor([4.0, 0.25])
    once, many = feed_batches(1), feed_batches(50)
    assert torch.allclose(once.running_mean, torch.zeros(2), atol=0.5)
    assert torch.allclose(many.running_mean, target_mean, rtol=0.05, atol=0.05)
    assert torch.allclose(many.running_var, target_var, rtol=0.1)


def test_momentum_none_keeps_a_plain_cumulative_average():
    """ "`momentum=None`으로 두면 … 배치 통계의 단순 평균(누적 평균)을 쌓는다" """
    bn = nn.BatchNorm1d(2, momentum=None)
    batches = [torch.randn(8, 2) + i for i in range(4)]
    for batch in batches:
        bn(batch)
    expected = torch.stack([b.mean(dim=0) for b in batches]).mean(dim=0)
    assert torch.allclose(bn.running_mean, expected, atol=1e-6)


def test_without_running_stats_eval_still_uses_the_batch():
    """ "`track_running_stats=False`로 두면 이동 평균을 아예 두지 않고, 추론 모드에서도 배치 통계를 쓴다" """
    bn = nn.BatchNorm1d(2, track_running_stats=False).eval()
    assert bn.running_mean is None and bn.running_var is None
    sample = torch.tensor([[1.0, 2.0]])
    a, b = torch.cat([sample, torch.randn(5, 2)]), torch.cat([sample, torch.randn(5, 2) + 3])
    assert not torch.allclose(bn(a)[0], bn(b)[0])


def test_eval_does_not_turn_off_gradients_and_no_grad_does_not_stop_updates():
    """ "`model.eval()`은 … 기울기 추적은 그대로 … `torch.no_grad()`만 쓰고 `eval()`을 잊으면 … 이동 평균까지 갱신한다" """
    bn = nn.BatchNorm1d(2).eval()
    assert bn(torch.randn(4, 2, requires_grad=True)).requires_grad
    bn.train()
    with torch.no_grad():
        bn(torch.randn(4, 2) + 10)
    assert bn.running_mean.min().item() > 0.5


# --- 이미지에서: BatchNorm2d ---


def test_batchnorm2d_normalises_each_channel_over_n_h_w():
    """ "`nn.BatchNorm2d`는 채널마다 … N·H·W개의 값으로 평균과 분산을 낸다" """
    images = torch.randn(5, 3, 4, 6) * 2 + 5
    mean, var = channel_stats(images)
    expected = (images - mean[None, :, None, None]) / torch.sqrt(var[None, :, None, None] + 1e-5)
    assert torch.allclose(nn.BatchNorm2d(3)(images), expected, atol=1e-5)


def test_a_single_image_runs_in_train_mode_and_erases_brightness():
    """ "학습 모드에서 이미지 한 장을 넣어도 오류가 나지 않는다 … 밝기가 전혀 다른 두 이미지가 같은 출력을 낸다" """
    bn = nn.BatchNorm2d(3)
    image = torch.randn(1, 3, 8, 8)
    assert torch.allclose(bn(image), bn(image * 3 + 10), atol=1e-4)
    assert bn(torch.randn(1, 3, 1, 8)).shape == (1, 3, 1, 8)


def test_a_single_image_in_train_mode_leaks_into_the_running_mean():
    """ "예측할 때마다 이동 평균에도 그 한 장의 통계가 섞여 들어간다" """
    bn = nn.BatchNorm2d(3)
    bn(torch.randn(1, 3, 8, 8) + 10)
    assert torch.allclose(bn.running_mean, torch.full((3,), 1.0), atol=0.1)  # 0.9·0 + 0.1·10


def test_single_pixel_single_image_is_the_only_error_case():
    """ "오류는 채널마다 값이 정확히 하나일 때, 예를 들어 (1, C, 1, 1)일 때만 난다" """
    with pytest.raises(ValueError, match="Expected more than 1 value per channel"):
        nn.BatchNorm2d(3)(torch.randn(1, 3, 1, 1))
    nn.BatchNorm1d(2)(torch.randn(1, 2, 7))  # (1, C, L>1)은 오류 없이 돈다


# --- 실험: 가중치 규모와 배치 정규화 ---


@pytest.fixture(scope="module")
def runs():
    return {(r.use_bn, r.scale): r for r in bn_comparison()}


def test_without_bn_small_scales_stay_at_ln_10(runs):
    """ "작은 쪽(0.01, 0.03)에서는 … 손실이 ln 10에 머문다" """
    for scale in (0.01, 0.03):
        assert runs[(False, scale)].final_loss == pytest.approx(LN10, abs=0.01)


def test_without_bn_scale_1_diverges_and_scale_0_3_spikes_to_hundreds(runs):
    """ "1.0에서는 손실이 몇 단계 만에 발산하고, 0.3에서는 처음 몇 단계의 손실이 수백까지 튀었다가 간신히 돌아온다" """
    diverged = runs[(False, 1.0)]
    assert math.isnan(diverged.final_loss)
    assert sum(math.isfinite(v) for v in diverged.losses) < 10
    spiky = runs[(False, 0.3)]
    assert 100 < max(spiky.losses[:5]) < 1000
    assert spiky.final_loss < 0.5


def test_without_bn_only_0_1_and_0_3_learn(runs):
    """ "제대로 배운 것은 … 0.1과 0.3뿐이다" """
    learned = [s for (bn, s), r in runs.items() if not bn and r.final_loss < 0.5]
    assert learned == [0.1, 0.3]


def test_with_bn_every_scale_learns_and_the_spread_is_small(runs):
    """ "배치 정규화가 있으면 다섯 규모가 모두 학습된다. 최종 손실은 규모에 따라 여러 배 차이가 나지만, 가장 나쁜
    규모도 처음 값 ln 10보다 한참 아래로 … 없으면 두 규모는 ln 10에 머물고 하나는 발산한다" """
    finals = [r.final_loss for (bn, _), r in runs.items() if bn]
    assert max(finals) > 3 * min(finals)
    assert max(finals) < math.log(10) / 5
    without = [r.final_loss for (bn, _), r in runs.items() if not bn]
    assert sum(abs(f - math.log(10)) < 0.01 for f in without) == 2
    assert sum(math.isnan(f) for f in without) == 1
    assert loss_spread(tuple(runs.values()), use_bn=False) == math.inf


def test_with_bn_goes_down_faster_and_lower_where_both_learn(runs):
    """ "둘 다 학습되는 0.1과 0.3에서도 배치 정규화 쪽이 더 빨리, 더 낮게 내려간다" """
    for scale in (0.1, 0.3):
        with_bn, without = runs[(True, scale)], runs[(False, scale)]
        assert with_bn.final_loss < without.final_loss / 2
        assert sum(with_bn.losses[40:60]) < sum(without.losses[40:60])


def test_with_bn_scale_1_starts_highest(runs):
    """ "표준편차 1.0일 때 배치 정규화 쪽의 손실이 가장 높게 출발하는 것은" """
    starts = {s: r.losses[0] for (bn, s), r in runs.items() if bn}
    assert max(starts, key=starts.get) == 1.0
    assert first_batch_loss(1.0) == pytest.approx(starts[1.0])


def test_with_bn_the_high_start_comes_from_the_output_layer_alone():
    """ "출력층의 가중치가 커서 … 출력층만 표준편차 0.1로 다시 뽑으면 다섯 규모의 첫 손실이 모두 같아진다 …
    은닉층의 규모는 첫 손실에 아무 영향이 없다" """
    redrawn = [first_batch_loss(scale, output_scale=0.1) for scale in SCALES]
    assert max(redrawn) - min(redrawn) < 1e-3
    assert first_batch_loss(1.0) > 3 * redrawn[-1]


def test_bn_is_scale_invariant_except_for_epsilon():
    """ "100배로 키워도 출력이 같고, 100분의 1로 줄이면 ε이 상대적으로 커진 만큼만 조금 달라진다" """
    g = torch.Generator().manual_seed(0)
    x, w = torch.randn(32, 10, generator=g), torch.randn(10, 5, generator=g)
    bn = nn.BatchNorm1d(5)
    assert torch.allclose(bn(x @ w), bn(x @ (100 * w)), atol=1e-4)
    small = (bn(x @ w) - bn(x @ (0.01 * w))).abs().max().item()
    assert 1e-3 < small < 0.1


def test_weight_gradient_shrinks_as_one_over_the_scale():
    """ "가중치에 대한 기울기는 거꾸로 1/a배가 된다" """
    g = torch.Generator().manual_seed(1)
    x, w = torch.randn(32, 10, generator=g), torch.randn(10, 5, generator=g)
    target = torch.randn(32, 5, generator=g)
    bn = nn.BatchNorm1d(5)
    norms = []
    for a in (1.0, 7.0):
        v = (a * w).requires_grad_()
        ((bn(x @ v) - target) ** 2).mean().backward()
        norms.append(v.grad.norm().item())
    assert norms[0] / norms[1] == pytest.approx(7.0, rel=1e-3)


def test_bn_makes_the_loss_along_the_gradient_much_flatter():
    """ "배치 정규화가 있으면 같은 방향으로 멀리 걸어도 손실이 거의 같다. 없으면 손실이 크게 흔들린다" """
    assert loss_along_gradient(True) < loss_along_gradient(False) / 5


# --- 한계와 대안 ---


@pytest.fixture(scope="module")
def lr_runs():
    return {
        lr: {r.use_bn: r for r in bn_comparison(scales=(0.1,), lr=lr)} for lr in (0.05, 0.5, 1.0)
    }


def test_bn_survives_a_learning_rate_that_diverges_without_it(lr_runs):
    """ "학습률을 열 배로 올리면 배치 정규화가 없는 쪽은 손실이 오히려 높아지고, 스무 배에서는 발산한다. 배치 정규화
    쪽은 두 학습률 모두에서 잘 배운다" """
    assert lr_runs[0.5][False].final_loss > lr_runs[0.05][False].final_loss
    assert math.isnan(lr_runs[1.0][False].final_loss)
    for lr in (0.5, 1.0):
        assert lr_runs[lr][True].final_loss < 0.1
        assert lr_runs[lr][True].test_accuracy > 0.95


def test_batch_mean_noise_shrinks_as_one_over_root_n():
    """ "배치의 평균이 배치마다 얼마나 흔들리는지 … 이론대로 1/√n에 비례한다" """
    for n in (2, 8, 32, 128):
        assert batch_mean_noise(n) == pytest.approx(1 / math.sqrt(n), rel=0.06)


def test_batch_of_two_always_becomes_minus_one_and_plus_one():
    """ "두 값이 다르면, 평균을 빼고 표준편차로 나눈 결과는 언제나 -1과 +1이다" """
    bn = nn.BatchNorm1d(4, affine=False)
    x = torch.randn(2, 4, generator=torch.Generator().manual_seed(0)) * 10
    x[1] += (
        30  # 두 값의 차이가 ε에 비해 충분히 크게(차이가 작으면 ±1에 조금 못 미친다: 노트의 첫째 열)
    )
    out = bn(x)
    assert torch.allclose(out.abs(), torch.ones(2, 4), atol=1e-4)
    assert torch.equal(out[0].sign(), -out[1].sign())
    assert torch.allclose(
        bn(torch.full((2, 4), 5.0)), torch.zeros(2, 4), atol=1e-3
    )  # 두 값이 같으면 둘 다 0


def test_layer_norm_ignores_the_sample_scale_and_the_batch():
    """ "두 샘플은 규모가 열 배 다르지만 층 정규화를 거치면 같은 값이 된다 … 샘플 하나만 넣어도 … 같은 결과" """
    x = torch.tensor([[1.0, 2.0, 3.0, 4.0], [10.0, 20.0, 30.0, 40.0]])
    ln = nn.LayerNorm(4, elementwise_affine=False)
    out = ln(x)
    assert torch.allclose(out[0], out[1], atol=1e-5)
    assert torch.allclose(ln(x[:1]), out[:1])


def test_group_norm_with_one_group_is_layer_norm_and_with_c_groups_is_instance_norm():
    """ "그룹이 하나면 층 정규화와 같고, 그룹 수가 채널 수와 같으면 … 인스턴스 정규화가 된다" """
    x = torch.randn(3, 6, 5)
    layer = nn.LayerNorm((6, 5), elementwise_affine=False)
    assert torch.allclose(nn.GroupNorm(1, 6, affine=False)(x), layer(x), atol=1e-5)
    instance = nn.InstanceNorm1d(6)
    assert torch.allclose(nn.GroupNorm(6, 6, affine=False)(x), instance(x), atol=1e-5)

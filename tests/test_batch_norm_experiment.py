"""그림 3 뒤의 숫자: 배치 정규화가 있으면 가중치 규모가 달라도 비슷하게 학습된다."""

from __future__ import annotations

import math

import pytest

from snippets.batch_norm import experiment
from snippets.batch_norm.experiment import SCALES, bn_comparison, loss_spread, make_bn_mlp
from snippets.weight_init import training


@pytest.fixture(scope="module")
def runs():
    return bn_comparison()


def final(runs, use_bn):
    return {r.scale: r.final_loss for r in runs if r.use_bn == use_bn}


def test_with_bn_the_loss_varies_far_less_across_weight_scales(runs):
    assert loss_spread(runs, use_bn=True) < 0.5
    learned_without = [v for v in final(runs, False).values() if math.isfinite(v)]
    # 발산한 학습을 빼고 보아도 BN 이 없으면 규모에 따라 손실이 크게 갈린다
    assert max(learned_without) - min(learned_without) > 1.5
    assert loss_spread(runs, use_bn=False) > 4 * loss_spread(runs, use_bn=True)


def test_with_bn_every_scale_learns(runs):
    for run in runs:
        if run.use_bn:
            assert run.final_loss < 0.5, run.scale
            assert run.test_accuracy > 0.75, run.scale  # 찍을 때(0.1)보다 훨씬 높다


def test_without_bn_small_scales_stall_and_large_scales_diverge(runs):
    without = final(runs, False)
    assert without[0.01] > 2.25 and without[0.03] > 2.25
    assert math.isnan(without[1.0])
    assert without[0.1] < 1.0  # He 초깃값(√(2/100)≈0.14) 근처에서만 배운다


def test_bn_learns_faster_at_the_scale_where_both_learn(runs):
    at = {r.use_bn: r for r in runs if r.scale == 0.1}
    assert at[True].final_loss < at[False].final_loss / 3
    early = {use_bn: sum(r.losses[40:60]) / 20 for use_bn, r in at.items()}
    assert early[True] < early[False] - 1.0


def test_every_scale_is_tried_with_and_without_bn(runs):
    assert sorted((r.use_bn, r.scale) for r in runs) == sorted(
        (b, s) for b in (False, True) for s in SCALES
    )


def test_experiment_reuses_the_weight_init_data_and_training_loop():
    assert experiment.load_digits_data is training.load_digits_data
    assert experiment.train is training.train


def test_bn_model_puts_batchnorm_between_linear_and_relu():
    model = make_bn_mlp(64, use_bn=True)
    kinds = [type(m).__name__ for m in model]
    assert kinds[:3] == ["Linear", "BatchNorm1d", "ReLU"]
    assert kinds.count("BatchNorm1d") == 5
    assert model[0].bias is None  # BN 바로 앞의 편향은 쓸모가 없어서 뺀다


def test_loss_spread_counts_divergence_as_infinite():
    runs = (
        experiment.BNRun(False, 0.1, (1.0,) * 20, 0.5),
        experiment.BNRun(False, 1.0, (math.nan,) * 20, math.nan),
    )
    assert loss_spread(runs, use_bn=False) == math.inf

"""상수 초깃값은 대칭성을 깨지 못하고, 무작위 초깃값은 깬다."""

from __future__ import annotations

import pytest
import torch

from snippets.weight_init.symmetry import distinct_units, make_xor_net, predict, train_xor


def test_constant_init_keeps_hidden_units_identical_after_training():
    net, losses = train_xor("constant")
    weights = net[0].weight.detach()
    assert distinct_units(net[0]) == 1
    assert torch.equal(weights, weights[:1].expand_as(weights))
    # 학습은 됐다(가중치가 처음 값 0.5 에서 움직였다). 다만 모든 유닛이 함께 움직였다.
    assert not torch.allclose(weights, torch.full_like(weights, 0.5))
    assert losses[-1] < losses[0]


def test_constant_init_cannot_solve_xor():
    net, losses = train_xor("constant")
    assert losses[-1] > 0.15  # 유닛 하나짜리 신경망의 한계 1/6 근처에서 멈춘다
    assert [round(p) for p in predict(net)] != [0, 1, 1, 0]


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_random_init_breaks_symmetry_and_solves_xor(seed):
    net, losses = train_xor("random", seed=seed)
    assert distinct_units(net[0]) == 3
    assert losses[-1] < 0.01
    assert [round(p) for p in predict(net)] == [0, 1, 1, 0]


def test_unknown_init_is_rejected():
    with pytest.raises(ValueError, match="constant"):
        make_xor_net("zeros")

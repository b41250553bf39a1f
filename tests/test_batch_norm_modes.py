"""model.train() 에서는 배치 통계를, model.eval() 에서는 이동 평균을 쓴다."""

from __future__ import annotations

import pytest
import torch
from torch import nn

from snippets.batch_norm.modes import feed_batches, same_first_row


def test_train_mode_output_depends_on_the_other_samples_and_eval_mode_does_not():
    torch.manual_seed(0)
    model = nn.Sequential(nn.Linear(3, 3), nn.BatchNorm1d(3))
    sample = torch.tensor([[1.0, 2.0, 3.0]])
    a = torch.cat([sample, torch.randn(7, 3)])
    b = torch.cat([sample, torch.randn(7, 3) + 5])
    model.train()
    assert not same_first_row(model(a), model(b))
    model.eval()
    assert same_first_row(model(a), model(b))


def test_single_sample_fails_only_in_train_mode():
    bn = nn.BatchNorm1d(3)
    with pytest.raises(ValueError, match="more than 1 value"):
        bn(torch.ones(1, 3))
    bn.eval()
    assert bn(torch.ones(1, 3)).shape == (1, 3)


def test_running_statistics_approach_the_data_statistics():
    bn = feed_batches(50)
    assert torch.allclose(bn.running_mean, torch.tensor([3.0, -1.0]), atol=0.25)
    assert torch.allclose(bn.running_var, torch.tensor([4.0, 0.25]), rtol=0.15)


def test_running_statistics_start_far_from_the_data_statistics():
    bn = feed_batches(1)
    # 한 번 갱신하면 0.9 × 처음값 + 0.1 × 배치 평균: 아직 0 에 가깝다
    assert bn.running_mean[0].item() < 0.5

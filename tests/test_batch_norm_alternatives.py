"""작은 배치에서 배치 정규화가 흔들리는 이유와, 샘플마다 정규화하는 대안들."""

from __future__ import annotations

import pytest
import torch
from torch import nn

from snippets.batch_norm.alternatives import batch_mean_noise


@pytest.mark.parametrize("batch_size", [2, 8, 32, 128])
def test_batch_mean_noise_shrinks_like_one_over_sqrt_batch_size(batch_size):
    assert batch_mean_noise(batch_size) == pytest.approx(batch_size**-0.5, rel=0.08)


def test_batch_norm_on_two_samples_keeps_only_the_order():
    g = torch.Generator().manual_seed(0)
    x = torch.randn(2, 10, generator=g) * 10
    out = nn.BatchNorm1d(10, affine=False)(x)
    assert torch.allclose(out.abs(), torch.ones_like(out), atol=1e-3)


def test_layer_norm_normalises_each_sample():
    g = torch.Generator().manual_seed(0)
    x = torch.randn(4, 8, generator=g) * torch.tensor([[1.0], [10.0], [0.1], [5.0]]) + 3
    out = nn.LayerNorm(8, elementwise_affine=False)(x)
    assert torch.allclose(out.mean(dim=1), torch.zeros(4), atol=1e-5)
    assert torch.allclose(out.var(dim=1, unbiased=False), torch.ones(4), atol=1e-3)


def test_layer_norm_gives_the_same_result_alone_or_in_a_batch():
    g = torch.Generator().manual_seed(1)
    x = torch.randn(5, 6, generator=g)
    ln = nn.LayerNorm(6)
    assert torch.allclose(ln(x[2:3]), ln(x)[2:3])


def test_layer_norm_on_tokens_normalises_the_last_dimension():
    g = torch.Generator().manual_seed(2)
    out = nn.LayerNorm(8, elementwise_affine=False)(torch.randn(2, 5, 8, generator=g) * 4 + 1)
    assert torch.allclose(out.mean(dim=-1), torch.zeros(2, 5), atol=1e-5)


def test_group_norm_with_one_group_is_layer_norm():
    g = torch.Generator().manual_seed(3)
    x = torch.randn(3, 6, generator=g)
    assert torch.allclose(
        nn.GroupNorm(1, 6, affine=False)(x), nn.LayerNorm(6, elementwise_affine=False)(x), atol=1e-6
    )


def test_group_norm_normalises_each_group_of_channels():
    g = torch.Generator().manual_seed(4)
    x = torch.randn(3, 6, 4, generator=g) * 3 + 1  # (배치, 채널, 길이)
    groups = nn.GroupNorm(2, 6, affine=False)(x).reshape(3, 2, -1)
    assert torch.allclose(groups.mean(dim=-1), torch.zeros(3, 2), atol=1e-5)
    assert torch.allclose(groups.var(dim=-1, unbiased=False), torch.ones(3, 2), atol=1e-3)

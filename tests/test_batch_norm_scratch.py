"""밑바닥부터 만든 배치 정규화가 torch.nn.BatchNorm1d 와 학습·추론 두 모드에서 같은 값을 낸다."""

from __future__ import annotations

import pytest
import torch
from torch import nn

from snippets.batch_norm.scratch import (
    BatchNorm1dScratch,
    batch_norm_backward,
    batch_norm_train,
    train_side_by_side,
)


def make_batches(n_batches: int, batch_size: int, features: int, seed: int = 0):
    g = torch.Generator().manual_seed(seed)
    return [torch.randn(batch_size, features, generator=g) * 3 + 2 for _ in range(n_batches)]


@pytest.mark.parametrize(("batch_size", "momentum"), [(2, 0.1), (16, 0.1), (64, 0.3), (5, 0.9)])
def test_scratch_matches_batchnorm1d_in_train_mode(batch_size, momentum):
    ours, ref = BatchNorm1dScratch(6, momentum=momentum), nn.BatchNorm1d(6, momentum=momentum)
    diffs = train_side_by_side(ours, ref, make_batches(8, batch_size, 6))
    assert max(diffs.values()) < 1e-5, diffs
    assert ours.num_batches_tracked.item() == ref.num_batches_tracked.item() == 8


def test_scratch_matches_batchnorm1d_in_eval_mode():
    ours, ref = BatchNorm1dScratch(4), nn.BatchNorm1d(4)
    train_side_by_side(ours, ref, make_batches(10, 16, 4))
    ours.eval()
    ref.eval()
    x = make_batches(1, 3, 4, seed=1)[0]
    assert torch.allclose(ours(x), ref(x), atol=1e-6)
    # 추론 모드에서는 이동 통계가 바뀌지 않는다
    before = ours.running_mean.clone()
    ours(x)
    assert torch.equal(before, ours.running_mean)


def test_eval_mode_uses_running_statistics_not_the_batch():
    bn = BatchNorm1dScratch(3)
    with torch.no_grad():
        bn.running_mean.copy_(torch.tensor([1.0, 2.0, 3.0]))
        bn.running_var.copy_(torch.tensor([4.0, 4.0, 4.0]))
    bn.eval()
    out = bn(torch.tensor([[3.0, 2.0, 1.0]]))
    assert torch.allclose(out, torch.tensor([[1.0, 0.0, -1.0]]), atol=1e-5)


def test_train_mode_output_has_zero_mean_and_unit_variance():
    x = make_batches(1, 32, 5)[0]
    y = BatchNorm1dScratch(5)(x)
    assert torch.allclose(y.mean(dim=0), torch.zeros(5), atol=1e-5)
    assert torch.allclose(y.var(dim=0, unbiased=False), torch.ones(5), atol=1e-3)


def test_manual_backward_matches_autograd():
    g = torch.Generator().manual_seed(0)
    x = torch.randn(12, 5, generator=g, dtype=torch.float64, requires_grad=True)
    gamma = torch.rand(5, generator=g, dtype=torch.float64, requires_grad=True)
    beta = torch.randn(5, generator=g, dtype=torch.float64, requires_grad=True)
    dout = torch.randn(12, 5, generator=g, dtype=torch.float64)
    batch_norm_train(x, gamma, beta).backward(dout)
    dx, dgamma, dbeta = batch_norm_backward(dout, x.detach(), gamma.detach())
    assert torch.allclose(dx, x.grad)
    assert torch.allclose(dgamma, gamma.grad)
    assert torch.allclose(dbeta, beta.grad)


def test_input_gradient_matches_batchnorm1d():
    x1 = make_batches(1, 8, 3)[0].requires_grad_()
    x2 = x1.detach().clone().requires_grad_()
    dout = torch.linspace(-1, 1, 24).reshape(8, 3)
    BatchNorm1dScratch(3)(x1).backward(dout)
    nn.BatchNorm1d(3)(x2).backward(dout)
    assert torch.allclose(x1.grad, x2.grad, atol=1e-5)


def test_gradcheck_passes():
    g = torch.Generator().manual_seed(1)
    inputs = tuple(
        torch.randn(shape, generator=g, dtype=torch.float64, requires_grad=True)
        for shape in ((6, 3), (3,), (3,))
    )
    assert torch.autograd.gradcheck(batch_norm_train, inputs)


def test_a_single_sample_is_rejected_in_train_mode():
    with pytest.raises(ValueError, match="둘 이상"):
        BatchNorm1dScratch(3)(torch.ones(1, 3))


def test_running_statistics_are_buffers_in_the_state_dict():
    state = BatchNorm1dScratch(3).state_dict()
    assert set(state) == {"gamma", "beta", "running_mean", "running_var", "num_batches_tracked"}
    assert [name for name, _ in BatchNorm1dScratch(3).named_parameters()] == ["gamma", "beta"]

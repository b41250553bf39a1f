"""배치 정규화를 밑바닥부터: 순전파(학습/추론 모드), 이동 평균, 역전파 식.

만든 것이 torch.nn.BatchNorm1d와 같은 값을 내는지 두 모드에서 확인한다. 두 층에 같은 배치를
넣고, 같은 손실로 같은 SGD 단계를 밟게 한 뒤 출력, 이동 평균, 이동 분산, γ, β를 비교한다.

# --8<-- [start:compare]
>>> _ = torch.manual_seed(0)
>>> ours, ref = BatchNorm1dScratch(4), nn.BatchNorm1d(4)
>>> batches = [torch.randn(16, 4) * 3 + 2 for _ in range(5)]   # 평균 2, 표준편차 3인 입력
>>> diffs = train_side_by_side(ours, ref, batches)
>>> {name: round(d, 5) for name, d in diffs.items()}
{'출력': 0.0, '이동 평균': 0.0, '이동 분산': 0.0, 'γ': 0.0, 'β': 0.0}
>>> x = torch.randn(16, 4) * 3 + 2
>>> y_ours, y_ref = ours(x), ref(x)      # 학습 모드: 이 배치의 평균과 분산으로 정규화한다
>>> torch.allclose(y_ours, y_ref, atol=1e-6), round((y_ours - y_ref).abs().max().item(), 5)
(True, 0.0)
>>> _ = ours.eval(), ref.eval()          # 추론 모드: 이동 평균과 이동 분산을 쓴다
>>> x = torch.randn(3, 4) * 3 + 2
>>> torch.allclose(ours(x), ref(x), atol=1e-6), round((ours(x) - ref(x)).abs().max().item(), 5)
(True, 0.0)
>>> ours.num_batches_tracked, ours.running_mean
(tensor(6), tensor([0.9285, 1.0044, 1.1507, 0.9320]))
>>> round(2 * (1 - 0.9 ** ours.num_batches_tracked.item()), 2)     # 0에서 출발한 이동 평균의 기댓값
0.94
>>> sorted(ours.state_dict())                       # 버퍼는 매개변수와 함께 저장된다
['beta', 'gamma', 'num_batches_tracked', 'running_mean', 'running_var']

# --8<-- [end:compare]
# --8<-- [start:check_backward]
>>> _ = torch.manual_seed(1)
>>> x = torch.randn(16, 4, dtype=torch.float64, requires_grad=True)
>>> gamma = torch.rand(4, dtype=torch.float64, requires_grad=True)
>>> beta = torch.randn(4, dtype=torch.float64, requires_grad=True)
>>> dout = torch.randn(16, 4, dtype=torch.float64)
>>> batch_norm_train(x, gamma, beta).backward(dout)          # 자동 미분
>>> dx, dgamma, dbeta = batch_norm_backward(dout, x.detach(), gamma.detach())   # 손으로 푼 식
>>> [torch.allclose(a, b) for a, b in [(dx, x.grad), (dgamma, gamma.grad), (dbeta, beta.grad)]]
[True, True, True]
>>> torch.autograd.gradcheck(batch_norm_train, (x, gamma, beta))
True

# --8<-- [end:check_backward]
"""

from __future__ import annotations

import torch
from torch import nn


# --8<-- [start:forward]
def batch_norm_train(x, gamma, beta, eps: float = 1e-5):
    """학습 모드의 배치 정규화. x는 (배치, 특성). 특성마다 배치 통계로 정규화한다."""
    mean = x.mean(dim=0)  # μ_B
    var = x.var(dim=0, unbiased=False)  # σ²_B (n으로 나눈다)
    x_hat = (x - mean) / torch.sqrt(var + eps)  # 평균 0, 분산 1
    return gamma * x_hat + beta  # 크기와 위치를 다시 배운다


class BatchNorm1dScratch(nn.Module):
    """nn.BatchNorm1d와 같은 규칙으로 동작하는 배치 정규화 층."""

    def __init__(self, num_features: int, eps: float = 1e-5, momentum: float = 0.1):
        super().__init__()
        self.eps, self.momentum = eps, momentum
        self.gamma = nn.Parameter(torch.ones(num_features))  # 크기(scale)
        self.beta = nn.Parameter(torch.zeros(num_features))  # 이동(shift)
        # 학습되지 않고 저장만 되는 값은 buffer로 둔다: state_dict에 들어가고 .to(device)를 따라간다.
        self.register_buffer("running_mean", torch.zeros(num_features))
        self.register_buffer("running_var", torch.ones(num_features))
        # 이동 평균을 몇 번 갱신했는가. 저장하고 불러올 때 함께 가도록 이것도 buffer로 둔다.
        self.register_buffer("num_batches_tracked", torch.tensor(0, dtype=torch.long))

    def forward(self, x):
        if not self.training:  # 추론: 학습 중에 모아 둔 통계로 정규화한다
            x_hat = (x - self.running_mean) / torch.sqrt(self.running_var + self.eps)
            return self.gamma * x_hat + self.beta
        n = x.shape[0]
        if n < 2:
            raise ValueError("학습 모드의 배치 정규화에는 샘플이 둘 이상 있어야 한다")
        with torch.no_grad():  # 이동 평균은 역전파와 상관없다
            alpha = self.momentum  # 새 배치에 주는 비중
            self.running_mean.mul_(1 - alpha).add_(alpha * x.mean(dim=0))
            # 파이토치는 이동 분산에 불편 분산(n - 1로 나눈 값)을 쌓는다
            self.running_var.mul_(1 - alpha).add_(alpha * x.var(dim=0, unbiased=True))
            self.num_batches_tracked += 1
        return batch_norm_train(x, self.gamma, self.beta, self.eps)


# --8<-- [end:forward]


# --8<-- [start:backward]
def batch_norm_backward(dout, x, gamma, eps: float = 1e-5):
    """batch_norm_train의 역전파를 손으로 푼 식. (dx, dγ, dβ)를 돌려준다."""
    n = x.shape[0]
    mean = x.mean(dim=0)
    inv_std = 1.0 / torch.sqrt(x.var(dim=0, unbiased=False) + eps)
    x_hat = (x - mean) * inv_std
    dbeta = dout.sum(dim=0)
    dgamma = (dout * x_hat).sum(dim=0)
    dx_hat = dout * gamma
    # 평균과 분산이 모든 샘플에 의존하므로 두 개의 '배치 전체' 항이 빠진다
    dx = inv_std / n * (n * dx_hat - dx_hat.sum(dim=0) - x_hat * (dx_hat * x_hat).sum(dim=0))
    return dx, dgamma, dbeta


# --8<-- [end:backward]


# --8<-- [start:side_by_side]
def train_side_by_side(
    ours: BatchNorm1dScratch, ref: nn.BatchNorm1d, batches, lr: float = 0.1
) -> dict:
    """두 층에 같은 배치를 넣고 같은 손실로 SGD를 밟는다. 항목별 최대 절대 차이를 돌려준다."""
    opt_ours = torch.optim.SGD(ours.parameters(), lr=lr)
    opt_ref = torch.optim.SGD(ref.parameters(), lr=lr)
    target = torch.linspace(-1, 1, batches[0].shape[1])  # γ, β가 움직이도록 아무 목표나 둔다
    worst = 0.0
    for x in batches:
        y_ours, y_ref = ours(x), ref(x)
        worst = max(worst, (y_ours - y_ref).abs().max().item())
        for y, opt in ((y_ours, opt_ours), (y_ref, opt_ref)):
            opt.zero_grad()
            ((y - target) ** 2).mean().backward()
            opt.step()
    pairs = {
        "출력": worst,
        "이동 평균": (ours.running_mean - ref.running_mean).abs().max().item(),
        "이동 분산": (ours.running_var - ref.running_var).abs().max().item(),
        "γ": (ours.gamma - ref.weight).abs().max().item(),
        "β": (ours.beta - ref.bias).abs().max().item(),
    }
    return pairs


# --8<-- [end:side_by_side]

"""연습 문제 batch-norm/train-forward: 학습 모드의 순전파와 이동 통계 갱신."""

import torch
import torch.nn.functional as F

from snippets.exercises.checks import Case, close


# --8<-- [start:solution]
def batch_norm_train_step(x, gamma, beta, running_mean, running_var, momentum=0.1, eps=1e-5):
    """(N, C) 배치를 배치 통계로 정규화해 돌려주고, 이동 평균과 이동 분산을 제자리에서 갱신한다.

    >>> running_mean, running_var = torch.zeros(1), torch.ones(1)
    >>> y = batch_norm_train_step(torch.tensor([[1.0], [2.0], [3.0], [4.0]]), torch.ones(1),
    ...                           torch.zeros(1), running_mean, running_var)
    >>> running_mean, running_var
    (tensor([0.2500]), tensor([1.0667]))
    """
    n = x.shape[0]
    mean = x.mean(dim=0)
    var = x.var(dim=0, unbiased=False)  # 정규화에는 n으로 나눈 분산
    y = gamma * (x - mean) / torch.sqrt(var + eps) + beta
    with torch.no_grad():
        running_mean.mul_(1 - momentum).add_(momentum * mean)
        # 이동 분산에는 n-1로 나눈 불편 분산을 쌓는다: n/(n-1)을 곱한다.
        running_var.mul_(1 - momentum).add_(momentum * var * n / (n - 1))
    return y


# --8<-- [end:solution]


def batch(n=4, c=3, seed=0):
    g = torch.Generator().manual_seed(seed)
    x = torch.randn(n, c, generator=g) * 3 + 2
    return x, torch.randn(c, generator=g), torch.randn(c, generator=g)


def reference(x, gamma, beta, momentum=0.1):
    """파이토치 함수의 결과: (출력, 이동 평균, 이동 분산)."""
    mean, var = torch.zeros(x.shape[1]), torch.ones(x.shape[1])
    y = F.batch_norm(x, mean, var, gamma, beta, training=True, momentum=momentum)
    return y, mean, var


def run(f, x, gamma, beta, momentum=0.1):
    mean, var = torch.zeros(x.shape[1]), torch.ones(x.shape[1])
    y = f(x, gamma, beta, mean, var, momentum=momentum)
    return y, mean, var


def output_hint(got):
    x, gamma, beta = batch()
    unbiased = gamma * (x - x.mean(0)) / torch.sqrt(x.var(0) + 1e-5) + beta
    if isinstance(got, torch.Tensor) and got.shape == unbiased.shape and torch.allclose(got, unbiased, atol=1e-4):
        return "정규화에 n-1로 나눈 분산을 썼다. 정규화에는 n으로 나눈 분산(unbiased=False)을 쓴다."
    return "x̂ = (x - 배치 평균) / √(배치 분산 + eps), y = γ·x̂ + β. 통계는 dim=0(배치 축)으로 구한다."


def var_hint(got):
    x = batch()[0]
    biased = 0.9 + 0.1 * x.var(0, unbiased=False)
    if isinstance(got, torch.Tensor) and got.shape == biased.shape and torch.allclose(got, biased, atol=1e-4):
        return ("이동 분산에 n으로 나눈(편향된) 분산을 쌓았다. 이동 분산에는 n-1로 나눈 불편 분산, "
                "곧 배치 분산 × n/(n-1)을 쌓는다.")
    return "running_var ← (1 - momentum)·running_var + momentum·(불편 분산). 받은 텐서를 제자리에서 바꾼다."


def cases():
    x, gamma, beta = batch()
    y, mean, var = reference(x, gamma, beta)
    big = batch(n=64, c=2, seed=1)
    big_ref = reference(*big, momentum=0.3)
    return [
        Case("(4, 3) 배치의 출력", lambda f: run(f, x, gamma, beta)[0], y, output_hint, compare=close(atol=1e-4)),
        Case("한 번 갱신한 running_mean", lambda f: run(f, x, gamma, beta)[1], mean,
             "running_mean ← (1 - momentum)·running_mean + momentum·(배치 평균). 받은 텐서를 제자리에서 바꾼다.",
             compare=close(atol=1e-5)),
        Case("한 번 갱신한 running_var", lambda f: run(f, x, gamma, beta)[2], var, var_hint,
             compare=close(atol=1e-5)),
        Case("(64, 2) 배치, momentum=0.3", lambda f: run(f, *big, momentum=0.3), big_ref,
             "momentum은 새 배치의 통계에 주는 비중이다.", compare=close(atol=1e-4)),
    ]  # fmt: skip

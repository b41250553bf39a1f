"""연습 문제 batch-norm/train-forward: (N, C)와 (N, C, H, W) 배치의 학습 모드 순전파와 이동 통계 갱신."""

import torch
import torch.nn.functional as F

from snippets.exercises.checks import Case, close


# --8<-- [start:solution]
def batch_norm_train_step(x, gamma, beta, running_mean, running_var, momentum=0.1, eps=1e-5):
    """(N, C) 또는 (N, C, H, W) 배치를 채널마다 배치 통계로 정규화해 돌려주고,
    이동 평균과 이동 분산을 제자리에서 갱신한다.

    >>> running_mean, running_var = torch.zeros(1), torch.ones(1)
    >>> x = torch.tensor([1.0, 2.0, 3.0, 4.0]).view(1, 1, 2, 2)     # 이미지 한 장, 채널 하나
    >>> y = batch_norm_train_step(x, torch.ones(1), torch.zeros(1), running_mean, running_var)
    >>> running_mean, running_var
    (tensor([0.2500]), tensor([1.0667]))
    """
    dims = [d for d in range(x.dim()) if d != 1]  # 채널 축만 남기고 모두 모은다
    shape = (1, -1) + (1,) * (x.dim() - 2)  # (C,) 통계를 채널 축에 맞춰 세운다
    n = x.numel() // x.shape[1]  # 채널 하나의 값 수: N 또는 N·H·W
    mean = x.mean(dim=dims)
    var = x.var(dim=dims, unbiased=False)  # 정규화에는 n으로 나눈 분산
    x_hat = (x - mean.view(shape)) / torch.sqrt(var.view(shape) + eps)
    with torch.no_grad():
        running_mean.mul_(1 - momentum).add_(momentum * mean)
        # 이동 분산에는 n-1로 나눈 불편 분산을 쌓는다: n/(n-1)을 곱한다.
        running_var.mul_(1 - momentum).add_(momentum * var * n / (n - 1))
    return gamma.view(shape) * x_hat + beta.view(shape)


# --8<-- [end:solution]


def batch(shape=(4, 3), seed=0):
    g = torch.Generator().manual_seed(seed)
    x = torch.randn(*shape, generator=g) * 3 + 2
    return x, torch.randn(shape[1], generator=g), torch.randn(shape[1], generator=g)


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
    if (
        isinstance(got, torch.Tensor)
        and got.shape == unbiased.shape
        and torch.allclose(got, unbiased, atol=1e-4)
    ):
        return "정규화에 n-1로 나눈 분산을 썼다. 정규화에는 n으로 나눈 분산(unbiased=False)을 쓴다."
    return (
        "x̂ = (x - 배치 평균) / √(배치 분산 + eps), y = γ·x̂ + β. 통계는 dim=0(배치 축)으로 구한다."
    )


def var_hint(got):
    x = batch()[0]
    biased = 0.9 + 0.1 * x.var(0, unbiased=False)
    if (
        isinstance(got, torch.Tensor)
        and got.shape == biased.shape
        and torch.allclose(got, biased, atol=1e-4)
    ):
        return (
            "이동 분산에 n으로 나눈(편향된) 분산을 쌓았다. 이동 분산에는 n-1로 나눈 불편 분산, "
            "곧 배치 분산 × n/(n-1)을 쌓는다."
        )
    return "running_var ← (1 - momentum)·running_var + momentum·(불편 분산). 받은 텐서를 제자리에서 바꾼다."


def image_var_hint(image):
    x = image[0]
    per_batch = x.shape[0] / (x.shape[0] - 1)
    values = x.numel() // x.shape[1]
    with_n_as_batch = 0.9 + 0.1 * x.var(dim=(0, 2, 3), unbiased=False) * per_batch

    def hint(got):
        if (
            isinstance(got, torch.Tensor)
            and got.shape == with_n_as_batch.shape
            and torch.allclose(got, with_n_as_batch, atol=1e-5)
        ):
            return (
                f"n/(n-1)의 n으로 배치 크기 {x.shape[0]}를 썼다. n은 채널 하나의 통계에 든 값의 수, "
                f"곧 N·H·W = {values}이다."
            )
        return "이미지에서는 채널마다 N·H·W개의 값으로 평균과 분산을 낸다. 채널 축(dim=1)만 남긴다."

    return hint


IMAGE_HINT = (
    "이미지에서는 채널(dim=1)마다 모든 이미지와 모든 위치의 값으로 평균과 분산을 낸다. "
    "(C,) 통계는 (1, C, 1, 1)로 세워야 채널 축에 맞는다."
)


def cases():
    x, gamma, beta = batch()
    y, mean, var = reference(x, gamma, beta)
    big = batch((64, 2), seed=1)
    big_ref = reference(*big, momentum=0.3)
    image = batch((2, 3, 4, 4), seed=2)
    image_ref = reference(*image)
    return [
        Case("(4, 3) 배치의 출력", lambda f: run(f, x, gamma, beta)[0], y, output_hint, compare=close(atol=1e-4)),
        Case("한 번 갱신한 running_mean", lambda f: run(f, x, gamma, beta)[1], mean,
             "running_mean ← (1 - momentum)·running_mean + momentum·(배치 평균). 받은 텐서를 제자리에서 바꾼다.",
             compare=close(atol=1e-5)),
        Case("한 번 갱신한 running_var", lambda f: run(f, x, gamma, beta)[2], var, var_hint,
             compare=close(atol=1e-5)),
        Case("(64, 2) 배치, momentum=0.3", lambda f: run(f, *big, momentum=0.3), big_ref,
             "momentum은 새 배치의 통계에 주는 비중이다.", compare=close(atol=1e-4)),
        Case("(2, 3, 4, 4) 이미지 배치의 출력과 running_mean", lambda f: run(f, *image)[:2], image_ref[:2],
             IMAGE_HINT, compare=close(atol=1e-4)),
        Case("(2, 3, 4, 4) 이미지 배치로 갱신한 running_var", lambda f: run(f, *image)[2], image_ref[2],
             image_var_hint(image), compare=close(atol=1e-5)),
    ]  # fmt: skip

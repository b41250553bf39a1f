"""연습 문제 batch-norm/eval-forward: (N, C), (N, C, L), (N, C, H, W) 입력의 추론 모드 순전파."""

import torch
import torch.nn.functional as F

from snippets.exercises.checks import Case, close


# --8<-- [start:solution]
def batch_norm_eval(x, running_mean, running_var, gamma, beta, eps=1e-5):
    """채널 축이 1인 입력 (N, C, ...)을 저장된 이동 평균과 이동 분산으로 정규화한다.

    >>> x = torch.tensor([[[1.0, 3.0]], [[5.0, 7.0]]])       # (N, C, L) = (2, 1, 2)
    >>> batch_norm_eval(x, torch.tensor([1.0]), torch.tensor([4.0]), torch.ones(1), torch.zeros(1), eps=0.0)
    tensor([[[0., 1.]],
    <BLANKLINE>
            [[2., 3.]]])
    """
    # (C,) 통계를 (1, C, 1, ..., 1)로 세워야 채널 축(dim=1)에 맞는다. 그냥 두면 마지막 축에 맞춰진다.
    shape = (1, -1) + (1,) * (x.dim() - 2)
    x_hat = (x - running_mean.view(shape)) / torch.sqrt(running_var.view(shape) + eps)
    return gamma.view(shape) * x_hat + beta.view(shape)


# --8<-- [end:solution]


def inputs(shape=(6, 3), seed=0):
    g = torch.Generator().manual_seed(seed)
    c = shape[1]
    x = torch.randn(*shape, generator=g) * 2 + 1
    stats = (torch.randn(c, generator=g), torch.rand(c, generator=g) + 0.5)
    params = (torch.randn(c, generator=g), torch.randn(c, generator=g))
    return x, *stats, *params


def expected(x, mean, var, gamma, beta, eps=1e-5):
    return F.batch_norm(x, mean, var, gamma, beta, training=False, eps=eps)


def stats_hint(x, gamma, beta):
    """흔한 오답: 추론 모드인데 배치의 평균과 분산으로 정규화했다."""
    with_batch_stats = [
        gamma * (x - x.mean(0)) / torch.sqrt(x.var(0, unbiased=unbiased) + 1e-5) + beta
        for unbiased in (False, True)
    ]

    def hint(got):
        if isinstance(got, torch.Tensor) and any(
            close(atol=1e-4)(got, wrong) for wrong in with_batch_stats
        ):
            return (
                "배치의 평균과 분산으로 정규화했다. 추론 모드에서는 인자로 받은 running_mean과 "
                "running_var를 쓴다."
            )
        return "x̂ = (x - running_mean) / √(running_var + eps), y = γ·x̂ + β다. 모든 연산은 특성(열)마다다."

    return hint


AXIS_HINT = (
    "(C,) 모양의 통계를 그대로 빼면 브로드캐스팅이 마지막 축에 맞춘다. 채널은 dim=1이다. "
    "통계의 모양을 입력의 차원 수에 맞게 바꾼다."
)


def cases():
    x, mean, var, gamma, beta = inputs()
    one = inputs((1, 3), seed=1)
    seq = inputs((4, 3, 3), seed=2)  # L = C라서 마지막 축에 맞춰도 오류 없이 틀린 값이 나온다
    image = inputs((2, 3, 4, 5), seed=3)
    return [
        Case("(6, 3) 입력", lambda f: f(x, mean, var, gamma, beta), expected(x, mean, var, gamma, beta),
             stats_hint(x, gamma, beta), compare=close(atol=1e-5)),
        Case("샘플 하나 (1, 3)", lambda f: f(*one), expected(*one),
             "추론 모드는 샘플 하나도 받는다. 배치의 분산을 구하지 않는다.", compare=close(atol=1e-5)),
        Case("eps=0.1", lambda f: f(x, mean, var, gamma, beta, eps=0.1),
             expected(x, mean, var, gamma, beta, eps=0.1),
             "eps는 제곱근 안에서 분산에 더한다: √(running_var + eps).", compare=close(atol=1e-5)),
        Case("시퀀스 (4, 3, 3): 길이 L이 채널 수 C와 같다", lambda f: f(*seq), expected(*seq), AXIS_HINT,
             compare=close(atol=1e-5)),
        Case("이미지 (2, 3, 4, 5)", lambda f: f(*image), expected(*image), AXIS_HINT,
             compare=close(atol=1e-5)),
        Case("같은 샘플은 함께 넣은 배치와 상관없이 같은 결과인가",
             lambda f: torch.allclose(f(x, mean, var, gamma, beta)[:1], f(x[:1], mean, var, gamma, beta)),
             True, "추론 모드의 결과는 샘플마다 따로 정해진다. 배치 통계를 쓰면 이 성질이 깨진다."),
    ]  # fmt: skip

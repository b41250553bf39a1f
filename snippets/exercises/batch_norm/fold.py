"""연습 문제 batch-norm/fold-into-linear: 추론 모드의 배치 정규화를 앞 선형 층에 접어 넣는다."""

import torch
from torch import nn

from snippets.exercises.checks import Case, close


# --8<-- [start:solution]
def fold_batch_norm(weight, bias, running_mean, running_var, gamma, beta, eps=1e-5):
    """선형 층 (weight, bias) 뒤의 추론 모드 배치 정규화를 합친 (weight, bias)를 돌려준다.

    BN(Wx + b) = s·(Wx + b - μ) + β, s = γ / √(σ² + eps)이므로 W' = s·W (행마다), b' = s·(b - μ) + β.
    bias가 None이면(bias=False인 층) 0으로 본다.

    >>> w, b = fold_batch_norm(torch.eye(2), None, torch.tensor([1.0, 0.0]), torch.tensor([4.0, 1.0]),
    ...                        torch.ones(2), torch.zeros(2), eps=0.0)
    >>> w, b
    (tensor([[0.5000, 0.0000],
            [0.0000, 1.0000]]), tensor([-0.5000, 0.0000]))
    """
    scale = gamma / torch.sqrt(running_var + eps)  # 출력 특성마다 하나
    if bias is None:
        bias = torch.zeros_like(running_mean)
    # weight는 (출력, 입력) 모양: 행 i에 scale[i]를 곱한다.
    return weight * scale[:, None], scale * (bias - running_mean) + beta


# --8<-- [end:solution]


def trained_pair(in_features=5, out_features=4, bias=True, seed=0):
    """몇 배치로 이동 통계를 채우고 γ, β를 흔든 (선형 층, 배치 정규화) 한 쌍, 추론 모드."""
    with torch.random.fork_rng():  # 전역 난수 상태를 건드리지 않는다
        torch.manual_seed(seed)
        linear, bn = nn.Linear(in_features, out_features, bias=bias), nn.BatchNorm1d(out_features)
        with torch.no_grad():
            for _ in range(5):
                bn(linear(torch.randn(32, in_features) * 2 + 1))
            bn.weight.uniform_(0.5, 2.0)
            bn.bias.normal_()
    return linear.eval(), bn.eval()


def folded_output(f, linear, bn, x):
    with torch.no_grad():
        w, b = f(
            linear.weight,
            linear.bias,
            bn.running_mean,
            bn.running_var,
            bn.weight,
            bn.bias,
            eps=bn.eps,
        )
        return x @ w.T + b


def target(linear, bn, x):
    with torch.no_grad():
        return bn(linear(x))


def hint_for(got):
    if isinstance(got, (torch.Tensor, RuntimeError)):
        return (
            "W'은 행(출력 특성)마다 s = γ/√(σ² + eps)를 곱한다: weight * s[:, None]. "
            "b' = s·(b - μ) + β다. weight * s로 쓰면 열마다 곱해진다."
        )
    return "(W', b') 튜플을 돌려준다. bias가 None이면 0으로 본다."


def cases():
    x = torch.randn(7, 5, generator=torch.Generator().manual_seed(9))
    pair = trained_pair()
    square = trained_pair(in_features=4, out_features=4, seed=1)
    no_bias = trained_pair(bias=False, seed=2)
    return [
        Case("(4, 5) 선형 층 + BatchNorm1d(4)의 출력", lambda f: folded_output(f, *pair, x), target(*pair, x),
             hint_for, compare=close(atol=1e-4)),
        Case("정사각 (4, 4) 층: 행과 열을 헷갈리지 않았는가",
             lambda f: folded_output(f, *square, x[:, :4]), target(*square, x[:, :4]), hint_for,
             compare=close(atol=1e-4)),
        Case("bias=False인 선형 층", lambda f: folded_output(f, *no_bias, x), target(*no_bias, x),
             "bias가 None이면 0으로 보고 b' = s·(0 - μ) + β를 만든다.", compare=close(atol=1e-4)),
    ]  # fmt: skip

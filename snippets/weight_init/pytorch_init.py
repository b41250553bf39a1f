"""파이토치의 초기화 함수(torch.nn.init)가 식대로 값을 뽑는지 경험적 표준편차로 확인한다.

가중치 행렬 모양은 nn.Linear와 같은 (fan_out, fan_in) = (256, 512)로 둔다.
원소가 13만 개쯤 되므로 표본 표준편차는 식의 값과 소수 셋째 자리까지 맞는다.

# --8<-- [start:shape]
>>> layer = nn.Linear(512, 256)          # 입력 512개, 출력 256개
>>> tuple(layer.weight.shape)            # (fan_out, fan_in) 순서다
(256, 512)

# --8<-- [end:shape]
# --8<-- [start:xavier]
>>> g = torch.Generator().manual_seed(0)
>>> w = torch.empty(256, 512)
>>> _ = nn.init.xavier_uniform_(w, generator=g)
>>> compare(w.abs().max(), math.sqrt(6 / (512 + 256)))    # 균등분포의 경계
'측정 0.0884 / 식 0.0884'
>>> compare(w.std(), math.sqrt(2 / (512 + 256)))           # 표준편차
'측정 0.0510 / 식 0.0510'
>>> _ = nn.init.xavier_normal_(w, generator=g)
>>> compare(w.std(), math.sqrt(2 / (512 + 256)))
'측정 0.0510 / 식 0.0510'

# --8<-- [end:xavier]
# --8<-- [start:kaiming]
>>> g = torch.Generator().manual_seed(1)
>>> w = torch.empty(256, 512)
>>> _ = nn.init.kaiming_normal_(w, mode="fan_in", nonlinearity="relu", generator=g)
>>> compare(w.std(), math.sqrt(2 / 512))
'측정 0.0626 / 식 0.0625'
>>> _ = nn.init.kaiming_normal_(w, mode="fan_out", nonlinearity="relu", generator=g)
>>> compare(w.std(), math.sqrt(2 / 256))
'측정 0.0885 / 식 0.0884'

# --8<-- [end:kaiming]
# --8<-- [start:gain]
>>> for name in ("linear", "sigmoid", "tanh", "relu"):
...     print(f"{name:8}", round(nn.init.calculate_gain(name), 4))
linear   1
sigmoid  1
tanh     1.6667
relu     1.4142
>>> round(nn.init.calculate_gain("leaky_relu", 0.2), 4)   # sqrt(2 / (1 + 0.2²))
1.3868
>>> w = torch.empty(256, 512)
>>> _ = nn.init.xavier_normal_(w, gain=nn.init.calculate_gain("tanh"), generator=torch.Generator().manual_seed(2))
>>> compare(w.std(), 5 / 3 * math.sqrt(2 / (512 + 256)))
'측정 0.0850 / 식 0.0851'

# --8<-- [end:gain]
# --8<-- [start:linear_default]
>>> _ = torch.manual_seed(0)
>>> layer = nn.Linear(512, 256)
>>> compare(layer.weight.abs().max(), 1 / math.sqrt(512))      # U(-1/√fan_in, 1/√fan_in)
'측정 0.0442 / 식 0.0442'
>>> compare(layer.weight.std(), 1 / math.sqrt(3 * 512))         # 그 분포의 표준편차
'측정 0.0255 / 식 0.0255'
>>> compare(layer.weight.std(), math.sqrt(2 / 512))             # He가 권하는 값과 비교
'측정 0.0255 / 식 0.0625'

# --8<-- [end:linear_default]
# --8<-- [start:conv_fan]
>>> conv = nn.Conv2d(3, 16, kernel_size=3)
>>> tuple(conv.weight.shape)                             # (C_out, C_in, k, k)
(16, 3, 3, 3)
>>> nn.init._calculate_fan_in_and_fan_out(conv.weight)   # (C_in·k·k, C_out·k·k)
(27, 144)
>>> w = torch.empty(64, 32, 3, 3)
>>> g = torch.Generator().manual_seed(3)
>>> _ = nn.init.kaiming_normal_(w, mode="fan_in", nonlinearity="relu", generator=g)
>>> compare(w.std(), math.sqrt(2 / (32 * 3 * 3)))
'측정 0.0837 / 식 0.0833'
>>> _ = nn.init.kaiming_normal_(w, mode="fan_out", nonlinearity="relu", generator=g)
>>> compare(w.std(), math.sqrt(2 / (64 * 3 * 3)))
'측정 0.0586 / 식 0.0589'

# --8<-- [end:conv_fan]
# --8<-- [start:apply_idiom]
>>> def init_weights(module):
...     if isinstance(module, nn.Linear):
...         nn.init.kaiming_normal_(module.weight, nonlinearity="relu")
...         nn.init.zeros_(module.bias)
>>> _ = torch.manual_seed(0)
>>> model = nn.Sequential(
...     nn.Linear(64, 100), nn.ReLU(),
...     nn.Sequential(nn.Linear(100, 100), nn.ReLU()),   # 안쪽에 숨은 층도 찾아간다
...     nn.Linear(100, 10),
... )
>>> model.apply(init_weights) is model
True
>>> [compare(m.weight.std(), math.sqrt(2 / m.in_features)) for m in model.modules() if isinstance(m, nn.Linear)]
['측정 0.1781 / 식 0.1768', '측정 0.1418 / 식 0.1414', '측정 0.1372 / 식 0.1414']
>>> visited = []
>>> _ = model.apply(lambda module: visited.append(type(module).__name__))
>>> visited                                               # 자식부터, 자기 자신은 맨 마지막
['Linear', 'ReLU', 'Linear', 'ReLU', 'Sequential', 'Linear', 'Sequential']

# --8<-- [end:apply_idiom]
# --8<-- [start:orthogonal]
>>> g = torch.Generator().manual_seed(4)
>>> w = nn.init.orthogonal_(torch.empty(100, 100), generator=g)
>>> torch.allclose(w @ w.T, torch.eye(100), atol=1e-5)          # 직교 행렬
True
>>> x = torch.randn(5, 100, generator=g)
>>> [round(r, 4) for r in ((x @ w.T).norm(dim=1) / x.norm(dim=1)).tolist()]   # 길이를 그대로 둔다
[1.0, 1.0, 1.0, 1.0, 1.0]
>>> compare(w.std(), 1 / math.sqrt(100))                         # 원소의 표준편차는 1/√n과 같다
'측정 0.1000 / 식 0.1000'

# --8<-- [end:orthogonal]
# --8<-- [start:no_grad]
>>> layer = nn.Linear(4, 3)
>>> layer.weight.normal_()                  # 기울기를 추적하는 잎 텐서를 제자리에서 바꾸면
Traceback (most recent call last):
  ...
RuntimeError: a leaf Variable that requires grad is being used in an in-place operation.
>>> with torch.no_grad():                   # 추적을 끄고 바꾸면 된다(nn.init이 하는 일)
...     _ = layer.weight.normal_(std=0.5)
>>> layer.weight.requires_grad
True
>>> w = torch.ones(2, requires_grad=True)
>>> out = (w * w).sum()                     # 역전파에 w의 값이 필요한 계산
>>> w.data.mul_(10)                         # .data로 고치면 autograd가 모른다
tensor([10., 10.])
>>> out.backward()
>>> w.grad                                  # 2·1 = 2여야 할 기울기가 조용히 틀린다
tensor([20., 20.])

# --8<-- [end:no_grad]
"""

from __future__ import annotations

import math  # noqa: F401  (docstring의 doctest가 쓴다)

import torch
from torch import nn


# --8<-- [start:compare]
def compare(measured, formula: float) -> str:
    """측정값과 식의 값을 나란히 보여 준다."""
    return f"측정 {float(torch.as_tensor(measured).detach()):.4f} / 식 {formula:.4f}"


# --8<-- [end:compare]


# --8<-- [start:apply_init]
def apply_init(
    model: nn.Module, scheme: str, generator: torch.Generator | None = None
) -> nn.Module:
    """모델 안의 모든 nn.Linear 가중치를 scheme으로 다시 초기화하고 편향은 0으로 둔다.

    >>> model = nn.Sequential(nn.Linear(64, 100), nn.ReLU(), nn.Linear(100, 10))
    >>> _ = apply_init(model, "he", torch.Generator().manual_seed(0))
    >>> [compare(m.weight.std(), math.sqrt(2 / m.in_features)) for m in model if isinstance(m, nn.Linear)]
    ['측정 0.1770 / 식 0.1768', '측정 0.1436 / 식 0.1414']
    """
    for module in model.modules():
        if not isinstance(module, nn.Linear):
            continue
        if scheme == "std0.01":
            nn.init.normal_(module.weight, mean=0.0, std=0.01, generator=generator)
        elif scheme == "xavier":
            nn.init.xavier_normal_(module.weight, generator=generator)
        elif scheme == "he":
            nn.init.kaiming_normal_(
                module.weight, mode="fan_in", nonlinearity="relu", generator=generator
            )
        else:
            raise ValueError(f"모르는 초기화 방식 {scheme!r}: std0.01, xavier, he 중 하나")
        if module.bias is not None:
            nn.init.zeros_(module.bias)
    return model


# --8<-- [end:apply_init]

"""가중치를 모두 같은 값으로 시작하면 은닉 유닛이 끝까지 똑같이 움직인다(대칭성이 깨지지 않는다).

XOR은 은닉 유닛이 둘 이상 있어야 풀리는 가장 작은 문제다. 은닉 유닛 3개짜리 신경망을
상수 초깃값과 무작위 초깃값으로 각각 학습시켜 본다.

# --8<-- [start:constant]
>>> net, losses = train_xor("constant")
>>> print(net[0].weight.detach().round(decimals=3))
tensor([[4.6840, 4.6840],
        [4.6840, 4.6840],
        [4.6840, 4.6840]])
>>> distinct_units(net[0])
1
>>> round(losses[0], 3), round(losses[-1], 3)
(0.296, 0.173)
>>> [round(p, 2) for p in predict(net)]
[0.08, 0.66, 0.66, 0.67]

# --8<-- [end:constant]
# --8<-- [start:random]
>>> net, losses = train_xor("random")
>>> distinct_units(net[0])
3
>>> round(losses[0], 3), round(losses[-1], 3)
(0.251, 0.002)
>>> [round(p) for p in predict(net)]
[0, 1, 1, 0]

# --8<-- [end:random]
"""

from __future__ import annotations

import torch
from torch import nn

# --8<-- [start:train_xor]
XOR_INPUTS = torch.tensor([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
XOR_TARGETS = torch.tensor([[0.0], [1.0], [1.0], [0.0]])


def make_xor_net(init: str, hidden: int = 3, seed: int = 0) -> nn.Sequential:
    """입력 2 → 은닉 `hidden`(시그모이드) → 출력 1인 신경망. init은 "constant" 또는 "random"."""
    net = nn.Sequential(nn.Linear(2, hidden), nn.Sigmoid(), nn.Linear(hidden, 1), nn.Sigmoid())
    generator = torch.Generator().manual_seed(seed)
    for layer in (net[0], net[2]):
        if init == "constant":
            nn.init.constant_(layer.weight, 0.5)  # 모든 가중치가 같은 값
        elif init == "random":
            nn.init.normal_(layer.weight, std=1.0, generator=generator)
        else:
            raise ValueError(f"init은 'constant' 또는 'random'이어야 한다: {init!r}")
        nn.init.zeros_(layer.bias)
    return net


def train_xor(init: str, steps: int = 500, lr: float = 5.0, seed: int = 0):
    """XOR 네 점에 대해 전체 배치 경사 하강법을 돌린다. (신경망, 단계별 손실 목록)을 돌려준다."""
    net = make_xor_net(init, seed=seed)
    optimizer = torch.optim.SGD(net.parameters(), lr=lr)
    losses = []
    for _ in range(steps):
        loss = nn.functional.mse_loss(net(XOR_INPUTS), XOR_TARGETS)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        losses.append(loss.item())
    return net, losses


# --8<-- [end:train_xor]


# --8<-- [start:helpers]
def distinct_units(layer: nn.Linear, decimals: int = 6) -> int:
    """서로 다른 은닉 유닛(가중치 행과 편향의 조합)의 개수."""
    rows = torch.cat([layer.weight, layer.bias[:, None]], dim=1).detach()
    return len(torch.unique(rows.round(decimals=decimals), dim=0))


def predict(net: nn.Sequential) -> list[float]:
    """XOR 네 점에 대한 출력."""
    with torch.no_grad():
        return net(XOR_INPUTS).squeeze(1).tolist()


# --8<-- [end:helpers]

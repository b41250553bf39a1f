"""연습 문제 sequence-models/gru-layer — Cho 등(2014)의 원래 식대로 GRU 층을 구현한다.

x는 (B, T, D) 입력(batch_first), h0는 (B, H) 처음 은닉 상태다. 가중치는 nn.GRU의 것과 같은 모양이다:
W_ih (3H, D), W_hh (3H, H), b_ih (3H,), b_hh (3H,). 세 블록은 (r, z, n) 순서로 세로로 쌓여 있다.
한 시점의 계산은 다음과 같다(σ는 시그모이드, ⊙는 원소별 곱). 파이토치와 다른 곳은 셋째 줄이다.
리셋 게이트 r을 지난 상태 h에 먼저 곱한 뒤 W_hn을 곱한다.

    r = σ(W_ir x + b_ir + W_hr h + b_hr)
    z = σ(W_iz x + b_iz + W_hz h + b_hz)
    n = tanh(W_in x + b_in + W_hn (r ⊙ h) + b_hn)
    h' = (1 - z) ⊙ n + z ⊙ h

(모든 시점의 은닉 상태를 쌓은 (B, T, H), 마지막 은닉 상태 (B, H))를 돌려준다.
예: gru = torch.nn.GRU(3, 4, batch_first=True)이면 gru_layer(x, h0, *gru.parameters())로 부른다.
값은 gru(x, h0[None])과 대체로 다르다. 리셋 게이트가 1에 붙어 있을 때만 같다.

검사: python -m snippets.exercises check sequence-models/gru-layer
"""

import torch


def gru_layer(
    x: torch.Tensor,
    h0: torch.Tensor,
    W_ih: torch.Tensor,
    W_hh: torch.Tensor,
    b_ih: torch.Tensor,
    b_hh: torch.Tensor,
) -> tuple[torch.Tensor, torch.Tensor]:
    """원 논문 방식의 GRU 층 하나를 시간 축으로 돌려 (outputs (B, T, H), h_n (B, H))를 돌려준다."""
    raise NotImplementedError("여기를 채운다")

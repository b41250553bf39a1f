"""층 쌓기와 양방향 RNN: nn.RNN의 num_layers와 bidirectional이 하는 일을 한 층짜리 RNN으로 다시 만든다."""

# --8<-- [start:setup]
import torch
from torch import nn

# --8<-- [end:setup]


# --8<-- [start:copy_direction]
def single_layer_from(rnn: nn.RNN, layer: int, suffix: str = "") -> nn.RNN:
    """여러 층·양방향 RNN에서 한 층, 한 방향의 가중치만 떼어 한 층짜리 RNN을 만든다.

    suffix: 정방향은 "", 역방향은 "_reverse" (파이토치의 매개변수 이름 규칙)
    """
    w_ih = getattr(rnn, f"weight_ih_l{layer}{suffix}")
    single = nn.RNN(w_ih.shape[1], rnn.hidden_size)
    with torch.no_grad():
        for name in ("weight_ih", "weight_hh", "bias_ih", "bias_hh"):
            getattr(single, f"{name}_l0").copy_(getattr(rnn, f"{name}_l{layer}{suffix}"))
    return single


# --8<-- [end:copy_direction]


# --8<-- [start:stacked]
def stacked_is_chained(seed: int = 0) -> bool:
    """num_layers=2는 한 층짜리 RNN 둘을 이은 것이다: 아래층의 모든 시점 출력이 위층의 입력.

    >>> stacked_is_chained()
    True
    """
    torch.manual_seed(seed)
    deep = nn.RNN(input_size=3, hidden_size=4, num_layers=2)
    x = torch.randn(6, 2, 3)  # (길이, 배치, 입력)
    first, second = single_layer_from(deep, 0), single_layer_from(deep, 1)
    with torch.no_grad():
        expected, h_n = deep(x)
        below, h_below = first(x)
        above, h_above = second(below)
    return torch.allclose(above, expected, atol=1e-6) and torch.allclose(
        torch.cat([h_below, h_above]), h_n, atol=1e-6
    )


# --8<-- [end:stacked]


# --8<-- [start:bidirectional]
def bidirectional_halves(seed: int = 0) -> None:
    """양방향 RNN의 출력은 [정방향 | 역방향]을 이어 붙인 것이다.

    역방향 절반은 뒤집은 입력을 다른 RNN에 넣고, 나온 출력을 다시 뒤집어 시점을 맞춘 것과 같다.

    >>> bidirectional_halves()
    출력 모양: (6, 2, 8)
    앞 절반 = 정방향 RNN(x): True
    뒤 절반 = 뒤집기(역방향 RNN(뒤집은 x)): True
    뒤 절반 = 역방향 RNN(뒤집은 x) (다시 뒤집지 않으면): False
    h_n[1] = 뒤 절반의 첫 시점: True
    """
    torch.manual_seed(seed)
    bi = nn.RNN(input_size=3, hidden_size=4, bidirectional=True)
    x = torch.randn(6, 2, 3)
    forward, backward = single_layer_from(bi, 0), single_layer_from(bi, 0, "_reverse")
    with torch.no_grad():
        out, h_n = bi(x)
        fwd, _ = forward(x)
        bwd_raw, _ = backward(x.flip(0))  # 시점 축(0)을 뒤집어 끝에서부터 읽는다
    H = bi.hidden_size
    print("출력 모양:", tuple(out.shape))
    print("앞 절반 = 정방향 RNN(x):", torch.allclose(out[..., :H], fwd, atol=1e-6))
    print(
        "뒤 절반 = 뒤집기(역방향 RNN(뒤집은 x)):",
        torch.allclose(out[..., H:], bwd_raw.flip(0), atol=1e-6),
    )
    print(
        "뒤 절반 = 역방향 RNN(뒤집은 x) (다시 뒤집지 않으면):",
        torch.allclose(out[..., H:], bwd_raw, atol=1e-6),
    )
    # 역방향이 마지막으로 읽는 것은 첫 시점이므로, 역방향의 '마지막 상태'는 출력의 첫 시점에 있다.
    print("h_n[1] = 뒤 절반의 첫 시점:", torch.allclose(h_n[1], out[0, :, H:], atol=1e-6))


# --8<-- [end:bidirectional]


# --8<-- [start:who_sees_what]
def sees(model, x: torch.Tensor, t: int, source: int) -> bool:
    """시점 source의 입력을 바꾸면 시점 t의 출력이 바뀌는가: t의 출력이 source를 '보았는가'."""
    changed = x.clone()
    changed[source] += 1.0
    with torch.no_grad():
        return not torch.allclose(model(x)[0][t], model(changed)[0][t])


def who_sees_what(seed: int = 0) -> None:
    """길이 5인 입력에서 가운데 시점(t=2)의 출력이 어느 입력을 보는가.

    >>> who_sees_what()
    0 1 2 3 4  <- 입력 시점
    O O O . .  정방향
    . . O O O  뒤집어 읽기
    O O O O O  양방향
    """
    torch.manual_seed(seed)
    x = torch.randn(5, 1, 3)
    forward = nn.RNN(3, 4)
    backward = nn.RNN(3, 4)
    bi = nn.RNN(3, 4, bidirectional=True)

    def reversed_only(inp):
        out, h = backward(inp.flip(0))  # 뒤집어 읽고, 시점을 원래대로 맞춘다
        return out.flip(0), h

    print(" ".join(str(s) for s in range(5)), " <- 입력 시점")
    for label, model in (("정방향", forward), ("뒤집어 읽기", reversed_only), ("양방향", bi)):
        marks = ["O" if sees(model, x, 2, s) else "." for s in range(5)]
        print(" ".join(marks), "", label)


# --8<-- [end:who_sees_what]

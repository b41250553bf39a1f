"""연습 문제 attention/positional-encoding: 사인과 코사인을 반씩 이어 붙인 위치 인코딩, base를 인자로."""

import math

import torch

from snippets.attention.positions import concatenated_layout
from snippets.exercises.checks import Case, close
from snippets.transformer.attention import positional_encoding as note_encoding


# --8<-- [start:solution]
def positional_encoding(max_len: int, d_model: int, base: float = 10000.0) -> torch.Tensor:
    """(max_len, d_model) 위치 인코딩. 앞 절반은 sin, 뒤 절반은 cos이고 i번째 각은 p / base^(2i/d)다.

    >>> positional_encoding(3, 4)
    tensor([[ 0.0000,  0.0000,  1.0000,  1.0000],
            [ 0.8415,  0.0100,  0.5403,  0.9999],
            [ 0.9093,  0.0200, -0.4161,  0.9998]])
    """
    position = torch.arange(max_len, dtype=torch.float32)[:, None]  # (max_len, 1)
    two_i = torch.arange(0, d_model, 2, dtype=torch.float32)  # 0, 2, 4, …: 주파수마다 하나
    angle = position / base ** (two_i / d_model)  # (max_len, d_model/2): 뒤쪽일수록 느리게 돈다
    return torch.cat([angle.sin(), angle.cos()], dim=-1)  # sin 절반 | cos 절반, 같은 각을 나눠 쓴다


# --8<-- [end:solution]


def _reference(max_len, d_model, base):
    """float64로 계산한 기대값(검사용)."""
    position = torch.arange(max_len, dtype=torch.float64)[:, None]
    angle = position / base ** (torch.arange(0, d_model, 2, dtype=torch.float64) / d_model)
    return torch.cat([angle.sin(), angle.cos()], dim=-1).float()


def _layout_hint(got):
    """흔한 오답: 노트처럼 번갈아 놓았다, 차원마다 자기 번호로 각을 구했다, sin과 cos을 바꿨다."""
    if isinstance(got, torch.Tensor) and got.shape == (4, 8):
        if torch.allclose(got, note_encoding(4, 8), atol=1e-5):
            return _INTERLEAVED
        pos = torch.arange(4.0)[:, None]
        dims_angle = pos / 10000 ** (torch.arange(8.0) / 8)
        if torch.allclose(
            got, torch.cat([dims_angle[:, :4].sin(), dims_angle[:, 4:].cos()], -1), atol=1e-5
        ):
            return (
                "열마다 자기 번호로 각을 구했다. 각은 d/2개뿐이고, j번째 sin 열과 j번째 cos 열이 "
                "같은 각 p / base^(2j/d)를 나눠 쓴다."
            )
        right = _reference(4, 8, 10000.0)
        if torch.allclose(got, torch.cat([right[:, 4:], right[:, :4]], -1), atol=1e-5):
            return "sin과 cos의 자리가 바뀌었다. 앞 절반이 sin, 뒤 절반이 cos이다."
    return (
        "j번째 각은 p / base^(2j/d)다(j = 0, 1, …, d/2 - 1). 앞쪽 열은 빨리, 뒤쪽 열은 느리게 돈다."
    )


_INTERLEAVED = "노트처럼 sin과 cos을 번갈아 놓았다. 이 문제는 앞 절반(d/2개 열)에 sin, 뒤 절반에 cos을 이어 붙인다."


def _position_zero_hint(got):
    if isinstance(got, torch.Tensor) and torch.allclose(got, torch.tensor([0.0, 1.0] * 3)):
        return _INTERLEAVED
    return "앞 절반은 sin, 뒤 절반은 cos이다. 0번 위치에서 sin 0 = 0, cos 0 = 1이다."


def _base_hint(got):
    if isinstance(got, torch.Tensor) and got.shape == (5, 6):
        if torch.allclose(got, _reference(5, 6, 10000.0), atol=1e-5):
            return "base 인자를 쓰지 않고 10000을 그대로 썼다."
    return "각은 p / base^(2j/d)다. base가 작을수록 뒤쪽 열도 빨리 돈다."


def cases() -> list[Case]:
    return [
        Case(
            "max_len = 10, d_model = 6: 모양",
            lambda f: tuple(f(10, 6).shape),
            (10, 6),
            "돌려주는 텐서의 모양은 (max_len, d_model)이다.",
        ),
        Case(
            "0번 위치",
            lambda f: f(3, 6)[0],
            torch.tensor([0.0, 0.0, 0.0, 1.0, 1.0, 1.0]),
            _position_zero_hint,
            close(atol=1e-6),
        ),
        Case(
            "max_len = 4, d_model = 8 전체",
            lambda f: f(4, 8),
            concatenated_layout(note_encoding(4, 8)),
            _layout_hint,
            close(atol=1e-5),
        ),
        Case(
            "base = 100, max_len = 5, d_model = 6",
            lambda f: f(5, 6, base=100.0),
            _reference(5, 6, 100.0),
            _base_hint,
            close(atol=1e-5),
        ),
        Case(
            "max_len = 100, d_model = 64: 노트의 인코딩을 열만 옮긴 것과 같은가",
            lambda f: f(100, 64),
            concatenated_layout(note_encoding(100, 64)),
            "큰 위치에서도 맞는지 본다. 각을 float32로 계산하면 충분하다.",
            close(atol=1e-4),
        ),
        Case(
            "base = 10, d_model = 4: 7번 위치의 느린 sin 열",
            lambda f: f(8, 4, base=10.0)[7, 1].item(),
            math.sin(7 / 10**0.5),
            _base_hint,
            close(atol=1e-5),
        ),
    ]

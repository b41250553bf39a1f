"""연습 문제의 검사 도구: 경우(Case) 목록을 학습자 함수에 돌려 첫 번째로 틀린 경우를 찾는다.

검사 모듈은 `cases()`에서 `Case`의 목록을 돌려준다. 경우 하나는 학습자 함수를 받아 값을 하나
돌려주는 `run`, 그 값과 비교할 `expected`, 틀렸을 때 보여 줄 `hint`로 이루어진다.

>>> def double(x):
...     return 2 * x
>>> cases = [Case("x가 3일 때", lambda f: f(3), 6, "두 배를 한다")]
>>> run_cases(cases, double).passed
True
>>> failure = run_cases(cases, lambda x: x + 2).failure
>>> failure.expected, failure.got
('6', '5')
>>> run_cases([Case("문자열을 넣으면", lambda f: f("a"), Raises(TypeError), "형을 본다")], double).failure.got
"예외 없이 'aa'을 돌려주었다"
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Raises:
    """이 경우에는 함수가 `error` 예외를 일으켜야 한다."""

    error: type[BaseException]

    def __repr__(self) -> str:
        return f"{self.error.__name__} 예외"


def equal(got: Any, expected: Any) -> bool:
    """기본 비교: `==`. 다만 리스트를 기대할 때 튜플이 오면(그 반대도) 틀린 것으로 본다."""
    if _is_sequence(expected) and type(got) is not type(expected):
        return False
    return got == expected


def _is_sequence(value: Any) -> bool:
    return isinstance(value, (list, tuple))


def close(atol: float = 1e-6, rtol: float = 1e-5) -> Callable[[Any, Any], bool]:
    """수나 텐서를 허용 오차 안에서 비교하는 함수를 만든다. 텐서는 모양도 같아야 한다.

    >>> close(atol=1e-3)(0.1234, 0.1238)
    True
    >>> close(atol=1e-3)((1.0, 2.0), (1.0, 2.1))
    False
    """

    def compare(got: Any, expected: Any) -> bool:
        if _is_sequence(expected):
            return (
                _is_sequence(got)
                and len(got) == len(expected)
                and all(compare(g, e) for g, e in zip(got, expected, strict=True))
            )
        if hasattr(expected, "shape"):  # 텐서
            import torch

            return (
                isinstance(got, torch.Tensor)
                and tuple(got.shape) == tuple(expected.shape)
                and torch.allclose(got.double(), expected.double(), atol=atol, rtol=rtol)
            )
        if isinstance(got, bool) or not isinstance(got, (int, float)):
            return False
        return math.isclose(got, expected, abs_tol=atol, rel_tol=rtol)

    return compare


def show(value: Any, limit: int = 300) -> str:
    """값을 사람이 읽기 좋게 줄여 적는다. 소수는 넷째 자리까지.

    >>> show(0.08838834764831845)
    '0.0884'
    >>> show([1.0, (2.5, "a")])
    "[1.0000, (2.5000, 'a')]"
    """
    if isinstance(value, float):
        text = f"{value:.4f}"
    elif isinstance(value, list):
        text = "[" + ", ".join(show(v, limit) for v in value) + "]"
    elif isinstance(value, tuple):
        inner = ", ".join(show(v, limit) for v in value)
        text = f"({inner},)" if len(value) == 1 else f"({inner})"
    elif hasattr(value, "shape") and hasattr(value, "tolist"):  # 텐서
        text = f"tensor({show(_rounded(value.tolist()), limit)}, 모양 {tuple(value.shape)})"
    else:
        text = repr(value)
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _rounded(value: Any) -> Any:
    if isinstance(value, list):
        return [_rounded(v) for v in value]
    return float(value) if isinstance(value, float) else value


@dataclass(frozen=True)
class Case:
    """검사 한 경우.

    name: 어떤 경우인지 한국어로 짧게("2×3 행렬", "fan_in 모드의 (256, 512) 텐서").
    run: 학습자 함수를 받아 비교할 값을 돌려주는 함수. 텐서 전체보다 잰 값(표준편차 등)이 읽기 쉽다.
    expected: 기대하는 값, 또는 `Raises(예외형)`.
    hint: 틀렸을 때 보여 줄 한 문장. 돌아온 값(또는 일어난 예외)을 받아 글을 돌려주는 함수여도 된다:
        흔한 오답마다 다른 힌트를 줄 때 쓴다.
    compare: `equal`(기본) 또는 `close(...)`.
    """

    name: str
    run: Callable[[Callable], Any]
    expected: Any
    hint: str | Callable[[Any], str]
    compare: Callable[[Any, Any], bool] = field(default=equal)


@dataclass(frozen=True)
class Failure:
    """틀린 첫 경우. 모두 글(str)이라 JSON으로 주고받을 수 있다."""

    index: int
    total: int
    name: str
    expected: str
    got: str
    hint: str


@dataclass(frozen=True)
class Outcome:
    total: int
    failure: Failure | None = None

    @property
    def passed(self) -> bool:
        return self.failure is None


def run_cases(cases: Sequence[Case], function: Callable) -> Outcome:
    """경우를 차례로 돌리고 처음 틀린 경우에서 멈춘다. 학습자 코드의 예외도 '틀림'으로 적는다."""
    total = len(cases)
    for index, case in enumerate(cases, 1):
        wrong = _attempt(case, function)
        if wrong is not None:
            got, returned = wrong
            hint = case.hint(returned) if callable(case.hint) else case.hint
            return Outcome(total, Failure(index, total, case.name, show(case.expected), got, hint))
    return Outcome(total)


def _attempt(case: Case, function: Callable) -> tuple[str, Any] | None:
    """맞으면 None, 틀리면 ('돌아온 것'을 설명하는 글, 돌아온 값이나 일어난 예외)."""
    try:
        value = case.run(function)
    except NotImplementedError as err:
        return (
            "NotImplementedError — 아직 구현하지 않았다(시작 파일의 raise 줄을 지우고 코드를 쓴다)",
            err,
        )
    except (Exception, SystemExit) as err:  # 학습자 코드의 어떤 예외든 그 경우의 답이다
        if isinstance(case.expected, Raises) and isinstance(err, case.expected.error):
            return None
        return f"{type(err).__name__} 예외: {err}", err
    if isinstance(case.expected, Raises):
        return f"예외 없이 {show(value)}을 돌려주었다", value
    try:
        if case.compare(value, case.expected):
            return None
    except Exception as err:
        return f"{show(value)} (비교할 수 없다: {type(err).__name__}: {err})", value
    return show(value), value

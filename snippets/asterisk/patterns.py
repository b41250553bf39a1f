"""구조적 패턴 매칭(match, PEP 634)과 except*(PEP 654)에서의 별표."""


# --8<-- [start:match_star]
def parse_command(words):
    """명령어 한 줄을 나눈 단어 목록을 해석한다. `*rest`는 나머지를 리스트로 받는다.

    >>> parse_command(["quit"])
    '끝낸다'
    >>> parse_command(["add", "1", "2", "3"])
    '더할 값: 1, 2, 3'
    >>> parse_command(["go", "north", "fast"])
    "go 뒤에 north, 나머지 ['fast']"
    >>> parse_command([])
    '빈 명령'
    """
    match words:
        case []:
            return "빈 명령"
        case ["quit"]:
            return "끝낸다"
        case ["add", *numbers]:
            return "더할 값: " + ", ".join(numbers)
        case [verb, first, *rest]:
            return f"{verb} 뒤에 {first}, 나머지 {rest}"
        case _:
            return "모르는 명령"


def parse_event(event):
    """딕셔너리 패턴에서 `**rest`는 패턴에 적지 않은 키를 딕셔너리로 받는다.

    >>> parse_event({"type": "click", "x": 3, "y": 4})
    ('click', {'x': 3, 'y': 4})
    """
    match event:
        case {"type": kind, **rest}:
            return kind, rest


# --8<-- [end:match_star]


# --8<-- [start:except_star]
def check_all(values):
    """값을 모두 검사하고, 문제가 여럿이면 ExceptionGroup 하나로 한꺼번에 던진다.

    >>> check_all([1, -2, "3", -4])
    Traceback (most recent call last):
      ...
    ExceptionGroup: 검사 실패 (3 sub-exceptions)
    """
    errors = []
    for value in values:
        if not isinstance(value, int):
            errors.append(TypeError(f"정수가 아님: {value!r}"))
        elif value < 0:
            errors.append(ValueError(f"음수: {value}"))
    if errors:
        raise ExceptionGroup("검사 실패", errors)


def report(values):
    """except*는 예외 그룹에서 그 종류만 골라 받는다. 두 절이 모두 실행될 수 있다.

    >>> report([1, -2, "3", -4])
    값 오류 2개: 음수: -2 / 음수: -4
    형 오류 1개: 정수가 아님: '3'
    """
    try:
        check_all(values)
    except* ValueError as group:
        print(f"값 오류 {len(group.exceptions)}개:", " / ".join(map(str, group.exceptions)))
    except* TypeError as group:
        print(f"형 오류 {len(group.exceptions)}개:", " / ".join(map(str, group.exceptions)))


# --8<-- [end:except_star]

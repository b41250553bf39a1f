"""연습 문제 asterisk/format-call: *args와 **kwargs로 받은 인자를 호출 모양의 글로 적는다."""

from snippets.exercises.checks import Case


# --8<-- [start:solution]
def format_call(name, *args, **kwargs):
    """함수 이름과 인자로 호출하는 코드 한 줄을 만든다. 값은 repr로 적는다.

    >>> format_call("print", 1, "a", sep="-")
    "print(1, 'a', sep='-')"
    >>> format_call("main")
    'main()'
    """
    # args는 튜플, kwargs는 넘긴 순서를 지키는 딕셔너리다(PEP 468, 파이썬 3.6부터).
    parts = [repr(value) for value in args]
    parts += [f"{key}={value!r}" for key, value in kwargs.items()]
    return f"{name}({', '.join(parts)})"


# --8<-- [end:solution]


def hint_for(got):
    if isinstance(got, str) and "'" not in got and '"' not in got:
        return (
            "문자열 값은 따옴표까지 보여야 한다. str(value) 대신 repr(value)나 f'{value!r}'를 쓴다."
        )
    return "위치 인자를 먼저, 키워드 인자를 넘긴 순서대로, 쉼표와 빈칸 하나(', ')로 잇는다."


def cases():
    return [
        Case('format_call("main")', lambda f: f("main"), "main()",
             "인자가 없으면 괄호만 남는다. 쉼표가 남지 않는지 본다."),
        Case("format_call('add', 1, 2)", lambda f: f("add", 1, 2), "add(1, 2)", hint_for),
        Case("format_call('greet', 'kim')", lambda f: f("greet", "kim"), "greet('kim')", hint_for),
        Case("format_call('open', 'a.txt', mode='w')", lambda f: f("open", "a.txt", mode="w"),
             "open('a.txt', mode='w')", hint_for),
        Case("format_call('f', b=2, a=1): 키워드 순서", lambda f: f("f", b=2, a=1), "f(b=2, a=1)",
             "kwargs를 정렬하지 않는다. 넘긴 순서가 곧 딕셔너리의 순서다."),
        Case("format_call('g', *[1, 2], **{'x': None})", lambda f: f("g", *[1, 2], **{"x": None}),
             "g(1, 2, x=None)", hint_for),
    ]  # fmt: skip

"""연습 문제 asterisk/format-call — 받은 인자를 호출 모양의 글로 적는다.

format_call(name, *args, **kwargs)는 그 인자로 name을 부르는 코드 한 줄을 글로 돌려준다.
예: format_call("print", 1, "a", sep="-")은 "print(1, 'a', sep='-')"이다.
값은 파이썬 코드로 적은 모양(repr)으로, 위치 인자를 먼저, 키워드 인자는 넘긴 순서대로 적는다.

검사: python -m snippets.exercises check asterisk/format-call
"""


def format_call(name, *args, **kwargs):
    """함수 이름과 인자로 호출하는 코드 한 줄을 만든다. 값은 repr로 적는다."""
    raise NotImplementedError("여기를 채운다")

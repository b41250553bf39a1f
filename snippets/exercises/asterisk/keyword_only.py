"""연습 문제 asterisk/keyword-only: 키워드로만 받는 매개변수."""

from snippets.exercises.checks import Case, Raises


# --8<-- [start:solution]
def scale(values, *, factor, offset=0):
    """값마다 factor를 곱하고 offset을 더한 리스트. factor와 offset은 키워드로만 받는다.

    >>> scale([1, 2, 3], factor=10, offset=1)
    [11, 21, 31]
    >>> scale([1, 2, 3], 10)
    Traceback (most recent call last):
      ...
    TypeError: scale() takes 1 positional argument but 2 were given
    """
    # values 뒤의 *가 '여기부터는 키워드 전용'이라는 표시다. 이름이 없으므로 남는 위치 인자를 받지 않는다.
    return [value * factor + offset for value in values]


# --8<-- [end:solution]


def cases():
    star_hint = "values 다음에 별표 하나(*)를 매개변수처럼 두면 그 뒤는 키워드로만 받는다."
    return [
        Case("scale([1, 2], factor=3)", lambda f: f([1, 2], factor=3), [3, 6],
             "값마다 factor를 곱한다. offset의 기본값은 0이다."),
        Case("scale([1, 2], factor=3, offset=1)", lambda f: f([1, 2], factor=3, offset=1), [4, 7],
             "곱한 뒤에 offset을 더한다."),
        Case("빈 리스트", lambda f: f([], factor=3), [], "값이 없으면 빈 리스트다."),
        Case("scale([1, 2], 3)처럼 factor를 위치로 넘기면", lambda f: f([1, 2], 3), Raises(TypeError), star_hint),
        Case("scale([1, 2], 5, factor=3)처럼 위치 인자를 더 넘기면",
             lambda f: f([1, 2], 5, factor=3), Raises(TypeError),
             "*args로 남는 위치 인자를 모으면 조용히 삼켜진다. 이름 없는 별표(*)를 쓴다."),
        Case("factor를 빠뜨리면", lambda f: f([1, 2]), Raises(TypeError),
             "factor에는 기본값을 주지 않는다. 기본값이 없는 키워드 전용 매개변수는 꼭 넘겨야 한다."),
    ]  # fmt: skip

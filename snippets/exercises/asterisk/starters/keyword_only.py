"""연습 문제 asterisk/keyword-only — 키워드로만 받는 매개변수.

scale(values, factor=..., offset=...)은 values의 값마다 factor를 곱하고 offset을 더한 리스트를
돌려준다. 예: scale([1, 2, 3], factor=10, offset=1)은 [11, 21, 31]이다.
factor와 offset은 키워드로만 받아야 한다: scale([1, 2], 3)은 TypeError를 낸다.
factor는 꼭 넘겨야 하고, offset의 기본값은 0이다. 매개변수 목록부터 고친다.

검사: python -m snippets.exercises check asterisk/keyword-only
"""


def scale(values, factor, offset=0):
    """값마다 factor를 곱하고 offset을 더한 리스트. factor와 offset은 키워드로만 받는다."""
    raise NotImplementedError("여기를 채운다")

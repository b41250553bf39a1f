"""`from 모듈 import *`가 무엇을 가져오는지 보여 주는 작은 모듈.

`__all__`에 적은 이름만 별표 import로 나간다. `__all__`이 없으면 밑줄로 시작하지 않는
모든 이름이 나간다. 이 모듈을 별표로 불러오는 예는 idioms.py에 있다(모듈 자신의 doctest 안에서는
모든 이름이 이미 보이므로).
"""

# --8<-- [start:module]
__all__ = ["circle_area"]  # 별표 import로 내보낼 이름은 이것뿐이다

_PI = 3.14159  # 밑줄로 시작하는 이름은 내부용이라는 관례


def circle_area(radius):
    return _PI * radius**2


def square_area(side):
    return side * side


# --8<-- [end:module]

"""자주 만나는 별표 관용구: 전치(zip(*행렬)), print(*값, sep=...), str.format(**딕셔너리),
별표 import.

# --8<-- [start:transpose]
>>> matrix = [[1, 2, 3],
...           [4, 5, 6]]
>>> list(zip(*matrix))                  # zip([1, 2, 3], [4, 5, 6])과 같다
[(1, 4), (2, 5), (3, 6)]
>>> [list(column) for column in zip(*matrix)]
[[1, 4], [2, 5], [3, 6]]
>>> pairs = [("가", 1), ("나", 2), ("다", 3)]
>>> letters, numbers = zip(*pairs)      # 짝의 목록을 두 줄로 푼다
>>> letters, numbers
(('가', '나', '다'), (1, 2, 3))

# --8<-- [end:transpose]
# --8<-- [start:print_sep]
>>> shape = (32, 3, 224, 224)
>>> print(shape)
(32, 3, 224, 224)
>>> print(*shape)
32 3 224 224
>>> print(*shape, sep=" × ")
32 × 3 × 224 × 224
>>> print(*range(3), sep=", ")
0, 1, 2

# --8<-- [end:print_sep]
# --8<-- [start:format_map]
>>> run = {"model": "mlp", "lr": 0.01}
>>> "{model}: 학습률 {lr}".format(**run)
'mlp: 학습률 0.01'
>>> def show(**options):
...     return options
>>> show(**{1: "하나"})
Traceback (most recent call last):
  ...
TypeError: keywords must be strings

# --8<-- [end:format_map]
# --8<-- [start:star_import]
>>> from snippets.asterisk.geometry import *
>>> circle_area(1.0)
3.14159
>>> square_area(2.0)
Traceback (most recent call last):
  ...
NameError: name 'square_area' is not defined
>>> import snippets.asterisk.geometry as geometry
>>> geometry.square_area(2.0)               # 모듈 이름을 붙이면 여전히 쓸 수 있다
4.0

# --8<-- [end:star_import]
"""

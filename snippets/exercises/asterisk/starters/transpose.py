"""연습 문제 asterisk/transpose — 행렬을 전치한다.

행렬은 행의 리스트다: [[1, 2, 3], [4, 5, 6]]은 2×3 행렬이다.
transpose([[1, 2, 3], [4, 5, 6]])는 [[1, 4], [2, 5], [3, 6]]을 돌려줘야 한다.
반복문 없이 zip과 별표 하나로 쓸 수 있다.

검사: python -m snippets.exercises check asterisk/transpose
"""


def transpose(matrix):
    """행과 열을 바꾼 새 행렬(리스트의 리스트)을 돌려준다."""
    raise NotImplementedError("여기를 채운다")

"""연습 문제 asterisk/transpose — 길이가 다른 행들을 전치한다.

행렬은 행의 리스트다. 이번에는 행의 길이가 서로 다를 수 있다.
transpose([[1, 2, 3], [4]], fill=0)은 [[1, 4], [2, 0], [3, 0]]을 돌려줘야 한다.
짧은 행에 없는 자리는 fill로 채운다. 인덱스로 도는 반복문 없이 쓴다.

검사: python -m snippets.exercises check asterisk/transpose
"""


def transpose(rows, fill=None):
    """행과 열을 바꾼 새 리스트의 리스트. 짧은 행에 없는 자리는 fill로 채운다."""
    raise NotImplementedError("여기를 채운다")

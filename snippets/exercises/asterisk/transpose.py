"""연습 문제 asterisk/transpose: 길이가 다른 행들을 전치하고 빈 자리를 채운다."""

# --8<-- [start:solution]
from itertools import zip_longest

from snippets.exercises.checks import Case


def transpose(rows, fill=None):
    """행과 열을 바꾼 새 리스트의 리스트. 짧은 행에 없는 자리는 fill로 채운다.

    >>> transpose([[1, 2, 3], [4]], fill=0)
    [[1, 4], [2, 0], [3, 0]]
    >>> transpose([])
    []
    """
    # zip은 가장 짧은 행에서 멈춘다. zip_longest는 가장 긴 행까지 가며 빈 자리를 fillvalue로 채운다.
    return [list(column) for column in zip_longest(*rows, fillvalue=fill)]


# --8<-- [end:solution]


def hint_for(got):
    """흔한 오답: 열을 튜플로 두었거나, 짧은 행에서 멈췄거나, 별표를 빠뜨렸다."""
    if isinstance(got, list) and got and isinstance(got[0], tuple) and len(got[0]) != 1:
        return "zip이 내는 묶음은 튜플이다. 열마다 list(...)로 바꾼다."
    if isinstance(got, list) and len(got) == 1 and isinstance(got[0], list) and len(got[0]) == 2:
        return "zip은 가장 짧은 행이 끝나면 멈춰 나머지 열을 버린다. 가장 긴 행까지 가는 짝을 itertools에서 찾는다."
    return "행들을 따로따로 넘겨야 열끼리 묶인다. 별표 없이 행 리스트 하나를 넘기면 행이 통째로 묶인다."


def cases():
    return [
        Case("2×3 행렬", lambda f: f([[1, 2, 3], [4, 5, 6]]), [[1, 4], [2, 5], [3, 6]], hint_for),
        Case("길이가 3과 1인 두 행, fill=0", lambda f: f([[1, 2, 3], [4]], fill=0),
             [[1, 4], [2, 0], [3, 0]], hint_for),
        Case("fill을 주지 않으면 None으로 채운다", lambda f: f([[1], [2, 3]]), [[1, 2], [None, 3]],
             "fill의 기본값은 None이다. 빈 자리가 앞 행에 있어도 채운다."),
        Case("3×1 행렬(열 벡터)", lambda f: f([[1], [2], [3]]), [[1, 2, 3]],
             "열이 하나이면 결과는 행 하나다."),
        Case("빈 목록", lambda f: f([]), [], "행이 하나도 없으면 열도 없다."),
        Case("원래 행렬을 바꾸지 않는다",
             lambda f: (m := [[1, 2], [3]], f(m, fill=0), m)[2], [[1, 2], [3]],
             "새 리스트를 만들어 돌려준다. 받은 행을 제자리에서 채우지 않는다."),
    ]  # fmt: skip

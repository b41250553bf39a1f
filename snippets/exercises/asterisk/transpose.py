"""연습 문제 asterisk/transpose: `zip(*m)`으로 행렬을 전치한다."""

from snippets.exercises.checks import Case


# --8<-- [start:solution]
def transpose(matrix):
    """행과 열을 바꾼 새 행렬(리스트의 리스트)을 돌려준다.

    >>> transpose([[1, 2, 3], [4, 5, 6]])
    [[1, 4], [2, 5], [3, 6]]
    >>> transpose([])
    []
    """
    # *matrix가 행들을 zip의 인자로 풀어 놓는다: zip(행0, 행1, ...)은 열을 하나씩 묶어 낸다.
    return [list(column) for column in zip(*matrix)]


# --8<-- [end:solution]


def hint_for(got):
    """흔한 두 오답: 열을 튜플로 두었거나, 별표를 빠뜨렸다."""
    if isinstance(got, list) and got and isinstance(got[0], tuple) and len(got[0]) != 1:
        return "zip이 내는 묶음은 튜플이다. 열마다 list(...)로 바꾼다."
    return "zip(*matrix)는 zip(행0, 행1, ...)과 같다. 별표 없이 zip(matrix)라고 쓰면 행이 통째로 묶인다."


def cases():
    return [
        Case("2×3 행렬", lambda f: f([[1, 2, 3], [4, 5, 6]]), [[1, 4], [2, 5], [3, 6]], hint_for),
        Case("1×1 행렬", lambda f: f([[7]]), [[7]], hint_for),
        Case("3×1 행렬(열 벡터)", lambda f: f([[1], [2], [3]]), [[1, 2, 3]],
             "열이 하나이면 결과는 행 하나다."),
        Case("빈 행렬", lambda f: f([]), [], "zip()에 인자가 없으면 아무것도 내지 않는다."),
        Case("원래 행렬을 바꾸지 않는다",
             lambda f: (m := [[1, 2], [3, 4]], f(m), m)[2], [[1, 2], [3, 4]],
             "새 리스트를 만들어 돌려준다. 받은 행렬을 제자리에서 고치지 않는다."),
    ]  # fmt: skip

"""시퀀스 반복과 별칭(aliasing) 함정.

# --8<-- [start:grid_pitfall]
>>> grid = [[0] * 3] * 3      # 같은 행 객체를 세 번 가리킨다
>>> grid[0][0] = 1
>>> grid
[[1, 0, 0], [1, 0, 0], [1, 0, 0]]
>>> grid[0] is grid[1]
True

# --8<-- [end:grid_pitfall]
# --8<-- [start:grid_fix]
>>> grid = make_grid(3, 3)
>>> grid[0][0] = 1
>>> grid
[[1, 0, 0], [0, 0, 0], [0, 0, 0]]
>>> grid[0] is grid[1]
False

# --8<-- [end:grid_fix]
# --8<-- [start:fromkeys]
>>> scores = dict.fromkeys(["지민", "서준"], [])    # 빈 리스트 하나를 두 키가 나눠 쓴다
>>> scores["지민"].append(90)
>>> scores
{'지민': [90], '서준': [90]}
>>> scores = {name: [] for name in ["지민", "서준"]}  # 키마다 새 리스트
>>> scores["지민"].append(90)
>>> scores
{'지민': [90], '서준': []}

# --8<-- [end:fromkeys]
"""


# --8<-- [start:make_grid]
def make_grid(rows: int, cols: int, fill=0) -> list[list]:
    """행마다 새 리스트를 만들어 rows x cols 격자를 돌려준다."""
    return [[fill] * cols for _ in range(rows)]


# --8<-- [end:make_grid]

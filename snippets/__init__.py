"""공부 노트의 모든 코드 예제. 주제마다 하위 패키지 하나를 둔다.

노트는 pymdownx.snippets의 이름 붙은 구간(`# --8<-- [start:이름]`)으로 이 코드를 포함하고,
같은 코드는 doctest와 tests/의 pytest로 검사된다.
"""

"""연습 문제 테스트가 함께 쓰는 도구: 참고 풀이에 한 줄짜리 실수를 넣은 오답을 만든다."""

from snippets.exercises.registry import find


def solution_with(exercise_id: str, line: str, replacement: str) -> str:
    """참고 풀이 파일에서 line을 replacement로 바꾼 소스: 한 줄짜리 실수."""
    source = find(exercise_id).solution_path.read_text(encoding="utf-8")
    assert source.count(line) == 1, f"풀이에 {line!r}가 한 번만 있어야 한다"
    return source.replace(line, replacement)

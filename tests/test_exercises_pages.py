"""노트의 연습 문제 절과 목록(registry)이 서로 맞는다.

목록의 문제는 모두 그 노트의 `## 연습 문제` 절에 같은 제목과 `수준 · 종류 · id` 줄로 있고, 노트의 문제는
모두 목록에 있다. 구현 문제는 start/check 명령과 풀이 구간을 싣는다. 풀이는 모두 접혀 있다.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from snippets.exercises.registry import LEVELS, ROOT, all_exercises

NOTES = [
    "python/asterisk.md",
    "dl/weight-init.md",
    "dl/batch-norm.md",
    "dl/sequence-models.md",
    "dl/attention.md",
    "dl/transformer.md",
]
HEADING = re.compile(r"^### (?P<number>\d+)\. (?P<title>.+?)\s*$", re.M)
LABEL = re.compile(r"^(?P<level>\S+) · (?P<kind>\S+) · `(?P<id>[^`]+)`$")


@dataclass
class PageExercise:
    number: int
    title: str
    label: str
    body: str


def section(note: str) -> str:
    text = (ROOT / "docs" / note).read_text(encoding="utf-8")
    headings = [m for m in re.finditer(r"^## (.+)$", text, re.M)]
    names = [m[1].strip() for m in headings]
    assert "연습 문제" in names, f"{note}에 '## 연습 문제' 절이 없다"
    index = names.index("연습 문제")
    assert names[index - 1] == "정리" and names[index + 1] == "참고 자료", (
        f"{note}: 연습 문제 절은 '정리' 뒤, '참고 자료' 앞에 둔다 (지금 {names})"
    )
    return text[headings[index].end() : headings[index + 1].start()]


def page_exercises(note: str) -> list[PageExercise]:
    text = section(note)
    found = list(HEADING.finditer(text))
    result = []
    for match, following in zip(found, found[1:] + [None], strict=True):
        body = text[match.end() : following.start() if following else len(text)]
        label = next(line.strip() for line in body.splitlines() if line.strip())
        result.append(PageExercise(int(match["number"]), match["title"], label, body))
    return result


@pytest.mark.parametrize("note", NOTES)
def test_note_has_at_least_five_graded_exercises_with_two_implementations(note):
    listed = [e for e in all_exercises() if e.note == note]
    assert len(listed) >= 5
    assert {e.level for e in listed} == set(LEVELS)
    assert sum(e.is_implementation for e in listed) >= 2
    assert len({e.kind for e in listed}) >= 2


@pytest.mark.parametrize("note", NOTES)
def test_page_and_list_agree(note):
    on_page = page_exercises(note)
    listed = [e for e in all_exercises() if e.note == note]
    assert [p.number for p in on_page] == list(range(1, len(on_page) + 1)), (
        "문제 번호는 1부터 차례로"
    )
    assert [p.title for p in on_page] == [e.title for e in listed], (
        "제목과 순서가 목록과 같아야 한다"
    )
    for page, exercise in zip(on_page, listed, strict=True):
        assert page.label == f"{exercise.level} · {exercise.kind} · `{exercise.id}`"


@pytest.mark.parametrize("note", NOTES)
def test_every_solution_is_collapsed_and_follows_its_hint(note):
    for page in page_exercises(note):
        blocks = re.findall(r'^(\?\?\?\+?) (\w+) "([^"]+)"$', page.body, re.M)
        assert ("???", "success", "풀이") in blocks, f"{page.title}: 접힌 풀이가 없다"
        assert all(marker == "???" for marker, _, _ in blocks), f"{page.title}: 펼친 블록(???+)"
        kinds = [kind for _, kind, _ in blocks]
        assert kinds.count("success") == 1 and kinds[-1] == "success", (
            f"{page.title}: 힌트는 풀이 앞에"
        )


@pytest.mark.parametrize("note", NOTES)
def test_implementation_exercises_show_their_commands_and_include_their_solution(note):
    listed = {e.title: e for e in all_exercises() if e.note == note}
    for page in page_exercises(note):
        exercise = listed[page.title]
        if exercise.is_implementation:
            source = exercise.solution_path.relative_to(ROOT / "snippets").as_posix()
            include = f'--8<-- "{source}:solution"'
            assert f"python -m snippets.exercises start {exercise.id}\n" in page.body
            assert f"python -m snippets.exercises check {exercise.id}\n" in page.body
            solution = page.body[page.body.index('??? success "풀이"') :]
            assert include in solution, f"{exercise.id}: 풀이가 {include}를 싣지 않는다"
        else:
            assert "python -m snippets.exercises" not in page.body


@pytest.mark.parametrize("note", NOTES)
def test_predict_solutions_are_doctests(note):
    listed = {e.title: e for e in all_exercises() if e.note == note}
    for page in page_exercises(note):
        if listed[page.title].kind == "예측":
            solution = page.body[page.body.index('??? success "풀이"') :]
            assert re.search(r"^    ```python\n    >>> ", solution, re.M), (
                f"{page.title}: doctest 가 없다"
            )


def test_learner_folder_is_git_ignored():
    ignored = (ROOT / ".gitignore").read_text(encoding="utf-8").splitlines()
    assert "my-exercises/" in ignored


def test_exercise_framework_readme_names_every_public_checks_helper():
    readme = (Path(__file__).resolve().parent.parent / "snippets/exercises/README.md").read_text(
        encoding="utf-8"
    )
    for name in ("Case(", "Raises(", "close(", "check_source(", "NOTE =", "EXERCISES ="):
        assert name in readme

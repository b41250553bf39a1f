"""노트 검사 — 코드 블록(hooks/checks/code_blocks.py): python 블록은 테스트가 돌리거나 이유를 적은 skip 표시를 단다."""

from __future__ import annotations

import pytest

from hooks import note_checks
from tests.note_check_helpers import BODY_START, check, note
from tests.note_examples import INFO as RUNNER_INFO


@pytest.fixture(scope="module")
def rules():
    return note_checks.load_rules()


@pytest.mark.parametrize(
    "info", ["py", "python3", "pycon", "Python", "{.python}", "python{title=x}"]
)
def test_a_python_block_the_tests_would_not_run_is_refused(rules, info):
    [problem] = check(rules, note(f"# 제목\n\n```{info}\n>>> 1 + 1\n2\n```\n"))
    assert (problem.line, problem.keyword) == (BODY_START + 2, "code-block")
    assert "```python" in problem.fix


def test_a_doctest_in_a_block_without_language_is_refused(rules):
    [problem] = check(rules, note("# 제목\n\n```\n>>> 1 + 1\n2\n```\n"))
    assert "```python" in problem.fix


@pytest.mark.parametrize(
    "marker",
    [
        "<!-- skip: next -->",
        '<!-- skip: next "" -->',
        "<!-- skip: next 이유 -->",
        '<!-- skip: start "이유" -->',
    ],
)
def test_a_skipped_block_needs_a_quoted_reason(rules, marker):
    [problem] = check(rules, note(f"# 제목\n\n{marker}\n```python\nmodel.cuda()\n```\n"))
    assert (problem.line, problem.keyword) == (BODY_START + 2, "code-block")
    assert "이유" in problem.fix


def test_a_skip_marker_must_sit_right_before_a_python_block(rules):
    text = note('# 제목\n\n<!-- skip: next "느리다" -->\n\n설명 한 줄.\n\n```python\nx = 1\n```\n')
    [problem] = check(rules, text)
    assert problem.line == BODY_START + 2 and "바로 다음" in problem.what


@pytest.mark.parametrize(
    ("info", "runs"),
    [
        ("python", True),
        ('python title="a.py"', True),
        ('python linenums="1"', True),
        ("python3", False),
        ("py", False),
        ("pycon", False),
        ("text", False),
        ("pythonic", False),
    ],
)
def test_runnable_blocks_are_exactly_those_the_note_example_runner_collects(info, runs):
    assert bool(note_checks.RUNNABLE_INFO.match(info)) is runs
    assert bool(RUNNER_INFO.match(info + "\n")) is runs

"""연습 문제 틀(snippets/exercises): 목록, 검사, 명령줄의 종료 코드와 메시지.

구현 문제마다: 참고 풀이는 통과하고, 손대지 않은 시작 파일은 틀린다(검사에 이가 있다).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from snippets.exercises.checks import Case, Raises, close, run_cases
from snippets.exercises.registry import (
    KINDS,
    LEVELS,
    ROOT,
    UnknownExercise,
    all_exercises,
    find,
    implementation_exercises,
)
from snippets.exercises.runner import check_file, check_source

IMPLEMENTATIONS = implementation_exercises()
IDS = [e.id for e in IMPLEMENTATIONS]


def cli(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "OMP_NUM_THREADS": "1"}
    return subprocess.run(
        [sys.executable, "-m", "snippets.exercises", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


# ---------------------------------------------------------------------------
# 목록
# ---------------------------------------------------------------------------


def test_every_exercise_has_a_known_kind_and_level_and_a_unique_id():
    exercises = all_exercises()
    assert len({e.id for e in exercises}) == len(exercises)
    assert {e.kind for e in exercises} <= set(KINDS)
    assert {e.level for e in exercises} <= set(LEVELS)


def test_implementation_exercises_have_a_solution_file_and_a_starter_file():
    for exercise in IMPLEMENTATIONS:
        assert exercise.solution_path.is_file(), exercise.id
        assert exercise.starter_path.is_file(), exercise.id
        source = exercise.solution_path.read_text(encoding="utf-8")
        assert "# --8<-- [start:solution]" in source, exercise.id
        assert f"def {exercise.function}(" in exercise.starter_path.read_text(encoding="utf-8")


def test_unknown_id_is_a_lookup_error_that_names_the_list_command():
    with pytest.raises(UnknownExercise, match="python -m snippets.exercises list"):
        find("weight-init/does-not-exist")


# ---------------------------------------------------------------------------
# 모든 구현 문제: 풀이는 통과, 시작 파일은 틀림 (이 프로세스에서, 빠르게)
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("exercise_id", IDS)
def test_reference_solution_passes_its_checks(exercise_id):
    exercise = find(exercise_id)
    report = check_file(exercise, exercise.solution_path)
    assert report.status == "passed", report
    assert report.total >= 3, "경우가 적어도 셋은 있어야 검사에 뜻이 있다"


@pytest.mark.parametrize("exercise_id", IDS)
def test_untouched_starter_fails_its_checks(exercise_id):
    exercise = find(exercise_id)
    report = check_file(exercise, exercise.starter_path)
    assert report.status == "failed", report
    assert report.failure.index == 1


# ---------------------------------------------------------------------------
# 검사 도구
# ---------------------------------------------------------------------------


def test_first_wrong_case_is_reported_with_expected_got_and_hint():
    cases = [
        Case("하나", lambda f: f(1), 2, "두 배"),
        Case("둘", lambda f: f(2), 4, lambda got: f"{got}이 돌아왔다"),
        Case("셋", lambda f: f(3), 6, "두 배"),
    ]
    outcome = run_cases(cases, lambda x: x + 1)
    assert not outcome.passed
    failure = outcome.failure
    assert (failure.index, failure.total, failure.name) == (2, 3, "둘")
    assert (failure.expected, failure.got, failure.hint) == ("4", "3", "3이 돌아왔다")


def test_an_exception_from_the_learner_is_the_answer_of_that_case():
    outcome = run_cases([Case("영", lambda f: f(0), 1.0, "0으로 나누지 않는다")], lambda x: 1 / x)
    assert outcome.failure.got.startswith("ZeroDivisionError 예외")


def test_raises_passes_only_when_that_exception_is_raised():
    case = Case("음수", lambda f: f(-1), Raises(ValueError), "ValueError를 낸다")
    assert run_cases([case], lambda x: (_ for _ in ()).throw(ValueError("음수"))).passed
    failed = run_cases([case], lambda x: x)
    assert failed.failure.got == "예외 없이 -1을 돌려주었다"


def test_close_compares_tensors_by_shape_and_value():
    import torch

    compare = close(atol=1e-4)
    assert compare(torch.ones(2, 3), torch.ones(2, 3) + 1e-5)
    assert not compare(torch.ones(3, 2), torch.ones(2, 3))
    assert not compare([1.0, 2.0], torch.tensor([1.0, 2.0]))


def test_a_list_is_not_accepted_where_a_tuple_is_expected():
    case = Case("튜플", lambda f: f(), (1, 2), "튜플로 돌려준다")
    assert not run_cases([case], lambda: [1, 2]).passed


# ---------------------------------------------------------------------------
# 불러오기 실패, 함수 없음, 시간 초과
# ---------------------------------------------------------------------------


def test_a_syntax_error_is_a_one_line_load_error(tmp_path):
    report = check_source("asterisk/transpose", "def transpose(m)\n    return m\n", tmp_path)
    assert report.status == "load-error"
    assert "SyntaxError" in report.message and "(줄 1)" in report.message
    assert "\n" not in report.message


def test_a_missing_function_is_a_load_error_that_names_it(tmp_path):
    report = check_source("asterisk/transpose", "def transposed(m):\n    return m\n", tmp_path)
    assert report.status == "load-error"
    assert "함수 'transpose'가 없다" in report.message


def test_an_error_at_import_time_names_the_learner_line(tmp_path):
    report = check_source("asterisk/transpose", "x = 1\ny = 1 / 0\n", tmp_path)
    assert report.status == "load-error"
    assert "ZeroDivisionError" in report.message and "(줄 2)" in report.message


# ---------------------------------------------------------------------------
# 명령줄
# ---------------------------------------------------------------------------


def test_list_shows_every_exercise_with_note_kind_and_level():
    result = cli("list")
    assert result.returncode == 0, result.stderr
    for exercise in all_exercises():
        line = next(
            line for line in result.stdout.splitlines() if line.startswith(exercise.id + " ")
        )
        assert exercise.note in line and exercise.kind in line and exercise.level in line
    assert f"모두 {len(all_exercises())}문제" in result.stdout


def test_start_copies_the_starter_and_never_overwrites(tmp_path):
    first = cli("start", "asterisk/transpose", "--dir", str(tmp_path))
    target = tmp_path / "asterisk" / "transpose.py"
    assert first.returncode == 0, first.stderr
    assert target.read_text(encoding="utf-8") == find("asterisk/transpose").starter_path.read_text(
        encoding="utf-8"
    )
    assert str(target) in first.stdout
    target.write_text("# 내가 쓴 답\n", encoding="utf-8")
    second = cli("start", "asterisk/transpose", "--dir", str(tmp_path))
    assert second.returncode == 1
    assert "덮어쓰지 않았다" in second.stdout
    assert target.read_text(encoding="utf-8") == "# 내가 쓴 답\n"


def test_check_of_the_started_file_fails_and_solution_passes(tmp_path):
    assert cli("start", "asterisk/transpose", "--dir", str(tmp_path)).returncode == 0
    started = cli("check", "asterisk/transpose", "--dir", str(tmp_path))
    assert started.returncode == 1
    assert started.stdout.startswith("틀림: asterisk/transpose — 경우 1/")
    for label in ("기대한 값:", "돌아온 값:", "힌트:"):
        assert label in started.stdout
    solution = cli("check", "asterisk/transpose", "--solution")
    assert solution.returncode == 0
    assert solution.stdout.startswith("통과: asterisk/transpose")


def test_unknown_id_exits_2_with_one_line():
    for command in (["check", "asterisk/nope"], ["start", "asterisk/nope"]):
        result = cli(*command)
        assert result.returncode == 2
        assert result.stderr.strip().count("\n") == 0
        assert "알 수 없는 연습 문제 id: 'asterisk/nope'" in result.stderr


def test_a_predict_exercise_has_no_starter_to_start():
    result = cli("start", "asterisk/star-assignment")
    assert result.returncode == 2
    assert "예측 문제라 시작 파일과 검사가 없다" in result.stderr


def test_a_file_that_does_not_import_exits_2_without_a_traceback(tmp_path):
    broken = tmp_path / "broken.py"
    broken.write_text("import no_such_module_here\n", encoding="utf-8")
    result = cli("check", "asterisk/transpose", str(broken))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr + result.stdout
    assert result.stderr.strip().count("\n") == 0
    assert "ModuleNotFoundError" in result.stderr


def test_an_infinite_loop_ends_with_a_time_limit_message(tmp_path):
    loop = tmp_path / "loop.py"
    loop.write_text("def transpose(m):\n    while True:\n        pass\n", encoding="utf-8")
    result = cli("check", "asterisk/transpose", str(loop), "--timeout", "2")
    assert result.returncode == 1
    assert "시간 초과: asterisk/transpose" in result.stdout
    assert "2초 안에 끝나지 않아" in result.stdout


def test_the_learners_prints_do_not_break_the_report(tmp_path):
    chatty = tmp_path / "chatty.py"
    chatty.write_text(
        "print('불러오는 중')\ndef transpose(m, fill=None):\n    print('호출')\n    return [list(c) for c in __import__('itertools').zip_longest(*m, fillvalue=fill)]\n",
        encoding="utf-8",
    )
    result = cli("check", "asterisk/transpose", str(chatty))
    assert result.returncode == 0
    assert "불러오는 중" in result.stdout and "통과: asterisk/transpose" in result.stdout


@pytest.mark.slow
@pytest.mark.parametrize("exercise_id", IDS)
def test_command_line_start_then_check_fails_and_solution_passes(exercise_id, tmp_path):
    """이슈의 약속 그대로: start 한 파일은 종료 코드 1, --solution 은 0."""
    assert cli("start", exercise_id, "--dir", str(tmp_path)).returncode == 0
    started = cli("check", exercise_id, "--dir", str(tmp_path))
    assert started.returncode == 1, started.stdout + started.stderr
    solution = cli("check", exercise_id, "--solution")
    assert solution.returncode == 0, solution.stdout + solution.stderr

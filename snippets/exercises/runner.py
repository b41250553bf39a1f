"""학습자 파일을 불러와 연습 문제의 경우들을 돌리고, 결과를 한국어 메시지와 종료 코드로 바꾼다.

`check_in_subprocess`가 명령줄이 쓰는 길이다: 학습자 코드는 따로 뜬 파이썬 프로세스에서 시간 제한을
두고 돈다(worker.py). `check_file`은 같은 일을 이 프로세스에서 한다(테스트가 빠르게 쓴다).

종료 코드: 0 통과, 1 틀림(시간 초과 포함), 2 파일을 불러올 수 없거나 함수가 없음.
"""

from __future__ import annotations

import importlib
import importlib.util
import json
import os
import signal
import subprocess
import sys
import tempfile
import traceback
from dataclasses import asdict, dataclass
from pathlib import Path

from snippets.exercises.checks import Failure, run_cases
from snippets.exercises.registry import ROOT, Exercise

PASSED, FAILED, TIMEOUT, LOAD_ERROR = "passed", "failed", "timeout", "load-error"
EXIT_CODES = {PASSED: 0, FAILED: 1, TIMEOUT: 1, LOAD_ERROR: 2}
# 시간 제한은 학습자 코드에만 건다. 바깥의 프로세스 제한은 torch를 불러오는 시간까지 넉넉히 둔다.
STARTUP_ALLOWANCE = 120.0


class LoadError(Exception):
    """학습자 파일을 불러올 수 없거나, 정해진 함수가 없다. 메시지는 한 줄."""


class TimeLimit(BaseException):
    """학습자 코드가 제한 시간을 넘겼다. `except Exception`에 잡히지 않게 BaseException이다."""


@dataclass(frozen=True)
class Report:
    status: str
    total: int = 0
    failure: Failure | None = None
    message: str = ""  # LOAD_ERROR의 한 줄 설명

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> Report:
        data = json.loads(text)
        failure = Failure(**data["failure"]) if data["failure"] else None
        return cls(data["status"], data["total"], failure, data["message"])


def display(path: Path) -> str:
    """지금 폴더 안이면 그 기준의 짧은 경로, 밖이면 절대 경로."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.resolve().as_posix()


def load_function(exercise: Exercise, path: Path):
    """학습자 파일을 모듈로 불러와 함수를 꺼낸다. 무엇이 틀렸든 LoadError 한 줄로 바꾼다."""
    if not path.is_file():
        raise LoadError(
            f"파일이 없다: {display(path)} — 'python -m snippets.exercises start {exercise.id}'로 먼저 만든다"
        )
    spec = importlib.util.spec_from_file_location(f"_learner_{exercise.name}", path)
    module = importlib.util.module_from_spec(spec)
    try:
        spec.loader.exec_module(module)
    except TimeLimit:
        raise
    except SyntaxError as err:
        raise LoadError(
            f"불러오기 실패: {display(path)} — SyntaxError: {err.msg} (줄 {err.lineno})"
        ) from None
    except BaseException as err:  # 학습자 파일의 맨 위 코드가 무엇을 일으키든 한 줄로 알린다
        line = _learner_line(err, path)
        where = f" (줄 {line})" if line else ""
        raise LoadError(
            f"불러오기 실패: {display(path)} — {type(err).__name__}: {err}{where}"
        ) from None
    function = getattr(module, exercise.function, None)
    if not callable(function):
        raise LoadError(
            f"함수 없음: {display(path)}에 함수 '{exercise.function}'가 없다 — 시작 파일의 함수 이름을 그대로 쓴다"
        )
    return function


def _learner_line(err: BaseException, path: Path) -> int | None:
    frames = [f for f in traceback.extract_tb(err.__traceback__) if Path(f.filename) == path]
    return frames[-1].lineno if frames else None


def check_file(exercise: Exercise, path: Path, *, timeout: float | None = None) -> Report:
    """이 프로세스에서 검사한다. timeout을 주면 SIGALRM으로 학습자 코드를 멈춘다(유닉스, 주 스레드)."""
    cases = importlib.import_module(exercise.module).cases()
    use_alarm = timeout is not None and hasattr(signal, "setitimer")
    if use_alarm:
        previous = signal.signal(signal.SIGALRM, _raise_time_limit)
        signal.setitimer(signal.ITIMER_REAL, timeout)
    try:
        function = load_function(exercise, path.resolve())
        outcome = run_cases(cases, function)
    except LoadError as err:
        return Report(LOAD_ERROR, message=str(err))
    except TimeLimit:
        return Report(TIMEOUT, total=len(cases))
    finally:
        if use_alarm:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
    return Report(PASSED if outcome.passed else FAILED, outcome.total, outcome.failure)


def _raise_time_limit(signum, frame):
    raise TimeLimit


def check_in_subprocess(exercise: Exercise, path: Path, *, timeout: float | None = None) -> Report:
    """학습자 코드를 새 파이썬 프로세스에서 검사한다. 학습자가 print 한 것은 그대로 화면에 나온다."""
    limit = exercise.timeout if timeout is None else timeout
    with tempfile.TemporaryDirectory() as tmp:
        result_file = Path(tmp) / "result.json"
        command = [
            sys.executable, "-m", "snippets.exercises.worker",
            exercise.id, str(path.resolve()), str(result_file), str(limit),
        ]  # fmt: skip
        env = {
            **os.environ,
            "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
        }
        try:
            completed = subprocess.run(
                command, cwd=os.getcwd(), env=env, timeout=limit + STARTUP_ALLOWANCE
            )
        except subprocess.TimeoutExpired:
            return Report(TIMEOUT)
        if result_file.is_file():
            return Report.from_json(result_file.read_text(encoding="utf-8"))
        return Report(
            LOAD_ERROR,
            message=f"검사 프로세스가 결과 없이 끝났다(종료 코드 {completed.returncode}) — 학습자 코드가 "
            "os._exit 같은 것으로 프로세스를 끝내지 않는지 본다",
        )


def describe(exercise: Exercise, report: Report, timeout: float | None = None) -> str:
    """보고를 사람이 읽을 한국어로. 첫 줄이 요약이다."""
    if report.status == PASSED:
        return f"통과: {exercise.id} — 경우 {report.total}개를 모두 맞혔다."
    if report.status == LOAD_ERROR:
        return report.message
    if report.status == TIMEOUT:
        limit = exercise.timeout if timeout is None else timeout
        return (
            f"시간 초과: {exercise.id} — 학습자 코드가 {limit:g}초 안에 끝나지 않아 멈췄다. "
            "끝나지 않는 반복문이 없는지 본다."
        )
    f = report.failure
    return "\n".join(
        [
            f"틀림: {exercise.id} — 경우 {f.index}/{f.total} 「{f.name}」에서 틀렸다.",
            f"  기대한 값: {f.expected}",
            f"  돌아온 값: {f.got}",
            f"  힌트: {f.hint}",
        ]
    )


def check_source(exercise_id: str, source: str, directory: Path) -> Report:
    """소스 글을 파일로 써서 이 프로세스에서 검사한다. 오답이 의도한 메시지로 틀리는지 보는 테스트용."""
    from snippets.exercises.registry import find

    exercise = find(exercise_id)
    path = Path(directory) / f"{exercise.name}.py"
    path.write_text(source, encoding="utf-8")
    return check_file(exercise, path)

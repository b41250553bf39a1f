"""연습 문제 목록: `snippets/exercises/<노트 패키지>/__init__.py`의 `NOTE`와 `EXERCISES`를 모은다.

노트 패키지를 새로 더하면 여기를 고치지 않아도 목록에 들어온다(하위 패키지를 찾아 읽는다).

>>> exercise = find("asterisk/transpose")
>>> exercise.note, exercise.kind, exercise.function
('python/asterisk.md', '구현', 'transpose')
>>> exercise.starter_path.relative_to(ROOT).as_posix()
'snippets/exercises/asterisk/starters/transpose.py'
>>> exercise.learner_path(ROOT / "my-exercises").relative_to(ROOT).as_posix()
'my-exercises/asterisk/transpose.py'
>>> find("weight-init/nope")
Traceback (most recent call last):
  ...
snippets.exercises.registry.UnknownExercise: 알 수 없는 연습 문제 id: 'weight-init/nope' — 'python -m snippets.exercises list'로 목록을 본다
"""

from __future__ import annotations

import dataclasses
import importlib
import pkgutil
from dataclasses import dataclass
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGE_DIR = Path(__file__).resolve().parent
KINDS = ("예측", "유도", "구현")
LEVELS = ("확인", "응용", "도전")
# 학습자 함수가 이 시간(초) 안에 모든 경우를 끝내야 한다. 모듈을 불러오는 시간은 넣지 않는다.
DEFAULT_TIMEOUT = 10.0


class UnknownExercise(LookupError):
    """목록에 없는 id."""


@dataclass(frozen=True)
class Exercise:
    """연습 문제 하나.

    id: '<노트 슬러그>/<이름>', 예: 'weight-init/xavier-uniform'.
    title: 한국어 제목(노트의 문제 제목과 같게).
    kind: 예측·유도·구현 가운데 하나. level: 확인·응용·도전 가운데 하나.
    구현 문제만: module(풀이와 `cases()`가 있는 모듈의 점 경로), function(학습자가 정의할 함수 이름).
    note: 노트 패키지의 NOTE에서 채운다.
    """

    id: str
    title: str
    kind: str
    level: str
    module: str | None = None
    function: str | None = None
    timeout: float = DEFAULT_TIMEOUT
    note: str = ""

    @property
    def is_implementation(self) -> bool:
        return self.kind == "구현"

    @property
    def slug(self) -> str:
        return self.id.partition("/")[0]

    @property
    def name(self) -> str:
        """모듈 파일 이름(확장자 없이): 'weight_init.xavier_uniform' → 'xavier_uniform'."""
        return self.module.rpartition(".")[2]

    @property
    def solution_path(self) -> Path:
        return ROOT.joinpath(*self.module.split(".")).with_suffix(".py")

    @property
    def starter_path(self) -> Path:
        return self.solution_path.parent / "starters" / f"{self.name}.py"

    def learner_path(self, directory: Path) -> Path:
        """start가 만드는 파일: <directory>/<노트 슬러그>/<모듈 이름>.py"""
        return directory / self.slug / f"{self.name}.py"


@cache
def all_exercises() -> tuple[Exercise, ...]:
    """모든 노트 패키지의 연습 문제. 노트 패키지 이름 순, 그 안에서는 적은 순서."""
    found: list[Exercise] = []
    for info in sorted(pkgutil.iter_modules([str(PACKAGE_DIR)]), key=lambda i: i.name):
        if not info.ispkg:
            continue
        package = importlib.import_module(f"{__package__}.{info.name}")
        note = package.NOTE
        found += [dataclasses.replace(e, note=note) for e in package.EXERCISES]
    _validate(found)
    return tuple(found)


def _validate(exercises: list[Exercise]) -> None:
    """목록을 쓰는 쪽(명령줄, 테스트, 페이지)이 믿을 수 있게 모양을 먼저 본다."""
    seen: set[str] = set()
    for e in exercises:
        problems = []
        if e.id in seen:
            problems.append("id가 겹친다")
        seen.add(e.id)
        if Path(e.note).stem != e.slug:
            problems.append(f"id의 앞부분이 노트 슬러그({Path(e.note).stem})와 다르다")
        if e.kind not in KINDS:
            problems.append(f"kind는 {KINDS} 가운데 하나다")
        if e.level not in LEVELS:
            problems.append(f"level은 {LEVELS} 가운데 하나다")
        if e.is_implementation != bool(e.module and e.function):
            problems.append("구현 문제에는(구현 문제에만) module과 function이 있어야 한다")
        if problems:
            raise ValueError(f"연습 문제 {e.id!r}: " + "; ".join(problems))


def find(exercise_id: str) -> Exercise:
    for exercise in all_exercises():
        if exercise.id == exercise_id:
            return exercise
    raise UnknownExercise(
        f"알 수 없는 연습 문제 id: {exercise_id!r} — 'python -m snippets.exercises list'로 목록을 본다"
    )


def implementation_exercises() -> list[Exercise]:
    return [e for e in all_exercises() if e.is_implementation]

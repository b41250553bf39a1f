"""명령줄: python -m snippets.exercises {list,start,check}

    python -m snippets.exercises list                          # 모든 연습 문제
    python -m snippets.exercises start weight-init/xavier-uniform
    python -m snippets.exercises check weight-init/xavier-uniform            # start로 만든 파일
    python -m snippets.exercises check weight-init/xavier-uniform 내파일.py
    python -m snippets.exercises check weight-init/xavier-uniform --solution

종료 코드: 0 성공(통과), 1 틀림·시간 초과·start가 덮어쓰지 않음, 2 모르는 id·불러오기 실패·잘못된 인자.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import unicodedata
from pathlib import Path

from snippets.exercises.registry import ROOT, UnknownExercise, all_exercises, find
from snippets.exercises.runner import EXIT_CODES, LOAD_ERROR, check_in_subprocess, describe, display

DEFAULT_DIR = ROOT / "my-exercises"


class UsageError(Exception):
    """잘못된 인자나 id. 한 줄로 알리고 종료 코드 2."""


class KoreanArgumentParser(argparse.ArgumentParser):
    def error(self, message):
        raise UsageError(f"명령줄 인자가 잘못되었다 — {message} (도움말: --help)")


def build_parser() -> argparse.ArgumentParser:
    parser = KoreanArgumentParser(
        prog="python -m snippets.exercises",
        description="노트의 연습 문제를 보고, 시작 파일을 만들고, 답을 검사한다.",
    )
    commands = parser.add_subparsers(
        dest="command", required=True, parser_class=KoreanArgumentParser
    )
    listing = commands.add_parser("list", help="모든 연습 문제: id, 노트, 종류, 수준, 제목")
    listing.add_argument("--kind", choices=["예측", "유도", "구현"], help="이 종류만 보인다")
    start = commands.add_parser("start", help="구현 문제의 시작 파일을 my-exercises/에 복사한다")
    start.add_argument("id")
    start.add_argument("--dir", type=Path, default=DEFAULT_DIR, help="시작 파일을 둘 폴더")
    check = commands.add_parser("check", help="구현 문제의 답을 검사한다")
    check.add_argument("id")
    check.add_argument("file", nargs="?", type=Path, help="검사할 파일(기본: start로 만든 파일)")
    check.add_argument("--solution", action="store_true", help="참고 풀이를 검사한다")
    check.add_argument(
        "--dir", type=Path, default=DEFAULT_DIR, help="start로 만든 파일이 있는 폴더"
    )
    check.add_argument("--timeout", type=float, help="학습자 코드의 제한 시간(초)")
    return parser


def width(text: str) -> int:
    """터미널에서 차지하는 칸 수: 한글은 두 칸이다."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def pad(text: str, columns: int) -> str:
    return text + " " * (columns - width(text))


def command_list(args) -> int:
    rows = [("id", "노트", "종류", "수준", "제목")]
    rows += [
        (e.id, e.note, e.kind, e.level, e.title)
        for e in all_exercises()
        if args.kind is None or e.kind == args.kind
    ]
    widths = [max(width(row[i]) for row in rows) for i in range(4)]
    for row in rows:
        print("  ".join([pad(cell, w) for cell, w in zip(row, widths, strict=False)] + [row[4]]))
    counts = {kind: sum(row[2] == kind for row in rows[1:]) for kind in ("예측", "유도", "구현")}
    summary = ", ".join(f"{kind} {n}" for kind, n in counts.items())
    print(f"\n모두 {len(rows) - 1}문제({summary}). 구현 문제는 start로 시작하고 check로 검사한다.")
    return 0


def implementation(exercise_id: str):
    exercise = find(exercise_id)
    if not exercise.is_implementation:
        raise UsageError(
            f"{exercise.id}는 {exercise.kind} 문제라 시작 파일과 검사가 없다 — "
            f"풀이는 노트(docs/{exercise.note})의 연습 문제에 있다"
        )
    return exercise


def command_start(args) -> int:
    exercise = implementation(args.id)
    target = exercise.learner_path(args.dir)
    if target.exists():
        print(
            f"이미 있다: {display(target)} — 덮어쓰지 않았다. 처음부터 다시 하려면 이 파일을 지우거나 "
            "옮긴 뒤 start를 다시 한다."
        )
        return 1
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(exercise.starter_path, target)
    print(f"시작 파일을 만들었다: {display(target)}")
    print(
        f"함수 '{exercise.function}'를 채운 뒤 검사한다: python -m snippets.exercises check {exercise.id}"
    )
    return 0


def command_check(args) -> int:
    exercise = implementation(args.id)
    if args.solution and args.file:
        raise UsageError("파일과 --solution은 함께 쓸 수 없다 — 둘 가운데 하나만 준다")
    if args.solution:
        path = exercise.solution_path
    else:
        path = args.file or exercise.learner_path(args.dir)
    report = check_in_subprocess(exercise, path, timeout=args.timeout)
    text = describe(exercise, report, args.timeout)
    print(text, file=sys.stderr if report.status == LOAD_ERROR else sys.stdout)
    return EXIT_CODES[report.status]


def main(argv: list[str] | None = None) -> int:
    try:
        args = build_parser().parse_args(argv)
        return {"list": command_list, "start": command_start, "check": command_check}[args.command](
            args
        )
    except (UsageError, UnknownExercise) as err:
        print(f"오류: {err}", file=sys.stderr)
        return 2

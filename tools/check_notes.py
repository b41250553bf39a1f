"""빌드하지 않고 노트를 검사한다: `python -m tools.check_notes [docs/경로.md ...]`.

pre-commit 이 커밋에 든 노트만 넘겨 부른다. 인자가 없거나, 노트가 아닌 파일(mkdocs.yml,
data/tags.yml, data/glossary.yml)이 섞여 있으면 노트를 모두 검사한다. 규칙은 빌드 훅
hooks/note_checks.py 의 함수를 그대로 쓰므로, 여기서 통과한 노트는 빌드 첫머리의 검사도 통과한다.
(렌더링한 HTML 을 한 번 더 보는 검사만은 빌드 때 돈다.)
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from hooks import note_checks

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
NOTE_SUFFIXES = (".md", ".ipynb")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tools.check_notes",
        description="노트를 빌드 훅과 같은 규칙으로 검사합니다. 경로를 주지 않으면 docs/ 의 노트를 모두 봅니다.",
    )
    parser.add_argument("paths", nargs="*", help="검사할 파일(docs/dl/x.md 처럼 저장소 기준 경로)")
    args = parser.parse_args(argv)

    every_note = all_notes()
    notes, media = pick(args.paths, every_note)
    problems = note_checks.check_notes(DOCS, notes, note_checks.load_rules())
    wanted = {f"docs/{src}" for src in notes} | {"mkdocs.yml"}
    nav = note_checks.check_nav(every_note, note_checks.load_nav(), set(every_note))
    problems += [problem for problem in nav if problem.path in wanted]
    problems += note_checks.check_media_sizes(DOCS, media, [])
    if problems:
        print(note_checks.format_report(sorted(set(problems))), file=sys.stderr)
        return 1
    print(f"노트 {len(notes)}개를 검사했습니다. 문제가 없습니다.")
    return 0


def all_notes() -> list[str]:
    return sorted(
        path.relative_to(DOCS).as_posix()
        for path in DOCS.rglob("*")
        if path.suffix in NOTE_SUFFIXES and path.is_file()
    )


def pick(paths: list[str], every_note: list[str]) -> tuple[list[str], list[str]]:
    """넘겨받은 경로를 (검사할 노트, 크기를 볼 그림 파일)로 나눈다. docs/ 기준 경로로 돌려준다."""
    if not paths:
        return every_note, []
    notes, media = [], []
    for given in paths:
        path = (ROOT / given).resolve() if not Path(given).is_absolute() else Path(given)
        try:
            src = path.relative_to(DOCS).as_posix()
        except ValueError:
            return every_note, []  # mkdocs.yml 이나 data/*.yml 이 바뀌면 모든 노트가 영향을 받는다
        if src.endswith(NOTE_SUFFIXES):
            if path.is_file():
                notes.append(src)
        elif path.suffix.lower() in note_checks.IMAGE_SUFFIXES:
            media.append(src)
    return notes, media


if __name__ == "__main__":
    sys.exit(main())

"""빌드하지 않고 노트를 검사한다: `python -m tools.check_notes [--fix] [docs/경로.md snippets/경로.py ...]`.

`--fix` 를 주면 검사 전에 띄어 쓴 조사(제41항)를 앞말에 붙인다: "`x` 를" → "`x`를".

pre-commit 이 커밋에 든 노트와 스니펫만 넘겨 부른다. 스니펫(snippets/**/*.py)은 주석·독스트링·
문자열의 띄어쓰기와 한글 용어를 본다(페이지에 실리는 글이다). 인자가 없거나, 노트도 스니펫도 아닌
파일(mkdocs.yml, data/tags.yml, data/glossary.yml)이 섞여 있으면 노트와 스니펫과 용어집을 모두
검사한다. 규칙은 빌드 훅 hooks/note_checks.py 의 함수를 그대로 쓰므로, 여기서 통과한 노트는 빌드
첫머리의 검사도 통과한다. (렌더링한 HTML 을 한 번 더 보는 검사만은 빌드 때 돈다.)
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from hooks import note_checks

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
SNIPPETS = ROOT / "snippets"
NOTE_SUFFIXES = (".md", ".ipynb")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tools.check_notes",
        description="노트를 빌드 훅과 같은 규칙으로 검사합니다. 경로를 주지 않으면 docs/ 의 노트를 모두 봅니다.",
    )
    parser.add_argument("paths", nargs="*", help="검사할 파일(docs/dl/x.md 처럼 저장소 기준 경로)")
    parser.add_argument(
        "--fix",
        action="store_true",
        help="검사 전에 띄어 쓴 조사를 앞말에 붙인다(노트의 글, 스니펫의 주석과 문자열)",
    )
    args = parser.parse_args(argv)

    every_note = all_notes()
    notes, media = pick(args.paths, every_note)
    rules = note_checks.load_rules()
    snippets = pick_snippets(args.paths)
    if args.fix:
        fix_particles(notes, snippets)
    problems = note_checks.check_notes(DOCS, notes, rules)
    if snippets is None:
        problems += note_checks.check_site_text(rules)
    elif snippets:
        problems += note_checks.check_snippet_files(rules, snippets)
    wanted = {f"docs/{src}" for src in notes} | {"mkdocs.yml"}
    nav = note_checks.check_nav(every_note, note_checks.load_nav(), set(every_note))
    problems += [problem for problem in nav if problem.path in wanted]
    problems += note_checks.check_media_sizes(DOCS, media, [])
    if problems:
        print(note_checks.format_report(sorted(set(problems))), file=sys.stderr)
        return 1
    if snippets is None:
        checked = f"노트 {len(notes)}개와 스니펫, 용어집을"
    elif snippets:
        checked = f"노트 {len(notes)}개와 스니펫 {len(snippets)}개를"
    else:
        checked = f"노트 {len(notes)}개를"
    print(f"{checked} 검사했습니다. 문제가 없습니다.")
    return 0


def fix_particles(notes: list[str], snippets: list[Path] | None) -> None:
    """띄어 쓴 조사를 붙인다. 노트는 글과 제목만(코드 블록 안은 손으로), 스니펫은 주석과 문자열만 고친다."""
    from hooks.checks.core import Note
    from hooks.checks.snippet_text import attach_particles_in_source, snippet_files
    from hooks.checks.spacing import attach_particles, spacing_view

    targets = [(DOCS / src, "note") for src in notes if src.endswith(".md")]
    files = snippet_files(SNIPPETS) if snippets is None else snippets
    targets += [(path, "snippet") for path in files]
    for path, kind in targets:
        text = path.read_text(encoding="utf-8")
        if kind == "note":
            fixed, count = attach_particles(text, spacing_view(Note(path.name, text)))
        else:
            fixed, count = attach_particles_in_source(text)
        if count:
            path.write_text(fixed, encoding="utf-8")
            print(
                f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}: 조사 {count}개를 붙였습니다"
            )


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
        if path.is_relative_to(SNIPPETS):
            continue  # 스니펫은 pick_snippets 가 맡는다
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


def pick_snippets(paths: list[str]) -> list[Path] | None:
    """검사할 스니펫 파일. None 이면 모든 스니펫과 용어집(인자가 없거나 설정·데이터 파일이 바뀌었을 때)."""
    if not paths:
        return None
    snippets = []
    for given in paths:
        path = (ROOT / given).resolve() if not Path(given).is_absolute() else Path(given)
        if path.is_relative_to(SNIPPETS):
            if path.suffix == ".py" and path.is_file():
                snippets.append(path)
        elif not path.is_relative_to(DOCS):
            return None
    return snippets


if __name__ == "__main__":
    sys.exit(main())

"""스니펫 포함 검사: `--8<-- "경로:구간"` 이 가리키는 파일과 구간이 있는지(hooks/snippet_includes.py 와 같은 규칙)."""

from __future__ import annotations

from collections.abc import Iterator

from hooks.checks.core import ROOT, Note, Problem, Rules
from hooks.snippet_includes import GENERATED, INCLUDE, SnippetError, read_section

GENERATED_DIR = ROOT / ".cache" / "generated"


def check_snippets(note: Note, rules: Rules) -> Iterator[Problem]:
    """`--8<-- "경로:구간"` 이 가리키는 파일과 구간이 있는지 본다(hooks/snippet_includes.py 와 같은 규칙)."""
    for match in INCLUDE.finditer(note.text):
        target = match["target"]
        if target in GENERATED or (GENERATED_DIR / target.partition(":")[0]).is_file():
            continue
        try:
            read_section(target)
        except SnippetError as err:
            what, _, fix = str(err).partition(" — ")
            yield note.problem(
                match.start("target"), what, "snippet", fix or "경로와 구간 이름을 확인하세요"
            )

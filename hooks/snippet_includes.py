"""스니펫 포함 검사 훅: 노트의 `--8<-- "경로:구간"` 이 가리키는 파일과 구간이 있는지 먼저 본다.

pymdownx.snippets 도 없는 스니펫에서 멈추지만(check_paths: true) 어느 노트의 몇째 줄인지는
말하지 않는다. 이 훅은 같은 규칙으로 미리 읽어 보고 `docs/경로.md:줄: 무엇이 틀렸고 어떻게 고칠지`를
알려 준다. 노트 예제 테스트(tests/note_examples.py)도 같은 함수로 스니펫을 펼친다.
"""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

from mkdocs.exceptions import PluginError

ROOT = Path(__file__).resolve().parent.parent
SNIPPETS = ROOT / "snippets"
INCLUDE = re.compile(r'^(?P<indent>[ \t]*)--8<--[ \t]+"(?P<target>[^"]+)"[ \t]*$', re.MULTILINE)
MARKER = re.compile(r"^[ \t]*#?[ \t]*--8<--[ \t]+\[(?P<kind>start|end):(?P<name>[\w-]+)\][ \t]*$")
# auto_append 로 붙는, 빌드가 만드는 파일은 snippets/ 밖에 있다.
GENERATED = {"abbreviations.md"}


class SnippetError(LookupError):
    """노트가 가리키는 스니펫 파일이나 구간이 없다."""


# ---------------------------------------------------------------------------
# Hooks
# ---------------------------------------------------------------------------


def on_page_markdown(markdown, page, config, files):
    where = f"docs/{page.file.src_uri}"
    for match in INCLUDE.finditer(markdown):
        if match["target"] in GENERATED:
            continue
        try:
            read_section(match["target"])
        except SnippetError as err:
            line = source_line(page.file.abs_src_path, match.group(0).strip())
            raise PluginError(f"{where}:{line}: {err}") from None
    return markdown


# ---------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------


def source_line(path: str, text: str) -> int:
    """원본 노트 파일에서 그 줄이 몇째 줄인지 찾는다(front matter 를 포함해 센다)."""
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    return next((number for number, line in enumerate(lines, 1) if line.strip() == text), 0)


def read_section(target: str) -> str:
    """`파일경로:구간이름`(구간 생략 가능)을 pymdownx.snippets 와 같은 규칙으로 읽는다."""
    path_text, _, section = target.partition(":")
    path = SNIPPETS / path_text
    if not path.is_file():
        raise SnippetError(
            f"스니펫 파일 'snippets/{path_text}'을 찾을 수 없습니다 — 경로는 snippets/ 기준으로 적으세요"
        )
    lines = path.read_text(encoding="utf-8").splitlines()
    if section:
        inside, found, picked = False, False, []
        for line in lines:
            marker = MARKER.match(line)
            if marker and marker["name"] == section:
                inside = marker["kind"] == "start"
                found = found or inside
                continue
            if inside:
                picked.append(line)
        if not found:
            raise SnippetError(
                f"스니펫 'snippets/{path_text}'에 구간 '{section}'이 없습니다 — "
                f"'# --8<-- [start:{section}]'과 '# --8<-- [end:{section}]' 표시를 넣으세요"
            )
        lines = picked
    kept = [line for line in lines if not MARKER.match(line)]
    return textwrap.dedent("\n".join(kept)).strip("\n") + "\n"


def expand_includes(source: str) -> str:
    """코드 블록 안의 포함 줄을 스니펫 본문으로 바꾼다."""

    def replace(match: re.Match) -> str:
        body = read_section(match["target"])
        return textwrap.indent(body, match["indent"]).rstrip("\n")

    return INCLUDE.sub(replace, source)

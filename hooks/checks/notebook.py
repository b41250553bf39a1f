"""노트북 검사: JSON 이 읽히는지, 셀과 출력에 스크립트가 없는지, 셀의 글이 노트와 같은 규칙을 따르는지.

마크다운 셀은 노트의 글처럼(용어, 띄어쓰기), 코드 셀은 스니펫처럼(주석과 문자열의 띄어쓰기와
한글 용어) 본다. 줄 번호는 .ipynb 파일(JSON)에서 그 셀의 그 줄이 있는 곳이다.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace

from hooks.checks.core import Note, Problem, Rules, scan_html
from hooks.checks.html_safety import SCRIPT_TAGS, unsafe_attributes
from hooks.checks.snippet_text import check_snippet_source
from hooks.checks.spacing import check_spacing
from hooks.checks.vocabulary import check_vocabulary


def check_notebook(src: str, text: str, rules: Rules | None = None) -> Iterator[Problem]:
    """노트북은 JSON 이 읽히는지, 셀과 출력에 스크립트가 없는지 본다. rules 가 있으면 셀의 글도 본다."""
    path = f"docs/{src}"
    try:
        notebook = json.loads(text)
    except json.JSONDecodeError as err:
        yield Problem(
            path,
            err.lineno,
            f"노트북 JSON 을 읽을 수 없습니다: {err.msg}",
            "notebook",
            "Jupyter 에서 노트북을 다시 저장하세요",
        )
        return
    cell_lines = [
        number for number, line in enumerate(text.split("\n"), 1) if '"cell_type"' in line
    ]
    for index, cell in enumerate(notebook.get("cells", [])):
        line = cell_lines[index] if index < len(cell_lines) else 1
        sources = ["".join(cell.get("source", []))] if cell.get("cell_type") == "markdown" else []
        for output in cell.get("outputs", []):
            bundle = output.get("data", {})
            if "application/javascript" in bundle:
                yield Problem(
                    path,
                    line,
                    f"{index + 1}번째 셀의 출력에 자바스크립트가 있습니다",
                    "unsafe-html",
                    "그 셀의 출력을 지우고(Clear Output) 다시 저장하세요",
                )
            sources.append("".join(bundle.get("text/html", [])))
        for source in sources:
            for item in scan_html(source):
                whats = [f"<{item.tag}> 태그"] if item.tag in SCRIPT_TAGS else []
                whats += list(unsafe_attributes(item.tag, item.attrs))
                for what in whats:
                    yield Problem(
                        path,
                        line,
                        f"{index + 1}번째 셀에 스크립트를 실행할 수 있는 HTML 이 있습니다: {what}",
                        "unsafe-html",
                        "그 HTML 을 지우거나 출력을 지우고 다시 저장하세요",
                    )
    if rules is not None:
        yield from cell_text_problems(src, text, notebook, rules)


def cell_text_problems(src: str, text: str, notebook: dict, rules: Rules) -> Iterator[Problem]:
    lines = text.split("\n")
    source_lines = [n for n, line in enumerate(lines, 1) if line.lstrip().startswith('"source"')]
    for index, cell in enumerate(notebook.get("cells", [])):
        source = cell.get("source", [])
        body = "".join(source) if isinstance(source, list) else str(source)
        first = source_lines[index] if index < len(source_lines) else 1
        # 줄마다 문자열 하나인 목록이면 셀의 k번째 줄은 "source": [ 의 k줄 아래에 있다.
        offset = 1 if isinstance(source, list) and lines[first - 1].rstrip().endswith("[") else 0
        if cell.get("cell_type") == "markdown":
            note = Note(src, body)
            found = [*check_vocabulary(note, rules), *check_spacing(note, rules)]
        elif cell.get("cell_type") == "code":
            found = check_snippet_source(f"docs/{src}", body, rules)
        else:
            continue
        for problem in found:
            line = first + (problem.line - 1 + offset if offset else 0)
            yield replace(problem, line=line, what=f"{index + 1}번째 셀: {problem.what}")

"""코드 블록 검사: python 블록은 테스트가 실행하거나, 이유를 적은 skip 표시가 붙어 있어야 한다."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator

from sybil import Document
from sybil.parsers.abstract.lexers import LexingException
from sybil.parsers.markdown.lexers import DirectiveInHTMLCommentLexer

from hooks.checks.core import Note, Problem, Rules, shorten

# tests/note_examples.py 가 실행하는 블록: info 가 `python` 이거나 `python 속성...`
RUNNABLE_INFO = re.compile(r"python(?:[ \t]+[^\n]*)?$")
NOT_RUN_ALIASES = {"py", "py3", "python3", "python2", "pycon", "ipython", "ipython3", "pyi"}
SKIP_NEXT = re.compile(r"next[ \t]+(?P<reason>.+)$")


def check_code_blocks(note: Note, rules: Rules) -> Iterator[Problem]:
    """python 블록은 모두 테스트가 돌린다. 돌리지 않을 블록은 바로 앞에 `<!-- skip: next "이유" -->`."""
    for fence in note.fences:
        info = fence.info.strip()
        language = re.match(r"\{?\s*\.?([^\s{}]*)", info).group(1)
        if RUNNABLE_INFO.match(info):
            continue
        if language.lower() in NOT_RUN_ALIASES or language.lower().startswith("python"):
            yield note.problem(
                fence.start,
                f"테스트가 실행하지 않는 코드 블록입니다: ```{info}",
                "code-block",
                "```python 으로 쓰세요(>>> 세션도 ```python 블록 안에서 doctest 로 돕니다). 실행하면 안 되는 "
                '코드라면 바로 앞 줄에 <!-- skip: next "이유" --> 를 두세요',
            )
        elif not info and re.search(r"^[ \t]*>>> ", fence.source, re.M):
            yield note.problem(
                fence.start,
                "언어 표시가 없는 코드 블록에 >>> 세션이 있어 테스트가 돌지 않습니다",
                "code-block",
                "여는 줄을 ```python 으로 바꾸세요",
            )
    try:
        skips = list(DirectiveInHTMLCommentLexer("skip")(Document(note.text, note.path)))
    except LexingException:
        yield note.problem(
            1,
            "닫히지 않은 <!-- skip: 표시가 있습니다",
            "code-block",
            '<!-- skip: next "이유" --> 처럼 한 줄로 닫으세요',
            is_line=True,
        )
        return
    for skip in skips:
        yield from skip_problems(note, skip)


def skip_problems(note: Note, skip) -> Iterator[Problem]:
    arguments = (skip.lexemes.get("arguments") or "").strip()
    match = SKIP_NEXT.match(arguments)
    reason = None
    if match:
        try:
            reason = ast.literal_eval(match["reason"].strip())
        except (ValueError, SyntaxError):
            reason = None
    if not isinstance(reason, str) or not reason.strip():
        yield note.problem(
            skip.start,
            f"skip 표시에 따옴표로 감싼 이유가 없습니다: <!-- skip: {shorten(arguments)} -->",
            "code-block",
            '<!-- skip: next "실행하지 않는 이유" --> 모양으로, 이유를 큰따옴표 안에 쓰세요',
        )
    closing = re.compile(r"--+>").search(note.text, skip.end)
    end = closing.end() if closing else skip.end
    following = next((fence for fence in note.fences if fence.start >= end), None)
    gap = note.text[end : following.start] if following else ""
    if following is None or gap.strip() or not RUNNABLE_INFO.match(following.info.strip()):
        yield note.problem(
            skip.start,
            "skip 표시 바로 다음에 ```python 블록이 없습니다",
            "code-block",
            "skip 표시는 건너뛸 ```python 블록의 바로 앞 줄에 두세요. 그렇지 않으면 뒤쪽의 "
            "엉뚱한 블록이 건너뛰어집니다",
        )

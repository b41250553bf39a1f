"""스니펫 글 검사: snippets/**/*.py 의 주석, 독스트링, 문자열도 노트의 글과 같은 규칙을 따른다.

페이지에는 스니펫의 구간이 그대로 실리고, print 한 문자열은 doctest 출력으로 실린다. 그래서
주석·독스트링·문자열 리터럴 모두에서 띄어 쓴 조사(제41항)와 붙여 쓴 한글 수(제44항)를 찾고,
용어집의 피할 표기 가운데 한글 표기(걸음, 시각, 특징 맵 …)를 찾는다. 영문 표기(PyTorch, ReLU)는
코드에서 쓰는 것이 맞으므로 보지 않는다. 어느 구간이 페이지에 실리는지 따지지 않고 파일 전체를 본다:
실리지 않는 줄도 언젠가 실릴 수 있고, 규칙이 하나면 기여자가 헷갈리지 않는다.
"""

from __future__ import annotations

import io
import re
import tokenize
from collections.abc import Iterable, Iterator
from pathlib import Path

from hooks.checks.core import ROOT, Problem, Rules
from hooks.checks.spacing import attach_particles, text_problems
from hooks.checks.vocabulary import find_discouraged, vocabulary_message
from hooks.glossary import Term

SNIPPETS = ROOT / "snippets"


def snippet_files(root: Path = SNIPPETS) -> list[Path]:
    return sorted(p for p in root.rglob("*.py") if p.is_file())


def hangul_terms(terms: Iterable[Term]) -> list[Term]:
    """피할 표기 가운데 한글 표기만 남긴 용어들(코드 안에서는 영문 표기가 맞다)."""
    kept = []
    for term in terms:
        avoid = tuple(v for v in term.avoid if not any(c.isascii() and c.isalpha() for c in v.form))
        if avoid:
            kept.append(
                Term(term.ko, term.en, term.abbr, term.discouraged, term.note, term.aliases, avoid)
            )
    return kept


DELIMITERS = re.compile(
    r"""^(?P<open>[A-Za-z]*(?:\"\"\"|'''|"|')|\#)(?P<body>.*?)(?P<close>\"\"\"|'''|"|')?$""", re.S
)


def text_tokens(source: str) -> Iterator[tuple[int, str]]:
    """(첫 줄 번호, 글) — 주석과 문자열 리터럴(독스트링 포함). 따옴표와 # 은 같은 길이의 빈칸으로 바꾼다."""
    try:
        for token in tokenize.generate_tokens(io.StringIO(source).readline):
            if token.type in (tokenize.COMMENT, tokenize.STRING):
                yield token.start[0], strip_delimiters(token.string)
    except (tokenize.TokenError, SyntaxError):
        return  # 문법이 틀린 파일은 ruff 와 테스트가 알린다


def strip_delimiters(token: str) -> str:
    """'f"{x} 를"' → '  {x} 를 ': 조사 앞말에 따옴표가 섞여 보이지 않게 한다(오프셋은 그대로)."""
    match = DELIMITERS.match(token)
    if not match:
        return token
    close = match["close"] or ""
    return " " * len(match["open"]) + match["body"] + " " * len(close)


def check_snippet_source(path: str, source: str, rules: Rules) -> list[Problem]:
    problems: list[Problem] = []
    terms = hangul_terms(rules.terms)
    for line, text in text_tokens(source):
        problems += text_problems(path, text, first_line=line)
        for found in find_discouraged(text, terms):
            what, fix = vocabulary_message(found)
            problems.append(
                Problem(path, line + text.count("\n", 0, found.start), what, "glossary", fix)
            )
    return problems


def check_snippet_files(rules: Rules, files: Iterable[Path] | None = None) -> list[Problem]:
    problems: list[Problem] = []
    for file in snippet_files() if files is None else files:
        resolved = file.resolve()
        path = resolved.relative_to(ROOT).as_posix() if resolved.is_relative_to(ROOT) else str(file)
        problems += check_snippet_source(path, file.read_text(encoding="utf-8"), rules)
    return sorted(set(problems))


# ---------------------------------------------------------------------------
# 노트 안의 코드 블록: 페이지에 그대로 보이는 주석, 문자열, doctest 출력, 도표의 글
# ---------------------------------------------------------------------------

PROMPT = re.compile(r"^[ \t]*(?:>>>|\.\.\.)(?: |$)")


def fence_texts(source: str, info: str) -> Iterator[tuple[int, str]]:
    """(펜스 안 줄 번호, 글). python 블록은 주석과 문자열, doctest 출력 줄을 내고, 도표(mermaid)와
    출력·명령 블록(text, console, bash)은 글 전체를 낸다(그 안의 한글은 라벨, 출력, 주석이다)."""
    language = info.strip().split(" ")[0].lower().lstrip("{.")
    if language in ("mermaid", "text", "console", "bash", "sh", "shell", "txt"):
        yield 1, source
        return
    if not language.startswith(("python", "py")):
        return
    lines = source.split("\n")
    if not any(PROMPT.match(line) for line in lines):
        yield from text_tokens(source)
        return
    # doctest 세션: 프롬프트 줄은 코드로 모아 토큰을 보고, 나머지 줄(출력)은 글로 본다.
    code_lines, numbers = [], []
    for number, line in enumerate(lines, 1):
        if PROMPT.match(line):
            code_lines.append(PROMPT.sub(lambda m: " " * len(m.group(0)), line))
            numbers.append(number)
        elif line.strip():
            yield number, line
    for line, text in text_tokens("\n".join(code_lines) + "\n"):
        yield numbers[line - 1], text


def check_code_text(note, rules: Rules) -> Iterator[Problem]:
    """노트의 코드 블록에서 페이지에 보이는 글(주석, 문자열, 출력)의 띄어쓰기와 한글 용어."""
    terms = hangul_terms(rules.terms)
    for fence in note.fences:
        # 펜스의 첫 줄(``` 여는 줄) 다음이 소스의 1번째 줄이다.
        first = note.line_of(fence.start) + 1
        for line, text in fence_texts(fence.source, fence.info):
            yield from text_problems(note.path, text, first_line=first + line - 1)
            for found in find_discouraged(text, terms):
                what, fix = vocabulary_message(found)
                at = first + line - 1 + text.count("\n", 0, found.start)
                yield Problem(note.path, at, what, "glossary", fix)


def attach_particles_in_source(source: str) -> tuple[str, int]:
    """파이썬 소스의 주석과 문자열에서 띄어 쓴 조사를 붙인다(코드는 건드리지 않는다)."""
    starts = [0]
    for line in source.splitlines(keepends=True):
        starts.append(starts[-1] + len(line))
    view = [" " if c != "\n" else "\n" for c in source]
    try:
        for token in tokenize.generate_tokens(io.StringIO(source).readline):
            if token.type in (tokenize.COMMENT, tokenize.STRING):
                begin = starts[token.start[0] - 1] + token.start[1]
                view[begin : begin + len(token.string)] = strip_delimiters(token.string)
    except (tokenize.TokenError, SyntaxError):
        return source, 0
    return attach_particles(source, "".join(view))

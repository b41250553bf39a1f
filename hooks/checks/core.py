"""노트 검사의 공통 부품: 문제 한 줄(Problem), 규칙(Rules), 검사할 노트(Note)와 그 '보기'들.

검사 모듈(hooks/checks/*.py)은 모두 이 모듈 위에 선다. 노트는 원문 그대로 두고, 검사마다 필요한
보기(코드를 지운 본문, 사람이 읽는 글만 남긴 것 등)를 만든다. 지울 때는 글자를 공백으로 바꾸므로
오프셋과 줄 번호가 원문과 같다.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from html.parser import HTMLParser
from pathlib import Path

from mkdocs.utils.meta import YAML_RE
from sybil import Document
from sybil.parsers.markdown.lexers import RawFencedCodeBlockLexer

from hooks.glossary import Term

ROOT = Path(__file__).resolve().parent.parent.parent


@dataclass(frozen=True, order=True)
class Problem:
    """노트의 문제 하나. 문자열로 바꾸면 `경로:줄: 무엇 (keyword) — 고칠 방법` 한 줄이 된다."""

    path: str
    line: int
    what: str
    keyword: str
    fix: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.what} ({self.keyword}) — {self.fix}"


@dataclass(frozen=True)
class Rules:
    """노트가 따라야 하는 프로젝트 데이터: 태그 목록과 용어집."""

    tags: tuple[str, ...]
    terms: tuple[Term, ...]


# ---------------------------------------------------------------------------
# The note being checked
# ---------------------------------------------------------------------------


@dataclass
class Note:
    """검사할 노트 하나: 원문과, 검사마다 필요한 여러 '보기'(코드를 지운 본문 등)."""

    src: str  # docs/ 기준 경로
    text: str  # 줄바꿈을 \n 으로 맞춘 원문(front matter 포함)
    docs_dir: Path = field(default=Path("docs"))

    @property
    def path(self) -> str:
        return f"docs/{self.src}"

    def line_of(self, offset: int) -> int:
        return self.text.count("\n", 0, offset) + 1

    def problem(self, offset_or_line: int, what: str, keyword: str, fix: str, *, is_line=False):
        line = offset_or_line if is_line else self.line_of(offset_or_line)
        return Problem(self.path, line, what, keyword, fix)

    @cached_property
    def front_matter_end(self) -> int:
        """front matter 가 끝나는 오프셋(없으면 0)."""
        match = YAML_RE.match(self.text)
        return match.end() if match else 0

    @cached_property
    def fences(self) -> list[Fence]:
        return fenced_blocks(self.text)

    @cached_property
    def without_code(self) -> str:
        """펜스 코드 블록과 인라인 코드를 공백으로 지운 원문. 줄 번호와 오프셋은 그대로다."""
        text = self.text
        for fence in self.fences:
            text = blank(text, fence.start, fence.end)
        return INLINE_CODE.sub(blank_match, text)

    @cached_property
    def body(self) -> str:
        """front matter 와 코드와 수식을 지운 본문: HTML 과 링크를 찾는 곳."""
        text = blank(self.without_code, 0, self.front_matter_end)
        return MATH.sub(blank_match, text)

    @cached_property
    def prose(self) -> str:
        """사람이 읽는 글만: 본문에서 HTML 주석과 링크 주소까지 지운 것(front matter 의 글은 남긴다)."""
        text = MATH.sub(blank_match, self.without_code)
        text = HTML_COMMENT.sub(blank_match, text)
        text = LINK_TARGET.sub(lambda m: "](" + blank_match(m)[2:], text)
        return REFERENCE_DEFINITION.sub(blank_match, text)

    @cached_property
    def html(self) -> list[HtmlItem]:
        return scan_html(self.body)

    @cached_property
    def reference_urls(self) -> dict[str, tuple[str, int]]:
        """참조 링크 정의 `[이름]: 주소` → (주소, 오프셋)."""
        return {
            m["label"].strip().lower(): (m["url"].strip("<>"), m.start())
            for m in REFERENCE_DEFINITION.finditer(self.body)
        }


@dataclass(frozen=True, order=True)
class Fence:
    start: int
    end: int
    info: str
    source: str


@dataclass(frozen=True)
class HtmlItem:
    """원문에 있는 HTML 한 조각: 시작 태그 하나 또는 주석 하나."""

    line: int
    tag: str  # 주석이면 "!--"
    attrs: tuple[tuple[str, str | None], ...] = ()
    comment: str = ""


def blank(text: str, start: int, end: int) -> str:
    """text[start:end] 의 줄바꿈이 아닌 글자를 모두 공백으로 바꾼다(오프셋과 줄 번호 유지)."""
    return text[:start] + re.sub(r"[^\n]", " ", text[start:end]) + text[end:]


def blank_match(match: re.Match) -> str:
    return re.sub(r"[^\n]", " ", match.group(0))


def fenced_blocks(text: str) -> list[Fence]:
    """노트 예제 테스트(Sybil)와 같은 렉서로 펜스 코드 블록을 모두 찾는다(들여쓴 블록 포함)."""
    lexer = RawFencedCodeBlockLexer(
        info_pattern=re.compile(r"(?P<info>[^\n]*)$\n", re.M),
        mapping={"info": "info", "source": "source"},
    )
    return sorted(
        Fence(region.start, region.end, region.lexemes["info"], str(region.lexemes["source"]))
        for region in lexer(Document(text, "<note>"))
    )


def shorten(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class _HtmlCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.items: list[HtmlItem] = []

    def handle_starttag(self, tag, attrs):
        self.items.append(HtmlItem(self.getpos()[0], tag, tuple(attrs)))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_comment(self, data):
        self.items.append(HtmlItem(self.getpos()[0], "!--", comment=data))


def scan_html(text: str) -> list[HtmlItem]:
    """글 속의 HTML 시작 태그와 주석을 줄 번호와 함께 모은다(<https://…> 자동 링크는 건너뛴다)."""
    text = AUTOLINK.sub(blank_match, text)
    collector = _HtmlCollector()
    collector.feed(text)
    collector.close()
    return collector.items


# ---------------------------------------------------------------------------
# Patterns
# ---------------------------------------------------------------------------
INLINE_CODE = re.compile(r"(?<!`)(`+)(?!`)(?:(?!\n[ \t]*\n).)+?(?<!`)\1(?!`)", re.S)
MATH = re.compile(r"\\\((?:(?!\n[ \t]*\n).)+?\\\)|\\\[.+?\\\]|\$\$.+?\$\$", re.S)
HTML_COMMENT = re.compile(r"<!--.*?-->", re.S)
AUTOLINK = re.compile(r"<(?:https?|ftp|mailto):[^\s<>]*>|<[\w.+-]+@[\w-]+\.[\w.-]+>", re.I)
LINK_TARGET = re.compile(r"\]\(\s*(?P<url><[^>\n]*>|[^\s)]+)")
REFERENCE_DEFINITION = re.compile(
    r"^[ ]{0,3}\[(?P<label>[^\]\n]+)\]:[ \t]*(?P<url><[^>\n]*>|\S+)", re.M
)

"""노트 검사 훅: 기여자가 보낸 노트를 빌드 첫머리에서 모두 검사하고, 문제를 한꺼번에 알려 준다.

빌드가 시작되면(on_files) docs/ 의 노트를 모두 읽어 아래 검사를 차례로 돌린다. 찾은 문제는
처음 하나에서 멈추지 않고 모두 모아, 한 줄에 하나씩 같은 모양으로 보여 준 뒤 빌드를 멈춘다.

    docs/dl/batch-norm.md:12: 무엇이 틀렸는지 (영어 키워드) — 어떻게 고칠지

검사(규칙 하나에 함수 하나):
- check_encoding      UTF-8 인지. CP949(EUC-KR)로 저장한 파일을 알아보고 고치는 법을 알려 준다
- check_front_matter  YAML, 필수 키(title 또는 H1, description, tags), 태그 목록, sources, 모르는 키
- check_unsafe_html   스크립트를 실행할 수 있는 HTML, 허용 목록 밖의 태그, 위험한 URL
- check_images        대체 텍스트, 파일 크기 1 MB 상한, 외부에서 불러오는 이미지
- check_code_blocks   python 블록은 테스트가 실행하거나, 이유를 적은 skip 표시가 붙어 있어야 한다
- check_glossary      data/glossary.yml 의 피할 표기
- check_snippets      `--8<--` 포함이 가리키는 스니펫 파일과 구간
- check_nav           nav 에서 닿지 않는 페이지, nav 가 가리키는 없는 파일

Markdown 이 만들어 낸 HTML 도 한 번 더 본다(on_page_content). attr_list 의 `{ onclick=... }` 처럼
원문에서는 HTML 이 아니던 것까지 막기 위해서다. 끊긴 링크와 앵커는 MkDocs 의 validation 설정과
strict 빌드가 잡는다. pre-commit 의 `python -m tools.check_notes` 도 이 파일의 함수를 그대로 쓴다.
"""

from __future__ import annotations

import ast
import difflib
import html
import json
import os
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote

import yaml
from mkdocs.exceptions import PluginError
from mkdocs.utils.meta import YAML_RE
from sybil import Document
from sybil.parsers.abstract.lexers import LexingException
from sybil.parsers.markdown.lexers import DirectiveInHTMLCommentLexer, RawFencedCodeBlockLexer

ROOT = Path(__file__).resolve().parent.parent
# MkDocs 는 훅을 파일 경로로 불러온다. 그때도 hooks 패키지의 다른 모듈을 쓸 수 있게 한다.
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from hooks.glossary import Term, load_terms  # noqa: E402
from hooks.snippet_includes import GENERATED, INCLUDE, SnippetError, read_section  # noqa: E402

TAGS_FILE = ROOT / "data" / "tags.yml"
MKDOCS_FILE = ROOT / "mkdocs.yml"
GENERATED_DIR = ROOT / ".cache" / "generated"

IMAGE_LIMIT = 1024 * 1024  # 1 MB
IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg", ".avif", ".bmp", ".ico"}
# 피할 표기를 보여 주는 것이 일인 페이지
GLOSSARY_EXEMPT = {"glossary.md"}


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
# Hooks
# ---------------------------------------------------------------------------

_rendered_problems: list[Problem] = []


def on_files(files, config):
    """빌드 첫머리: 모든 노트를 검사하고, 문제가 하나라도 있으면 모두 보여 주고 멈춘다."""
    _rendered_problems.clear()
    docs_dir = Path(config["docs_dir"])
    notes = [
        file.src_uri
        for file in files
        if file.src_uri.endswith((".md", ".ipynb")) and not file.inclusion.is_excluded()
    ]
    in_nav = [
        file.src_uri for file in files if file.src_uri in notes and file.inclusion.is_in_nav()
    ]
    problems = check_notes(docs_dir, notes, load_rules())
    problems += check_nav(in_nav, config["nav"], set(notes), MKDOCS_FILE)
    problems += check_media_sizes(docs_dir, [f.src_uri for f in files], problems)
    fail_if_any(problems)
    return files


def on_page_content(html_text, page, config, files):
    """렌더링한 HTML 을 한 번 더 본다: Markdown 이 만든 속성(attr_list 등)까지 막는다."""
    if page.file.src_uri.endswith(".md"):
        source = Path(page.file.abs_src_path).read_text(encoding="utf-8-sig")
        _rendered_problems.extend(check_rendered_html(page.file.src_uri, html_text, source))
    return html_text


def on_env(env, config, files):
    """모든 페이지를 렌더링한 뒤: 렌더링 검사에서 나온 문제를 한꺼번에 보여 준다."""
    fail_if_any(_rendered_problems)
    return env


# ---------------------------------------------------------------------------
# Entry points shared with tools/check_notes.py
# ---------------------------------------------------------------------------


def load_rules() -> Rules:
    tags = yaml.safe_load(TAGS_FILE.read_text(encoding="utf-8"))
    if not isinstance(tags, list) or not all(isinstance(tag, str) for tag in tags):
        raise PluginError(f"{TAGS_FILE}: 태그 목록은 문자열의 목록(list)이어야 합니다")
    return Rules(tags=tuple(tags), terms=tuple(load_terms()))


def check_notes(docs_dir: Path, notes: Iterable[str], rules: Rules) -> list[Problem]:
    """노트 여러 개를 검사한다. `notes` 는 docs/ 기준 경로("dl/x.md")."""
    problems: list[Problem] = []
    for src in sorted(notes):
        data = (docs_dir / src).read_bytes()
        problems += check_note(src, data, docs_dir, rules)
    return problems


def check_note(src: str, data: bytes, docs_dir: Path, rules: Rules) -> list[Problem]:
    """노트 하나를 모든 검사에 차례로 통과시킨다. 인코딩이 틀리면 나머지는 읽을 수 없으니 건너뛴다."""
    problems = list(check_encoding(src, data))
    if problems:
        return problems
    text = data.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")
    if src.endswith(".ipynb"):
        return list(check_notebook(src, text))
    note = Note(src, text, docs_dir)
    for check in NOTE_CHECKS:  # 검사 목록은 파일 끝에 있다
        problems.extend(check(note, rules))
    return sorted(set(problems))


def fail_if_any(problems: list[Problem]) -> None:
    if not problems:
        return
    problems = sorted(set(problems))
    if os.environ.get("GITHUB_ACTIONS") == "true":
        # 풀 리퀘스트의 바뀐 줄 옆에 주석으로 보이게 한다.
        for problem in problems:
            print(f"::error file={problem.path},line={problem.line}::{problem}", flush=True)
    raise PluginError(format_report(problems))


def format_report(problems: list[Problem]) -> str:
    lines = [f"노트 검사에서 문제 {len(problems)}개를 찾았습니다. 모두 고친 뒤 다시 빌드하세요."]
    lines += [str(problem) for problem in problems]
    return "\n".join(lines)


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


# ---------------------------------------------------------------------------
# Checks: encoding
# ---------------------------------------------------------------------------

UTF8_FIX = (
    "VS Code 라면 오른쪽 아래 인코딩 표시를 눌러 'Reopen with Encoding' → 'Korean (EUC-KR)'로 한글이 "
    "제대로 보이게 다시 연 뒤, 한 번 더 눌러 'Save with Encoding' → 'UTF-8'로 저장하세요. 터미널에서는 "
    "`iconv -f cp949 -t utf-8 노트.md > 새노트.md` 로 바꾼 뒤 원래 이름으로 옮기면 됩니다"
)


def check_encoding(src: str, data: bytes) -> Iterator[Problem]:
    """노트는 BOM 없는 UTF-8 이어야 한다.

    MkDocs 는 on_files 다음에 File.content_string 에서 `utf-8-sig` 로 파일을 읽는데, 실패하면
    'Encoding error reading file' 한 줄만 남긴다. 그보다 먼저 바이트를 보고 이유와 고칠 방법을 말한다.
    BOM 은 MkDocs 는 건너뛰지만 Sybil(노트 예제 테스트)과 다른 도구는 첫 줄의 글자로 읽으므로 받지 않는다.
    """
    path = f"docs/{src}"
    if data.startswith(b"\xef\xbb\xbf"):
        yield Problem(
            path,
            1,
            "파일이 BOM(바이트 순서 표시)이 붙은 UTF-8로 저장되어 있습니다",
            "encoding",
            "BOM 없는 UTF-8로 저장하세요. VS Code 는 오른쪽 아래 'UTF-8 with BOM'을 눌러 "
            "'Save with Encoding' → 'UTF-8'을 고르면 되고, pre-commit 의 fix-byte-order-marker 가 자동으로 고칩니다",
        )
        return
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data.count(b"\n", 0, err.start) + 1
        if looks_like_cp949(data):
            what = "파일이 UTF-8이 아니라 CP949(EUC-KR)로 저장되어 있습니다. 한국어 Windows 편집기의 기본값입니다"
        else:
            what = f"파일이 UTF-8이 아닙니다(바이트 0x{data[err.start]:02x}를 읽을 수 없습니다)"
        yield Problem(path, line, what, "encoding", UTF8_FIX)


def looks_like_cp949(data: bytes) -> bool:
    try:
        text = data.decode("cp949")
    except UnicodeDecodeError:
        return False
    return re.search(r"[가-힣]", text) is not None


# ---------------------------------------------------------------------------
# Checks: front matter
# ---------------------------------------------------------------------------

REQUIRED_KEYS = ("description", "tags")
# Material 이 읽는 페이지 설정 중 노트에 쓸 만한 것
MATERIAL_KEYS = {
    "hide": {"navigation", "toc", "footer", "path", "tags", "feedback"},
    "search": None,
}
KNOWN_KEYS = ("title", "description", "tags", "sources", *MATERIAL_KEYS)
TEMPLATE_HINT = "본보기: tools/templates/note.md"
KEY_EXAMPLES = {
    "description": "description: 이 노트를 한 문장으로 요약",
    "tags": "tags: 아래에 '  - 딥러닝'처럼 data/tags.yml 의 태그를 한 줄에 하나씩",
}


class FrontMatterLoader(yaml.SafeLoader):
    """MkDocs 와 같은 안전한 로더. 키마다 원문의 줄 번호를 함께 얻으려고 노드를 직접 다룬다."""


def check_front_matter(note: Note, rules: Rules) -> Iterator[Problem]:
    text = note.text
    if not text.startswith("---"):
        yield note.problem(
            1,
            "front matter 가 없습니다",
            "front-matter",
            f"파일 맨 위에 '---' 줄로 여닫는 front matter 를 두고 title, description, tags 를 적으세요({TEMPLATE_HINT})",
            is_line=True,
        )
        return
    match = YAML_RE.match(text)
    if not match:
        yield note.problem(
            1,
            "front matter 가 닫히지 않았습니다",
            "front-matter",
            "front matter 끝에 '---' 한 줄을 두고, 그 뒤에 빈 줄과 본문을 쓰세요",
            is_line=True,
        )
        return
    loader = FrontMatterLoader(match.group(1))
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as err:
        problem = str(err.problem or err)
        # 닫히지 않은 괄호나 따옴표는 파일 끝에서야 드러나므로, 그것이 열린 자리를 알려 준다.
        unclosed = "<stream end>" in problem and err.context_mark is not None
        mark = err.context_mark if unclosed else (err.problem_mark or err.context_mark)
        line = mark.line + 2 if mark else 1
        yield note.problem(
            line,
            f"front matter 의 YAML 을 읽을 수 없습니다: {err.problem or err}",
            "front-matter",
            yaml_hint(str(err.problem or err)),
            is_line=True,
        )
        return
    finally:
        loader.dispose()
    if not isinstance(data, dict):
        yield note.problem(
            2,
            "front matter 는 '키: 값' 모양이어야 합니다",
            "front-matter",
            f"'키: 값' 줄로 쓰세요({TEMPLATE_HINT})",
            is_line=True,
        )
        return
    lines = {key.value: key.start_mark.line + 2 for key, _ in node.value}
    values = {key.value: value for key, value in node.value}
    yield from check_front_matter_keys(note, data, lines, values, rules)


def check_front_matter_keys(note, data, lines, nodes, rules) -> Iterator[Problem]:
    def at(key):
        return lines.get(key, 2)

    for key in data:
        if key not in KNOWN_KEYS:
            guess = difflib.get_close_matches(str(key), KNOWN_KEYS, n=1)
            hint = f"'{guess[0]}'을(를) 쓰려던 것이라면 이름을 고치고, " if guess else ""
            yield note.problem(
                at(key),
                f"front matter 에 모르는 키가 있습니다: '{key}'",
                "front-matter",
                f"{hint}쓸 수 있는 키는 {', '.join(KNOWN_KEYS)} 입니다",
                is_line=True,
            )

    title = data.get("title")
    if "title" in data and not nonempty_str(title):
        yield note.problem(
            at("title"),
            "title 이 비었거나 문자열이 아닙니다",
            "front-matter",
            "title: 노트 제목 처럼 한 줄로 적으세요",
            is_line=True,
        )
    if "title" not in data and not has_h1(note):
        yield note.problem(
            2,
            "제목이 없습니다: front matter 에 title 도, 본문에 '# 제목'도 없습니다",
            "front-matter",
            "front matter 에 title: 을 적거나 본문 첫 줄을 '# 제목'으로 쓰세요",
            is_line=True,
        )
    for key in REQUIRED_KEYS:
        if key not in data:
            yield note.problem(
                2,
                f"front matter 에 필수 키가 없습니다: '{key}'",
                "front-matter",
                f"'{KEY_EXAMPLES[key]}' 줄을 더하세요({TEMPLATE_HINT})",
                is_line=True,
            )
    if "description" in data and not nonempty_str(data["description"]):
        yield note.problem(
            at("description"),
            "description 이 비었거나 문자열이 아닙니다",
            "front-matter",
            "검색 결과와 링크 미리보기에 쓰일 한 문장 요약을 적으세요",
            is_line=True,
        )
    if "tags" in data:
        yield from check_tags(note, data["tags"], at("tags"), nodes.get("tags"), rules)
    if "sources" in data:
        yield from check_sources(note, data["sources"], at("sources"), nodes.get("sources"))
    if "hide" in data:
        hide = data["hide"]
        allowed = MATERIAL_KEYS["hide"]
        if not isinstance(hide, list) or not set(map(str, hide)) <= allowed:
            yield note.problem(
                at("hide"),
                f"hide 의 값이 틀렸습니다: {hide!r}",
                "front-matter",
                f"hide 는 {', '.join(sorted(allowed))} 중에서 고른 목록입니다",
                is_line=True,
            )
    if "search" in data:
        search = data["search"]
        if not isinstance(search, dict) or not set(search) <= {"exclude", "boost"}:
            yield note.problem(
                at("search"),
                f"search 의 값이 틀렸습니다: {search!r}",
                "front-matter",
                "search 에는 exclude: true 또는 boost: 2 같은 값만 씁니다",
                is_line=True,
            )


def check_tags(note, tags, line, node, rules) -> Iterator[Problem]:
    if not isinstance(tags, list) or not tags:
        yield note.problem(
            line,
            "tags 는 태그 하나 이상의 목록이어야 합니다",
            "front-matter",
            "tags: 아래에 '  - 딥러닝'처럼 한 줄에 하나씩 적으세요",
            is_line=True,
        )
        return
    item_lines = [item.start_mark.line + 2 for item in node.value] if node is not None else []
    for index, tag in enumerate(tags):
        where = item_lines[index] if index < len(item_lines) else line
        if tag not in rules.tags:
            guess = difflib.get_close_matches(str(tag), rules.tags, n=1)
            hint = f"'{guess[0]}'을(를) 쓰거나, " if guess else ""
            yield note.problem(
                where,
                f"태그 목록(data/tags.yml)에 없는 태그입니다: '{tag}'",
                "tags",
                f"{hint}"
                f"새 태그가 꼭 필요하면 data/tags.yml 에 먼저 더하세요. 지금 쓸 수 있는 태그: "
                f"{', '.join(rules.tags)}",
                is_line=True,
            )


def check_sources(note, sources, line, node) -> Iterator[Problem]:
    example = "sources:\\n  - title: 논문 제목\\n    url: https://..."
    if not isinstance(sources, list):
        yield note.problem(
            line,
            "sources 는 참고 자료의 목록이어야 합니다",
            "front-matter",
            f"{example} 처럼 쓰세요",
            is_line=True,
        )
        return
    for index, item in enumerate(sources):
        where = node.value[index].start_mark.line + 2 if node is not None else line
        if not isinstance(item, dict) or set(item) != {"title", "url"}:
            yield note.problem(
                where,
                f"sources 의 {index + 1}번째 항목은 title 과 url 두 키만 가져야 합니다",
                "front-matter",
                f"{example} 처럼 쓰세요",
                is_line=True,
            )
            continue
        if not nonempty_str(item["title"]):
            yield note.problem(
                where,
                f"sources 의 {index + 1}번째 항목의 title 이 비었습니다",
                "front-matter",
                "자료의 제목을 적으세요",
                is_line=True,
            )
        url = item["url"]
        if not isinstance(url, str) or not re.match(r"https?://[^\s/]+", url):
            yield note.problem(
                where,
                f"sources 의 {index + 1}번째 항목의 url 이 웹 주소가 아닙니다: '{url}'",
                "front-matter",
                "https:// 로 시작하는 주소를 적으세요",
                is_line=True,
            )


def yaml_hint(problem: str) -> str:
    if "mapping values are not allowed" in problem:
        return '값 안에 콜론(:)이 있으면 값 전체를 따옴표로 감싸세요. 예: title: "배치 정규화: 왜 필요한가"'
    if "\\t" in problem:
        return "YAML 의 들여쓰기에는 탭을 쓸 수 없습니다. 공백 두 칸으로 바꾸세요"
    if "<stream end>" in problem:
        return "이 줄에서 연 괄호([, {)나 따옴표가 닫혔는지 확인하세요"
    return "들여쓰기(공백 두 칸)와 목록 기호('- '), 콜론 뒤의 공백이 위아래 줄과 맞는지 확인하세요"


def nonempty_str(value) -> bool:
    return isinstance(value, str) and bool(value.strip())


def has_h1(note: Note) -> bool:
    body = note.without_code[note.front_matter_end :]
    return bool(
        re.search(r"^#[ \t]+\S", body, re.M) or re.search(r"^\S[^\n]*\n=+[ \t]*$", body, re.M)
    )


# ---------------------------------------------------------------------------
# Checks: unsafe content
# ---------------------------------------------------------------------------

SAFE_TAGS = frozenset(
    """
    a abbr b bdi bdo blockquote br caption cite code col colgroup data dd del details dfn div dl dt
    em figcaption figure h1 h2 h3 h4 h5 h6 hr i img ins kbd li mark ol p picture pre q rp rt ruby s
    samp section small source span strong sub summary sup table tbody td tfoot th thead time tr u ul
    var wbr article aside audio video track
    svg g path rect circle ellipse line polyline polygon text tspan defs title desc lineargradient
    radialgradient stop marker clippath mask pattern symbol use
    """.split()
)
# 태그별로 무엇이 문제이고 무엇을 대신 쓰는지
TAG_ADVICE = {
    "script": "노트에는 스크립트를 넣을 수 없습니다. 동작은 snippets/ 의 파이썬 코드와 그림으로 보여 주세요",
    "noscript": "노트에는 스크립트 관련 태그를 넣을 수 없습니다. 지우세요",
    "iframe": "다른 페이지나 영상은 삽입하지 말고 [설명](https://...) 링크로 거세요",
    "frame": "다른 페이지는 삽입하지 말고 링크로 거세요",
    "frameset": "다른 페이지는 삽입하지 말고 링크로 거세요",
    "embed": "외부 내용은 삽입하지 말고 링크로 거세요. 그림은 snippets/<주제>/fig_<이름>.py 로 그립니다",
    "object": "외부 내용은 삽입하지 말고 링크로 거세요. 그림은 snippets/<주제>/fig_<이름>.py 로 그립니다",
    "applet": "외부 내용은 삽입하지 말고 링크로 거세요",
    "form": "노트에는 입력 양식을 넣을 수 없습니다. 지우세요",
    "input": '노트에는 입력 양식을 넣을 수 없습니다. 탭이 필요하면 === "제목" 문법(pymdownx.tabbed)을 쓰세요',
    "button": "노트에는 입력 양식을 넣을 수 없습니다. 지우세요",
    "textarea": "노트에는 입력 양식을 넣을 수 없습니다. 지우세요",
    "select": "노트에는 입력 양식을 넣을 수 없습니다. 지우세요",
    "meta": "페이지 정보는 front matter(title, description)에 적으세요",
    "base": "링크의 기준 주소를 바꿀 수 없습니다. 지우세요",
    "link": "스타일과 외부 자원은 노트에서 부를 수 없습니다. 스타일은 overrides/assets/stylesheets/site.css 에 둡니다",
    "style": "노트 안에 스타일을 두지 않습니다. 필요한 스타일은 overrides/assets/stylesheets/site.css 에 더하세요",
    "math": "수식은 \\( … \\)(문장 안)와 \\[ … \\](따로 한 줄)로 쓰세요. 빌드가 MathML 로 바꿉니다",
    "foreignobject": "SVG 안에 HTML 을 넣을 수 없습니다. 그림은 snippets/<주제>/fig_<이름>.py 로 그리세요",
}
SCRIPT_TAGS = frozenset(
    "script iframe frame frameset embed object applet base meta portal noscript template".split()
)
URL_ATTRIBUTES = frozenset(
    "href src xlink:href action formaction poster background data cite longdesc lowsrc dynsrc "
    "ping manifest codebase icon srcset".split()
)
# 바깥에서 무언가를 받아 오는 속성(링크가 아니라 불러오기)
FETCH_ATTRIBUTES = frozenset("src srcset poster background data".split())
DANGEROUS_SCHEMES = ("javascript:", "vbscript:", "livescript:", "mocha:")
SAFE_DATA_IMAGE = re.compile(r"data:image/(png|gif|jpe?g|webp|avif);", re.I)
UNSAFE_CSS = re.compile(
    r"expression\s*\(|javascript:|vbscript:|behaviou?r\s*:|-moz-binding|@import|url\s*\(", re.I
)
UNSAFE_FIX = "스크립트를 실행할 수 있는 내용은 노트에 둘 수 없습니다. 지우거나, 보여 주려는 것이라면 코드 블록(```)에 넣으세요"


def check_unsafe_html(note: Note, rules: Rules) -> Iterator[Problem]:
    """원문의 HTML 은 허용 목록의 태그만, 스크립트를 부를 수 있는 속성과 주소는 어디서든 받지 않는다."""
    problems: list[Problem] = []
    for item in note.html:
        if item.tag == "!--":
            problems.extend(comment_problems(note, item))
            continue
        if item.tag not in SAFE_TAGS:
            advice = TAG_ADVICE.get(
                item.tag, f"쓸 수 있는 태그는 {', '.join(sorted(SAFE_TAGS))} 입니다"
            )
            problems.append(
                note.problem(
                    item.line,
                    f"노트에 쓸 수 없는 HTML 태그입니다: <{item.tag}>",
                    "unsafe-html",
                    advice,
                    is_line=True,
                )
            )
        for what in unsafe_attributes(item.tag, item.attrs):
            problems.append(note.problem(item.line, what, "unsafe-html", UNSAFE_FIX, is_line=True))
    # Markdown 링크와 attr_list 처럼 HTML 이 아닌 문법으로 들어오는 주소와 속성
    link_fix = "http(s):// 주소나 다른 노트의 .md 경로로 링크하세요"
    for match in LINK_TARGET.finditer(note.body):
        url = match["url"].strip("<>")
        if dangerous_url(url):
            problems.append(
                note.problem(
                    match.start(),
                    f"스크립트를 실행할 수 있는 링크 주소입니다: '{shorten(url)}'",
                    "unsafe-html",
                    link_fix,
                )
            )
    for label, (url, offset) in note.reference_urls.items():
        if dangerous_url(url):
            problems.append(
                note.problem(
                    offset,
                    f"스크립트를 실행할 수 있는 참조 링크 주소입니다: [{label}]: {shorten(url)}",
                    "unsafe-html",
                    link_fix,
                )
            )
    for match in ATTR_LIST.finditer(note.body):
        attrs = [
            (m["name"].lower(), m["value"].strip("'\"")) for m in ATTR_PAIR.finditer(match["body"])
        ]
        for what in unsafe_attributes("", attrs):
            problems.append(
                note.problem(
                    match.start(), f"{what} (attr_list 의 {{ }} 안)", "unsafe-html", UNSAFE_FIX
                )
            )
    # 파서를 속이는 모양이 있어도 놓치지 않게, 위에서 잡지 못한 위험한 조각을 한 번 더 찾는다.
    flagged = {problem.line for problem in problems}
    for match in TRIPWIRE.finditer(HTML_COMMENT.sub(blank_match, note.body)):
        if note.line_of(match.start()) not in flagged:
            problems.append(
                note.problem(
                    match.start(),
                    f"스크립트를 실행할 수 있는 조각이 있습니다: '{shorten(match.group(0))}'",
                    "unsafe-html",
                    UNSAFE_FIX,
                )
            )
    return problems


def comment_problems(note: Note, item: HtmlItem) -> Iterator[Problem]:
    # 브라우저는 '--!>'에서도 주석을 닫는다. 파이썬 파서와 브라우저가 다르게 읽는 틈을 막는다.
    if "--!>" in item.comment or "<!--" in item.comment:
        yield note.problem(
            item.line,
            "HTML 주석 안에 주석을 여닫는 조각('--!>' 또는 '<!--')이 있습니다",
            "unsafe-html",
            "주석은 <!-- 내용 --> 한 쌍으로만 쓰세요",
            is_line=True,
        )
    for inner in scan_html(item.comment):
        if inner.tag in SCRIPT_TAGS or list(unsafe_attributes(inner.tag, inner.attrs)):
            yield note.problem(
                item.line + inner.line - 1,
                f"HTML 주석 안에 <{inner.tag}> 같은 위험한 HTML 이 있습니다",
                "unsafe-html",
                "주석에서도 지우세요",
                is_line=True,
            )


def unsafe_attributes(tag: str, attrs: Iterable[tuple[str, str | None]]) -> Iterator[str]:
    for name, value in attrs:
        value = value or ""
        if name.startswith("on"):
            yield f"스크립트를 실행하는 이벤트 처리 속성입니다: {name}="
        elif name in ("srcdoc", "formaction", "http-equiv"):
            yield f"노트에 쓸 수 없는 속성입니다: {name}="
        elif name == "style" and UNSAFE_CSS.search(css_unescape(value)):
            yield f"스크립트를 부르거나 바깥 자원을 불러올 수 있는 style 속성입니다: '{shorten(value)}'"
        elif dangerous_url(value, name, tag):
            yield f'스크립트를 실행할 수 있는 주소입니다: {name}="{shorten(value)}"'
        elif (
            tag in ("use", "image", "feimage")
            and name in ("href", "xlink:href")
            and not value.startswith("#")
        ):
            yield f"SVG 의 <{tag} {name}=> 은 같은 SVG 안의 '#이름'만 가리킬 수 있습니다"


def dangerous_url(value: str, attribute: str = "href", tag: str = "") -> bool:
    """브라우저가 주소를 읽는 방식대로 정규화한 뒤 스크립트 스킴인지 본다."""
    url = normalize_url(value)
    if url.startswith(DANGEROUS_SCHEMES):
        return True
    if url.startswith("data:") and (
        attribute in URL_ATTRIBUTES or attribute in ("to", "values", "from")
    ):
        # 그림 주소(img, source)에 래스터 이미지 데이터만 받는다.
        return not (
            attribute in ("src", "srcset")
            and tag in ("img", "source")
            and SAFE_DATA_IMAGE.match(url)
        )
    return False


def normalize_url(value: str) -> str:
    # 엔티티(&#106; &colon;)를 풀고, 브라우저가 무시하는 공백과 제어 문자를 뺀 뒤 소문자로.
    url = html.unescape(html.unescape(value))
    return re.sub(r"[\x00-\x20\x7f]+", "", url).lower()


def css_unescape(value: str) -> str:
    value = re.sub(r"/\*.*?\*/", "", html.unescape(value), flags=re.S)
    value = re.sub(
        r"\\([0-9a-fA-F]{1,6})\s?", lambda m: chr(min(int(m.group(1), 16), 0x10FFFF)), value
    )
    return value.replace("\\", "")


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


def check_rendered_html(src: str, rendered: str, source: str) -> list[Problem]:
    """렌더링한 HTML 에서 스크립트를 실행할 수 있는 것만 찾는다(탭의 <input> 같은 빌드 산출물은 괜찮다)."""
    problems = []
    for item in scan_html(rendered):
        if item.tag == "!--":
            continue
        whats = (
            [f"렌더링된 HTML 에 <{item.tag}> 태그가 생겼습니다"] if item.tag in SCRIPT_TAGS else []
        )
        whats += list(unsafe_attributes(item.tag, item.attrs))
        for what in whats:
            needles = (
                [item.tag] + [name for name, _ in item.attrs] + [v for _, v in item.attrs if v]
            )
            problems.append(
                Problem(f"docs/{src}", locate(source, needles), what, "unsafe-html", UNSAFE_FIX)
            )
    return problems


def locate(source: str, needles: Iterable[str]) -> int:
    """원문에서 가장 그럴듯한 줄을 찾는다(렌더링한 HTML 에는 줄 번호가 없다)."""
    lines = source.splitlines()
    for needle in sorted(needles, key=len, reverse=True):
        if len(needle) < 3:
            continue
        for number, line in enumerate(lines, 1):
            if needle.lower() in line.lower():
                return number
    return 1


# ---------------------------------------------------------------------------
# Checks: images
# ---------------------------------------------------------------------------


def check_images(note: Note, rules: Rules) -> Iterator[Problem]:
    """그림마다 대체 텍스트가 있어야 하고, 파일은 1 MB 이하, 바깥에서 불러오는 그림은 받지 않는다."""
    for image in markdown_images(note):
        offset, alt, url = image
        if not alt.strip():
            yield note.problem(
                offset,
                f"그림 '{shorten(url)}'에 대체 텍스트(alt)가 없습니다",
                "image-alt",
                "![그림이 보여 주는 것을 한 문장으로](경로) 처럼 대괄호 안을 채우세요",
            )
        yield from image_source_problems(note, note.line_of(offset), url)
    for item in note.html:
        if item.tag == "img":
            attrs = dict(item.attrs)
            if not (attrs.get("alt") or "").strip():
                yield note.problem(
                    item.line,
                    "<img>에 대체 텍스트(alt)가 없습니다",
                    "image-alt",
                    'alt="그림이 보여 주는 것을 한 문장으로" 를 더하세요',
                    is_line=True,
                )
        for name, value in item.attrs:
            if (
                item.tag in ("img", "source", "video", "audio", "track")
                and name in FETCH_ATTRIBUTES
                and value
            ):
                for url in value.split(",") if name == "srcset" else [value]:
                    yield from image_source_problems(note, item.line, url.strip().split(" ")[0])


def markdown_images(note: Note) -> Iterator[tuple[int, str, str]]:
    body = HTML_COMMENT.sub(blank_match, note.body)
    for match in IMAGE.finditer(body):
        yield match.start(), match["alt"], match["url"].strip("<>")
    for match in IMAGE_REFERENCE.finditer(body):
        label = (match["label"] or match["alt"]).strip().lower()
        url = note.reference_urls.get(label, ("", 0))[0]
        yield match.start(), match["alt"], url


def image_source_problems(note: Note, line: int, url: str) -> Iterator[Problem]:
    if not url:
        return
    lowered = url.lower()
    if lowered.startswith(("http://", "https://", "//")):
        yield note.problem(
            line,
            f"바깥 사이트에서 불러오는 그림입니다: '{shorten(url)}'",
            "remote-image",
            "독자의 브라우저가 바깥에 요청하지 않도록 그림 파일을 docs/ 에 두거나 "
            "snippets/<주제>/fig_<이름>.py 로 그리세요",
            is_line=True,
        )
        return
    if lowered.startswith("data:"):
        size, name = len(url) * 3 // 4, shorten(url)
    else:
        relative = unquote(url.split("#")[0].split("?")[0])
        base = note.docs_dir if relative.startswith("/") else note.docs_dir / Path(note.src).parent
        target = (base / relative.lstrip("/")).resolve()
        if not target.is_file():
            return  # 없는 파일은 MkDocs 의 링크 검사가 알려 준다(빌드가 만드는 그림도 여기 온다)
        size, name = target.stat().st_size, docs_name(target, note.docs_dir)
    if size > IMAGE_LIMIT:
        yield note.problem(
            line,
            f"1 MB 를 넘는 그림입니다({size / IMAGE_LIMIT:.1f} MB): {name}",
            "image-size",
            "해상도를 줄이거나 PNG 대신 SVG·WebP 로 저장하고, 데이터로 그리는 "
            "그림이라면 snippets/<주제>/fig_<이름>.py 로 빌드할 때 그리세요",
            is_line=True,
        )


def check_media_sizes(docs_dir: Path, srcs: Iterable[str], found: list[Problem]) -> list[Problem]:
    """노트가 싣지 않은 그림이라도 docs/ 에 1 MB 가 넘는 파일은 두지 않는다(노트에서 이미 알린 것은 빼고)."""
    problems = []
    for src in srcs:
        path = docs_dir / src
        if Path(src).suffix.lower() not in IMAGE_SUFFIXES or not path.is_file():
            continue
        size = path.stat().st_size
        name = f"docs/{src}"
        if size > IMAGE_LIMIT and not any(
            name in p.what for p in found if p.keyword == "image-size"
        ):
            problems.append(
                Problem(
                    name,
                    1,
                    f"1 MB 를 넘는 그림 파일입니다({size / IMAGE_LIMIT:.1f} MB): {name}",
                    "image-size",
                    "해상도를 줄이거나 SVG·WebP 로 저장하세요",
                )
            )
    return problems


def docs_name(path: Path, docs_dir: Path) -> str:
    try:
        return "docs/" + path.relative_to(docs_dir.resolve()).as_posix()
    except ValueError:
        return str(path)


# ---------------------------------------------------------------------------
# Checks: code blocks
# ---------------------------------------------------------------------------

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


# ---------------------------------------------------------------------------
# Checks: glossary
# ---------------------------------------------------------------------------


def check_glossary(note: Note, rules: Rules) -> Iterator[Problem]:
    """글에 용어집의 피할 표기가 있으면 권장 표기를 알려 준다(코드와 인라인 코드 안은 보지 않는다)."""
    if note.src in GLOSSARY_EXEMPT:
        return
    prose = note.prose
    # 더 긴 권장 표기 안에 들어 있는 자리는 건너뛰고, 겹치는 피할 표기는 긴 것 하나만 알린다.
    preferred = [m.span() for term in rules.terms for m in re.finditer(re.escape(term.ko), prose)]
    found = sorted(
        (
            (match.start(), -len(variant), variant, term)
            for term in rules.terms
            for variant in term.discouraged
            for match in re.finditer(re.escape(variant), prose)
        ),
        key=lambda item: item[:3],
    )
    reported: list[tuple[int, int]] = []
    for start, minus_length, variant, term in found:
        end = start - minus_length
        inside = [(s, e) for s, e in preferred if e - s > end - start] + reported
        if any(s <= start and end <= e for s, e in inside):
            continue
        reported.append((start, end))
        yield note.problem(
            start,
            f"피할 표기를 썼습니다: '{variant}'",
            "glossary",
            f"용어집(data/glossary.yml)의 권장 표기로 바꾸세요: '{term.ko}'({term.en})",
        )


# ---------------------------------------------------------------------------
# Checks: snippets
# ---------------------------------------------------------------------------


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


# ---------------------------------------------------------------------------
# Checks: notebooks
# ---------------------------------------------------------------------------


def check_notebook(src: str, text: str) -> Iterator[Problem]:
    """노트북은 JSON 이 읽히는지, 셀과 출력에 스크립트가 없는지 본다."""
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


# ---------------------------------------------------------------------------
# Checks: nav
# ---------------------------------------------------------------------------


def check_nav(
    notes: Iterable[str], nav, existing: set[str], mkdocs_file: Path = MKDOCS_FILE
) -> list[Problem]:
    """모든 노트가 nav 에서 닿아야 한다. nav 가 없는 파일을 가리켜도 안 된다."""
    if nav is None:
        return []
    entries = list(nav_entries(nav))
    listed = {path for _, path in entries}
    sections = {}
    for section, path in entries:
        sections.setdefault(Path(path).parent.as_posix(), section)
    problems = []
    for src in sorted(set(notes) - listed):
        section = sections.get(Path(src).parent.as_posix())
        where = f"'{section}:' 아래에" if section else "알맞은 자리에"
        problems.append(
            Problem(
                f"docs/{src}",
                1,
                "어느 메뉴(nav)에서도 닿지 않는 페이지입니다",
                "nav",
                f"mkdocs.yml 의 nav: 에서 {where} '- 제목: {src}' 줄을 더하세요",
            )
        )
    config_lines = (
        mkdocs_file.read_text(encoding="utf-8").splitlines() if mkdocs_file.is_file() else []
    )
    for path in sorted(listed - set(existing)):
        line = next(
            (n for n, text in enumerate(config_lines, 1) if text.rstrip().endswith(path)), 1
        )
        problems.append(
            Problem(
                mkdocs_file.name,
                line,
                f"nav 가 없는 파일을 가리킵니다: docs/{path}",
                "nav",
                "파일 이름을 고치거나 그 줄을 지우세요",
            )
        )
    return problems


def nav_entries(nav, section: str = "") -> Iterator[tuple[str, str]]:
    """nav 설정에서 (섹션 제목, 문서 경로)를 모두 꺼낸다. 바깥 링크는 건너뛴다."""
    if isinstance(nav, str):
        if not re.match(r"[a-z][a-z0-9+.-]*:", nav) and nav.endswith((".md", ".ipynb")):
            yield section, nav
    elif isinstance(nav, list):
        for item in nav:
            yield from nav_entries(item, section)
    elif isinstance(nav, dict):
        for title, value in nav.items():
            yield from nav_entries(value, title if isinstance(value, list) else section)


class MkDocsYamlLoader(yaml.SafeLoader):
    """mkdocs.yml 을 읽되 !!python/… 와 !relative 같은 태그는 값 없이 넘긴다(nav 만 필요하다)."""


MkDocsYamlLoader.add_multi_constructor("!", lambda loader, suffix, node: None)
MkDocsYamlLoader.add_multi_constructor(
    "tag:yaml.org,2002:python/", lambda loader, suffix, node: None
)


def load_nav(mkdocs_file: Path = MKDOCS_FILE):
    return parse_nav(mkdocs_file.read_text(encoding="utf-8"))


def parse_nav(config_text: str):
    return (yaml.load(config_text, MkDocsYamlLoader) or {}).get("nav")


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
IMAGE = re.compile(
    r"!\[(?P<alt>(?:[^\[\]\n]|\[[^\]\n]*\])*)\]\(\s*(?P<url><[^>\n]*>|[^\s)]+)"
    r"(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^)]*\)))?\s*\)"
)
IMAGE_REFERENCE = re.compile(r"!\[(?P<alt>[^\[\]\n]*)\]\[(?P<label>[^\]\n]*)\]")
ATTR_LIST = re.compile(r"\{:?(?P<body>[^{}\n]*=[^{}\n]*)\}")
ATTR_PAIR = re.compile(
    r"(?P<name>[^\s=#.{}:][^\s={}]*)\s*=\s*(?P<value>\"[^\"]*\"|'[^']*'|[^\s}]*)"
)
TRIPWIRE = re.compile(
    r"<\s*/?\s*(?:script|iframe|object|embed|applet|frame|base|meta)\b"
    r"|[=(<][ \t]*[\"']?[ \t]*(?:java|vb)script[ \t]*:"
    r"|<[^>\n]*\son[a-z]+\s*=",
    re.I,
)

NOTE_CHECKS = (
    check_front_matter,
    check_unsafe_html,
    check_images,
    check_code_blocks,
    check_glossary,
    check_snippets,
)

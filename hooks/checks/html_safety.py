"""HTML 안전 검사: 스크립트를 실행할 수 있는 HTML, 허용 목록 밖의 태그, 위험한 URL.

원문(check_unsafe_html)과 렌더링한 HTML(check_rendered_html) 두 곳에서 본다. attr_list 의
`{ onclick=... }`처럼 원문에서는 HTML 이 아니던 것까지 막기 위해서다.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Iterator

from hooks.checks.core import (
    HTML_COMMENT,
    LINK_TARGET,
    HtmlItem,
    Note,
    Problem,
    Rules,
    blank_match,
    scan_html,
    shorten,
)

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

"""노트북 페이지 다듬기: mkdocs-jupyter 가 만든 HTML 을 사이트의 규칙에 맞춘다.

- 출력 그림(`data:image/...;base64,` 로 페이지에 박힌 SVG·PNG)을 `figures/notebooks/<해시>.<확장자>` 파일로
  꺼내고 `src` 를 그 파일로 바꾼다. 노트북 자체는 그림을 품은 채로 두어 Jupyter 에서 열어도 보이고,
  사이트에서는 HTML 이 가벼워지며 그림은 다른 그림처럼 따로 캐시된다. `#only-light` 같은 조각은 그대로 둔다.
- 제목에 노트와 같은 규칙(toc 의 slugify)으로 id 를 붙이고, 목차의 링크를 그 id 로 맞춘다. nbconvert 는 한글
  제목의 id 를 비워(id="", href="#") 제목 링크가 페이지 맨 위로 가고, 목차(mkdocs-jupyter 가 Python-Markdown 의
  기본 규칙으로 만든 #_1, #_2)는 없는 자리를 가리켰다. 검색 색인도 id 없는 절들을 페이지 주소 하나로 겹쳐
  '트랜스포머 데모'로 이 페이지를 찾지 못했다. 제목 옆의 ¶ 링크는 노트와 같은 headerlink 로 바꾼다.
- 검색: 코드 셀의 입력은 HTML 에서는 색인하지 않고(UNSEARCHED) 빌드가 끝난 뒤 그 셀 위의 제목 절에 더한다
  (attach_code_to_sections). 같은 주제의 노트보다 뒤에 오도록 search.boost 를 준다.
- nbconvert 템플릿이 넣는 두 스크립트를 뺀다. 하나는 Mermaid 를 cdnjs 에서 불러오고, 다른 하나는 MathJax
  설정이다. 이 사이트는 바깥에서 아무것도 불러오지 않고 수식은 빌드할 때 MathML 로 만든다.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from html import escape, unescape
from pathlib import Path

from markdown.extensions.toc import unique
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.utils import get_relative_url

try:  # pytest 와 `python -m mkdocs` 에서는 저장소 루트가 sys.path 에 있다
    from hooks.korean_search import enabled as korean_search_enabled
except ImportError:  # `mkdocs` 명령은 훅을 읽는 동안 hooks/ 를 sys.path 에 넣는다
    from korean_search import enabled as korean_search_enabled

FIGURE_DIR = "figures/notebooks"
DATA_IMAGE = re.compile(
    r'src="data:image/(?P<kind>svg\+xml|png|jpeg);base64,(?P<data>[A-Za-z0-9+/=\s]+?)(?P<fragment>#[\w-]+)?"'
)
EXTENSIONS = {"svg+xml": ".svg", "png": ".png", "jpeg": ".jpg"}
SCRIPT = re.compile(r"<script\b[^>]*>.*?</script>", re.S)
# 뺄 스크립트: 바깥 주소를 불러오는 것(import("https://cdnjs…"), src="https://…"), 빈 src(MathJax 주소가
# 없을 때 nbconvert 가 남기는 것), 쓰지 않는 MathJax 설정.
UNWANTED_SCRIPT = re.compile(
    r"""import\(\s*["']https?://|\bsrc=["'](?:https?://|["'])|text/x-mathjax-config"""
)


# nbconvert 가 만드는 제목: <h2 id="…">글<a class="anchor-link" href="#…">¶</a></h2>
HEADING = re.compile(
    r'<h(?P<level>[1-6]) id="[^"]*">(?P<inner>.*?)<a class="anchor-link" href="#[^"]*">¶</a></h(?P=level)>',
    re.S,
)
TAG = re.compile(r"<[^>]+>")
NOTEBOOK_SEARCH_BOOST = 0.5
# HTML 에서 색인하지 않는 것: 코드 셀의 입력(편집기, 복사 버튼이 쓰는 숨은 사본, In [n] 표시).
# Material 은 셀 안에 든 제목의 절을 그 셀이 끝나면 닫으므로, 코드 셀의 글은 모두 페이지 머리 절로 가서 머리가
# 코드의 낱말(snippets.transformer …)로 부풀었다. 마크다운 셀의 글과 셀의 출력은 색인한다. 입력의 코드는
# attach_code_to_sections 가 빌드 끝에 제 절로 옮긴다.
UNSEARCHED = (
    '<div class="jp-CodeMirrorEditor jp-Editor jp-InputArea-editor"',
    '<div class="clipboard-copy-txt"',
    '<div class="jp-InputPrompt jp-InputArea-prompt"',
)


# 이름 붙인 제목과 코드 셀 입력의 코드(<pre>): 문서 차례대로 훑어 코드를 바로 위 제목에 붙인다
HEADING_OR_CODE = re.compile(
    r'<h[1-6] id="(?P<id>[^"]+)">'
    r'|<div class="jp-CodeMirrorEditor jp-Editor jp-InputArea-editor".*?<pre>(?P<code>.*?)</pre>',
    re.S,
)
# 노트북 코드: 검색 색인의 절 주소(location) → 그 절 아래 코드 셀들의 코드. `mkdocs serve --dirty` 는 고친
# 페이지만 다시 그리므로, 지난 빌드의 것을 파일에 두고 다시 그린 노트북의 것만 바꾼다. 그래야 색인이 빌드마다 같다.
CODE_CACHE = Path(__file__).resolve().parent.parent / ".cache" / "search" / "notebook-code.json"
code_by_section: dict[str, list[str]] = {}


def on_pre_build(config):
    code_by_section.clear()
    try:
        code_by_section.update(json.loads(CODE_CACHE.read_text(encoding="utf-8")))
    except (OSError, ValueError):
        pass


def on_page_content(html, page, config, files):
    if not page.file.src_uri.endswith(".ipynb"):
        return html
    toc = config["mdx_configs"].get("toc", {})
    html, names = name_headings(html, toc["slugify"], toc.get("permalink_title", ""))
    for location in [loc for loc in code_by_section if loc.split("#")[0] == page.url]:
        del code_by_section[location]
    code_by_section.update(code_sections(html, page.url))
    for block in UNSEARCHED:
        html = html.replace(block, block + " data-search-exclude")
    # 데모 노트북은 노트의 주제를 제목에 다시 쓴다(트랜스포머 데모). 같은 낱말이면 그 주제를 설명하는 노트가
    # 먼저 나오도록 검색 점수를 낮춘다(Material 의 front matter search.boost 와 같은 값).
    page.meta.setdefault("search", {}).setdefault("boost", NOTEBOOK_SEARCH_BOOST)
    relink_toc(page.toc, names, page.file.src_uri)
    return html


def name_headings(html: str, slugify, permalink_title: str) -> tuple[str, list[tuple[str, str]]]:
    """제목마다 글에서 만든 id 를 붙인다: (바꾼 HTML, 차례대로의 (제목 글, id)). 같은 id 는 _1, _2 를 붙인다."""
    used: set[str] = set()
    names: list[tuple[str, str]] = []

    def name(match: re.Match) -> str:
        text = unescape(TAG.sub("", match["inner"])).strip()
        ident = unique(slugify(text, "-"), used)
        names.append((text, ident))
        link = f'<a class="headerlink" href="#{ident}" title="{escape(permalink_title)}">¶</a>'
        return f'<h{match["level"]} id="{ident}">{match["inner"]}{link}</h{match["level"]}>'

    return HEADING.sub(name, html), names


def code_sections(html: str, page_url: str) -> dict[str, list[str]]:
    """코드 셀 입력의 코드를 바로 위 제목의 절 주소로 모은다. 첫 제목(h1) 위나 그 아래는 페이지 주소다.

    Material 의 색인은 첫 절에 id 를 붙이지 않으므로(페이지 머리) 첫 제목의 절 주소는 페이지 주소 그대로다.
    """
    sections: dict[str, list[str]] = {}
    location = page_url
    first = True
    for match in HEADING_OR_CODE.finditer(html):
        if match["id"] is not None:
            location = page_url if first else f"{page_url}#{match['id']}"
            first = False
        else:
            code = unescape(TAG.sub("", match["code"])).strip()
            if code:
                sections.setdefault(location, []).append(code)
    return sections


# Material 이 색인을 쓴 뒤, hooks/korean_search.py(-100)가 색인의 낱말을 분석하기 전에 돈다
@event_priority(-90)
def on_post_build(config):
    if not code_by_section:
        return
    CODE_CACHE.parent.mkdir(parents=True, exist_ok=True)
    CODE_CACHE.write_text(json.dumps(code_by_section, ensure_ascii=False), encoding="utf-8")
    path = Path(config["site_dir"]) / "search" / "search_index.json"
    # search 플러그인이 없거나 기본 Material 검색과 견줄 때(KOREAN_SEARCH=0)는 색인을 손대지 않는다
    if not path.exists() or not korean_search_enabled():
        return
    index = json.loads(path.read_text(encoding="utf-8"))
    attach_code_to_sections(index["docs"], code_by_section, path)
    path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def attach_code_to_sections(docs: list[dict], code: dict[str, list[str]], path: Path) -> None:
    """절의 본문 끝에 그 절 아래 코드 셀들의 코드를 <pre><code> 로 더한다.

    페이지가 색인에 없으면(지운 노트북의 지난 기록) 건너뛰고, 페이지는 있는데 그 절이 없으면 빌드를 멈춘다.
    """
    by_location = {doc["location"]: doc for doc in docs}
    pages = {location.split("#")[0] for location in by_location}
    for location, blocks in code.items():
        if location.split("#")[0] not in pages:
            continue
        if location not in by_location:
            raise PluginError(
                f"{path}: 노트북 코드를 붙일 절 '{location}'이 검색 색인에 없습니다 — "
                "hooks/notebook_pages.py 의 HEADING_OR_CODE 가 제목의 id 와 맞는지 확인하세요"
            )
        doc = by_location[location]
        doc["text"] += "".join(
            f"<pre><code>{escape(block, quote=False)}</code></pre>" for block in blocks
        )


def relink_toc(toc, names: list[tuple[str, str]], path: str) -> None:
    """목차 항목(제목 차례)을 name_headings 가 붙인 id 로 맞춘다. 맞는 제목이 없으면 빌드를 멈춘다."""
    waiting = list(names)

    def walk(items):
        for item in items:
            title = unescape(TAG.sub("", item.title)).strip()
            found = next((i for i, (text, _) in enumerate(waiting) if text == title), None)
            if found is None:
                raise PluginError(
                    f"{path}: 목차의 제목 '{item.title}'을 노트북 HTML 에서 찾지 못했습니다 — "
                    "hooks/notebook_pages.py 의 HEADING 이 nbconvert 의 제목 꼴과 맞는지 확인하세요"
                )
            item.id = waiting.pop(found)[1]
            walk(item.children)

    walk(toc)


def on_post_page(output, page, config):
    if not page.file.src_uri.endswith(".ipynb"):
        return output
    output = SCRIPT.sub(_drop_unwanted_script, output)
    return publish_figures(output, Path(config["site_dir"]), page.url)


def publish_figures(output: str, site_dir: Path, page_url: str) -> str:
    """페이지 HTML 의 data: 그림을 site_dir/figures/notebooks/<내용 해시>.<확장자>로 쓰고 src 를 바꾼다.

    파일 이름이 내용의 해시이므로, 같은 그림이면 빌드가 몇 번이든 같은 이름, 같은 바이트의 파일이 된다.
    """

    def publish(match: re.Match) -> str:
        data = base64.b64decode(match["data"])
        name = hashlib.sha256(data).hexdigest()[:16] + EXTENSIONS[match["kind"]]
        target = site_dir / FIGURE_DIR / name
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        url = get_relative_url(f"{FIGURE_DIR}/{name}", page_url)
        return f'src="{url}{match["fragment"] or ""}"'

    return DATA_IMAGE.sub(publish, output)


def _drop_unwanted_script(match: re.Match) -> str:
    script = match[0]
    return "" if UNWANTED_SCRIPT.search(script) else script

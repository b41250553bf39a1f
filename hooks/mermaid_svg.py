"""Mermaid 훅: ```mermaid 블록을 빌드할 때 SVG 로 그려 페이지에 넣는다.

독자의 브라우저는 Mermaid 스크립트(수 MB)를 받지 않고, 외부 요청도 하지 않는다.
그림은 원본 텍스트의 해시로 .cache/mermaid/ 에 저장해 두어 다음 빌드에서는 다시 그리지 않는다.
"""

from __future__ import annotations

import hashlib
import html
import re
from pathlib import Path

from mkdocs.exceptions import PluginError

ROOT = Path(__file__).resolve().parent.parent
CACHE_DIR = ROOT / ".cache" / "mermaid"
# pymdownx.superfences 의 fence_code_format 출력
FENCE = re.compile(r'<pre class="mermaid"><code>(.*?)</code></pre>', re.S)
SVG_ID = re.compile(r'id="my-svg"|#my-svg')


# ---------------------------------------------------------------------------
# Hooks
# ---------------------------------------------------------------------------


def on_page_content(html_text, page, config, files):
    if '<pre class="mermaid">' not in html_text:
        return html_text
    where = f"docs/{page.file.src_uri}"
    counter = iter(range(1, 1000))

    def replace(match):
        source = html.unescape(match.group(1))
        svg = render_cached(source, where)
        diagram_id = f"mermaid-{next(counter)}"
        svg = SVG_ID.sub(lambda m: m.group(0).replace("my-svg", diagram_id), svg)
        return f'<div class="mermaid-diagram">{svg}</div>'

    return FENCE.sub(replace, html_text)


# ---------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------


def render_cached(source: str, where: str) -> str:
    key = hashlib.sha256(source.encode("utf-8")).hexdigest()[:20]
    cached = CACHE_DIR / f"{key}.svg"
    if cached.exists():
        return cached.read_text(encoding="utf-8")
    import mermaidx  # 캐시가 비었을 때만 무거운 렌더러를 불러온다

    try:
        svg = mermaidx.render(source).svg()
    except Exception as err:
        raise PluginError(f"{where}: Mermaid 도표를 그릴 수 없습니다 — {err}") from err
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    tmp = cached.with_suffix(".tmp")
    tmp.write_text(svg, encoding="utf-8")
    tmp.replace(cached)
    return svg

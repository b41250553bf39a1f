"""수식 훅: arithmatex 가 남긴 LaTeX 를 빌드할 때 MathML 로 바꾼다.

브라우저가 MathML 을 직접 그리므로 수식 렌더러 스크립트도, CDN 요청도 필요 없다.
변환에 실패한 수식은 조용히 넘기지 않고 문서 경로와 수식을 알려 주며 빌드를 멈춘다.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache

from latex2mathml.converter import convert
from mkdocs.exceptions import PluginError

# pymdownx.arithmatex(generic: true)의 출력 형태
INLINE = re.compile(r'<span class="arithmatex">\\\((.+?)\\\)</span>', re.S)
BLOCK = re.compile(r'<div class="arithmatex">\\\[(.+?)\\\]</div>', re.S)


# ---------------------------------------------------------------------------
# Hooks
# ---------------------------------------------------------------------------


def on_page_content(html_text, page, config, files):
    where = page.file.src_uri

    def block(match):
        return '<div class="math-block">' + to_mathml(match.group(1), "block", where) + "</div>"

    def inline(match):
        return to_mathml(match.group(1), "inline", where)

    return INLINE.sub(inline, BLOCK.sub(block, html_text))


# ---------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------


def to_mathml(escaped_latex: str, display: str, where: str) -> str:
    latex = html.unescape(escaped_latex).strip()
    try:
        return _convert(latex, display)
    except Exception as err:  # latex2mathml 은 여러 종류의 예외를 던진다
        raise PluginError(
            f"docs/{where}: 수식을 MathML로 바꿀 수 없습니다: {latex!r} — {err}. "
            "지원하지 않는 명령이면 다른 표기로 바꾸세요."
        ) from err


@lru_cache(maxsize=4096)
def _convert(latex: str, display: str) -> str:
    return convert(latex, display=display)

"""Mermaid 훅(hooks/mermaid_svg.py): 한글 라벨이 잘리지 않고, 두 팔레트를 따르고, 캐시가 맞으면 다시 그리지 않는다."""

from __future__ import annotations

import re
import subprocess
import sys
import unicodedata
from pathlib import Path
from types import SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError

from hooks import mermaid_svg

ROOT = Path(__file__).resolve().parent.parent
# 브라우저 검사에 쓰는 한국어 글꼴 (Debian 의 fonts-noto-cjk). 한글 폭은 1em 이다.
KOREAN_FONT = "Noto Sans CJK KR"

FLOWCHART = """flowchart LR
  A[입력 문장] --> B(임베딩과 위치 인코딩)
  B --> C{{멀티헤드 어텐션}}
  C -. 잔차 연결 .-> D[피드포워드 네트워크]
  subgraph 인코더 블록
    C
    D
  end
"""
SEQUENCE = """sequenceDiagram
  인코더->>디코더: 문맥 벡터 전달
  디코더-->>인코더: 어텐션 질의
"""
FOREIGN_OBJECT = re.compile(r'<foreignObject width="([\d.]+)"[^>]*>(.*?)</foreignObject>', re.S)


def fence(source: str) -> str:
    escaped = source.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return f'<pre class="mermaid"><code>{escaped}</code></pre>'


def page(src_uri: str = "dl/example.md"):
    return SimpleNamespace(file=SimpleNamespace(src_uri=src_uri))


@pytest.fixture(scope="module")
def rendered_page(tmp_path_factory) -> str:
    """도표 두 개가 든 페이지를 훅에 통과시킨 HTML (캐시는 임시 폴더)."""
    cache = tmp_path_factory.mktemp("mermaid-cache")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(mermaid_svg, "CACHE_DIR", cache)
        html = f"<p>앞</p>{fence(FLOWCHART)}<p>사이</p>{fence(SEQUENCE)}"
        return mermaid_svg.on_page_content(html, page(), None, None)


def wide_count(text: str) -> int:
    return sum(unicodedata.east_asian_width(ch) in "WF" for ch in text)


def test_korean_labels_get_at_least_one_em_per_hangul_syllable(rendered_page):
    labels = [
        (width, re.sub(r"<[^>]+>", "", body))
        for width, body in FOREIGN_OBJECT.findall(rendered_page)
    ]
    labels = [(width, text) for width, text in labels if text.strip()]
    assert {text for _, text in labels} >= {
        "입력 문장",
        "임베딩과 위치 인코딩",
        "잔차 연결",
        "인코더 블록",
    }
    for width, text in labels:
        # 글자 크기는 16px. 한국어 글꼴의 한글 폭은 1em 이하이므로 이 폭이면 잘리지 않는다.
        assert float(width) >= 16 * wide_count(text), (text, width)


def test_each_diagram_gets_its_own_ids_and_every_reference_resolves(rendered_page):
    assert "my-svg" not in rendered_page
    diagrams = re.findall(r'<div class="mermaid-diagram"><svg id="([^"]+)"', rendered_page)
    assert diagrams == ["mermaid-1", "mermaid-2"]
    ids = re.findall(r'(?<![\w-])id="([^"]+)"', rendered_page)
    assert len(ids) == len(set(ids)), "한 페이지 안에서 id 가 겹친다"
    references = set(re.findall(r"url\(#([^)]+)\)", rendered_page))
    references |= set(re.findall(r'href="#([^"]+)"', rendered_page))
    assert references, "화살표 머리 같은 참조가 하나도 없다"
    assert references <= set(ids)


def test_colours_come_from_materials_palette_variables(rendered_page):
    style = re.search(r'<svg id="mermaid-1".*?<style>(.*?)</style>', rendered_page, re.S).group(1)
    default_fill = style.index("fill:#ECECFF")
    themed_fill = style.index("#mermaid-1 .node rect{fill:var(--md-mermaid-node-bg-color)")
    assert themed_fill > default_fill, "테마 CSS 가 Mermaid 기본 색 뒤에 와야 덮어쓴다"
    assert "#mermaid-1{font-family:var(--md-mermaid-font-family)" in style
    assert "#mermaid-1 .label foreignObject{overflow:visible" in style


def test_cache_key_follows_source_settings_and_mermaidx_version(monkeypatch):
    key = mermaid_svg.cache_key(FLOWCHART)
    assert mermaid_svg.cache_key(FLOWCHART) == key
    assert mermaid_svg.cache_key(FLOWCHART + "  E --> F\n") != key
    monkeypatch.setattr(mermaid_svg, "mermaidx_version", lambda: "999.0")
    assert mermaid_svg.cache_key(FLOWCHART) != key


def test_a_cached_diagram_is_served_without_importing_mermaidx(tmp_path):
    key = mermaid_svg.cache_key("flowchart LR\n  A --> B\n")
    (tmp_path / f"{key}.svg").write_text(
        '<svg id="my-svg"><g id="my-svg-node"/></svg>', encoding="utf-8"
    )
    probe = f"""
import sys
from pathlib import Path
from types import SimpleNamespace
from hooks import mermaid_svg
mermaid_svg.CACHE_DIR = Path({str(tmp_path)!r})
html = '<pre class="mermaid"><code>flowchart LR\\n  A --&gt; B\\n</code></pre>'
out = mermaid_svg.on_page_content(html, SimpleNamespace(file=SimpleNamespace(src_uri="x.md")), None, None)
assert 'id="mermaid-1-node"' in out, out
print(sorted(m for m in ("mermaidx", "quickjs", "novasvg") if m in sys.modules))
"""
    result = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_a_broken_diagram_fails_naming_the_note(tmp_path, monkeypatch):
    monkeypatch.setattr(mermaid_svg, "CACHE_DIR", tmp_path)
    with pytest.raises(PluginError, match=r"docs/dl/attention\.md: Mermaid 도표 'flowchart LR"):
        mermaid_svg.on_page_content(
            fence("flowchart LR\n  A --> \n  ((("), page("dl/attention.md"), None, None
        )


@pytest.mark.browser
def test_korean_labels_fit_their_boxes_in_chromium(korean_fonts, rendered_page, browser):
    """실제 브라우저에서 한국어 글꼴로 그린 라벨이 상자 폭 안에 들어가는지 잰다."""
    if KOREAN_FONT not in korean_fonts:
        pytest.skip(f"한국어 글꼴 {KOREAN_FONT!r}이 없습니다 — 'apt-get install fonts-noto-cjk'")
    html = (
        "<!doctype html><html lang='ko'><head><meta charset='utf-8'><style>"
        f":root {{ --md-mermaid-font-family: '{KOREAN_FONT}', sans-serif; }}"
        f"</style></head><body>{rendered_page}</body></html>"
    )
    measure = """() => Array.from(document.querySelectorAll('foreignObject')).filter(fo => fo.textContent.trim())
        .map(fo => ({text: fo.textContent.trim(), box: fo.width.baseVal.value,
                     scale: fo.getBoundingClientRect().width / fo.width.baseVal.value,
                     need: (fo.querySelector('p') || fo.querySelector('span')).getBoundingClientRect().width}))"""
    tab = browser.new_page()
    try:
        tab.set_content(html)
        labels = tab.evaluate(measure)
        hangul = tab.evaluate(
            f"() => {{ const c = document.createElement('canvas').getContext('2d');"
            f" c.font = \"16px '{KOREAN_FONT}'\"; return c.measureText('가나다라').width; }}"
        )
    finally:
        tab.close()
    assert 3.5 * 14 < hangul <= 4 * 16, "한국어 글꼴로 그려지지 않았다"
    assert len(labels) >= 5
    for label in labels:
        assert label["need"] <= label["box"] * label["scale"] + 0.5, label


def test_path_coordinates_are_rounded_and_empty_curves_dropped():
    svg = (
        '<svg><path d="M-2.703125 -19.5 C2.7031249999999996 -19.5, 2.703124999999999 -19.5, 2.7031 -19.5 '
        'M1 2 C1 2, 1 2, 1 2 M3 1.5e-16 L5 6"/><polygon points="9.75,0 97.046875,0"/></svg>'
    )
    assert mermaid_svg.compact_paths(svg) == (
        '<svg><path d="M-2.703 -19.5 C2.703 -19.5, 2.703 -19.5, 2.703 -19.5 M3 0 L5 6"/>'
        '<polygon points="9.75,0 97.047,0"/></svg>'
    )


def test_double_strokes_of_unfilled_outlines_are_drawn_once_and_joined():
    svg = (
        '<svg><path d="M0 0 C1 0.5, 2 0.5, 3 0 M0 0 C1 0.6, 2 0.6, 3 0 M3 0 C3.5 1, 3.5 2, 3 3 '
        'M3 0 C3.6 1, 3.6 2, 3 3 M9 9 C9.5 8, 9.5 7, 9 6" stroke="#000" fill="none"/>'
        '<path d="M0 0 C1 0.5, 2 0.5, 3 0 M0 0 C1 0.6, 2 0.6, 3 0" fill="#eee"/>'
        '<path d="M0 0 C1 0.5, 2 0.5, 3 0 L5 5 M0 0 C1 0.6, 2 0.6, 3 0" fill="none"/></svg>'
    )
    assert mermaid_svg.compact_paths(svg) == (
        '<svg><path d="M0 0 C1 0.5, 2 0.5, 3 0 C3.5 1, 3.5 2, 3 3 M9 9 C9.5 8, 9.5 7, 9 6" '
        'stroke="#000" fill="none"/>'
        # 채우는 경로와 다른 명령이 섞인 경로는 두 번째 획을 남긴다
        '<path d="M0 0 C1 0.5, 2 0.5, 3 0 M0 0 C1 0.6, 2 0.6, 3 0" fill="#eee"/>'
        '<path d="M0 0 C1 0.5, 2 0.5, 3 0 L5 5 M0 0 C1 0.6, 2 0.6, 3 0" fill="none"/></svg>'
    )


def test_curves_whose_control_points_lie_on_the_chord_become_lines():
    data = "M0 0 C1 0, 2 0.01, 3 0 C3 1, 4 2, 3 3 M5 5 C5 6, 5 7, 5 8"
    assert mermaid_svg.straighten(data) == "M0 0 L3 0 C3 1, 4 2, 3 3 M5 5 L5 8"
    # 조절점이 선분 밖(0.02px 넘게)에 있거나, 다른 명령이 섞이면 그대로 둔다
    assert mermaid_svg.straighten("M0 0 C1 0.1, 2 0, 3 0") == "M0 0 C1 0.1, 2 0, 3 0"
    assert mermaid_svg.straighten("M0 0 C1 0, 2 0, 3 0 Z") == "M0 0 C1 0, 2 0, 3 0 Z"

"""Mermaid 훅: ```mermaid 블록을 빌드할 때 SVG 로 그려 페이지에 넣는다.

독자의 브라우저는 Mermaid 스크립트(수 MB)를 받지 않고, 외부 요청도 하지 않는다.

- 색과 글꼴: Material 이 브라우저에서 Mermaid 에 입히는 것과 같은 규칙(THEME_CSS)을 `themeCSS` 로
  넘긴다. 규칙은 Material 의 CSS 변수(--md-mermaid-*, --md-default-*)만 쓰므로, 페이지에 박힌 SVG 가
  밝은 팔레트와 어두운(slate) 팔레트를 그대로 따라간다.
- 한국어 글자 폭: mermaidx 는 DejaVu Sans 로 글자 폭을 재는데, 이 글꼴에는 한글이 없어 한글 한 자를
  0.6em 으로 잰다. 그러면 독자의 한국어 글꼴(한 자에 0.9~1em)로 그린 라벨이 상자 밖으로 잘린다.
  그래서 동아시아 전각 문자(한글, 한자, 전각 기호)는 1em(대시 '—'와 같은 폭)으로 재게 한다.
  한국어 글꼴의 한글 폭은 1em 을 넘지 않으므로 상자가 모자라지 않는다.
- 뒷정리: 경로 좌표의 긴 소수를 셋째 자리로 줄이고(둥근 도형 하나가 수십 KB 였다), 도표 안의 id 를
  도표마다 `mermaid-N` 으로 시작하게 바꿔 한 페이지에서 겹치지 않게 한다.
- 캐시: 원본 텍스트, 렌더링 설정, mermaidx 버전의 해시로 .cache/mermaid/ 에 저장한다. 캐시가 맞으면
  mermaidx 를 불러오지도 않는다.
"""

from __future__ import annotations

import functools
import hashlib
import html
import json
import re
import unicodedata
from importlib import metadata
from pathlib import Path

from mkdocs.exceptions import PluginError

ROOT = Path(__file__).resolve().parent.parent
CACHE_DIR = ROOT / ".cache" / "mermaid"
# pymdownx.superfences 의 fence_code_format 출력
FENCE = re.compile(r'<pre class="mermaid"><code>(.*?)</code></pre>', re.S)
# mermaidx 는 모든 도표를 id "my-svg" 로 그리고, 안쪽 id(화살표 머리, 선, 노드)도 대개 이 이름으로 시작한다.
# 한 페이지에 도표가 여럿이면 id 가 겹치므로 도표마다 바꾼다: id="my-svg_flowchart-…", url(#my-svg_…) 등.
RENDER_ID = re.compile(r"(?<![\w-])my-svg(?![a-zA-Z0-9])")
ID_ATTR = re.compile(r'(?<![\w-])id="([^"]+)"')
ID_REFERENCE = re.compile(r'(url\(#|href="#)([^)"]+)')
# 경로 데이터의 긴 소수(2.7031249999999996): Mermaid 의 둥근 도형은 이런 수로 수십 KB 가 된다.
PATH_DATA = re.compile(r'(?<=\s)(d|points)="([^"]*)"')
LONG_NUMBER = re.compile(r"-?\d*\.\d{4,}(?:e-?\d+)?|-?\d+(?:\.\d+)?e-?\d+")
# 반올림하고 나면 길이가 0 인 곡선(M x y C x y, x y, x y)이 많이 남는다. 그려지는 것이 없으므로 뺀다.
EMPTY_CURVE = re.compile(r"M(-?[\d.]+) (-?[\d.]+) C\1 \2, \1 \2, \1 \2 ?(?=M|$)")
# 채우지 않는 선(fill="none")의 경로. Mermaid 가 둥근 상자를 그릴 때 쓰는 rough.js 는 선 조각마다 획을 두 번
# 긋고, 조각마다 M 으로 새로 시작한다.
STROKE_ONLY_PATH = re.compile(r'<path\b[^>]*\bfill="none"[^>]*>')
STROKE_DATA = re.compile(r'(?<=\s)d="([^"]*)"')
CURVE_PIECE = re.compile(r"M(-?[\d.]+) (-?[\d.]+) (C[^MLZz]*?)\s*(?=M|$)")
# 곧은 선을 흉내 낸 3차 곡선: 두 조절점이 시작점과 끝점을 잇는 선분 위에 있다(0.02px 안쪽).
CUBIC = re.compile(r"C(-?[\d.]+) (-?[\d.]+), (-?[\d.]+) (-?[\d.]+), (-?[\d.]+) (-?[\d.]+)")
STRAIGHT_TOLERANCE_PX = 0.02

# Material for MkDocs(MIT)가 Mermaid 에 입히는 규칙을 옮겼다
# (src/templates/assets/javascripts/components/content/mermaid/index.css).
# Mermaid 는 이 CSS 를 도표 id 아래로 묶어 기본 테마 뒤에 넣으므로 기본 색을 덮는다.
THEME_CSS = """
& { font-family: var(--md-mermaid-font-family); color: var(--md-mermaid-label-fg-color); }
.node circle, .node ellipse, .node path, .node polygon, .node rect {
  fill: var(--md-mermaid-node-bg-color); stroke: var(--md-mermaid-node-fg-color);
}
marker { fill: var(--md-mermaid-edge-color) !important; }
.marker { fill: var(--md-mermaid-edge-color); stroke: var(--md-mermaid-edge-color); }
.edgeLabel .label rect { fill: transparent; }
.flowchartTitleText { fill: var(--md-mermaid-label-fg-color); }
.label { color: var(--md-mermaid-label-fg-color); font-family: var(--md-mermaid-font-family); }
.label foreignObject { overflow: visible; line-height: normal; }
.label div .edgeLabel { color: var(--md-mermaid-label-fg-color); }
.classLabel .box, .edgeLabel, .edgeLabel p, .label div .edgeLabel {
  background-color: var(--md-mermaid-label-bg-color);
}
.edgeLabel, .edgeLabel p { color: var(--md-mermaid-edge-color); fill: var(--md-mermaid-label-bg-color); }
.labelBkg { background-color: transparent; }
.edgePath .path, .flowchart-link { stroke: var(--md-mermaid-edge-color); }
.edgePath .arrowheadPath { fill: var(--md-mermaid-edge-color); stroke: none; }
.cluster rect { fill: var(--md-default-fg-color--lightest); stroke: var(--md-default-fg-color--lighter); }
.cluster span, .cluster-label span { color: var(--md-mermaid-label-fg-color); font-family: var(--md-mermaid-font-family); }
.cluster text, .cluster-label text { fill: var(--md-mermaid-label-fg-color); }
.classDiagramTitleText, g.classGroup text { fill: var(--md-mermaid-label-fg-color); }
g.classGroup line, g.classGroup rect { fill: var(--md-mermaid-node-bg-color); stroke: var(--md-mermaid-node-fg-color); }
.cardinality, .classLabel .label, .nodeLabel, .nodeLabel p, g.classGroup text, g.stateGroup .state-title,
text.actor > tspan { font-family: var(--md-mermaid-font-family); }
.classLabel .box { opacity: 1; fill: var(--md-mermaid-label-bg-color); }
.cardinality, .classLabel .label { fill: var(--md-mermaid-label-fg-color); }
.node .divider { stroke: var(--md-mermaid-node-fg-color); }
.relation { stroke: var(--md-mermaid-edge-color); }
.statediagramTitleText { fill: var(--md-mermaid-label-fg-color); }
g.stateGroup rect { fill: var(--md-mermaid-node-bg-color); stroke: var(--md-mermaid-node-fg-color); }
g.stateGroup .state-title { fill: var(--md-mermaid-label-fg-color) !important; }
g.stateGroup .composit { fill: var(--md-mermaid-label-bg-color); }
.nodeLabel, .nodeLabel p { color: var(--md-mermaid-label-fg-color); }
.node circle.state-end, .node circle.state-start, .start-state { fill: var(--md-mermaid-edge-color); stroke: none; }
.end-state-inner, .end-state-outer { fill: var(--md-mermaid-edge-color); }
.end-state-inner, .node circle.state-end { stroke: var(--md-mermaid-label-bg-color); }
.transition { stroke: var(--md-mermaid-edge-color); }
.statediagram-cluster.statediagram-cluster .inner { fill: var(--md-default-bg-color); }
.statediagram-cluster rect { fill: var(--md-mermaid-node-bg-color); stroke: var(--md-mermaid-node-fg-color); }
.statediagram-state rect.divider { fill: var(--md-default-fg-color--lightest); stroke: var(--md-default-fg-color--lighter); }
.relationshipLine { stroke: var(--md-mermaid-edge-color); }
.actor { fill: var(--md-mermaid-sequence-actor-bg-color); stroke: var(--md-mermaid-sequence-actor-border-color); }
text.actor > tspan { fill: var(--md-mermaid-sequence-actor-fg-color); }
line { stroke: var(--md-mermaid-sequence-actor-line-color); }
.actor-man circle, .actor-man line {
  fill: var(--md-mermaid-sequence-actorman-bg-color); stroke: var(--md-mermaid-sequence-actorman-line-color);
}
.actor-line { stroke: var(--md-mermaid-sequence-actor-line-color); }
.messageLine0, .messageLine1 { stroke: var(--md-mermaid-sequence-message-line-color); }
[id$="-arrowhead"] path { fill: var(--md-mermaid-sequence-message-line-color); stroke: none; }
[id$="-crosshead"] path { stroke: var(--md-mermaid-sequence-message-line-color) !important; }
.note { fill: var(--md-mermaid-sequence-note-bg-color); stroke: var(--md-mermaid-sequence-note-border-color); }
.loopText, .loopText > tspan, .messageText, .noteText > tspan {
  font-family: var(--md-mermaid-font-family) !important; stroke: none;
}
.messageText { fill: var(--md-mermaid-sequence-message-fg-color); }
.loopText, .loopText > tspan { fill: var(--md-mermaid-sequence-loop-fg-color); }
.noteText > tspan { fill: var(--md-mermaid-sequence-note-fg-color); }
.loopLine { fill: var(--md-mermaid-sequence-loop-bg-color); stroke: var(--md-mermaid-sequence-loop-border-color); }
.labelBox { fill: var(--md-mermaid-sequence-label-bg-color); stroke: none; }
.labelText, .labelText > span { font-family: var(--md-mermaid-font-family); fill: var(--md-mermaid-sequence-label-fg-color); }
.sequenceNumber { fill: var(--md-mermaid-sequence-number-fg-color); }
rect.rect { fill: var(--md-mermaid-sequence-box-bg-color); stroke: none; }
rect.rect + text.text { fill: var(--md-mermaid-sequence-box-fg-color); }
"""

# mermaidx.render(...)에 넘기는 설정. 바뀌면 캐시 키도 바뀐다.
RENDER_OPTIONS = {"backend": "quickjs", "theme": "default", "config": {"themeCSS": THEME_CSS}}
# 글자 폭을 재는 방식(measure_wide_as_em)이나 SVG 후처리(compact_paths)를 바꾸면 올린다.
RENDER_VERSION = "wide-1em+round3+single-stroke+straight-4"
# 전각 글자 대신 잴 글자: DejaVu Sans 에서 정확히 1em 폭이다.
EM_WIDE_STANDIN = "\u2014"


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
        return f'<div class="mermaid-diagram">{scope_ids(svg, f"mermaid-{next(counter)}")}</div>'

    return FENCE.sub(replace, html_text)


# ---------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------


def scope_ids(svg: str, diagram_id: str) -> str:
    """도표 안의 id 를 모두 `diagram_id` 로 시작하게 바꾼다. 같은 페이지의 다른 도표와 겹치지 않고,
    Mermaid 가 한 도표 안에서 두 번 쓰는 id(간선 라벨의 L_A_B_0, 시퀀스의 actor 이름)도 하나씩만 남는다."""
    svg = RENDER_ID.sub(diagram_id, svg)
    renamed: dict[str, str] = {}
    taken: set[str] = set()

    def rename(match: re.Match) -> str:
        old = match.group(1)
        scoped = old == diagram_id or old.startswith((f"{diagram_id}-", f"{diagram_id}_"))
        new = base = old if scoped else f"{diagram_id}-{old}"
        copy = 1
        while new in taken:
            copy += 1
            new = f"{base}-{copy}"
        taken.add(new)
        renamed.setdefault(old, new)
        return f'id="{new}"'

    svg = ID_ATTR.sub(rename, svg)
    return ID_REFERENCE.sub(lambda m: m.group(1) + renamed.get(m.group(2), m.group(2)), svg)


def cache_key(source: str) -> str:
    """원본, 렌더링 설정, 글자 폭 규칙, mermaidx 버전의 해시. mermaidx 를 import 하지 않는다."""
    settings = json.dumps(
        {"mermaidx": mermaidx_version(), "options": RENDER_OPTIONS, "render": RENDER_VERSION},
        sort_keys=True,
        ensure_ascii=False,
    )
    return hashlib.sha256(f"{settings}\n{source}".encode()).hexdigest()[:20]


@functools.lru_cache(maxsize=1)
def mermaidx_version() -> str:
    try:
        return metadata.version("mermaidx")
    except metadata.PackageNotFoundError:
        return "absent"


def render_cached(source: str, where: str) -> str:
    cached = CACHE_DIR / f"{cache_key(source)}.svg"
    if cached.exists():
        return cached.read_text(encoding="utf-8")
    svg = render(source, where)
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    tmp = cached.with_name(f".{cached.stem}.{id(svg)}.tmp")
    tmp.write_text(svg, encoding="utf-8")
    tmp.replace(cached)
    return svg


def render(source: str, where: str) -> str:
    mermaidx = load_mermaidx()  # 캐시가 비었을 때만 무거운 렌더러를 불러온다
    try:
        svg = mermaidx.render(source, **RENDER_OPTIONS).svg()
    except Exception as err:
        first_line = source.strip().splitlines()[0] if source.strip() else "(빈 도표)"
        raise PluginError(
            f"{where}: Mermaid 도표 '{first_line} …'를 그릴 수 없습니다 — {err}. "
            "https://mermaid.js.org/syntax/flowchart.html 의 문법과 비교해 보세요"
        ) from err
    return compact_paths(svg)


def compact_paths(svg: str) -> str:
    """경로 좌표를 소수 셋째 자리(0.001px)로 줄인다. 보이는 것은 같고 파일은 훨씬 작아진다."""

    def short(match: re.Match) -> str:
        text = f"{float(match.group(0)):.3f}".rstrip("0").rstrip(".")
        return "0" if text in ("-0", "") else text

    def compact(match: re.Match) -> str:
        data = LONG_NUMBER.sub(short, match.group(2))
        if match.group(1) == "d":
            data = EMPTY_CURVE.sub("", data).strip() or data
        return f'{match.group(1)}="{data}"'

    svg = PATH_DATA.sub(compact, svg)
    svg = STROKE_ONLY_PATH.sub(
        lambda tag: STROKE_DATA.sub(lambda d: f'd="{single_stroke(d.group(1))}"', tag.group(0)), svg
    )
    return STROKE_DATA.sub(lambda d: f'd="{straighten(d.group(1))}"', svg)


def straighten(data: str) -> str:
    """M 과 C 만으로 된 경로에서 곧은 선과 다름없는 곡선 'C p1, p2, p' 를 'L p' 로 바꾼다.

    rough.js 는 둥근 상자의 테두리를 짧은 곧은 조각 수십 개로 나눠 그리는데, 조각마다 3차 곡선을 쓴다.
    조절점이 선분 위에 있으면 곡선은 그 선분과 같은 모양이다.
    """
    if not data.startswith("M") or re.search(r"[^MC\d\s,.\-]", data):
        return data
    pen = (0.0, 0.0)
    out = []
    for token in re.finditer(r"M(-?[\d.]+) (-?[\d.]+)|" + CUBIC.pattern, data):
        if token[0].startswith("M"):
            pen = (float(token[1]), float(token[2]))
            out.append(token[0])
            continue
        x1, y1, x2, y2, x, y = (float(v) for v in token.groups()[2:])
        end = (x, y)
        straight = all(
            _distance_to_segment(point, pen, end) <= STRAIGHT_TOLERANCE_PX
            for point in ((x1, y1), (x2, y2))
        )
        out.append(f"L{token[7]} {token[8]}" if straight else token[0])
        pen = end
    return " ".join(out)


def _distance_to_segment(point, start, end) -> float:
    (px, py), (ax, ay), (bx, by) = point, start, end
    dx, dy = bx - ax, by - ay
    length_sq = dx * dx + dy * dy
    t = 0.0 if length_sq == 0 else max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / length_sq))
    return ((px - ax - t * dx) ** 2 + (py - ay - t * dy) ** 2) ** 0.5


def single_stroke(data: str) -> str:
    """'M a C… b' 조각들로 된 선에서 같은 두 끝점을 다시 긋는 두 번째 획을 빼고, 이어지는 조각은 M 없이 잇는다.

    채우지 않는 선에서만 쓴다: 획 하나를 빼도 같은 자리에 선이 남고, 이어 붙여도 그려지는 모양은 같다.
    조각 말고 다른 명령(L, Z 등)이 섞인 경로는 그대로 둔다.
    """
    pieces = [(m[1] + " " + m[2], m[3].strip()) for m in CURVE_PIECE.finditer(data)]
    if not pieces or "".join(CURVE_PIECE.sub("", data).split()):
        return data
    parts, previous, pen = [], None, None
    for start, curve in pieces:
        end = " ".join(curve.replace(",", " ").split()[-2:])
        if (start, end) == previous:  # 같은 선의 두 번째 획
            continue
        parts.append(curve if start == pen else f"M{start} {curve}")
        previous, pen = (start, end), end
    return " ".join(parts)


@functools.lru_cache(maxsize=1)
def load_mermaidx():
    import mermaidx
    from mermaidx import font_metrics

    measure_wide_as_em(font_metrics.Font)
    return mermaidx


def widen(text: str) -> str:
    """동아시아 전각 글자(한글, 한자, 전각 기호)를 1em 폭의 대역 글자로 바꾼다."""
    if text.isascii():
        return text
    return "".join(
        EM_WIDE_STANDIN if unicodedata.east_asian_width(ch) in "WF" else ch for ch in text
    )


def measure_wide_as_em(font_class) -> None:
    """mermaidx 가 글자 폭을 잴 때 전각 글자를 1em 으로 재게 한다(레이아웃만 바뀌고 글자는 그대로다).

    mermaidx.font_metrics.Font 의 세 측정 메서드(measure, glyph_boxes, foreign_object_metrics)를 감싼다.
    tests/test_mermaid_svg.py 가 한글 라벨의 상자 폭을 확인하므로, mermaidx 가 바뀌어 이 자리가
    사라지면 테스트가 알려 준다."""
    if getattr(font_class, "_gongbu_wide_as_em", False):
        return
    for method in ("measure", "glyph_boxes", "foreign_object_metrics"):
        original = getattr(font_class, method)

        def wrapped(self, text, size_px, _original=original):
            return _original(self, widen(text), size_px)

        functools.update_wrapper(wrapped, original)
        setattr(font_class, method, wrapped)
    font_class._gongbu_wide_as_em = True

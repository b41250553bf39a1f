"""빌드한 사이트를 브라우저로 훑는 도구: 페이지 목록, 팔레트 설정, 페이지마다 독자가 보는 것의 기록.

테스트가 아니라 테스트들이 나눠 쓰는 부품이다. 페이지를 여는 비용을 한 번만 치르도록, 페이지마다
콘솔 오류·실패한 요청·사이트 밖 요청·본문 글자·이미지·제목·doctest 블록·axe-core 위반을 한꺼번에 모은다.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

# axe-core 는 PyPI 의 axe-playwright-python 이 싣고 온 것을 쓴다(저장소에 복사하지 않는다).
from axe_playwright_python.base import AXE_SCRIPT

from tests.conftest import ROOT

DESKTOP = {"width": 1280, "height": 800}

# 렌더링되지 않고 글자 그대로 보이면 안 되는 원본 표기. 코드·수식·도표 안은 보지 않는다.
RAW_MARKUP = {
    "LaTeX 인라인 수식 \\( \\)": re.compile(r"\\\(|\\\)"),
    "LaTeX 블록 수식 \\[ \\]": re.compile(r"\\\[|\\\]"),
    "LaTeX 명령(\\frac 등)": re.compile(r"\\[A-Za-z]{2,}"),
    "LaTeX $…$": re.compile(r"\$[^$\n]*[\\^_{][^$\n]*\$"),
    "Markdown 굵게 **…**": re.compile(r"\*\*[^*\s][^*\n]*?\*\*"),
    "Markdown 링크 [글](주소)": re.compile(r"\[[^\]\n]+\]\([^)\s]+\)"),
    "코드 펜스 ```": re.compile(r"```|~~~"),
    "스니펫 표시 --8<--": re.compile(r"--8<--"),
    "admonition !!!": re.compile(r"(?m)^\s*(?:!!!|\?\?\?\+?)\s"),
    "약어 정의 *[…]:": re.compile(r"\*\[[^\]\n]+\]:"),
}

# 본문(article)의 글자·이미지·제목을 모은다. 코드·수식·SVG 는 글자 검사에서 뺀다.
COLLECT = """async () => {
  // 두 프레임을 기다려 requestAnimationFrame 에서 도는 스크립트(scroll-regions.js)까지 끝나게 한다.
  await new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));
  const article = document.querySelector("article.md-content__inner") || document.body;
  const clone = article.cloneNode(true);
  clone.querySelectorAll("pre, code, kbd, samp, math, script, style, svg, textarea")
       .forEach(e => e.remove());
  return {
    lang: document.documentElement.lang,
    scheme: document.body.getAttribute("data-md-color-scheme"),
    text: clone.textContent,
    images: [...document.images].map(img => ({
      src: img.getAttribute("src"),
      alt: img.getAttribute("alt"),
      loaded: img.complete && img.naturalWidth > 0,
      visible: img.checkVisibility(),
      in_article: article.contains(img),
    })),
    headings: [...article.querySelectorAll("h1, h2, h3, h4, h5, h6")]
      .filter(h => !h.closest(".md-typeset__scrollwrap, .jp-OutputArea"))
      .map(h => [Number(h.tagName[1]), h.textContent.replace("¶", "").trim()]),
    doctests: [...article.querySelectorAll(".highlight > pre > code")]
      .filter(code => code.textContent.startsWith(">>>"))
      .map(code => [code.textContent, code.parentElement.getAttribute("data-copy")]),
    math: [...article.querySelectorAll("math")].filter(math => math.checkVisibility()).map(math => {
      const box = math.getBoundingClientRect();
      return {width: box.width, height: box.height, source: math.outerHTML.slice(0, 80)};
    }),
    // 분수는 분자가 분모 위에 있어야 한다(MathML 을 모르는 브라우저는 한 줄로 늘어놓는다).
    fractions: [...article.querySelectorAll("mfrac")]
      .filter(frac => frac.checkVisibility() && frac.children.length === 2)
      .map(frac => {
        const [top, bottom] = [...frac.children].map(child => child.getBoundingClientRect());
        return {stacked: top.bottom <= bottom.top + 1, source: frac.outerHTML.slice(0, 80)};
      }),
    raw_mermaid: article.querySelectorAll("pre.mermaid").length,
    diagrams: [...article.querySelectorAll(".mermaid-diagram svg")].map(svg => {
      const box = svg.getBoundingClientRect();
      const labels = [...svg.querySelectorAll("text, foreignObject")]
        .filter(label => label.textContent.trim())
        .map(label => label.getBoundingClientRect())
        .filter(rect => rect.width > 0 && rect.height > 0);
      return {id: svg.id, width: box.width, height: box.height,
              text: svg.textContent.trim().slice(0, 60), labels: labels.length};
    }),
  };
}"""

# axe-core 가 serious·critical 로 매기는 위반만 실패로 본다.
BLOCKING_IMPACTS = ("serious", "critical")
# 팔레트에 따라 결과가 달라지는 규칙. 두 번째 팔레트에서는 이것만 다시 돌린다(나머지는 구조를 보므로
# 팔레트와 상관없고, 첫 팔레트에서 모든 규칙을 돌렸다).
PALETTE_RULES = ["color-contrast", "link-in-text-block"]


@dataclass
class PageReport:
    """한 팔레트로 연 한 페이지의 기록."""

    path: str
    status: int = 0
    lang: str = ""
    scheme: str = ""
    console_errors: list[str] = field(default_factory=list)
    failed_requests: list[str] = field(default_factory=list)
    outside_requests: list[str] = field(default_factory=list)
    raw_markup: list[str] = field(default_factory=list)
    images: list[dict] = field(default_factory=list)
    headings: list[tuple[int, str]] = field(default_factory=list)
    doctests: list[tuple[str, str | None]] = field(default_factory=list)  # (블록 글자, 복사할 코드)
    axe_violations: list[str] = field(default_factory=list)  # serious·critical 만
    math: list[dict] = field(default_factory=list)  # 보이는 <math> 의 크기
    fractions: list[dict] = field(default_factory=list)
    raw_mermaid: int = 0  # 그려지지 않고 남은 ```mermaid 원본
    diagrams: list[dict] = field(default_factory=list)  # Mermaid SVG 의 크기와 글자


# ---------------------------------------------------------------------------
# 사이트
# ---------------------------------------------------------------------------


def site_prefix() -> str:
    """mkdocs.yml 의 site_url 경로 (예: "/gongbu-note/"). 배포될 때와 같은 경로에 사이트를 올린다."""
    match = re.search(
        r"^site_url:\s*(\S+)", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), re.M
    )
    path = urlparse(match.group(1)).path if match else "/"
    return path if path.endswith("/") else path + "/"


def page_paths(site: Path) -> list[str]:
    """모든 페이지의 site_url 기준 경로. 404 페이지도 넣는다."""
    paths = []
    for html in sorted(site.rglob("index.html")):
        rel = html.parent.relative_to(site).as_posix()
        paths.append("" if rel == "." else rel + "/")
    if (site / "404.html").exists():
        paths.append("404.html")
    return paths


def pages_containing(site: Path, paths: list[str], *markers: str) -> list[str]:
    """빌드한 HTML 에 markers 가 모두 들어 있는 페이지의 경로."""
    found = []
    for path in paths:
        html = (site / (path if path.endswith(".html") else path + "index.html")).read_text(
            encoding="utf-8"
        )
        if all(marker in html for marker in markers):
            found.append(path)
    return found


def palettes(site: Path) -> dict[str, dict]:
    """{"default": 설정, "slate": 설정}. 설정은 Material 이 localStorage 에 두는 모양 그대로다."""
    html = (site / "index.html").read_text(encoding="utf-8")
    found: dict[str, dict] = {}
    for index, tag in enumerate(re.findall(r'<input class="md-option"[^>]*>', html)):
        color = dict(re.findall(r'data-md-color-(\w+)="([^"]*)"', tag))
        if color.get("media") == "(prefers-color-scheme)":
            continue  # '시스템 설정 따르기' 는 고정된 팔레트가 아니다
        found.setdefault(color["scheme"], {"index": index, "color": color})
    assert set(found) == {"default", "slate"}, f"밝은·어두운 팔레트를 찾지 못했다: {found}"
    return found


def palette_init_script(palette: dict) -> str:
    """페이지의 스크립트보다 먼저 돌아 독자가 이 팔레트를 골라 둔 상태로 만든다."""
    key = site_prefix() + ".__palette"
    return f"try {{ localStorage.setItem({json.dumps(key)}, {json.dumps(json.dumps(palette))}) }} catch (e) {{}}"


def color_scheme(palette: dict) -> str:
    return "dark" if palette["color"]["scheme"] == "slate" else "light"


# ---------------------------------------------------------------------------
# 훑기
# ---------------------------------------------------------------------------


class _Tab:
    """한 팔레트로 페이지를 차례로 여는 탭과 그 탭에서 생긴 일의 기록."""

    def __init__(self, browser, site_url: str, palette: dict, axe_rules: list[str] | None):
        self.context = browser.new_context(
            locale="ko-KR", viewport=DESKTOP, color_scheme=color_scheme(palette)
        )
        self.context.add_init_script(palette_init_script(palette))
        self.page = self.context.new_page()
        self.axe_options = {"resultTypes": ["violations"]}
        if axe_rules:
            self.axe_options["runOnly"] = {"type": "rule", "values": axe_rules}
        self.reports: list[PageReport] = []
        origin = urlparse(site_url).netloc

        def on_request(request):
            url = urlparse(request.url)
            if url.scheme in ("http", "https", "ws", "wss") and url.netloc != origin:
                self.now.outside_requests.append(request.url)

        page = self.page
        page.on("request", on_request)
        page.on(
            "requestfailed", lambda r: self.now.failed_requests.append(f"{r.url} ({r.failure})")
        )
        page.on(
            "response",
            lambda r: r.status >= 400 and self.now.failed_requests.append(f"{r.url} ({r.status})"),
        )
        page.on("console", lambda m: m.type == "error" and self.now.console_errors.append(m.text))
        page.on("pageerror", lambda e: self.now.console_errors.append(str(e)))

    @property
    def now(self) -> PageReport:
        return self.reports[-1]

    def open(self, url: str, path: str) -> None:
        """페이지를 열고 본문을 모은 뒤, axe-core 를 시작만 해 둔다(끝나기를 기다리지 않는다)."""
        self.reports.append(PageReport(path))
        response = self.page.goto(url, wait_until="load")
        data = self.page.evaluate(COLLECT)
        report = self.now
        report.status = response.status if response else 0
        report.lang, report.scheme = data["lang"], data["scheme"]
        report.raw_markup = find_raw_markup(data["text"])
        report.images = data["images"]
        report.headings = [tuple(h) for h in data["headings"]]
        report.doctests = [tuple(d) for d in data["doctests"]]
        report.math, report.fractions = data["math"], data["fractions"]
        report.raw_mermaid, report.diagrams = data["raw_mermaid"], data["diagrams"]
        self.page.evaluate(AXE_SCRIPT)
        self.page.evaluate(
            f"() => {{ window.__axe = axe.run(document, {json.dumps(self.axe_options)}); }}"
        )

    def finish(self) -> None:
        """axe-core 결과를 받고, 검색 색인처럼 늦게 오는 요청까지 끝나기(networkidle)를 기다린다."""
        violations = self.page.evaluate("() => window.__axe.then(result => result.violations)")
        self.now.axe_violations = [
            describe_violation(v) for v in violations if v["impact"] in BLOCKING_IMPACTS
        ]
        self.page.wait_for_load_state("networkidle")


def survey_site(
    browser, site_url: str, paths: list[str], palettes: dict[str, dict], axe_rules: dict
) -> dict[str, list[PageReport]]:
    """모든 페이지를 팔레트마다 한 번씩 열어 기록을 남긴다: {팔레트: [PageReport, ...]}.

    팔레트마다 탭 하나를 끝까지 재사용한다. 같은 페이지를 모든 팔레트에서 연 뒤 axe-core 를 함께
    돌리므로, 탭마다 따로 도는 렌더러 프로세스가 CPU 코어를 나눠 쓴다. axe_rules[팔레트] 가 None 이면
    모든 규칙을, 목록이면 그 규칙만 돌린다.
    """
    tabs = {
        name: _Tab(browser, site_url, palette, axe_rules.get(name))
        for name, palette in palettes.items()
    }
    try:
        for path in paths:
            for tab in tabs.values():
                tab.open(site_url + path, path)
            for tab in tabs.values():
                tab.finish()
    finally:
        for tab in tabs.values():
            tab.context.close()
    return {name: tab.reports for name, tab in tabs.items()}


def find_raw_markup(text: str) -> list[str]:
    """본문 글자에서 렌더링되지 않은 원본 표기를 찾아 '종류: …앞뒤 글자…' 목록으로 돌려준다."""
    found = []
    for kind, pattern in RAW_MARKUP.items():
        for match in pattern.finditer(text):
            around = text[max(0, match.start() - 25) : match.end() + 25].replace("\n", " ")
            found.append(f"{kind}: …{around.strip()}…")
    return found


def describe_violation(violation: dict) -> str:
    """axe-core 위반 하나를 한 줄로: 규칙 (영향) × 개수: 첫 요소 — 이유."""
    nodes = violation["nodes"]
    checks = nodes[0].get("any") or nodes[0].get("all") or nodes[0].get("none") or [{"message": ""}]
    return (
        f"{violation['id']} ({violation['impact']}) × {len(nodes)}: {' '.join(nodes[0]['target'])} — "
        f"{checks[0]['message']}"
    )

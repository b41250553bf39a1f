"""접근성: 모든 페이지가 두 팔레트 모두에서 axe-core 의 serious·critical 위반이 없고, 그림에는 뜻 있는
한국어 대체 텍스트가, 제목에는 건너뛴 단계가 없으며, 키보드(Tab)만으로 검색 창과 팔레트 전환에 닿는다.

axe-core 는 PyPI 의 axe-playwright-python 이 함께 싣고 온 것을 쓴다(저장소에 복사하지 않는다). 규칙은
끄지 않는다: Material 기본값이 걸리던 color-contrast 와 aria-dialog-name 은 mkdocs.yml 의 팔레트,
overrides/assets/stylesheets/site.css, overrides/partials/search.html 에서 고쳤다.
"""

from __future__ import annotations

import re

import pytest

SCHEMES = ["default", "slate"]
HANGUL = re.compile(r"[가-힣]")
# 아무것도 말해 주지 않는 대체 텍스트: "그림 1", "image", 파일 이름
PLACEHOLDER_ALT = re.compile(
    r"^\s*((그림|도표|사진|이미지|figure|fig\.?|image|img|chart|graph|plot)\s*\d*|[\w-]+\.(svg|png|jpe?g|gif|webp))\s*$",
    re.I,
)


@pytest.mark.parametrize("scheme", SCHEMES)
def test_no_serious_or_critical_axe_violations(site_survey, scheme):
    """axe-core 는 conftest 의 site_survey 가 페이지를 열 때 함께 돌린다(페이지를 한 번만 연다)."""
    failing = [
        f"  {r.path or '/'}: {line}" for r in site_survey[scheme] for line in r.axe_violations
    ]
    assert failing == [], f"axe-core 의 serious·critical 위반({scheme}):\n" + "\n".join(failing)


def test_images_have_meaningful_korean_alt_text(site_survey):
    bad = []
    for report in site_survey["default"]:
        for image in report.images:
            if not image["in_article"]:
                continue
            alt = (image["alt"] or "").strip()
            if not HANGUL.search(alt) or PLACEHOLDER_ALT.match(alt) or len(alt) < 5:
                bad.append(f"{report.path or '/'}: {image['src']} alt={image['alt']!r}")
    assert bad == [], "뜻 있는 한국어 대체 텍스트가 없는 그림:\n" + "\n".join(bad)


def test_headings_are_in_order(site_survey):
    bad = []
    for report in site_survey["default"]:
        levels = [level for level, _ in report.headings]
        if levels[:1] != [1] or levels.count(1) != 1:
            bad.append(f"{report.path or '/'}: 제목 1(h1)이 맨 앞에 하나만 있어야 한다 — {levels}")
        for (before, _), (level, text) in zip(report.headings, report.headings[1:], strict=False):
            if level > before + 1:
                bad.append(
                    f"{report.path or '/'}: h{before} 다음에 h{level} '{text}' (단계를 건너뜀)"
                )
    assert bad == [], "\n".join(bad)


def focused(page) -> dict:
    return page.evaluate(
        """() => { const e = document.activeElement;
                  return {tag: e.tagName, name: e.getAttribute("name"),
                          cls: e.className, label: e.getAttribute("aria-label")}; }"""
    )


def test_keyboard_reaches_search_and_palette_toggle(page, site_url):
    page.goto(site_url + "python/asterisk/")
    reached = {}
    for step in range(1, 30):
        page.keyboard.press("Tab")
        now = focused(page)
        if now["name"] == "__palette":
            reached.setdefault("palette", step)
        if now["name"] == "query" and "md-search__input" in now["cls"]:
            reached.setdefault("search", step)
        if len(reached) == 2:
            break
    assert set(reached) == {"palette", "search"}, f"Tab 으로 닿은 것: {reached}"


def test_keyboard_switches_the_palette(page, site_url):
    page.goto(site_url + "python/asterisk/")
    for _ in range(30):
        page.keyboard.press("Tab")
        if focused(page)["name"] == "__palette":
            break
    schemes = []
    for _ in range(3):  # 시스템 설정 → 밝게 → 어둡게 → 시스템 설정
        page.keyboard.press("Enter")
        schemes.append(page.evaluate("document.body.dataset.mdColorScheme"))
    assert "slate" in schemes and "default" in schemes, schemes
    assert focused(page)["name"] == "__palette", "전환한 뒤에도 초점이 팔레트 버튼에 남아야 한다"


def test_search_box_types_korean_from_the_keyboard(page, site_url):
    page.goto(site_url + "python/asterisk/")
    for _ in range(30):
        page.keyboard.press("Tab")
        if focused(page)["name"] == "query":
            break
    page.keyboard.type("배치")
    assert page.locator(".md-search__input").input_value() == "배치"

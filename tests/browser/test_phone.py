"""폭 375 CSS 픽셀의 휴대폰 화면: 탐색 서랍이 열리고 닫히며, 표·코드·수식은 화면 밖으로 넘치지 않고
제자리에서 가로로 스크롤되고, 글자 상자끼리 겹치지 않는다."""

from __future__ import annotations

import pytest

from tests.browser.conftest import PHONE

DRAWER_BUTTON = 'label.md-header__button[for="__drawer"]'
SIDEBAR_X = "document.querySelector('.md-sidebar--primary').getBoundingClientRect().x"

# 스크롤 상자 밖에서 화면 가장자리를 넘는 요소. Material 은 html 에 overflow-x: hidden 을 걸어 두므로
# 문서 폭만 재서는 잘려 보이지 않는 내용을 놓친다. 그래서 요소마다 상자를 잰다.
OVERFLOW = """() => {
  const width = window.innerWidth;
  const article = document.querySelector("article.md-content__inner") || document.body;
  const scrolls = el => ["auto", "scroll"].includes(getComputedStyle(el).overflowX);
  const insideScroller = el => {
    for (let up = el.parentElement; up && up !== article; up = up.parentElement) if (scrolls(up)) return true;
    return false;
  };
  const escaped = [];
  for (const el of article.querySelectorAll("*")) {
    if (!el.checkVisibility() || insideScroller(el)) continue;
    const box = el.getBoundingClientRect();
    if (box.width > 0 && (box.right > width + 1 || box.left < -1)) {
      escaped.push(`<${el.tagName.toLowerCase()} class="${el.className}"> ${Math.round(box.left)}..${Math.round(box.right)}`);
    }
  }
  const wide = [...article.querySelectorAll("pre > code, .md-typeset__scrollwrap, .math-block, .mermaid-diagram")]
    .filter(el => el.scrollWidth > el.clientWidth + 1);
  return {
    width, scrollWidth: document.scrollingElement.scrollWidth, escaped: escaped.slice(0, 8),
    wide: wide.length, notScrollable: wide.filter(el => !scrolls(el)).map(el => el.className || el.tagName),
  };
}"""

# 본문 블록과 머리글 요소의 상자가 서로 겹치는지 본다(한쪽이 다른 쪽을 품는 경우는 뺀다).
OVERLAPS = """() => {
  const article = document.querySelector("article.md-content__inner") || document.body;
  const pick = (root, selector) => [...root.querySelectorAll(selector)]
    .filter(el => el.checkVisibility())
    .map(el => ({el, box: el.getBoundingClientRect()}))
    .filter(({box}) => box.width > 0 && box.height > 0);
  const groups = [
    pick(article, "h1, h2, h3, h4, h5, h6, p, li, dt, dd, pre, table, blockquote, figure, img, " +
                  ".highlight, .md-typeset__scrollwrap, .math-block, .mermaid-diagram, .admonition, details, .jp-Cell"),
    pick(document, ".md-header__inner > *:not(input):not(.md-header__option), .md-header__option > label"),
  ];
  const name = el => `<${el.tagName.toLowerCase()}> ${el.textContent.trim().slice(0, 30)}`;
  const overlaps = [];
  for (const group of groups) {
    for (let i = 0; i < group.length; i++) {
      for (let j = i + 1; j < group.length; j++) {
        const [a, b] = [group[i], group[j]];
        if (a.el.contains(b.el) || b.el.contains(a.el)) continue;
        const w = Math.min(a.box.right, b.box.right) - Math.max(a.box.left, b.box.left);
        const h = Math.min(a.box.bottom, b.box.bottom) - Math.max(a.box.top, b.box.top);
        if (w > 2 && h > 2) overlaps.push(`${name(a.el)} ↔ ${name(b.el)}`);
      }
    }
  }
  return {checked: groups[0].length + groups[1].length, overlaps: overlaps.slice(0, 8)};
}"""


@pytest.fixture(scope="module")
def phone_reports(browser, site_url, page_paths):
    """휴대폰 화면으로 모든 페이지를 한 번씩 열어 넘침과 겹침을 잰다."""
    context = browser.new_context(locale="ko-KR", **PHONE)
    page = context.new_page()
    reports = {}
    for path in page_paths:
        page.goto(site_url + path, wait_until="load")
        reports[path or "/"] = {
            "overflow": page.evaluate(OVERFLOW),
            "overlap": page.evaluate(OVERLAPS),
        }
    context.close()
    return reports


def test_navigation_drawer_opens_and_closes(phone_page, site_url):
    phone_page.goto(site_url + "python/asterisk/")
    assert phone_page.evaluate(SIDEBAR_X) < 0, "서랍이 처음부터 열려 있다"
    phone_page.locator(DRAWER_BUTTON).click()
    phone_page.wait_for_function(f"{SIDEBAR_X} >= 0")
    assert phone_page.locator("#__drawer").is_checked()
    link = phone_page.locator(".md-sidebar--primary .md-nav__link:visible").first
    box = link.bounding_box()
    assert box and 0 <= box["x"] and box["x"] + box["width"] <= PHONE["viewport"]["width"]

    phone_page.locator("label.md-overlay").click(position={"x": 360, "y": 400})  # 서랍 옆 어두운 곳
    phone_page.wait_for_function(f"{SIDEBAR_X} < 0")
    assert not phone_page.locator("#__drawer").is_checked()


def test_no_page_is_wider_than_the_phone(phone_reports):
    for path, report in phone_reports.items():
        overflow = report["overflow"]
        assert overflow["scrollWidth"] <= overflow["width"], (
            f"{path}: 문서가 화면보다 넓다 {overflow}"
        )
        assert overflow["escaped"] == [], f"{path}: 화면 밖으로 나간 요소 {overflow['escaped']}"


def test_wide_tables_and_code_scroll_in_place(phone_reports):
    for path, report in phone_reports.items():
        assert report["overflow"]["notScrollable"] == [], f"{path}: 넘치는데 스크롤되지 않는 상자"
    assert sum(report["overflow"]["wide"] for report in phone_reports.values()) > 0, (
        "휴대폰에서 가로로 스크롤되는 코드나 표가 하나도 없다 — 검사가 제대로 도는지 의심스럽다"
    )


def test_no_text_boxes_overlap(phone_reports):
    for path, report in phone_reports.items():
        overlap = report["overlap"]
        assert overlap["checked"] > 3, f"{path}: 잴 요소가 없다"
        assert overlap["overlaps"] == [], f"{path}: 겹치는 상자 {overlap['overlaps']}"

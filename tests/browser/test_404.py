"""404 페이지: 없는 주소로 오면 한국어 안내와 함께 사이트의 모양(CSS·검색·팔레트)이 그대로 나온다.

정적 서버는 GitHub Pages 처럼 사이트를 site_url 경로 아래에 두고, 없는 주소에 404.html 을 404 로 준다
(conftest.SiteHandler). 404.html 은 어느 깊이의 주소에서나 쓰이므로 자원 경로가 절대 경로다.
"""

from __future__ import annotations

import re
from urllib.parse import urlparse

import pytest

from tests.browser import survey
from tests.conftest import ROOT


@pytest.mark.parametrize("address", ["404.html", "없는-노트/", "dl/no-such-note/?from=old-link"])
def test_unknown_address_shows_the_korean_404_page(page, site_url, address):
    failed, errors = [], []
    page.on("requestfailed", lambda r: failed.append(r.url))
    page.on(
        "response",
        lambda r: (
            r.status >= 400 and r.request.resource_type != "document" and failed.append(r.url)
        ),
    )
    page.on(
        "console",
        lambda m: (
            m.type == "error"
            and not m.text.startswith("Failed to load resource")
            and errors.append(m.text)
        ),
    )
    response = page.goto(site_url + address, wait_until="networkidle")
    assert response.status == (200 if address == "404.html" else 404)
    assert page.locator("html").get_attribute("lang") == "ko"
    heading = page.locator("article.md-content__inner h1").inner_text()
    assert "페이지를 찾을 수 없습니다" in heading
    assert re.search(r"[가-힣]{2,}", page.locator("article.md-content__inner p").first.inner_text())
    assert re.search(r"[가-힣]", page.title())
    # CSS 와 JS 가 실제로 붙었다: 머리글이 팔레트 색이고 검색 창이 있다
    assert (
        page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") == "sticky"
    )
    assert page.locator(".md-search__input").count() == 1
    assert failed == [] and errors == [], (failed, errors)


def test_404_page_links_back_to_the_home_page(page, site_url):
    page.goto(site_url + "없는-노트/")
    home = page.locator("article.md-content__inner a", has_text="처음 페이지")
    href = urlparse(home.get_attribute("href"))
    site = re.search(
        r"^site_url:\s*(\S+)", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), re.M
    ).group(1)
    assert href.path == survey.site_prefix() and f"{href.scheme}://{href.netloc}/" in site

"""모든 페이지가 사이트 밖으로 요청하지 않고, 콘솔 오류 없이 열린다."""

from __future__ import annotations

from urllib.parse import urlparse


def site_pages(built_site):
    for html in sorted(built_site.rglob("index.html")):
        yield html.parent.relative_to(built_site).as_posix()


def test_every_page_loads_without_leaving_the_site(built_site, site_url, page):
    origin = urlparse(site_url).netloc
    outside, errors, failed = [], [], []
    page.on("request", lambda r: urlparse(r.url).netloc not in (origin, "") and r.url.startswith("http") and outside.append(r.url))
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.on("requestfailed", lambda r: failed.append(r.url))
    for path in site_pages(built_site):
        url = site_url + ("" if path == "." else path + "/")
        page.goto(url, wait_until="networkidle")
        assert page.locator("html").get_attribute("lang") == "ko", url
    assert outside == [], f"사이트 밖으로 나간 요청: {outside}"
    assert errors == [], f"콘솔 오류: {errors}"
    assert failed == [], f"실패한 요청: {failed}"

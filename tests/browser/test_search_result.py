"""검색 결과를 누르면 그 페이지가 열리고, 찾은 낱말이 본문에 강조되어 있다(search.highlight).

검색 품질(골드 세트, 조사·어미, 지연)은 test_search.py 가 잰다. 여기서는 독자의 한 걸음만 본다:
실제 검색 창에 한국어를 치고, 첫 결과를 누르고, 도착한 페이지에서 낱말을 찾는다.
"""

from __future__ import annotations

from urllib.parse import parse_qs, quote, urlparse

import pytest

MARKS = """() => [...document.querySelectorAll("article mark[data-md-highlight]")]
    .filter(mark => mark.checkVisibility()).map(mark => mark.textContent)"""


@pytest.mark.parametrize("query", ["배치", "어텐션"])
def test_clicking_a_search_result_opens_the_page_with_the_term_highlighted(page, site_url, query):
    page.goto(site_url)
    page.locator(".md-search__input").click()
    page.keyboard.type(query)
    page.keyboard.press(
        "End"
    )  # 한글 입력기는 글자를 확정한 뒤 다음 키에서 keyup 을 보낸다: Material 은 keyup 에 찾는다
    # 앞 글자('배')의 결과가 아니라 다 친 질의의 결과가 그려진 뒤에 누른다
    page.wait_for_function(
        "q => (document.querySelector('.md-search-result__item > a') || {}).href?.includes(q)",
        arg="h=" + quote(query),
    )
    first = page.locator(".md-search-result__item > a").first
    first.click()
    page.wait_for_load_state()
    url = urlparse(page.url)
    assert url.path != urlparse(site_url).path or url.fragment, (
        "결과를 눌렀는데 페이지가 바뀌지 않았다"
    )
    assert parse_qs(url.query).get("h") == [query], f"강조할 낱말이 주소에 없다: {page.url}"
    page.wait_for_function(f"({MARKS})().length > 0")
    marks = page.evaluate(MARKS)
    assert marks and all(query in mark for mark in marks), marks

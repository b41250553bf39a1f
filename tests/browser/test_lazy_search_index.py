"""검색 색인은 읽는 이가 검색 창에 들어갈 때 받는다(overrides/assets/javascripts/lazy-search-index.js).

노트가 늘면 색인도 커진다. 검색을 쓰지 않는 방문이 색인을 받지 않는지, 검색 창에 들어가면 받아서 결과가
나오는지, 공유한 검색 주소(?q=)는 바로 받는지 본다.
"""

from __future__ import annotations

INDEX = "/search/search_index.json"
FIRST_RESULT = "() => document.querySelector('.md-search-result__item') !== null"


def index_requests(requests: list[str]) -> list[str]:
    return [url for url in requests if INDEX in url]


def test_opening_a_note_does_not_fetch_the_search_index(page, site_url):
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(site_url + "python/asterisk/", wait_until="networkidle")
    page.wait_for_timeout(500)
    assert index_requests(requests) == []


def test_entering_the_search_box_fetches_the_index_and_finds_results(page, site_url):
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(site_url + "python/asterisk/", wait_until="networkidle")
    box = page.locator(".md-search__input")
    box.focus()
    box.type("어텐션을")  # 색인이 오기 전에 친 글자도 준비된 뒤 검색된다
    page.wait_for_function(FIRST_RESULT, timeout=30_000)
    assert len(index_requests(requests)) == 1
    first = page.locator(".md-search-result__item a").first.get_attribute("href")
    assert "/dl/attention/" in first


def test_the_search_shortcut_key_also_fetches_the_index(page, site_url):
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(site_url + "python/asterisk/", wait_until="networkidle")
    page.keyboard.press("/")  # Material 의 검색 단축키: 검색 창으로 초점을 옮긴다
    page.keyboard.type("배치")
    page.wait_for_function(FIRST_RESULT, timeout=30_000)
    assert len(index_requests(requests)) == 1


def test_a_shared_search_link_fetches_the_index_at_once(page, site_url):
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(site_url + "?q=%EB%B0%B0%EC%B9%98", wait_until="load")  # ?q=배치
    page.wait_for_function(FIRST_RESULT, timeout=30_000)
    assert len(index_requests(requests)) == 1

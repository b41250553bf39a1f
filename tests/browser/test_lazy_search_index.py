"""검색 색인은 읽는 이가 검색할 때, 필요한 조각만 받는다.

Material 은 설정뿐인 search/search_index.json 을 페이지와 함께 받는다. 색인 파일(질의 규칙 lexicon.json, 절 목록
docs.json, 낱말 조각 terms/, 미리보기 본문 pages/)은 검색 창에 들어가거나(search-prepare.js) 질의가 올 때 워커가
받는다(hooks/search_shards.py, workers/shard-search.js). 검색을 쓰지 않는 방문이 색인을 받지 않는지, 검색 창에
들어가면 받아서 결과가 나오는지, 질의 하나가 조각 전체가 아니라 일부만 받는지, 공유한 검색 주소(?q=)도 되는지 본다.
"""

from __future__ import annotations

import re

FIRST_RESULT = "() => document.querySelector('.md-search-result__item') !== null"
SHARD = re.compile(r"/search/(lexicon\.json|docs\.json|terms/\d+\.json|pages/\d+\.json)")


def shard_requests(requests: list[str]) -> list[str]:
    return [match[1] for url in requests if (match := SHARD.search(url))]


def watch(page) -> list[str]:
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))  # 워커의 요청도 온다
    return requests


def test_opening_a_note_fetches_no_index_file(page, site_url):
    requests = watch(page)
    page.goto(site_url + "python/asterisk/", wait_until="networkidle")
    page.wait_for_timeout(500)
    assert shard_requests(requests) == []


def test_entering_the_search_box_fetches_the_index_and_finds_results(page, site_url):
    requests = watch(page)
    page.goto(site_url + "python/asterisk/", wait_until="networkidle")
    box = page.locator(".md-search__input")
    # 초점만으로 받기 시작한다(첫 글자를 치기 전)
    with page.expect_request(lambda r: "/search/lexicon.json" in r.url, timeout=10_000):
        box.focus()
    assert "docs.json" in shard_requests(requests)
    box.type("어텐션을")
    box.press("End")  # 한글 입력의 keyup
    page.wait_for_function(FIRST_RESULT, timeout=30_000)
    first = page.locator(".md-search-result__item a").first.get_attribute("href")
    assert "/dl/attention/" in first


def test_a_query_fetches_only_some_of_the_term_shards(page, site_url, built_site):
    requests = watch(page)
    page.goto(site_url + "python/asterisk/", wait_until="networkidle")
    box = page.locator(".md-search__input")
    box.focus()
    box.type("kwargs")
    page.wait_for_function(FIRST_RESULT, timeout=30_000)
    fetched = {name for name in shard_requests(requests) if name.startswith("terms/")}
    shipped = list((built_site / "search" / "terms").glob("*.json"))
    assert 1 <= len(fetched) < len(shipped), (fetched, len(shipped))
    assert len(shard_requests(requests)) == len(set(shard_requests(requests))), (
        "같은 파일을 두 번 받았다"
    )


def test_the_search_shortcut_key_also_fetches_the_index(page, site_url):
    requests = watch(page)
    page.goto(site_url + "python/asterisk/", wait_until="networkidle")
    page.keyboard.press("/")  # Material 의 검색 단축키: 검색 창으로 초점을 옮긴다
    page.keyboard.type("배치")
    page.keyboard.press("End")
    page.wait_for_function(FIRST_RESULT, timeout=30_000)
    assert "docs.json" in shard_requests(requests)


def test_a_shared_search_link_fetches_the_index_at_once(page, site_url):
    requests = watch(page)
    page.goto(site_url + "?q=%EB%B0%B0%EC%B9%98", wait_until="load")  # ?q=배치
    page.wait_for_function(FIRST_RESULT, timeout=30_000)
    assert "docs.json" in shard_requests(requests)

"""조각 색인 검색 엔진(workers/shard-search.js)을 node 로 돌려 본다: 점수, 묶음, 검색 문법, 미리보기.

hooks/search_shards.py 로 작은 색인을 조각으로 나눈 뒤, 워커(korean-search.js + shard-search.js)에 Material 과 같은
메시지(SETUP, QUERY)를 보내 결과(RESULT)를 읽는다. fetch 는 파일을 읽는 것으로 바꾼다. 브라우저에서의 검색 전체는
tests/browser/test_search.py 가 골드 세트로 본다. node 가 없으면 건너뛴다.
"""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from hooks import search_shards as shards
from tests.conftest import ROOT

WORKERS = ROOT / "overrides" / "assets" / "javascripts" / "workers"
HARNESS = r"""
const fs = require("fs"), path = require("path")
const [workers, site, queries] = process.argv.slice(1)
const out = []
global.self = {
  location: { href: "file://" + path.join(site, "assets/javascripts/workers/korean-search.js"), search: "" },
  addEventListener: (type, listener) => { global.listener = listener },
  postMessage: message => out.push(message),
}
global.fetch = async url => {
  const file = new URL(url).pathname
  if (!fs.existsSync(file)) return { ok: false, status: 404 }
  return { ok: true, json: async () => JSON.parse(fs.readFileSync(file, "utf8")) }
}
global.importScripts = name =>
  eval.call(global, fs.readFileSync(path.join(workers, name), "utf8") + "\nglobal.ShardSearch = ShardSearch")
eval.call(global, fs.readFileSync(path.join(workers, "korean-search.js"), "utf8"))
const config = JSON.parse(fs.readFileSync(path.join(site, "search/search_index.json"), "utf8")).config
;(async () => {
  listener({ data: { type: 0, data: { config, docs: [], options: { suggest: true } } } })
  const answers = {}
  for (const query of JSON.parse(queries)) {
    out.length = 0
    listener({ data: { type: 2, data: query } })
    while (!out.some(message => message.type === 3)) await new Promise(resolve => setTimeout(resolve, 1))
    answers[query] = out.find(message => message.type === 3).data
  }
  console.log(JSON.stringify(answers))
})()
"""

LEXICON = {
    "vocabulary": sorted(
        [
            "배치",
            "정규화",
            "어텐션",
            "쿼리",
            "키",
            "층",
            "kwargs",
            "평균",
            "분산",
            "내적",
            "dot",
            "용어집",
            "은닉",
            "상태",
            "게이트",
            "망각",
            "셀",
            "입력",
            "출력",
        ]
    ),
    "suffixes": ["을", "를", "은", "는", "이", "가"],
    "forms": {},
    "compounds": {},
    "stop": ["왜"],
    "loanwords": {},
    "weak_loanwords": {},
    "terms": ["배치", "정규화", "어텐션"],
    "reference": ["gl/"],
    "whole_nouns": "어텐션쿼리",
}
PAD = "<p>다른 이야기</p>"
DOCS = [
    {"location": "bn/", "title": "배치 정규화", "text": "<p>배치 정규화는 평균을 뺀다.</p>"},
    {"location": "bn/#mean", "title": "평균", "text": PAD + "<p>배치 평균과 분산</p>" + PAD},
    {"location": "att/", "title": "어텐션", "text": "<p>쿼리 와 키. 배치 하나.</p>"},
    {"location": "att/#keys", "title": "키", "text": "<p>키와 쿼리의 내적</p>"},
    {"location": "py/", "title": "별표", "text": "<p>**kwargs 와 배치</p><p>정규화는 없다</p>"},
    {"location": "gl/", "title": "용어집", "text": "<p>풀이 모음</p>"},
    {"location": "gl/#용어-내적", "title": "내적", "text": "<p>dot product</p>"},
    {"location": "rnn/", "title": "순환", "text": "<p>은닉 상태 게이트 셀 망각</p>"},
    {"location": "io/", "title": "들어감", "text": "<p>입력</p>"},
    {"location": "out/", "title": "나감", "text": "<p>출력</p>"},
    *(
        {"location": f"more/{n}/", "title": f"배치 이야기 {n}", "text": "<p>배치 배치</p>"}
        for n in range(25)
    ),
]


@pytest.fixture(scope="module")
def ask(tmp_path_factory):
    node = shutil.which("node")
    if node is None:
        pytest.skip(
            "node 가 없다 — 검색 엔진은 브라우저 테스트(tests/browser/test_search.py)가 본다"
        )
    site = tmp_path_factory.mktemp("site")
    (site / "search").mkdir()
    config = {
        "lang": ["ko"],
        "separator": r"[\s\-]+",
        "pipeline": [" "],
        "fields": {"title": {"boost": 1000.0}, "text": {"boost": 1.0}},
        "korean": LEXICON,
    }
    path = site / "search" / "search_index.json"
    path.write_text(json.dumps({"config": config, "docs": DOCS}, ensure_ascii=False))
    shards.write_shards(path, cache_dir=None)

    def run(*queries: str) -> dict:
        result = subprocess.run(
            [node, "-e", HARNESS, str(WORKERS), str(site), json.dumps(queries, ensure_ascii=False)],
            capture_output=True,
            text=True,
            check=True,
        )
        return json.loads(result.stdout)

    return run


def pages(answer: dict) -> list[str]:
    return [items[0]["location"] for items in answer["items"]]


def test_a_title_match_ranks_first_and_results_are_grouped_by_page(ask):
    answer = ask("정규화")["정규화"]
    assert pages(answer)[:2] == ["bn/", "py/"]  # 제목에 든 페이지가 본문에만 든 페이지보다 먼저
    assert all(len({i["location"].split("#")[0] for i in items}) == 1 for items in answer["items"])


def test_a_page_whose_head_did_not_match_still_gets_its_head_with_score_zero(ask):
    answer = ask("분산")["분산"]
    (items,) = answer["items"]
    assert [i["location"] for i in items] == ["bn/#mean", "bn/"]
    assert items[1]["score"] == 0


def test_required_and_prohibited_terms(ask):
    found = ask("+쿼리 배치", "평균", "평균 -정규화")
    assert pages(found["+쿼리 배치"]) == ["att/"]  # 쿼리가 없는 페이지는 빠진다
    assert {i["location"]: i["score"] > 0 for i in found["평균"]["items"][0]} == {
        "bn/": True,
        "bn/#mean": True,
    }
    # bn/ 머리 절에는 '정규화'가 있어 빠지고, 묶음을 채우려고 점수 0 으로만 붙는다
    (items,) = found["평균 -정규화"]["items"]
    assert [(i["location"], i["score"] > 0) for i in items] == [("bn/#mean", True), ("bn/", False)]


def test_the_preview_shows_the_matching_blocks_with_marks(ask):
    answer = ask("분산")["분산"]
    section = answer["items"][0][0]
    assert (
        section["text"] == "<p>배치 평균과 <mark>분산</mark></p>"
    )  # 맞은 블록만, 앞뒤 블록은 빼고


def test_pages_below_the_preview_cut_have_a_title_and_no_text(ask):
    answer = ask("배치")["배치"]
    assert len(answer["items"]) == 28  # 맞은 페이지는 모두 센다(노트 3 + 이야기 25)
    previewed, rest = answer["items"][:20], answer["items"][20:]
    assert all(items[0]["text"] for items in previewed)
    assert all(len(items) == 1 and items[0]["text"] == "" for items in rest)
    assert {items[0]["location"] for items in rest} >= {
        "bn/",
        "att/",
        "py/",
    }  # 점수가 낮은 진짜 노트
    assert all(items[0]["title"] for items in rest)


def test_the_suggestion_completes_the_word_from_a_matching_title(ask):
    assert ask("어텐")["어텐"]["suggest"] == ["어텐션"]


def test_an_empty_query_fetches_nothing_and_finds_nothing(ask):
    assert ask("")[""] == {"items": []}


def test_three_site_words_that_never_meet_in_one_section_are_another_topic(ask):
    found = ask("kwargs 쿼리 분산", "배치 평균 분산", "쿼리 키 kwargs")
    assert found["kwargs 쿼리 분산"]["items"] == []  # 세 낱말이 서로 다른 페이지에 흩어져 있다
    assert pages(found["배치 평균 분산"])[0] == "bn/#mean"  # 한 절에 함께 있다
    assert "att/#keys" in pages(found["쿼리 키 kwargs"])  # 둘만 함께 있어도 주제 안이다


def test_two_bare_site_nouns_that_never_share_a_page_are_another_topic(ask):
    found = ask("쿼리 분산", "평균 배치", "어텐션 키", "쿼리를 분산")
    assert found["쿼리 분산"]["items"] == []  # 쿼리는 att/ 에만, 분산은 bn/ 에만 있다
    assert pages(found["평균 배치"])[0] == "bn/#mean"
    assert pages(found["어텐션 키"]) == ["att/"]  # 같은 페이지의 다른 절이면 주제 안이다
    assert found["쿼리를 분산"]["items"]  # 조사가 붙은 말은 문장처럼 묻는 것이라 보지 않는다


def test_four_site_words_need_one_page_with_all_but_one_of_them(ask):
    found = ask("쿼리 키 평균 분산", "배치 평균 분산 정규화")
    assert found["쿼리 키 평균 분산"]["items"] == []  # 두 낱말씩 두 페이지에 흩어져 있다
    assert pages(found["배치 평균 분산 정규화"])[0].startswith("bn/")


def test_a_glossary_entry_found_first_yields_to_the_page_that_uses_the_term(ask):
    found = ask("내적", "용어집", "dot")
    # 제목으로 맞은 용어 줄보다 그 말을 쓰는 노트가 먼저
    assert pages(found["내적"]) == ["att/#keys", "gl/#용어-내적"]
    assert pages(found["용어집"])[0] == "gl/"  # 페이지 제목으로 찾으면 그대로
    assert pages(found["dot"]) == ["gl/#용어-내적"]  # 그 말을 쓰는 다른 페이지가 없으면 그대로


def test_a_word_that_matches_nothing_does_not_make_two_words_strangers(ask):
    # 쿼리는 att/ 에 있고, 층은 사이트 낱말이지만 어느 절에도 없다: 흩어졌다고 할 수 없다
    assert pages(ask("쿼리 층")["쿼리 층"])[0].startswith("att/")


def test_a_page_with_more_of_the_readers_words_comes_first(ask):
    # more/* 는 제목에 '배치'가 있어 점수가 높지만 '분산'이 없다. 두 낱말이 다 있는 bn/ 이 먼저다
    found = ask("배치 분산")
    assert pages(found["배치 분산"])[0] == "bn/"
    assert "bn/#mean" in [i["location"] for i in found["배치 분산"]["items"][0]]


def test_a_missing_word_found_on_a_single_other_page_makes_three_words_another_topic(ask):
    found = ask("쿼리 키 평균", "쿼리 키 내적", "쿼리 키 평균하는")
    # 쿼리·키는 att/ 에 함께 있지만 평균은 bn/ 한 페이지에만 있다: '드라이버 헤드 무게'와 같은 꼴
    assert found["쿼리 키 평균"]["items"] == []
    assert pages(found["쿼리 키 내적"])[0].startswith("att/")  # 세 낱말이 다 있는 페이지가 있다
    assert found["쿼리 키 평균하는"]["items"]  # 빠진 말이 서술어(평균하는)면 하려는 일일 뿐이다


def test_a_long_query_needs_one_page_with_seven_tenths_of_its_words(ask):
    found = ask("은닉 상태 게이트 셀 망각 입력 출력", "은닉 상태 입력 출력")
    # 일곱 낱말 가운데 다섯이 rnn/ 에 있다: 풀어 쓴 긴 질의의 몇 낱말은 노트가 다른 말로 쓴다
    assert pages(found["은닉 상태 게이트 셀 망각 입력 출력"])[0] == "rnn/"
    assert found["은닉 상태 입력 출력"]["items"] == []  # 네 낱말은 여전히 하나만 빠져야 한다


def test_a_missing_word_on_a_single_other_page_does_not_scatter_a_longer_query(ask):
    # 네 낱말이 bn/ 에 있고 쿼리만 att/ 에 있다: 세 낱말 질의와 달리 다른 분야의 말이라는 근거가 못 된다
    assert pages(ask("배치 정규화 평균 분산 쿼리")["배치 정규화 평균 분산 쿼리"])[0] == "bn/"


def test_a_word_only_the_glossary_has_is_a_variant_not_another_topic(ask):
    # dot 은 용어집에만 있다(내적의 영어): '쿼리 키 dot'은 흩어진 세 낱말이 아니라 다른 표기로 물은 것이다
    assert pages(ask("쿼리 키 dot")["쿼리 키 dot"])[0].startswith("att/")


def test_light_search_words_do_not_count_toward_covering_the_query(tmp_path):
    # 무게 1 미만의 검색어(의도 낱말 0.2)는 페이지가 질의를 얼마나 담았는지 셀 때 빼고, 무게 1 이상인 것만 센다
    node = shutil.which("node")
    if node is None:
        pytest.skip("node 가 없다")
    script = (
        "eval(require('fs').readFileSync(process.argv[1], 'utf8') + '; global.S = ShardSearch');"
        "console.log(JSON.stringify(S.coverageGroups([{term: 'a', boost: 1, group: 0},"
        " {term: 'b', boost: 0.2, group: 1}, {term: 'c', boost: 2, group: 2}, {term: 'd', boost: 0, group: 3}])))"
    )
    out = subprocess.run(
        [node, "-e", script, str(WORKERS / "shard-search.js")],
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(out.stdout) == [["a", 0], ["c", 2]]


def test_a_missing_word_does_not_scatter_a_query_with_a_code_name(ask):
    # kwargs 가 섞인 세 낱말: 빠진 명사 하나로 다른 분야라고 보는 기준은 한글 명사 셋에만 쓴다
    assert ask("kwargs 배치 평균")["kwargs 배치 평균"]["items"]


def test_a_dictionary_noun_is_not_split_into_site_words(ask):
    found = ask("쿼리어텐션", "어텐션쿼리")
    assert pages(found["쿼리어텐션"])[0] == "att/"  # 읽는 이가 붙여 쓴 말: 쿼리 + 어텐션
    # 사전에 낱말 하나로 있는 말(whole_nouns)은 나누지 않는다
    assert found["어텐션쿼리"]["items"] == []

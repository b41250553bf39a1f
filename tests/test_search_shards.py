"""조각 색인(hooks/search_shards.py): 낱말, 점수, 조각 나누기, 다시 모으기.

점수가 Material(lunr 2.3.9, b = 0)과 같은지는 손으로 계산한 값과 비교한다. 브라우저에서 찾는 일 전체는
tests/browser/test_search.py 가 골드 세트로 본다.
"""

from __future__ import annotations

import json
import math
import re

import pytest
from mkdocs.exceptions import PluginError

from hooks import search_shards as shards

SEPARATOR = re.compile(r"[\s\-]+")
CONFIG = {
    "lang": ["ko"],
    "separator": r"[\s\-]+",
    "pipeline": [" "],
    "fields": {"title": {"boost": 1000.0}, "text": {"boost": 1.0}, "tags": {"boost": 1000.0}},
}


def idf(total: int, having: int) -> float:
    return math.log(1 + abs((total - having + 0.5) / (having + 0.5)))


def test_tokens_drop_markup_split_on_the_separator_and_lower_case():
    html = "<p>Batch-Norm 은 <code>nn.BatchNorm1d</code>로</p>\n<p>층  정규화</p>"
    assert shards.tokens(html, SEPARATOR) == [
        "batch",
        "norm",
        "은",
        "nn.batchnorm1d",
        "로",
        "층",
        "정규화",
    ]


def test_tokens_of_a_tag_list_and_of_a_missing_field():
    assert shards.tokens(["파이토치", "딥러닝"], SEPARATOR) == ["파이토치", "딥러닝"]
    assert shards.tokens(None, SEPARATOR) == []


def test_rounding_matches_javascript_math_round():
    # Python 의 round 는 짝수 쪽으로, Math.round 는 위로 반올림한다: 0.0125 → 0.013 이어야 한다
    assert shards.lunr_round(0.0125) == 0.013
    assert shards.lunr_round(2.0004) == 2.0


def test_scores_follow_lunr_bm25_with_no_length_normalisation():
    docs = [
        {"location": "a/", "title": "어텐션", "text": "<p>어텐션 어텐션 키</p>"},
        {"location": "b/", "title": "배치", "text": "<p>키</p>", "boost": 0.3},
    ]
    scores = shards.term_scores(docs, CONFIG)
    # '어텐션': 절 a 의 제목(tf 1)과 본문(tf 2). (절, 필드) 두 곳에 있으므로 n = 2, N = 2.
    w = idf(2, 2)
    title = shards.lunr_round(w * 2.2 * 1 / (1.2 + 1) * 1000)
    text = shards.lunr_round(w * 2.2 * 2 / (1.2 + 2) * 1)
    assert scores["어텐션"] == {0: round((title + text) * 1000)}
    # '키': 두 절의 본문에 한 번씩. 절 b 는 무게 0.3 을 받는다.
    w = idf(2, 2)
    assert scores["키"] == {
        0: round(shards.lunr_round(w * 1.0) * 1000),
        1: round(shards.lunr_round(w * 1.0 * 0.3) * 1000),
    }


def test_a_missing_field_boost_counts_as_one():
    config = {**CONFIG, "fields": {"text": {}}}
    scores = shards.term_scores([{"location": "a/", "title": "", "text": "키"}], config)
    assert scores["키"] == {0: round(shards.lunr_round(idf(1, 1)) * 1000)}


def test_postings_are_written_as_gaps():
    assert shards.encoded({7: 10, 2: 5, 30: 1}) == [2, 5, 5, 10, 23, 1]


def lookup(manifest: dict, term: str, prefix: bool) -> list[int]:
    """shard-search.js 의 shardsFor 와 같은 규칙(브라우저가 조각 파일을 고르는 방법)."""
    first = term[0]
    if first in manifest["chars"]:
        return [manifest["chars"][first]]
    pairs = manifest["pairs"].get(first)
    if pairs is None:
        return []
    if len(term) == 1:
        return sorted(set(pairs.values())) if prefix else [pairs[""]] if "" in pairs else []
    return [pairs[term[1]]] if term[1] in pairs else []


def test_every_term_is_found_in_the_file_the_browser_would_open(monkeypatch):
    monkeypatch.setattr(shards, "SHARD_BYTES", 60)  # 작은 문턱: 첫 글자 묶음이 두 글자로 나뉜다
    postings = {
        "어": [0, 1],
        "어텐션": [0, 5, 1, 7],
        "어휘": [2, 3],
        "어텐션은": [4, 4],
        "배치": [0, 9],
        "batch": [1, 2],
        "b": [3, 3],
    }
    groups = shards.shard_groups(postings)
    assert "어텐" in groups and "어 " in groups  # '어'는 두 글자로 나뉘었다
    files, where = shards.pack(groups)
    manifest = shards.manifest(where)
    for term in postings:
        holders = [n for n in lookup(manifest, term, prefix=False) if term in files[n]]
        assert holders, f"{term} 이 든 조각을 찾지 못했다"
    # 앞부분 일치 '어' 는 '어'로 시작하는 낱말이 든 파일을 모두 연다
    opened = {t for n in lookup(manifest, "어", prefix=True) for t in files[n]}
    assert {"어", "어텐션", "어휘", "어텐션은"} <= opened


def test_a_repeated_location_replaces_the_earlier_section_and_is_not_a_page_head():
    docs = [
        {"location": "demo/", "title": "데모", "text": "In [1]"},
        {"location": "demo/", "title": "데모¶", "text": "<p>소개</p>"},
        {"location": "demo/#a", "title": "A", "text": ""},
    ]
    kept, replaced = shards.merge_repeated(docs)
    assert [d["title"] for d in kept] == ["데모¶", "A"]
    assert replaced == [0]


def test_a_title_section_right_after_the_page_head_joins_the_head():
    # 노트북: 첫 코드 셀(머리, 페이지 제목) 뒤에 같은 제목의 h1 절
    docs = [
        {"location": "demo/", "title": "데모", "text": "In [1]", "keywords": "import"},
        {"location": "demo/#데모", "title": "데모", "text": "<p>소개</p>", "keywords": "소개"},
        {"location": "demo/#a", "title": "데모", "text": "A"},
        {"location": "note/", "title": "노트", "text": ""},
        {"location": "note/#b", "title": "노트 더 보기", "text": "B"},
    ]
    kept = shards.merge_title_section(docs)
    assert [d["location"] for d in kept] == ["demo/", "demo/#a", "note/", "note/#b"]
    assert kept[0]["text"] == "In [1] <p>소개</p>" and kept[0]["keywords"] == "import 소개"


def test_sections_of_a_page_must_be_next_to_each_other():
    docs = [{"location": "a/"}, {"location": "b/"}, {"location": "a/#x"}]
    with pytest.raises(PluginError, match="a/#x"):
        shards.pages_of(docs)


def write_index(tmp_path, docs) -> object:
    search = tmp_path / "search"
    search.mkdir(parents=True)
    path = search / "search_index.json"
    config = {**CONFIG, "korean": {"vocabulary": ["어텐션"]}}
    path.write_text(json.dumps({"config": config, "docs": docs}, ensure_ascii=False))
    return path


def test_write_shards_leaves_only_config_in_the_index_and_the_docs_come_back(tmp_path):
    docs = [
        {"location": "a/", "title": "어텐션", "text": "<p>가</p>", "tags": ["딥러닝"]},
        {"location": "a/#b", "title": "키", "text": "<p>나 다</p>"},
        {"location": "c/", "title": "배치", "text": "<p>라</p>", "boost": 0.3},
    ]
    path = write_index(tmp_path, docs)
    stats = shards.write_shards(path, cache_dir=tmp_path / "cache")
    index = json.loads(path.read_text(encoding="utf-8"))
    assert index["docs"] == []
    assert "korean" not in index["config"]
    assert set(index["config"]["shards"]) == {"version", "docs", "fields"}
    assert json.loads((path.parent / "lexicon.json").read_text()) == {"vocabulary": ["어텐션"]}
    assert stats["pages"] == 2
    assert shards.load_docs(tmp_path) == [
        {"location": "a/", "title": "어텐션", "text": "<p>가</p>", "tags": ["딥러닝"]},
        {"location": "a/#b", "title": "키", "text": "<p>나 다</p>"},
        {"location": "c/", "title": "배치", "text": "<p>라</p>"},
    ]


def test_the_version_changes_with_the_content(tmp_path):
    one = write_index(tmp_path / "one", [{"location": "a/", "title": "가", "text": ""}])
    two = write_index(tmp_path / "two", [{"location": "a/", "title": "나", "text": ""}])
    versions = []
    for path in (one, two):
        shards.write_shards(path, cache_dir=None)
        versions.append(json.loads(path.read_text())["config"]["shards"]["version"])
    assert versions[0] != versions[1]


def test_an_index_without_query_rules_is_refused(tmp_path):
    search = tmp_path / "search"
    search.mkdir()
    (search / "search_index.json").write_text(json.dumps({"config": CONFIG, "docs": []}))
    with pytest.raises(PluginError, match="korean_search"):
        shards.write_shards(search / "search_index.json", cache_dir=None)


def test_an_unchanged_index_reuses_the_last_result(tmp_path, monkeypatch):
    docs = [{"location": "a/", "title": "어텐션", "text": "<p>가</p>"}]
    first = write_index(tmp_path / "first", docs)
    shards.write_shards(first, cache_dir=tmp_path / "cache")
    written = {p.relative_to(first.parent): p.read_bytes() for p in first.parent.rglob("*.json")}

    def no_scoring(*args):
        raise AssertionError("같은 색인인데 점수를 다시 계산했다")

    monkeypatch.setattr(shards, "term_scores", no_scoring)
    again = write_index(tmp_path / "again", docs)
    shards.write_shards(again, cache_dir=tmp_path / "cache")
    assert {
        p.relative_to(again.parent): p.read_bytes() for p in again.parent.rglob("*.json")
    } == written
    changed = write_index(tmp_path / "changed", [{**docs[0], "title": "배치"}])
    with pytest.raises(AssertionError, match="다시 계산"):
        shards.write_shards(changed, cache_dir=tmp_path / "cache")

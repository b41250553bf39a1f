"""hooks/glossary.py 의 검색 절: 용어 표의 줄마다 이름표가 있고, 검색 색인에서는 용어마다 절이 하나다."""

from __future__ import annotations

from hooks.glossary import TABLE_HEADER, Term, render_table, search_sections, term_anchor

TERMS = [
    Term(ko="배치 정규화", en="batch normalization", abbr="BN", note="미니배치의 평균과 분산으로"),
    Term(ko="허 초기화", en="He initialization", aliases=("He 초기화",)),
]
HEAD = "<p>노트 전체가 이 표의 권장 표기를 쓴다.</p> " + " ".join(TABLE_HEADER) + " 배치 정규화 ..."


def test_every_table_row_carries_the_anchor_that_search_results_link_to():
    table = render_table(TERMS)
    assert term_anchor(TERMS[0]) == "용어-배치-정규화"
    assert '| <span id="용어-배치-정규화"></span>배치 정규화 | batch normalization | BN |' in table
    assert '<span id="용어-허-초기화"></span>허 초기화 · He 초기화 |' in table


def test_the_glossary_head_loses_the_table_and_each_term_becomes_a_section(tmp_path):
    docs = [
        {"location": "glossary/", "title": "용어집", "text": HEAD, "boost": 0.3, "tags": ["안내"]},
        {"location": "other/", "title": "다른 노트", "text": "<p>배치 정규화</p>"},
    ]
    out = search_sections(docs, TERMS)
    assert out[0]["text"] == "<p>노트 전체가 이 표의 권장 표기를 쓴다.</p>"
    assert out[0]["glossary"] is True  # hooks/korean_search.py 가 풀이만 모은 페이지로 안다
    assert out[1] == {
        "location": "glossary/#용어-배치-정규화",
        "title": "배치 정규화",
        "text": "<p>batch normalization. BN. 미니배치의 평균과 분산으로</p>",
        "boost": 0.3,
        "tags": ["안내"],
    }
    assert out[2]["title"] == "허 초기화 · He 초기화"
    assert out[3]["location"] == "other/"  # 다른 페이지는 그대로, 제자리에


def test_sections_without_the_table_are_left_alone():
    docs = [{"location": "glossary/", "title": "용어집", "text": "<p>표가 없다</p>"}]
    assert search_sections([dict(d) for d in docs], TERMS) == docs


def test_the_index_file_is_split_only_when_it_holds_the_table(tmp_path, monkeypatch):
    import json

    from hooks import glossary

    monkeypatch.setattr(glossary, "load_terms", lambda: TERMS)
    path = tmp_path / "search_index.json"
    plain = {"config": {}, "docs": [{"location": "a/", "title": "가", "text": "<p>글</p>"}]}
    path.write_text(json.dumps(plain, ensure_ascii=False), encoding="utf-8")
    before = path.read_bytes()
    glossary.split_glossary_in_index(path)
    assert path.read_bytes() == before  # 표가 없으면 파일을 건드리지 않는다
    table = {"config": {}, "docs": [{"location": "glossary/", "title": "용어집", "text": HEAD}]}
    path.write_text(json.dumps(table, ensure_ascii=False), encoding="utf-8")
    glossary.split_glossary_in_index(path)
    docs = json.loads(path.read_text(encoding="utf-8"))["docs"]
    assert [d["location"] for d in docs] == [
        "glossary/",
        "glossary/#용어-배치-정규화",
        "glossary/#용어-허-초기화",
    ]

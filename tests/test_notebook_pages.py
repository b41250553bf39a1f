"""hooks/notebook_pages.py: 노트북 페이지의 박힌 그림을 파일로 꺼내고, 바깥을 부르는 스크립트를 빼고,
제목에 노트와 같은 id 를 붙이며 검색 색인에 넣을 것을 고른다."""

from __future__ import annotations

import base64
from types import SimpleNamespace

from hooks import notebook_pages

SVG = b'<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"><rect width="4" height="4"/></svg>'


def render(html, tmp_path, src_uri="demo/nb.ipynb", url="demo/nb/"):
    page = SimpleNamespace(file=SimpleNamespace(src_uri=src_uri), url=url)
    return notebook_pages.on_post_page(html, page, {"site_dir": str(tmp_path)})


def test_inlined_svg_becomes_a_file_and_keeps_its_palette_fragment(tmp_path):
    data = base64.b64encode(SVG).decode()
    html = f'<img src="data:image/svg+xml;base64,{data}#only-dark" alt="그림 설명">'
    out = render(html, tmp_path)
    files = list((tmp_path / "figures" / "notebooks").iterdir())
    assert len(files) == 1 and files[0].read_bytes() == SVG
    assert out == f'<img src="../../figures/notebooks/{files[0].name}#only-dark" alt="그림 설명">'


def test_scripts_that_reach_outside_are_removed_and_others_kept(tmp_path):
    cdn = '<script type="module">await import("https://cdnjs.cloudflare.com/x.mjs")</script>'
    mathjax = '<script type="text/x-mathjax-config">init_mathjax()</script>'
    empty = '<script src=""> </script>'
    own = '<script src="../../assets/javascripts/bundle.js"></script>'
    out = render(cdn + mathjax + empty + own, tmp_path)
    assert out == own


def test_markdown_pages_are_left_alone(tmp_path):
    html = '<img src="data:image/png;base64,AAAA"><script src=""></script>'
    assert render(html, tmp_path, src_uri="dl/attention.md", url="dl/attention/") == html
    assert not (tmp_path / "figures").exists()


# ---------------------------------------------------------------------------
# 제목의 id, 목차, 검색
# ---------------------------------------------------------------------------

NOTEBOOK_HTML = (
    '<div class="jp-Cell jp-MarkdownCell"><h1 id="">트랜스포머 데모<a class="anchor-link" href="#">¶</a></h1>'
    '<h2 id="1">1. 숫자를 읽기<a class="anchor-link" href="#1">¶</a></h2></div>'
    '<div class="jp-InputPrompt jp-InputArea-prompt">In [1]:</div>'
    '<div class="jp-CodeMirrorEditor jp-Editor jp-InputArea-editor"><pre>import torch</pre></div>'
    '<div class="clipboard-copy-txt" id="cell-1">import torch</div>'
    '<h2 id="">지도 &amp; 표<a class="anchor-link" href="#">¶</a></h2>'
    '<h3 id="">지도 &amp; 표<a class="anchor-link" href="#">¶</a></h3>'
)


def notebook_page(src_uri="demo/nb.ipynb"):
    from mkdocs.structure.toc import get_toc

    tokens = [
        {"level": 1, "id": "", "name": "트랜스포머 데모", "children": [
            {"level": 2, "id": "_1", "name": "1. 숫자를 읽기", "children": []},
            {"level": 2, "id": "_2", "name": "지도 &amp; 표", "children": [
                {"level": 3, "id": "_3", "name": "지도 &amp; 표", "children": []},
            ]},
        ]},
    ]  # fmt: skip
    url = src_uri.rsplit(".", 1)[0] + "/"
    return SimpleNamespace(
        file=SimpleNamespace(src_uri=src_uri), url=url, toc=get_toc(tokens), meta={}
    )


def content(page, html=NOTEBOOK_HTML):
    from pymdownx.slugs import slugify

    config = {
        "mdx_configs": {
            "toc": {"slugify": slugify(case="lower"), "permalink_title": "이 제목의 링크"}
        }
    }
    return notebook_pages.on_page_content(html, page, config, None)


def test_notebook_headings_get_the_same_ids_as_notes_and_the_toc_follows():
    page = notebook_page()
    out = content(page)
    ids = [
        "트랜스포머-데모",
        "1-숫자를-읽기",
        "지도--표",
        "지도--표_1",
    ]  # 노트의 toc 와 같은 slugify
    for ident in ids:
        assert f'id="{ident}"' in out
        assert f'<a class="headerlink" href="#{ident}" title="이 제목의 링크">¶</a>' in out
    assert 'id=""' not in out and "anchor-link" not in out

    def anchors(items):
        return [a for item in items for a in [item.url, *anchors(item.children)]]

    assert anchors(page.toc) == [f"#{ident}" for ident in ids]


def test_notebook_code_inputs_stay_out_of_the_page_html_search_and_the_page_ranks_below_notes():
    page = notebook_page()
    out = content(page)
    for block in ("jp-InputPrompt", "jp-CodeMirrorEditor", "clipboard-copy-txt"):
        assert f"{block}" in out and out.count("data-search-exclude") == 3
    assert page.meta["search"]["boost"] == notebook_pages.NOTEBOOK_SEARCH_BOOST < 1


def test_code_inputs_are_searched_under_the_heading_above_them(tmp_path, monkeypatch):
    monkeypatch.setattr(notebook_pages, "CODE_CACHE", tmp_path / "notebook-code.json")
    notebook_pages.on_pre_build({})
    content(notebook_page())
    # 첫 제목(h1)의 절은 색인에서 페이지 머리라 주소에 id 가 없다. 코드는 바로 위의 h2 절로 간다
    assert notebook_pages.code_by_section == {"demo/nb/#1-숫자를-읽기": ["import torch"]}
    docs = [
        {"location": "demo/nb/", "text": "<p>머리</p>"},
        {"location": "demo/nb/#1-숫자를-읽기", "text": "<p>글</p>"},
    ]
    notebook_pages.attach_code_to_sections(
        docs, {"demo/nb/#1-숫자를-읽기": ["x = a < b"]}, tmp_path / "search_index.json"
    )
    assert docs[1]["text"] == "<p>글</p><pre><code>x = a &lt; b</code></pre>"
    assert docs[0]["text"] == "<p>머리</p>"


def test_code_for_a_section_missing_from_the_index_stops_the_build(tmp_path):
    import pytest
    from mkdocs.exceptions import PluginError

    with pytest.raises(PluginError, match="demo/nb/#없는-절"):
        notebook_pages.attach_code_to_sections(
            [{"location": "demo/nb/", "text": ""}], {"demo/nb/#없는-절": ["x"]}, tmp_path / "i.json"
        )
    # 색인에 페이지가 아예 없으면(지운 노트북의 지난 기록) 건너뛴다
    docs = [{"location": "dl/a/", "text": ""}]
    notebook_pages.attach_code_to_sections(docs, {"old/nb/#절": ["x"]}, tmp_path / "i.json")
    assert docs == [{"location": "dl/a/", "text": ""}]


def test_a_toc_heading_missing_from_the_html_stops_the_build():
    import pytest
    from mkdocs.exceptions import PluginError

    page = notebook_page()
    with pytest.raises(PluginError, match="demo/nb.ipynb"):
        content(page, NOTEBOOK_HTML.replace("1. 숫자를 읽기", "1. 다른 제목"))


def test_markdown_pages_keep_their_headings():
    page = notebook_page(src_uri="dl/attention.md")
    assert content(page) == NOTEBOOK_HTML


def test_a_dirty_build_keeps_the_code_of_notebooks_it_did_not_redraw(tmp_path, monkeypatch):
    # mkdocs serve --dirty 는 고친 페이지만 다시 그린다: 지난 빌드의 노트북 코드를 파일에서 다시 읽는다
    cache = tmp_path / "notebook-code.json"
    cache.write_text('{"other/nb/#a": ["x = 1"], "demo/nb/#old": ["y = 2"]}', encoding="utf-8")
    monkeypatch.setattr(notebook_pages, "CODE_CACHE", cache)
    notebook_pages.on_pre_build({})
    content(notebook_page())  # demo/nb/ 를 다시 그렸다: 그 페이지의 지난 기록은 새것으로 바뀐다
    assert notebook_pages.code_by_section == {
        "other/nb/#a": ["x = 1"],
        "demo/nb/#1-숫자를-읽기": ["import torch"],
    }

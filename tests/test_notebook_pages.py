"""hooks/notebook_pages.py: 노트북 페이지의 박힌 그림을 파일로 꺼내고, 바깥을 부르는 스크립트를 뺀다."""

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

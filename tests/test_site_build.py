"""사이트가 strict 로 빌드되고, 망가진 노트는 노트 이름을 대며 빌드를 멈춘다."""

from __future__ import annotations

import re

import pytest

from hooks.search_shards import load_docs
from tests.conftest import run_mkdocs_build

pytestmark = pytest.mark.build


def test_every_page_is_korean(built_site):
    pages = list(built_site.rglob("index.html"))
    assert len(pages) >= 10
    for page in pages:
        head = page.read_text(encoding="utf-8")[:300]
        assert '<html lang="ko"' in head, page


def test_math_is_rendered_at_build_time(built_site):
    html = (built_site / "python/asterisk/index.html").read_text(encoding="utf-8")
    assert "<math" in html
    assert 'class="arithmatex"' not in html
    assert "\\(" not in html


def test_abbreviations_from_glossary_become_tooltips(built_site):
    html = (built_site / "glossary/index.html").read_text(encoding="utf-8")
    assert re.search(r'<abbr title="배치 정규화\(batch normalization\)">BN</abbr>', html)


# 페이지가 불러오는 자원(스크립트, 스타일, 글꼴, 이미지, 모듈 import)의 주소. 보통 링크(<a href>)와
# 페이지의 정식 주소(<link rel="canonical">)는 불러오는 것이 아니므로 뺀다.
CDN_HOSTS = ("cdnjs.cloudflare", "cdn.jsdelivr", "unpkg.com", "fonts.googleapis", "fonts.gstatic")
RESOURCE_URL = re.compile(
    r"""<(?:script|img|iframe|source|audio|video)\b[^>]*\bsrc=["']([^"']*)["']"""
    r"""|<link\b(?![^>]*\brel=["'](?:canonical|alternate)["'])[^>]*\bhref=["']([^"']*)["']"""
    r"""|\bimport\(\s*["']([^"']*)["']"""
    r"""|url\(\s*["']?(https?:[^"')]*)"""
)


def test_no_page_loads_anything_from_outside_the_site(built_site):
    """글꼴·수식·도표·스크립트 어느 것도 바깥(CDN, Google Fonts)에서 오지 않는다. 빈 src 도 없다."""
    outside = []
    for page in sorted(built_site.rglob("*.html")):
        for match in RESOURCE_URL.finditer(page.read_text(encoding="utf-8")):
            url = next(group for group in match.groups() if group is not None)
            if url == "" or re.match(r"(?:https?:)?//", url):
                outside.append(f"{page.relative_to(built_site)}: {match[0][:120]}")
        text = page.read_text(encoding="utf-8")
        outside += [f"{page.relative_to(built_site)}: {host}" for host in CDN_HOSTS if host in text]
    assert outside == []


def test_search_index_covers_the_asterisk_note(built_site):
    texts = " ".join(
        doc["title"] + " " + doc["text"]
        for doc in load_docs(built_site)
        if doc["location"].startswith("python/asterisk/")
    )
    assert "*args" in texts
    assert "가변 인자" in texts


def test_headings_get_readable_korean_slugs(built_site):
    html = (built_site / "python/asterisk/index.html").read_text(encoding="utf-8")
    assert 'id="함수를-정의할-때-매개변수의-종류"' in html


def append(note, text):
    with note.open("a", encoding="utf-8") as handle:
        handle.write(text)


def test_missing_snippet_section_names_the_note_and_line(project_copy):
    note = project_copy / "docs/python/asterisk.md"
    lines = note.read_text(encoding="utf-8").count("\n")
    append(note, '\n```python\n--8<-- "asterisk/unpacking.py:no_such_section"\n```\n')
    result = run_mkdocs_build(project_copy, project_copy / "site")
    assert result.returncode != 0
    assert f"docs/python/asterisk.md:{lines + 3}:" in result.stdout + result.stderr
    assert "no_such_section" in result.stdout + result.stderr


def test_missing_snippet_file_names_the_note(project_copy):
    append(
        project_copy / "docs/python/asterisk.md", '\n```python\n--8<-- "asterisk/gone.py"\n```\n'
    )
    result = run_mkdocs_build(project_copy, project_copy / "site")
    assert result.returncode != 0
    assert "docs/python/asterisk.md:" in result.stdout + result.stderr
    assert "snippets/asterisk/gone.py" in result.stdout + result.stderr


@pytest.mark.parametrize(
    ("link", "complaint"),
    [
        ("[끊긴 링크](no-such-note.md)", "no-such-note.md"),
        ("[없는 제목](#없는-제목)", "#없는-제목"),
        ("[다른 노트의 없는 제목](../dl/batch-norm.md#없는-절)", "없는-절"),
    ],
)
def test_broken_link_or_anchor_fails_the_strict_build(project_copy, link, complaint):
    append(project_copy / "docs/python/asterisk.md", f"\n{link}\n")
    result = run_mkdocs_build(project_copy, project_copy / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "python/asterisk.md" in output and complaint in output


def test_abbreviation_followed_by_a_korean_particle_gets_a_tooltip(built_site):
    html = (built_site / "index.html").read_text(encoding="utf-8")
    assert '<abbr title="게이트 순환 유닛(gated recurrent unit)">GRU</abbr>와' in html

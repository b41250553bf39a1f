"""사이트가 strict 로 빌드되고, 망가진 노트는 노트 이름을 대며 빌드를 멈춘다."""

from __future__ import annotations

import json
import re

import pytest

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


def test_no_page_links_to_google_fonts_or_a_cdn(built_site):
    for page in built_site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "fonts.googleapis" not in text, page
        assert "fonts.gstatic" not in text, page
        assert "cdn.jsdelivr" not in text and "unpkg.com" not in text, page


def test_search_index_covers_the_asterisk_note(built_site):
    index = json.loads((built_site / "search/search_index.json").read_text(encoding="utf-8"))
    texts = " ".join(
        doc["title"] + " " + doc["text"]
        for doc in index["docs"]
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

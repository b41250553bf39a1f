"""노트 검사 — nav(hooks/checks/nav.py): 모든 노트는 메뉴에서 닿고, 메뉴는 있는 파일만 가리킨다."""

from __future__ import annotations

from hooks import note_checks


def test_a_page_missing_from_the_nav_is_an_error_that_says_where_to_add_it():
    nav = [{"홈": "index.md"}, {"딥러닝": [{"배치 정규화": "dl/batch-norm.md"}]}]
    notes = ["index.md", "dl/batch-norm.md", "dl/layer-norm.md"]
    [problem] = note_checks.check_nav(notes, nav, set(notes))
    assert (problem.path, problem.line, problem.keyword) == ("docs/dl/layer-norm.md", 1, "nav")
    assert (
        "mkdocs.yml" in problem.fix
        and "'딥러닝:' 아래" in problem.fix
        and "dl/layer-norm.md" in problem.fix
    )


def test_a_nav_entry_for_a_missing_file_is_an_error():
    nav = [{"딥러닝": [{"배치 정규화": "dl/batch-norm.md"}, {"바깥": "https://pytorch.org"}]}]
    [problem] = note_checks.check_nav([], nav, set())
    assert problem.path == "mkdocs.yml" and "docs/dl/batch-norm.md" in problem.what

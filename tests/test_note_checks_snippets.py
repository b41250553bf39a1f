"""노트 검사 — 스니펫 포함(hooks/checks/snippets.py)과, 링크·앵커를 맡는 strict 빌드 설정."""

from __future__ import annotations

import pytest
import yaml

from hooks import note_checks
from tests.conftest import ROOT
from tests.note_check_helpers import BODY_START, check, note, only


@pytest.fixture(scope="module")
def rules():
    return note_checks.load_rules()


def test_a_missing_snippet_section_or_file_is_reported_with_its_line(rules):
    text = note(
        '# 제목\n\n```python\n--8<-- "asterisk/unpacking.py:no_such_section"\n```\n\n'
        '```python\n--8<-- "asterisk/gone.py"\n```\n'
    )
    problems = only(check(rules, text), "snippet")
    assert [p.line for p in problems] == [BODY_START + 3, BODY_START + 7]
    assert "[start:no_such_section]" in problems[0].fix
    assert "snippets/asterisk/gone.py" in problems[1].what


def test_links_anchors_and_snippets_are_checked_by_the_strict_build():
    # 끊긴 링크와 앵커는 MkDocs 의 validation 이 경고하고 --strict 가 실패로 만든다.
    # 빌드로 확인하는 테스트는 tests/test_site_build.py 에 있다(끊긴 링크, 없는 앵커, 없는 스니펫).
    config = yaml.load(
        (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), note_checks.MkDocsYamlLoader
    )
    validation = config["validation"]
    for key in ("omitted_files", "absolute_links", "unrecognized_links", "anchors"):
        assert validation[key] == "warn", key
    snippets = next(
        e for e in config["markdown_extensions"] if isinstance(e, dict) and "pymdownx.snippets" in e
    )
    assert snippets["pymdownx.snippets"]["check_paths"] is True
    # 렌더링 검사는 수식과 Mermaid 훅이 HTML 을 바꾸기 전에 돈다.
    hooks = config["hooks"]
    assert hooks.index("hooks/note_checks.py") < hooks.index("hooks/mermaid_svg.py")

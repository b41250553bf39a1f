"""노트 검사(hooks/note_checks.py): 입구 하나로 모든 검사가 돌고, 빌드와 명령줄이 같은 규칙을 쓴다.

검사마다의 테스트는 tests/test_note_checks_<모듈>.py 에 있다(hooks/checks/<모듈>.py 와 짝). 여기에는
좋은 노트가 통과하는지, 저장소의 모든 글이 통과하는지, 문제 한 줄의 모양, 빌드와 명령줄을 둔다.
끝의 몇 개만 저장소 사본을 strict 로 빌드해, 빌드가 경로와 줄 번호와 고칠 방법을 대며 멈추는지 본다.
"""

from __future__ import annotations

import re

import pytest

from hooks import note_checks
from hooks.note_checks import Note
from tests.conftest import run_mkdocs_build
from tests.note_check_helpers import BODY_START, DOCS, FRONT, GOOD_NOTE, LINE, check, note


@pytest.fixture(scope="module")
def rules():
    return note_checks.load_rules()


def test_a_good_note_passes_every_check(rules):
    assert check(rules, GOOD_NOTE) == []


def test_every_current_note_passes_the_checks(rules):
    notes = sorted(
        p.relative_to(DOCS).as_posix() for p in DOCS.rglob("*") if p.suffix in (".md", ".ipynb")
    )
    problems = note_checks.check_notes(DOCS, notes, rules)
    problems += note_checks.check_nav(notes, note_checks.load_nav(), set(notes))
    assert problems == [], "\n".join(map(str, problems))


def test_every_page_text_outside_the_notes_passes_the_checks(rules):
    # 스니펫의 주석·독스트링·출력과 용어집의 설명: 용어와 띄어쓰기(제41항, 제44항)가 0건이어야 한다.
    problems = note_checks.check_site_text(rules)
    assert problems == [], "\n".join(map(str, problems))


def test_the_whole_tree_has_no_drifting_terms_or_spaced_particles(rules):
    # 노트(글, 제목, 노트북)와 스니펫과 용어집 전체에서, 새 검사가 찾는 문제가 하나도 없다.
    notes = sorted(
        p.relative_to(DOCS).as_posix() for p in DOCS.rglob("*") if p.suffix in (".md", ".ipynb")
    )
    problems = note_checks.check_notes(DOCS, notes, rules) + note_checks.check_site_text(rules)
    kinds = {"glossary", "particle-spacing", "number-spacing"}
    found = [p for p in problems if p.keyword in kinds]
    assert found == [], "\n".join(map(str, found))


def test_every_problem_reads_path_line_what_keyword_and_fix(rules):
    text = note("<script>alert(1)</script>\n")
    [problem] = check(rules, text)
    assert str(problem) == (
        f"docs/dl/example.md:{BODY_START}: 노트에 쓸 수 없는 HTML 태그입니다: <script> (unsafe-html) — "
        + note_checks.TAG_ADVICE["script"]
    )
    assert LINE.match(str(problem))


# ---------------------------------------------------------------------------
# 빌드: 경로, 줄, 고칠 방법을 대며 멈추고, 문제를 한꺼번에 보여 준다
# ---------------------------------------------------------------------------


@pytest.mark.build
def test_the_build_reports_every_broken_note_at_once(project_copy):
    docs = project_copy / "docs"
    (docs / "dl" / "windows.md").write_bytes(
        note("# 윈도우\n\n메모장으로 저장한 노트\n").encode("cp949")
    )
    (docs / "dl" / "colon.md").write_text(
        "---\ntitle: 배치 정규화: 왜 필요한가\ndescription: 설명\ntags: [딥러닝]\n---\n\n본문\n",
        encoding="utf-8",
    )
    (docs / "dl" / "video.md").write_text(
        note('# 영상\n\n<iframe src="https://www.youtube.com/embed/x"></iframe>\n'),
        encoding="utf-8",
    )
    config = project_copy / "mkdocs.yml"
    extra = r"\1\2- 윈도우: dl/windows.md\n\2- 콜론: dl/colon.md\n\2- 영상: dl/video.md\n"
    text = re.sub(
        r"(\n( +)- [^\n]+: dl/batch-norm\.md\n)", extra, config.read_text(encoding="utf-8")
    )
    config.write_text(text, encoding="utf-8")
    (docs / "dl" / "orphan.md").write_text(note("# 고아\n\n메뉴에 없다.\n"), encoding="utf-8")

    result = run_mkdocs_build(project_copy, project_copy / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "노트 검사에서 문제 4개를 찾았습니다" in output
    assert "docs/dl/windows.md:2: 파일이 UTF-8이 아니라 CP949" in output
    assert "docs/dl/colon.md:2: front matter 의 YAML 을 읽을 수 없습니다" in output
    assert (
        f"docs/dl/video.md:{BODY_START + 2}: 노트에 쓸 수 없는 HTML 태그입니다: <iframe>" in output
    )
    assert (
        "docs/dl/orphan.md:1: 어느 메뉴(nav)에서도 닿지 않는 페이지입니다 (nav) — mkdocs.yml 의 nav:"
        in output
    )


def test_problems_found_after_rendering_stop_the_build_once_all_pages_are_done(tmp_path):
    from types import SimpleNamespace

    from mkdocs.exceptions import PluginError

    source = tmp_path / "x.md"
    source.write_text(note("# 제목\n\n문단\n"), encoding="utf-8")
    page = SimpleNamespace(file=SimpleNamespace(src_uri="dl/x.md", abs_src_path=str(source)))
    note_checks._rendered_problems.clear()
    html = '<p onclick="alert(1)">문단</p>'
    assert note_checks.on_page_content(html, page, None, None) == html
    with pytest.raises(
        PluginError, match=r"docs/dl/x.md:\d+: 스크립트를 실행하는 이벤트 처리 속성입니다: onclick="
    ):
        note_checks.on_env(None, None, None)
    note_checks._rendered_problems.clear()


@pytest.mark.build
def test_the_build_refuses_an_event_handler_added_with_attr_list(project_copy):
    note_path = project_copy / "docs" / "python" / "asterisk.md"
    text = note_path.read_text(encoding="utf-8")
    lines = text.count("\n")
    note_path.write_text(text + '\n클릭하면 실행된다\n{: onclick="alert(1)" }\n', encoding="utf-8")
    result = run_mkdocs_build(project_copy, project_copy / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert (
        f"docs/python/asterisk.md:{lines + 3}: 스크립트를 실행하는 이벤트 처리 속성입니다: onclick="
        in output
    )


def test_the_command_line_check_uses_the_same_rules(capsys):
    from tools import check_notes

    assert check_notes.main(["docs/python/asterisk.md"]) == 0
    assert "문제가 없습니다" in capsys.readouterr().out


def test_the_command_line_check_fails_with_the_same_messages(tmp_path, monkeypatch, capsys):
    from tools import check_notes

    (tmp_path / "docs" / "dl").mkdir(parents=True)
    (tmp_path / "docs" / "dl" / "bad.md").write_text(
        note("# 제목\n\n<iframe src=x></iframe>\n"), encoding="utf-8"
    )
    monkeypatch.setattr(check_notes, "ROOT", tmp_path)
    monkeypatch.setattr(check_notes, "DOCS", tmp_path / "docs")
    assert check_notes.main(["docs/dl/bad.md"]) == 1
    err = capsys.readouterr().err
    assert f"docs/dl/bad.md:{BODY_START + 2}: 노트에 쓸 수 없는 HTML 태그입니다: <iframe>" in err
    assert "docs/dl/bad.md:1: 어느 메뉴(nav)에서도 닿지 않는 페이지입니다" in err


def test_notes_are_checked_by_the_cli_when_mkdocs_yml_changes():
    from tools.check_notes import all_notes, pick

    assert pick(["mkdocs.yml"], all_notes())[0] == all_notes()
    assert pick(["docs/python/asterisk.md", "README.md"], all_notes())[0] == all_notes()
    assert pick(["docs/python/asterisk.md"], all_notes()) == (["python/asterisk.md"], [])


def test_a_note_object_keeps_line_numbers_when_code_is_blanked():
    text = FRONT + "```python\n<script>\n```\n`<b>` <i>기울임</i>\n"
    n = Note("dl/x.md", text)
    assert n.body.count("\n") == text.count("\n")
    assert "<script>" not in n.body and "<i>" in n.body


def test_the_cli_checks_the_snippets_it_is_given_and_everything_when_data_changes():
    from tools.check_notes import ROOT as CLI_ROOT
    from tools.check_notes import pick_snippets

    assert pick_snippets([]) is None  # 인자가 없으면 모두
    assert pick_snippets(["data/glossary.yml"]) is None  # 용어집이 바뀌면 모두
    assert pick_snippets(["docs/python/asterisk.md"]) == []  # 노트만
    given = pick_snippets(["snippets/asterisk/unpacking.py", "docs/index.md"])
    assert given == [CLI_ROOT / "snippets" / "asterisk" / "unpacking.py"]


def test_the_command_line_check_reports_a_spaced_particle_in_a_snippet(
    tmp_path, monkeypatch, capsys
):
    from tools import check_notes

    snippet = tmp_path / "snippets" / "x" / "y.py"
    snippet.parent.mkdir(parents=True)
    snippet.write_text('"""FFN 을 한꺼번에 돌린다."""\n', encoding="utf-8")
    (tmp_path / "docs").mkdir()
    monkeypatch.setattr(check_notes, "ROOT", tmp_path)
    monkeypatch.setattr(check_notes, "DOCS", tmp_path / "docs")
    monkeypatch.setattr(check_notes, "SNIPPETS", tmp_path / "snippets")
    assert check_notes.main([str(snippet)]) == 1
    err = capsys.readouterr().err
    assert "y.py:1: 조사를 앞말과 띄어 썼습니다: 'FFN 을' (particle-spacing)" in err


def test_the_command_line_fix_attaches_spaced_particles_in_prose_and_snippet_text(
    tmp_path, monkeypatch, capsys
):
    from tools import check_notes

    (tmp_path / "docs" / "dl").mkdir(parents=True)
    page = tmp_path / "docs" / "dl" / "x.md"
    page.write_text(
        note("# √d_k 로 나누기\n\n`x` 를 본다.\n\n```python\ny = 1  # 코드는 손으로\n```\n")
    )
    snippet = tmp_path / "snippets" / "x" / "y.py"
    snippet.parent.mkdir(parents=True)
    snippet.write_text('"""FFN 을 돈다."""\n\nx = 1  # torch 의 값\ny = x if x else 2\n')
    monkeypatch.setattr(check_notes, "ROOT", tmp_path)
    monkeypatch.setattr(check_notes, "DOCS", tmp_path / "docs")
    monkeypatch.setattr(check_notes, "SNIPPETS", tmp_path / "snippets")
    check_notes.main(["--fix", str(page), str(snippet)])
    assert "# √d_k로 나누기\n\n`x`를 본다." in page.read_text()
    assert snippet.read_text() == '"""FFN을 돈다."""\n\nx = 1  # torch의 값\ny = x if x else 2\n'
    assert "조사 2개를 붙였습니다" in capsys.readouterr().out

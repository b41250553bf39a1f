"""노트 검사 — 인코딩(hooks/checks/encoding.py): CP949 와 BOM 을 알아보고 고치는 법을 알린다."""

from __future__ import annotations

import pytest

from hooks import note_checks
from tests.note_check_helpers import GOOD_NOTE, check, note


@pytest.fixture(scope="module")
def rules():
    return note_checks.load_rules()


def test_mkdocs_alone_gives_no_reason_for_a_cp949_file(tmp_path):
    from mkdocs.structure.files import File

    (tmp_path / "x.md").write_bytes("# 제목\n".encode("cp949"))
    with pytest.raises(UnicodeDecodeError):
        File("x.md", str(tmp_path), str(tmp_path / "site"), False).content_string  # noqa: B018


def test_a_note_saved_as_cp949_is_refused_with_how_to_convert_it(rules):
    text = note("# 예시 노트\n\n한국어 Windows 메모장으로 저장했다.\n").encode("cp949")
    [problem] = check(rules, text)
    assert problem.keyword == "encoding" and problem.line == 2  # 한글이 처음 나오는 줄
    assert "CP949" in problem.what
    assert "Save with Encoding" in problem.fix and "iconv -f cp949 -t utf-8" in problem.fix


def test_a_byte_order_mark_is_refused(rules):
    [problem] = check(rules, b"\xef\xbb\xbf" + GOOD_NOTE.encode("utf-8"))
    assert (problem.line, problem.keyword) == (1, "encoding") and "BOM" in problem.what


def test_windows_line_endings_are_fine(rules):
    assert check(rules, GOOD_NOTE.replace("\n", "\r\n")) == []

"""노트 검사 — 그림(hooks/checks/images.py): 대체 텍스트, 1 MB 상한, 바깥 그림."""

from __future__ import annotations

import pytest

from hooks import note_checks
from tests.note_check_helpers import BODY_START, check, note


@pytest.fixture(scope="module")
def rules():
    return note_checks.load_rules()


def test_an_image_without_alt_text_is_refused(rules):
    problems = check(
        rules, note('# 제목\n\n![](../figures/x/a-light.svg#only-light)\n\n<img src="a.png">\n')
    )
    assert [(p.line, p.keyword) for p in problems] == [
        (BODY_START + 2, "image-alt"),
        (BODY_START + 4, "image-alt"),
    ]


def test_an_image_from_another_site_is_refused(rules):
    [problem] = check(rules, note("# 제목\n\n![로고](https://example.com/logo.png)\n"))
    assert problem.keyword == "remote-image" and "docs/" in problem.fix


def test_an_image_file_over_one_megabyte_is_refused(rules, tmp_path):
    (tmp_path / "dl").mkdir()
    (tmp_path / "dl" / "big.png").write_bytes(b"\x89PNG" + bytes(1_200_000))
    (tmp_path / "dl" / "small.png").write_bytes(b"\x89PNG" + bytes(1000))
    text = note("# 제목\n\n![작은 그림](small.png)\n\n![큰 그림](big.png)\n")
    [problem] = check(rules, text, docs=tmp_path)
    assert (problem.line, problem.keyword) == (BODY_START + 4, "image-size")
    assert "docs/dl/big.png" in problem.what and "1.1 MB" in problem.what
    # 노트가 싣지 않은 큰 그림 파일도 docs/ 에 두지 않는다.
    [loose] = note_checks.check_media_sizes(tmp_path, ["dl/big.png", "dl/small.png"], [])
    assert loose.path == "docs/dl/big.png"

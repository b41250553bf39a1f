"""노트 검사 — front matter(hooks/checks/front_matter.py): YAML, 필수 키, 태그, sources, 모르는 키."""

from __future__ import annotations

import pytest
from mkdocs.utils.meta import get_data

from hooks import note_checks
from tests.note_check_helpers import FRONT, check


@pytest.fixture(scope="module")
def rules():
    return note_checks.load_rules()


def test_mkdocs_alone_would_silently_drop_front_matter_with_bad_yaml():
    # 그래서 이 검사가 필요하다: MkDocs 는 메타데이터를 비우고 front matter 를 본문으로 보여 줄 뿐이다.
    text = "---\ntitle: 배치 정규화: 왜 필요한가\ntags: [딥러닝]\n---\n\n본문\n"
    body, meta = get_data(text)
    assert meta == {} and body.startswith("---")


@pytest.mark.parametrize(
    ("front_matter", "line", "fix"),
    [
        # 값 안의 콜론
        ("title: 배치 정규화: 왜 필요한가\ndescription: 설명\ntags: [딥러닝]", 2, "따옴표"),
        # 탭으로 들여쓴 목록
        ("title: 제목\ndescription: 설명\ntags:\n\t- 딥러닝", 5, "탭"),
        # 닫히지 않은 대괄호
        ("title: 제목\ndescription: 설명\ntags: [딥러닝, 정규화", 4, "닫혔는지"),
    ],
)
def test_front_matter_that_is_not_valid_yaml_is_refused_with_its_line(
    rules, front_matter, line, fix
):
    [problem] = check(rules, f"---\n{front_matter}\n---\n\n# 제목\n")
    assert problem.keyword == "front-matter" and problem.line == line
    assert "YAML" in problem.what and fix in problem.fix


def test_a_note_without_front_matter_is_refused(rules):
    [problem] = check(rules, "# 제목\n\n본문\n")
    assert (problem.line, problem.keyword) == (1, "front-matter")
    assert "tools/templates/note.md" in problem.fix


def test_an_unclosed_front_matter_is_refused(rules):
    [problem] = check(rules, "---\ntitle: 제목\ndescription: 설명\n\n# 제목\n")
    assert "닫히지 않았" in problem.what


def test_missing_description_and_tags_are_both_reported(rules):
    problems = check(rules, "---\ntitle: 제목\n---\n\n본문\n")
    assert sorted(p.what for p in problems) == [
        "front matter 에 필수 키가 없습니다: 'description'",
        "front matter 에 필수 키가 없습니다: 'tags'",
    ]


def test_title_may_come_from_the_first_heading_but_not_from_nowhere(rules):
    with_h1 = "---\ndescription: 설명\ntags:\n  - 딥러닝\n---\n\n# 본문의 제목\n"
    assert check(rules, with_h1) == []
    without = "---\ndescription: 설명\ntags:\n  - 딥러닝\n---\n\n본문만 있다.\n"
    [problem] = check(rules, without)
    assert "제목이 없습니다" in problem.what


def test_a_tag_outside_the_vocabulary_is_refused_on_its_own_line(rules):
    text = "---\ntitle: 제목\ndescription: 설명\ntags:\n  - 딥러닝\n  - 머신러닝\n---\n"
    [problem] = check(rules, text)
    assert (problem.line, problem.keyword) == (6, "tags")
    assert "data/tags.yml" in problem.fix and "딥러닝" in problem.fix


def test_tags_must_be_a_list(rules):
    [problem] = check(rules, "---\ntitle: 제목\ndescription: 설명\ntags: 딥러닝\n---\n")
    assert problem.line == 4 and "목록" in problem.what


def test_a_misspelt_key_is_refused_with_a_suggestion(rules):
    text = "---\ntitle: 제목\ndescription: 설명\ntag:\n  - 딥러닝\n---\n"
    problems = check(rules, text)
    unknown = [p for p in problems if "모르는 키" in p.what]
    assert unknown[0].line == 4 and "'tags'" in unknown[0].fix


def test_sources_are_a_list_of_title_and_url(rules):
    good = FRONT.replace(
        "---\n\n", "sources:\n  - title: 논문\n    url: https://arxiv.org/abs/1\n---\n\n"
    )
    assert check(rules, good + "# 제목\n") == []
    bad = FRONT.replace(
        "---\n\n", "sources:\n  - title: 논문\n    link: https://x\n  - 그냥 글\n---\n\n"
    )
    problems = check(rules, bad + "# 제목\n")
    assert [p.line for p in problems] == [7, 9]

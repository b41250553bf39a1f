"""모든 페이지가 두 팔레트 모두에서 독자에게 온전하게 보인다.

사이트 밖으로 요청하지 않고, 콘솔 오류·실패한 요청·깨진 이미지가 없으며, LaTeX 나 Markdown 원본이
글자 그대로 드러나지 않는다. 페이지는 conftest 의 site_survey 가 한 번씩만 연다.
"""

from __future__ import annotations

import pytest

SCHEMES = ["default", "slate"]


def problems(site_survey, scheme, attribute):
    return {
        r.path or "/": getattr(r, attribute) for r in site_survey[scheme] if getattr(r, attribute)
    }


def test_survey_covers_every_page(site_survey, page_paths):
    assert len(page_paths) >= 10
    for scheme in SCHEMES:
        assert [r.path for r in site_survey[scheme]] == page_paths


@pytest.mark.parametrize("scheme", SCHEMES)
def test_every_page_is_korean_and_in_the_chosen_palette(site_survey, scheme):
    wrong = {
        r.path or "/": (r.status, r.lang, r.scheme)
        for r in site_survey[scheme]
        if (r.status, r.lang, r.scheme) != (200, "ko", scheme)
    }
    assert wrong == {}, f"(상태, lang, 팔레트)가 (200, ko, {scheme})가 아닌 페이지: {wrong}"


@pytest.mark.parametrize("scheme", SCHEMES)
def test_every_page_loads_without_leaving_the_site(site_survey, scheme):
    assert problems(site_survey, scheme, "outside_requests") == {}, "사이트 밖으로 나간 요청"


@pytest.mark.parametrize("scheme", SCHEMES)
def test_no_page_logs_a_console_error(site_survey, scheme):
    assert problems(site_survey, scheme, "console_errors") == {}, "콘솔 오류"


@pytest.mark.parametrize("scheme", SCHEMES)
def test_no_request_fails(site_survey, scheme):
    assert problems(site_survey, scheme, "failed_requests") == {}, (
        "실패한 요청(네트워크 오류 또는 HTTP 4xx/5xx)"
    )


@pytest.mark.parametrize("scheme", SCHEMES)
def test_no_raw_latex_or_markdown_is_visible(site_survey, scheme):
    assert problems(site_survey, scheme, "raw_markup") == {}, "렌더링되지 않은 원본 표기"


@pytest.mark.parametrize("scheme", SCHEMES)
def test_every_image_loads(site_survey, scheme):
    broken = {
        r.path or "/": [image["src"] for image in r.images if not image["loaded"]]
        for r in site_survey[scheme]
    }
    assert {path: srcs for path, srcs in broken.items() if srcs} == {}, (
        "깨진 이미지(naturalWidth 0)"
    )

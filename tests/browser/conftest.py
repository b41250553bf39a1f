"""브라우저 테스트 공용 fixture: 빌드한 사이트를 127.0.0.1 에서 띄우고 Debian 의 Chromium 을 연다.

- 사이트는 배포될 때처럼 site_url 의 경로(/gongbu-note/) 아래에 올리고, 없는 주소에는 GitHub Pages 처럼
  404.html 을 404 상태로 돌려준다(static_server.py). 그래야 404 페이지의 CSS·JS 경로까지 실제와 같다.
- Chromium 하나를 세션 내내 같이 쓴다. 모든 페이지를 두 팔레트로 한 번씩 훑은 결과(survey)도 세션에
  한 번만 만들어 여러 테스트가 나눠 본다.
- Chromium 이 없으면 이유를 밝히고 건너뛴다. 단 CI=true 에서는 건너뛰지 않고 실패한다.
"""

from __future__ import annotations

import pytest

from tests.browser import survey
from tests.browser.static_server import serve
from tests.conftest import ROOT

ARTIFACTS = ROOT / "test-artifacts"
DESKTOP = survey.DESKTOP
# 아이폰 SE·미니 급 휴대폰: 폭 375 CSS 픽셀
PHONE = {
    "viewport": {"width": 375, "height": 740},
    "device_scale_factor": 2,
    "is_mobile": True,
    "has_touch": True,
}


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def site_url(built_site):
    """빌드한 사이트의 첫 페이지 주소 (예: http://127.0.0.1:PORT/gongbu-note/)."""
    server, url = serve(built_site, survey.site_prefix())
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def page_paths(built_site) -> list[str]:
    """사이트의 모든 페이지 경로, site_url 기준 (예: "", "python/asterisk/")."""
    return survey.page_paths(built_site)


@pytest.fixture(scope="session")
def palettes(built_site) -> dict[str, dict]:
    """밝은 테마(default)와 어두운 테마(slate)의 Material 팔레트 설정."""
    return survey.palettes(built_site)


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="ko-KR", viewport=DESKTOP)
    tab = context.new_page()
    yield tab
    context.close()


@pytest.fixture
def phone_page(browser):
    context = browser.new_context(locale="ko-KR", **PHONE)
    tab = context.new_page()
    yield tab
    context.close()


@pytest.fixture(scope="session")
def site_survey(browser, site_url, page_paths, palettes) -> dict[str, list[survey.PageReport]]:
    """모든 페이지를 밝은·어두운 테마로 한 번씩 열어 본 기록: {"default": [...], "slate": [...]}.

    axe-core 는 밝은 테마에서 모든 규칙을, 어두운 테마에서는 색에 달린 규칙(survey.PALETTE_RULES)만 돌린다.
    """
    return survey.survey_site(
        browser, site_url, page_paths, palettes, axe_rules={"slate": survey.PALETTE_RULES}
    )

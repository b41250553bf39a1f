"""브라우저 테스트 공용 fixture: 빌드한 사이트를 127.0.0.1 에서 띄우고 Debian 의 Chromium 을 연다.

Chromium 이 없으면 이유를 밝히고 건너뛴다. 단 CI=true 에서는 건너뛰지 않고 실패한다.
"""

from __future__ import annotations

import functools
import http.server
import os
import threading
from pathlib import Path

import pytest

CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # 테스트 출력을 어지럽히지 않는다
        pass


@pytest.fixture(scope="session")
def site_url(built_site):
    """빌드한 사이트를 정적 서버로 띄운 주소 (예: http://127.0.0.1:PORT/)."""
    handler = functools.partial(QuietHandler, directory=str(built_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        message = f"Chromium 이 없습니다({CHROMIUM}) — 'apt-get install chromium' 으로 설치하세요"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="ko-KR")
    tab = context.new_page()
    yield tab
    context.close()

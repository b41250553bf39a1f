"""tests/ 공용 fixture: 사이트를 한 번만 strict 로 빌드하고, Chromium 하나를 세션 내내 나눠 쓴다.

Playwright 의 동기 API 는 한 프로세스에 하나만 돌 수 있으므로 브라우저 fixture 는 여기 하나뿐이다.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
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


def run_mkdocs_build(project: Path, site_dir: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site_dir)],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
    )


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """저장소를 그대로 strict 빌드한 사이트 폴더."""
    site = tmp_path_factory.mktemp("site")
    result = run_mkdocs_build(ROOT, site)
    assert result.returncode == 0, f"strict 빌드 실패:\n{result.stdout}\n{result.stderr}"
    return site


@pytest.fixture
def project_copy(tmp_path) -> Path:
    """망가뜨려 볼 수 있는 저장소 사본. 빌드 캐시는 원본과 나눠 써서 빠르다."""
    copy = tmp_path / "project"
    ignore = shutil.ignore_patterns(
        ".git", ".cache", "site", "__pycache__", ".venv", "test-artifacts"
    )
    shutil.copytree(ROOT, copy, ignore=ignore)
    (ROOT / ".cache").mkdir(exist_ok=True)
    (copy / ".cache").symlink_to(ROOT / ".cache", target_is_directory=True)
    return copy


def missing_prerequisite(message: str) -> None:
    """준비물이 없을 때: 로컬에서는 이유를 밝히고 건너뛰고, CI=true 에서는 실패한다."""
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(scope="session")
def korean_fonts() -> str:
    """fc-list 가 아는 한국어 글꼴 이름들. 없으면 패키지 이름을 밝히며 건너뛴다(CI 에서는 실패)."""
    if shutil.which("fc-list") is None:
        missing_prerequisite(
            "fc-list 가 없어 한국어 글꼴을 확인할 수 없습니다 — "
            "'apt-get install fontconfig fonts-noto-cjk' 또는 'bash .ci/prerequisites.sh'"
        )
    fonts = subprocess.run(
        ["fc-list", ":lang=ko", "family"], capture_output=True, text=True, check=False
    ).stdout
    if not fonts.strip():
        missing_prerequisite(
            "한국어 글꼴이 없습니다 — 'apt-get install fonts-noto-cjk' 또는 'bash .ci/prerequisites.sh'"
        )
    return fonts


@pytest.fixture(scope="session")
def browser():
    """Debian 의 Chromium. 없으면 이유를 밝히고 건너뛰되, CI=true 에서는 실패한다."""
    if not CHROMIUM.exists():
        missing_prerequisite(
            f"Chromium 이 없습니다({CHROMIUM}) — 'apt-get install chromium' 또는 'bash .ci/prerequisites.sh'"
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
        yield chromium
        chromium.close()

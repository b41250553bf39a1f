"""CI 설정: .ci/run 과 GitHub Actions 가 README 의 테스트 명령을 그대로 돌리고, 풀 리퀘스트의 코드는 쓰기
권한이나 비밀값 없이 돈다."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
WORKFLOWS = ROOT / ".github" / "workflows"


def readme_test_command() -> str:
    """README 의 '설치하고 전체 테스트 돌리기' 아래 bash 블록의 명령."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("**2. 설치하고 전체 테스트 돌리기**", 1)[1]
    return re.search(r"```bash\n(.+?)\n```", section, re.S)[1].strip()


def load_workflow(name: str) -> dict:
    workflow = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    # YAML 1.1 은 'on' 을 True 로 읽는다.
    workflow["on"] = workflow.pop(True, workflow.get("on"))
    return workflow


def test_readme_test_command_runs_pytest_in_a_fresh_venv():
    command = readme_test_command()
    assert command.startswith("python3 -m venv .venv")
    assert command.endswith(".venv/bin/python -m pytest")


def test_ci_run_and_the_workflow_use_the_readme_command_unchanged():
    command = readme_test_command()
    assert command in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    steps = load_workflow("checks.yml")["jobs"]["test"]["steps"]
    assert command in [step.get("run") for step in steps]


def test_pull_requests_run_with_read_only_permissions_and_no_secrets():
    workflow = load_workflow("pr.yml")
    assert set(workflow["on"]) == {"pull_request"}  # pull_request_target 이 아니다
    assert workflow["permissions"] == {"contents": "read"}
    checks = load_workflow("checks.yml")
    assert checks["permissions"] == {"contents": "read"}
    text = "\n".join(p.read_text(encoding="utf-8") for p in WORKFLOWS.glob("*.yml"))
    assert "secrets." not in text
    checkout = next(s for s in checks["jobs"]["test"]["steps"] if "checkout" in s.get("uses", ""))
    assert checkout["with"]["persist-credentials"] is False


def test_pages_deploy_only_after_the_same_checks():
    deploy = load_workflow("deploy.yml")
    assert deploy["jobs"]["checks"]["uses"] == "./.github/workflows/checks.yml"
    assert deploy["jobs"]["deploy"]["needs"] == "checks"
    assert set(deploy["on"]) <= {"push", "workflow_dispatch"}
    assert deploy["on"]["push"]["branches"] == ["main"]


def test_preview_artifact_is_uploaded_for_pull_requests():
    steps = load_workflow("checks.yml")["jobs"]["test"]["steps"]
    uploads = [s for s in steps if s.get("uses", "").startswith("actions/upload-artifact")]
    assert uploads and uploads[0]["with"]["path"] == "site/"


# ---------------------------------------------------------------------------
# 시스템 준비물: .ci/prerequisites.sh 는 준비물을 하나씩 따로 확인해 없는 것만 설치한다
# ---------------------------------------------------------------------------

PREREQUISITES = ROOT / ".ci" / "prerequisites.sh"


def fake_machine(tmp_path: Path, *, chromium: bool, korean_font: bool, fc_list: bool = True):
    """가짜 명령으로 꾸민 기계: Chromium 이 있는지, fc-list 가 한국어 글꼴을 내는지, apt-get 이 받은 인자."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    chromium_path = bin_dir / "chromium"
    if chromium:
        chromium_path.write_text("#!/bin/sh\nexit 0\n")
        chromium_path.chmod(0o755)
    fc = bin_dir / "fc-list"
    if fc_list:
        font = "Noto Sans CJK KR" if korean_font else ""
        fc.write_text(
            f'#!/bin/sh\n[ "$1" = ":lang=ko" ] && [ -n "{font}" ] && echo "{font}"\nexit 0\n'
        )
        fc.chmod(0o755)
    calls = tmp_path / "apt-calls.txt"
    apt = bin_dir / "apt-get"
    apt.write_text(f'#!/bin/sh\necho "$@" >> "{calls}"\n')
    apt.chmod(0o755)
    env = {
        **os.environ,
        "CHROMIUM_PATH": str(chromium_path),
        "FC_LIST": str(fc) if fc_list else str(bin_dir / "no-fc-list"),
        "APT_GET": str(apt),
    }
    return env, calls


def run_prerequisites(env: dict, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        ["bash", str(PREREQUISITES), *args], env=env, capture_output=True, text=True, check=False
    )


@pytest.mark.parametrize(
    ("chromium", "korean_font", "fc_list", "expected"),
    [
        (True, True, True, []),
        # 브라우저는 있고 한국어 글꼴은 없는 기계: 예전 .ci/run 은 이때 아무것도 설치하지 않았다.
        (True, False, True, ["fonts-noto-cjk"]),
        (False, True, True, ["chromium"]),
        (False, False, True, ["fonts-noto-cjk", "chromium"]),
        (True, False, False, ["fontconfig", "fonts-noto-cjk"]),
    ],
)
def test_each_prerequisite_is_checked_on_its_own(
    tmp_path, chromium, korean_font, fc_list, expected
):
    env, _ = fake_machine(tmp_path, chromium=chromium, korean_font=korean_font, fc_list=fc_list)
    result = run_prerequisites(env, "--plan")
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == expected


@pytest.mark.skipif(os.geteuid() != 0, reason="설치 경로는 root 로만 apt-get 을 부른다")
def test_only_the_missing_prerequisite_is_installed_and_said_in_one_line(tmp_path):
    env, calls = fake_machine(tmp_path, chromium=True, korean_font=False)
    result = run_prerequisites(env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines() == ["준비물 설치함: fonts-noto-cjk"]
    install = [line for line in calls.read_text().splitlines() if line.startswith("install")]
    assert install == ["install -y -qq --no-install-recommends fonts-noto-cjk"]


def test_nothing_is_installed_when_everything_is_there(tmp_path):
    env, calls = fake_machine(tmp_path, chromium=True, korean_font=True)
    result = run_prerequisites(env)
    assert result.returncode == 0, result.stderr
    assert "모두 있다" in result.stdout
    assert not calls.exists()


def test_ci_run_and_the_workflow_install_prerequisites_with_the_same_script():
    assert "bash .ci/prerequisites.sh" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    steps = load_workflow("checks.yml")["jobs"]["test"]["steps"]
    assert "bash .ci/prerequisites.sh" in [step.get("run") for step in steps]


def test_readme_lists_the_same_prerequisites_as_the_script():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for package in ("chromium", "fonts-noto-cjk", "fontconfig"):
        assert package in PREREQUISITES.read_text(encoding="utf-8")
        assert package in readme, package


# ---------------------------------------------------------------------------
# 워크플로: 바깥 액션은 커밋 해시로 고정하고, zizmor 가 중간 이상 문제를 하나도 찾지 않는다
# ---------------------------------------------------------------------------

USES = re.compile(r"^\s*-?\s*uses:\s*(?P<ref>\S+)(?:\s+#\s*(?P<comment>\S+))?\s*$", re.M)


def test_every_third_party_action_is_pinned_to_a_commit_with_its_version_in_a_comment():
    found = []
    for workflow in sorted(WORKFLOWS.glob("*.yml")):
        for match in USES.finditer(workflow.read_text(encoding="utf-8")):
            ref = match["ref"]
            if ref.startswith("./"):
                continue  # 이 저장소 안의 재사용 워크플로
            found.append(ref)
            assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", ref), f"{workflow.name}: {ref}"
            assert match["comment"] and re.fullmatch(r"v\d+(\.\d+)*", match["comment"]), ref
    assert len(found) >= 4


def test_zizmor_finds_no_medium_or_high_problem_in_the_workflows():
    zizmor = Path(sys.executable).parent / "zizmor"
    result = subprocess.run(
        [str(zizmor), "--offline", "--min-severity", "medium", "--format", "json", str(WORKFLOWS)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert json.loads(result.stdout) == [], result.stdout


def test_dependabot_keeps_the_action_pins_current():
    config = yaml.safe_load((ROOT / ".github" / "dependabot.yml").read_text(encoding="utf-8"))
    ecosystems = {update["package-ecosystem"] for update in config["updates"]}
    assert "github-actions" in ecosystems

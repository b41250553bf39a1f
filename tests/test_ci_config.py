"""CI 설정: .ci/run 과 GitHub Actions 가 README 의 테스트 명령을 그대로 돌리고, 풀 리퀘스트의 코드는 쓰기
권한이나 비밀값 없이 돈다."""

from __future__ import annotations

import re
from pathlib import Path

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

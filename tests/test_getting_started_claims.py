"""docs/guide/getting-started.md 가 파이토치에 대해 주장하는 문장들. 노트의 순서를 따른다.

빌드마다 답이 다른 문장은 지금 설치된 빌드(이 저장소의 CI 는 CPU 빌드)에서 확인할 수 있는 쪽을 확인한다.
"""

from __future__ import annotations

import platform
import re
from pathlib import Path

import pytest
import torch

from snippets.environment.check_gpu import device_report, pick_device

ROOT = Path(__file__).resolve().parent.parent
IS_CPU_BUILD = torch.version.cuda is None and torch.version.hip is None


def test_requirements_pin_the_torch_version_the_page_names():
    """ "`torch==2.13.0`으로 고정해 두었는데" """
    requirements = (ROOT / "requirements.txt").read_text()
    assert re.search(r"^torch==2\.13\.0$", requirements, re.MULTILINE)
    assert torch.__version__.split("+")[0] == "2.13.0"


def test_cpu_build_is_marked_by_the_version_suffix_and_has_no_cuda():
    """ "CPU 빌드는 버전 끝에 +cpu가 붙고, `torch.version.cuda`가 None이다" """
    if "+cpu" not in torch.__version__:
        pytest.skip("CPU 빌드가 아니다")
    assert torch.version.cuda is None
    assert not torch.cuda.is_available()
    assert device_report()["cuda_build"] is None


@pytest.mark.skipif(not IS_CPU_BUILD, reason="CPU 빌드에서만 확인할 수 있다")
def test_a_cpu_build_never_sees_a_gpu_even_on_a_gpu_machine():
    """ "GPU가 있는데도 `False`가 나온다면 먼저 빌드를 본다. CPU 빌드는 버전 끝에 `+cpu`가 붙고 …" """
    assert not torch.backends.cuda.is_built()
    assert not torch.cuda.is_available()


def test_mps_is_only_available_on_apple_machines():
    """ "애플 실리콘 맥에서는 `torch.cuda.is_available()`이 언제나 False이고 … mps" """
    if platform.system() != "Darwin":
        assert not torch.backends.mps.is_available()
        assert pick_device() != "mps"
    else:
        assert not torch.cuda.is_available()


def test_rocm_builds_report_hip_and_use_the_cuda_device_name():
    """ "ROCm 빌드에서는 `torch.version.hip`에 버전이 들어 있고 … 장치 이름은 그대로 cuda다" """
    if torch.version.hip is None:
        assert device_report()["rocm_build"] is None
    else:
        assert torch.version.cuda is None
        assert pick_device() == ("cuda" if torch.cuda.is_available() else "cpu")


def test_the_demo_picks_cpu_without_cuda_and_refuses_an_explicit_cuda():
    """ "`--device auto`가 … CUDA GPU가 없으면 스스로 CPU를 고른다. 맥의 mps는 고르지 않는다 … 멈춘다" """
    from snippets.transformer.train import DemoError, resolve_device

    assert resolve_device("auto").type in ("cuda", "cpu")
    if not torch.cuda.is_available():
        assert resolve_device("auto").type == "cpu"
        with pytest.raises(DemoError, match="CUDA 장치를 요청했지만"):
            resolve_device("cuda")


def test_torch_is_installed_only_on_a_platform_the_page_names():
    """ "리눅스나 윈도우의 WSL, 또는 macOS 14 이상의 애플 실리콘 맥 … 인텔 맥에서는 설치되지 않는다" """
    system, machine = platform.system(), platform.machine().lower()
    if system == "Darwin":  # 이 파이토치가 설치되었다면 arm64, macOS 14 이상이어야 한다
        assert machine == "arm64"
        assert int(platform.mac_ver()[0].split(".")[0]) >= 14
    elif system == "Linux":
        assert machine in ("x86_64", "aarch64")


def test_the_one_line_install_has_no_cpu_index_and_ci_adds_it_by_environment():
    """ "이 줄에는 CPU 색인이 없으므로 … CI는 같은 값을 환경 변수로 두고 이 줄을 돌려 CPU 빌드를 받는다" """
    page = (ROOT / "docs/guide/getting-started.md").read_text(encoding="utf-8")
    line = "python3 -m venv .venv && .venv/bin/pip install -q -r requirements.txt && .venv/bin/python -m pytest"
    assert line in page and "download.pytorch.org" not in line
    workflow = (ROOT / ".github/workflows/checks.yml").read_text(encoding="utf-8")
    assert "PIP_EXTRA_INDEX_URL: https://download.pytorch.org/whl/cpu" in workflow
    assert line in workflow
    assert "PIP_EXTRA_INDEX_URL=https://download.pytorch.org/whl/cpu `" in page


def test_the_quick_run_deselects_markers_that_exist():
    """ "각각 `build`, `slow`, `browser` 표시(marker)가 붙어 있다 … 셋을 빼고 돌린다" """
    import tomllib

    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    declared = {entry.split(":")[0] for entry in config["tool"]["pytest"]["ini_options"]["markers"]}
    assert {"build", "slow", "browser"} <= declared
    page = (ROOT / "docs/guide/getting-started.md").read_text(encoding="utf-8")
    assert '-m "not slow and not browser and not build"' in page

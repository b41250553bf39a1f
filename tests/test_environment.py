"""시작하기 페이지의 장치 점검 코드."""

import subprocess
import sys

import torch

from snippets.environment import check_gpu
from snippets.environment.check_gpu import device_report, nvidia_driver, pick_device


def expected_device() -> str:
    if torch.cuda.is_available():
        return "cuda"
    return "mps" if torch.backends.mps.is_available() else "cpu"


def test_report_matches_what_torch_sees():
    report = device_report()
    assert report["device"] == pick_device() == expected_device()
    assert report["cuda_build"] == torch.version.cuda
    assert report["rocm_build"] == torch.version.hip
    assert len(report["gpus"]) == (torch.cuda.device_count() if report["device"] == "cuda" else 0)


def test_script_prints_build_device_and_driver():
    result = subprocess.run(
        [sys.executable, "-m", "snippets.environment.check_gpu"],
        capture_output=True,
        text=True,
        check=True,
    )
    lines = result.stdout.strip().splitlines()
    assert lines[0].startswith(f"torch {torch.__version__} (")
    expected = {"cuda": "GPU 사용 가능", "mps": "애플 실리콘 GPU", "cpu": "GPU 없음"}[pick_device()]
    assert lines[1].startswith(expected)
    assert lines[2].startswith("NVIDIA 드라이버:")


def test_no_nvidia_smi_means_no_driver(monkeypatch):
    monkeypatch.setattr(check_gpu.shutil, "which", lambda name: None)
    assert nvidia_driver() is None


def test_driver_version_is_the_first_line_nvidia_smi_prints(monkeypatch):
    monkeypatch.setattr(check_gpu.shutil, "which", lambda name: "/usr/bin/nvidia-smi")

    def fake_run(args, **kwargs):
        assert args[0] == "nvidia-smi" and "--query-gpu=driver_version" in args
        return subprocess.CompletedProcess(args, 0, stdout="570.86.15\n570.86.15\n", stderr="")

    monkeypatch.setattr(check_gpu.subprocess, "run", fake_run)
    assert nvidia_driver() == "570.86.15"


def test_nvidia_smi_that_cannot_reach_the_driver_gives_none(monkeypatch):
    monkeypatch.setattr(check_gpu.shutil, "which", lambda name: "/usr/bin/nvidia-smi")
    failed = subprocess.CompletedProcess([], 9, stdout="", stderr="NVIDIA-SMI has failed")
    monkeypatch.setattr(check_gpu.subprocess, "run", lambda *a, **k: failed)
    assert nvidia_driver() is None

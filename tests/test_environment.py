"""시작하기 페이지의 장치 점검 코드."""

import subprocess
import sys

import torch

from snippets.environment.check_gpu import device_report


def test_report_matches_what_torch_sees():
    report = device_report()
    assert report["device"] == ("cuda" if torch.cuda.is_available() else "cpu")
    assert len(report["gpus"]) == torch.cuda.device_count()


def test_script_prints_one_line_per_fact():
    result = subprocess.run(
        [sys.executable, "-m", "snippets.environment.check_gpu"],
        capture_output=True,
        text=True,
        check=True,
    )
    lines = result.stdout.strip().splitlines()
    assert lines[0].startswith(f"torch {torch.__version__}")
    expected = "GPU 사용 가능" if torch.cuda.is_available() else "GPU 없음"
    assert lines[1].startswith(expected)

"""GPU 확인 스크립트(benchmarks/gpu_check.sh)와 그 요약(benchmarks/gpu_summary.py).

스크립트 자체는 CUDA 가 있어야 돌므로 여기서는 문법과 빠뜨린 단계가 없는지 보고, 요약은 CPU 에서 몇 단계만
돌린 진짜 결과 폴더로 확인한다.
"""

from __future__ import annotations

import importlib.util
import json
import shutil
import subprocess
from pathlib import Path

from snippets.transformer.bench import run_benchmark
from snippets.transformer.profile import profile_training
from snippets.transformer.train import train

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "benchmarks" / "gpu_check.sh"


def load_summary_module():
    spec = importlib.util.spec_from_file_location(
        "gpu_summary", ROOT / "benchmarks" / "gpu_summary.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_gpu_check_script_is_valid_bash_and_runs_every_check():
    assert subprocess.run(["bash", "-n", str(SCRIPT)], capture_output=True).returncode == 0
    text = SCRIPT.read_text(encoding="utf-8")
    for needle in (
        '-k "cuda or flash or gpu or environment"',
        "--task numerals --preset gpu --device cuda",
        "--task lm --preset gpu --device cuda",
        "--max-seconds",
        "--compile",
        "bench --device cuda",
        "profile --task numerals --preset gpu",
        "gpu-runs/numerals-gpu.json",
        "gpu-runs/lm-gpu.json",
        "gpu-runs/bench.json",
    ):
        assert needle in text, needle


def test_readme_shows_the_gpu_script():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "bash benchmarks/gpu_check.sh" in readme


def test_summary_reads_a_check_folder_and_states_the_goals(tmp_path):
    train("numerals", "ci", device="cpu", out=tmp_path / "numerals-gpu", steps=2)
    train("lm", "ci", device="cpu", out=tmp_path / "lm-gpu", steps=4, overrides={"eval_every": 2})
    shutil.copytree(tmp_path / "lm-gpu", tmp_path / "lm-ci-cpu")
    run_benchmark("cpu", lengths=[32], out=tmp_path / "bench", repeat=1)
    profile_training("numerals", "ci", "cpu", tmp_path / "profile-numerals", steps=1)
    summary = load_summary_module().summarise(tmp_path)
    saved = json.loads((tmp_path / "summary.json").read_text(encoding="utf-8"))
    assert saved == json.loads(json.dumps(summary, ensure_ascii=False))
    goals = summary["goals"]
    assert goals["numerals_exact_match_at_least_0.999_within_20s"] in (True, False)
    assert goals["lm_gpu_best_val_per_char_below_ci"] is False  # 같은 폴더를 비교했다
    assert summary["numerals_gpu_compile"] is None  # 없는 단계는 비워 둔다
    assert summary["profiles"]["profile-numerals"]["top_ops"]
    assert summary["lm_gpu"]["best_val_loss_per_char"] > 0

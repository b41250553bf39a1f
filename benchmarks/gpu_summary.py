"""benchmarks/gpu_check.sh 가 모은 폴더를 읽어 summary.json 한 장으로 요약하고, 이슈 14의 목표를 맞췄는지 적는다.

    python benchmarks/gpu_summary.py runs/gpu-check

목표: 숫자 읽기 gpu 프리셋이 학습 20초 안에 시험 완전 일치 0.999 이상, 언어 모델 gpu 프리셋의 가장 좋은
검증 손실(문자당)이 같은 말뭉치의 ci 프리셋보다 낮음, 그리고 두 프리셋의 MFU.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

KEYS = {
    "train": [
        "device_name",
        "torch",
        "date",
        "params",
        "steps",
        "train_seconds",
        "compile_seconds",
        "steps_per_second",
        "tokens_per_second",
        "mfu",
        "peak_memory_bytes",
        "step_time_ms",
    ],
    "numerals": ["test_numbers", "test_exact_match"],
    "lm": [
        "best_step",
        "early_stopped",
        "stop_reason",
        "best_val_loss_per_char",
        "final_val_loss_per_char",
        "train_tokens",
    ],
}


def read(path):
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def pick(metrics, kind):
    if metrics is None:
        return None
    return {k: metrics.get(k) for k in KEYS["train"] + KEYS[kind]}


def summarise(folder):
    folder = Path(folder)
    numerals = read(folder / "numerals-gpu" / "metrics.json")
    compiled = read(folder / "numerals-gpu-compile" / "metrics.json")
    lm_gpu = read(folder / "lm-gpu" / "metrics.json")
    lm_ci = read(folder / "lm-ci-cpu" / "metrics.json")
    bench = read(folder / "bench" / "bench.json")
    summary = {
        "numerals_gpu": pick(numerals, "numerals"),
        "numerals_gpu_compile": pick(compiled, "numerals"),
        "lm_gpu": pick(lm_gpu, "lm"),
        "lm_ci_cpu": pick(lm_ci, "lm"),
        "bench_rows": bench and bench["rows"],
        "bench_train_step_ms": bench and bench.get("train_step_ms"),
        "profiles": {},
        "goals": {},
    }
    for name in ("profile-numerals", "profile-lm"):
        profile = read(folder / name / "profile.json")
        if profile:
            summary["profiles"][name] = {
                "step_time_ms": profile["step_time_ms"],
                "top_ops": profile["top_ops"][:8],
            }
    # 이슈 14: DataLoader 작업자의 fork 경고 같은 것이 하나도 찍히지 않아야 한다
    summary["warnings"] = {
        log.stem: [
            line for line in log.read_text(errors="replace").splitlines() if "Warning" in line
        ]
        for log in sorted(folder.glob("*.log"))
        if "Warning" in log.read_text(errors="replace")
    }
    goals = summary["goals"]
    if numerals:
        goals["numerals_exact_match_at_least_0.999_within_20s"] = (
            numerals["test_exact_match"] >= 0.999 and numerals["train_seconds"] <= 20.5
        )
        goals["numerals_mfu"] = numerals.get("mfu")
    if lm_gpu and lm_ci:
        goals["lm_gpu_best_val_per_char_below_ci"] = (
            lm_gpu["best_val_loss_per_char"] < lm_ci["best_val_loss_per_char"]
        )
        goals["lm_mfu"] = lm_gpu.get("mfu")
        goals["lm_mfu_at_least_0.25"] = (lm_gpu.get("mfu") or 0) >= 0.25
    (folder / "summary.json").write_text(
        json.dumps(summary, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    return summary


if __name__ == "__main__":
    result = summarise(sys.argv[1] if len(sys.argv) > 1 else "runs/gpu-check")
    print(json.dumps(result["goals"], ensure_ascii=False))

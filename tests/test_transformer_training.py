"""학습 루프의 약속: 가장 좋았던 체크포인트를 남기는 조기 종료, 단계 토막 시간, 프로파일, 한 줄 오류, 경고 없는 배치.

모두 CPU 에서 몇 초 안에 끝나는 작은 설정으로 확인한다.
"""

from __future__ import annotations

import importlib.util
import json
import math
import multiprocessing
import os
import subprocess
import sys
import warnings
from pathlib import Path

import pytest
import torch

from snippets.transformer import numerals
from snippets.transformer.__main__ import main
from snippets.transformer.train import (
    PRESETS,
    DemoError,
    LMTask,
    Runtime,
    get_preset,
    load_checkpoint,
    train,
)

ROOT = Path(__file__).resolve().parent.parent
CPU = Runtime(torch.device("cpu"))
# 일부러 과적합시키는 설정: 학습 말뭉치 2,000토큰, 드롭아웃·가중치 감쇠 없음, 10단계마다 검증.
OVERFIT = {
    "train_tokens": 2000,
    "batch_size": 8,
    "dropout": 0.0,
    "weight_decay": 0.0,
    "warmup": 5,
    "eval_every": 10,
    "patience": 3,
}


@pytest.fixture(scope="module")
def overfit_run(tmp_path_factory):
    out = tmp_path_factory.mktemp("overfit")
    metrics = train("lm", "ci", device="cpu", out=out, steps=400, overrides=OVERFIT)
    return out, metrics


def test_overfitting_run_stops_early_and_says_why(overfit_run, capsys):
    _, metrics = overfit_run
    assert metrics["early_stopped"] is True
    assert metrics["steps"] < 400
    steps = [step for step, _, _ in metrics["val_curve"]]
    assert steps == list(range(10, metrics["steps"] + 1, 10))
    # 가장 좋았던 평가 뒤로 patience 번 연달아 나아지지 않았다
    assert metrics["steps"] - metrics["best_step"] == OVERFIT["patience"] * OVERFIT["eval_every"]
    assert "나아지지 않았다" in metrics["stop_reason"]


def test_reported_result_is_the_best_checkpoint_not_the_last(overfit_run):
    out, metrics = overfit_run
    assert metrics["final_val_loss_per_token"] > metrics["best_val_loss_per_token"]
    assert metrics["val_loss_per_token"] == metrics["best_val_loss_per_token"]
    assert metrics["val_loss_per_char"] == metrics["best_val_loss_per_char"]
    best = min(loss for _, loss, _ in metrics["val_curve"])
    assert metrics["best_val_loss_per_token"] == pytest.approx(best, abs=1e-4)
    saved = json.loads((out / "metrics.json").read_text(encoding="utf-8"))
    assert saved["best_step"] == metrics["best_step"]


def test_saved_checkpoint_has_the_best_validation_loss(overfit_run):
    out, metrics = overfit_run
    model, _ = load_checkpoint(out, "cpu")
    task = LMTask(get_preset("lm", "ci"), CPU)
    if task.corpus.fingerprint != metrics["corpus_fingerprint"]:
        pytest.skip("학습한 뒤에 docs/ 의 노트가 바뀌어 검증 글이 달라졌다")
    per_token, per_char = task.validation_loss(model)
    assert per_token == pytest.approx(metrics["best_val_loss_per_token"], rel=1e-5)
    assert per_char == pytest.approx(metrics["best_val_loss_per_char"], rel=1e-5)
    assert per_token < metrics["final_val_loss_per_token"]


def test_training_records_a_step_time_breakdown(overfit_run):
    _, metrics = overfit_run
    breakdown = metrics["step_time_ms"]
    assert breakdown["measured_steps"] > 0
    parts = [breakdown[f"{phase}_ms"] for phase in ("data", "forward", "backward", "optimizer")]
    assert all(part > 0 for part in parts)
    assert sum(parts) == pytest.approx(breakdown["total_ms"], abs=0.01)
    assert sum(breakdown["share"].values()) == pytest.approx(1, abs=0.01)
    assert metrics["compile_seconds"] == 0.0


def test_language_model_presets_regularise_and_validate():
    """노트 말뭉치는 작다: 두 프리셋 모두 드롭아웃을 두고, 검증 손실로 멈출 줄 안다."""
    for preset in PRESETS["lm"].values():
        assert preset.dropout > 0 and preset.eval_every > 0 and preset.patience > 0
    gpu, ci = PRESETS["lm"]["gpu"], PRESETS["lm"]["ci"]
    assert gpu.dropout > ci.dropout and gpu.weight_decay > ci.weight_decay


def test_unknown_preset_override_is_a_demo_error(tmp_path):
    with pytest.raises(DemoError, match="프리셋에 없는 값입니다: colour"):
        train("lm", "ci", device="cpu", out=tmp_path, overrides={"colour": "blue"})


def test_vectorised_readings_match_read_korean_for_both_presets():
    generator = torch.Generator().manual_seed(3)
    for max_value in (9_999, 99_999_999):
        width = len(str(max_value))
        length = numerals.reading_length(width)
        numbers = torch.cat(
            [
                torch.arange(0, 20_001).clamp(max=max_value),
                numerals.draw_numbers(20_000, max_value, generator),
            ]
        )
        fast = numerals.encode_readings_fast(numbers, width, length)
        slow = numerals.encode_readings([numerals.read_korean(n) for n in numbers.tolist()], length)
        assert torch.equal(fast[0], slow[0]) and torch.equal(fast[1], slow[1])


def test_profile_command_writes_a_table_of_top_ops(tmp_path, capsys):
    code = main(
        ["profile", "--task", "numerals", "--device", "cpu", "--steps", "2", "--out", str(tmp_path)]
    )
    assert code == 0
    summary = json.loads((tmp_path / "profile.json").read_text(encoding="utf-8"))
    assert summary["top_ops"] and summary["step_time_ms"]["measured_steps"] == 2
    assert any(op["name"].startswith("aten::") for op in summary["top_ops"])
    table = (tmp_path / "profile.txt").read_text(encoding="utf-8")
    assert "Self CPU" in table and "단계/forward" in table
    assert "ms/단계" in capsys.readouterr().out


def test_bench_keeps_its_numbers_when_the_font_package_is_missing(tmp_path, capsys, monkeypatch):
    """koreanize_matplotlib 을 찾지 못하는 설치를 흉내 낸다: 한 줄 오류, 종료 코드 2, bench.json 은 남는다."""
    real_find_spec = importlib.util.find_spec

    def find_spec(name, *args, **kwargs):
        return None if name == "koreanize_matplotlib" else real_find_spec(name, *args, **kwargs)

    monkeypatch.setattr(importlib.util, "find_spec", find_spec)
    monkeypatch.delitem(sys.modules, "snippets.plotting", raising=False)
    code = main(
        [
            "bench",
            "--device",
            "cpu",
            "--lengths",
            "32",
            "--train-steps",
            "0",
            "--out",
            str(tmp_path),
        ]
    )
    err = capsys.readouterr().err.strip()
    assert code == 2
    assert err.startswith("오류: 그림을 그리지 못했습니다") and "\n" not in err, err
    assert "koreanize-matplotlib" in err and "bench.json" in err
    saved = json.loads((tmp_path / "bench.json").read_text(encoding="utf-8"))
    assert saved["rows"][0]["length"] == 32 and saved["rows"][0]["naive_ms"] > 0
    assert not list(tmp_path.glob("*.svg"))


def test_bench_records_the_training_step_breakdown(tmp_path):
    from snippets.transformer.bench import run_benchmark

    result = run_benchmark("cpu", lengths=[32], repeat=1, train_steps=5)
    for task in ("numerals", "lm"):
        step = result["train_step_ms"][task]
        assert step["preset"] == "ci" and step["measured_steps"] == 2
        assert step["forward_ms"] > 0 and step["backward_ms"] > 0


def test_training_starts_no_worker_processes_and_warns_nothing(tmp_path):
    """배치는 메인 프로세스가 만든다: 자식 프로세스도, fork 경고(DeprecationWarning)도 없다."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        train("numerals", "ci", device="cpu", out=tmp_path, steps=3)
        assert multiprocessing.active_children() == []


def test_cli_training_prints_no_warning_with_warnings_as_errors(tmp_path):
    result = subprocess.run(
        [
            sys.executable,
            "-W",
            "error",
            "-m",
            "snippets.transformer",
            "train",
            "--task",
            "numerals",
            "--steps",
            "3",
            "--device",
            "cpu",
            "--out",
            str(tmp_path),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "OMP_NUM_THREADS": "1"},
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "Warning" not in result.stderr
    assert math.isfinite(json.loads(result.stdout)["train_seconds"])

"""데모 페이지의 GPU 기록: 커밋한 train/bench 파일만 읽고, 출처(장치, torch, 날짜)는 글로 보이며, 없으면 없다고 적는다."""

from __future__ import annotations

import json
import time

import pytest
import torch

from snippets.transformer import numerals, report
from snippets.transformer.train import train


@pytest.fixture(scope="module")
def cpu_runs(tmp_path_factory):
    """진짜 train 이 쓴 지표 두 개(몇 단계만)."""
    out = tmp_path_factory.mktemp("runs")
    numerals_metrics = train("numerals", "ci", device="cpu", out=out / "n", steps=4)
    lm_metrics = train(
        "lm", "ci", device="cpu", out=out / "l", steps=4, overrides={"eval_every": 2}
    )
    return numerals_metrics, lm_metrics


def as_gpu_record(metrics, device_name="NVIDIA H200", date="2026-12-04"):
    """CPU 기록을 CUDA 기록의 모양으로 옮긴다(이 테스트 안에서만). 읽는 쪽의 규칙을 확인하려는 것이다."""
    return {**metrics, "device": "cuda", "device_name": device_name, "date": date, "mfu": 0.25}


def test_page_says_gpu_numbers_are_not_recorded_yet_without_files(tmp_path, cpu_runs):
    runs = report.load_gpu_runs(tmp_path)
    assert runs == {}
    text = report.gpu_section(runs, *cpu_runs)
    assert "아직 기록되지 않았다" in text and "data/gpu-runs/" in text
    assert "|" not in text  # 표를 지어내지 않는다


def test_recorded_gpu_runs_appear_beside_the_cpu_results_with_provenance(tmp_path, cpu_runs):
    numerals_metrics, lm_metrics = cpu_runs
    (tmp_path / "lm-gpu.json").write_text(json.dumps(as_gpu_record(lm_metrics)), encoding="utf-8")
    older = as_gpu_record(numerals_metrics, date="2026-01-01")
    newer = as_gpu_record(numerals_metrics, device_name="NVIDIA H100 80GB HBM3")
    (tmp_path / "a.json").write_text(json.dumps(older), encoding="utf-8")
    (tmp_path / "b.json").write_text(json.dumps(newer), encoding="utf-8")
    runs = report.load_gpu_runs(tmp_path)
    assert set(runs) == {"numerals", "lm"}
    assert runs["numerals"]["device_name"] == "NVIDIA H100 80GB HBM3"  # 가장 최근 기록
    text = report.gpu_section(runs, numerals_metrics, lm_metrics)
    assert report.provenance("device_name", "NVIDIA H100 80GB HBM3") in text
    assert report.provenance("date", "2026-12-04") in text
    assert report.provenance("torch", torch.__version__) in text
    assert "| CPU (프리셋 ci) | GPU 기록 |" in text
    assert "| best_val_loss_per_char |" in text and "| test_exact_match |" in text


def test_only_files_written_by_train_or_bench_on_cuda_are_accepted(tmp_path, cpu_runs):
    numerals_metrics, _ = cpu_runs
    (tmp_path / "cpu.json").write_text(json.dumps(numerals_metrics), encoding="utf-8")
    with pytest.raises(ValueError, match="쓴 기록이 아닙니다"):
        report.load_gpu_runs(tmp_path)
    (tmp_path / "cpu.json").write_text(json.dumps({"test_exact_match": 1.0}), encoding="utf-8")
    with pytest.raises(ValueError, match="device_name"):
        report.load_gpu_runs(tmp_path)


def test_committed_gpu_runs_are_valid():
    """저장소의 data/gpu-runs/ 에 있는 기록은 모두 읽힌다(없으면 빈 사전)."""
    runs = report.load_gpu_runs()
    for record in runs.values():
        assert record["device"] == "cuda" and record["device_name"] and record["torch"]


def test_vectorised_readings_are_several_times_faster_than_per_number_python():
    """데모 페이지의 주장: 텐서 연산으로 만든 읽기가 숫자마다 read_korean 을 부르는 것보다 몇 배 빠르다."""
    numbers = numerals.draw_numbers(1024, 99_999_999, torch.Generator().manual_seed(0))

    def best_of(fn, repeat=5):
        times = []
        for _ in range(repeat):
            began = time.perf_counter()
            fn()
            times.append(time.perf_counter() - began)
        return min(times)

    fast = best_of(lambda: numerals.encode_readings_fast(numbers, 8, 17))
    slow = best_of(
        lambda: numerals.encode_readings([numerals.read_korean(n) for n in numbers.tolist()], 17)
    )
    assert slow > 3 * fast

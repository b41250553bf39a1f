"""트랜스포머 데모의 학습·명령줄·분산 학습·벤치마크.

모델을 학습하는 일은 한 번만 한다. 데모 노트북(docs/demo/transformer-demo.ipynb)이 프리셋 ci 로 두 모델을
학습하고 벤치마크를 돌리므로, 세션 fixture 가 노트북을 실행(캐시가 있으면 재사용)하고 그 결과 폴더를 테스트들이
나눠 쓴다. 사이트 빌드도 같은 캐시를 쓰므로 CI 에서 노트북은 한 번만 실행된다.
"""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys
from pathlib import Path

import pytest
import torch

from hooks.notebooks import execute_cached
from snippets.transformer import numerals
from snippets.transformer.__main__ import main
from snippets.transformer.bench import benchmark_table, run_benchmark
from snippets.transformer.train import (
    DemoError,
    Runtime,
    bf16_peak_flops,
    load_checkpoint,
    read_numbers,
    train,
)

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK = ROOT / "docs" / "demo" / "transformer-demo.ipynb"
REQUIRED_METRICS = {
    "device",
    "torch",
    "params",
    "steps",
    "train_seconds",
    "tokens_per_second",
    "test_exact_match",
}
no_cuda = pytest.mark.skipif(
    torch.cuda.is_available(), reason="CUDA 가 있는 컴퓨터에서는 확인할 수 없다"
)
needs_cuda = pytest.mark.skipif(not torch.cuda.is_available(), reason="CUDA 없음")


@pytest.fixture(scope="session")
def demo_runs() -> Path:
    """데모 노트북을 실행한 폴더: numerals-ci/, lm-ci/, bench/ 가 들어 있다."""
    return execute_cached(NOTEBOOK).parent


@pytest.fixture(scope="session")
def ci_checkpoint(demo_runs) -> Path:
    return demo_runs / "numerals-ci"


def run_cli(*args, env=None):
    return subprocess.run(
        [sys.executable, "-m", "snippets.transformer", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
    )


def one_line_error(capsys, *argv):
    code = main(list(argv))
    err = capsys.readouterr().err.strip()
    assert code == 2
    assert err.startswith("오류: ") and "\n" not in err, err
    return err


# ---------------------------------------------------------------------------
# 숫자 읽기: 프리셋 ci
# ---------------------------------------------------------------------------


@pytest.mark.slow
def test_ci_preset_reads_held_out_numbers_almost_perfectly(ci_checkpoint):
    metrics = json.loads((ci_checkpoint / "metrics.json").read_text(encoding="utf-8"))
    assert metrics["test_exact_match"] >= 0.98
    assert metrics["test_numbers"] == len(numerals.heldout_numbers(9_999))
    assert metrics["steps"] == 800  # 시간 제한에 걸리지 않고 끝까지 학습했다


@pytest.mark.slow
def test_metrics_json_has_the_promised_keys(ci_checkpoint):
    metrics = json.loads((ci_checkpoint / "metrics.json").read_text(encoding="utf-8"))
    assert REQUIRED_METRICS <= metrics.keys()
    assert metrics["device"] in ("cpu", "cuda") and metrics["torch"] == torch.__version__
    assert 200_000 < metrics["params"] < 300_000
    assert metrics["tokens_per_second"] > 0 and metrics["train_seconds"] > 0
    if metrics["device"] == "cuda":
        assert {"peak_memory_bytes", "mfu"} <= metrics.keys()


@pytest.mark.slow
def test_read_command_prints_number_tab_reading(ci_checkpoint):
    result = run_cli(
        "read", "--checkpoint", str(ci_checkpoint), "--device", "cpu", "3052", "0", "9999"
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    model, payload = load_checkpoint(ci_checkpoint)
    expected = read_numbers(
        model, [3052, 0, 9999], payload["width"], payload["length"], Runtime(torch.device("cpu"))
    )
    assert lines == [f"{n}\t{r}" for n, r in zip([3052, 0, 9999], expected, strict=True)]
    assert (
        sum(r == numerals.read_korean(n) for n, r in zip([3052, 0, 9999], expected, strict=True))
        >= 2
    )


@pytest.mark.slow
@pytest.mark.parametrize(
    ("numbers", "problem"),
    [
        (["12a"], "정수가 아닙니다"),
        (["-5"], "정수가 아닙니다"),
        (["3,052"], "정수가 아닙니다"),
        (["10000"], "범위(0~9999)"),
    ],
)
def test_read_rejects_bad_numbers_with_one_line(capsys, ci_checkpoint, numbers, problem):
    err = one_line_error(
        capsys, "read", "--checkpoint", str(ci_checkpoint), "--device", "cpu", "7", *numbers
    )
    assert problem in err
    assert capsys.readouterr().out == ""  # 잘못된 입력이 하나라도 있으면 아무것도 읽지 않는다


def test_read_reports_a_missing_checkpoint(capsys, tmp_path):
    err = one_line_error(
        capsys, "read", "--checkpoint", str(tmp_path / "nothing"), "--device", "cpu", "1"
    )
    assert "체크포인트가 없습니다" in err


@pytest.mark.parametrize("content", [b"not a checkpoint", b""])
def test_read_reports_a_corrupt_checkpoint(capsys, tmp_path, content):
    (tmp_path / "checkpoint.pt").write_bytes(content)
    err = one_line_error(capsys, "read", "--checkpoint", str(tmp_path), "--device", "cpu", "1")
    assert "체크포인트가 손상되었습니다" in err


def test_read_reports_a_checkpoint_with_wrong_weights(capsys, tmp_path):
    torch.save(
        {
            "format": "gongbu-transformer-demo/1",
            "task": "numerals",
            "config": {"src_vocab": 10, "tgt_vocab": 17},
            "state_dict": {"nonsense": torch.zeros(1)},
        },
        tmp_path / "checkpoint.pt",
    )
    err = one_line_error(capsys, "read", "--checkpoint", str(tmp_path), "--device", "cpu", "1")
    assert "체크포인트가 손상되었습니다" in err


@pytest.mark.parametrize(
    ("argv", "problem"),
    [
        (["train", "--preset", "huge"], "알 수 없는 프리셋 'huge'"),
        (["train", "--task", "poetry"], "알 수 없는 과제 'poetry'"),
        (["train", "--device", "tpu"], "알 수 없는 장치 'tpu'"),
        (["train", "--steps", "many"], "명령줄 인자가 잘못되었습니다"),
        (["bench", "--lengths", "12,x"], "--lengths"),
        ([], "명령줄 인자가 잘못되었습니다"),
    ],
)
def test_bad_command_lines_exit_with_one_korean_line(capsys, tmp_path, argv, problem):
    err = one_line_error(
        capsys, *argv, *(["--out", str(tmp_path)] if argv[:1] == ["train"] else [])
    )
    assert problem in err


@no_cuda
def test_asking_for_cuda_without_a_gpu_is_a_clear_error(capsys, tmp_path):
    err = one_line_error(capsys, "train", "--device", "cuda", "--out", str(tmp_path))
    assert "CUDA" in err and "없습니다" in err


def test_errors_exit_nonzero_from_a_real_process(tmp_path):
    result = run_cli("read", "--checkpoint", str(tmp_path), "12")
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and result.stderr.startswith(
        "오류: 체크포인트가 없습니다"
    )


# ---------------------------------------------------------------------------
# 학습 루프: 시간 제한, 분산 학습, GPU
# ---------------------------------------------------------------------------


def test_max_seconds_stops_training_early(capsys, tmp_path):
    metrics = train("lm", "ci", device="cpu", out=tmp_path, max_seconds=0.5, steps=100_000)
    assert 1 <= metrics["steps"] < 100_000
    assert (tmp_path / "checkpoint.pt").is_file() and (tmp_path / "metrics.json").is_file()
    assert math.isfinite(metrics["val_loss_per_char"])
    # 언어 모델 체크포인트로 숫자를 읽으라고 하면 그렇다고 알려 준다.
    err = one_line_error(capsys, "read", "--checkpoint", str(tmp_path), "--device", "cpu", "1")
    assert "숫자 읽기 체크포인트가 아닙니다" in err


def test_the_fused_attention_path_of_the_gpu_preset_also_trains_on_cpu(tmp_path):
    """프리셋 gpu 가 쓰는 F.scaled_dot_product_attention(is_causal) 경로를 CPU 에서 몇 걸음 학습해 본다.

    걸음 수가 적어 정확도는 보지 않고, 손실이 줄고 체크포인트가 그 경로로 다시 읽히는지 본다.
    """
    metrics = train("numerals", "ci", device="cpu", out=tmp_path, steps=60, fused_attention=True)
    assert metrics["fused_attention"] is True
    losses = [loss for _, loss in metrics["loss_curve"]]
    assert losses[-1] < losses[0]
    model, payload = load_checkpoint(tmp_path, "cpu")
    assert payload["config"]["fused_attention"] is True
    assert (
        len(
            read_numbers(
                model, [3052], payload["width"], payload["length"], Runtime(torch.device("cpu"))
            )
        )
        == 1
    )


@pytest.mark.slow
def test_ddp_on_two_cpu_processes_keeps_replicas_identical(tmp_path):
    """torchrun 으로 gloo 프로세스 두 개를 띄워도 코드는 그대로고, 학습 뒤 두 복제본의 매개변수가 같다."""
    command = [
        sys.executable,
        "-m",
        "torch.distributed.run",
        "--standalone",
        "--nproc_per_node",
        "2",
        "-m",
        "snippets.transformer",
        "train",
        "--task",
        "numerals",
        "--preset",
        "ci",
        "--device",
        "cpu",
        "--steps",
        "4",
        "--out",
        str(tmp_path),
    ]
    result = subprocess.run(
        command,
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "OMP_NUM_THREADS": "1"},
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    metrics = json.loads((tmp_path / "metrics.json").read_text(encoding="utf-8"))
    assert metrics["world_size"] == 2
    assert metrics["replicas_identical"] is True
    assert metrics["steps"] == 4


@needs_cuda
def test_cuda_path_records_memory_and_mfu(tmp_path):
    metrics = train("numerals", "gpu", device="cuda", out=tmp_path, steps=30)
    assert metrics["device"] == "cuda" and metrics["peak_memory_bytes"] > 0
    assert metrics["mfu"] is None or 0 < metrics["mfu"] < 1


def test_bf16_peak_table_picks_the_most_specific_gpu_name():
    assert bf16_peak_flops("NVIDIA H100 80GB HBM3") == 989e12
    assert bf16_peak_flops("NVIDIA H100 PCIe") == 756e12
    assert bf16_peak_flops("NVIDIA A100-SXM4-40GB") == 312e12
    assert bf16_peak_flops("Some Future GPU") is None


def test_unknown_preset_is_a_demo_error(tmp_path):
    with pytest.raises(DemoError, match="ci, gpu"):
        train("numerals", "large", out=tmp_path)


# ---------------------------------------------------------------------------
# 언어 모델과 벤치마크: 노트북이 만든 결과
# ---------------------------------------------------------------------------


@pytest.mark.slow
def test_language_model_beats_a_uniform_guess(demo_runs):
    metrics = json.loads((demo_runs / "lm-ci" / "metrics.json").read_text(encoding="utf-8"))
    uniform = math.log(metrics["vocab_size"])
    assert metrics["val_loss_per_token"] < 0.75 * uniform
    assert metrics["val_perplexity_per_char"] == pytest.approx(
        math.exp(metrics["val_loss_per_char"])
    )
    assert metrics["sample"].startswith("트랜스포머는 ") and len(metrics["sample"]) > 100


@pytest.mark.slow
def test_forward_and_backward_take_most_of_a_cpu_step(demo_runs):
    """데모 페이지의 주장: CPU 에서는 순전파와 역전파가 한 단계의 대부분을 차지하고, 데이터 토막은 작다."""
    for run in ("numerals-ci", "lm-ci"):
        metrics = json.loads((demo_runs / run / "metrics.json").read_text(encoding="utf-8"))
        if metrics["device"] != "cpu":
            pytest.skip("데모가 CUDA 에서 실행되었다")
        share = metrics["step_time_ms"]["share"]
        assert share["forward"] + share["backward"] > 0.75, (run, share)
        assert share["data"] < 0.15, (run, share)


@pytest.mark.slow
def test_language_model_result_is_its_best_checkpoint(demo_runs):
    metrics = json.loads((demo_runs / "lm-ci" / "metrics.json").read_text(encoding="utf-8"))
    best = min(per_char for _, _, per_char in metrics["val_curve"])
    assert metrics["best_val_loss_per_char"] == pytest.approx(best, abs=1e-4)
    assert metrics["best_val_loss_per_char"] <= metrics["final_val_loss_per_char"]


def test_benchmark_shows_naive_attention_memory_growing_faster(tmp_path):
    result = run_benchmark("cpu", lengths=[64, 256], out=tmp_path, repeat=1)
    assert {"device", "torch", "date", "memory_method"} <= result.keys()
    small, large = result["rows"]
    assert large["naive_peak_bytes"] > 4 * large["fused_peak_bytes"]
    # 순진한 어텐션: 점수 행렬(8 × L × L × 4바이트)이 적어도 한 번은 살아 있다.
    assert large["naive_peak_bytes"] >= 8 * 256 * 256 * 4
    assert large["naive_peak_bytes"] / small["naive_peak_bytes"] > 8  # 길이 4배 → 메모리 약 16배
    assert {p.name for p in tmp_path.iterdir()} == {
        "bench.json",
        "attention-bench-light.svg",
        "attention-bench-dark.svg",
    }
    assert benchmark_table(result).count("\n") == 3

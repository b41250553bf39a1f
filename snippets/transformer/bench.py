"""어텐션 벤치마크: QKᵀ를 통째로 만드는 순진한 어텐션 대 F.scaled_dot_product_attention.

시퀀스 길이를 늘려 가며 지금 있는 장치에서 앞으로 계산(forward) 한 번의 시간과 최대 메모리를 잰다.
둘 다 인과 어텐션(is_causal=True)이고, 배치 1, 헤드 8, 헤드 차원 64 다.

메모리를 재는 방법:
- CUDA: torch.cuda.reset_peak_memory_stats() 뒤 torch.cuda.max_memory_allocated()에서 시작 전 할당량을 뺀다.
- CPU: torch.profiler(profile_memory=True)가 기록한 할당·해제 이벤트를 시간순으로 더해 살아 있는 바이트의
  최댓값을 구한다. PyTorch의 CPU 할당만 세며(입력 텐서는 미리 만들어 두므로 빠진다), 파이썬 tracemalloc은
  PyTorch의 할당을 보지 못해서 쓰지 않는다.
"""

from __future__ import annotations

import contextlib
import datetime
import json
import os
import statistics
import sys
import time
from pathlib import Path

import torch
import torch.nn.functional as F
from torch.profiler import ProfilerActivity, profile

from snippets.transformer.attention import scaled_dot_product_attention

HEADS, HEAD_DIM = 8, 64
CPU_LENGTHS = [128, 256, 512, 1024, 2048]
CUDA_LENGTHS = [512, 1024, 2048, 4096, 8192, 16384]


# --8<-- [start:contenders]
def naive_attention(q, k, v):
    """노트의 처음부터 짠 어텐션: (L, L) 점수 행렬을 메모리에 만든다."""
    return scaled_dot_product_attention(q, k, v, is_causal=True)[0]


def fused_attention(q, k, v):
    """PyTorch의 융합 커널: 점수 행렬을 조각내 계산해 통째로 만들지 않는다(GPU는 플래시 어텐션)."""
    return F.scaled_dot_product_attention(q, k, v, is_causal=True)


# --8<-- [end:contenders]


@contextlib.contextmanager
def quiet_stderr():
    """profiler(kineto)가 C++에서 표준 오류에 바로 쓰는 시작·끝 알림 두 줄을 잠깐 막는다."""
    sys.stderr.flush()
    saved = os.dup(2)
    with open(os.devnull, "w") as devnull:
        os.dup2(devnull.fileno(), 2)
        try:
            yield
        finally:
            os.dup2(saved, 2)
            os.close(saved)


def cpu_peak_bytes(fn):
    """fn()이 PyTorch CPU 할당기로 잡은 메모리의 최댓값(바이트). profiler의 메모리 이벤트를 시간순으로 더한다."""
    with quiet_stderr(), profile(activities=[ProfilerActivity.CPU], profile_memory=True) as prof:
        fn()
    live = peak = 0
    for event in sorted(prof.events(), key=lambda e: e.time_range.start):
        live += event.self_cpu_memory_usage
        peak = max(peak, live)
    return peak


def cuda_peak_bytes(fn, device):
    torch.cuda.synchronize(device)
    torch.cuda.reset_peak_memory_stats(device)
    before = torch.cuda.memory_allocated(device)
    fn()
    torch.cuda.synchronize(device)
    return torch.cuda.max_memory_allocated(device) - before


def time_ms(fn, device, repeat, budget_s=0.25, cap=100):
    """한 번 데운 뒤 적어도 repeat 번, 짧은 계산은 budget_s 초를 채울 때까지(최대 cap 번) 재서 중앙값(밀리초).

    짧은 길이는 한 번에 1 ms도 안 걸려서 세 번만 재면 다른 프로세스의 방해 한 번이 중앙값을 흔든다.
    """
    fn()
    times = []
    while len(times) < repeat or (sum(times) < budget_s * 1000 and len(times) < cap):
        if device.type == "cuda":
            torch.cuda.synchronize(device)
        start = time.perf_counter()
        fn()
        if device.type == "cuda":
            torch.cuda.synchronize(device)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def measure(attention, length, device, dtype, repeat):
    generator = torch.Generator(device=device).manual_seed(length)
    q, k, v = (
        torch.randn(1, HEADS, length, HEAD_DIM, device=device, dtype=dtype, generator=generator)
        for _ in range(3)
    )

    def run():
        with torch.no_grad():
            return attention(q, k, v)

    try:
        milliseconds = time_ms(run, device, repeat)
        peak = cuda_peak_bytes(run, device) if device.type == "cuda" else cpu_peak_bytes(run)
    except torch.cuda.OutOfMemoryError:
        return None, None
    finally:
        if device.type == "cuda":
            torch.cuda.empty_cache()
    return milliseconds, peak


def run_benchmark(device, lengths=None, out=None, repeat=3, train_steps=0):
    """길이마다 두 어텐션의 시간(ms)과 최대 메모리(바이트)를 재서 사전으로 돌려준다. out을 주면 JSON과 그림을 쓴다.

    train_steps가 0보다 크면 두 과제의 학습 단계도 그만큼 돌려 토막(데이터·순전파·역전파·옵티마이저)별 시간을
    `train_step_ms`에 적는다. 프리셋은 장치에 맞춘다(CPU는 ci, CUDA는 gpu).
    그림을 그리다 실패해도(글꼴 패키지가 없다든지) 이미 잰 값은 bench.json에 남고, 한 줄짜리 DemoError가 난다.
    """
    device = torch.device(device)
    cuda = device.type == "cuda"
    lengths = lengths or (CUDA_LENGTHS if cuda else CPU_LENGTHS)
    dtype = torch.bfloat16 if cuda else torch.float32
    rows = []
    for length in lengths:
        naive_ms, naive_peak = measure(naive_attention, length, device, dtype, repeat)
        fused_ms, fused_peak = measure(fused_attention, length, device, dtype, repeat)
        rows.append(
            {
                "length": length,
                "naive_ms": naive_ms,
                "fused_ms": fused_ms,
                "naive_peak_bytes": naive_peak,
                "fused_peak_bytes": fused_peak,
            }
        )
    result = {
        "device": device.type,
        "device_name": torch.cuda.get_device_name(device) if cuda else _cpu_name(),
        "torch": torch.__version__,
        "date": datetime.date.today().isoformat(),
        "dtype": str(dtype).replace("torch.", ""),
        "shape": f"배치 1 × 헤드 {HEADS} × 길이 L × 헤드 차원 {HEAD_DIM}",
        "memory_method": "torch.cuda.max_memory_allocated"
        if cuda
        else "torch.profiler 메모리 이벤트",
        "rows": rows,
    }
    if train_steps:
        from snippets.transformer.train import measure_step_times

        preset = "gpu" if cuda else "ci"
        result["train_step_ms"] = {
            task: measure_step_times(task, preset, device, steps=train_steps)
            for task in ("numerals", "lm")
        }
    if out is not None:
        out = Path(out)
        out.mkdir(parents=True, exist_ok=True)
        (out / "bench.json").write_text(
            json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
        try:
            draw_benchmark(result, out)
        except ImportError as err:
            from snippets.transformer.train import DemoError

            reason = str(err).splitlines()[0]
            raise DemoError(
                f"그림을 그리지 못했습니다: {reason} (잰 값은 {out / 'bench.json'}에 있습니다)"
            ) from None
    return result


def _cpu_name():
    from snippets.transformer.train import cpu_name

    return cpu_name()


def benchmark_table(result, timing=None):
    """마크다운 표 한 개: 길이, 두 방식의 시간과 메모리.

    timing(필드, 글자)을 주면 시간 칸을 그것으로 감싼다(노트북은 잴 때마다 다른 값이라고 표시한다).
    """
    timing = timing or (lambda field, text: text)
    lines = [
        "| 길이 L | 순진한 어텐션 (ms) | SDPA (ms) | 순진한 어텐션 메모리 (MiB) | SDPA 메모리 (MiB) |",
        "| ---: | ---: | ---: | ---: | ---: |",
    ]

    def ms(x):
        return "메모리 부족" if x is None else f"{x:.2f}"

    def mib(x):
        return "메모리 부족" if x is None else f"{x / 2**20:.1f}"

    for r in result["rows"]:
        lines.append(
            f"| {r['length']} | {timing('naive_ms', ms(r['naive_ms']))} | "
            f"{timing('fused_ms', ms(r['fused_ms']))} | "
            f"{mib(r['naive_peak_bytes'])} | {mib(r['fused_peak_bytes'])} |"
        )
    return "\n".join(lines)


def draw_benchmark(result, out_dir, panels=("ms", "peak_bytes"), name="attention-bench"):
    """시간과 메모리를 길이에 대해 로그-로그로 그린 그림 두 벌(NAME-light/dark.svg).

    panels로 그릴 칸을 고른다. 장치 이름, torch 버전, 날짜는 그림에 넣지 않는다: 그 값은 bench.json과 페이지
    글에 있고, 그림은 같은 수치면 바이트까지 같아야 한다.
    """
    import matplotlib.pyplot as plt
    from matplotlib import ticker

    from snippets.plotting import render_themes

    rows = result["rows"]
    lengths = [r["length"] for r in rows]

    def draw(palette):
        chosen = [panel for panel in PANELS if panel[0] in panels]
        fig, axes = plt.subplots(1, len(chosen), figsize=(4.5 * len(chosen), 3.6), squeeze=False)
        for ax, (key, scale, label) in zip(axes[0], chosen, strict=True):
            for name, title in (("naive", "순진한 어텐션"), ("fused", "SDPA")):
                points = [
                    (L, r[f"{name}_{key}"] / scale)
                    for L, r in zip(lengths, rows, strict=True)
                    if r[f"{name}_{key}"]
                ]
                if points:
                    ax.plot(*zip(*points, strict=True), marker="o", label=title)
            ax.set_xscale("log", base=2)
            ax.set_yscale("log")
            # 지수 표기(10^-1)는 수식 글꼴의 마이너스 기호를 써서 나눔고딕으로 그릴 수 없다: 그냥 수로 적는다.
            plain = ticker.FuncFormatter(lambda value, _: f"{value:g}")
            ax.xaxis.set_major_formatter(plain)
            ax.yaxis.set_major_formatter(plain)
            ax.yaxis.set_minor_formatter(ticker.NullFormatter())
            ax.set_xlabel("시퀀스 길이 L")
            ax.set_ylabel(label)
            ax.legend()
        fig.tight_layout()
        return fig

    return render_themes(draw, Path(out_dir), name)


PANELS = (("ms", 1, "시간 (ms)"), ("peak_bytes", 2**20, "최대 메모리 (MiB)"))

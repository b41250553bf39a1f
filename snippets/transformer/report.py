"""데모 노트북이 쓰는 보여 주기 도구: 실행 환경, 지표 표, 읽기 예시, 교차 어텐션 지도, 그림 넣기, GPU 기록.

노트북은 얇게 두고, 계산은 train·bench 모듈이, 모양내기는 이 모듈이 맡는다.

**출처 값(provenance).** 날짜, 장치, torch 버전, 스레드 수, 시간을 잰 값은 실행한 컴퓨터와 순간에 따라 다르다.
이 값들은 그림에 넣지 않고 페이지 글에만 쓰며, `<span class="gongbu-provenance" data-field="키">`로 감싼다.
PROVENANCE_FIELDS가 그 목록이다. 노트북을 두 번 실행한 결과는 이 칸들만 빼면 바이트까지 같아야 한다
(tests/test_transformer_notebook.py).
"""

from __future__ import annotations

import base64
import datetime
import html
import json
import platform
from pathlib import Path

import torch

from snippets.transformer import numerals
from snippets.transformer.train import cpu_name, read_numbers

ROOT = Path(__file__).resolve().parents[2]
GPU_RUNS = (
    ROOT / "data" / "gpu-runs"
)  # 커밋한 GPU 실행 기록(train의 metrics.json, bench의 bench.json)

# 실행할 때마다, 컴퓨터마다 달라지는 값. 표에서 이 키의 값은 출처 표시로 감싼다.
PROVENANCE_FIELDS = frozenset(
    {
        "장치",
        "CPU 스레드(torch 기본값)",
        "torch",
        "Python",
        "실행한 날",
        "device",
        "device_name",
        "date",
        "threads",
        "train_seconds",
        "compile_seconds",
        "steps_per_second",
        "tokens_per_second",
        "step_time_ms",
        "data_ms",
        "forward_ms",
        "backward_ms",
        "optimizer_ms",
        "total_ms",
        "naive_ms",
        "fused_ms",
    }
)


def provenance(field, value):
    """출처 값 하나를 페이지 글에 넣을 HTML 조각으로. 두 번 실행한 결과를 비교할 때 이 조각만 건너뛴다.

    >>> provenance("date", "2026-01-02")
    '<span class="gongbu-provenance" data-field="date">2026-01-02</span>'
    """
    return (
        f'<span class="gongbu-provenance" data-field="{html.escape(field)}">'
        f"{html.escape(str(value))}</span>"
    )


def environment(device):
    """출력을 만든 장치와 버전. 노트북 첫머리에 찍는다."""
    device = torch.device(device)
    name = torch.cuda.get_device_name(device) if device.type == "cuda" else cpu_name()
    return {
        "장치": f"{device.type} ({name})",
        "CPU 스레드(torch 기본값)": torch.get_num_threads(),
        "torch": torch.__version__,
        "Python": platform.python_version(),
        "실행한 날": datetime.date.today().isoformat(),
    }


def markdown_table(rows, headers):
    """행 목록을 마크다운 표 문자열로."""
    lines = ["| " + " | ".join(headers) + " |", "| " + " | ".join("---" for _ in headers) + " |"]
    lines += ["| " + " | ".join(str(cell) for cell in row) + " |" for row in rows]
    return "\n".join(lines)


def show_value(key, value):
    """표에 넣을 값: 정확도는 소수 셋째 자리, 큰 실수는 천 단위 쉼표, 나머지 실수는 유효 숫자 네 자리."""
    if not isinstance(value, float):
        return value
    if "exact_match" in key:
        return f"{value:.3f}"
    return f"{value:,.0f}" if abs(value) >= 1000 else f"{value:.4g}"


def key_value_table(mapping):
    """(항목, 값) 표. 출처 값(PROVENANCE_FIELDS)은 provenance()로 감싼다."""
    rows = []
    for key, value in mapping.items():
        shown = show_value(key, value)
        rows.append((key, provenance(key, shown) if key in PROVENANCE_FIELDS else shown))
    return markdown_table(rows, ["항목", "값"])


def step_time_table(breakdowns):
    """{이름: StepTimer.summary()} → 토막별 한 단계 평균 시간(ms)과 몫. 시간은 모두 출처 값이다."""
    phases = ("data", "forward", "backward", "optimizer")
    rows = []
    for name, summary in breakdowns.items():
        cells = [
            provenance(f"{p}_ms", f"{summary[f'{p}_ms']:.2f} ({summary['share'][p]:.0%})")
            for p in phases
        ]
        rows.append((name, *cells, provenance("total_ms", f"{summary['total_ms']:.2f}")))
    return markdown_table(
        rows, ["실행", "데이터", "순전파", "역전파", "옵티마이저", "한 단계 (ms)"]
    )


def reading_examples(model, numbers, payload, runtime):
    """(숫자, 모델의 읽기, 정답, 맞음 여부, 시험용 여부) 표."""
    got = read_numbers(model, numbers, payload["width"], payload["length"], runtime)
    rows = []
    for n, reading in zip(numbers, got, strict=True):
        expected = numerals.read_korean(n)
        held_out = "시험" if bool(numerals.is_test(n)) else "학습"
        rows.append((n, reading, expected, "O" if reading == expected else "X", held_out))
    return markdown_table(rows, ["숫자", "모델", "정답", "일치", "분할"])


@torch.no_grad()
def cross_attention(model, number, payload, runtime):
    """숫자 하나를 읽게 하고, 마지막 디코더 층의 교차 어텐션(헤드 평균)을 (출력 음절 × 입력 자릿수)로 돌려준다."""
    model.eval()
    src = numerals.encode_numbers([number], payload["width"]).to(runtime.device)
    from snippets.transformer.model import greedy_decode

    out = greedy_decode(model, src, numerals.BOS, numerals.EOS, max_len=payload["length"] + 1)
    ids = out[0].tolist()
    end = ids.index(numerals.EOS) if numerals.EOS in ids else len(ids) - 1
    decoder_input = out[:, :end]  # <s>와 만든 음절들: 위치 t의 가중치로 t+1 번째 토큰을 낸다
    _, weights = model.decode(decoder_input, model.encode(src), need_weights=True)
    produced = [numerals.TARGET_VOCAB[i] for i in ids[1 : end + 1]]  # 마지막은 </s>
    digits = list(f"{number:0{payload['width']}d}")
    return digits, produced, weights[0].mean(dim=0).float().cpu()


def draw_cross_attention(maps):
    """maps: [(숫자, 자릿수, 음절, 가중치)] → render_themes에 넘길 draw 함수."""
    import matplotlib.pyplot as plt

    def draw(palette):
        fig, axes = plt.subplots(1, len(maps), figsize=(3.2 * len(maps), 3.6))
        axes = [axes] if len(maps) == 1 else axes
        for ax, (number, digits, syllables, weights) in zip(axes, maps, strict=True):
            ax.imshow(weights.numpy(), cmap="Blues", vmin=0, vmax=1, aspect="auto")
            ax.set_xticks(range(len(digits)), digits)
            ax.set_yticks(range(len(syllables)), syllables)
            ax.set_xlabel("입력 자릿수")
            ax.set_title(f"{number}", fontsize=11)
            ax.grid(False)
        axes[0].set_ylabel("출력 음절")
        fig.tight_layout()
        return fig

    return draw


def show_figure(out_dir, name, alt):
    """render_themes가 쓴 NAME-light.svg, NAME-dark.svg를 사이트의 밝은/어두운 테마에 맞춰 보이는 HTML로."""
    from IPython.display import HTML

    parts = []
    for theme in ("light", "dark"):
        data = base64.b64encode((Path(out_dir) / f"{name}-{theme}.svg").read_bytes()).decode()
        parts.append(
            f'<img src="data:image/svg+xml;base64,{data}#only-{theme}" alt="{html.escape(alt)}">'
        )
    return HTML("\n".join(parts))


# ---------------------------------------------------------------------------
# 언어 모델의 검증 곡선과 GPU 기록
# ---------------------------------------------------------------------------


def draw_validation_curves(runs):
    """runs: {이름: lm metrics}. 말뭉치를 돈 횟수(에폭)에 대한 검증 손실(문자당)과 가장 좋았던 점."""
    import matplotlib.pyplot as plt
    from matplotlib import ticker

    def draw(palette):
        fig, ax = plt.subplots(figsize=(6.4, 3.6))
        for name, metrics in runs.items():
            per_epoch = metrics["tokens_per_step"] / metrics["train_tokens"]
            steps, _, per_char = zip(*metrics["val_curve"], strict=True)
            (line,) = ax.plot([s * per_epoch for s in steps], per_char, marker=".", label=name)
            best = metrics["best_step"] * per_epoch
            ax.plot(
                [best],
                [metrics["best_val_loss_per_char"]],
                marker="*",
                markersize=12,
                color=line.get_color(),
                linestyle="none",
            )
        ax.set_xscale("log")
        # 로그 축의 기본 눈금(10^-1)은 수식 글꼴의 마이너스를 써서 나눔고딕으로 그릴 수 없다: 그냥 수로 적는다.
        ax.xaxis.set_major_locator(ticker.LogLocator(subs=(1, 2, 5)))  # 1, 2, 5, 10, 20, ...
        ax.xaxis.set_major_formatter(ticker.FuncFormatter(lambda value, _: f"{value:g}"))
        ax.xaxis.set_minor_formatter(ticker.NullFormatter())
        ax.set_xlabel("말뭉치를 돈 횟수 (에폭)")
        ax.set_ylabel("검증 손실 (nats/문자)")
        ax.legend(title="별: 남긴 체크포인트")
        fig.tight_layout()
        return fig

    return draw


def load_gpu_runs(folder=GPU_RUNS):
    """커밋한 GPU 기록을 읽어 {"numerals": ..., "lm": ..., "bench": ...} 중 있는 것만, 종류마다 가장 최근 것.

    이 프로젝트의 train(metrics.json)과 bench(bench.json)가 쓴 파일이어야 한다: CUDA 장치 이름, torch 버전,
    날짜가 없으면 받지 않는다(ValueError). 손으로 적은 숫자가 페이지에 오르지 않게 하려는 것이다.
    """
    found = {}
    for path in sorted(Path(folder).glob("*.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        missing = {"device", "device_name", "torch", "date"} - record.keys()
        if missing or record["device"] != "cuda":
            raise ValueError(
                f"{path.name}: train/bench가 CUDA에서 쓴 기록이 아닙니다(빠진 키: {sorted(missing)})"
            )
        kind = "bench" if "rows" in record else record.get("task")
        if kind not in ("numerals", "lm", "bench"):
            raise ValueError(f"{path.name}: 무엇의 기록인지 모릅니다(task: {kind})")
        record["file"] = path.name
        if kind not in found or record["date"] >= found[kind]["date"]:
            found[kind] = record
    return found


def provenance_line(record):
    """'NVIDIA H200 · torch 2.11 · 2026-12-04 · 파일' 한 줄(페이지 글)."""
    return " · ".join(
        provenance(key, record[key]) if key in PROVENANCE_FIELDS else html.escape(str(record[key]))
        for key in ("device_name", "torch", "date", "file")
    )


def _cell(value, digits=3):
    if value is None:
        return "—"
    if isinstance(value, float):
        return f"{value:,.0f}" if abs(value) >= 1000 else f"{value:.{digits}g}"
    return f"{value:,}" if isinstance(value, int) and not isinstance(value, bool) else str(value)


COMPARED = {
    "numerals": [
        "params",
        "steps",
        "train_seconds",
        "steps_per_second",
        "tokens_per_second",
        "test_numbers",
        "test_exact_match",
        "mfu",
    ],
    "lm": [
        "params",
        "steps",
        "best_step",
        "early_stopped",
        "train_seconds",
        "tokens_per_second",
        "best_val_loss_per_char",
        "final_val_loss_per_char",
        "mfu",
    ],
}


def cpu_gpu_table(kind, cpu, gpu):
    """같은 과제의 CPU 실행(이번 빌드)과 GPU 기록(커밋한 파일)을 나란히. CPU의 시간 값은 출처 값이다."""
    rows = []
    for key in COMPARED[kind]:
        here = _cell(cpu.get(key))
        if key in PROVENANCE_FIELDS:
            here = provenance(key, here)
        rows.append((key, here, _cell(gpu.get(key)) if gpu else "—"))
    return markdown_table(rows, ["항목", f"CPU (프리셋 {cpu['preset']})", "GPU 기록"])


def gpu_section(runs, cpu_numerals, cpu_lm):
    """GPU 기록이 있으면 출처 줄과 CPU 대 GPU 표를, 없으면 아직 기록이 없다는 문단을 마크다운으로."""
    if not runs:
        return (
            "GPU에서 잰 값은 아직 기록되지 않았다. CUDA가 있는 컴퓨터에서 `benchmarks/gpu_check.sh`를 돌리고, "
            "그 폴더의 `gpu-runs/*.json`을 저장소의 `data/gpu-runs/`에 커밋하면 다음 빌드부터 이 자리에 "
            "CPU 결과와 나란히 나온다."
        )
    parts = []
    for kind, cpu, title in (("numerals", cpu_numerals, "숫자 읽기"), ("lm", cpu_lm, "언어 모델")):
        if kind in runs:
            parts.append(f"**{title}** — GPU 기록: {provenance_line(runs[kind])}\n")
            parts.append(cpu_gpu_table(kind, cpu, runs[kind]))
    if "bench" in runs:
        parts.append(f"**어텐션 벤치마크** — GPU 기록: {provenance_line(runs['bench'])}\n")
        from snippets.transformer.bench import benchmark_table

        parts.append(benchmark_table(runs["bench"]))
    return "\n\n".join(parts)

"""데모 노트북이 쓰는 보여 주기 도구: 실행 환경, 지표 표, 읽기 예시, 교차 어텐션 지도, 그림 넣기.

노트북은 얇게 두고, 계산은 train·bench 모듈이, 모양내기는 이 모듈이 맡는다.
"""

from __future__ import annotations

import base64
import datetime
import html
import platform
from pathlib import Path

import torch

from snippets.transformer import numerals
from snippets.transformer.train import cpu_name, read_numbers


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
    return markdown_table(
        [(key, show_value(key, value)) for key, value in mapping.items()], ["항목", "값"]
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
    decoder_input = out[:, :end]  # <s> 와 만든 음절들: 위치 t 의 가중치로 t+1 번째 토큰을 낸다
    _, weights = model.decode(decoder_input, model.encode(src), need_weights=True)
    produced = [numerals.TARGET_VOCAB[i] for i in ids[1 : end + 1]]  # 마지막은 </s>
    digits = list(f"{number:0{payload['width']}d}")
    return digits, produced, weights[0].mean(dim=0).float().cpu()


def draw_cross_attention(maps):
    """maps: [(숫자, 자릿수, 음절, 가중치)] → render_themes 에 넘길 draw 함수."""
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
    """render_themes 가 쓴 NAME-light.svg, NAME-dark.svg 를 사이트의 밝은/어두운 테마에 맞춰 보이는 HTML 로."""
    from IPython.display import HTML

    parts = []
    for theme in ("light", "dark"):
        data = base64.b64encode((Path(out_dir) / f"{name}-{theme}.svg").read_bytes()).decode()
        parts.append(
            f'<img src="data:image/svg+xml;base64,{data}#only-{theme}" alt="{html.escape(alt)}">'
        )
    return HTML("\n".join(parts))

"""그림 1: 활성화 함수(시그모이드, tanh, ReLU) × 초기화(표준편차 0.01, Xavier, He) 격자.

칸마다 1층부터 5층까지의 활성화 값 히스토그램을 위에서 아래로 쌓는다. 데이터는
snippets.weight_init.activations.layer_activations가 만든다(노트가 보여 주는 바로 그 코드).
"""

from __future__ import annotations

import pathlib
import sys

import matplotlib.pyplot as plt
import numpy as np

from snippets.plotting import render_themes
from snippets.weight_init.activations import layer_activations

ACTIVATIONS = (
    ("sigmoid", "시그모이드", (0.0, 1.0)),
    ("tanh", "tanh", (-1.0, 1.0)),
    ("relu", "ReLU", (0.0, 3.0)),
)
SCHEMES = (("std0.01", "표준편차 0.01"), ("xavier", "Xavier"), ("he", "He"))
BINS = 40
RIDGE = 1.2  # 층 하나가 차지하는 세로 칸


def histogram(values: np.ndarray, value_range: tuple[float, float]) -> np.ndarray:
    counts, _ = np.histogram(values, bins=BINS, range=value_range)  # 구간 밖의 값은 세지 않는다
    return counts / counts.max()


def draw(palette: dict) -> plt.Figure:
    fig, axes = plt.subplots(len(ACTIVATIONS), len(SCHEMES), figsize=(8.6, 8.8))
    for row, (activation, act_label, value_range) in enumerate(ACTIVATIONS):
        edges = np.linspace(*value_range, BINS + 1)
        for col, (scheme, scheme_label) in enumerate(SCHEMES):
            ax = axes[row, col]
            layers = [h.numpy().ravel() for h in layer_activations(activation, scheme)]
            color = palette["series"][col]
            # 층마다 한 줄씩, 위에서 아래로 1층 -> 5층. 줄 하나의 높이는 1.2.
            for depth, values in enumerate(layers):
                base = (len(layers) - 1 - depth) * RIDGE
                shown = values[values > 0] if activation == "relu" else values
                ax.stairs(
                    histogram(shown, value_range) + base,
                    edges,
                    baseline=base,
                    fill=True,
                    color=color,
                    alpha=0.85,
                )
                ax.axhline(base, color=palette["fg"], linewidth=0.6)
                ax.text(
                    1.02,
                    base + 0.25,
                    f"σ {values.std():.3f}",
                    transform=ax.get_yaxis_transform(),
                    ha="left",
                    fontsize=8,
                )
            ax.set_xlim(*value_range)
            ax.set_ylim(0, len(layers) * RIDGE)
            ax.set_yticks([(len(layers) - 1 - d) * RIDGE + 0.4 for d in range(len(layers))])
            ax.set_yticklabels(
                [f"{d + 1}층" for d in range(len(layers))] if col == 0 else [], fontsize=8.5
            )
            ax.tick_params(axis="y", length=0)
            ax.tick_params(axis="x", labelsize=8)
            ax.grid(False)
            for side in ("top", "right", "left"):
                ax.spines[side].set_visible(False)
            if row == 0:
                ax.set_title(scheme_label, fontsize=12, pad=10)
            if col == 0:
                ax.set_ylabel(act_label, fontsize=12, fontweight="bold", labelpad=12)
    fig.suptitle("층별 활성화 값의 분포\n(입력 1000×100, 층마다 100 유닛, 편향 없음)", fontsize=12)
    fig.text(
        0.5,
        -0.01,
        "ReLU는 0보다 크고 3 이하인 값만 그렸다. 막대 높이는 층마다 가장 높은 막대를 1로 맞췄다.\n"
        "σ는 그 층 활성화 값 전체의 표준편차.",
        ha="center",
        va="top",
        fontsize=8.5,
        wrap=True,
    )
    fig.tight_layout(h_pad=2.0, w_pad=3.0)
    return fig


def main(out_dir: pathlib.Path) -> None:
    render_themes(draw, out_dir, "activation_grid")


if __name__ == "__main__":
    main(pathlib.Path(sys.argv[1]))

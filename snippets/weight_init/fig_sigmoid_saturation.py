"""그림: 시그모이드 신경망의 두 가지 실패. 표준편차 1이면 0과 1로 몰리고(포화),
표준편차 0.01이면 0.5에 몰린다. 데이터는 snippets.weight_init.activations에서 온다."""

from __future__ import annotations

import pathlib
import sys

import matplotlib.pyplot as plt
import numpy as np

from snippets.plotting import render_themes
from snippets.weight_init.activations import layer_activations, saturated_fraction

ROWS = (("std1", "표준편차 1"), ("std0.01", "표준편차 0.01"))
BINS = 30


def draw(palette: dict) -> plt.Figure:
    fig, axes = plt.subplots(len(ROWS), 5, figsize=(9, 4.8), sharex=True, sharey="row")
    edges = np.linspace(0.0, 1.0, BINS + 1)
    for row, (scheme, label) in enumerate(ROWS):
        color = palette["series"][1 if scheme == "std1" else 0]
        for depth, h in enumerate(layer_activations("sigmoid", scheme)):
            ax = axes[row, depth]
            counts, _ = np.histogram(h.numpy().ravel(), bins=edges)
            ax.stairs(100 * counts / counts.sum(), edges, fill=True, color=color, alpha=0.85)
            ax.set_xticks([0.0, 0.5, 1.0])
            if scheme == "std1":
                share = saturated_fraction(h)
                ax.text(
                    0.5,
                    0.95,
                    f"양 끝 {share:.0%}",
                    transform=ax.transAxes,
                    ha="center",
                    va="top",
                    fontsize=9,
                )
                ax.set_ylim(0, 48)
            else:
                ax.text(
                    0.04,
                    0.95,
                    f"σ {h.std().item():.3f}",
                    transform=ax.transAxes,
                    ha="left",
                    va="top",
                    fontsize=9,
                )
            if row == 0:
                ax.set_title(f"{depth + 1}층", fontsize=11)
            if depth == 0:
                ax.set_ylabel("비율(%)", fontsize=9)
                ax.annotate(
                    label,
                    xy=(-0.42, 0.5),
                    xycoords="axes fraction",
                    rotation=90,
                    ha="center",
                    va="center",
                    fontsize=11,
                    fontweight="bold",
                )
    fig.suptitle(
        "시그모이드 활성화 값의 분포\n가중치가 크면 양 끝으로, 작으면 가운데로 몰린다", fontsize=12
    )
    fig.text(
        0.5,
        -0.02,
        "'양 끝'은 0.05 이하이거나 0.95 이상인 값의 비율. 가로축은 시그모이드 출력.",
        ha="center",
        fontsize=9,
    )
    fig.tight_layout()
    return fig


def main(out_dir: pathlib.Path) -> None:
    render_themes(draw, out_dir, "sigmoid_saturation")


if __name__ == "__main__":
    main(pathlib.Path(sys.argv[1]))

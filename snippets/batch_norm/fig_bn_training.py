"""그림 3: 가중치 초깃값의 표준편차별로, 배치 정규화가 있을 때와 없을 때의 학습 곡선.

데이터와 학습은 snippets.batch_norm.experiment.bn_comparison이 한다(노트의 표와 같은 실행).
"""

from __future__ import annotations

import math
import pathlib
import sys

import matplotlib.pyplot as plt

from snippets.batch_norm.experiment import bn_comparison
from snippets.plotting import render_themes
from snippets.weight_init.training import moving_average

Y_MAX = 3.0


def draw(palette: dict) -> plt.Figure:
    runs = bn_comparison()
    scales = sorted({run.scale for run in runs})
    fig, grid = plt.subplots(2, 3, figsize=(9, 6.2), sharey=True)
    axes = grid.ravel()
    colors = {True: palette["series"][0], False: palette["series"][1]}
    for ax, scale in zip(axes, scales, strict=False):
        for run in (r for r in runs if r.scale == scale):
            label = "BN 있음" if run.use_bn else "BN 없음"
            finite = [v for v in run.losses if math.isfinite(v)]
            style = "-" if run.use_bn else "--"
            if finite:
                ax.plot(
                    range(1, len(finite) + 1),
                    moving_average(finite, 10),
                    style,
                    color=colors[run.use_bn],
                    linewidth=2,
                    label=label,
                )
            if len(finite) < len(run.losses):  # 손실이 inf/nan이 되어 멈춘 학습
                ax.text(
                    0.96,
                    0.92,
                    f"{label}: 손실이 치솟다가\n{len(finite) + 1}단계에서 발산",
                    transform=ax.transAxes,
                    ha="right",
                    va="top",
                    fontsize=9,
                    color=colors[run.use_bn],
                )
        ax.set_title(f"표준편차 {scale}", fontsize=11)
        ax.set_ylim(0, Y_MAX)
        ax.set_xlim(1, len(runs[0].losses))
    for ax in grid[1]:
        ax.set_xlabel("학습 단계")
    for ax in grid[:, 0]:
        ax.set_ylabel("손실 (10단계 이동 평균)")
    # 남는 여섯째 칸에는 범례와 설명을 둔다
    legend_ax = axes[len(scales)]
    legend_ax.axis("off")
    handles, labels = axes[0].get_legend_handles_labels()
    legend_ax.legend(handles, labels, loc="upper left", fontsize=10)
    legend_ax.text(
        0.02,
        0.55,
        "가중치를 모두 N(0, 표준편차²)에서 뽑고\n같은 미니배치 순서, 학습률 0.05로\n"
        "300단계 학습했다.\n손실 3 이상은 잘랐다.",
        transform=legend_ax.transAxes,
        va="top",
        fontsize=9,
    )
    fig.suptitle(
        "가중치 초깃값의 규모에 따른 학습 곡선: 배치 정규화가 있을 때와 없을 때", fontsize=12
    )
    fig.tight_layout()
    return fig


def main(out_dir: pathlib.Path) -> None:
    render_themes(draw, out_dir, "bn_training")


if __name__ == "__main__":
    main(pathlib.Path(sys.argv[1]))

"""학습 곡선 그림: 은닉층 5개짜리 ReLU 다층 퍼셉트론을 초기화 방식만 바꿔 학습한 손실 곡선.

데이터와 학습은 snippets.weight_init.training.init_comparison이 한다. MNIST가 있으면 MNIST,
없으면 scikit-learn의 8×8 숫자를 쓴다(source="auto"). 어느 쪽인지는 그림 제목에 적는다.
"""

from __future__ import annotations

import pathlib
import sys

import matplotlib.pyplot as plt

from snippets.plotting import render_themes
from snippets.weight_init.training import init_comparison, load_digits_data, moving_average

LABELS = {"std0.01": "표준편차 0.01", "xavier": "Xavier", "he": "He"}


def draw(palette: dict) -> plt.Figure:
    source_name = load_digits_data("auto").name
    runs = init_comparison(source="auto")
    fig, ax = plt.subplots(figsize=(8, 4.6))
    for color, run in zip(palette["series"], runs, strict=False):
        steps = range(1, len(run.losses) + 1)
        ax.plot(steps, run.losses, color=color, alpha=0.25, linewidth=0.8)
        label = f"{LABELS[run.scheme]} (시험 정확도 {run.test_accuracy:.0%})"
        ax.plot(steps, moving_average(run.losses, 20), color=color, linewidth=2.2, label=label)
    ax.set_xlabel("학습 단계 (미니배치 크기 64, SGD 학습률 0.01)")
    ax.set_ylabel("교차 엔트로피 손실")
    ax.set_ylim(bottom=0)
    ax.set_xlim(1, len(runs[0].losses))
    ax.set_title(
        f"초기화 방식별 학습 곡선: ReLU 은닉층 5개 × 100 유닛, 데이터 {source_name}", fontsize=11
    )
    ax.legend(loc="lower left")
    fig.tight_layout()
    return fig


def main(out_dir: pathlib.Path) -> None:
    render_themes(draw, out_dir, "training_curves")


if __name__ == "__main__":
    main(pathlib.Path(sys.argv[1]))

"""그림: 원 논문의 학습률 일정 (워밍업 뒤 단계 수의 -1/2 제곱으로 감소)."""

import pathlib
import sys

from snippets.attention.schedule import transformer_lr
from snippets.plotting import render_themes

STEPS = range(1, 40001, 50)
SETTINGS = [(512, 4000), (512, 8000), (256, 4000)]


def main(out_dir: pathlib.Path) -> None:
    import matplotlib.pyplot as plt

    curves = {s: [transformer_lr(step, *s) for step in STEPS] for s in SETTINGS}

    def draw(palette):
        fig, ax = plt.subplots(figsize=(7, 3.8))
        for i, ((d_model, warmup), values) in enumerate(curves.items()):
            ax.plot(
                list(STEPS),
                [v * 1000 for v in values],
                color=palette["series"][i],
                label=f"d_model = {d_model}, 워밍업 {warmup:,}단계",
            )
        ax.set_xlabel("학습 단계 수")
        ax.set_ylabel("학습률 (× 0.001)")
        ax.set_title("워밍업 동안 오르고, 그 뒤 단계 수의 제곱근에 반비례해 준다")
        ax.legend()
        fig.tight_layout()
        return fig

    render_themes(draw, out_dir, "lr-schedule")


if __name__ == "__main__":
    main(pathlib.Path(sys.argv[1]))

"""그림: 시간을 거슬러 갈수록 기울기가 얼마나 줄거나 커지는지 (활성화 함수별, 셀 종류별)."""

import pathlib
import sys

import numpy as np

from snippets.plotting import render_themes
from snippets.sequence_models.gradients import gradient_norms, input_gradient_norms

STEPS = 50
ACTIVATIONS = ("linear", "tanh", "sigmoid", "relu")
CELLS = (
    ("rnn", None, "RNN"),
    ("gru", None, "GRU"),
    ("lstm", None, "LSTM"),
    ("lstm", 3.0, "LSTM, 망각 편향 3"),
)


def data() -> dict:
    by_activation = {
        (name, scale): gradient_norms(name, scale, steps=STEPS)
        for name in ACTIVATIONS
        for scale in (1.0, 2.0)
    }
    by_cell = {label: input_gradient_norms(kind, forget_bias=fb) for kind, fb, label in CELLS}
    return {"activation": by_activation, "cell": by_cell}


def log_axis(ax) -> None:
    """로그 축의 눈금을 1e-20처럼 쓴다. 기본 눈금은 수식 글꼴의 마이너스(U+2212)를 써서 나눔고딕에 없다."""
    from matplotlib.ticker import FuncFormatter, LogLocator, NullLocator

    ax.set_yscale("log")
    ax.yaxis.set_major_locator(LogLocator(base=10, numticks=8))
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: f"1e{round(np.log10(v)):d}"))
    ax.yaxis.set_minor_locator(NullLocator())


def main(out_dir: pathlib.Path) -> None:
    import matplotlib.pyplot as plt

    values = data()

    def draw(palette):
        fig, (left, right) = plt.subplots(1, 2, figsize=(10, 4.2))
        colors = palette["series"]
        for i, name in enumerate(ACTIVATIONS):
            for scale, style in ((1.0, "-"), (2.0, "--")):
                ratios = np.array(values["activation"][(name, scale)])
                steps_back = np.arange(STEPS - 1, -1, -1)  # 마지막 시점에서 몇 칸 거슬러 왔는가
                left.plot(
                    steps_back,
                    np.clip(ratios, 1e-40, 1e40),
                    style,
                    color=colors[i],
                    label=f"{name}, W×{scale:g}",
                )
        log_axis(left)
        left.set_xlabel("거슬러 올라간 시점 수")
        left.set_ylabel("기울기 노름 비율")
        left.set_title("활성화 함수와 W의 크기 (직교 W × 배율)")
        left.legend(fontsize=8, ncol=2)
        for i, (_, _, label) in enumerate(CELLS):
            ratios = np.array(values["cell"][label])
            right.plot(np.arange(len(ratios) - 1, -1, -1), ratios, color=colors[i], label=label)
        log_axis(right)
        right.set_xlabel("거슬러 올라간 시점 수")
        right.set_ylabel("입력 기울기 노름 비율")
        right.set_title("은닉 64, 100시점: RNN, GRU, LSTM")
        right.legend(fontsize=8)
        fig.tight_layout()
        return fig

    render_themes(draw, out_dir, "gradient-flow")


if __name__ == "__main__":
    main(pathlib.Path(sys.argv[1]))

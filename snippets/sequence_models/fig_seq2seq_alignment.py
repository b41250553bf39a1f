"""그림: 베끼기 과제에서 어텐션 없는 seq2seq와 있는 seq2seq의 위치별 정확도, 그리고 학습된 정렬.

values.json: 모델마다 출력 위치별 정확도(예: plain_1 … plain_8). 노트의 표가 이 값을 싣는다.
"""

import pathlib
import sys

import numpy as np

from snippets.plotting import render_themes, save_values
from snippets.sequence_models.seq2seq import bottleneck_experiment

MODELS = ("plain", "plain_forced", "plain_reversed", "attention")


def values(result: dict) -> dict[str, str]:
    """노트에 실을 값: '<모델>_<위치>' -> 소수 둘째 자리까지의 정확도."""
    return {
        f"{model}_{position}": f"{accuracy:.2f}"
        for model in MODELS
        for position, accuracy in enumerate(result[model], start=1)
    }


# 왼쪽 그림의 선: (결과 키, 선 모양, 팔레트 색 번호, 범례)
SERIES = [
    ("plain", "o-", 1, "어텐션 없음 (문맥 벡터 하나)"),
    ("plain_forced", "o--", 2, "어텐션 없음, 평가 때도 정답을 넣어 줌"),
    ("plain_reversed", "^:", 3, "어텐션 없음, 입력을 뒤집어 학습"),
    ("attention", "s-", 0, "덧셈 어텐션"),
]


def main(out_dir: pathlib.Path) -> None:
    import matplotlib.pyplot as plt

    result = bottleneck_experiment()
    positions = np.arange(1, len(result["plain"]) + 1)
    example = result["example"]
    weights = np.array(example["weights"])

    def draw(palette):
        fig, (left, right) = plt.subplots(
            1, 2, figsize=(10, 4.2), gridspec_kw={"width_ratios": [1.1, 1]}
        )
        for key, style, colour, label in SERIES:
            left.plot(positions, result[key], style, color=palette["series"][colour], label=label)
        left.set_ylim(0, 1.05)
        left.set_xticks(positions)
        left.set_xlabel("출력 위치")
        left.set_ylabel("맞힌 비율")
        left.set_title("길이 8 숫자열 베끼기: 위치별 정확도")
        left.legend(loc="lower left")
        image = right.imshow(weights, cmap="viridis", vmin=0, vmax=1)
        right.grid(False)
        right.set_xticks(
            positions - 1,
            labels=[f"{d}\n({p})" for p, d in zip(positions, example["src"], strict=True)],
        )
        right.set_yticks(
            positions - 1,
            labels=[f"({p}) {d}" for p, d in zip(positions, example["output"], strict=True)],
        )
        right.set_xlabel("입력 숫자 (위치)")
        right.set_ylabel("출력 숫자 (위치)")
        right.set_title("어텐션 가중치: 출력마다 어느 입력을 보는가")
        fig.colorbar(image, ax=right, fraction=0.046, pad=0.04)
        fig.tight_layout()
        return fig

    render_themes(draw, out_dir, "seq2seq-alignment")
    save_values(out_dir, values(result))


if __name__ == "__main__":
    main(pathlib.Path(sys.argv[1]))

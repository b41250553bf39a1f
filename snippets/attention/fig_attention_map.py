"""그림 5: 손으로 만든 문장 하나의 셀프 어텐션 가중치 (마스크 없음 / 인과 마스크)."""

import pathlib
import sys

from snippets.attention.toy_sentence import TOKENS, toy_attention
from snippets.plotting import render_themes


def main(out_dir: pathlib.Path) -> None:
    import matplotlib.pyplot as plt

    panels = [
        ("마스크 없음", toy_attention().numpy()),
        ("인과 마스크", toy_attention(is_causal=True).numpy()),
    ]

    def draw(palette):
        fig, axes = plt.subplots(1, 2, figsize=(10.5, 4.6), layout="constrained")
        for ax, (title, weights) in zip(axes, panels, strict=True):
            image = ax.imshow(weights, cmap="viridis", vmin=0, vmax=1)
            ax.grid(False)
            ticks = range(len(TOKENS))
            ax.set_xticks(ticks, labels=TOKENS)
            ax.set_yticks(ticks, labels=TOKENS)
            ax.set_xlabel("키 (보이는 단어)")
            ax.set_title(title)
            for i in ticks:
                for j in ticks:
                    value = weights[i, j]
                    ax.text(
                        j,
                        i,
                        f"{value:.2f}",
                        ha="center",
                        va="center",
                        fontsize=9,
                        color="#1f2330" if value > 0.6 else "#ffffff",
                    )
        axes[0].set_ylabel("쿼리 (보는 단어)")
        fig.colorbar(image, ax=axes, fraction=0.025, pad=0.02)
        return fig

    render_themes(draw, out_dir, "attention-map")


if __name__ == "__main__":
    main(pathlib.Path(sys.argv[1]))

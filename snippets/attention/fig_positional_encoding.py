"""그림 4: 사인파 위치 인코딩의 열지도와, 거리에 따른 위치 벡터의 유사도."""

import pathlib
import sys

import numpy as np

from snippets.attention.positions import similarity_by_distance
from snippets.plotting import render_themes, save_values
from snippets.transformer.attention import positional_encoding

MAX_LEN, D_MODEL = 100, 64
D_CURVES = (16, 64, 256)  # 오른쪽 그래프의 차원들


def main(out_dir: pathlib.Path) -> None:
    import matplotlib.pyplot as plt

    pe = positional_encoding(MAX_LEN, D_MODEL).numpy()
    distances = np.arange(MAX_LEN)
    # ||PE[p]||² = d/2이므로 d/2로 나누면 코사인 유사도가 된다.
    cosine = {d: np.array(similarity_by_distance(MAX_LEN, d)) / (d / 2) for d in D_CURVES}

    def draw(palette):
        fig, (left, right) = plt.subplots(
            1, 2, figsize=(10.5, 4.2), gridspec_kw={"width_ratios": [1.15, 1]}
        )
        image = left.imshow(
            pe, cmap="RdBu_r", vmin=-1, vmax=1, aspect="auto", interpolation="nearest"
        )
        left.grid(False)
        left.set_xlabel("차원 (짝수 sin, 홀수 cos)")
        left.set_ylabel("위치 pos")
        left.set_title(f"위치 인코딩 (d_model = {D_MODEL})")
        fig.colorbar(image, ax=left, fraction=0.046, pad=0.03)
        for i, (d, values) in enumerate(cosine.items()):
            right.plot(distances, values, color=palette["series"][i], label=f"d_model = {d}")
        right.set_xlabel("두 위치 사이의 거리 k")
        right.set_ylabel("코사인 유사도 PE[p]·PE[p+k] / (d/2)")
        right.set_title("거리에 따른 유사도 (p와 무관)")
        right.legend()
        fig.tight_layout()
        return fig

    render_themes(draw, out_dir, "positional-encoding")
    # 노트의 문장이 그림의 설정을 그대로 싣는다.
    save_values(
        out_dir,
        {"max_len": str(MAX_LEN), "d_model": str(D_MODEL), "smallest_d": str(min(D_CURVES))},
    )


if __name__ == "__main__":
    main(pathlib.Path(sys.argv[1]))

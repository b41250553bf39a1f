"""그림 스크립트가 함께 쓰는 matplotlib 설정: 한국어 글꼴, 밝은/어두운 테마, 결정적인 SVG.

- 글꼴은 koreanize-matplotlib 패키지에 들어 있는 나눔고딕을 쓴다. 설치만 하면 되고 내려받지 않는다.
- 글자는 SVG 안에서 곡선(path)으로 바뀌므로 독자의 컴퓨터에 글꼴이 없어도 된다.
- 글리프가 없는 글자는 경고가 아니라 오류로 만든다(`MissingGlyphError`).
- 날짜 메타데이터와 무작위 id를 없애, 같은 입력이면 바이트까지 같은 파일이 나온다.
"""

from __future__ import annotations

import importlib.util
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
from matplotlib import font_manager  # noqa: E402

THEMES = ("light", "dark")
# koreanize-matplotlib은 글꼴 파일만 빌린다: import 하면 rcParams를 바꾸므로 위치만 찾는다.
# 패키지가 없으면 find_spec이 None을 돌려준다. 그때는 AttributeError 대신 무엇을 설치할지 알려 준다.
_FONT_SPEC = importlib.util.find_spec("koreanize_matplotlib")
if _FONT_SPEC is None or _FONT_SPEC.origin is None:
    raise ModuleNotFoundError(
        "그림에 쓰는 한국어 글꼴 패키지 koreanize-matplotlib이 없습니다"
        " — pip install -r requirements.txt로 설치하세요",
        name="koreanize_matplotlib",
    )
_FONT_DIR = Path(_FONT_SPEC.origin).parent / "fonts"
FONT_FILE = _FONT_DIR / "NanumGothic.ttf"

# Material 팔레트와 어울리는 색. 선 색은 두 테마 모두에서 대비가 충분하도록 골랐다.
PALETTES = {
    "light": {
        "fg": "#1f2330",
        "grid": "#d5d8e0",
        "series": ["#3f51b5", "#d1495b", "#2a9d8f", "#e9a23b", "#7b4fa0"],
    },
    "dark": {
        "fg": "#e3e6ef",
        "grid": "#3d4256",
        "series": ["#8c9eff", "#ff8a80", "#64d8cb", "#ffd180", "#ce93d8"],
    },
}


class MissingGlyphError(RuntimeError):
    """그림의 글자 중 글꼴에 없는 것이 있다."""


def _register_font() -> str:
    for path in _FONT_DIR.glob("*.ttf"):
        font_manager.fontManager.addfont(str(path))
    return font_manager.FontProperties(fname=str(FONT_FILE)).get_name()


FONT_NAME = _register_font()


def rc_for(theme: str) -> dict:
    if theme not in PALETTES:
        raise ValueError(f"모르는 테마 {theme!r}: {THEMES} 중 하나여야 합니다")
    colors = PALETTES[theme]
    return {
        "font.family": FONT_NAME,
        "axes.unicode_minus": False,  # 나눔고딕에는 유니코드 마이너스가 없다
        "svg.fonttype": "path",
        "svg.hashsalt": "gongbu-note",
        "figure.facecolor": "none",
        "axes.facecolor": "none",
        "savefig.facecolor": "none",
        "savefig.transparent": True,
        "text.color": colors["fg"],
        "axes.labelcolor": colors["fg"],
        "axes.edgecolor": colors["fg"],
        "xtick.color": colors["fg"],
        "ytick.color": colors["fg"],
        "axes.grid": True,
        "grid.color": colors["grid"],
        "axes.prop_cycle": matplotlib.cycler(color=colors["series"]),
        "legend.frameon": False,
    }


@contextmanager
def themed(theme: str) -> Iterator[dict]:
    """테마의 rcParams를 켠 채로 그리게 한다. 팔레트 딕셔너리를 넘겨준다."""
    with plt.rc_context(rc_for(theme)):
        yield PALETTES[theme]


def save_svg(fig, path: Path) -> None:
    """결정적인 SVG로 저장한다. 글리프가 빠진 글자가 있으면 MissingGlyphError."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fig.savefig(
            path, format="svg", metadata={"Date": None, "Creator": None}, bbox_inches="tight"
        )
    plt.close(fig)
    missing = [str(w.message) for w in caught if "missing from font" in str(w.message)]
    if missing:
        path.unlink(missing_ok=True)
        raise MissingGlyphError(f"{path.name}: " + "; ".join(missing))


def render_themes(
    draw: Callable[[dict], matplotlib.figure.Figure], out_dir: Path, name: str
) -> list[Path]:
    """`draw(palette)`로 그린 그림을 밝은/어두운 두 벌로 저장한다: NAME-light.svg, NAME-dark.svg."""
    written = []
    for theme in THEMES:
        with themed(theme) as palette:
            fig = draw(palette)
            target = Path(out_dir) / f"{name}-{theme}.svg"
            save_svg(fig, target)
        written.append(target)
    return written


def save_values(out_dir: Path, values: dict[str, str]) -> Path:
    """그림과 같은 실행에서 잰 수를 values.json으로 쓴다. 노트의 문장은 이것을
    `{{ value: <주제>/<그림 이름>/<키> }}`로 싣는다(hooks/figures.py). 값은 보여 줄 그대로의 문자열이다."""
    import json

    bad = [key for key, value in values.items() if not isinstance(value, str)]
    if bad:
        raise TypeError(f"values.json의 값은 보여 줄 문자열이어야 합니다: {bad}")
    target = Path(out_dir) / "values.json"
    target.write_text(
        json.dumps(values, ensure_ascii=False, sort_keys=True, indent=1) + "\n", encoding="utf-8"
    )
    return target

"""노트북 페이지 다듬기: mkdocs-jupyter 가 만든 HTML 을 사이트의 규칙에 맞춘다.

- 출력 그림(`data:image/...;base64,` 로 페이지에 박힌 SVG·PNG)을 `figures/notebooks/<해시>.<확장자>` 파일로
  꺼내고 `src` 를 그 파일로 바꾼다. 노트북 자체는 그림을 품은 채로 두어 Jupyter 에서 열어도 보이고,
  사이트에서는 HTML 이 가벼워지며 그림은 다른 그림처럼 따로 캐시된다. `#only-light` 같은 조각은 그대로 둔다.
- nbconvert 템플릿이 넣는 두 스크립트를 뺀다. 하나는 Mermaid 를 cdnjs 에서 불러오고, 다른 하나는 MathJax
  설정이다. 이 사이트는 바깥에서 아무것도 불러오지 않고 수식은 빌드할 때 MathML 로 만든다.
"""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

from mkdocs.utils import get_relative_url

FIGURE_DIR = "figures/notebooks"
DATA_IMAGE = re.compile(
    r'src="data:image/(?P<kind>svg\+xml|png|jpeg);base64,(?P<data>[A-Za-z0-9+/=\s]+?)(?P<fragment>#[\w-]+)?"'
)
EXTENSIONS = {"svg+xml": ".svg", "png": ".png", "jpeg": ".jpg"}
SCRIPT = re.compile(r"<script\b[^>]*>.*?</script>", re.S)
# 뺄 스크립트: 바깥 주소를 불러오는 것(import("https://cdnjs…"), src="https://…"), 빈 src(MathJax 주소가
# 없을 때 nbconvert 가 남기는 것), 쓰지 않는 MathJax 설정.
UNWANTED_SCRIPT = re.compile(
    r"""import\(\s*["']https?://|\bsrc=["'](?:https?://|["'])|text/x-mathjax-config"""
)


def on_post_page(output, page, config):
    if not page.file.src_uri.endswith(".ipynb"):
        return output
    output = SCRIPT.sub(_drop_unwanted_script, output)
    return publish_figures(output, Path(config["site_dir"]), page.url)


def publish_figures(output: str, site_dir: Path, page_url: str) -> str:
    """페이지 HTML 의 data: 그림을 site_dir/figures/notebooks/<내용 해시>.<확장자>로 쓰고 src 를 바꾼다.

    파일 이름이 내용의 해시이므로, 같은 그림이면 빌드가 몇 번이든 같은 이름, 같은 바이트의 파일이 된다.
    """

    def publish(match: re.Match) -> str:
        data = base64.b64decode(match["data"])
        name = hashlib.sha256(data).hexdigest()[:16] + EXTENSIONS[match["kind"]]
        target = site_dir / FIGURE_DIR / name
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        url = get_relative_url(f"{FIGURE_DIR}/{name}", page_url)
        return f'src="{url}{match["fragment"] or ""}"'

    return DATA_IMAGE.sub(publish, output)


def _drop_unwanted_script(match: re.Match) -> str:
    script = match[0]
    return "" if UNWANTED_SCRIPT.search(script) else script

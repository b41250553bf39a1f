"""그림 검사: 대체 텍스트, 파일 크기 1 MB 상한, 바깥에서 불러오는 그림."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from urllib.parse import unquote

from hooks.checks.core import HTML_COMMENT, Note, Problem, Rules, blank_match, shorten
from hooks.checks.html_safety import FETCH_ATTRIBUTES

IMAGE_LIMIT = 1024 * 1024  # 1 MB
IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg", ".avif", ".bmp", ".ico"}
IMAGE = re.compile(
    r"!\[(?P<alt>(?:[^\[\]\n]|\[[^\]\n]*\])*)\]\(\s*(?P<url><[^>\n]*>|[^\s)]+)"
    r"(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^)]*\)))?\s*\)"
)
IMAGE_REFERENCE = re.compile(r"!\[(?P<alt>[^\[\]\n]*)\]\[(?P<label>[^\]\n]*)\]")


def check_images(note: Note, rules: Rules) -> Iterator[Problem]:
    """그림마다 대체 텍스트가 있어야 하고, 파일은 1 MB 이하, 바깥에서 불러오는 그림은 받지 않는다."""
    for image in markdown_images(note):
        offset, alt, url = image
        if not alt.strip():
            yield note.problem(
                offset,
                f"그림 '{shorten(url)}'에 대체 텍스트(alt)가 없습니다",
                "image-alt",
                "![그림이 보여 주는 것을 한 문장으로](경로) 처럼 대괄호 안을 채우세요",
            )
        yield from image_source_problems(note, note.line_of(offset), url)
    for item in note.html:
        if item.tag == "img":
            attrs = dict(item.attrs)
            if not (attrs.get("alt") or "").strip():
                yield note.problem(
                    item.line,
                    "<img>에 대체 텍스트(alt)가 없습니다",
                    "image-alt",
                    'alt="그림이 보여 주는 것을 한 문장으로" 를 더하세요',
                    is_line=True,
                )
        for name, value in item.attrs:
            if (
                item.tag in ("img", "source", "video", "audio", "track")
                and name in FETCH_ATTRIBUTES
                and value
            ):
                for url in value.split(",") if name == "srcset" else [value]:
                    yield from image_source_problems(note, item.line, url.strip().split(" ")[0])


def markdown_images(note: Note) -> Iterator[tuple[int, str, str]]:
    body = HTML_COMMENT.sub(blank_match, note.body)
    for match in IMAGE.finditer(body):
        yield match.start(), match["alt"], match["url"].strip("<>")
    for match in IMAGE_REFERENCE.finditer(body):
        label = (match["label"] or match["alt"]).strip().lower()
        url = note.reference_urls.get(label, ("", 0))[0]
        yield match.start(), match["alt"], url


def image_source_problems(note: Note, line: int, url: str) -> Iterator[Problem]:
    if not url:
        return
    lowered = url.lower()
    if lowered.startswith(("http://", "https://", "//")):
        yield note.problem(
            line,
            f"바깥 사이트에서 불러오는 그림입니다: '{shorten(url)}'",
            "remote-image",
            "독자의 브라우저가 바깥에 요청하지 않도록 그림 파일을 docs/ 에 두거나 "
            "snippets/<주제>/fig_<이름>.py 로 그리세요",
            is_line=True,
        )
        return
    if lowered.startswith("data:"):
        size, name = len(url) * 3 // 4, shorten(url)
    else:
        relative = unquote(url.split("#")[0].split("?")[0])
        base = note.docs_dir if relative.startswith("/") else note.docs_dir / Path(note.src).parent
        target = (base / relative.lstrip("/")).resolve()
        if not target.is_file():
            return  # 없는 파일은 MkDocs 의 링크 검사가 알려 준다(빌드가 만드는 그림도 여기 온다)
        size, name = target.stat().st_size, docs_name(target, note.docs_dir)
    if size > IMAGE_LIMIT:
        yield note.problem(
            line,
            f"1 MB 를 넘는 그림입니다({size / IMAGE_LIMIT:.1f} MB): {name}",
            "image-size",
            "해상도를 줄이거나 PNG 대신 SVG·WebP 로 저장하고, 데이터로 그리는 "
            "그림이라면 snippets/<주제>/fig_<이름>.py 로 빌드할 때 그리세요",
            is_line=True,
        )


def check_media_sizes(docs_dir: Path, srcs: Iterable[str], found: list[Problem]) -> list[Problem]:
    """노트가 싣지 않은 그림이라도 docs/ 에 1 MB 가 넘는 파일은 두지 않는다(노트에서 이미 알린 것은 빼고)."""
    problems = []
    for src in srcs:
        path = docs_dir / src
        if Path(src).suffix.lower() not in IMAGE_SUFFIXES or not path.is_file():
            continue
        size = path.stat().st_size
        name = f"docs/{src}"
        if size > IMAGE_LIMIT and not any(
            name in p.what for p in found if p.keyword == "image-size"
        ):
            problems.append(
                Problem(
                    name,
                    1,
                    f"1 MB 를 넘는 그림 파일입니다({size / IMAGE_LIMIT:.1f} MB): {name}",
                    "image-size",
                    "해상도를 줄이거나 SVG·WebP 로 저장하세요",
                )
            )
    return problems


def docs_name(path: Path, docs_dir: Path) -> str:
    try:
        return "docs/" + path.relative_to(docs_dir.resolve()).as_posix()
    except ValueError:
        return str(path)

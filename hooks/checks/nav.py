"""nav 검사: 모든 노트가 메뉴(nav)에서 닿아야 하고, nav 가 없는 파일을 가리켜도 안 된다."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path

import yaml

from hooks.checks.core import ROOT, Problem

MKDOCS_FILE = ROOT / "mkdocs.yml"


def check_nav(
    notes: Iterable[str], nav, existing: set[str], mkdocs_file: Path = MKDOCS_FILE
) -> list[Problem]:
    """모든 노트가 nav 에서 닿아야 한다. nav 가 없는 파일을 가리켜도 안 된다."""
    if nav is None:
        return []
    entries = list(nav_entries(nav))
    listed = {path for _, path in entries}
    sections = {}
    for section, path in entries:
        sections.setdefault(Path(path).parent.as_posix(), section)
    problems = []
    for src in sorted(set(notes) - listed):
        section = sections.get(Path(src).parent.as_posix())
        where = f"'{section}:' 아래에" if section else "알맞은 자리에"
        problems.append(
            Problem(
                f"docs/{src}",
                1,
                "어느 메뉴(nav)에서도 닿지 않는 페이지입니다",
                "nav",
                f"mkdocs.yml 의 nav: 에서 {where} '- 제목: {src}' 줄을 더하세요",
            )
        )
    config_lines = (
        mkdocs_file.read_text(encoding="utf-8").splitlines() if mkdocs_file.is_file() else []
    )
    for path in sorted(listed - set(existing)):
        line = next(
            (n for n, text in enumerate(config_lines, 1) if text.rstrip().endswith(path)), 1
        )
        problems.append(
            Problem(
                mkdocs_file.name,
                line,
                f"nav 가 없는 파일을 가리킵니다: docs/{path}",
                "nav",
                "파일 이름을 고치거나 그 줄을 지우세요",
            )
        )
    return problems


def nav_entries(nav, section: str = "") -> Iterator[tuple[str, str]]:
    """nav 설정에서 (섹션 제목, 문서 경로)를 모두 꺼낸다. 바깥 링크는 건너뛴다."""
    if isinstance(nav, str):
        if not re.match(r"[a-z][a-z0-9+.-]*:", nav) and nav.endswith((".md", ".ipynb")):
            yield section, nav
    elif isinstance(nav, list):
        for item in nav:
            yield from nav_entries(item, section)
    elif isinstance(nav, dict):
        for title, value in nav.items():
            yield from nav_entries(value, title if isinstance(value, list) else section)


class MkDocsYamlLoader(yaml.SafeLoader):
    """mkdocs.yml 을 읽되 !!python/… 와 !relative 같은 태그는 값 없이 넘긴다(nav 만 필요하다)."""


MkDocsYamlLoader.add_multi_constructor("!", lambda loader, suffix, node: None)
MkDocsYamlLoader.add_multi_constructor(
    "tag:yaml.org,2002:python/", lambda loader, suffix, node: None
)


def load_nav(mkdocs_file: Path = MKDOCS_FILE):
    return parse_nav(mkdocs_file.read_text(encoding="utf-8"))


def parse_nav(config_text: str):
    return (yaml.load(config_text, MkDocsYamlLoader) or {}).get("nav")

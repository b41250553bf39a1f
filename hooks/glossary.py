"""용어집 훅: data/glossary.yml 하나로 용어집 페이지와 약어 툴팁을 만든다.

- on_config: 약어 정의 파일(.cache/generated/abbreviations.md)을 만든다.
  pymdownx.snippets 의 auto_append 가 이 파일을 모든 문서 끝에 붙여 `abbr` 툴팁이 된다.
- on_page_markdown: `<!-- glossary-table -->` 표시 자리에 용어 표를 그린다.

검색 동의어(hooks/korean_search.py)와 표기 검사(tests/test_glossary.py)도 같은 파일을 읽는다.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from markdown.extensions.abbr import AbbrExtension, AbbrTreeprocessor
from mkdocs.exceptions import PluginError

ROOT = Path(__file__).resolve().parent.parent
GLOSSARY_FILE = ROOT / "data" / "glossary.yml"
GENERATED_DIR = ROOT / ".cache" / "generated"
TABLE_MARKER = "<!-- glossary-table -->"


@dataclass(frozen=True)
class Term:
    ko: str
    en: str
    abbr: str = ""
    discouraged: tuple[str, ...] = field(default_factory=tuple)
    note: str = ""


# ---------------------------------------------------------------------------
# Hooks
# ---------------------------------------------------------------------------


def on_config(config):
    write_abbreviations(load_terms(), GENERATED_DIR / "abbreviations.md")
    # 'BN은', 'GRU와'처럼 약어 뒤에 조사가 붙어도 툴팁이 달리도록 abbr 를 바꿔 끼운다.
    extensions = config["markdown_extensions"]
    if "abbr" in extensions:
        extensions[extensions.index("abbr")] = KoreanAbbrExtension()
    return config


def on_page_markdown(markdown, page, config, files):
    if TABLE_MARKER not in markdown:
        return markdown
    return markdown.replace(TABLE_MARKER, render_table(load_terms()))


# ---------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------


class KoreanAbbrTreeprocessor(AbbrTreeprocessor):
    """약어의 끝 경계를 `\\b` 대신 '뒤에 영문자·숫자가 오지 않음'으로 본다.

    파이썬 정규식에서 한글도 단어 문자라서 원래의 `\\bBN\\b` 는 'BN은'에서 맞지 않는다.
    """

    def run(self, root):
        if not self.abbrs:
            return None
        keys = sorted(self.abbrs, key=len, reverse=True)
        alternatives = "|".join(re.escape(key) for key in keys)
        self.RE = re.compile(f"(?<![A-Za-z0-9_])(?:{alternatives})(?![A-Za-z0-9_])")
        self.iter_element(root)
        return None


class KoreanAbbrExtension(AbbrExtension):
    def extendMarkdown(self, md):  # noqa: N802 (Python-Markdown 의 이름)
        super().extendMarkdown(md)
        original = md.treeprocessors["abbr"]
        processor = KoreanAbbrTreeprocessor(md, original.abbrs)
        md.treeprocessors.register(processor, "abbr", 7)


def load_terms(path: Path = GLOSSARY_FILE) -> list[Term]:
    """용어 목록을 읽는다. 형식이 틀리면 파일과 항목 번호를 알려 주며 실패한다."""
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as err:
        raise PluginError(f"{path}: YAML을 읽을 수 없습니다 — {err}") from err
    if not isinstance(raw, list):
        raise PluginError(f"{path}: 최상위는 용어 목록(list)이어야 합니다")
    terms = []
    for index, item in enumerate(raw, start=1):
        if not isinstance(item, dict) or not item.get("ko") or not item.get("en"):
            raise PluginError(
                f"{path}: {index}번째 항목에 'ko'와 'en'이 모두 있어야 합니다 — 받은 값: {item!r}"
            )
        unknown = set(item) - {"ko", "en", "abbr", "discouraged", "note"}
        if unknown:
            raise PluginError(
                f"{path}: {index}번째 항목({item['ko']})에 모르는 키 {sorted(unknown)}"
            )
        terms.append(
            Term(
                ko=str(item["ko"]),
                en=str(item["en"]),
                abbr=str(item.get("abbr") or ""),
                discouraged=tuple(str(v) for v in item.get("discouraged") or ()),
                note=str(item.get("note") or ""),
            )
        )
    return terms


def abbreviation_lines(terms: list[Term]) -> list[str]:
    """`*[BN]: 배치 정규화(batch normalization)` 꼴의 abbr 정의 줄."""
    return [f"*[{t.abbr}]: {t.ko}({t.en})" for t in terms if t.abbr]


def write_abbreviations(terms: list[Term], target: Path) -> None:
    text = "\n" + "\n".join(abbreviation_lines(terms)) + "\n"
    target.parent.mkdir(parents=True, exist_ok=True)
    # 내용이 같으면 쓰지 않는다: mkdocs serve 가 변경으로 오인하지 않게.
    if not target.exists() or target.read_text(encoding="utf-8") != text:
        target.write_text(text, encoding="utf-8")


def render_table(terms: list[Term]) -> str:
    rows = ["| 한국어 | 영어 | 약어 | 피할 표기 | 설명 |", "| --- | --- | --- | --- | --- |"]
    for t in sorted(terms, key=lambda t: t.ko):
        avoid = ", ".join(f"~~{v}~~" for v in t.discouraged)
        rows.append(f"| {t.ko} | {t.en} | {t.abbr} | {avoid} | {t.note} |")
    return "\n".join(rows)

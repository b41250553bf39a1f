"""용어집 훅: data/glossary.yml 하나로 용어집 페이지와 약어 툴팁을 만든다.

- on_config: 약어 정의 파일(.cache/generated/abbreviations.md)을 만든다.
  pymdownx.snippets 의 auto_append 가 이 파일을 모든 문서 끝에 붙여 `abbr` 툴팁이 된다.
- on_page_markdown: `<!-- glossary-table -->` 표시 자리에 용어 표를 그린다. 줄마다 이름표(id)가 있다.
- 검색 색인에서 표를 용어마다 한 절로 나누는 함수(split_glossary_in_index)를 hooks/korean_search.py 가 부른다.
  표 전체가 페이지 머리 절 하나이면 어떤 낱말로 찾든 용어집 전체가 맞고, 결과는 표의 그 줄이 아니라 페이지 맨
  위로 간다. 표를 그린 절은 색인의 글에서 표의 머리줄로 알아본다: `mkdocs serve --dirty` 처럼 용어집을 다시 그리지
  않은 빌드에서도 색인이 같아야 한국어 분석 결과를 다시 쓴다.

검색 동의어(hooks/korean_search.py)와 표기 검사(hooks/checks/vocabulary.py)도 같은 파일을 읽는다.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from html import escape
from pathlib import Path

import yaml
from markdown.extensions.abbr import AbbrExtension, AbbrTreeprocessor
from mkdocs.exceptions import PluginError

ROOT = Path(__file__).resolve().parent.parent
GLOSSARY_FILE = ROOT / "data" / "glossary.yml"
GENERATED_DIR = ROOT / ".cache" / "generated"
TABLE_MARKER = "<!-- glossary-table -->"
TABLE_HEADER = ("한국어", "영어", "약어", "피할 표기", "설명")
# 용어 표를 그린 페이지의 머리 절에 다는 표시: hooks/korean_search.py 가 이 페이지를 풀이만 모은 페이지로 안다
REFERENCE_KEY = "glossary"


# 피할 표기를 써도 되는 자리(data/glossary.yml 의 allow). 코드와 수식은 늘 괜찮다.
# link: 링크 글자 [이것](주소), reference: 참고 자료 절과 front matter 의 sources, table: 표의 칸,
# gloss: 한글 말에 바로 붙은 괄호 속 풀이(렐루(ReLU)). 값은 고치는 법에 보이는 이름이다.
CONTEXTS = {
    "link": "링크 글자",
    "reference": "참고 자료",
    "table": "표",
    "gloss": "괄호 속 풀이",
}


@dataclass(frozen=True)
class Discouraged:
    """피할 표기 하나와, 그것을 어디서 알릴지."""

    form: str  # 용어집 표에 보이는 표기
    match: str = ""  # 이 정규식에 맞는 자리만 알린다(비어 있으면 form 그대로)
    allow: tuple[str, ...] = ()  # 써도 되는 자리(CONTEXTS)
    use: str = ""  # 대신 쓸 말(비어 있으면 용어의 ko)

    @property
    def pattern(self) -> re.Pattern:
        if self.match:
            return re.compile(self.match)
        # 영문 표기는 낱말 전체로만 찾는다: 'ReLU'는 'LeakyReLU' 안에서 찾지 않는다.
        return re.compile(f"(?<![A-Za-z0-9_]){re.escape(self.form)}(?![A-Za-z0-9_])")


@dataclass(frozen=True)
class Term:
    ko: str
    en: str
    abbr: str = ""
    discouraged: tuple[str, ...] = field(default_factory=tuple)  # 피할 표기(글자만)
    note: str = ""
    aliases: tuple[str, ...] = field(default_factory=tuple)  # 함께 인정하는 표기
    avoid: tuple[Discouraged, ...] = field(default_factory=tuple)  # 피할 표기와 알릴 자리


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
    """용어 목록을 읽는다. 형식이 틀리면 파일과 항목 번호를 알려 주며 실패한다(형식은 파일 맨 위 주석)."""
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
        unknown = set(item) - {"ko", "en", "abbr", "aliases", "discouraged", "note"}
        if unknown:
            raise PluginError(
                f"{path}: {index}번째 항목({item['ko']})에 모르는 키 {sorted(unknown)}"
            )
        avoid = tuple(
            discouraged(value, f"{path}: {index}번째 항목({item['ko']})")
            for value in item.get("discouraged") or ()
        )
        terms.append(
            Term(
                ko=str(item["ko"]),
                en=str(item["en"]),
                abbr=str(item.get("abbr") or ""),
                discouraged=tuple(d.form for d in avoid),
                note=str(item.get("note") or ""),
                aliases=tuple(str(v) for v in item.get("aliases") or ()),
                avoid=avoid,
            )
        )
    return terms


def discouraged(value, where: str) -> Discouraged:
    """피할 표기 하나: 문자열이거나 {form, match, allow, use} 사전."""
    if not isinstance(value, dict):
        return Discouraged(form=str(value))
    unknown = set(value) - {"form", "match", "allow", "use"}
    if not value.get("form") or unknown:
        raise PluginError(
            f"{where}: 피할 표기는 문자열이거나 form(필수), match, allow, use 키의 사전입니다 — 받은 값: {value!r}"
        )
    allow = tuple(str(v) for v in value.get("allow") or ())
    if not set(allow) <= set(CONTEXTS):
        raise PluginError(
            f"{where}: allow 에 쓸 수 있는 자리는 {', '.join(CONTEXTS)} 입니다 — 받은 값: {allow!r}"
        )
    try:
        re.compile(str(value.get("match") or ""))
    except re.error as err:
        raise PluginError(f"{where}: match 정규식을 읽을 수 없습니다 — {err}") from err
    return Discouraged(
        form=str(value["form"]),
        match=str(value.get("match") or ""),
        allow=allow,
        use=str(value.get("use") or ""),
    )


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
    rows = ["| " + " | ".join(TABLE_HEADER) + " |", "| --- | --- | --- | --- | --- |"]
    for t in sorted(terms, key=lambda t: t.ko):
        avoid = ", ".join(avoid_cell(t, v) for v in t.avoid)
        ko = " · ".join([t.ko, *t.aliases])
        rows.append(
            f'| <span id="{term_anchor(t)}"></span>{ko} | {t.en} | {t.abbr} | {avoid} | {t.note} |'
        )
    return "\n".join(rows)


def term_anchor(term: Term) -> str:
    """표의 줄 이름표: 용어-배치-정규화. 검색 결과가 이 줄로 간다."""
    return "용어-" + re.sub(r"[^\w]+", "-", term.ko).strip("-").lower()


def split_glossary_in_index(path: Path) -> None:
    """검색 색인 파일(search_index.json)의 용어 표를 용어마다 한 절로 나눈다. 표가 없으면 파일을 건드리지 않는다."""
    index = json.loads(path.read_text(encoding="utf-8"))
    header = " ".join(TABLE_HEADER)
    if not any(header in doc["text"] for doc in index["docs"]):
        return
    index["docs"] = search_sections(index["docs"], load_terms())
    path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def search_sections(docs: list[dict], terms: list[Term]) -> list[dict]:
    """용어 표가 든 절(글에 표의 머리줄이 있는 절)에서 표의 글을 떼고, 용어마다 절을 하나씩 더한다.

    절의 제목은 용어의 한국어 표기들이고, 본문은 영어, 약어, 피할 표기, 설명이다. 페이지의 검색 무게와 태그는
    그 절의 것을 따른다. 그 절에는 REFERENCE_KEY 표시를 단다.
    """
    header = " ".join(TABLE_HEADER)
    out: list[dict] = []
    for doc in docs:
        out.append(doc)
        cut = doc["text"].find(header)
        if cut < 0:
            continue
        doc["text"] = doc["text"][:cut].rstrip()
        doc[REFERENCE_KEY] = True
        inherited = {key: doc[key] for key in ("boost", "tags") if key in doc}
        for term in sorted(terms, key=lambda t: t.ko):
            avoid = ", ".join(v.form for v in term.avoid)
            facts = [term.en, term.abbr, f"피할 표기: {avoid}" if avoid else "", term.note]
            out.append(
                {
                    "location": f"{doc['location']}#{term_anchor(term)}",
                    "title": escape(" · ".join([term.ko, *term.aliases])),
                    "text": "<p>" + escape(". ".join(f for f in facts if f), quote=False) + "</p>",
                    **inherited,
                }
            )
    return out


def avoid_cell(term: Term, variant: Discouraged) -> str:
    """피할 표기 칸의 한 항목(취소선). 조건이 붙은 표기는 어디서 피하는지 함께 적는다.

    취소선은 <del> 로 쓴다: 이 사이트의 Markdown 확장에는 ~~ 문법(pymdownx.tilde)이 없어 글자 그대로 보인다.
    """
    struck = f"<del>{variant.form}</del>"
    if variant.allow:
        return f"{struck}(글에서)"
    if variant.match:
        return f"{struck}({term.en}의 뜻으로)"
    return struck

"""용어 검사: 용어집(data/glossary.yml)이 정한 표기를 글에서 지킨다.

용어마다 피할 표기(discouraged)가 있다. 글(코드와 수식 밖)에 피할 표기가 나오면 권장 표기를 알린다.
피할 표기에는 두 가지 조건을 달 수 있다(형식은 data/glossary.yml 맨 위 주석).

- match: 뜻이 여럿인 말은 그 뜻의 자리만 찾는다. '시각'은 잡고 '시각화'는 두며, '특징'은
  '특징 맵', '(길이, 배치, 특징)'처럼 특성(feature)을 뜻할 때만 잡는다.
- allow: 영문 표기(PyTorch, ReLU, Xavier)를 써도 되는 자리. link(링크 글자), reference(참고 자료 절과
  sources), table(표), gloss(파이토치(PyTorch)처럼 한글 말에 바로 붙은 괄호 속 풀이).

용어집 페이지(glossary.md)는 피할 표기를 보여 주는 것이 일이므로 보지 않는다. 스니펫의 주석과 문자열은
hooks/checks/snippet_text.py 가 한글 표기만(영문 표기는 코드에서 괜찮다) 같은 함수로 본다.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from hooks.checks.core import Note, Problem, Rules
from hooks.glossary import CONTEXTS, Discouraged, Term

# 피할 표기를 보여 주는 것이 일인 페이지
GLOSSARY_EXEMPT = {"glossary.md"}
REFERENCE_HEADING = re.compile(
    r"^(?P<level>#{1,6})[ \t]+(?:참고 ?자료|참고 ?문헌|출처|더 읽을 ?거리)\b[^\n]*$", re.M
)
HEADING = re.compile(r"^(?P<level>#{1,6})[ \t]+\S", re.M)
# 링크 글자는 여러 줄에 걸칠 수 있다(빈 줄은 넘지 않는다): [PyTorch 한국어 튜토리얼: 신경망 모델\n구성하기](…)
LINK_TEXT = re.compile(r"(?<!!)\[(?P<text>(?:[^\[\]\n]|\n(?![ \t]*\n))*)\](?=[(\[])")
GLOSS = re.compile(r"(?<=[가-힣])\((?P<inner>(?:[^()\n가-힣]|\n(?![ \t]*\n))*)\)")
TABLE_ROW = re.compile(r"^[ \t]*\|[^\n]*$", re.M)


@dataclass(frozen=True)
class Found:
    start: int
    end: int
    variant: Discouraged
    term: Term


def find_discouraged(
    text: str, terms: Iterable[Term], allowed: dict[str, list[tuple[int, int]]] | None = None
) -> Iterator[Found]:
    """text 에서 피할 표기를 찾는다. allowed 는 자리 이름 → 그 자리의 (시작, 끝) 목록."""
    terms = list(terms)
    allowed = allowed or {}
    # 더 긴 권장 표기 안에 들어 있는 자리는 건너뛰고, 겹치는 피할 표기는 긴 것 하나만 알린다.
    preferred = [
        m.span()
        for term in terms
        for name in (term.ko, *term.aliases)
        for m in re.finditer(re.escape(name), text)
    ]
    found = sorted(
        (
            (match.start(), -(match.end() - match.start()), variant.form, variant, term)
            for term in terms
            for variant in term.avoid
            for match in variant.pattern.finditer(text)
            if match.end() > match.start()
        ),
        key=lambda item: item[:3],
    )
    reported: list[tuple[int, int]] = []
    for start, minus_length, _, variant, term in found:
        end = start - minus_length
        inside = [(s, e) for s, e in preferred if e - s > end - start] + reported
        if any(s <= start and end <= e for s, e in inside):
            continue
        if any(s <= start and end <= e for ctx in variant.allow for s, e in allowed.get(ctx, ())):
            continue
        reported.append((start, end))
        yield Found(start, end, variant, term)


def vocabulary_message(found: Found) -> tuple[str, str]:
    variant, term = found.variant, found.term
    use = variant.use or term.ko
    fix = f"용어집(data/glossary.yml)의 권장 표기로 바꾸세요: '{use}'({term.en})"
    if variant.allow:
        where = ", ".join(["코드", "수식", *(CONTEXTS[c] for c in variant.allow)])
        fix += f". '{variant.form}'은(는) {where}에만 씁니다"
    return f"피할 표기를 썼습니다: '{variant.form}'", fix


def allowed_spans(note: Note, text: str) -> dict[str, list[tuple[int, int]]]:
    """노트에서 영문 표기를 써도 되는 자리들."""
    spans: dict[str, list[tuple[int, int]]] = {
        "link": [m.span("text") for m in LINK_TEXT.finditer(text)],
        "table": [m.span() for m in TABLE_ROW.finditer(text)],
        "gloss": [m.span("inner") for m in GLOSS.finditer(text)],
        "reference": [],
    }
    # front matter 에서는 title 과 description 만 글이다(sources 는 참고 자료).
    end = note.front_matter_end
    offset, key = 0, ""
    for line in note.text[:end].splitlines(keepends=True):
        if re.match(r"[^\s#-][^:]*:", line):
            key = line.split(":", 1)[
                0
            ]  # 들여쓰지 않은 줄이 새 키를 연다; 들여쓴 줄은 앞 키의 값이다
        if key not in ("title", "description"):
            spans["reference"].append((offset, offset + len(line)))
        offset += len(line)
    for heading in REFERENCE_HEADING.finditer(text):
        level = len(heading["level"])
        stop = len(text)
        for following in HEADING.finditer(text, heading.end()):
            if len(following["level"]) <= level:
                stop = following.start()
                break
        spans["reference"].append((heading.end(), stop))
    return spans


def check_vocabulary(note: Note, rules: Rules) -> Iterator[Problem]:
    """글에 용어집의 피할 표기가 있으면 권장 표기를 알려 준다(코드, 수식, HTML 주석 안은 보지 않는다)."""
    if note.src in GLOSSARY_EXEMPT:
        return
    text = note.prose
    allowed = allowed_spans(note, text)
    for found in find_discouraged(text, rules.terms, allowed):
        what, fix = vocabulary_message(found)
        yield note.problem(found.start, what, "glossary", fix)

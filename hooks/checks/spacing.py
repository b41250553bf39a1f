"""띄어쓰기 검사: 조사는 앞말에 붙여 쓰고(한글 맞춤법 제41항), 한글로 적은 수는 만 단위로 띄어 쓴다(제44항).

- 조사: 코드(`x`), 영문 식별자(ReLU, clip_grad_norm_), 숫자, 수식(\\( d_k \\), √d_k), 닫는 괄호와 따옴표
  뒤에 빈칸을 두고 조사만 따로 선 낱말을 찾는다. "`x` 를" → "`x`를", "√d_k 로" → "√d_k로".
  한글 뒤의 띄어쓰기는 보지 않는다: '이 값'의 '이'처럼 조사와 모양이 같은 관형사가 많아서다.
- 수: '만오천', '천이백삼십사만오천육백칠십팔'처럼 만·억 뒤를 붙여 쓴 한글 수.

노트의 글(제목 포함), 용어집의 설명, 스니펫의 주석·독스트링·문자열(페이지에 실리는 출력)이 모두 같은
함수(particle_spacing, number_spacing)를 쓴다. 틀리게 잡는 경우를 피하려고 조사 목록은 '낱말 전체가
조사인 것'만 본다('이후', '가중치', '인코더'는 조사가 아니다). 헷갈리는 자리는 따로 뺀다: 숫자 뒤의 단위와
수 읽기('90 도', '3 일', '2 이'), 괄호로 고른 조사나 줄머리 번호 뒤의 관형사('은(는) 이 값', '(1) 이 방법'),
줄을 맞춘 표의 칸(빈칸 여럿), 영어 문장이 한국어 낱말을 이름으로 든 곳('spaced by 만 units').
잡지 않는 경우의 목록은 tests/test_note_checks_spacing.py 에 있다.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from hooks.checks.core import (
    HTML_COMMENT,
    INLINE_CODE,
    LINK_TARGET,
    MATH,
    REFERENCE_DEFINITION,
    Note,
    Problem,
    Rules,
    blank,
    blank_match,
)

# ---------------------------------------------------------------------------
# 조사(제41항)
# ---------------------------------------------------------------------------

# 뒤에 보조사가 더 붙을 수 있는 조사: '에' → '에는', '에도', '에만', '에의'
_STEMS = """
에 에서 에게 에게서 한테 께 께서 로 으로 와 과 랑 이랑 까지 부터 처럼 보다 마다 만큼 대로
로서 으로서 로써 으로써 로부터 으로부터 에서부터
""".split()
_TAILS = ["", "는", "도", "만", "의"]
# 홀로 서는 조사와 서술격 조사(이다)의 활용형
_SINGLES = """
이 가 을 를 은 는 의 도 만 뿐 조차 밖에 엔 에선 으론 론
만은 만을 만이 만으로 만에 만의 뿐이다 뿐인
이나 나 이든 든 이든지 든지 이라도 라도 이나마 나마 이야말로 야말로
이란 란 이라는 라는 이라고 라고 이라면 라면 이라서 라서 이라 이라야
이다 이고 이며 이면 면 인 인데 인지 인가 일 임 이자 이던 이지만 이므로 이니
입니다 이었다 였다 이었고 였고 이었던 였던 이어서 여서 이었으며 였으며
""".split()
PARTICLES = frozenset([stem + tail for stem in _STEMS for tail in _TAILS] + _SINGLES)

# 한글 수를 이루는 음절
NUMERAL_SYLLABLES = frozenset("영일이삼사오육칠팔구십백천만억")
# 숫자 바로 뒤에서는 조사가 아니라 단위이거나 수를 읽은 말이다: '90 도', '3 일', '1 만', '2 인'
AFTER_DIGITS = frozenset({"도", "일", "만", "인"})
# 앞말의 끝이 이 글자면 조사를 붙여야 한다(영문·숫자·그리스 문자는 따로 본다)
CLOSERS = frozenset(")]}>'\"’”`|+%/√")
# '(는) 이 체크포인트'처럼 괄호로 고른 조사 뒤의 '이'는 관형사다
PARTICLE_CHOICE = re.compile(r"\((?:은|는|이|가|을|를|과|와|으로|로|이나|나|아|야)\)$")
# '(1) 이 방법은', 'a) 이 값은'처럼 줄머리 번호 뒤의 '이'도 관형사다
ENUMERATOR = re.compile(r"^[ \t>*+-]*\(?[0-9A-Za-z가-힣]{1,3}\)$")
# 영어 문장 속에서 한국어 낱말을 이름처럼 든 경우: 'spaced by 만 units', 'the 이 particle'
ENGLISH_FUNCTION_WORDS = frozenset(
    "a an the of by to in on at for from with without as than and or not is are was were be "
    "after before above below under over into about between like per via".split()
)
_WORD = re.compile(r"[가-힣]+")


@dataclass(frozen=True)
class SpacedParticle:
    start: int  # 조사의 오프셋
    space: int  # 빈칸이 시작하는 오프셋
    particle: str


def is_hangul(char: str) -> bool:
    return "가" <= char <= "힣" or "ᄀ" <= char <= "ᇿ" or "ㄱ" <= char <= "ㆎ"


def ends_like_a_name(before: str) -> bool:
    """앞말이 조사를 붙여야 하는 모양으로 끝나는가: 코드, 식별자, 숫자, 수식, 닫는 괄호."""
    stripped = before.rstrip("*_~")  # 강조 표시(**ReLU**)는 건너뛰고 그 안의 글자를 본다
    char = stripped[-1:] if stripped else (before[-1:] if before.endswith("_") else "")
    if not char or char.isspace() or is_hangul(char):
        return False
    if char in CLOSERS:
        return True
    return unicodedata.category(char)[0] in "LN"  # 영문, 그리스 문자, 숫자, 위첨자(ᵀ, ²)


def particle_spacing(text: str) -> Iterator[SpacedParticle]:
    """text 에서 앞말과 띄어 쓴 조사를 모두 찾는다."""
    for word in _WORD.finditer(text):
        particle = word.group(0)
        if particle not in PARTICLES:
            continue
        start = word.start()
        after = text[word.end() : word.end() + 1]
        if after and (after.isalnum() or after == "_"):
            continue  # '이x'처럼 낱말이 이어진다
        space = start
        while space > 0 and text[space - 1] in " \t":
            space -= 1
        if space == start or space == 0 or text[space - 1] == "\n":
            continue
        if text[space:start] != " ":
            continue  # 빈칸 여럿이나 탭은 줄을 맞춘 표의 칸 사이다: 'ours   이 저장소의 설정'
        line_start = text.rfind("\n", 0, space) + 1
        before = text[line_start:space]
        if not ends_like_a_name(before):
            continue
        if before.split()[-1].lower() in ENGLISH_FUNCTION_WORDS:
            continue
        if before[-1].isdigit() and (
            particle in AFTER_DIGITS or reads_a_number(particle, text[word.end() :])
        ):
            continue
        if particle == "이" and (PARTICLE_CHOICE.search(before) or ENUMERATOR.match(before)):
            continue
        yield SpacedParticle(start, space, particle)


def reads_a_number(particle: str, rest: str) -> bool:
    """'2 이', '10001 만 일'처럼 숫자 뒤에 그 수를 한글로 읽은 말만 이어지는가."""
    line = rest.split("\n", 1)[0]
    words = [particle, *line.split()]
    return all(set(w) <= NUMERAL_SYLLABLES for w in words)


def previous_word(text: str, space: int) -> str:
    """조사 앞의 낱말. 안에 빈칸이 있는 코드(`a b`)와 수식(\\( d_k \\))은 통째로 보여 준다."""
    before = text[text.rfind("\n", 0, space) + 1 : space]
    start = before.rfind(" ") + 1
    if before.endswith("\\)") and "\\(" in before:
        start = min(start, before.rfind("\\("))
    elif before.endswith("`") and before.count("`") >= 2:
        ticks = len(before) - len(before.rstrip("`"))
        start = min(start, before.rfind("`" * ticks, 0, len(before) - ticks))
    word = before[start:].lstrip()
    return word if len(word) <= 30 else "…" + word[-29:]


def particle_message(text: str, found: SpacedParticle) -> tuple[str, str]:
    """(무엇이 틀렸는지, 고치는 법). text 는 원문(코드를 지우기 전)이어야 앞말이 제대로 보인다."""
    word = previous_word(text, found.space)
    return (
        f"조사를 앞말과 띄어 썼습니다: '{word} {found.particle}'",
        f"조사는 앞말에 붙여 씁니다(한글 맞춤법 제41항): '{word}{found.particle}'",
    )


# ---------------------------------------------------------------------------
# 한글 수(제44항)
# ---------------------------------------------------------------------------

_DIGITS = "일이삼사오육칠팔구십백천"
# '조'(兆)는 넣지 않는다: '조사이다'를 '조 사이다'로 읽게 된다. 이 사이트의 수는 억 아래다.
NUMBER = re.compile(f"(?<![가-힣])[{_DIGITS}만억]*[만억][{_DIGITS}만억]+")
UNIT = re.compile(f"([만억])(?=[{_DIGITS}])")


@dataclass(frozen=True)
class UnspacedNumber:
    start: int
    found: str
    fixed: str


def number_spacing(text: str) -> Iterator[UnspacedNumber]:
    """만·억 뒤를 붙여 쓴 한글 수를 찾는다: '만오천' → '만 오천'.

    뒤가 한 음절뿐이고 그것이 '이'나 '일'이면 건너뛴다: '십만이 넘는'의 '이'는 조사,
    '만일'은 '만약'이라는 뜻의 낱말이다. '만사'처럼 앞이 비고 뒤가 한 음절인 것도 낱말로 본다.
    """
    for match in NUMBER.finditer(text):
        run = match.group(0)
        groups = re.split(r"[만억]", run)
        if not any(groups[1:]):
            continue
        last = groups[-1]
        if len(last) == 1 and (last in "이일" or not any(groups[:-1])) and not any(groups[1:-1]):
            continue
        fixed = UNIT.sub(r"\1 ", run)
        if fixed != run:
            yield UnspacedNumber(match.start(), run, fixed)


def number_message(found: UnspacedNumber) -> tuple[str, str]:
    return (
        f"한글로 적은 수를 만 단위로 띄어 쓰지 않았습니다: '{found.found}'",
        f"만·억 뒤를 띄어 씁니다(한글 맞춤법 제44항): '{found.fixed}'",
    )


def text_problems(path: str, text: str, view: str | None = None, first_line: int = 1):
    """text 의 띄어쓰기 문제를 Problem 으로. view 는 찾을 곳(코드를 지운 것 등), text 는 보여 줄 원문."""
    view = text if view is None else view
    for found in particle_spacing(view):
        what, fix = particle_message(text, found)
        line = first_line + text.count("\n", 0, found.start)
        yield Problem(path, line, what, "particle-spacing", fix)
    for number in number_spacing(view):
        what, fix = number_message(number)
        line = first_line + text.count("\n", 0, number.start)
        yield Problem(path, line, what, "number-spacing", fix)


# ---------------------------------------------------------------------------
# 노트
# ---------------------------------------------------------------------------


def spacing_view(note: Note) -> str:
    """사람이 읽는 글과, 그 안의 코드·수식을 같은 길이의 'x'로 바꾼 것(조사가 그 뒤에 붙는지 보려고).

    펜스 코드 블록, HTML 주석, 링크 주소, 참조 링크 정의는 지운다(공백).
    """
    text = note.text
    for fence in note.fences:
        text = blank(text, fence.start, fence.end)
    text = INLINE_CODE.sub(lambda m: re.sub(r"[^\n]", "x", m.group(0)), text)
    text = MATH.sub(
        lambda m: (
            re.sub(r"[^\n]", "x", m.group(0)) if m.group(0).startswith("\\(") else blank_match(m)
        ),
        text,
    )
    text = HTML_COMMENT.sub(blank_match, text)
    text = LINK_TARGET.sub(lambda m: "](" + blank_match(m)[2:], text)
    return REFERENCE_DEFINITION.sub(blank_match, text)


def check_spacing(note: Note, rules: Rules) -> Iterator[Problem]:
    """노트의 글과 제목에서 띄어 쓴 조사와 붙여 쓴 한글 수를 찾는다."""
    yield from text_problems(note.path, note.text, spacing_view(note))


def attach_particles(text: str, view: str | None = None) -> tuple[str, int]:
    """띄어 쓴 조사를 앞말에 붙인 text 와 고친 개수. view 는 찾을 곳(같은 길이), 없으면 text."""
    found = list(particle_spacing(text if view is None else view))
    for hit in reversed(found):
        text = text[: hit.space] + text[hit.start :]
    return text, len(found)

"""노트 검사 — 띄어쓰기(hooks/checks/spacing.py): 조사는 앞말에 붙여 쓰고(제41항), 한글 수는 만 단위로 띄어 쓴다(제44항).

잡아야 할 문장은 리뷰(content-review-1 §10.2)가 실제 페이지에서 찾은 것들이다. 잡으면 안 되는 문장은
이 사이트의 노트와 스니펫에 실제로 나오는, 조사와 모양이 같은 다른 말들이다.
"""

from __future__ import annotations

import pytest

from hooks import note_checks
from hooks.checks.spacing import number_spacing, particle_spacing
from tests.note_check_helpers import BODY_START, check, note, only


@pytest.fixture(scope="module")
def rules():
    return note_checks.load_rules()


def spaced(text: str) -> list[str]:
    """찾은 조사들(앞말과 함께): ['√d_k 로']"""
    found = []
    for hit in particle_spacing(text):
        word = text[: hit.space].split()[-1]
        found.append(f"{word} {hit.particle}")
    return found


SPACED = [
    ("왜 √d_k 로 나누는가", ["√d_k 로"]),
    ("FFN 을 한꺼번에 = 위치마다 따로: True", ["FFN 을"]),
    ("clip_grad_norm_ 이 돌려준 값 50.0", ["clip_grad_norm_ 이"]),
    ("q 는 직교 행렬", ["q 는"]),
    (
        "buffer 로 둔다: state_dict 에 들어가고 .to(device) 를 따라간다",
        ["buffer 로", "state_dict 에", ".to(device) 를"],
    ),
    ("코드와 수식에서는 ReLU 로 쓴다", ["ReLU 로"]),
    ("BERT 의 [CLS], ViT 의 class token", ["BERT 의", "ViT 의"]),
    ("기울기가 0 에 가까워지는 상태", ["0 에"]),
    ("*args 와 **kwargs", ["*args 와"]),
    ("`x` 를 더한다", ["`x` 를"]),
    ("**ReLU** 는 음수를 지운다", ["**ReLU** 는"]),
    ("GPU 에서는 빠르다", ["GPU 에서는"]),
    ("True 면 본다", ["True 면"]),
    ("이름이 꼭 args, kwargs 일 필요는 없다", ["kwargs 일"]),
    ("함수 매개변수에서 *, **, / 의 쓰임", ["/ 의"]),
    ('두 단어 "Thinking Machines" 로 따라간다', ['Machines" 로']),
    ("평균 (3, -1), 분산 (4, 0.25) 인 데이터", ["0.25) 인"]),
    ("PE[p] · PE[p + k] 를 구한다", ["k] 를"]),
    ("||dL/dh_t|| 를 잰다", ["||dL/dh_t|| 를"]),
    ("C++ 에서 쓴다", ["C++ 에서"]),
    ("<s> 와 만든 음절들", ["<s> 와"]),
    ("1 ms 도 안 걸린다", ["ms 도"]),
    ("β 가 그 일을 한다", ["β 가"]),
    ("diag(p) - p pᵀ 의 노름", ["pᵀ 의"]),
    ('f"{x} 를 읽는다"', ['f"{x} 를']),
]


@pytest.mark.parametrize(("text", "expected"), SPACED)
def test_a_particle_spaced_off_code_names_formulas_and_brackets_is_found(text, expected):
    assert spaced(text) == expected


# 잡으면 안 되는 것: 조사와 모양이 같은 다른 말, 조사로 시작하는 다른 낱말, 문장 부호 뒤의 관형사
NOT_SPACED = [
    "`x` 이후에 온다",  # 이후: 명사
    "ReLU 이전의 활성화 함수",  # 이전: 명사
    "층을 지난다. 이 값이 커진다",  # 문장 끝 뒤의 관형사 '이'
    "가중치가 같다, 이 신경망은 두 입력의 합만 본다",  # 쉼표 뒤의 관형사
    "학습 모드: 이 배치의 평균",  # 쌍점 뒤의 관형사
    "ReLU 가중치",  # 가중치: '가'로 시작하는 명사
    "90 도 회전",  # 숫자 뒤의 단위
    "3 일 동안",  # 숫자 뒤의 단위
    "1 만 개",  # 숫자 뒤의 수 단위
    "2 이",  # 수를 한글로 읽은 표: 2 → 이
    "10001 만 일",  # 수를 한글로 읽은 표
    'f"{text}은(는) 이 체크포인트가 읽는 범위를 벗어납니다"',  # 괄호로 고른 조사 뒤의 관형사
    "(1) 이 방법은 느리다",  # 줄머리 번호 뒤의 관형사
    "- a) 이 값은 0이다",
    "ours   이 저장소의 설정 그대로",  # 줄을 맞춘 표: 빈칸 여럿
    "Hangul numbers spaced by 만 units",  # 영어 문장이 한국어 낱말을 이름으로 든다
    "RNN 인코더",  # 인코더: '인'으로 시작하는 명사
    "GPU 만세",  # 만세: 다른 낱말
    "tanh 의존",  # '의'로 시작하는 낱말
    "**중요** 를",  # 한글 뒤(이 검사 밖)
    "사과 를 먹는다",  # 한글 뒤(이 검사 밖: 관형사 '이'와 구별할 수 없다)
    "# 만 단위까지만 읽는다",  # 주석 표시 뒤
    "`x`를 붙여 쓴다",
    "√d_k로 나눈다",
]


@pytest.mark.parametrize("text", NOT_SPACED)
def test_words_that_only_look_like_particles_are_not_flagged(text):
    assert spaced(text) == []


def test_in_a_note_code_math_links_and_headings_are_seen_as_the_reader_sees_them(rules):
    body = """
    # 제목

    ### 왜 √d_k 로 나누는가

    `nn.Linear` 의 가중치와 \\( d_k \\) 로 나눈 점수, [PyTorch 문서](https://pytorch.org) 를 본다.

    ```python
    x = nn.Linear(2, 3) ** 2  # 코드 자체(식별자 뒤의 연산자)는 글이 아니다
    ```

    <!-- 주석의 ReLU 는 보이지 않는다 -->
    """
    problems = only(check(rules, note(body)), "particle-spacing")
    assert {(p.line, p.what) for p in problems} == {
        (BODY_START + 2, "조사를 앞말과 띄어 썼습니다: '√d_k 로'"),
        (BODY_START + 4, "조사를 앞말과 띄어 썼습니다: '`nn.Linear` 의'"),
        (BODY_START + 4, "조사를 앞말과 띄어 썼습니다: '\\( d_k \\) 로'"),
        (BODY_START + 4, "조사를 앞말과 띄어 썼습니다: '문서](https://pytorch.org) 를'"),
    }
    heading = next(p for p in problems if p.line == BODY_START + 2)
    assert heading.fix == "조사는 앞말에 붙여 씁니다(한글 맞춤법 제41항): '√d_k로'"


UNSPACED_NUMBERS = [
    ("만오천", "만 오천"),
    ("천이백삼십사만오천육백칠십팔", "천이백삼십사만 오천육백칠십팔"),
    ("구천구백구십구만구천구백구십구", "구천구백구십구만 구천구백구십구"),
    ("삼억오천만이천", "삼억 오천만 이천"),
]


@pytest.mark.parametrize(("text", "fixed"), UNSPACED_NUMBERS)
def test_hangul_numbers_above_man_need_a_space_after_each_unit(text, fixed):
    [found] = number_spacing(f"읽으면 {text} 번이다")
    assert (found.found, found.fixed) == (text, fixed)


@pytest.mark.parametrize(
    "text",
    [
        "삼만 오십이",  # 바르게 띄어 썼다
        "천이백삼십사만 오천육백칠십팔",
        "십일만",  # 만 뒤에 아무것도 없다
        "만일 그렇다면",  # 만일: '만약'
        "십만이 넘는 값",  # 이: 조사
        "이것만이 남는다",  # 만이: 조사
        "만사가 귀찮다",  # 만사: 낱말
        "억만장자",  # 만 뒤가 수가 아니다
        "조사이다",  # 조(兆)는 보지 않는다
        "1만 1천여 개",  # 아라비아 숫자
        "몇십만 개",
    ],
)
def test_correct_or_non_numeric_words_are_not_flagged(text):
    assert list(number_spacing(text)) == []


def test_the_number_check_reports_path_line_and_the_spaced_form(rules):
    [problem] = only(check(rules, note("# 제목\n\n만오천 번 돌린다.\n")), "number-spacing")
    assert problem.line == BODY_START + 2
    assert problem.fix == "만·억 뒤를 띄어 씁니다(한글 맞춤법 제44항): '만 오천'"

"""노트 검사 — 용어(hooks/checks/vocabulary.py): 용어집(data/glossary.yml)이 정한 표기를 글에서 지킨다.

실제 노트에 나오는 문장으로, 잡아야 할 것과 잡으면 안 되는 것(다른 뜻, 코드, 링크, 참고 자료, 괄호 속 풀이)을
함께 확인한다.
"""

from __future__ import annotations

import pytest

from hooks import note_checks
from hooks.glossary import load_terms
from tests.note_check_helpers import BODY_START, check, note, only


@pytest.fixture(scope="module")
def rules():
    return note_checks.load_rules()


def glossary_problems(rules, body: str) -> list[str]:
    return [p.what for p in only(check(rules, note(body)), "glossary")]


def test_a_discouraged_spelling_is_flagged_with_the_preferred_one(rules):
    problems = check(
        rules, note("# 제목\n\n가중치의 초기값을 정한다.\n\n그레디언트 소실이 생긴다.\n")
    )
    assert [(p.line, p.keyword) for p in problems] == [
        (BODY_START + 2, "glossary"),
        (BODY_START + 4, "glossary"),
    ]
    assert "'초깃값'" in problems[0].fix
    assert (
        "'그레디언트 소실'" in problems[1].what and "'기울기 소실'" in problems[1].fix
    )  # 긴 표기 하나만


def test_discouraged_spellings_in_code_and_on_the_glossary_page_are_fine(rules):
    text = note("# 제목\n\n`초기값`이라고 쓰지 않는다.\n\n```python\n초기값 = 0  # 코드\n```\n")
    assert only(check(rules, text), "glossary") == []
    assert check(rules, note("# 용어집\n\n초기값 대신 초깃값\n"), src="glossary.md") == []


# 표기 결정(content-review-1 §10.1): 글에서 잡는 것 → 권장 표기
DRIFT = [
    ("PyTorch의 `nn.RNN`에서 가중치를 꺼낸다.", "PyTorch", "'파이토치'"),
    ("층 정규화는 위치마다 특징 축의 평균을 뺀다.", "특징", "'특성'"),
    ("기본 입력은 (길이, 배치, 특징)이다.", "특징", "'특성'"),
    ("서로 다른 값에서 출발해야 서로 다른 특징을 배운다.", "특징", "'특성'"),
    ("처음 4,000걸음 동안 학습률을 올린다.", "걸음", "'단계'"),
    ("매 걸음 후보를 여러 개 들고 간다.", "걸음", "'단계'"),
    ("**Xavier 열.** tanh에서는 분포가 넓게 남는다.", "Xavier", "'자비에르'"),
    ("### 짓누르지 않는 ReLU", "ReLU", "'렐루'"),
    ("![활성화 함수와 초기화(표준편차 0.01, Xavier, He)](a.svg)", "Xavier", "'자비에르'"),
    ("오차의 신호가 수십 시각을 거슬러 간다.", "시각", "'시점'"),
    ("모든 시각의 은닉 상태", "시각", "'시점'"),
    ("혼잡도가 낮을수록 좋다.", "혼잡도", "'퍼플렉시티'"),
    ("시험 숫자를 탐욕 디코딩으로 읽는다.", "탐욕 디코딩", "'탐욕적 디코딩'"),
]


@pytest.mark.parametrize(("sentence", "form", "preferred"), DRIFT)
def test_each_drifting_term_is_flagged_with_the_glossary_decision(rules, sentence, form, preferred):
    problems = only(check(rules, note(f"# 제목\n\n{sentence}\n")), "glossary")
    assert [p.what for p in problems] == [f"피할 표기를 썼습니다: '{form}'"], sentence
    assert preferred in problems[0].fix and problems[0].line == BODY_START + 2


# 잡으면 안 되는 것: 다른 뜻, 허용한 자리
FINE = [
    # 일상의 뜻: 특징 = 눈에 띄는 점, 시각 = 시계의 시각, 한 걸음 = 관용
    "이 방법의 특징은 계산이 간단하다는 것이다.",
    "분침, 시침이 함께 시각을 나타내듯, 여러 주기의 사인이 위치를 나타낸다.",
    "어텐션에서 한 걸음 더 나가면 순환을 아예 없앨 수 있다.",
    "독자의 발걸음을 따라간다. 걸음마 단계다.",
    "어텐션 가중치를 시각화한 열지도다.",
    "시각적으로 보면 분포가 좁아진다.",
    "학습의 시작 시각과 현재 시각을 적는다.",
    # 파이토치(PyTorch)의 풀이, 링크 글자, 표, 코드
    "파이토치(PyTorch)의 `nn.Sequential`을 쓴다.",
    "렐루(ReLU)는 음수를 0으로 만든다.",
    "자비에르 초기화(Xavier initialization)는 2010년에 나왔다.",
    "[PyTorch 설치 안내](https://pytorch.org/get-started/locally/)를 따른다.",
    "더 자세한 설명은 [PyTorch 한국어 튜토리얼: 신경망 모델\n구성하기](https://tutorials.pytorch.kr/)에 있다.",
    "| 초기화 | Xavier | He |\n| --- | --- | --- |\n| 표준편차 | 0.1 | 0.2 |",
    "`nn.ReLU()`와 `torch.nn.init.xavier_uniform_`을 쓴다.",
    "수식 \\( \\mathrm{ReLU}(x) = \\max(0, x) \\)",
    "<!-- PyTorch 문서를 참고했다 -->",
    # 함께 인정하는 표기, 더 긴 낱말
    "He 초기화는 허 초기화라고도 쓴다.",
    "LeakyReLU는 코드의 이름이다.",
]


@pytest.mark.parametrize("sentence", FINE)
def test_other_senses_and_allowed_places_are_not_flagged(rules, sentence):
    assert glossary_problems(rules, f"# 제목\n\n{sentence}\n") == []


def test_english_names_are_fine_in_the_reference_section_and_sources(rules):
    text = note(
        """
        # 제목

        파이토치로 만든다.

        ## 참고 자료

        - Xavier Glorot, Yoshua Bengio. 논문 제목. AISTATS 2010.
        - PyTorch 문서: [`torch.nn.init`](https://pytorch.org/docs/stable/nn.init.html)

        ## 다음 절

        PyTorch는 다시 글이다.
        """
    ).replace("tags:", "sources:\n  - title: PyTorch docs\n    url: https://pytorch.org\ntags:")
    problems = only(check(rules, text), "glossary")
    assert [p.line for p in problems] == [text.count("\n", 0, text.index("PyTorch는")) + 1]


def test_the_fix_names_where_the_english_form_may_stay(rules):
    [problem] = only(check(rules, note("# 제목\n\nReLU를 쓴다.\n")), "glossary")
    assert problem.fix.startswith("용어집(data/glossary.yml)의 권장 표기로 바꾸세요: '렐루'(ReLU)")
    assert "링크 글자" in problem.fix and "표" in problem.fix


def test_the_glossary_records_every_decision_of_the_review():
    terms = {t.ko: t for t in load_terms()}
    decisions = {
        "파이토치": "PyTorch",
        "특성": "특징",
        "단계": "걸음",
        "자비에르 초기화": "Xavier",
        "렐루": "ReLU",
        "시점": "시각",
        "퍼플렉시티": "혼잡도",
        "탐욕적 디코딩": "탐욕 디코딩",
    }
    for preferred, discouraged in decisions.items():
        assert discouraged in terms[preferred].discouraged, preferred
    assert "He 초기화" in terms["허 초기화"].aliases
    for missing in [
        "부층", "팬인", "팬아웃", "열지도", "KV 캐시", "잔차 통로", "버퍼", "부동소수점", "표준편차",
        "균등분포", "정규분포", "타일링", "대칭성 깨기", "FlashAttention",
    ]:  # fmt: skip
        assert missing in terms, missing


def test_a_bad_discouraged_entry_is_refused_with_its_item(tmp_path):
    from mkdocs.exceptions import PluginError

    bad = tmp_path / "glossary.yml"
    bad.write_text(
        "- ko: 렐루\n  en: ReLU\n  discouraged:\n    - form: ReLU\n      allow: [heading]\n"
    )
    with pytest.raises(PluginError, match=r"1번째 항목\(렐루\).*allow"):
        load_terms(bad)


def test_the_glossary_page_shows_aliases_and_where_a_form_is_avoided():
    from hooks.glossary import render_table

    table = render_table(load_terms())
    assert "</span>허 초기화 · He 초기화 | He initialization |" in table
    assert "<del>PyTorch</del>(글에서)" in table
    assert "<del>특징</del>(feature의 뜻으로)" in table
    assert "<del>초기값</del> |" in table  # 조건 없는 피할 표기는 취소선만


def test_the_title_and_a_folded_description_are_prose_but_other_keys_are_not(rules):
    text = (
        "---\ntitle: PyTorch 입문\ndescription: >\n  긴 설명 속의\n  PyTorch 도 글이다.\n"
        "tags:\n  - 딥러닝\nsources:\n  - title: PyTorch docs\n    url: https://pytorch.org\n---\n\n# 제목\n"
    )
    problems = only(check(rules, text), "glossary")
    assert [p.line for p in problems] == [2, 5]

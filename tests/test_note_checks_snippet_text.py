"""노트 검사 — 페이지에 실리는 노트 밖의 글: 스니펫(hooks/checks/snippet_text.py), 용어집 데이터
(hooks/checks/glossary_data.py), 노트북의 셀(hooks/checks/notebook.py)."""

from __future__ import annotations

import json

import pytest

from hooks import note_checks
from hooks.checks.glossary_data import check_glossary_data
from hooks.checks.snippet_text import check_snippet_source


@pytest.fixture(scope="module")
def rules():
    return note_checks.load_rules()


SNIPPET = '''"""clip_grad_norm_ 이 돌려준 값을 본다.

>>> print("FFN 을 한꺼번에 = 위치마다 따로:", True)
FFN 을 한꺼번에 = 위치마다 따로: True
"""

import torch  # torch.nn 의 모듈은 쓰지 않는다

LABEL = "학습 걸음 수"
NAME = "ReLU"  # 코드의 영문 표기는 괜찮다
'''


def test_comments_docstrings_and_printed_strings_are_checked_with_their_lines(rules):
    problems = check_snippet_source("snippets/x/y.py", SNIPPET, rules)
    assert sorted((p.line, p.keyword, p.what) for p in problems) == [
        (1, "particle-spacing", "조사를 앞말과 띄어 썼습니다: 'clip_grad_norm_ 이'"),
        (3, "particle-spacing", "조사를 앞말과 띄어 썼습니다: 'print(\"FFN 을'"),
        (4, "particle-spacing", "조사를 앞말과 띄어 썼습니다: 'FFN 을'"),
        (7, "particle-spacing", "조사를 앞말과 띄어 썼습니다: 'torch.nn 의'"),
        (9, "glossary", "피할 표기를 썼습니다: '걸음'"),
    ]
    assert all(str(p).startswith("snippets/x/y.py:") for p in problems)


def test_glossary_notes_are_checked_on_their_yaml_line(tmp_path):
    glossary = tmp_path / "glossary.yml"
    glossary.write_text(
        "- ko: 렐루\n  en: ReLU\n  note: max(0, x). 코드에서는 ReLU 로 쓴다\n"
        '- ko: 가변 인자\n  en: variadic arguments\n  note: "*args와 **kwargs"\n',
        encoding="utf-8",
    )
    [problem] = check_glossary_data(glossary)
    assert problem.line == 3 and "'ReLU 로'" in problem.what


def test_notebook_cells_follow_the_note_rules_on_their_json_line(rules):
    cells = [
        {
            "cell_type": "markdown",
            "metadata": {},
            "source": ["# 데모\n", "GPU 가 없으면 CPU로 돈다.\n"],
        },
        {
            "cell_type": "code",
            "metadata": {},
            "execution_count": None,
            "outputs": [],
            "source": ["x = 1  # 탐욕 디코딩으로 읽는다\n"],
        },
    ]
    text = json.dumps(
        {"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5},
        indent=1,
        ensure_ascii=False,
    )
    problems = note_checks.check_note(
        "demo/x.ipynb", text.encode("utf-8"), note_checks.ROOT / "docs", rules
    )
    lines = text.split("\n")
    by_what = {p.what: p.line for p in problems}
    gpu = by_what["1번째 셀: 조사를 앞말과 띄어 썼습니다: 'GPU 가'"]
    assert "GPU 가" in lines[gpu - 1]
    greedy = by_what["2번째 셀: 피할 표기를 썼습니다: '탐욕 디코딩'"]
    assert "탐욕 디코딩" in lines[greedy - 1]


def test_code_blocks_written_in_a_note_are_checked_like_snippets(rules):
    from tests.note_check_helpers import BODY_START, check, note, only

    body = (
        "# 제목\n\n"
        "```python\n"
        "x = 1  # GRU 의 출력\n"
        "```\n\n"
        "```python\n"
        ">>> print('FFN 을 거친다')\n"
        "FFN 을 거친다\n"
        "```\n\n"
        "```mermaid\n"
        "flowchart LR\n"
        '  x[입력] --> h["RNN 의 은닉 상태"]\n'
        "```\n"
    )
    problems = only(check(rules, note(body)), "particle-spacing")
    assert sorted((p.line - BODY_START, p.what) for p in problems) == [
        (3, "조사를 앞말과 띄어 썼습니다: 'GRU 의'"),
        (7, "조사를 앞말과 띄어 썼습니다: 'FFN 을'"),
        (8, "조사를 앞말과 띄어 썼습니다: 'FFN 을'"),
        (13, "조사를 앞말과 띄어 썼습니다: 'h[\"RNN 의'"),
    ]


def test_output_and_shell_blocks_are_read_as_text_but_other_languages_are_not(rules):
    from tests.note_check_helpers import BODY_START, check, note, only

    body = (
        "# 제목\n\n"
        "```text\n손실 2.30, GPU 가 없다\n```\n\n"
        "```bash\npip install torch  # CPU 판 torch 를 받는다\n```\n\n"
        '```json\n{"설명": "x 를 본다"}\n```\n'
    )
    problems = only(check(rules, note(body)), "particle-spacing")
    assert sorted((p.line - BODY_START, p.what) for p in problems) == [
        (3, "조사를 앞말과 띄어 썼습니다: 'GPU 가'"),
        (7, "조사를 앞말과 띄어 썼습니다: 'torch 를'"),
    ]

"""노트 검사 테스트(tests/test_note_checks*.py)가 함께 쓰는 작은 노트와 검사 함수."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest

from hooks import note_checks
from hooks.note_checks import Problem, check_note
from tests.conftest import ROOT

DOCS = ROOT / "docs"
FRONT = "---\ntitle: 예시 노트\ndescription: 검사를 보여 주는 예시.\ntags:\n  - 딥러닝\n---\n\n"
BODY_START = FRONT.count("\n") + 1  # FRONT 뒤 첫 줄의 번호
LINE = re.compile(r"^docs/[\w/.-]+:\d+: .+ \([\w-]+\) — .+$")


@pytest.fixture(scope="module")
def rules():
    return note_checks.load_rules()


def check(rules, text: str | bytes, src: str = "dl/example.md", docs: Path = DOCS) -> list[Problem]:
    data = text if isinstance(text, bytes) else text.encode("utf-8")
    return check_note(src, data, docs, rules)


def note(body: str) -> str:
    return FRONT + textwrap.dedent(body).lstrip("\n")


def only(problems: list[Problem], keyword: str) -> list[Problem]:
    return [p for p in problems if p.keyword == keyword]


# ---------------------------------------------------------------------------
# 좋은 노트는 절대 막히지 않는다
# ---------------------------------------------------------------------------

GOOD_NOTE = note(
    """
    # 예시 노트

    배치 정규화(batch normalization)의 초깃값을 본다. `초기값`처럼 코드 안에 쓴 표기는 괜찮다.
    수식 \\( a < b \\)와 [다른 노트](../python/asterisk.md), [바깥 자료](https://arxiv.org/abs/1502.03167).

    <div markdown>
    <figure markdown="span">
    <abbr title="배치 정규화">BN</abbr> 단축키 <kbd>Ctrl</kbd>+<kbd>C</kbd>
    </figure>
    </div>

    <!-- glossary-table -->
    <!-- material/tags -->

    ![층마다 활성화 값의 분포](../figures/weight_init/histogram-light.svg#only-light)
    ![층마다 활성화 값의 분포](../figures/weight_init/histogram-dark.svg#only-dark)

    ```python
    --8<-- "asterisk/unpacking.py:product"
    ```

    ```python title="예시.py"
    >>> product(2, 3)
    6
    ```

    !!! example "상자 안의 코드"

        ```python
        >>> 1 + 1
        2
        ```

    <!-- skip: next "GPU 가 있어야 돈다" -->
    ```python
    model.cuda()
    ```

    ```text
    >>> 설명만 하는 블록
    ```

    ```html
    <script>alert("코드 블록 안의 HTML 은 글자일 뿐이다")</script>
    ```
    """
)

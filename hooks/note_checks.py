"""노트 검사 훅: 기여자가 보낸 노트를 빌드 첫머리에서 모두 검사하고, 문제를 한꺼번에 알려 준다.

빌드가 시작되면(on_files) docs/ 의 노트를 모두 읽어 아래 검사를 차례로 돌린다. 찾은 문제는
처음 하나에서 멈추지 않고 모두 모아, 한 줄에 하나씩 같은 모양으로 보여 준 뒤 빌드를 멈춘다.

    docs/dl/batch-norm.md:12: 무엇이 틀렸는지 (영어 키워드) — 어떻게 고칠지

이 파일은 MkDocs 가 부르는 입구일 뿐이고, 검사는 관심사마다 hooks/checks/ 의 모듈 하나에 있다
(모듈마다 tests/test_note_checks_<모듈>.py 가 있다):

- encoding       UTF-8 인지. CP949(EUC-KR)로 저장한 파일을 알아보고 고치는 법을 알려 준다
- front_matter   YAML, 필수 키(title 또는 H1, description, tags), 태그 목록, sources, 모르는 키
- html_safety    스크립트를 실행할 수 있는 HTML, 허용 목록 밖의 태그, 위험한 URL(렌더링한 HTML 도)
- images         대체 텍스트, 파일 크기 1 MB 상한, 외부에서 불러오는 그림
- code_blocks    python 블록은 테스트가 실행하거나, 이유를 적은 skip 표시가 붙어 있어야 한다
- vocabulary     data/glossary.yml 의 피할 표기(파이토치, 특성, 단계, 시점, 렐루, 자비에르 …)
- spacing        조사는 앞말에 붙여 쓰고(제41항), 한글 수는 만 단위로 띄어 쓴다(제44항)
- snippets       `--8<--` 포함이 가리키는 스니펫 파일과 구간
- notebook       노트북의 JSON 과 셀 출력
- nav            nav 에서 닿지 않는 페이지, nav 가 가리키는 없는 파일
- snippet_text   snippets/**/*.py 와 노트의 코드 블록에서 페이지에 보이는 글(주석·독스트링·문자열·doctest
                 출력·도표)의 띄어쓰기와 한글 용어
- glossary_data  data/glossary.yml 의 설명 칸의 띄어쓰기(용어집 페이지의 표)
- core           위 검사가 함께 쓰는 Problem, Rules, Note(원문과 코드를 지운 보기들)

Markdown 이 만들어 낸 HTML 도 한 번 더 본다(on_page_content). 끊긴 링크와 앵커는 MkDocs 의
validation 설정과 strict 빌드가 잡는다. pre-commit 의 `python -m tools.check_notes` 도 이 파일의
함수를 그대로 쓴다.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from pathlib import Path

import yaml
from mkdocs.exceptions import PluginError

ROOT = Path(__file__).resolve().parent.parent
# MkDocs 는 훅을 파일 경로로 불러온다. 그때도 hooks 패키지의 다른 모듈을 쓸 수 있게 한다.
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

# 바깥(tools/, tests/)에서 쓰는 이름은 여기서도 보이게 다시 내보낸다.
from hooks.checks.code_blocks import RUNNABLE_INFO, check_code_blocks  # noqa: E402,F401
from hooks.checks.core import Note, Problem, Rules  # noqa: E402,F401
from hooks.checks.encoding import check_encoding  # noqa: E402
from hooks.checks.front_matter import check_front_matter  # noqa: E402
from hooks.checks.glossary_data import check_glossary_data  # noqa: E402
from hooks.checks.html_safety import (  # noqa: E402,F401
    TAG_ADVICE,
    check_rendered_html,
    check_unsafe_html,
)
from hooks.checks.images import IMAGE_SUFFIXES, check_images, check_media_sizes  # noqa: E402,F401
from hooks.checks.nav import (  # noqa: E402,F401
    MKDOCS_FILE,
    MkDocsYamlLoader,
    check_nav,
    load_nav,
    nav_entries,
    parse_nav,
)
from hooks.checks.notebook import check_notebook  # noqa: E402
from hooks.checks.snippet_text import check_code_text, check_snippet_files  # noqa: E402
from hooks.checks.snippets import check_snippets  # noqa: E402
from hooks.checks.spacing import check_spacing  # noqa: E402
from hooks.checks.vocabulary import check_vocabulary  # noqa: E402
from hooks.glossary import load_terms  # noqa: E402

TAGS_FILE = ROOT / "data" / "tags.yml"

# 노트 하나에 차례로 돌리는 검사. 모두 (note, rules) → Problem 들.
NOTE_CHECKS = (
    check_front_matter,
    check_unsafe_html,
    check_images,
    check_code_blocks,
    check_vocabulary,
    check_spacing,
    check_code_text,
    check_snippets,
)

# ---------------------------------------------------------------------------
# Hooks
# ---------------------------------------------------------------------------

_rendered_problems: list[Problem] = []
# `mkdocs serve --dirty`: MkDocs 는 바뀐 페이지만 다시 만든다. 노트 검사도 바뀐 노트만 다시 한다(첫 빌드는 모두).
_dirty = False


def on_startup(command, dirty):
    global _dirty
    _dirty = dirty


def on_files(files, config):
    """빌드 첫머리: 모든 노트(와 페이지에 실리는 스니펫·용어집의 글)를 검사하고, 문제가 있으면 모두 보여 주고 멈춘다."""
    _rendered_problems.clear()
    docs_dir = Path(config["docs_dir"])
    notes = [
        file.src_uri
        for file in files
        if file.src_uri.endswith((".md", ".ipynb")) and not file.inclusion.is_excluded()
    ]
    # --dirty 에서는 만든 적이 없거나(첫 빌드) 만든 뒤에 고친 노트만 본다: 노트가 1,000개면 모두 보는 데 2초가 넘는다.
    changed = {file.src_uri for file in files if not _dirty or file.is_modified()}
    in_nav = [
        file.src_uri for file in files if file.src_uri in notes and file.inclusion.is_in_nav()
    ]
    rules = load_rules()
    problems = check_notes(docs_dir, [src for src in notes if src in changed], rules)
    problems += check_nav(in_nav, config["nav"], set(notes), MKDOCS_FILE)
    problems += check_media_sizes(docs_dir, [f.src_uri for f in files], problems)
    problems += check_site_text(rules)
    fail_if_any(problems)
    return files


def on_page_content(html_text, page, config, files):
    """렌더링한 HTML 을 한 번 더 본다: Markdown 이 만든 속성(attr_list 등)까지 막는다."""
    if page.file.src_uri.endswith(".md"):
        source = Path(page.file.abs_src_path).read_text(encoding="utf-8-sig")
        _rendered_problems.extend(check_rendered_html(page.file.src_uri, html_text, source))
    return html_text


def on_env(env, config, files):
    """모든 페이지를 렌더링한 뒤: 렌더링 검사에서 나온 문제를 한꺼번에 보여 준다."""
    fail_if_any(_rendered_problems)
    return env


# ---------------------------------------------------------------------------
# Entry points shared with tools/check_notes.py
# ---------------------------------------------------------------------------


def load_rules() -> Rules:
    tags = yaml.safe_load(TAGS_FILE.read_text(encoding="utf-8"))
    if not isinstance(tags, list) or not all(isinstance(tag, str) for tag in tags):
        raise PluginError(f"{TAGS_FILE}: 태그 목록은 문자열의 목록(list)이어야 합니다")
    return Rules(tags=tuple(tags), terms=tuple(load_terms()))


def check_notes(docs_dir: Path, notes: Iterable[str], rules: Rules) -> list[Problem]:
    """노트 여러 개를 검사한다. `notes` 는 docs/ 기준 경로("dl/x.md")."""
    problems: list[Problem] = []
    for src in sorted(notes):
        data = (docs_dir / src).read_bytes()
        problems += check_note(src, data, docs_dir, rules)
    return problems


def check_note(src: str, data: bytes, docs_dir: Path, rules: Rules) -> list[Problem]:
    """노트 하나를 모든 검사에 차례로 통과시킨다. 인코딩이 틀리면 나머지는 읽을 수 없으니 건너뛴다."""
    problems = list(check_encoding(src, data))
    if problems:
        return problems
    text = data.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")
    if src.endswith(".ipynb"):
        return sorted(set(check_notebook(src, text, rules)))
    note = Note(src, text, docs_dir)
    for check in NOTE_CHECKS:
        problems.extend(check(note, rules))
    return sorted(set(problems))


def check_site_text(rules: Rules, snippet_files: Iterable[Path] | None = None) -> list[Problem]:
    """노트 밖에서 페이지에 실리는 글: 스니펫의 주석·독스트링·문자열과 용어집의 설명."""
    return check_snippet_files(rules, snippet_files) + check_glossary_data()


def fail_if_any(problems: list[Problem]) -> None:
    if not problems:
        return
    problems = sorted(set(problems))
    if os.environ.get("GITHUB_ACTIONS") == "true":
        # 풀 리퀘스트의 바뀐 줄 옆에 주석으로 보이게 한다.
        for problem in problems:
            print(f"::error file={problem.path},line={problem.line}::{problem}", flush=True)
    raise PluginError(format_report(problems))


def format_report(problems: list[Problem]) -> str:
    lines = [f"노트 검사에서 문제 {len(problems)}개를 찾았습니다. 모두 고친 뒤 다시 빌드하세요."]
    lines += [str(problem) for problem in problems]
    return "\n".join(lines)

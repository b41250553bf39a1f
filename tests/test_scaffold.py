"""새 노트 뼈대(tools/new_note.py): 만든 그대로 검사와 테스트와 strict 빌드를 통과하고, 잘못된 요청은 거절한다."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from hooks.note_checks import MkDocsYamlLoader, nav_entries
from tests.conftest import ROOT, run_mkdocs_build
from tools.new_note import ScaffoldError, scaffold


@pytest.fixture
def mini_root(tmp_path) -> Path:
    """scaffold 가 읽고 쓰는 파일만 있는 작은 저장소: mkdocs.yml, data/tags.yml."""
    (tmp_path / "data").mkdir()
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    shutil.copy(ROOT / "data" / "tags.yml", tmp_path / "data" / "tags.yml")
    return tmp_path


def nav_of(root: Path) -> list[tuple[str, str]]:
    config = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), MkDocsYamlLoader)
    return list(nav_entries(config["nav"]))


def test_scaffold_creates_the_note_its_code_its_test_and_a_nav_line(mini_root):
    before = (mini_root / "mkdocs.yml").read_text(encoding="utf-8")
    created = scaffold("dl/layer-norm", "층 정규화", None, mini_root)
    assert [p.relative_to(mini_root).as_posix() for p in created] == [
        "docs/dl/layer-norm.md",
        "snippets/layer_norm/__init__.py",
        "snippets/layer_norm/example.py",
        "tests/test_layer_norm.py",
    ]
    note = created[0].read_text(encoding="utf-8")
    headings = [line for line in note.splitlines() if line.startswith("## ")]
    assert headings == [
        "## 왜 중요한가",
        "## 직관",
        "## 수식",
        "## 코드",
        "## 그림",
        "## 함정",
        "## 정리",
        "## 참고 자료",
    ]
    assert '--8<-- "layer_norm/example.py:mean"' in note
    assert "# --8<-- [start:mean]" in created[2].read_text(encoding="utf-8")
    # mkdocs.yml 은 한 줄만 늘고, 나머지 글(주석과 !!python 태그)은 그대로다.
    after = (mini_root / "mkdocs.yml").read_text(encoding="utf-8")
    added = [line for line in after.splitlines() if line not in before.splitlines()]
    assert added == ["      - 층 정규화: dl/layer-norm.md"]
    assert "!!python/object/apply:pymdownx.slugs.slugify" in after
    entries = nav_of(mini_root)
    assert ("딥러닝", "dl/layer-norm.md") in entries
    # 같은 폴더의 마지막 노트 바로 뒤(데모 노트북보다 앞)에 들어간다.
    dl = [path for section, path in entries if section == "딥러닝"]
    last_dl = max(
        i for i, path in enumerate(dl) if path.startswith("dl/") and path != "dl/layer-norm.md"
    )
    assert dl.index("dl/layer-norm.md") == last_dl + 1


def test_a_title_with_yaml_punctuation_is_quoted_where_needed(mini_root):
    created = scaffold("python/walrus", '대입 표현식: ":=" 연산자', "파이썬,기초 문법", mini_root)
    front = yaml.safe_load(created[0].read_text(encoding="utf-8").split("---")[1])
    assert front == {
        "title": '대입 표현식: ":=" 연산자',
        "description": '대입 표현식: ":=" 연산자 노트. 작성 중이다.',
        "tags": ["파이썬", "기초 문법"],
    }
    assert ("파이썬", "python/walrus.md") in nav_of(mini_root)
    nav = yaml.load((mini_root / "mkdocs.yml").read_text(encoding="utf-8"), MkDocsYamlLoader)["nav"]
    assert titles_for(nav, "python/walrus.md") == ['대입 표현식: ":=" 연산자']


def titles_for(nav, path: str) -> list[str]:
    if isinstance(nav, list):
        return [title for item in nav for title in titles_for(item, path)]
    if isinstance(nav, dict):
        return [t for k, v in nav.items() for t in ([k] if v == path else titles_for(v, path))]
    return []


@pytest.mark.parametrize(
    ("target", "title", "complaint"),
    [
        ("dl/LayerNorm", "층 정규화", "쓸 수 없는 슬러그입니다: 'LayerNorm'"),
        ("dl/layer_norm", "층 정규화", "하이픈(-)만"),
        ("dl/층-정규화", "층 정규화", "영어 소문자"),
        ("dl/layer-norm-", "층 정규화", "쓸 수 없는 슬러그입니다"),
        ("dl/class", "클래스", "파이썬 예약어"),
        ("ml/layer-norm", "층 정규화", "모르는 섹션 'ml'"),
        ("layer-norm", "층 정규화", "<섹션>/<슬러그>"),
        ("dl/layer-norm", "  ", "제목이 비었거나"),
    ],
)
def test_bad_requests_are_refused_in_korean_and_nothing_is_written(
    mini_root, target, title, complaint
):
    before = (mini_root / "mkdocs.yml").read_text(encoding="utf-8")
    with pytest.raises(ScaffoldError, match=re.escape(complaint)):
        scaffold(target, title, None, mini_root)
    assert not (mini_root / "docs").exists() and not (mini_root / "snippets").exists()
    assert (mini_root / "mkdocs.yml").read_text(encoding="utf-8") == before


def test_an_existing_note_is_never_overwritten(mini_root):
    existing = mini_root / "docs" / "dl" / "batch-norm.md"
    existing.parent.mkdir(parents=True)
    existing.write_text("기여자의 글\n", encoding="utf-8")
    with pytest.raises(ScaffoldError, match="이미 있는 파일입니다: docs/dl/batch-norm.md"):
        scaffold("dl/batch-norm", "배치 정규화", None, mini_root)
    assert existing.read_text(encoding="utf-8") == "기여자의 글\n"


def test_an_existing_snippet_package_is_never_overwritten(mini_root):
    (mini_root / "snippets" / "layer_norm").mkdir(parents=True)
    (mini_root / "snippets" / "layer_norm" / "example.py").write_text(
        "# 남의 코드\n", encoding="utf-8"
    )
    with pytest.raises(ScaffoldError, match="이미 있는 파일입니다: snippets/layer_norm/example.py"):
        scaffold("dl/layer-norm", "층 정규화", None, mini_root)


def test_an_unknown_tag_is_refused(mini_root):
    with pytest.raises(ScaffoldError, match="data/tags.yml 에 없는 태그입니다: 머신러닝"):
        scaffold("dl/layer-norm", "층 정규화", "딥러닝,머신러닝", mini_root)


def test_contributing_documents_the_scaffold_command():
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    assert "python -m tools.new_note" in text


def run(args: list[str], cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, *args], cwd=cwd, capture_output=True, text=True)


@pytest.mark.build
def test_a_freshly_scaffolded_note_passes_checks_tests_and_the_strict_build(project_copy):
    made = run(["-m", "tools.new_note", "dl/layer-norm", "층 정규화"], project_copy)
    assert made.returncode == 0, made.stderr
    assert "docs/dl/layer-norm.md" in made.stdout

    checked = run(["-m", "tools.check_notes", "docs/dl/layer-norm.md"], project_copy)
    assert checked.returncode == 0, checked.stderr

    tested = run(
        [
            "-m",
            "pytest",
            "-q",
            "docs/dl/layer-norm.md",
            "tests/test_layer_norm.py",
            "snippets/layer_norm",
        ],
        project_copy,
    )
    assert tested.returncode == 0, tested.stdout + tested.stderr
    assert "5 passed" in tested.stdout  # 노트의 블록 2개, 테스트 2개, 모듈 doctest 1개

    built = run_mkdocs_build(project_copy, project_copy / "site")
    assert built.returncode == 0, built.stdout + built.stderr
    page = (project_copy / "site" / "dl" / "layer-norm" / "index.html").read_text(encoding="utf-8")
    assert "<math" in page and "def mean(values" in re.sub(r"<[^>]+>", "", page)

"""새 노트의 뼈대를 만든다: `python -m tools.new_note dl/layer-norm "층 정규화"`.

만드는 것:
- docs/<섹션>/<슬러그>.md        front matter 와 절 뼈대(왜 중요한가 → … → 참고 자료)
- snippets/<주제>/__init__.py     한 줄 설명
- snippets/<주제>/example.py      이름 붙은 구간과 doctest 가 있는 예제 모듈
- tests/test_<주제>.py            예제 모듈의 테스트
- mkdocs.yml 의 nav              섹션 목록 끝에 한 줄

<주제>는 슬러그의 하이픈을 밑줄로 바꾼 이름이다(layer-norm → layer_norm). 만든 그대로
strict 빌드와 테스트를 통과한다. mkdocs.yml 에는 !!python 태그가 있어 YAML 을 다시 쓰지 않고,
nav 의 알맞은 자리에 줄 하나만 끼워 넣은 뒤 제대로 읽히는지 확인하고 저장한다.
"""

from __future__ import annotations

import argparse
import keyword
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from string import Template

import yaml

from hooks.note_checks import nav_entries, parse_nav

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = Path(__file__).resolve().parent / "templates"
# 섹션 폴더 → (mkdocs.yml nav 의 섹션 제목, 기본 태그)
SECTIONS = {
    "python": ("파이썬", "파이썬"),
    "dl": ("딥러닝", "딥러닝"),
}
SLUG = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")


class ScaffoldError(Exception):
    """노트를 만들 수 없다. 메시지는 무엇이 틀렸고 어떻게 고칠지를 말한다."""


@dataclass(frozen=True)
class NewNote:
    section: str
    slug: str
    title: str
    tags: tuple[str, ...]

    @property
    def topic(self) -> str:
        return self.slug.replace("-", "_")

    @property
    def src(self) -> str:
        return f"{self.section}/{self.slug}.md"

    def files(self, root: Path) -> dict[Path, str]:
        """만들 파일과 그 내용."""
        values = {
            "title": self.title,
            "title_yaml": yaml_scalar(self.title),
            "description_yaml": yaml_scalar(f"{self.title} 노트. 작성 중이다."),
            "tags_yaml": "\n".join(f"  - {yaml_scalar(tag)}" for tag in self.tags),
            "topic": self.topic,
        }
        return {
            root / "docs" / self.src: render("note.md", values),
            root / "snippets" / self.topic / "__init__.py": render("snippet_init.py.tmpl", values),
            root / "snippets" / self.topic / "example.py": render(
                "snippet_example.py.tmpl", values
            ),
            root / "tests" / f"test_{self.topic}.py": render("test_topic.py.tmpl", values),
        }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tools.new_note",
        description="새 노트의 뼈대(노트, 스니펫 모듈, 테스트, nav 한 줄)를 만듭니다.",
        epilog='예: python -m tools.new_note dl/layer-norm "층 정규화" --tags 딥러닝,정규화',
    )
    parser.add_argument("target", help="<섹션>/<슬러그>. 섹션: " + ", ".join(SECTIONS))
    parser.add_argument("title", help="노트 제목(한국어)")
    parser.add_argument(
        "--tags", help="쉼표로 나눈 태그(data/tags.yml 에 있는 것). 기본: 섹션의 태그"
    )
    args = parser.parse_args(argv)
    try:
        created = scaffold(args.target, args.title, args.tags, ROOT)
    except ScaffoldError as err:
        print(f"새 노트를 만들지 않았습니다: {err}", file=sys.stderr)
        return 1
    note = created[0]
    topic = note.stem.replace("-", "_")
    print("새 노트를 만들었습니다:")
    for path in created:
        print(f"  {path.relative_to(ROOT)}")
    print("  mkdocs.yml (nav 에 한 줄)")
    print("다음 차례:")
    print(
        f"  1. mkdocs serve 를 띄우고 http://127.0.0.1:8000/{note.parent.name}/{note.stem}/ 을 엽니다"
    )
    print(f"  2. python -m pytest {note.relative_to(ROOT)} tests/test_{topic}.py snippets/{topic}")
    print("  자세한 안내: CONTRIBUTING.md")
    return 0


def scaffold(target: str, title: str, tags: str | None, root: Path) -> list[Path]:
    """검사를 모두 마친 뒤에만 파일을 쓴다. 만든 파일 경로를 돌려준다(첫째가 노트)."""
    note = parse_request(target, title, tags, root)
    files = note.files(root)
    for path in files:
        if path.exists():
            raise ScaffoldError(
                f"이미 있는 파일입니다: {path.relative_to(root)} — 다른 슬러그를 고르거나, 있는 노트를 고치세요"
            )
    config = root / "mkdocs.yml"
    new_config = add_to_nav(config.read_text(encoding="utf-8"), note)
    for path, text in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    config.write_text(new_config, encoding="utf-8")
    return list(files)


def parse_request(target: str, title: str, tags: str | None, root: Path) -> NewNote:
    section, slash, slug = target.removeprefix("docs/").removesuffix(".md").partition("/")
    if not slash or "/" in slug:
        raise ScaffoldError(
            f"<섹션>/<슬러그> 모양이 아닙니다: '{target}' — 예: dl/layer-norm (섹션: {', '.join(SECTIONS)})"
        )
    if section not in SECTIONS:
        raise ScaffoldError(
            f"모르는 섹션 '{section}' — 섹션은 {', '.join(SECTIONS)} 중 하나입니다. "
            "새 섹션이 필요하면 이슈로 먼저 의논해 주세요"
        )
    if not SLUG.fullmatch(slug):
        raise ScaffoldError(
            f"쓸 수 없는 슬러그입니다: '{slug}' — 영어 소문자로 시작하고 소문자, 숫자, 하이픈(-)만 "
            "쓰세요. 예: layer-norm"
        )
    topic = slug.replace("-", "_")
    if keyword.iskeyword(topic):
        raise ScaffoldError(
            f"파이썬 예약어는 슬러그로 쓸 수 없습니다: '{slug}' — 다른 이름을 고르세요"
        )
    title = title.strip()
    if not title or "\n" in title:
        raise ScaffoldError(
            "제목이 비었거나 여러 줄입니다 — 한 줄짜리 한국어 제목을 따옴표로 감싸 주세요"
        )
    allowed = yaml.safe_load((root / "data" / "tags.yml").read_text(encoding="utf-8"))
    chosen = (
        tuple(t.strip() for t in tags.split(",") if t.strip()) if tags else (SECTIONS[section][1],)
    )
    unknown = [tag for tag in chosen if tag not in allowed]
    if unknown:
        raise ScaffoldError(
            f"data/tags.yml 에 없는 태그입니다: {', '.join(unknown)} — 쓸 수 있는 태그: {', '.join(allowed)}"
        )
    return NewNote(section, slug, title, chosen)


def add_to_nav(config_text: str, note: NewNote) -> str:
    """mkdocs.yml 의 글을 그대로 두고, nav 의 섹션 목록에 줄 하나를 끼워 넣는다.

    같은 폴더의 노트가 있으면 그 마지막 노트 바로 뒤, 없으면 섹션 목록의 끝에 넣는다.
    """
    section_title = SECTIONS[note.section][0]
    lines = config_text.splitlines(keepends=True)
    start = next((i for i, line in enumerate(lines) if line.rstrip() == "nav:"), None)
    if start is None:
        raise ScaffoldError("mkdocs.yml 에 nav: 가 없습니다 — nav 를 먼저 만들어 주세요")
    header = re.compile(rf"^(?P<indent>\s*)- {re.escape(section_title)}:\s*$")
    head = next((i for i in range(start + 1, len(lines)) if header.match(lines[i])), None)
    if head is None:
        raise ScaffoldError(f"mkdocs.yml 의 nav 에 '{section_title}:' 섹션이 없습니다")
    head_indent = len(header.match(lines[head])["indent"])
    items = []
    for i in range(head + 1, len(lines)):
        text = lines[i]
        if not text.strip() or text.lstrip().startswith("#"):
            continue
        if len(text) - len(text.lstrip()) <= head_indent:
            break
        items.append(i)
    if not items:
        raise ScaffoldError(f"mkdocs.yml 의 nav '{section_title}:' 섹션이 비어 있습니다")
    item_indent = min(len(lines[i]) - len(lines[i].lstrip()) for i in items)
    same_folder = [
        i for i in items if re.search(rf":\s*{re.escape(note.section)}/\S+\s*$", lines[i])
    ]
    after = (same_folder or items)[-1]
    entry = f"{' ' * item_indent}- {yaml_key(note.title)}: {note.src}\n"
    new_text = "".join(lines[: after + 1] + [entry] + lines[after + 1 :])
    check_nav_entry(new_text, section_title, note.src)
    return new_text


def check_nav_entry(config_text: str, section_title: str, src: str) -> None:
    """끼워 넣은 mkdocs.yml 을 다시 읽어, 새 노트가 그 섹션 안에 들어갔는지 확인한다."""
    try:
        nav = parse_nav(config_text)
    except yaml.YAMLError as err:
        raise ScaffoldError(f"nav 에 줄을 넣었더니 mkdocs.yml 을 읽을 수 없습니다 — {err}") from err
    if (section_title, src) not in set(nav_entries(nav)):
        raise ScaffoldError(
            "nav 에 넣은 줄이 섹션 안에 들어가지 않았습니다 — mkdocs.yml 의 nav 들여쓰기를 확인해 주세요"
        )


def yaml_scalar(value: str) -> str:
    """YAML 값으로 그대로 읽히면 그대로, 아니면 큰따옴표로 감싼다."""
    return value if _reads_back(f"k: {value}", {"k": value}) else quoted(value)


def yaml_key(value: str) -> str:
    """nav 항목 `- 제목: 경로` 의 제목으로 그대로 읽히면 그대로, 아니면 큰따옴표로 감싼다."""
    return value if _reads_back(f"- {value}: x", [{value: "x"}]) else quoted(value)


def _reads_back(text: str, expected) -> bool:
    try:
        return yaml.safe_load(text) == expected
    except yaml.YAMLError:
        return False


def quoted(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def read_template(name: str) -> str:
    return (TEMPLATES / name).read_text(encoding="utf-8")


def render(name: str, values: dict[str, str]) -> str:
    return Template(read_template(name)).substitute(values)


if __name__ == "__main__":
    sys.exit(main())

"""front matter 검사: YAML, 필수 키(title 또는 H1, description, tags), 태그 목록, sources, 모르는 키."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator

import yaml
from mkdocs.utils.meta import YAML_RE

from hooks.checks.core import Note, Problem, Rules

REQUIRED_KEYS = ("description", "tags")
# Material 이 읽는 페이지 설정 중 노트에 쓸 만한 것
MATERIAL_KEYS = {
    "hide": {"navigation", "toc", "footer", "path", "tags", "feedback"},
    "search": None,
}
KNOWN_KEYS = ("title", "description", "tags", "sources", *MATERIAL_KEYS)
TEMPLATE_HINT = "본보기: tools/templates/note.md"
KEY_EXAMPLES = {
    "description": "description: 이 노트를 한 문장으로 요약",
    "tags": "tags: 아래에 '  - 딥러닝'처럼 data/tags.yml 의 태그를 한 줄에 하나씩",
}


class FrontMatterLoader(yaml.SafeLoader):
    """MkDocs 와 같은 안전한 로더. 키마다 원문의 줄 번호를 함께 얻으려고 노드를 직접 다룬다."""


def check_front_matter(note: Note, rules: Rules) -> Iterator[Problem]:
    text = note.text
    if not text.startswith("---"):
        yield note.problem(
            1,
            "front matter 가 없습니다",
            "front-matter",
            f"파일 맨 위에 '---' 줄로 여닫는 front matter 를 두고 title, description, tags 를 적으세요({TEMPLATE_HINT})",
            is_line=True,
        )
        return
    match = YAML_RE.match(text)
    if not match:
        yield note.problem(
            1,
            "front matter 가 닫히지 않았습니다",
            "front-matter",
            "front matter 끝에 '---' 한 줄을 두고, 그 뒤에 빈 줄과 본문을 쓰세요",
            is_line=True,
        )
        return
    loader = FrontMatterLoader(match.group(1))
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as err:
        problem = str(err.problem or err)
        # 닫히지 않은 괄호나 따옴표는 파일 끝에서야 드러나므로, 그것이 열린 자리를 알려 준다.
        unclosed = "<stream end>" in problem and err.context_mark is not None
        mark = err.context_mark if unclosed else (err.problem_mark or err.context_mark)
        line = mark.line + 2 if mark else 1
        yield note.problem(
            line,
            f"front matter 의 YAML 을 읽을 수 없습니다: {err.problem or err}",
            "front-matter",
            yaml_hint(str(err.problem or err)),
            is_line=True,
        )
        return
    finally:
        loader.dispose()
    if not isinstance(data, dict):
        yield note.problem(
            2,
            "front matter 는 '키: 값' 모양이어야 합니다",
            "front-matter",
            f"'키: 값' 줄로 쓰세요({TEMPLATE_HINT})",
            is_line=True,
        )
        return
    lines = {key.value: key.start_mark.line + 2 for key, _ in node.value}
    values = {key.value: value for key, value in node.value}
    yield from check_front_matter_keys(note, data, lines, values, rules)


def check_front_matter_keys(note, data, lines, nodes, rules) -> Iterator[Problem]:
    def at(key):
        return lines.get(key, 2)

    for key in data:
        if key not in KNOWN_KEYS:
            guess = difflib.get_close_matches(str(key), KNOWN_KEYS, n=1)
            hint = f"'{guess[0]}'을(를) 쓰려던 것이라면 이름을 고치고, " if guess else ""
            yield note.problem(
                at(key),
                f"front matter 에 모르는 키가 있습니다: '{key}'",
                "front-matter",
                f"{hint}쓸 수 있는 키는 {', '.join(KNOWN_KEYS)} 입니다",
                is_line=True,
            )

    title = data.get("title")
    if "title" in data and not nonempty_str(title):
        yield note.problem(
            at("title"),
            "title 이 비었거나 문자열이 아닙니다",
            "front-matter",
            "title: 노트 제목 처럼 한 줄로 적으세요",
            is_line=True,
        )
    if "title" not in data and not has_h1(note):
        yield note.problem(
            2,
            "제목이 없습니다: front matter 에 title 도, 본문에 '# 제목'도 없습니다",
            "front-matter",
            "front matter 에 title: 을 적거나 본문 첫 줄을 '# 제목'으로 쓰세요",
            is_line=True,
        )
    for key in REQUIRED_KEYS:
        if key not in data:
            yield note.problem(
                2,
                f"front matter 에 필수 키가 없습니다: '{key}'",
                "front-matter",
                f"'{KEY_EXAMPLES[key]}' 줄을 더하세요({TEMPLATE_HINT})",
                is_line=True,
            )
    if "description" in data and not nonempty_str(data["description"]):
        yield note.problem(
            at("description"),
            "description 이 비었거나 문자열이 아닙니다",
            "front-matter",
            "검색 결과와 링크 미리보기에 쓰일 한 문장 요약을 적으세요",
            is_line=True,
        )
    if "tags" in data:
        yield from check_tags(note, data["tags"], at("tags"), nodes.get("tags"), rules)
    if "sources" in data:
        yield from check_sources(note, data["sources"], at("sources"), nodes.get("sources"))
    if "hide" in data:
        hide = data["hide"]
        allowed = MATERIAL_KEYS["hide"]
        if not isinstance(hide, list) or not set(map(str, hide)) <= allowed:
            yield note.problem(
                at("hide"),
                f"hide 의 값이 틀렸습니다: {hide!r}",
                "front-matter",
                f"hide 는 {', '.join(sorted(allowed))} 중에서 고른 목록입니다",
                is_line=True,
            )
    if "search" in data:
        search = data["search"]
        if not isinstance(search, dict) or not set(search) <= {"exclude", "boost"}:
            yield note.problem(
                at("search"),
                f"search 의 값이 틀렸습니다: {search!r}",
                "front-matter",
                "search 에는 exclude: true 또는 boost: 2 같은 값만 씁니다",
                is_line=True,
            )


def check_tags(note, tags, line, node, rules) -> Iterator[Problem]:
    if not isinstance(tags, list) or not tags:
        yield note.problem(
            line,
            "tags 는 태그 하나 이상의 목록이어야 합니다",
            "front-matter",
            "tags: 아래에 '  - 딥러닝'처럼 한 줄에 하나씩 적으세요",
            is_line=True,
        )
        return
    item_lines = [item.start_mark.line + 2 for item in node.value] if node is not None else []
    for index, tag in enumerate(tags):
        where = item_lines[index] if index < len(item_lines) else line
        if tag not in rules.tags:
            guess = difflib.get_close_matches(str(tag), rules.tags, n=1)
            hint = f"'{guess[0]}'을(를) 쓰거나, " if guess else ""
            yield note.problem(
                where,
                f"태그 목록(data/tags.yml)에 없는 태그입니다: '{tag}'",
                "tags",
                f"{hint}"
                f"새 태그가 꼭 필요하면 data/tags.yml 에 먼저 더하세요. 지금 쓸 수 있는 태그: "
                f"{', '.join(rules.tags)}",
                is_line=True,
            )


def check_sources(note, sources, line, node) -> Iterator[Problem]:
    example = "sources:\\n  - title: 논문 제목\\n    url: https://..."
    if not isinstance(sources, list):
        yield note.problem(
            line,
            "sources 는 참고 자료의 목록이어야 합니다",
            "front-matter",
            f"{example} 처럼 쓰세요",
            is_line=True,
        )
        return
    for index, item in enumerate(sources):
        where = node.value[index].start_mark.line + 2 if node is not None else line
        if not isinstance(item, dict) or set(item) != {"title", "url"}:
            yield note.problem(
                where,
                f"sources 의 {index + 1}번째 항목은 title 과 url 두 키만 가져야 합니다",
                "front-matter",
                f"{example} 처럼 쓰세요",
                is_line=True,
            )
            continue
        if not nonempty_str(item["title"]):
            yield note.problem(
                where,
                f"sources 의 {index + 1}번째 항목의 title 이 비었습니다",
                "front-matter",
                "자료의 제목을 적으세요",
                is_line=True,
            )
        url = item["url"]
        if not isinstance(url, str) or not re.match(r"https?://[^\s/]+", url):
            yield note.problem(
                where,
                f"sources 의 {index + 1}번째 항목의 url 이 웹 주소가 아닙니다: '{url}'",
                "front-matter",
                "https:// 로 시작하는 주소를 적으세요",
                is_line=True,
            )


def yaml_hint(problem: str) -> str:
    if "mapping values are not allowed" in problem:
        return '값 안에 콜론(:)이 있으면 값 전체를 따옴표로 감싸세요. 예: title: "배치 정규화: 왜 필요한가"'
    if "\\t" in problem:
        return "YAML 의 들여쓰기에는 탭을 쓸 수 없습니다. 공백 두 칸으로 바꾸세요"
    if "<stream end>" in problem:
        return "이 줄에서 연 괄호([, {)나 따옴표가 닫혔는지 확인하세요"
    return "들여쓰기(공백 두 칸)와 목록 기호('- '), 콜론 뒤의 공백이 위아래 줄과 맞는지 확인하세요"


def nonempty_str(value) -> bool:
    return isinstance(value, str) and bool(value.strip())


def has_h1(note: Note) -> bool:
    body = note.without_code[note.front_matter_end :]
    return bool(
        re.search(r"^#[ \t]+\S", body, re.M) or re.search(r"^\S[^\n]*\n=+[ \t]*$", body, re.M)
    )

"""용어집 데이터 검사: data/glossary.yml 의 글(설명, 한국어 표기)도 띄어쓰기 규칙을 따른다.

용어집 페이지의 표는 이 파일에서 바로 만들어진다. 그래서 노트의 글과 같은 띄어쓰기 검사
(제41항 조사, 제44항 수)를 설명(note) 칸과 한국어 표기(ko, aliases)에 돌린다. 피할 표기를 보여
주는 것이 이 파일의 일이므로 용어 검사는 돌리지 않는다.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from hooks.checks.core import ROOT, Problem
from hooks.checks.spacing import text_problems
from hooks.glossary import GLOSSARY_FILE

TEXT_KEYS = ("ko", "aliases", "note")


def check_glossary_data(path: Path = GLOSSARY_FILE) -> list[Problem]:
    name = path.resolve().relative_to(ROOT).as_posix() if path.is_relative_to(ROOT) else str(path)
    try:
        root = yaml.compose(path.read_text(encoding="utf-8"))
    except yaml.YAMLError:
        return []  # hooks/glossary.py 의 load_terms 가 줄 번호와 함께 알린다
    problems: list[Problem] = []
    for item in getattr(root, "value", []) or []:
        if not isinstance(item, yaml.MappingNode):
            continue
        for key, value in item.value:
            if key.value not in TEXT_KEYS:
                continue
            nodes = value.value if isinstance(value, yaml.SequenceNode) else [value]
            for node in nodes:
                if isinstance(node, yaml.ScalarNode):
                    problems += text_problems(name, node.value, first_line=node.start_mark.line + 1)
    return sorted(set(problems))

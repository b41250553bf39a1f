"""노트(docs/**/*.md)의 파이썬 예제를 pytest 로 실행하는 Sybil 설정.

- info 문자열이 `python` 으로 시작하는 펜스 블록을 모두 잡는다(`python title="..."` 도 포함).
  Sybil 의 기본 파서는 info 가 정확히 `python` 인 블록만 보므로, 속성이 붙은 블록이
  조용히 빠지지 않도록 직접 렉서를 둔다.
- 블록 안의 `--8<-- "경로:구간"` 줄은 pymdownx.snippets 와 같은 규칙으로 펼친 뒤 실행한다.
- `>>>` 로 시작하는 블록은 doctest 로, 나머지는 평범한 코드로 실행한다. 한 문서의 블록은
  위에서 아래로 같은 이름공간을 공유한다.
- 실행하지 않을 블록은 바로 앞에 `<!-- skip: next "이유" -->` 를 둔다.
"""

from __future__ import annotations

import doctest
import io
import re
from pathlib import Path

from sybil import Region, Sybil
from sybil.parsers.markdown import SkipParser
from sybil.parsers.markdown.lexers import RawFencedCodeBlockLexer

from hooks.snippet_includes import SnippetError, expand_includes

DOCTEST_FLAGS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE
INFO = re.compile(r"(?P<language>python)(?:[ \t]+[^\n]*)?$\n", re.MULTILINE)
DOCS = Path(__file__).resolve().parent.parent / "docs"


def run_doctest(source: str, namespace: dict, name: str, lineno: int) -> str | None:
    """문서의 이름공간에서 doctest 를 돌리고, 실패하면 보고문을 돌려준다."""
    test = doctest.DocTestParser().get_doctest(source, namespace, name, name, lineno)
    report = io.StringIO()
    runner = doctest.DocTestRunner(optionflags=DOCTEST_FLAGS)
    runner.run(test, out=report.write, clear_globs=False)
    # DocTest 는 이름공간의 사본에서 돈다: 정의한 이름을 다음 블록이 쓸 수 있게 되돌려 놓는다.
    namespace.update(test.globs)
    if runner.failures:
        return report.getvalue()
    return None


class NoteCodeBlockParser:
    """노트의 `python` 펜스 블록 하나를 예제 하나로 만든다."""

    def __init__(self) -> None:
        self.lexer = RawFencedCodeBlockLexer(
            info_pattern=INFO, mapping={"language": "language", "source": "source"}
        )

    def __call__(self, document):
        for region in self.lexer(document):
            yield Region(region.start, region.end, str(region.lexemes["source"]), self.evaluate)

    def evaluate(self, example) -> str | None:
        try:
            source = expand_includes(example.parsed)
        except SnippetError as err:
            return f"{example.path}:{example.line}: {err}"
        if source.lstrip().startswith(">>>"):
            return run_doctest(source, example.namespace, str(example.path), example.line)
        # 줄 번호가 노트의 줄과 맞도록 앞을 빈 줄로 채운다.
        code = compile("\n" * example.line + source, str(example.path), "exec")
        exec(code, example.namespace)
        return None


def sybil_for_notes() -> Sybil:
    return Sybil(
        parsers=[SkipParser(), NoteCodeBlockParser()],
        patterns=["*.md"],
        path=str(DOCS),
    )

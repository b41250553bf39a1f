"""데모 노트북: 저장소에는 출력 없이 두고, CPU 에서 끝까지 오류 없이 실행되며, 어느 장치와 torch 로 만든
출력인지 밝힌다. 실행은 빌드 훅과 같은 함수(hooks.notebooks.execute_cached)가 한다."""

from __future__ import annotations

import json
import re
from pathlib import Path

import nbformat
import pytest
import torch

from hooks.notebooks import cache_key, execute_cached

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK = ROOT / "docs" / "demo" / "transformer-demo.ipynb"


def test_notebook_is_stored_without_outputs():
    nb = nbformat.read(NOTEBOOK, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, cell.source[:60]


def test_notebook_declares_what_its_outputs_depend_on():
    depends = json.loads(NOTEBOOK.read_text(encoding="utf-8"))["metadata"]["gongbu"]["depends"]
    assert "snippets/transformer" in depends
    assert cache_key(NOTEBOOK) == cache_key(NOTEBOOK)


def test_notebook_markdown_is_korean():
    nb = nbformat.read(NOTEBOOK, as_version=4)
    prose = "".join(cell.source for cell in nb.cells if cell.cell_type == "markdown")
    hangul = sum("가" <= ch <= "힣" for ch in prose)
    assert hangul > 0.3 * sum(ch.isalpha() for ch in prose)


@pytest.mark.slow
def test_notebook_runs_clean_and_states_device_and_torch_version():
    executed = nbformat.read(execute_cached(NOTEBOOK), as_version=4)
    outputs = [
        output for cell in executed.cells if cell.cell_type == "code" for output in cell.outputs
    ]
    assert all(output.output_type != "error" for output in outputs)
    assert not [o for o in outputs if o.output_type == "stream" and o.name == "stderr"]
    first = "".join(o.get("data", {}).get("text/markdown", "") for o in executed.cells[1].outputs)
    assert torch.__version__ in first and "장치" in first
    text = json.dumps([cell.get("outputs", []) for cell in executed.cells], ensure_ascii=False)
    assert "3052\\t" in text  # 명령줄 read 의 출력
    assert "only-light" in text and "only-dark" in text  # 교차 어텐션 지도와 벤치마크 그림


@pytest.mark.build
def test_site_page_shows_the_executed_notebook(built_site):
    """빌드 훅이 원본 대신 실행한 사본을 그리게 했다: 출력(장치 표, 읽기 결과, 그림)이 페이지에 있다."""
    page = (built_site / "demo/transformer-demo/index.html").read_text(encoding="utf-8")
    assert torch.__version__ in page
    assert "삼천오십이" in page
    assert 'only-light"' in page and 'only-dark"' in page


@pytest.mark.build
def test_notebook_figures_are_published_as_files_not_inlined(built_site):
    """출력 그림은 figures/notebooks/ 의 파일로 꺼내져, 페이지 HTML 에 base64 로 박혀 있지 않다."""
    page = (built_site / "demo/transformer-demo/index.html").read_text(encoding="utf-8")
    assert 'src="data:image/' not in page
    sources = re.findall(
        r'src="(\.\./\.\./figures/notebooks/[0-9a-f]{16}\.svg)#only-(?:light|dark)"', page
    )
    assert len(sources) >= 4  # 교차 어텐션 지도와 벤치마크 그림, 각각 밝은·어두운 두 벌
    for source in sources:
        svg = (built_site / "demo/transformer-demo" / source).resolve()
        assert svg.read_bytes().lstrip().startswith((b"<?xml", b"<svg")), source

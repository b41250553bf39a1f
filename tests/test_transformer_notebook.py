"""데모 노트북: 저장소에는 출력 없이 두고, CPU 에서 끝까지 오류 없이 실행되며, 어느 장치와 torch 로 만든
출력인지 밝힌다. 실행은 빌드 훅과 같은 함수(hooks.notebooks.execute_cached)가 한다."""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

import nbformat
import pytest
import torch

from hooks.notebook_pages import FIGURE_DIR, publish_figures
from hooks.notebooks import CACHE, cache_key, execute, execute_cached
from snippets.transformer.report import PROVENANCE_FIELDS

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK = ROOT / "docs" / "demo" / "transformer-demo.ipynb"
DOCS = ROOT / "docs"


def test_notebook_is_stored_without_outputs():
    nb = nbformat.read(NOTEBOOK, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, cell.source[:60]


def test_notebook_declares_what_its_outputs_depend_on():
    depends = json.loads(NOTEBOOK.read_text(encoding="utf-8"))["metadata"]["gongbu"]["depends"]
    assert "snippets/transformer" in depends
    assert "data/gpu-runs" in depends  # GPU 기록이 바뀌면 페이지도 다시 만든다
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


PROVENANCE_SPAN = re.compile(
    r'(<span class="gongbu-provenance" data-field="([^"]*)">)[^<]*(</span>)'
)


def publish(executed: Path, site_dir: Path) -> str:
    """빌드와 같은 길로 페이지를 만든다: mkdocs-jupyter 의 변환, 그다음 그림을 파일로 꺼내기."""
    from mkdocs_jupyter.convert import nb2html

    page = nb2html(str(executed), allow_errors=False)
    return publish_figures(page, site_dir, "demo/transformer-demo/")


@pytest.mark.slow
def test_two_cold_executions_publish_identical_figures_and_html(tmp_path, monkeypatch):
    """캐시 없이 두 번 실행해 사이트에 실릴 파일을 비교한다. 그림은 바이트까지 같고, 페이지 HTML 은 선언한 출처 값
    (report.PROVENANCE_FIELDS: 날짜, 장치, torch 버전, 걸린 시간 등)의 글자만 다를 수 있다.

    언어 모델의 말뭉치는 docs/ 의 사본으로 고정한다. 두 실행 사이에 누가 노트를 고쳐도 비교가 흔들리지 않게.
    """
    corpus = tmp_path / "corpus"
    for note in DOCS.rglob("*.md"):
        (corpus / note.relative_to(DOCS)).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(note, corpus / note.relative_to(DOCS))
    monkeypatch.setenv("GONGBU_CORPUS_DIR", str(corpus))  # 커널은 이 환경을 물려받는다
    pages, figures = [], []
    for run in ("first", "second"):
        workdir = (
            CACHE / f".cold-{run}-{os.getpid()}"
        )  # 커널은 저장소 안에서 돌아야 snippets 를 찾는다
        shutil.rmtree(workdir, ignore_errors=True)
        workdir.mkdir(parents=True)
        try:
            page = publish(execute(NOTEBOOK, workdir), tmp_path / run)
        finally:
            shutil.rmtree(workdir, ignore_errors=True)
        fields = {m[2] for m in PROVENANCE_SPAN.finditer(page)}
        assert fields and fields <= PROVENANCE_FIELDS, fields - PROVENANCE_FIELDS
        pages.append(PROVENANCE_SPAN.sub(r"\1…\3", page))
        # 그림마다 (대체 글, 테마) → 파일 바이트: 어긋나면 어느 그림인지 알 수 있게
        figures.append(
            {
                (alt, theme): (tmp_path / run / FIGURE_DIR / name).read_bytes()
                for alt, name, theme in FIGURE_IMG.findall(page)
            }
        )
    assert len(figures[0]) >= 6  # 교차 어텐션, 검증 곡선, 메모리 그림의 밝은·어두운 두 벌
    different = [key for key in figures[0] if figures[0][key] != figures[1].get(key)]
    assert different == [] and figures[0].keys() == figures[1].keys()
    assert pages[0] == pages[1]
    assert "gongbu-provenance" in pages[0] and "실행한 날" in pages[0]


FIGURE_IMG = re.compile(
    r'<img alt="([^"]*)" src="[./]*figures/notebooks/([0-9a-f]{16}\.svg)#only-(light|dark)"'
)


def test_provenance_is_kept_out_of_the_cache_key(monkeypatch):
    """날짜와 장치는 출처 값일 뿐 노트북의 입력이 아니다: 날이 바뀌어도 캐시 키는 그대로다."""
    import datetime

    before = cache_key(NOTEBOOK)

    class Tomorrow(datetime.date):
        @classmethod
        def today(cls):
            return datetime.date(2099, 1, 1)

    monkeypatch.setattr(datetime, "date", Tomorrow)
    monkeypatch.setenv("CUDA_VISIBLE_DEVICES", "")
    assert cache_key(NOTEBOOK) == before

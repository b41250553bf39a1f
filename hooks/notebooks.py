"""노트북 실행 훅: docs/ 의 노트북(.ipynb)을 빌드 때 실행해 출력을 채우고, 그 결과를 캐시한다.

저장소의 노트북에는 출력이 없다. 손으로 고친 출력이나 코드와 어긋난 옛 출력이 사이트에 실릴 수 없게 하기
위해서다. 이 훅은 빌드할 때 노트북을 nbclient 로 실행하고(셀 하나라도 오류가 나면 빌드가 멈춘다),
mkdocs-jupyter 가 원본 대신 실행한 사본을 그리게 한다.

실행은 오래 걸리므로(데모는 모델을 학습한다) 결과를 `.cache/notebooks/<이름>-<키>/`에 둔다. 키는
노트북 내용, 노트북 메타데이터 `gongbu.depends`에 적은 경로(예: `snippets/transformer`)의 모든 파일 내용,
파이썬·torch 버전으로 만든 해시다. 그래서 `mkdocs serve`는 무엇인가 바뀔 때만 다시 실행하고, 바뀐 것이 없으면
해시만 계산하고 지나간다. 커널은 캐시 폴더에서 돌고, 환경 변수 NOTEBOOK_OUTPUT_DIR 로 그 폴더를 알려 준다
(노트북이 만든 체크포인트 같은 파일도 캐시에 함께 남는다). 테스트(tests/test_transformer_notebook.py)도 같은
함수 `execute_cached`로 노트북을 실행한다.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import shutil
import sys
from importlib import metadata
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / ".cache" / "notebooks"
TIMEOUT_PER_CELL = 900


class NotebookError(RuntimeError):
    """노트북의 셀이 오류를 냈거나 노트북을 읽을 수 없다."""


# ---------------------------------------------------------------------------
# Hooks
# ---------------------------------------------------------------------------


@event_priority(
    -100
)  # mkdocs-jupyter 가 파일을 감싼 뒤에: 감싼 객체의 경로를 실행한 사본으로 바꾼다
def on_files(files, config):
    for file in files:
        if file.src_uri.endswith(".ipynb") and file.abs_src_path:
            try:
                file.abs_src_path = str(execute_cached(Path(file.abs_src_path)))
            except NotebookError as err:
                raise PluginError(f"docs/{file.src_uri}: {err}") from None
    return files


# ---------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------


def cache_key(notebook: Path) -> str:
    """노트북, 노트북이 기대는 파일들, 파이썬·torch 버전의 해시."""
    raw = notebook.read_bytes()
    try:
        depends = json.loads(raw).get("metadata", {}).get("gongbu", {}).get("depends", [])
    except json.JSONDecodeError as err:
        raise NotebookError(f"노트북 JSON 을 읽을 수 없습니다 — {err}") from None
    digest = hashlib.sha256(raw)
    for entry in depends:
        target = ROOT / entry
        if not target.exists():
            raise NotebookError(f"메타데이터 gongbu.depends 의 '{entry}'가 없습니다")
        paths = (
            [target] if target.is_file() else sorted(p for p in target.rglob("*") if p.is_file())
        )
        for path in paths:
            if "__pycache__" in path.parts:
                continue
            digest.update(path.relative_to(ROOT).as_posix().encode() + b"\0" + path.read_bytes())
    digest.update(f"python={sys.version_info[:2]} torch={_version('torch')}".encode())
    return digest.hexdigest()[:16]


def execute_cached(notebook: Path) -> Path:
    """실행한 사본의 경로. 캐시에 있으면 바로 돌려주고, 없으면 실행해 캐시에 넣는다."""
    notebook = Path(notebook).resolve()
    key = cache_key(notebook)
    folder = CACHE / f"{notebook.stem}-{key}"
    executed = folder / notebook.name
    if executed.is_file():
        return executed
    CACHE.mkdir(parents=True, exist_ok=True)
    with open(CACHE / f"{notebook.stem}.lock", "w") as lock:
        fcntl.flock(
            lock, fcntl.LOCK_EX
        )  # 다른 빌드가 같은 노트북을 실행 중이면 기다렸다가 그 결과를 쓴다
        if executed.is_file():
            return executed
        scratch = CACHE / f".tmp-{notebook.stem}-{key}-{os.getpid()}"
        shutil.rmtree(scratch, ignore_errors=True)
        scratch.mkdir(parents=True)
        try:
            execute(notebook, scratch)
        except BaseException:
            shutil.rmtree(scratch, ignore_errors=True)
            raise
        for old in CACHE.glob(f"{notebook.stem}-*"):  # 같은 노트북의 옛 결과는 지운다
            shutil.rmtree(old, ignore_errors=True)
        scratch.rename(folder)
    return executed


def execute(notebook: Path, workdir: Path) -> Path:
    """캐시를 거치지 않고 workdir 에서 실행해 workdir/<노트북 이름>에 쓰고 그 경로를 돌려준다.

    결과가 실행할 때마다 같도록 셀 실행 시각(record_timing)은 기록하지 않는다. 날짜나 장치 같은 출처 값은
    노트북이 글로만 내놓고(snippets/transformer/report.py), 캐시 키에도 넣지 않는다.
    """
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    nb = nbformat.read(notebook, as_version=4)
    client = NotebookClient(
        nb,
        timeout=TIMEOUT_PER_CELL,
        kernel_name="python3",
        allow_errors=False,
        record_timing=False,
        extra_arguments=[
            "--log-level=ERROR"
        ],  # 커널의 'TCP 암호화 없음' 같은 안내는 빌드 출력에 필요 없다
        resources={"metadata": {"path": str(workdir)}},
    )
    env = {**os.environ, "NOTEBOOK_OUTPUT_DIR": str(workdir), "PYTHONPATH": _pythonpath()}
    try:
        client.execute(env=env)
    except CellExecutionError as err:
        lines = [line for line in str(err).splitlines() if line.strip()]
        raise NotebookError(f"셀 실행 중 오류 — {lines[-1] if lines else err}") from None
    nbformat.write(nb, workdir / notebook.name)
    return workdir / notebook.name


def _pythonpath() -> str:
    existing = os.environ.get("PYTHONPATH")
    return str(ROOT) if not existing else f"{ROOT}{os.pathsep}{existing}"


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "없음"

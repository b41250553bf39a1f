"""그림 훅: snippets/**/fig_*.py 를 빌드할 때 돌려 그 결과를 사이트의 figures/ 에 싣는다.

- 그림 스크립트 `snippets/<주제>/fig_<이름>.py` 는 `python -m snippets.<주제>.fig_<이름> 출력폴더` 로
  실행되며 `<이름>-light.svg`, `<이름>-dark.svg` 를 쓴다. 사이트 주소는 `figures/<주제>/<이름>-<테마>.svg`.
- 캐시 키는 스크립트, 스크립트가 (AST 로 따라가 본) import 하는 snippets 모듈, snippets/plotting.py,
  그리고 numpy·matplotlib·torch 등의 버전을 합친 해시다. 키가 같으면 스크립트를 다시 돌리지 않는다.
  이 경로에서는 파일을 읽고 해시만 하며 torch·matplotlib 같은 무거운 패키지를 불러오지 않는다.
- 캐시 미스인 스크립트만 하위 프로세스로, CPU 코어 수만큼 동시에 돌린다. 결과는 임시 폴더에 쓴 뒤
  원자적으로 이름을 바꿔 .cache/figures/<주제>/<이름>/<키>/ 에 둔다. docs/ 에는 아무것도 쓰지 않는다
  (쓰면 mkdocs serve 가 변경으로 보고 끝없이 다시 빌드한다).
- 스크립트가 실패하면 스크립트 경로, stderr 끝부분, 그 그림을 싣는 노트를 알려 주며 빌드를 멈춘다.
- mkdocs serve 는 snippets/ 를 지켜보다가 그림 스크립트가 바뀌면 다시 빌드한다. 바뀐 그림의 키만
  달라지므로 그 그림만 다시 그려진다.
- 그림 스크립트는 그림과 같은 실행에서 잰 수를 `values.json`(키 → 보여 줄 문자열)으로 함께 쓸 수 있다.
  노트의 문장은 그 수를 `{{ value: <주제>/<그림 이름>/<키> }}`로 싣는다. 문장 속 숫자를 손으로 적지 않게
  하려는 것이다: 실험이 바뀌면 그림과 문장의 숫자가 함께 바뀐다. 없는 그림이나 키는 빌드를 멈춘다.
"""

from __future__ import annotations

import ast
import functools
import hashlib
import json
import logging
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

ROOT = Path(__file__).resolve().parent.parent
SNIPPETS = ROOT / "snippets"
PLOTTING = SNIPPETS / "plotting.py"
CACHE_DIR = ROOT / ".cache" / "figures"
# 하위 프로세스의 .pyc 를 snippets/ 밖에 둔다: snippets/ 에 쓰면 mkdocs serve 가 한 번 더 빌드한다.
PYCACHE_DIR = ROOT / ".cache" / "pycache"
SITE_PREFIX = "figures"
THEMES = (
    "light",
    "dark",
)  # snippets/plotting.py 의 THEMES 와 같다(그 모듈은 matplotlib 을 부르므로 import 하지 않는다)
# 그림의 바이트에 영향을 주는 패키지. 버전이 바뀌면 모든 그림을 다시 그린다.
VERSIONED_PACKAGES = ("numpy", "matplotlib", "torch", "koreanize-matplotlib", "scikit-learn")
# 이 훅이 스크립트를 돌리는 방식(환경 변수, 출력 검사)이 바뀌면 올린다.
PIPELINE_VERSION = "1"
KEEP_OLD_KEYS = 3  # 그림마다 남겨 둘 지난 캐시 폴더 수
# 스크립트 하나의 시간 한도. 2 코어에서 20 초 안쪽이 목표지만, 다른 작업과 CPU 를 나눠 쓰면 몇 배가 걸린다.
# 멈춘 스크립트만 잡으면 되므로 넉넉하게 두고, 환경 변수 FIGURE_TIMEOUT_S 로 바꿀 수 있다.
SCRIPT_TIMEOUT_S = int(os.environ.get("FIGURE_TIMEOUT_S", "900"))
STDERR_TAIL_LINES = 25
# 노트의 그림 링크: ](../figures/<주제>/<이름>-<테마>.svg#only-light). 코드 블록 안의 예시는 빼고 본다.
FIGURE_LINK = re.compile(
    rf"(?<=\]\()(?:[^)\s]*/)?(?P<uri>{SITE_PREFIX}/(?P<topic>[\w/-]+?)/(?P<name>[\w-]+)-(?:light|dark)\.svg)"
)
FENCED_CODE = re.compile(r"^([ \t]*)(```|~~~).*?^\1\2[ \t]*$|`[^`\n]+`", re.M | re.S)
# 문장 속의 값: {{ value: weight_init/activation_grid/tanh_layer5_std }}
VALUE = re.compile(r"\{\{\s*value:\s*(?P<topic>[\w/-]+?)/(?P<name>[\w-]+)/(?P<key>[\w.-]+)\s*\}\}")
VALUES_FILE = "values.json"

log = logging.getLogger("mkdocs.hooks.figures")


@dataclass(frozen=True)
class Figure:
    """그림 스크립트 하나."""

    script: Path  # snippets/<topic>/fig_<name>.py
    topic: str  # snippets/ 기준 폴더 경로, 예: "weight_init"
    name: str  # 예: "init_grid"

    @property
    def module(self) -> str:
        return "snippets." + ".".join(self.script.relative_to(SNIPPETS).with_suffix("").parts)

    @property
    def rel_script(self) -> str:
        return self.script.relative_to(ROOT).as_posix()

    @property
    def cache_root(self) -> Path:
        return CACHE_DIR / self.topic / self.name

    @property
    def output_names(self) -> list[str]:
        """그림 파일 이름으로 받아들이는 것: 모듈 이름 그대로(init_grid), 또는 밑줄 대신 하이픈(init-grid)."""
        return list(dict.fromkeys([self.name, self.name.replace("_", "-")]))

    def expected_outputs(self, name: str | None = None) -> list[str]:
        return [f"{name or self.name}-{theme}.svg" for theme in THEMES]


# 이번 빌드에서 실은 그림의 사이트 경로(src_uri). on_page_markdown 이 노트의 그림 링크를 확인한다.
_published: set[str] = set()
# 이번 빌드에서 그리고 있는 그림. on_files 에서 시작하고 on_env 에서 기다린다.
_drawing: Drawing | None = None
# 이번 빌드의 그림과 캐시 키. 문장 속 값({{ value: … }})을 찾을 때 쓴다.
_keys: dict[Figure, str] = {}


# ---------------------------------------------------------------------------
# Hooks
# ---------------------------------------------------------------------------


def on_files(files, config):
    global _drawing
    figures = discover(SNIPPETS)
    keys = {figure: cache_key(figure) for figure in figures}
    _keys.clear()
    _keys.update(keys)
    missing = [figure for figure in figures if not (figure.cache_root / keys[figure]).is_dir()]
    # 캐시 미스인 그림은 뒤에서 그리게 두고 빌드를 이어 간다: 노트를 HTML 로 바꾸는 동안 그림이 그려진다.
    _drawing = Drawing(missing, keys, Path(config.docs_dir)) if missing else None
    _published.clear()
    for figure in figures:
        for path in output_paths(figure, keys[figure]):
            src_uri = f"{SITE_PREFIX}/{figure.topic}/{path.name}"
            existing = files.get_file_from_path(src_uri)
            if existing is not None and existing.generated_by is None:
                raise PluginError(
                    f"docs/{src_uri}: 그림은 빌드가 {figure.rel_script}에서 만듭니다 — "
                    "docs/ 에 넣은 파일을 지우세요"
                )
            files.append(File.generated(config, src_uri, abs_src_path=str(path)))
            _published.add(src_uri)
    return files


def on_env(env, config, files):
    # 정적 파일(그림 포함)을 사이트로 복사하기 바로 전이다. 그리던 그림이 모두 끝나야 한다.
    global _drawing
    if _drawing is not None:
        drawing, _drawing = _drawing, None
        drawing.finish()
    return env


def on_build_error(error):
    global _drawing
    if _drawing is not None:
        _drawing.abandon()
        _drawing = None


def on_page_markdown(markdown, page, config, files):
    where = f"docs/{page.file.src_uri}"
    markdown = fill_values(markdown, where, page.file.abs_src_path)
    for match in FIGURE_LINK.finditer(FENCED_CODE.sub("", markdown)):
        src_uri = match["uri"]
        if src_uri not in _published:
            script = f"snippets/{match['topic']}/fig_{match['name'].replace('-', '_')}.py"
            raise PluginError(
                f"{where}: 그림 '{src_uri}'을 만드는 스크립트가 없습니다 — {script}를 만들고 "
                f"main(out_dir)에서 {match['name']}-light.svg 와 {match['name']}-dark.svg 를 쓰세요"
            )
    return markdown


def on_serve(server, config, builder):
    # 그림 스크립트와 그 스크립트가 부르는 모듈이 바뀌면 다시 빌드한다. 키가 바뀐 그림만 다시 그려진다.
    server.watch(str(SNIPPETS))
    return server


# ---------------------------------------------------------------------------
# Helpers: discovery and cache keys (no heavy imports here)
# ---------------------------------------------------------------------------


def discover(snippets_dir: Path) -> list[Figure]:
    """snippets/**/fig_*.py 를 경로 순으로 찾는다."""
    figures = []
    for script in sorted(snippets_dir.rglob("fig_*.py")):
        if "__pycache__" in script.parts:
            continue
        topic = script.parent.relative_to(snippets_dir).as_posix()
        if topic == ".":
            raise PluginError(
                f"{script.relative_to(ROOT)}: 그림 스크립트는 주제 패키지 안에 둡니다 — "
                "snippets/<주제>/fig_<이름>.py"
            )
        figures.append(Figure(script=script, topic=topic, name=script.stem.removeprefix("fig_")))
    return figures


# 파일 해시와 import 목록을 (mtime, 크기)로 기억한다. mkdocs serve 에서 다시 빌드할 때 다시 읽지 않는다.
_file_memo: dict[Path, tuple[tuple[int, int], str, tuple[str, ...]]] = {}


def _read_source(path: Path, module: str) -> tuple[str, tuple[str, ...]]:
    stat = path.stat()
    signature = (stat.st_mtime_ns, stat.st_size)
    memo = _file_memo.get(path)
    if memo and memo[0] == signature:
        return memo[1], memo[2]
    data = path.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    imports = tuple(sorted(snippet_imports(data, module, is_package=path.name == "__init__.py")))
    _file_memo[path] = (signature, digest, imports)
    return digest, imports


def snippet_imports(source: bytes, module: str, *, is_package: bool = False) -> set[str]:
    """`module` 의 소스가 import 하는 snippets.* 모듈 이름들. 실행하지 않고 AST 로만 읽는다.

    `from snippets.a import b` 는 b 가 모듈일 수도 있으므로 snippets.a 와 snippets.a.b 를 모두 돌려준다
    (없는 쪽은 resolve_module 이 건너뛴다). 함수 안의 import 도 센다."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return set()  # 실행하면 어차피 실패하고, 그 오류가 사람에게 보인다
    package = module if is_package else module.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                parts = package.split(".")
                if node.level - 1 >= len(parts):
                    continue
                base = ".".join(parts[: len(parts) - (node.level - 1)])
                base = f"{base}.{node.module}" if node.module else base
            else:
                base = node.module or ""
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names if alias.name != "*")
    return {name for name in found if name == "snippets" or name.startswith("snippets.")}


def resolve_module(name: str) -> list[Path]:
    """모듈 이름을 파일로: 그 모듈 파일과, import 할 때 함께 실행되는 상위 패키지의 __init__.py."""
    parts = name.split(".")[1:]  # "snippets" 뒤
    paths = []
    for depth in range(len(parts) + 1):
        init = SNIPPETS.joinpath(*parts[:depth], "__init__.py")
        if init.is_file():
            paths.append(init)
    if parts:
        module_file = SNIPPETS.joinpath(*parts[:-1], parts[-1] + ".py")
        if module_file.is_file():
            paths.append(module_file)
    return paths


def module_name(path: Path) -> str:
    relative = path.relative_to(SNIPPETS).with_suffix("")
    parts = relative.parts[:-1] if relative.name == "__init__" else relative.parts
    return ".".join(("snippets", *parts))


def dependencies(figure: Figure) -> dict[Path, str]:
    """스크립트와 스크립트가 (간접적으로라도) import 하는 snippets 파일, 그리고 plotting.py 의 해시."""
    hashes: dict[Path, str] = {}
    todo = [figure.script, PLOTTING]
    while todo:
        path = todo.pop()
        if path in hashes or not path.is_file():
            continue
        digest, imports = _read_source(path, module_name(path))
        hashes[path] = digest
        for name in imports:
            todo.extend(resolve_module(name))
    return hashes


@functools.lru_cache(maxsize=1)
def package_versions() -> dict[str, str]:
    """패키지를 import 하지 않고 설치 메타데이터에서 버전을 읽는다(프로세스마다 한 번)."""
    versions = {}
    for package in VERSIONED_PACKAGES:
        try:
            versions[package] = metadata.version(package)
        except metadata.PackageNotFoundError:
            versions[package] = "absent"
    versions["python"] = "{}.{}".format(*sys.version_info[:2])
    return versions


def cache_key(figure: Figure) -> str:
    lines = [f"pipeline {PIPELINE_VERSION}", f"figure {figure.topic}/{figure.name}"]
    for path, digest in sorted(dependencies(figure).items()):
        lines.append(f"file {path.relative_to(ROOT).as_posix()} {digest}")
    for package, version in sorted(package_versions().items()):
        lines.append(f"version {package} {version}")
    return hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()[:16]


# ---------------------------------------------------------------------------
# Helpers: running scripts (only on a cache miss)
# ---------------------------------------------------------------------------


@dataclass
class RunResult:
    figure: Figure
    ok: bool
    seconds: float
    message: str = ""


def script_env() -> dict[str, str]:
    """그림 스크립트의 환경: 스레드 하나, 고정된 해시 시드, 화면 없는 matplotlib."""
    env = dict(os.environ)
    env.update(
        {
            "OMP_NUM_THREADS": "1",
            "MKL_NUM_THREADS": "1",
            "OPENBLAS_NUM_THREADS": "1",
            "PYTHONHASHSEED": "0",
            "PYTHONUNBUFFERED": "1",  # 시간 초과로 멈춰도 그때까지의 출력이 남게
            "MPLBACKEND": "Agg",
            "SOURCE_DATE_EPOCH": "0",
            "PYTHONPYCACHEPREFIX": str(PYCACHE_DIR),
            "TQDM_DISABLE": "1",
            "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")])),
        }
    )
    return env


def worker_count(jobs: int) -> int:
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # macOS, Windows
        cores = os.cpu_count() or 1
    return max(1, min(jobs, cores))


def last_duration(figure: Figure) -> float:
    """지난번에 이 그림을 그리는 데 든 CPU 시간(없으면 걸린 시간). 오래 걸리는 것부터 시작해 전체 시간을 줄인다."""
    best, newest = 0.0, -1
    for run_file in figure.cache_root.glob("*/run.json"):
        mtime = run_file.stat().st_mtime_ns
        if mtime > newest:
            try:
                record = json.loads(run_file.read_text())
                best, newest = float(record.get("cpu_seconds") or record["seconds"]), mtime
            except (ValueError, KeyError, OSError):
                continue
    return best


class Drawing:
    """캐시 미스인 그림들을 CPU 코어 수만큼 동시에 그린다. 오래 걸리던 그림부터 시작한다."""

    def __init__(self, figures: list[Figure], keys: dict[Figure, str], docs_dir: Path):
        self.docs_dir = docs_dir
        # 스크립트가 쓸 파일 이름을 미리 읽어 둔다(틀렸으면 아무것도 시작하기 전에 멈춘다).
        self.names = {figure: declared_name(figure) for figure in figures}
        self.promised: list[tuple[Figure, Path]] = []
        self.started = time.perf_counter()
        order = sorted(figures, key=last_duration, reverse=True)
        workers = worker_count(len(order))
        log.info(
            f"그림 {len(order)}개를 새로 그립니다 (동시에 {workers}개): {', '.join(f.rel_script for f in order)}"
        )
        self.pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="figures")
        self.futures = {
            figure: self.pool.submit(render_one, figure, keys[figure]) for figure in order
        }

    def wait_for(self, figure: Figure) -> None:
        """그림 하나가 끝나기를 기다린다. 실패했으면 그 자리에서 빌드를 멈춘다."""
        result = self.futures[figure].result()
        if not result.ok:
            self.abandon()
            raise PluginError(failure_message(result, self.docs_dir))

    def finish(self) -> None:
        results = [future.result() for future in self.futures.values()]
        self.pool.shutdown()
        failures = [r for r in results if not r.ok]
        if failures:
            raise PluginError("\n\n".join(failure_message(r, self.docs_dir) for r in failures))
        for figure, path in self.promised:
            if not path.is_file():
                raise PluginError(
                    f"{figure.rel_script}: {path.name}을 쓰지 않았습니다 — render_themes 의 이름을 확인하세요"
                )
        log.info(f"그림 {len(results)}개를 {time.perf_counter() - self.started:.1f}초에 그렸습니다")

    def abandon(self) -> None:
        """아직 시작하지 않은 그림은 취소한다. 그리고 있는 것은 끝까지 그려 캐시에 남긴다."""
        self.pool.shutdown(wait=False, cancel_futures=True)


def output_paths(figure: Figure, key: str) -> list[Path]:
    """그림이 사이트에 실릴 파일들. 아직 그리는 중이면 스크립트가 render_themes 에 넘기는 이름에서 미리 안다.
    이름을 코드에서 읽을 수 없으면 그 그림이 끝나기를 기다린다."""
    key_dir = figure.cache_root / key
    if not key_dir.is_dir() and _drawing is not None and figure in _drawing.futures:
        name = _drawing.names[figure]
        if name is None:
            _drawing.wait_for(figure)
        else:
            paths = [key_dir / output for output in figure.expected_outputs(name)]
            _drawing.promised.extend((figure, path) for path in paths)
            return paths
    return sorted(key_dir.glob("*.svg"))


def declared_name(figure: Figure) -> str | None:
    """스크립트의 `render_themes(draw, out_dir, "이름")` 에서 그림 이름을 읽는다(실행하지 않는다).

    그 이름이 파일 이름(fig_<이름>.py)과 맞지 않으면 그리기 전에 멈춘다."""
    try:
        tree = ast.parse(figure.script.read_bytes())
    except SyntaxError:
        return None
    names = set()
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        called = (
            node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
        )
        if called != "render_themes":
            continue
        argument = (
            node.args[2]
            if len(node.args) >= 3
            else next((k.value for k in node.keywords if k.arg == "name"), None)
        )
        if not (isinstance(argument, ast.Constant) and isinstance(argument.value, str)):
            return None
        names.add(argument.value)
    if len(names) != 1:
        return None
    (name,) = names
    if name not in figure.output_names:
        allowed = " 또는 ".join(repr(n) for n in figure.output_names)
        raise PluginError(
            f"{figure.rel_script}: render_themes 에 넘긴 그림 이름 {name!r}이 파일 이름과 다릅니다 — "
            f"{allowed}으로 쓰거나 스크립트 이름을 fig_{name.replace('-', '_')}.py 로 바꾸세요"
        )
    return name


def render_one(figure: Figure, key: str) -> RunResult:
    """스크립트를 임시 폴더에 실행하고, 출력이 맞으면 캐시 폴더로 원자적으로 옮긴다."""
    figure.cache_root.mkdir(parents=True, exist_ok=True)
    with figure_lock(figure):
        if (figure.cache_root / key).is_dir():  # 기다리는 동안 다른 빌드가 같은 그림을 그렸다
            return RunResult(figure, True, 0.0)
        return _render_unlocked(figure, key)


@contextmanager
def figure_lock(figure: Figure):
    """같은 캐시를 쓰는 빌드 여럿(테스트의 저장소 사본들, serve 와 build)이 한 그림을 겹쳐 그리지 않게 한다."""
    if fcntl is None:  # Windows: 잠그지 않는다. 원자적 이름 바꾸기만으로도 캐시는 망가지지 않는다.
        yield
        return
    with open(figure.cache_root / ".lock", "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _render_unlocked(figure: Figure, key: str) -> RunResult:
    final = figure.cache_root / key
    tmp = figure.cache_root / f".tmp-{key}-{os.getpid()}-{time.monotonic_ns()}"
    tmp.mkdir()
    try:
        code, output, seconds, cpu = run_script(figure, tmp)
        if code is None:
            message = f"{SCRIPT_TIMEOUT_S}초 안에 끝나지 않았습니다\n{tail(output)}"
            return RunResult(figure, False, seconds, message)
        if code != 0:
            return RunResult(figure, False, seconds, f"종료 코드 {code}\n{tail(output)}")
        problem = check_outputs(figure, tmp)
        if problem:
            return RunResult(figure, False, seconds, problem)
        record = {"seconds": round(seconds, 2), "cpu_seconds": cpu and round(cpu, 2), "key": key}
        (tmp / "run.json").write_text(json.dumps(record) + "\n")
        try:
            os.rename(tmp, final)
        except OSError:
            if not final.is_dir():  # 다른 빌드가 같은 키를 먼저 옮겼다면 그것을 쓴다
                raise
        prune_old_keys(figure, keep=key)
        cpu_note = f" (CPU {cpu:.1f}초)" if cpu is not None else ""
        log.info(f"{figure.rel_script}: {seconds:.1f}초{cpu_note}")
        return RunResult(figure, True, seconds)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def run_script(figure: Figure, out_dir: Path) -> tuple[int | None, str, float, float | None]:
    """`python -m <모듈> out_dir` 을 돌려 (종료 코드 또는 시간 초과면 None, 출력, 걸린 시간, CPU 시간)을 준다.

    CPU 시간(user+sys)은 os.wait4 로 그 프로세스 것만 잰다. 다른 작업과 CPU 를 나눠 쓰면 걸린 시간은
    늘어나도 CPU 시간은 거의 그대로라서, 스크립트가 정말 느린지 가늠할 수 있다."""
    command = [sys.executable, "-m", figure.module, str(out_dir)]
    started = time.perf_counter()
    with tempfile.TemporaryFile() as output:
        proc = subprocess.Popen(
            command, cwd=ROOT, env=script_env(), stdout=output, stderr=subprocess.STDOUT
        )
        code, cpu = wait_with_usage(proc, started + SCRIPT_TIMEOUT_S)
        seconds = time.perf_counter() - started
        output.seek(0)
        text = output.read().decode("utf-8", "replace")
    return code, text, seconds, cpu


def wait_with_usage(proc: subprocess.Popen, deadline: float) -> tuple[int | None, float | None]:
    if not hasattr(os, "wait4"):  # Windows
        try:
            return proc.wait(timeout=max(0.0, deadline - time.perf_counter())), None
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
            return None, None
    timed_out = False
    while True:
        pid, status, usage = os.wait4(proc.pid, 0 if timed_out else os.WNOHANG)
        if pid:
            break
        if time.perf_counter() > deadline:
            proc.kill()
            timed_out = True
            continue
        time.sleep(0.05)
    proc.returncode = os.waitstatus_to_exitcode(status)  # Popen 이 다시 기다리지 않게
    return (None if timed_out else proc.returncode), usage.ru_utime + usage.ru_stime


def check_outputs(figure: Figure, out_dir: Path) -> str:
    """스크립트가 약속한 파일을 썼는지, 글자가 곡선으로 바뀌었는지 본다. 문제가 없으면 빈 문자열."""
    written = sorted(p.name for p in out_dir.iterdir())
    if not any(set(figure.expected_outputs(name)) <= set(written) for name in figure.output_names):
        expected = " 와 ".join(figure.expected_outputs())
        return (
            f"스크립트는 성공했지만 {expected}를 쓰지 않았습니다(쓴 파일: {written or '없음'}) — "
            f"snippets.plotting.render_themes(draw, out_dir, {figure.name!r})로 저장하세요"
        )
    for name in written:
        path = out_dir / name
        if name == VALUES_FILE:
            problem = values_problem(path)
            if problem:
                return problem
            continue
        data = path.read_bytes() if path.is_file() else b""
        if not name.endswith(".svg") or b"<svg" not in data[:2000]:
            return f"{name}: 그림 스크립트는 SVG 파일만 씁니다"
        if b"<text" in data:
            return f"{name}에 <text>가 있습니다 — 글자는 곡선(path)으로 저장해야 합니다(snippets.plotting 사용)"
    return ""


def prune_old_keys(figure: Figure, keep: str) -> None:
    old = [
        p
        for p in figure.cache_root.iterdir()
        if p.is_dir() and p.name != keep and not p.name.startswith(".")
    ]
    old.sort(key=lambda p: p.stat().st_mtime_ns, reverse=True)
    for path in old[KEEP_OLD_KEYS:]:
        shutil.rmtree(path, ignore_errors=True)


def tail(text: str | bytes | None, lines: int = STDERR_TAIL_LINES) -> str:
    if isinstance(text, bytes):
        text = text.decode("utf-8", "replace")
    kept = (text or "").rstrip().splitlines()[-lines:]
    return "\n".join("    " + line for line in kept) or "    (출력 없음)"


def notes_using(figure: Figure, docs_dir: Path) -> list[str]:
    """그 그림을 싣는 노트들 (docs/ 기준 경로)."""
    needles = [f"{SITE_PREFIX}/{figure.topic}/{name}-" for name in figure.output_names]
    notes = []
    for note in sorted(docs_dir.rglob("*.md")):
        try:
            text = note.read_text(encoding="utf-8")
            if any(needle in text for needle in needles):
                notes.append(f"docs/{note.relative_to(docs_dir).as_posix()}")
        except (OSError, UnicodeDecodeError):
            continue
    return notes


def failure_message(result: RunResult, docs_dir: Path) -> str:
    figure = result.figure
    notes = notes_using(figure, docs_dir)
    used_by = ", ".join(notes) if notes else "(이 그림을 싣는 노트가 아직 없습니다)"
    return (
        f"{figure.rel_script}: 그림을 그리지 못했습니다 — 이 그림을 쓰는 노트: {used_by}\n"
        f"  직접 실행해 보기: python -m {figure.module} /tmp/out\n"
        f"  {result.message}"
    )


# ---------------------------------------------------------------------------
# Helpers: values that figure scripts measured, put into sentences
# ---------------------------------------------------------------------------


def fill_values(markdown: str, where: str, source_path: str | None = None) -> str:
    """`{{ value: 주제/그림/키 }}`를 그 그림 스크립트가 쓴 values.json 의 값으로 바꾼다.

    코드 블록과 인라인 코드 안의 것은 예시로 보고 그대로 둔다."""
    code_spans = [m.span() for m in FENCED_CODE.finditer(markdown)]

    def in_code(position: int) -> bool:
        return any(start <= position < end for start, end in code_spans)

    def replace(match: re.Match) -> str:
        if in_code(match.start()):
            return match.group(0)
        occurrence = markdown.count(match.group(0), 0, match.start())
        line = source_line(source_path, match.group(0), occurrence)
        return lookup_value(match["topic"], match["name"], match["key"], f"{where}:{line}")

    return VALUE.sub(replace, markdown)


def lookup_value(topic: str, name: str, key: str, where: str) -> str:
    figure = next(
        (f for f in _keys if f.topic == topic and name in f.output_names),
        None,
    )
    if figure is None:
        raise PluginError(
            f"{where}: 값 '{topic}/{name}/{key}'을 내는 그림 스크립트가 없습니다 — "
            f"snippets/{topic}/fig_{name.replace('-', '_')}.py 가 values.json 을 쓰게 하세요"
        )
    if _drawing is not None and figure in _drawing.futures:
        _drawing.wait_for(figure)
    values = read_values(figure.cache_root / _keys[figure])
    if key not in values:
        known = ", ".join(sorted(values)) or "(없음)"
        raise PluginError(
            f"{where}: {figure.rel_script}의 values.json 에 '{key}'가 없습니다 — "
            f"있는 키: {known}. 스크립트에서 save_values 로 그 값을 쓰세요"
        )
    return values[key]


def read_values(key_dir: Path) -> dict[str, str]:
    path = key_dir / VALUES_FILE
    if not path.is_file():
        return {}
    return json.loads(path.read_text(encoding="utf-8"))


def values_problem(path: Path) -> str:
    """values.json 이 '문자열 키 → 문자열' 객체인지 본다. 문제가 없으면 빈 문자열."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError) as err:
        return f"{VALUES_FILE}: JSON 으로 읽을 수 없습니다 ({err})"
    if not isinstance(data, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in data.items()
    ):
        return (
            f"{VALUES_FILE}: '키 → 보여 줄 문자열' 객체여야 합니다 — "
            "snippets.plotting.save_values(out_dir, {{'키': f'{{값:.2f}}'}})로 쓰세요"
        )
    return ""


def source_line(source_path: str | None, text: str, occurrence: int = 0) -> int:
    """원본 노트(front matter 포함)에서 `text`가 (occurrence+1)번째로 나오는 줄. 못 찾으면 0."""
    try:
        source = Path(source_path).read_text(encoding="utf-8") if source_path else ""
    except OSError:
        return 0
    position = -1
    for _ in range(occurrence + 1):
        position = source.find(text, position + 1)
        if position == -1:
            return 0
    return source.count("\n", 0, position) + 1

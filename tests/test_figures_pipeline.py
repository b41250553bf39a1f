"""그림 파이프라인(hooks/figures.py): 캐시 키, 빌드에 싣기, 실패 보고, mkdocs serve, 결정적 출력.

빌드 테스트는 진짜 그림 스크립트 대신 작은 시험용 그림(snippets/pipeline_probe/)을 쓴다. 저장소 사본에서
진짜 fig_*.py 를 지우고, 시험용 노트 한 장만 있는 설정(mkdocs-probe.yml, INHERIT: mkdocs.yml)으로
빌드하므로 훅은 그대로이고 시간은 짧다. 캐시(.cache/)도 사본마다 따로 쓴다.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from importlib import metadata
from pathlib import Path
from types import SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError

from hooks import figures

ROOT = Path(__file__).resolve().parent.parent
HEAVY_MODULES = ("torch", "matplotlib", "numpy", "sklearn", "kiwipiepy", "mermaidx", "PIL")

PROBE_DATA = '''"""시험용 그림의 데이터."""

import math

from .shapes import wave


def curve(n=40):
    xs = [i / n * 2 * math.pi for i in range(n)]
    return xs, [wave(x) for x in xs]
'''
PROBE_SHAPES = """import math


def wave(x):
    return math.sin(x)
"""
# 두 테마, 한국어 글자, 범례, 잘라내기 경로, 빗금, 마커, 색 막대가 달린 이미지를 모두 쓴다:
# matplotlib 의 SVG 에서 id 나 순서가 흔들릴 만한 곳을 고루 건드린다.
PROBE_FIGURE = """import pathlib
import sys

from snippets.pipeline_probe.data import curve
from snippets.plotting import render_themes


def main(out_dir: pathlib.Path) -> None:
    import matplotlib.pyplot as plt

    def draw(palette):
        fig, (left, right) = plt.subplots(1, 2, figsize=(6, 2.5))
        xs, ys = curve()
        left.plot(xs, ys, label="사인 곡선")
        left.scatter(xs[::5], ys[::5], marker="s", label="표본")
        left.bar([1, 2], [0.5, 0.8], hatch="//", alpha=0.4)
        left.legend()
        image = right.imshow([[0.0, 0.5], [1.0, 0.25]])
        fig.colorbar(image, ax=right)
        right.set_title("어텐션 가중치")
        return fig

    render_themes(draw, out_dir, "NAME")


if __name__ == "__main__":
    main(pathlib.Path(sys.argv[1]))
"""
# matplotlib 없이 SVG 를 직접 쓰는 가벼운 그림: 파이프라인만 시험할 때 쓴다.
TINY_FIGURE = """import pathlib
import sys

from snippets.pipeline_probe.data import curve


def main(out_dir: pathlib.Path) -> None:
    xs, ys = curve()
    points = " ".join(f"{x:.2f},{y:.2f}" for x, y in zip(xs, ys))
    for theme, colour in (("light", "#1f2330"), ("dark", "#e3e6ef")):
        (out_dir / f"NAME-{theme}.svg").write_text(
            '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 -1 7 2">'
            f'<polyline points="{points}" stroke="{colour}" fill="none" stroke-width="0.05"/></svg>\\n'
        )


if __name__ == "__main__":
    main(pathlib.Path(sys.argv[1]))
"""
# 그림과 함께 잰 수를 values.json 으로 쓰는 그림: 노트의 문장이 {{ value: … }}로 싣는다.
VALUED_FIGURE = TINY_FIGURE.replace(
    "    for theme, colour",
    "    import json\n\n"
    "    peak = max(ys)\n"
    "    (out_dir / 'values.json').write_text(json.dumps({'peak': f'{peak:.3f}'}))\n"
    "    for theme, colour",
)
BROKEN_FIGURE = """import pathlib
import sys

from snippets.plotting import render_themes


def main(out_dir: pathlib.Path) -> None:
    raise ZeroDivisionError("시험용으로 일부러 낸 오류")
    render_themes(None, out_dir, "NAME")


if __name__ == "__main__":
    main(pathlib.Path(sys.argv[1]))
"""
PROBE_CONFIG = """INHERIT: mkdocs.yml
docs_dir: docs-probe
nav:
  - index.md
"""


NOTE_HEAD = "---\ntitle: 시험용 노트\ndescription: 그림 파이프라인을 시험하는 노트다.\ntags:\n  - 딥러닝\n---\n\n# 시험용 노트\n\n"


def embed(name: str) -> str:
    alt = "시험용 그림: 사인 곡선과 어텐션 가중치"
    return (
        f"![{alt}](figures/pipeline_probe/{name}-light.svg#only-light)\n"
        f"![{alt}](figures/pipeline_probe/{name}-dark.svg#only-dark)\n"
    )


def make_probe_project(where: Path, scripts: dict[str, str], note: str) -> Path:
    """저장소 사본 + 시험용 그림 패키지 + 노트 한 장짜리 설정."""
    project = where / "project"
    ignore = shutil.ignore_patterns(
        ".git", ".cache", "site", "__pycache__", ".venv", "test-artifacts"
    )
    shutil.copytree(ROOT, project, ignore=ignore)
    for script in project.glob("snippets/**/fig_*.py"):
        script.unlink()  # 진짜 그림은 이 테스트의 대상이 아니다
    package = project / "snippets" / "pipeline_probe"
    package.mkdir()
    (package / "__init__.py").write_text('"""그림 파이프라인 시험용 패키지."""\n', encoding="utf-8")
    (package / "data.py").write_text(PROBE_DATA, encoding="utf-8")
    (package / "shapes.py").write_text(PROBE_SHAPES, encoding="utf-8")
    for name, code in scripts.items():
        (package / f"fig_{name}.py").write_text(code.replace("NAME", name), encoding="utf-8")
    (project / "docs-probe").mkdir()
    (project / "docs-probe" / "index.md").write_text(note, encoding="utf-8")
    (project / "mkdocs-probe.yml").write_text(PROBE_CONFIG, encoding="utf-8")
    return project


def build(project: Path, site: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "-f",
            "mkdocs-probe.yml",
            "-d",
            str(site),
        ],
        cwd=project,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        timeout=300,
    )


def snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    return {
        p.relative_to(folder).as_posix(): (p.stat().st_mtime_ns, p.stat().st_size)
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


# ---------------------------------------------------------------------------
# Cache keys (no subprocess: the hook's paths point at a fake snippets/ folder)
# ---------------------------------------------------------------------------


@pytest.fixture
def fake_snippets(tmp_path, monkeypatch) -> Path:
    snippets = tmp_path / "snippets"
    (snippets / "pipeline_probe").mkdir(parents=True)
    (snippets / "__init__.py").write_text("", encoding="utf-8")
    (snippets / "plotting.py").write_text("THEMES = ('light', 'dark')\n", encoding="utf-8")
    package = snippets / "pipeline_probe"
    (package / "__init__.py").write_text('"""시험용."""\n', encoding="utf-8")
    (package / "data.py").write_text(PROBE_DATA, encoding="utf-8")
    (package / "shapes.py").write_text(PROBE_SHAPES, encoding="utf-8")
    (package / "unused.py").write_text("VALUE = 1\n", encoding="utf-8")
    (package / "fig_wave.py").write_text(PROBE_FIGURE.replace("NAME", "wave"), encoding="utf-8")
    monkeypatch.setattr(figures, "ROOT", tmp_path)
    monkeypatch.setattr(figures, "SNIPPETS", snippets)
    monkeypatch.setattr(figures, "PLOTTING", snippets / "plotting.py")
    monkeypatch.setattr(figures, "CACHE_DIR", tmp_path / ".cache" / "figures")
    monkeypatch.setattr(figures, "_file_memo", {})
    return snippets


def key_dirs(cache_root: Path) -> list[str]:
    """그림 하나의 캐시 폴더 안에서 키 폴더와 남은 임시 폴더(잠금 파일 .lock 은 뺀다)."""
    if not cache_root.is_dir():
        return []
    return sorted(p.name for p in cache_root.iterdir() if p.is_dir())


def wave_key() -> str:
    (figure,) = figures.discover(figures.SNIPPETS)
    return figures.cache_key(figure)


def edit(path: Path, extra: str = "\n# 바뀜\n") -> None:
    path.write_text(path.read_text(encoding="utf-8") + extra, encoding="utf-8")


def test_scripts_are_found_with_topic_and_name(fake_snippets):
    (figure,) = figures.discover(fake_snippets)
    assert (figure.topic, figure.name) == ("pipeline_probe", "wave")
    assert figure.module == "snippets.pipeline_probe.fig_wave"
    assert figure.expected_outputs() == ["wave-light.svg", "wave-dark.svg"]


def test_a_figure_may_use_hyphens_for_underscores_in_its_file_names(tmp_path):
    figure = figures.Figure(
        script=Path("snippets/t/fig_gradient_flow.py"), topic="t", name="gradient_flow"
    )
    assert figure.output_names == ["gradient_flow", "gradient-flow"]
    for theme in ("light", "dark"):
        (tmp_path / f"gradient-flow-{theme}.svg").write_text("<svg><path d='M0 0'/></svg>")
    assert figures.check_outputs(figure, tmp_path) == ""
    (tmp_path / "gradient-flow-dark.svg").unlink()
    assert "gradient_flow-light.svg" in figures.check_outputs(figure, tmp_path)


def test_cache_key_is_stable_when_nothing_changes(fake_snippets):
    first = wave_key()
    figures._file_memo.clear()
    assert wave_key() == first


def test_cache_key_changes_when_the_script_changes(fake_snippets):
    before = wave_key()
    edit(fake_snippets / "pipeline_probe" / "fig_wave.py")
    assert wave_key() != before


def test_cache_key_follows_imports_transitively(fake_snippets):
    # fig_wave -> snippets.pipeline_probe.data -> (상대 import) .shapes
    (figure,) = figures.discover(fake_snippets)
    names = {p.relative_to(fake_snippets).as_posix() for p in figures.dependencies(figure)}
    assert names == {
        "__init__.py",
        "plotting.py",
        "pipeline_probe/__init__.py",
        "pipeline_probe/data.py",
        "pipeline_probe/shapes.py",
        "pipeline_probe/fig_wave.py",
    }
    before = wave_key()
    edit(fake_snippets / "pipeline_probe" / "shapes.py")
    assert wave_key() != before


def test_cache_key_ignores_modules_the_script_does_not_import(fake_snippets):
    before = wave_key()
    edit(fake_snippets / "pipeline_probe" / "unused.py")
    (fake_snippets / "other_topic").mkdir()
    (fake_snippets / "other_topic" / "model.py").write_text("X = 2\n", encoding="utf-8")
    assert wave_key() == before


def test_cache_key_changes_when_plotting_changes(fake_snippets):
    before = wave_key()
    edit(fake_snippets / "plotting.py")
    assert wave_key() != before


def test_cache_key_changes_when_a_package_version_changes(fake_snippets, monkeypatch):
    before = wave_key()
    real_version = metadata.version
    monkeypatch.setattr(
        figures.metadata, "version", lambda name: "0.0.1" if name == "torch" else real_version(name)
    )
    figures.package_versions.cache_clear()
    try:
        assert wave_key() != before
    finally:
        figures.package_versions.cache_clear()


def test_imports_are_read_without_running_the_script(fake_snippets, tmp_path):
    marker = tmp_path / "ran"
    script = fake_snippets / "pipeline_probe" / "fig_wave.py"
    script.write_text(
        f"open({str(marker)!r}, 'w').close()\nraise SystemExit(3)\n" + script.read_text("utf-8")
    )
    wave_key()
    assert not marker.exists()


def test_relative_and_from_imports_resolve_to_modules():
    source = (
        b"from . import data\nfrom .shapes import wave\nimport snippets.plotting as p\nimport os\n"
    )
    found = figures.snippet_imports(source, "snippets.pipeline_probe.fig_x")
    assert {
        "snippets.pipeline_probe.data",
        "snippets.pipeline_probe.shapes",
        "snippets.plotting",
    } <= found
    assert "os" not in found


def test_the_figure_name_is_read_from_the_render_themes_call(fake_snippets):
    (figure,) = figures.discover(fake_snippets)
    assert figures.declared_name(figure) == "wave"
    script = fake_snippets / "pipeline_probe" / "fig_wave.py"
    script.write_text(PROBE_FIGURE.replace('"NAME"', "name_variable"), encoding="utf-8")
    assert figures.declared_name(figure) is None  # 코드에서 읽을 수 없으면 그림이 끝나기를 기다린다
    script.write_text(PROBE_FIGURE.replace("NAME", "other"), encoding="utf-8")
    with pytest.raises(PluginError, match=r"fig_wave\.py: render_themes 에 넘긴 그림 이름 'other'"):
        figures.declared_name(figure)


def test_a_script_run_lands_atomically_in_the_cache(fake_snippets):
    script = fake_snippets / "pipeline_probe" / "fig_wave.py"
    script.write_text(TINY_FIGURE.replace("NAME", "wave"), encoding="utf-8")
    (figure,) = figures.discover(fake_snippets)
    key = figures.cache_key(figure)
    result = figures.render_one(figure, key)
    assert result.ok, result.message
    assert key_dirs(figure.cache_root) == [key]  # 임시 폴더(.tmp-…)가 남지 않는다
    assert sorted(p.name for p in (figure.cache_root / key).iterdir()) == [
        "run.json",
        "wave-dark.svg",
        "wave-light.svg",
    ]
    assert figures.last_duration(figure) > 0


def test_two_builds_missing_the_same_figure_draw_it_once(fake_snippets, tmp_path):
    runs = tmp_path / "runs.txt"
    script = fake_snippets / "pipeline_probe" / "fig_wave.py"
    counting = f"open({str(runs)!r}, 'a').write('run\\n')\nimport time\ntime.sleep(0.5)\n"
    script.write_text(counting + TINY_FIGURE.replace("NAME", "wave"), encoding="utf-8")
    (figure,) = figures.discover(fake_snippets)
    key = figures.cache_key(figure)
    with ThreadPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(lambda _: figures.render_one(figure, key), range(2)))
    assert all(r.ok for r in results)
    assert runs.read_text().count("run") == 1


def test_a_script_that_hangs_is_stopped_and_reported(fake_snippets, monkeypatch):
    script = fake_snippets / "pipeline_probe" / "fig_wave.py"
    script.write_text("import time\nprint('그리는 중')\ntime.sleep(120)\n", encoding="utf-8")
    monkeypatch.setattr(figures, "SCRIPT_TIMEOUT_S", 2)
    (figure,) = figures.discover(fake_snippets)
    started = time.monotonic()
    result = figures.render_one(figure, figures.cache_key(figure))
    assert time.monotonic() - started < 30
    assert not result.ok
    assert "2초 안에 끝나지 않았습니다" in result.message and "그리는 중" in result.message
    assert key_dirs(figure.cache_root) == []


# ---------------------------------------------------------------------------
# Builds of a probe project
# ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def probe_builds(tmp_path_factory):
    """시험용 그림 하나를 싣는 사이트를 두 번(차가운 캐시, 데워진 캐시) 빌드한 결과."""
    where = tmp_path_factory.mktemp("figures-probe")
    project = make_probe_project(where, {"wave": PROBE_FIGURE}, NOTE_HEAD + embed("wave"))
    docs_before = snapshot(project / "docs") | snapshot(project / "docs-probe")
    cold = build(project, where / "site-cold")
    warm = build(project, where / "site-warm")
    docs_after = snapshot(project / "docs") | snapshot(project / "docs-probe")
    return SimpleNamespace(
        project=project,
        where=where,
        cold=cold,
        warm=warm,
        docs_before=docs_before,
        docs_after=docs_after,
    )


def cached_outputs(project: Path, name: str) -> dict[str, bytes]:
    cache_root = project / ".cache" / "figures" / "pipeline_probe" / name
    (key,) = key_dirs(cache_root)
    key_dir = cache_root / key
    return {p.name: p.read_bytes() for p in key_dir.glob("*.svg")}


@pytest.mark.build
def test_figures_are_published_at_their_site_urls(probe_builds):
    assert probe_builds.cold.returncode == 0, probe_builds.cold.stderr
    cached = cached_outputs(probe_builds.project, "wave")
    assert sorted(cached) == ["wave-dark.svg", "wave-light.svg"]
    for name, data in cached.items():
        assert (
            probe_builds.where / "site-cold" / "figures" / "pipeline_probe" / name
        ).read_bytes() == data


@pytest.mark.build
def test_the_note_embeds_both_theme_variants_and_its_links_validate(probe_builds):
    # --strict 빌드가 성공했다는 것은 노트의 그림 링크가 모두 실제 파일을 가리킨다는 뜻이다.
    assert probe_builds.cold.returncode == 0, probe_builds.cold.stderr
    html = (probe_builds.where / "site-cold" / "index.html").read_text(encoding="utf-8")
    assert 'src="figures/pipeline_probe/wave-light.svg#only-light"' in html
    assert 'src="figures/pipeline_probe/wave-dark.svg#only-dark"' in html
    assert 'alt="시험용 그림: 사인 곡선과 어텐션 가중치"' in html


@pytest.mark.build
def test_a_warm_build_runs_no_script_and_publishes_the_same_bytes(probe_builds):
    assert "그림 1개를 새로 그립니다" in probe_builds.cold.stderr
    assert probe_builds.warm.returncode == 0, probe_builds.warm.stderr
    assert "새로 그립니다" not in probe_builds.warm.stderr
    for theme in ("light", "dark"):
        relative = Path("figures/pipeline_probe") / f"wave-{theme}.svg"
        cold = (probe_builds.where / "site-cold" / relative).read_bytes()
        assert (probe_builds.where / "site-warm" / relative).read_bytes() == cold


@pytest.mark.build
def test_the_build_writes_nothing_into_docs(probe_builds):
    assert probe_builds.docs_after == probe_builds.docs_before
    assert not (probe_builds.project / "docs" / "figures").exists()


@pytest.mark.build
def test_the_warm_path_imports_nothing_heavy(probe_builds):
    probe = f"""
import sys
from pathlib import Path
from types import SimpleNamespace
from mkdocs.structure.files import Files
sys.path.insert(0, {str(probe_builds.project)!r})
from hooks import figures
config = SimpleNamespace(site_dir="/tmp/unused-site", docs_dir="docs-probe", use_directory_urls=True,
                         plugins=SimpleNamespace(_current_plugin=None))
files = figures.on_files(Files([]), config)
assert [f.src_uri for f in files] == ["figures/pipeline_probe/wave-dark.svg", "figures/pipeline_probe/wave-light.svg"]
print(",".join(m for m in {HEAVY_MODULES!r} if m in sys.modules))
"""
    result = subprocess.run(
        [sys.executable, "-c", probe], cwd=probe_builds.project, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert "새로 그립니다" not in result.stderr
    assert result.stdout.strip() == ""


@pytest.mark.build
def test_a_figure_is_byte_identical_when_redrawn_in_fresh_processes(probe_builds, tmp_path):
    """빌드가 하위 프로세스로 그려 캐시에 둔 그림과, 같은 스크립트를 다른 새 프로세스에서 다시 그린 그림이
    바이트까지 같다: 처음 빌드(클론 직후)와 캐시를 쓰는 빌드가 같은 파일을 싣는다."""
    cached = cached_outputs(probe_builds.project, "wave")
    subprocess.run(
        [sys.executable, "-m", "snippets.pipeline_probe.fig_wave", str(tmp_path)],
        cwd=probe_builds.project,
        env=figures.script_env(),
        check=True,
        capture_output=True,
    )
    assert {p.name: p.read_bytes() for p in tmp_path.glob("*.svg")} == cached


@pytest.mark.build
def test_a_failing_script_fails_the_build_naming_the_script_and_the_note(tmp_path):
    project = make_probe_project(
        tmp_path, {"wave": TINY_FIGURE, "broken": BROKEN_FIGURE}, NOTE_HEAD + embed("broken")
    )
    result = build(project, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "snippets/pipeline_probe/fig_broken.py" in output
    assert "docs/index.md" in output
    assert "ZeroDivisionError: 시험용으로 일부러 낸 오류" in output
    # 실패하지 않은 그림은 캐시에 남아 다음 빌드에서 다시 그리지 않는다.
    assert cached_outputs(project, "wave")
    assert key_dirs(project / ".cache" / "figures" / "pipeline_probe" / "broken") == []


@pytest.mark.build
def test_a_link_to_a_figure_without_a_script_names_the_note(tmp_path):
    project = make_probe_project(tmp_path, {}, NOTE_HEAD + embed("missing"))
    result = build(project, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "docs/index.md" in output and "snippets/pipeline_probe/fig_missing.py" in output


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class ServeLog:
    """mkdocs serve 의 로그를 줄 단위로 모은다."""

    def __init__(self, stream):
        self.lines: list[str] = []
        self._thread = threading.Thread(target=self._pump, args=(stream,), daemon=True)
        self._thread.start()

    def _pump(self, stream):
        for line in stream:
            self.lines.append(line.rstrip("\n"))

    def wait_for(self, text: str, after: int = 0, timeout: float = 180) -> int:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for index in range(after, len(self.lines)):
                if text in self.lines[index]:
                    return index
            time.sleep(0.2)
        raise AssertionError(
            f"{timeout}초 안에 '{text}'이 로그에 나오지 않았다:\n" + "\n".join(self.lines)
        )


@pytest.mark.build
def test_serve_redraws_only_the_edited_figure(tmp_path):
    project = make_probe_project(
        tmp_path,
        {"wave": TINY_FIGURE, "bars": TINY_FIGURE},
        NOTE_HEAD + embed("wave") + embed("bars"),
    )
    command = [
        sys.executable,
        "-m",
        "mkdocs",
        "serve",
        "-f",
        "mkdocs-probe.yml",
        "-a",
        f"127.0.0.1:{free_port()}",
    ]
    server = subprocess.Popen(
        command,
        cwd=project,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        log = ServeLog(server.stdout)
        ready = log.wait_for("Serving on")
        edit(project / "snippets" / "pipeline_probe" / "fig_wave.py", "\n# 선 색을 바꿀 자리\n")
        redrawn = log.wait_for("새로 그립니다", after=ready)
        log.wait_for("Reloading browsers", after=redrawn)
    finally:
        server.terminate()
        server.wait(timeout=30)
    assert "fig_wave.py" in log.lines[redrawn]
    assert "fig_bars.py" not in log.lines[redrawn]
    assert "그림 1개를" in log.lines[redrawn]


# ---------------------------------------------------------------------------
# A real figure script of the site
# ---------------------------------------------------------------------------


def real_figures() -> list[figures.Figure]:
    return figures.discover(figures.SNIPPETS)


@pytest.mark.skipif(not real_figures(), reason="아직 snippets/ 에 그림 스크립트가 없다")
def test_a_real_figure_redrawn_from_scratch_matches_its_cached_bytes(tmp_path):
    """사이트의 그림 하나(지난번에 가장 빨리 그려진 것)를 새로 그려 캐시의 파일과 바이트 단위로 비교한다.
    캐시가 비어 있으면 두 번 그려 서로 비교한다."""
    figure = min(real_figures(), key=lambda f: figures.last_duration(f) or float("inf"))
    key_dir = figure.cache_root / figures.cache_key(figure)

    def draw(out: Path) -> dict[str, bytes]:
        subprocess.run(
            [sys.executable, "-m", figure.module, str(out)],
            cwd=ROOT,
            env=figures.script_env(),
            check=True,
            capture_output=True,
            timeout=figures.SCRIPT_TIMEOUT_S,
        )
        return {p.name: p.read_bytes() for p in out.glob("*.svg")}

    fresh = draw(tmp_path / "fresh")
    if key_dir.is_dir():
        reference = {p.name: p.read_bytes() for p in key_dir.glob("*.svg")}
    else:
        reference = draw(tmp_path / "again")
    assert figures.check_outputs(figure, tmp_path / "fresh") == ""
    for name in fresh:
        assert fresh[name] == reference[name], (
            f"{figure.rel_script}: {name} 이 다시 그릴 때마다 달라진다"
        )


# ---------------------------------------------------------------------------
# 문장 속의 값: {{ value: 주제/그림/키 }}
# ---------------------------------------------------------------------------


@pytest.mark.build
def test_a_value_in_a_sentence_comes_from_the_figure_scripts_run(tmp_path):
    note = (
        NOTE_HEAD
        + embed("wave")
        + "\n사인 곡선의 최댓값은 {{ value: pipeline_probe/wave/peak }}이다.\n"
    )
    project = make_probe_project(tmp_path, {"wave": VALUED_FIGURE}, note)
    result = build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    # curve(40)의 가장 큰 값은 sin(10/40·2π) = 1.000
    assert "사인 곡선의 최댓값은 1.000이다." in html
    assert "value:" not in html
    # values.json 은 사이트에 싣지 않는다(그림 파일만 싣는다).
    assert not list((tmp_path / "site").rglob("values.json"))


@pytest.mark.build
def test_an_unknown_value_key_fails_the_build_with_the_note_line(tmp_path):
    note = NOTE_HEAD + embed("wave") + "\n최댓값은 {{ value: pipeline_probe/wave/nope }}이다.\n"
    project = make_probe_project(tmp_path, {"wave": VALUED_FIGURE}, note)
    result = build(project, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    line = note.splitlines().index("최댓값은 {{ value: pipeline_probe/wave/nope }}이다.") + 1
    assert f"docs/index.md:{line}:" in output
    assert "'nope'" in output and "peak" in output


def test_a_value_from_a_figure_that_does_not_exist_names_the_script(tmp_path, monkeypatch):
    monkeypatch.setattr(figures, "_keys", {})
    note = tmp_path / "x.md"
    note.write_text("---\ntitle: x\n---\n\na\nb\n{{ value: nowhere/plot/k }}\n", encoding="utf-8")
    with pytest.raises(PluginError, match=r"docs/x.md:7: .*snippets/nowhere/fig_plot.py"):
        figures.fill_values("a\nb\n{{ value: nowhere/plot/k }}\n", "docs/x.md", str(note))


def test_values_inside_code_are_left_as_examples(monkeypatch):
    monkeypatch.setattr(figures, "_keys", {})
    text = "`{{ value: a/b/c }}`\n\n```\n{{ value: a/b/c }}\n```\n"
    assert figures.fill_values(text, "docs/x.md") == text


def test_values_json_must_map_keys_to_display_strings(tmp_path):
    good, bad, broken = tmp_path / "good.json", tmp_path / "bad.json", tmp_path / "broken.json"
    good.write_text('{"std": "0.321"}')
    bad.write_text('{"std": 0.321}')
    broken.write_text("{")
    assert figures.values_problem(good) == ""
    assert "문자열" in figures.values_problem(bad)
    assert "JSON" in figures.values_problem(broken)

"""빌드 속도 벤치마크: 차가운 빌드, 데워진 빌드 대 훅 없는 Material 빌드, mkdocs serve 의 다시 빌드.

    python benchmarks/bench_build.py --out bench.json            # 전부 (몇 분 걸린다)
    python benchmarks/bench_build.py --reps 3 --serve-edits 2     # 반복 횟수 줄이기

측정하는 것 (모두 저장소를 새로 git clone 한 임시 폴더에서, 캐시(.cache/) 없이 시작):

(a) 차가운 빌드: `mkdocs build --strict`. 그림 스크립트, 한국어 검색 분석, Mermaid 도표를 모두 새로 만든다.
    목표 ≤ 120 초(2 코어). 벽시계 시간과 함께 CPU 시간(빌드와 그 하위 프로세스의 user+sys)도 적는다:
    CPU 를 다른 작업과 나눠 쓰면 벽시계 시간은 늘어나지만 CPU 시간은 거의 그대로다.
    새로 그린 그림이 원본 저장소 캐시의 같은 키 그림과 바이트까지 같은지도 센다.
(b) 데워진 빌드 대 기본 빌드: 같은 문서, 테마, 마크다운 확장, 플러그인으로 훅만 뺀 설정
    (`INHERIT: mkdocs.yml` + `hooks: []`)과 번갈아 여러 번 빌드해 중앙값의 비율을 낸다. 목표 ≤ 1.5×.
    훅이 없으면 그림 파일이 사이트에 실리지 않아 노트의 그림 링크가 경고가 되므로 두 빌드 모두
    --strict 없이 돌린다. 스니펫 포함(pymdownx.snippets)은 확장이라 그대로 동작하고, 약어 파일
    (.cache/generated/abbreviations.md)은 (a)가 이미 만들어 두었다. 수식은 LaTeX 그대로, Mermaid 는
    <pre> 그대로, 검색은 Material 기본 색인으로 남는다. 즉 기본 빌드는 훅이 하는 일을 하지 않는 빌드다.
    데워진 빌드가 어떤 무거운 모듈을 불러오는지도 적는다.
(c) mkdocs serve: 127.0.0.1 의 빈 포트로 띄운 뒤 노트 하나를 고치고, 로그에 'Reloading browsers'가
    나올 때까지의 시간을 잰다(감시 주기 0.5 초 포함). mkdocs 가 찍는 'Documentation built in' 값도 적는다.

표를 찍고, --out 을 주면 JSON 으로 쓴다. 공유 머신에서는 결과에 부하(load average)를 함께 적는다.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HEAVY_MODULES = (
    "torch",
    "matplotlib",
    "numpy",
    "sklearn",
    "kiwipiepy",
    "mermaidx",
    "latex2mathml",
    "nbconvert",
)
PLAIN_CONFIG = """# 벤치마크 비교용: 같은 설정에서 훅만 뺀다.
INHERIT: mkdocs.yml
hooks: []
"""
NOTE_TO_EDIT = "docs/python/asterisk.md"


# ---------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_timed(command: list[str], cwd: Path, env: dict | None = None) -> dict:
    """명령 하나를 돌려 벽시계 시간과 CPU 시간(하위 프로세스 전부)을 잰다."""
    cpu0, wall0 = children_cpu(), time.perf_counter()
    proc = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True)
    wall, cpu = time.perf_counter() - wall0, children_cpu() - cpu0
    if proc.returncode != 0:
        sys.exit(
            f"실패: {' '.join(command)} (cwd={cwd})\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}"
        )
    return {"wall_s": round(wall, 2), "cpu_s": round(cpu, 2), "log": proc.stderr}


def mkdocs_env() -> dict:
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def load_average() -> list[float]:
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except OSError:
        return []


def fresh_clone(where: Path, source: str) -> Path:
    """저장소를 로컬에서 클론한다. source='worktree'면 커밋하지 않은 작업 트리의 파일도 덮어쓴다."""
    clone = where / "clone"
    subprocess.run(["git", "clone", "--quiet", "--no-hardlinks", str(ROOT), str(clone)], check=True)
    if source == "worktree":
        listed = (
            subprocess.run(
                ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                cwd=ROOT,
                check=True,
                capture_output=True,
            )
            .stdout.decode()
            .split("\0")
        )
        for relative in filter(None, listed):
            src, dst = ROOT / relative, clone / relative
            if src.is_file():
                dst.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(src, dst)
            elif dst.exists():
                dst.unlink()  # 작업 트리에서 지운 파일
    return clone


def figure_files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*.svg"))}


def compare_with_original_cache(clone: Path) -> dict:
    """클론에서 새로 그린 그림(.cache/figures/<주제>/<이름>/<키>/)을 원본 저장소 캐시의 같은 키와 비교한다."""
    fresh = figure_files(clone / ".cache" / "figures")
    original = ROOT / ".cache" / "figures"
    compared = identical = 0
    differing = []
    for relative, data in fresh.items():
        counterpart = original / relative
        if counterpart.is_file():
            compared += 1
            if counterpart.read_bytes() == data:
                identical += 1
            else:
                differing.append(relative)
    return {
        "figure_files": len(fresh),
        "compared": compared,
        "identical": identical,
        "differing": differing,
    }


def heavy_imports_of_warm_build(clone: Path) -> dict:
    """데워진 빌드를 한 프로세스에서 돌리고 어떤 무거운 모듈이 sys.modules 에 남는지, import 에 가장 오래 걸린
    최상위 패키지가 무엇인지(-X importtime) 본다."""
    probe = (
        "import sys\n"
        "from mkdocs.config import load_config\n"
        "from mkdocs.commands.build import build\n"
        "config = load_config('mkdocs.yml', site_dir=sys.argv[1])\n"
        "build(config)\n"
        f"print('HEAVY=' + ','.join(m for m in {HEAVY_MODULES!r} if m in sys.modules))\n"
    )
    with tempfile.TemporaryDirectory() as site:
        proc = subprocess.run(
            [sys.executable, "-X", "importtime", "-c", probe, site],
            cwd=clone,
            env=mkdocs_env(),
            capture_output=True,
            text=True,
        )
    heavy = next((line[6:] for line in proc.stdout.splitlines() if line.startswith("HEAVY=")), "?")
    top: dict[str, int] = {}
    for line in proc.stderr.splitlines():
        match = re.match(r"import time:\s+\d+ \|\s+(\d+) \|(\s*)(\S+)", line)
        if match and len(match.group(2)) == 1:  # 최상위 import 만
            name = match.group(3).split(".")[0]
            top[name] = top.get(name, 0) + int(match.group(1))
    slowest = sorted(top.items(), key=lambda item: -item[1])[:8]
    return {
        "heavy_modules_loaded": [m for m in heavy.split(",") if m],
        "slowest_top_level_imports_ms": {name: round(us / 1000, 1) for name, us in slowest},
    }


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class LogWatcher:
    def __init__(self, stream):
        self.lines: list[tuple[float, str]] = []
        self._thread = threading.Thread(target=self._pump, args=(stream,), daemon=True)
        self._thread.start()

    def _pump(self, stream):
        for line in stream:
            self.lines.append((time.perf_counter(), line.rstrip("\n")))

    def wait_for(self, text: str, after: int = 0, timeout: float = 300) -> int:
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            for index in range(after, len(self.lines)):
                if text in self.lines[index][1]:
                    return index
            time.sleep(0.05)
        tail = "\n".join(line for _, line in self.lines[-30:])
        raise TimeoutError(f"'{text}'이 {timeout}초 안에 나오지 않았다:\n{tail}")


def measure_serve(
    clone: Path, edits: int, timeout: float = 300, extra_args: tuple[str, ...] = ()
) -> list[dict]:
    note = clone / NOTE_TO_EDIT
    original = note.read_text(encoding="utf-8")
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{free_port()}", *extra_args],
        cwd=clone,
        env=mkdocs_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    results = []
    try:
        log = LogWatcher(server.stdout)
        position = log.wait_for("Serving on", timeout=timeout) + 1
        time.sleep(2)  # 감시자가 첫 상태를 읽을 시간
        for number in range(1, edits + 1):
            position = len(log.lines)
            started = time.perf_counter()
            note.write_text(original + f"\n<!-- 벤치마크 편집 {number} -->\n", encoding="utf-8")
            detected = log.wait_for("Detected file changes", after=position, timeout=timeout)
            reloaded = log.wait_for("Reloading browsers", after=detected, timeout=timeout)
            # mkdocs 의 'Documentation built in' 줄은 가끔 다시 불러오기 알림보다 늦게 도착한다: 있으면 적는다.
            built_lines = [
                line for _, line in log.lines[detected:reloaded] if "Documentation built in" in line
            ]
            reported = (
                float(re.search(r"built in ([\d.]+) seconds", built_lines[0]).group(1))
                if built_lines
                else None
            )
            results.append(
                {
                    "edit_to_reload_s": round(log.lines[reloaded][0] - started, 2),
                    "edit_to_detect_s": round(log.lines[detected][0] - started, 2),
                    "mkdocs_reported_build_s": reported,
                    "figures_redrawn": any(
                        "새로 그립니다" in line for _, line in log.lines[detected:reloaded]
                    ),
                }
            )
            time.sleep(1)
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
        note.write_text(original, encoding="utf-8")
    return results


# ---------------------------------------------------------------------------
# Main
# ---------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--out", type=Path, help="결과 JSON 을 쓸 경로")
    parser.add_argument("--reps", type=int, default=5, help="(b)의 반복 횟수 (기본 5)")
    parser.add_argument(
        "--serve-edits", type=int, default=3, help="(c)에서 노트를 고치는 횟수 (기본 3)"
    )
    parser.add_argument(
        "--source",
        choices=("worktree", "head"),
        default="worktree",
        help="worktree: 커밋하지 않은 파일까지, head: 마지막 커밋만 (기본 worktree)",
    )
    parser.add_argument("--keep", action="store_true", help="임시 클론을 지우지 않는다")
    args = parser.parse_args()

    where = Path(tempfile.mkdtemp(prefix="gongbu-bench-"))
    result: dict = {
        "machine": {
            "cpus": len(os.sched_getaffinity(0))
            if hasattr(os, "sched_getaffinity")
            else os.cpu_count(),
            "python": platform.python_version(),
            "load_average_at_start": load_average(),
        },
        "source": args.source,
    }
    try:
        clone = fresh_clone(where, args.source)
        scripts = sorted(
            p.relative_to(clone).as_posix() for p in clone.glob("snippets/**/fig_*.py")
        )
        print(f"클론: {clone}  그림 스크립트 {len(scripts)}개", flush=True)

        # (a) 차가운 빌드
        cold = run_timed(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(where / "site-cold")],
            clone,
            mkdocs_env(),
        )
        figure_runs = {
            m.group(1): {"wall_s": float(m.group(2)), "cpu_s": float(m.group(3) or "nan")}
            for m in re.finditer(
                r"(snippets/\S+\.py): ([\d.]+)초(?: \(CPU ([\d.]+)초\))?", cold["log"]
            )
        }
        figure_cpu = round(sum(run["cpu_s"] for run in figure_runs.values()), 1)
        drawn = re.search(r"그림 \d+개를 ([\d.]+)초에 그렸습니다", cold["log"])
        result["cold_build"] = {
            "wall_s": cold["wall_s"],
            "cpu_s": cold["cpu_s"],
            "figure_scripts": scripts,
            "figures": figure_runs,
            "figures_cpu_s": figure_cpu,
            "figures_wall_s": float(drawn.group(1)) if drawn else None,
            "rest_of_build_cpu_s": round(cold["cpu_s"] - figure_cpu, 1),
            # 코어를 혼자 쓸 때의 아래 한계(CPU 시간 ÷ 코어 수)
            "uncontended_lower_bound_s": round(cold["cpu_s"] / result["machine"]["cpus"], 1),
            "target_s": 120,
            "byte_identity_vs_original_cache": compare_with_original_cache(clone),
        }
        print(f"(a) 차가운 빌드: {cold['wall_s']} s (CPU {cold['cpu_s']} s)", flush=True)

        # (b) 데워진 빌드 대 훅 없는 빌드, 번갈아
        (clone / "mkdocs-plain.yml").write_text(PLAIN_CONFIG, encoding="utf-8")
        ours, plain = [], []
        for _ in range(args.reps):
            ours.append(
                run_timed(
                    [sys.executable, "-m", "mkdocs", "build", "-d", str(where / "site-ours")],
                    clone,
                    mkdocs_env(),
                )
            )
            plain.append(
                run_timed(
                    [
                        sys.executable,
                        "-m",
                        "mkdocs",
                        "build",
                        "-f",
                        "mkdocs-plain.yml",
                        "-d",
                        str(where / "site-plain"),
                    ],
                    clone,
                    mkdocs_env(),
                )
            )
        redrawn = sum("새로 그립니다" in run["log"] for run in ours)
        summary = {}
        for label, runs in (("ours", ours), ("plain", plain)):
            summary[label] = {
                "wall_s": [run["wall_s"] for run in runs],
                "cpu_s": [run["cpu_s"] for run in runs],
                "median_wall_s": statistics.median(run["wall_s"] for run in runs),
                "median_cpu_s": statistics.median(run["cpu_s"] for run in runs),
            }
        result["warm_vs_plain"] = {
            **summary,
            "ratio_wall": round(
                summary["ours"]["median_wall_s"] / summary["plain"]["median_wall_s"], 2
            ),
            "ratio_cpu": round(
                summary["ours"]["median_cpu_s"] / summary["plain"]["median_cpu_s"], 2
            ),
            "target_ratio": 1.5,
            "warm_builds_that_redrew_figures": redrawn,
            **heavy_imports_of_warm_build(clone),
        }
        print(
            f"(b) 데워진 빌드 {summary['ours']['median_wall_s']} s, 기본 {summary['plain']['median_wall_s']} s",
            flush=True,
        )

        # (c) mkdocs serve
        serve = measure_serve(clone, args.serve_edits) if args.serve_edits else []
        result["serve_rebuild_after_note_edit"] = {
            "runs": serve,
            "median_edit_to_reload_s": statistics.median(r["edit_to_reload_s"] for r in serve)
            if serve
            else None,
        }
        result["machine"]["load_average_at_end"] = load_average()
    finally:
        if args.keep:
            print(f"임시 폴더를 남겨 둔다: {where}")
        else:
            shutil.rmtree(where, ignore_errors=True)

    print_table(result)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(
            json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
        print(f"JSON: {args.out}")


def print_table(result: dict) -> None:
    cold, warm, serve = (
        result["cold_build"],
        result["warm_vs_plain"],
        result["serve_rebuild_after_note_edit"],
    )
    identity = cold["byte_identity_vs_original_cache"]
    rows = [
        ("(a) 차가운 빌드, 벽시계", f"{cold['wall_s']:.1f} s", "≤ 120 s"),
        (
            "(a) 차가운 빌드, CPU(user+sys)",
            f"{cold['cpu_s']:.1f} s",
            f"÷ {result['machine']['cpus']} 코어",
        ),
        (
            "(a) 그중 그림 스크립트 CPU 합",
            f"{cold['figures_cpu_s']:.1f} s",
            f"{len(cold['figures'])}개",
        ),
        (
            "(a) 그림 바이트 일치(원본 캐시와)",
            f"{identity['identical']}/{identity['compared']}",
            "모두",
        ),
        ("(b) 데워진 빌드, 중앙값", f"{warm['ours']['median_wall_s']:.2f} s", ""),
        ("(b) 훅 없는 빌드, 중앙값", f"{warm['plain']['median_wall_s']:.2f} s", ""),
        ("(b) 비율(벽시계)", f"{warm['ratio_wall']:.2f}×", "≤ 1.5×"),
        ("(b) 비율(CPU)", f"{warm['ratio_cpu']:.2f}×", "≤ 1.5×"),
        (
            "(b) 데워진 빌드가 부른 무거운 모듈",
            ", ".join(warm["heavy_modules_loaded"]) or "없음",
            "없음",
        ),
        (
            "(c) serve: 노트 편집 → 새로 고침, 중앙값",
            f"{serve['median_edit_to_reload_s']:.2f} s"
            if serve["median_edit_to_reload_s"]
            else "-",
            "",
        ),
        (
            "부하(load average) 시작 → 끝",
            f"{result['machine']['load_average_at_start']} → {result['machine'].get('load_average_at_end')}",
            "",
        ),
    ]
    width = max(len(r[0]) for r in rows) + 2
    for name, value, target in rows:
        print(f"{name:<{width}} {value:>22}   {target}")


if __name__ == "__main__":
    main()

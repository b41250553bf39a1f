"""규모 벤치마크: 노트가 N개 늘어난 사이트에서 빌드 시간, 검색 색인 크기, 첫 검색 결과까지의 시간을 잰다.

    python benchmarks/bench_scale.py --n 0 200 1000 --out test-artifacts/bench-scale.json
    python benchmarks/bench_scale.py --n 200 --skip-stock --skip-serve     # 빠르게 한 번

테스트가 아니라 재는 도구다. N 마다 저장소 작업 트리를 임시 폴더에 복사하고, 진짜 노트의 문단으로 만든
합성 노트 N개(각 ≈ 6.5 KB, 모두 nav 에 있음)를 docs/gen/ 에 더한 뒤, 같은 문서를 두 가지로 빌드한다.

  ours   이 저장소의 설정 그대로 (한국어 검색 훅과 워커 포함)
  stock  같은 설정에서 한국어 검색만 끈 것(KOREAN_SEARCH=0): Material 기본 검색

재는 것 (N 마다, 두 빌드 각각)
- 빌드: 차가운 빌드(합성 노트의 분석 캐시 없음)와 데워진 빌드(바로 이어 한 번 더)의 벽시계·CPU 시간.
  그림과 노트북 캐시는 원본 저장소의 것을 같이 쓴다(그림은 N 과 함께 늘지 않는다).
- 색인: search/search_index.json 의 바이트와 gzip -6 바이트(+ 색인 조각 파일이 있으면 그것도).
- 브라우저(Chromium, gzip 서버, 빈 캐시): 노트 하나(python/asterisk/)를 열고 네트워크가 잠잠해질 때까지
  받은 바이트(gzip 본문 합, 그림 포함, 검색은 하지 않음)와, 따로 새로 열어 곧바로 검색 창에 질의를 쳐서
  페이지를 연 순간부터 첫 결과가 그려질 때까지의 시간.
  desktop(조절 없음)과 cpu4x(CDP 로 CPU 4배 감속) 두 조건, 각 --runs 번의 중앙값.
  질의: ours 는 '어텐션', stock 은 기본 검색도 찾는 'kwargs'.
- 검색 품질: 골드 세트(tests/search/gold.yml)의 앞 --quality-queries 개를 ours 에서 브라우저 테스트와 같은
  코드로 돌려 recall@5·hit@1 과, 맨 위 결과가 합성 노트인 질의 수(진짜 노트가 먼저 나와야 한다)를 센다.
- mkdocs serve (ours): 노트 하나를 고친 뒤 'Reloading browsers' 가 찍힐 때까지의 시간(--serve-edits 번).
  `mkdocs serve`(모두 다시 빌드)와 `mkdocs serve --dirty`(바뀐 페이지만)를 따로 잰다.

목표 (N = 1,000): 노트 열기 ≤ 400 KB gzip, 첫 결과 ≤ 1.0 s(desktop)·≤ 2.0 s(cpu4x), 데워진 빌드 ≤ 1.2×
stock, serve 에서 편집이 ≤ 5 s 안에 보임. 표를 찍고 --out 을 주면 JSON 으로 쓴다.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import shutil
import statistics
import sys
import tempfile
from pathlib import Path
from urllib.parse import unquote, urlparse

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_build import load_average, measure_serve, run_timed  # noqa: E402

from tests.browser import survey  # noqa: E402
from tests.browser.static_server import serve  # noqa: E402
from tests.browser.test_search import measure  # noqa: E402
from tests.conftest import CHROMIUM, CHROMIUM_FLAGS  # noqa: E402

NOTE_BYTES = 6_500
NOTE_TO_OPEN = "python/asterisk/"
QUERIES = {"ours": "어텐션", "stock": "kwargs"}
GOALS = {
    "open_note_gzip_bytes": 400_000,
    "first_result_desktop_ms": 1_000,
    "first_result_cpu4x_ms": 2_000,
    "warm_build_ratio": 1.2,
    "serve_edit_to_reload_s": 5.0,
}
# 산문이 아닌 블록: 코드, 표, 수식, 그림, 목록, 제목, 주석, 스니펫 포함, 약어 정의, 경고 상자
NOT_PROSE = re.compile(r"^(```|~~~|\||\$\$|\\\[|!\[|<|-|\*|#|>|\d+\.|--8<--|\?\?\?|!!!|\[\^|:)")
LINK = re.compile(r"\[([^\]]+)\]\([^)]+\)")
VALUE = re.compile(r"\{\{[^}]*\}\}")
FOOTNOTE_REF = re.compile(r"\[\^[^\]]+\]")


# ---------------------------------------------------------------------------
# 합성 노트
# ---------------------------------------------------------------------------


def prose_paragraphs(docs: Path) -> list[str]:
    """진짜 노트(docs/python, docs/dl)의 산문 문단. 값 자리표시와 각주 표시는 뺀다."""
    paragraphs = []
    for note in sorted([*docs.glob("python/*.md"), *docs.glob("dl/*.md")]):
        text = note.read_text(encoding="utf-8")
        if text.startswith("---"):
            text = text.split("\n---", 1)[1]
        text = re.sub(r"^(```|~~~).*?^\1\s*$", "", text, flags=re.M | re.S)
        for block in re.split(r"\n\s*\n", text):
            block = block.strip()
            if not block or NOT_PROSE.match(block) or not re.search("[가-힣]", block):
                continue
            # 수식, 짝이 안 맞는 코드 표시, 링크(다른 폴더에서는 깨지고, 링크 글자의 영어 표기는 링크 밖에서
            # 용어 검사에 걸린다)가 있는 문단은 쓰지 않는다.
            if "\\(" in block or block.count("`") % 2 or LINK.search(block):
                continue
            block = FOOTNOTE_REF.sub("", VALUE.sub("", block))
            paragraphs.append(block)
    if not paragraphs:
        raise SystemExit("합성 노트를 만들 산문 문단을 찾지 못했다")
    return paragraphs


def synthetic_note(number: int, paragraphs: list[str]) -> str:
    lines = [
        "---",
        f"title: 합성 노트 {number:04d}",
        f"description: 규모 벤치마크용으로 진짜 노트의 문단을 섞어 만든 {number}번째 노트다.",
        "tags:",
        "  - 딥러닝",
        "---",
        "",
        f"# 합성 노트 {number:04d}",
        "",
    ]
    size, section, start = 0, 1, number * 7
    for offset in range(len(paragraphs)):
        if size >= NOTE_BYTES:
            break
        if offset % 3 == 0:
            lines += [f"## 절 {section}", ""]
            section += 1
        paragraph = paragraphs[(start + offset * 13) % len(paragraphs)]
        lines += [paragraph, ""]
        size += len(paragraph.encode("utf-8"))
    return "\n".join(lines)


def make_project(where: Path, n: int) -> Path:
    """작업 트리 사본 + 합성 노트 n개. 그림·노트북 캐시는 원본의 것을 같이 쓴다."""
    project = where / f"n{n}"
    ignore = shutil.ignore_patterns(
        ".git", ".cache", "site", "__pycache__", ".venv", "test-artifacts", "runs", "my-exercises"
    )
    shutil.copytree(ROOT, project, ignore=ignore)
    cache = project / ".cache"
    cache.mkdir()
    for shared in ("figures", "notebooks", "pycache", "generated"):
        (ROOT / ".cache" / shared).mkdir(parents=True, exist_ok=True)
        (cache / shared).symlink_to(ROOT / ".cache" / shared, target_is_directory=True)
    if n:
        paragraphs = prose_paragraphs(project / "docs")
        gen = project / "docs" / "gen"
        gen.mkdir()
        entries = []
        for number in range(1, n + 1):
            (gen / f"note-{number:04d}.md").write_text(
                synthetic_note(number, paragraphs), encoding="utf-8"
            )
            entries.append(f"      - gen/note-{number:04d}.md")
        config = project / "mkdocs.yml"
        text = config.read_text(encoding="utf-8")
        nav_end = text.index("\nvalidation:")
        text = text[:nav_end] + "\n  - 합성 노트:\n" + "\n".join(entries) + text[nav_end:]
        config.write_text(text, encoding="utf-8")
    return project


def markdown_bytes(project: Path) -> int:
    return sum(p.stat().st_size for p in (project / "docs").rglob("*.md"))


# ---------------------------------------------------------------------------
# 빌드와 색인
# ---------------------------------------------------------------------------


def build_env(kind: str) -> dict:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    if kind == "stock":
        env["KOREAN_SEARCH"] = "0"
    return env


def build_twice(project: Path, kind: str) -> tuple[Path, dict]:
    site = project.parent / f"site-{project.name}-{kind}"
    command = [sys.executable, "-m", "mkdocs", "build", "-d", str(site)]
    if kind == "ours":
        command.insert(4, "--strict")
    cold = run_timed(command, project, build_env(kind))
    warm = run_timed(command, project, build_env(kind))
    return site, {
        "cold_s": cold["wall_s"],
        "cold_cpu_s": cold["cpu_s"],
        "warm_s": warm["wall_s"],
        "warm_cpu_s": warm["cpu_s"],
    }


def index_sizes(site: Path) -> dict:
    search = site / "search"
    files = sorted(p for p in search.rglob("*") if p.is_file() and p.suffix in (".json", ".js"))
    raw = sum(p.stat().st_size for p in files)
    packed = sum(len(gzip.compress(p.read_bytes(), compresslevel=6, mtime=0)) for p in files)
    return {"files": len(files), "raw_bytes": raw, "gzip_bytes": packed}


# ---------------------------------------------------------------------------
# 브라우저
# ---------------------------------------------------------------------------

FIRST_RESULT = """() => {
  const item = document.querySelector(".md-search-result__item");
  return item ? performance.now() : null;
}"""


def open_and_search(browser, url: str, query: str, cpu_rate: int) -> float:
    """빈 캐시로 노트를 열자마자 검색 창에 query 를 쳐서, 페이지를 연 순간부터 첫 결과까지의 시간(ms)."""
    context = browser.new_context(locale="ko-KR", viewport=survey.DESKTOP)
    page = context.new_page()
    if cpu_rate != 1:
        context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": cpu_rate})
    page.goto(url + NOTE_TO_OPEN, wait_until="load")
    box = page.locator(".md-search__input")
    box.focus()
    box.type(query)
    # 한글은 입력기가 글자를 확정할 때 input 만 오고 keyup 은 다음 키에서 온다. Material 은 keyup 에 검색하므로
    # 읽는 이가 다음에 누를 키 하나(End)로 keyup 을 보낸다(tests/browser/test_search.py 와 같다).
    box.press("End")
    first = page.wait_for_function(FIRST_RESULT, timeout=120_000, polling=20).json_value()
    context.close()
    return round(first)


def open_note_bytes(browser, site: Path, url: str) -> int:
    """빈 캐시로 노트를 열고 네트워크가 잠잠해질 때까지(검색은 하지 않는다) 받은 바이트."""
    context = browser.new_context(locale="ko-KR", viewport=survey.DESKTOP)
    page = context.new_page()
    finished = []
    context.on("requestfinished", lambda request: finished.append(request))
    page.goto(url + NOTE_TO_OPEN, wait_until="networkidle")
    page.wait_for_timeout(500)  # 늦게 시작하는 요청(검색 워커, 색인)까지
    total = transferred_bytes(site, url, list(finished))
    context.close()
    return total


def transferred_bytes(site: Path, url: str, requests: list) -> int:
    """요청마다 서버가 보낸 본문 바이트(gzip 서버면 압축한 크기)의 합."""
    prefix = urlparse(url).path
    total = 0
    for request in requests:
        address = urlparse(request.url)
        if address.scheme not in ("http", "https"):
            continue
        response = request.response()
        file = site / unquote(address.path[len(prefix) :])
        if file.is_dir():
            file = file / "index.html"
        if not (response and response.status == 200 and file.is_file()):
            continue
        if (response.headers.get("content-encoding") or "") == "gzip":
            total += len(gzip.compress(file.read_bytes(), compresslevel=6, mtime=0))
        else:
            total += file.stat().st_size
    return total


def measure_site(browser, site: Path, kind: str, runs: int) -> dict:
    server, url = serve(site, survey.site_prefix(), gzip=True)
    try:
        result = {
            "open_note_gzip_bytes": statistics.median(
                open_note_bytes(browser, site, url) for _ in range(runs)
            )
        }
        for label, rate in (("desktop", 1), ("cpu4x", 4)):
            samples = [open_and_search(browser, url, QUERIES[kind], rate) for _ in range(runs)]
            result[f"first_result_{label}_ms"] = statistics.median(samples)
            result[f"first_result_{label}_all_ms"] = samples
        return result
    finally:
        server.shutdown()


def search_quality(browser, site: Path, queries: list[dict]) -> dict:
    """골드 질의를 브라우저 테스트와 같은 코드(tests/browser/test_search.measure)로 돌린다. 골드 세트의 지표와
    함께, 맨 위 결과가 합성 노트인 질의 수를 센다(진짜 노트가 먼저 나와야 한다)."""
    server, url = serve(site, survey.site_prefix())
    try:
        report = measure(browser, site, url, queries)
    finally:
        server.shutdown()
    judged = [r for r in report["results"].values() if r["expected"]]
    return {
        "queries": len(judged),
        "recall@5": report["recall@5"],
        "hit@1": report["hit@1"],
        "mrr": report["mrr"],
        "off_topic_with_results": report["off_topic_with_results"],
        "synthetic_note_first": sum(
            1 for r in judged if r["pages"] and r["pages"][0].startswith("gen/")
        ),
    }


# ---------------------------------------------------------------------------
# mkdocs serve
# ---------------------------------------------------------------------------


def serve_edit_seconds(project: Path, edits: int, dirty: bool = False) -> list[float]:
    """bench_build 의 serve 측정을 n 개 노트가 더해진 사본에서 돌린다(첫 빌드가 길어 기다림을 늘린다).
    dirty 면 `mkdocs serve --dirty`: 바뀐 페이지만 다시 만든다."""
    extra = ("--dirty",) if dirty else ()
    runs = measure_serve(project, edits, timeout=1800, extra_args=extra)
    return [r["edit_to_reload_s"] for r in runs]


# ---------------------------------------------------------------------------
# Main
# ---------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, nargs="+", default=[0, 200, 1000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--quality-queries", type=int, default=40)
    parser.add_argument("--serve-edits", type=int, default=2)
    parser.add_argument("--skip-stock", action="store_true")
    parser.add_argument("--skip-serve", action="store_true")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args(argv)
    if not CHROMIUM.exists():
        raise SystemExit(f"Chromium 이 없다({CHROMIUM}): bash .ci/prerequisites.sh")
    from playwright.sync_api import sync_playwright

    gold = yaml.safe_load((ROOT / "tests" / "search" / "gold.yml").read_text(encoding="utf-8"))
    queries = gold["queries"][: args.quality_queries]
    result = {"cpus": os.cpu_count(), "load_before": load_average(), "goals": GOALS, "runs": {}}
    kinds = ["ours"] if args.skip_stock else ["ours", "stock"]
    with tempfile.TemporaryDirectory(prefix="bench-scale-") as tmp, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
        for n in args.n:
            project = make_project(Path(tmp), n)
            row = {"notes_added": n, "markdown_bytes": markdown_bytes(project)}
            for kind in kinds:
                print(f"N={n} {kind}: 빌드", file=sys.stderr, flush=True)
                site, builds = build_twice(project, kind)
                row[kind] = {"build": builds, "index": index_sizes(site)}
                print(f"N={n} {kind}: 브라우저", file=sys.stderr, flush=True)
                row[kind].update(measure_site(browser, site, kind, args.runs))
                if kind == "ours":
                    row[kind]["quality"] = search_quality(browser, site, queries)
                shutil.rmtree(site, ignore_errors=True)
            if "stock" in row:
                row["warm_build_ratio"] = round(
                    row["ours"]["build"]["warm_s"] / row["stock"]["build"]["warm_s"], 2
                )
            if not args.skip_serve:
                print(f"N={n}: mkdocs serve", file=sys.stderr, flush=True)
                row["ours"]["serve_edit_to_reload_s"] = serve_edit_seconds(
                    project, args.serve_edits
                )
                row["ours"]["serve_dirty_edit_to_reload_s"] = serve_edit_seconds(
                    project, args.serve_edits, dirty=True
                )
            result["runs"][str(n)] = row
            shutil.rmtree(project, ignore_errors=True)
        browser.close()
    return finish(result, args.out, print_report)


def finish(result: dict, out: Path | None, report) -> dict:
    """끝난 뒤의 부하를 적고, 표를 찍고, out 이 있으면 JSON 으로 쓴다(compare_pagefind.py 도 쓴다)."""
    result["load_after"] = load_average()
    report(result)
    if out:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n")
    return result


def print_report(result: dict) -> None:
    print(f"CPU {result['cpus']}개, load {result['load_before']} → {result.get('load_after')}")
    header = (
        f"{'N':>5} {'종류':<6} {'MD KB':>7} {'차가운 s':>8} {'데운 s':>7} {'색인 KB':>8} "
        f"{'gzip KB':>8} {'열기 KB':>8} {'결과 ms':>8} {'4x ms':>7}"
    )
    print(header)
    for n, row in result["runs"].items():
        for kind in ("ours", "stock"):
            if kind not in row:
                continue
            r = row[kind]
            print(
                f"{n:>5} {kind:<6} {row['markdown_bytes'] / 1000:>7.0f} "
                f"{r['build']['cold_s']:>8.1f} {r['build']['warm_s']:>7.1f} "
                f"{r['index']['raw_bytes'] / 1000:>8.0f} {r['index']['gzip_bytes'] / 1000:>8.0f} "
                f"{r['open_note_gzip_bytes'] / 1000:>8.0f} {r['first_result_desktop_ms']:>8.0f} "
                f"{r['first_result_cpu4x_ms']:>7.0f}"
            )
        extra = []
        if "warm_build_ratio" in row:
            extra.append(f"데운 빌드 비율 {row['warm_build_ratio']}×")
        if "serve_edit_to_reload_s" in row["ours"]:
            extra.append(
                f"serve 편집→다시 불러오기 {row['ours']['serve_edit_to_reload_s']} s "
                f"(--dirty {row['ours']['serve_dirty_edit_to_reload_s']} s)"
            )
        quality = row["ours"].get("quality")
        if quality:
            extra.append(
                f"골드 {quality['queries']}개: recall@5 {quality['recall@5']}, hit@1 {quality['hit@1']}, "
                f"합성 노트가 첫째 {quality['synthetic_note_first']}"
            )
        if extra:
            print("      " + ", ".join(extra))


if __name__ == "__main__":
    main()

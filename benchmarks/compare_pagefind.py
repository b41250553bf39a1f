"""Pagefind 비교 벤치마크: bench_scale.py 와 같은 합성 노트 사이트를 Pagefind 로 색인해 크기·시간·품질을 잰다.

    python3 -m venv /tmp/pfenv && /tmp/pfenv/bin/pip install pagefind==1.5.2 pagefind-bin==1.5.2
    python benchmarks/compare_pagefind.py --n 0 1000 --out test-artifacts/compare-pagefind.json
    python benchmarks/compare_pagefind.py --n 0 --runs 1 --pagefind /path/to/pagefind   # 빠르게 한 번

테스트가 아니라 재는 도구다. 이 저장소의 조각난 한국어 검색과 견줄 수 있도록, Pagefind(청크로 나눈 정적
검색 엔진)를 bench_scale.py 가 만드는 것과 똑같은 사이트에 얹어 본다. N 마다 bench_scale.make_project 로
작업 트리 사본에 합성 노트 N개를 더하고, 한국어 검색을 끈 stock 설정(KOREAN_SEARCH=0, 보통의 Material
HTML)으로 `mkdocs build` 한 뒤 `pagefind --site <사이트>` 를 돌린다. Pagefind 는 기본값 그대로 쓴다.

  - 색인 범위: Pagefind 기본값(<body> 전체, 단 nav·footer·form·svg·script 등은 Pagefind 가 스스로 뺀다).
    Material 의 왼쪽 목차, 오른쪽 차례, 검색 창, 바닥글은 nav·form·footer 안에 있어 저절로 빠지고,
    남는 군더더기는 머리줄(header)의 사이트 이름·쪽 제목과 모든 쪽의 건너뛰기 링크('콘텐츠로 이동')다.
    그래서 --root-selector 도 data-pagefind-body 도 쓰지 않는다(건너뛰기 링크 때문에 '이동'이 든 질의는
    모든 쪽에 걸린다: 기본값 그대로 잰 값이다).
  - stock 쪽은 Material 자신의 검색 색인(search/search_index.json)도 여는 순간 받는다. 그 바이트는
    검색 바이트에 넣지 않지만, 같은 때 CPU 와 네트워크를 나눠 쓰므로 시간에는 섞여 있다.
  - 언어: <html lang="ko"> 에서 Pagefind 가 알아낸다(--force-language 를 주지 않는다).

재는 것 (N 마다)
- 색인: pagefind/ 폴더 전체(UI 파일 포함)의 바이트, 파일마다 gzip -6 한 바이트의 합, 파일 수와
  색인 조각(index/)·본문 조각(fragment/) 수, `pagefind` 한 번의 벽시계·CPU 시간.
  (.pf_* 파일은 Pagefind 가 이미 gzip 으로 압축해 두므로 gzip 바이트가 원래 바이트와 거의 같다.)
- 브라우저(Chromium, gzip 서버, 빈 캐시, --runs 번의 중앙값): 노트 하나(python/asterisk/)를 열고 load 를
  기다린 뒤 쪽 안에서 pagefind.js 를 import 해 init → search("어텐션") → 위 10개 결과의 data() 까지 끝낸 시각
  (performance.now(), 곧 내비게이션 시작부터의 ms)과, 그동안 /pagefind/ 에서 받은 바이트(서버가 보낸
  gzip 본문 크기의 합). desktop(조절 없음)과 cpu4x(CDP Emulation.setCPUThrottlingRate 4배) 두 조건.
- 검색 품질(N = 0 에서만): 골드 세트(tests/search/gold.yml)의 앞 40개 질의를 pf.search(q) 로 돌려,
  결과 페이지 주소(차례대로, 중복 없이)로 recall@5·hit@1·MRR 과 사이트에 없는 주제(pages: [])인데
  결과가 나온 질의 수를 센다. 채점은 tests/browser/test_search.py 의 score() 를 그대로 쓴다.
  골드 질의에 맞춰 아무것도 고치지 않는다.

다른 벤치마크와 CPU 를 나눠 쓰면 시간이 흔들린다: 혼자 돌린다. 표를 찍고 --out 을 주면 JSON 으로 쓴다.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlparse

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_build import load_average, run_timed  # noqa: E402
from bench_scale import (  # noqa: E402
    NOTE_TO_OPEN,
    build_env,
    finish,
    make_project,
    markdown_bytes,
    transferred_bytes,
)

from tests.browser import survey  # noqa: E402
from tests.browser.static_server import serve  # noqa: E402
from tests.browser.test_search import by_kind, mean, score  # noqa: E402
from tests.conftest import CHROMIUM, CHROMIUM_FLAGS  # noqa: E402

PAGEFIND_VERSION = "1.5.2"
PFENV = Path("/tmp/pfenv")
QUERY = "어텐션"
QUALITY_QUERIES = 40
TOP_RESULTS = 10

# 쪽 안에서 도는 검색: 끝난 시각(내비게이션 시작부터의 ms)과 검색에 든 시간, 결과 주소를 돌려준다.
SEARCH = """async ([bundle, query, top]) => {
  const started = performance.now();
  const pf = await import(bundle);
  await pf.init?.();
  const r = await pf.search(query);
  const data = await Promise.all(r.results.slice(0, top).map(x => x.data()));
  const finished = performance.now();
  return {finished, search_ms: finished - started, total: r.results.length,
          urls: data.map(d => d.url)};
}"""

# 품질 측정용: 한 번 불러 둔 Pagefind 로 질의마다 위 결과의 주소만 읽는다.
LOAD = """async (bundle) => { window.__pf = await import(bundle); await window.__pf.init?.(); }"""
QUERY_URLS = """async ([query, top]) => {
  const r = await window.__pf.search(query);
  const data = await Promise.all(r.results.slice(0, top).map(x => x.data()));
  return {total: r.results.length, urls: data.map(d => d.url)};
}"""


# ---------------------------------------------------------------------------
# Pagefind 실행 파일
# ---------------------------------------------------------------------------


def default_pagefind() -> Path:
    """/tmp/pfenv 에 깔린 Pagefind 실행 파일. pagefind-bin 휠은 bin/ 에 스크립트를 두지 않고
    site-packages/pagefind_bin/ 안에 실행 파일(pagefind 또는 pagefind_extended)을 둔다."""
    candidates = [PFENV / "bin" / "pagefind"]
    for site_packages in sorted(PFENV.glob("lib/python3*/site-packages")):
        candidates += [
            site_packages / "pagefind_bin" / name for name in ("pagefind_extended", "pagefind")
        ]
    return next((path for path in candidates if path.is_file()), candidates[-1])


def check_pagefind(binary: Path) -> str:
    if not (binary.is_file() and os.access(binary, os.X_OK)):
        raise SystemExit(
            f"Pagefind 실행 파일이 없다({binary}). 따로 된 가상 환경에 깐 뒤 --pagefind 로 알려 준다:\n"
            f"  python3 -m venv {PFENV} && {PFENV}/bin/pip install "
            f"pagefind=={PAGEFIND_VERSION} pagefind-bin=={PAGEFIND_VERSION}"
        )
    proc = subprocess.run([str(binary), "--version"], capture_output=True, text=True)
    if proc.returncode != 0:
        raise SystemExit(f"{binary} --version 이 실패했다:\n{proc.stderr[-2000:]}")
    return proc.stdout.strip()


# ---------------------------------------------------------------------------
# 빌드와 색인
# ---------------------------------------------------------------------------


def build_stock(project: Path) -> tuple[Path, dict]:
    """한국어 검색을 끈 stock 설정으로 한 번 빌드한다(Pagefind 가 읽을 보통의 Material HTML)."""
    site = project.parent / f"site-{project.name}-stock"
    command = [sys.executable, "-m", "mkdocs", "build", "-d", str(site)]
    timed = run_timed(command, project, build_env("stock"))
    return site, {"wall_s": timed["wall_s"], "cpu_s": timed["cpu_s"]}


def run_pagefind(binary: Path, site: Path) -> dict:
    """기본값으로 `pagefind --site` 를 돌리고, 걸린 시간과 Pagefind 가 찍은 요약을 돌려준다."""
    proc = run_timed([str(binary), "--site", str(site)], site.parent)
    # Pagefind 는 요약을 stdout 에 찍는데 run_timed 는 stderr 만 돌려준다. 알아낸 언어와 쪽 수는
    # Pagefind 가 남긴 pagefind-entry.json 에서 읽는다.
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    return {
        "wall_s": proc["wall_s"],
        "cpu_s": proc["cpu_s"],
        "languages": {
            lang: {"page_count": info.get("page_count")}
            for lang, info in entry.get("languages", {}).items()
        },
    }


def bundle_sizes(site: Path) -> dict:
    bundle = site / "pagefind"
    files = sorted(p for p in bundle.rglob("*") if p.is_file())
    raw = sum(p.stat().st_size for p in files)
    packed = sum(len(gzip.compress(p.read_bytes(), compresslevel=6, mtime=0)) for p in files)
    return {
        "files": len(files),
        "index_chunks": sum(1 for p in files if p.parent.name == "index"),
        "fragments": sum(1 for p in files if p.parent.name == "fragment"),
        "raw_bytes": raw,
        "gzip_bytes": packed,
    }


# ---------------------------------------------------------------------------
# 브라우저
# ---------------------------------------------------------------------------


def open_and_search(browser, site: Path, url: str, cpu_rate: int) -> dict:
    """빈 캐시로 노트를 열고(load 까지), 쪽 안에서 Pagefind 로 검색해 위 10개 결과의 data() 까지 끝낸다."""
    context = browser.new_context(locale="ko-KR", viewport=survey.DESKTOP)
    page = context.new_page()
    if cpu_rate != 1:
        context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": cpu_rate})
    finished = []
    context.on("requestfinished", lambda request: finished.append(request))
    page.goto(url + NOTE_TO_OPEN, wait_until="load")
    bundle = urlparse(url).path + "pagefind/pagefind.js"
    result = page.evaluate(SEARCH, [bundle, QUERY, TOP_RESULTS])
    # 마지막 requestfinished 이벤트가 도착하도록 잠깐 기다린다(잰 시간에는 들지 않는다).
    page.wait_for_timeout(300)
    prefix = urlparse(url).path + "pagefind/"
    searched = [r for r in finished if urlparse(r.url).path.startswith(prefix)]
    fetched = transferred_bytes(site, url, searched)  # 응답을 읽으므로 context 를 닫기 전에
    context.close()
    if not result["urls"]:
        raise SystemExit(f"Pagefind 가 {QUERY!r} 로 아무 결과도 내지 않았다({url})")
    return {
        "done_ms": round(result["finished"]),
        "search_ms": round(result["search_ms"]),
        "results": result["total"],
        "requests": len(searched),
        "bytes": fetched,
    }


def measure_site(browser, site: Path, runs: int) -> dict:
    server, url = serve(site, survey.site_prefix(), gzip=True)
    try:
        result = {}
        for label, rate in (("desktop", 1), ("cpu4x", 4)):
            samples = [open_and_search(browser, site, url, rate) for _ in range(runs)]
            result[label] = {
                "done_ms": statistics.median(s["done_ms"] for s in samples),
                "search_ms": statistics.median(s["search_ms"] for s in samples),
                "search_gzip_bytes": statistics.median(s["bytes"] for s in samples),
                "requests": statistics.median(s["requests"] for s in samples),
                "results": samples[0]["results"],
                "all": samples,
            }
        return result
    finally:
        server.shutdown()


def page_path(result_url: str, prefix: str) -> str:
    """Pagefind 결과 주소를 docs 기준 사이트 경로로: /gongbu-note/dl/attention/ 또는 /dl/attention/ → dl/attention/.
    Pagefind 의 baseUrl 기본값은 "/" 이므로 site_url 경로 없이 올 수 있다."""
    path = urlparse(result_url).path
    if path.startswith(prefix):
        return path[len(prefix) :]
    return path.lstrip("/")


def search_quality(browser, site: Path, queries: list[dict]) -> dict:
    server, url = serve(site, survey.site_prefix())
    prefix = urlparse(url).path
    context = browser.new_context(locale="ko-KR")
    try:
        page = context.new_page()
        page.goto(url + NOTE_TO_OPEN, wait_until="load")
        page.evaluate(LOAD, prefix + "pagefind/pagefind.js")
        results, raw_urls = {}, []
        for item in queries:
            answer = page.evaluate(QUERY_URLS, [item["q"], TOP_RESULTS])
            raw_urls += answer["urls"][:1]
            pages = list(dict.fromkeys(page_path(u, prefix) for u in answer["urls"]))
            results[item["q"]] = score(item, pages) | {"total": answer["total"]}
    finally:
        context.close()
        server.shutdown()
    judged = [r for r in results.values() if r["expected"]]
    off_topic = [r for r in results.values() if not r["expected"]]
    return {
        "queries": len(results),
        "judged": len(judged),
        "recall@5": mean(r["recall@5"] for r in judged),
        "hit@1": mean(r["hit@1"] for r in judged),
        "mrr": mean(r["rr"] for r in judged),
        "off_topic_queries": len(off_topic),
        "off_topic_with_results": sum(1 for r in off_topic if r["pages"]),
        "no_results": sum(1 for r in judged if not r["pages"]),
        "example_result_url": raw_urls[0] if raw_urls else None,
        "by_kind": by_kind(results),
        "results": results,
    }


# ---------------------------------------------------------------------------
# Main
# ---------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, nargs="+", default=[0, 1000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--pagefind", type=Path, default=default_pagefind())
    args = parser.parse_args(argv)
    if not CHROMIUM.exists():
        raise SystemExit(f"Chromium 이 없다({CHROMIUM}): bash .ci/prerequisites.sh")
    version = check_pagefind(args.pagefind)
    from playwright.sync_api import sync_playwright

    gold = yaml.safe_load((ROOT / "tests" / "search" / "gold.yml").read_text(encoding="utf-8"))
    queries = gold["queries"][:QUALITY_QUERIES]
    result = {
        "pagefind": version,
        "pagefind_binary": str(args.pagefind),
        "pagefind_options": "--site <site> (그 밖은 기본값)",
        "query": QUERY,
        "cpus": os.cpu_count(),
        "load_before": load_average(),
        "runs": {},
    }
    with tempfile.TemporaryDirectory(prefix="compare-pagefind-") as tmp, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
        for n in args.n:
            project = make_project(Path(tmp), n)
            row = {"notes_added": n, "markdown_bytes": markdown_bytes(project)}
            print(f"N={n}: mkdocs build (stock)", file=sys.stderr, flush=True)
            site, row["mkdocs_build"] = build_stock(project)
            print(f"N={n}: pagefind", file=sys.stderr, flush=True)
            row["pagefind_run"] = run_pagefind(args.pagefind, site)
            row["bundle"] = bundle_sizes(site)
            print(f"N={n}: 브라우저", file=sys.stderr, flush=True)
            row.update(measure_site(browser, site, args.runs))
            if n == 0:
                print(f"N={n}: 골드 질의 {len(queries)}개", file=sys.stderr, flush=True)
                row["quality"] = search_quality(browser, site, queries)
            result["runs"][str(n)] = row
            shutil.rmtree(site, ignore_errors=True)
            shutil.rmtree(project, ignore_errors=True)
        browser.close()
    return finish(result, args.out, print_report)


def print_report(result: dict) -> None:
    load = f"load {result['load_before']} → {result['load_after']}"
    print(f"{result['pagefind']}, CPU {result['cpus']}개, {load}")
    print(
        f"{'N':>5} {'쪽':>5} {'파일':>5} {'색인 KB':>8} {'gzip KB':>8} {'색인 s':>7} "
        f"{'끝 ms':>7} {'4x ms':>7} {'검색 KB':>8} {'4x KB':>7}"
    )
    for n, row in result["runs"].items():
        pages = sum(lang["page_count"] or 0 for lang in row["pagefind_run"]["languages"].values())
        print(
            f"{n:>5} {pages:>5} {row['bundle']['files']:>5} {row['bundle']['raw_bytes'] / 1000:>8.0f} "
            f"{row['bundle']['gzip_bytes'] / 1000:>8.0f} {row['pagefind_run']['wall_s']:>7.2f} "
            f"{row['desktop']['done_ms']:>7.0f} {row['cpu4x']['done_ms']:>7.0f} "
            f"{row['desktop']['search_gzip_bytes'] / 1000:>8.1f} "
            f"{row['cpu4x']['search_gzip_bytes'] / 1000:>7.1f}"
        )
        quality = row.get("quality")
        if quality:
            print(
                f"      골드 {quality['queries']}개(판정 {quality['judged']}): recall@5 {quality['recall@5']}, "
                f"hit@1 {quality['hit@1']}, MRR {quality['mrr']}, 결과 없음 {quality['no_results']}, "
                f"없는 주제 {quality['off_topic_queries']}개 중 결과가 나온 것 {quality['off_topic_with_results']}"
            )


if __name__ == "__main__":
    main()

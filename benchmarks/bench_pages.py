"""페이지 무게와 속도 벤치마크: 캐시가 빈 첫 방문에 몇 바이트를 받는지, 첫 화면이 언제 그려지는지.

    python benchmarks/bench_pages.py --out test-artifacts/page-weight.json
    python benchmarks/bench_pages.py --site /tmp/site --runs 7 --note dl/attention/ --out weight.json

테스트가 아니라 재는 도구다. 결과는 --out 의 JSON 과 화면의 표로 남는다.

무게 (페이지마다, 새 브라우저 컨텍스트 = 빈 캐시)
- 사이트를 배포 경로(site_url 의 경로) 아래에 올린 정적 서버(tests/browser/static_server.py)로 연다.
  서버를 두 가지로 띄워 각각 잰다.
  uncompressed  Python 의 http.server 그대로: 압축하지 않는다.
  gzip          GitHub Pages 처럼 글자 자원(HTML·CSS·JS·JSON·SVG)을 gzip -6 으로 준다. 실제 배포에서
                독자가 받는 양에 가깝다.
- 요청은 Playwright 의 requestfinished 이벤트로 모은다. 페이지뿐 아니라 검색 워커가 부르는 스크립트와
  색인까지 잡힌다(CDP 의 페이지 세션 Network 이벤트만으로는 워커 요청이 빠진다). 응답 헤더 크기는
  Playwright 의 request.sizes()(CDP Network 이벤트에서 온 값)로, 본문은 서버가 보낸 바이트
  (파일 크기, gzip 이면 압축한 크기)로 잰다. body_bytes 는 본문 합, wire_bytes 는 본문 + 응답 헤더다.
- 그림(figures/ 아래의 SVG)은 예산에서 뺀다. 예산은 400 kB(= 400,000 바이트)다.

속도 (한 노트, --runs 번 재서 중앙값)
- FCP 는 paint 항목 first-contentful-paint, LCP 는 PerformanceObserver('largest-contentful-paint',
  buffered) 의 마지막 항목이다. 페이지를 열기 전에 관찰자를 심고, networkidle 뒤 0.5초를 더 기다려 읽는다.
- gzip 서버에서, 두 조건으로 잰다.
  desktop-local       1280×800, 조절 없음(루프백 서버, 이 기계의 CPU 그대로).
  mobile-slow4g-4xcpu 375×740 휴대폰, Lighthouse 의 DevTools 조절값(왕복 지연 562.5 ms, 내려받기
                      1474.56 Kbps, 올리기 675 Kbps)과 CPU 4배 감속(CDP Emulation.setCPUThrottlingRate).
- 공유 CPU 에서 잰 시간은 다른 작업에 따라 흔들린다. JSON 에 CPU 수와 재기 전후의 load average 를 남긴다.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import unquote, urlparse

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.browser import survey  # noqa: E402
from tests.browser.static_server import serve  # noqa: E402
from tests.conftest import CHROMIUM, CHROMIUM_FLAGS  # noqa: E402

BUDGET_BYTES = 400_000
FIGURES = "/figures/"
SERVERS = ("uncompressed", "gzip")
NOTE_SECTIONS = ("python/", "dl/")

PRESETS = {
    "desktop-local": {"context": {"viewport": survey.DESKTOP}, "network": None, "cpu_rate": 1},
    "mobile-slow4g-4xcpu": {
        "context": {
            "viewport": {"width": 375, "height": 740},
            "device_scale_factor": 2,
            "is_mobile": True,
            "has_touch": True,
        },
        # Lighthouse 의 DevTools 조절 상수(mobileSlow4G): 150 ms × 3.75, 1.6 Mbps × 0.9, 750 Kbps × 0.9
        "network": {"latency": 562.5, "download_kbps": 1474.56, "upload_kbps": 675},
        "cpu_rate": 4,
    },
}

PAINT_OBSERVER = """
window.__lcp = [];
new PerformanceObserver(list => {
  for (const entry of list.getEntries()) {
    const el = entry.element;
    window.__lcp.push({
      ms: entry.startTime, size: entry.size,
      element: el ? `<${el.tagName.toLowerCase()}> ${(el.textContent || el.currentSrc || "").trim().slice(0, 40)}` : entry.url,
    });
  }
}).observe({type: "largest-contentful-paint", buffered: true});
"""

READ_PAINTS = """() => {
  const fcp = performance.getEntriesByName("first-contentful-paint")[0];
  const nav = performance.getEntriesByType("navigation")[0];
  const lcp = window.__lcp[window.__lcp.length - 1];
  return {fcp_ms: fcp ? fcp.startTime : null, lcp_ms: lcp ? lcp.ms : null,
          lcp_element: lcp ? lcp.element : null, ttfb_ms: nav.responseStart,
          dom_content_loaded_ms: nav.domContentLoadedEventEnd, load_ms: nav.loadEventEnd};
}"""


# ---------------------------------------------------------------------------
# 무게
# ---------------------------------------------------------------------------


def page_weight(browser, site: Path, site_url: str, path: str) -> dict:
    """빈 캐시로 path 를 한 번 열고 받은 자원을 센다."""
    context = browser.new_context(locale="ko-KR", viewport=survey.DESKTOP)
    page = context.new_page()
    finished, failed = [], []
    context.on("requestfinished", lambda r: finished.append(r))
    context.on("requestfailed", lambda r: failed.append(r.url))
    page.goto(site_url + path, wait_until="networkidle")
    page.wait_for_timeout(500)  # 검색 워커가 늦게 부르는 색인까지
    prefix = urlparse(site_url).path
    resources = []
    for request in finished:
        url = urlparse(request.url)
        if url.scheme not in ("http", "https"):
            continue  # data: URI 는 이미 문서 안에 들어 있다
        response = request.response()
        file = site / unquote(url.path[len(prefix) :])
        if file.is_dir():
            file = file / "index.html"
        encoding = (response.headers.get("content-encoding") if response else None) or "identity"
        if response and response.status == 200 and file.is_file():
            body = gzipped_size(file.read_bytes()) if encoding == "gzip" else file.stat().st_size
        else:
            body = 0
        resources.append(
            {
                "url": url.path + (f"?{url.query}" if url.query else ""),
                "type": request.resource_type,
                "status": response.status if response else None,
                "encoding": encoding,
                "body": body,
                "headers": request.sizes()["responseHeadersSize"],
                "figure": FIGURES in url.path,
            }
        )
    context.close()
    counted = [r for r in resources if not r["figure"]]
    by_type: dict[str, dict] = {}
    for r in counted:
        kind = by_type.setdefault(r["type"], {"count": 0, "body_bytes": 0})
        kind["count"] += 1
        kind["body_bytes"] += r["body"]
    body = sum(r["body"] for r in counted)
    return {
        "requests": len(counted),
        "body_bytes": body,
        "wire_bytes": body + sum(r["headers"] for r in counted),
        "within_budget": body <= BUDGET_BYTES,
        "by_type": by_type,
        "figures_excluded": {
            "count": sum(r["figure"] for r in resources),
            "body_bytes": sum(r["body"] for r in resources if r["figure"]),
        },
        "failed_requests": failed,
        "resources": sorted(resources, key=lambda r: -r["body"]),
    }


def gzipped_size(body: bytes) -> int:
    return len(gzip.compress(body, compresslevel=6, mtime=0))


# ---------------------------------------------------------------------------
# 속도
# ---------------------------------------------------------------------------


def paint_timings(browser, url: str, preset: dict, runs: int) -> dict:
    """url 을 빈 캐시로 runs 번 열어 FCP·LCP 의 중앙값을 낸다."""
    samples = []
    for _ in range(runs):
        context = browser.new_context(locale="ko-KR", **preset["context"])
        context.add_init_script(PAINT_OBSERVER)
        page = context.new_page()
        cdp = context.new_cdp_session(page)
        if preset["network"]:
            net = preset["network"]
            cdp.send("Network.enable")
            cdp.send(
                "Network.emulateNetworkConditions",
                {
                    "offline": False,
                    "latency": net["latency"],
                    "downloadThroughput": net["download_kbps"] * 1024 / 8,
                    "uploadThroughput": net["upload_kbps"] * 1024 / 8,
                },
            )
        if preset["cpu_rate"] != 1:
            cdp.send("Emulation.setCPUThrottlingRate", {"rate": preset["cpu_rate"]})
        page.goto(url, wait_until="networkidle")
        page.wait_for_timeout(500)
        samples.append(page.evaluate(READ_PAINTS))
        context.close()
    summary = {"runs": runs}
    for key in ("fcp_ms", "lcp_ms", "ttfb_ms", "dom_content_loaded_ms", "load_ms"):
        values = [s[key] for s in samples if s[key] is not None]
        summary[key] = {
            "median": round(statistics.median(values), 1),
            "min": round(min(values), 1),
            "max": round(max(values), 1),
            "all": [round(v, 1) for v in values],
        }
    summary["lcp_element"] = samples[-1]["lcp_element"]
    return summary


# ---------------------------------------------------------------------------
# 실행
# ---------------------------------------------------------------------------


def build_site(out: Path) -> Path:
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(out)],
        cwd=ROOT,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        sys.exit(f"strict 빌드 실패:\n{result.stdout}\n{result.stderr}")
    return out


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--site", type=Path, help="빌드해 둔 사이트 폴더 (없으면 임시 폴더에 strict 빌드)"
    )
    parser.add_argument("--out", type=Path, required=True, help="결과 JSON 경로")
    parser.add_argument("--runs", type=int, default=5, help="속도를 잴 횟수 (중앙값을 쓴다)")
    parser.add_argument(
        "--note", default="python/asterisk/", help="속도를 잴 노트 (site_url 기준 경로)"
    )
    args = parser.parse_args(argv)
    if not CHROMIUM.exists():
        sys.exit(f"Chromium 이 없습니다({CHROMIUM}) — 'apt-get install chromium' 으로 설치하세요")

    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        site = args.site or build_site(Path(tmp) / "site")
        servers = {
            name: serve(site, survey.site_prefix(), gzip=(name == "gzip")) for name in SERVERS
        }
        load_before = os.getloadavg()
        started = time.perf_counter()
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
            pages = []
            for path in survey.page_paths(site):
                entry = {"path": path, "is_note": path.startswith(NOTE_SECTIONS)}
                for name, (_, url) in servers.items():
                    entry[name] = page_weight(browser, site, url, path)
                pages.append(entry)
            gzip_url = servers["gzip"][1]
            timings = {
                name: paint_timings(browser, gzip_url + args.note, preset, args.runs)
                for name, preset in PRESETS.items()
            }
            version = browser.version
            browser.close()
        for server, _ in servers.values():
            server.shutdown()

    notes = [p for p in pages if p["is_note"]]
    result = {
        "method": {
            "weight": "빈 캐시 첫 방문. Playwright requestfinished(워커 요청 포함). 응답 헤더는 request.sizes(), "
            "본문은 서버가 보낸 바이트. 'uncompressed' 는 압축하지 않는 Python http.server, 'gzip' 은 같은 서버가 "
            "글자 자원을 gzip -6 으로 준 것(GitHub Pages 와 비슷). figures/ 아래 그림은 뺀다.",
            "timing": "gzip 서버. PerformanceObserver 로 FCP(first-contentful-paint)와 LCP(마지막 "
            "largest-contentful-paint 항목)를 읽는다. 빈 캐시, 매번 새 컨텍스트, networkidle 뒤 0.5초. 중앙값.",
            "budget_bytes": BUDGET_BYTES,
        },
        "environment": {
            "chromium": version,
            "cpu_count": os.cpu_count(),
            "loadavg_before": [round(x, 2) for x in load_before],
            "loadavg_after": [round(x, 2) for x in os.getloadavg()],
            "seconds": round(time.perf_counter() - started, 1),
            "note": "load average 가 CPU 수보다 크면 다른 작업과 CPU 를 나눠 쓴 것이다: 시간은 부풀려진다.",
        },
        "summary": {
            f"max_note_body_bytes_{name}": max((p[name]["body_bytes"] for p in notes), default=0)
            for name in SERVERS
        }
        | {
            f"notes_within_budget_{name}": all(p[name]["within_budget"] for p in notes)
            for name in SERVERS
        },
        "pages": pages,
        "timings": {"note": args.note, "server": "gzip", "presets": timings},
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, ensure_ascii=False, indent=2), encoding="utf-8")
    print_report(result)
    return result


def print_report(result: dict) -> None:
    kb = lambda n: f"{n / 1000:.1f} kB"  # noqa: E731
    print(f"{'페이지':30} {'요청':>4} {'무압축':>10} {'gzip':>10} {'그림(제외, 무압축)':>18}")
    for p in result["pages"]:
        plain, gz = p["uncompressed"], p["gzip"]
        over = [name for name in SERVERS if not p[name]["within_budget"]]
        mark = f"  ← 400 kB 초과({', '.join(over)})" if over else ""
        print(
            f"{p['path'] or '/':30} {gz['requests']:4d} {kb(plain['body_bytes']):>10} "
            f"{kb(gz['body_bytes']):>10} {kb(plain['figures_excluded']['body_bytes']):>18}{mark}"
        )
    for name, t in result["timings"]["presets"].items():
        print(
            f"{result['timings']['note']} [{name}, gzip 서버] FCP {t['fcp_ms']['median']} ms, "
            f"LCP {t['lcp_ms']['median']} ms (중앙값, {t['runs']}회) — LCP 요소 {t['lcp_element']}"
        )
    env = result["environment"]
    print(
        f"CPU {env['cpu_count']}개, load average {env['loadavg_before']} → {env['loadavg_after']}"
    )


if __name__ == "__main__":
    main()

"""한국어 검색: 골드 세트(tests/search/gold.yml)를 실제 검색 창에 쳐 넣어 우리 검색과 기본 Material 검색을 잰다.

gold.yml 은 노트를 보며 쓴 것이고 규칙도 이것에 맞춰 왔다. 나머지(dev.yml, dev-round*.yml,
heldout-round*.yml, heldout.yml)는 노트를 읽지 않은 사람이 커리큘럼의 주제만 보고 쓴 것이다. dev 는 규칙을
고치며 들여다봐도 된다. heldout-round*.yml(1~19회차, 26~29회차)은 held-out 이었는데 한 번 잰 뒤로 개발용이
되었다. 회차마다 잰 값은 benchmarks/search-heldout.md 에 있다.
heldout.yml 은 마지막 회차(30·31회차)이고 규칙을 고칠 때 들여다보지 않는다: 기본으로는 돌지 않고 GONGBU_SEARCH_HELDOUT=1 일
때만 잰다(아래). 아무 질의 파일이나 재려면 GONGBU_SEARCH_SPLIT=경로 로 돌리거나 benchmarks/search_quality.py --split 경로 를 쓴다.

같은 저장소를 두 번 빌드한다. 하나는 그대로(hooks/korean_search.py, hooks/search_shards.py 와 한국어 워커),
하나는 KOREAN_SEARCH=0 으로 훅과 워커를 끈 기본 Material 검색이다. 두 사이트에 같은 질의를 같은 방식으로 치고
결과 목록의 페이지 순서로 recall@5, hit@1, MRR 을 잰다. 검색 파일 전체의 크기(그대로, gzip)와 첫 글자 지연도
잰다. 지표는 test-artifacts/search-metrics.json 에 쓰고 화면에도 찍는다.

우리 검색이 recall@5 0.95 나 MRR 0.90 에 못 미치거나, 사이트에 없는 주제에 결과를 하나라도 내면 실패한다.
크기와 지연은 기록만 한다: 우리 검색은 색인을 조각으로 나눠 질의마다 필요한 것만 받으므로 파일 전체의 크기는
읽는 이가 받는 양이 아니다(그것은 benchmarks/bench_scale.py 가 잰다). 지연은 두 사이트를 번갈아 잰다: 여러 일이
함께 도는 CPU 에서 재는 시간은 들쭉날쭉하다.
"""

from __future__ import annotations

import gzip
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlparse

import pytest
import yaml

from tests.browser.static_server import serve
from tests.conftest import ROOT

GOLD = ROOT / "tests" / "search" / "gold.yml"
DEV = ROOT / "tests" / "search" / "dev.yml"
HELDOUT = ROOT / "tests" / "search" / "heldout.yml"
ARTIFACT = ROOT / "test-artifacts" / "search-metrics.json"
MIN_RECALL_AT_5 = 0.95
MIN_MRR = 0.90
# 조사·어미가 붙었거나 붙여 쓴 질의도 첫 결과의 미리보기에서 본문의 낱말이 강조(<mark>)되어야 한다.
HIGHLIGHTED = ("particle", "ending", "joined")
MIN_HIGHLIGHT_RATE = 0.9
# 노트를 보지 않고 쓴 질의(dev, heldout)의 문턱. dev 는 찾을 질의가 46개라 한 질의가 recall@5 0.022 다:
# 0.93 은 세 질의까지 놓쳐도 된다는 뜻이다. 노트가 다루지 않는 말로 기대한 질의(노트가 바뀌며 생기고
# 없어진다)를 감안한 여유이고, 사이트에 없는 주제에 결과가 나오는 것은 하나도 허락하지 않는다.
# heldout 은 이슈 15 가 정한 문턱이다.
SPLIT_THRESHOLDS = {
    "dev": {"recall@5": 0.93, "mrr": 0.85, "off_topic": 0},
    "heldout": {"recall@5": 0.97, "mrr": 0.0, "off_topic": 0},
}
SPLIT_SWITCH = "GONGBU_SEARCH_SPLIT"  # 이 경로의 질의 파일을 heldout 문턱으로 잰다
HELDOUT_SWITCH = "GONGBU_SEARCH_HELDOUT"  # "1" 이면 heldout.yml 을 잰다
# 첫 글자 지연을 잴 글자: 페이지를 새로 열 때마다 하나씩
FIRST_KEYS = ["어", "배", "트", "정", "k", "n"]

# 페이지에 먼저 심는 스크립트: Material 이 만드는 검색 워커의 메시지를 세고 시각을 적는다.
# 결과(RESULT)를 받은 뒤 setTimeout 으로 한 번 미뤄서 적으므로, 적힌 시각에는 결과 목록이 이미 그려져 있다.
PROBE = """
(() => {
  const probe = window.__searchProbe = { ready: null, sent: 0, done: 0, last: null, keyup: null, shown: null }
  document.addEventListener("keyup", ev => {
    if (ev.target.matches && ev.target.matches(".md-search__input")) probe.keyup = performance.now()
  }, true)
  const Native = window.Worker
  window.Worker = class extends Native {
    constructor(...args) {
      super(...args)
      probe.url = String(args[0])
      this.addEventListener("message", ev => {
        const type = ev.data && ev.data.type
        if (type === 1) probe.ready = performance.now()
        if (type === 3) setTimeout(() => { probe.done += 1; probe.shown = performance.now() }, 0)
      })
    }
    postMessage(message, ...rest) {
      if (message && message.type === 2) { probe.sent += 1; probe.last = message.data; probe.sentAt = performance.now() }
      return super.postMessage(message, ...rest)
    }
  }
})()
"""

# 마지막으로 보낸 질의가 q 이고, 보낸 질의마다 결과가 그려졌다.
ANSWERED = "q => window.__searchProbe.last === q && window.__searchProbe.done === window.__searchProbe.sent"

RESULT_PAGES = """
items => items.map(li => {
  const link = li.querySelector("a.md-search-result__link")
  return { href: link.href, marked: li.querySelector("mark") !== null }
})
"""


# ---------------------------------------------------------------------------
# Fixtures
# ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def gold() -> list[dict]:
    return yaml.safe_load(GOLD.read_text(encoding="utf-8"))["queries"]


@pytest.fixture(scope="module")
def stock_site(tmp_path_factory) -> Path:
    """같은 저장소를 한국어 검색 훅과 워커 없이(KOREAN_SEARCH=0) 빌드한 사이트: 기본 Material 검색."""
    site = tmp_path_factory.mktemp("stock-site")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "KOREAN_SEARCH": "0"}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, f"기본 검색 사이트 빌드 실패:\n{result.stdout}\n{result.stderr}"
    return site


@pytest.fixture(scope="module")
def stock_url(stock_site, site_url):
    """기본 검색 사이트를 우리 사이트와 같은 경로(site_url 의 경로) 아래에 띄운 주소."""
    server, url = serve(stock_site, urlparse(site_url).path)
    yield url
    server.shutdown()


# ---------------------------------------------------------------------------
# Test
# ---------------------------------------------------------------------------


def test_korean_search_finds_the_gold_pages_and_nothing_off_topic(
    built_site, site_url, stock_site, stock_url, browser, gold
):
    ours = measure(browser, built_site, site_url, gold)
    stock = measure(browser, stock_site, stock_url, gold)
    ours["first_keystroke_ms"], stock["first_keystroke_ms"] = first_keystrokes(
        browser, site_url, stock_url
    )
    report = {
        "ours": ours,
        "stock": stock,
        "thresholds": {"recall@5": MIN_RECALL_AT_5, "mrr": MIN_MRR},
    }
    ARTIFACT.parent.mkdir(exist_ok=True)
    ARTIFACT.write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")
    print_report(ours, stock)

    assert "/korean-search.js?v=" in ours["worker"], f"한국어 검색 워커가 아니다: {ours['worker']}"
    assert stock["worker"].split("/")[-1].startswith("search."), stock["worker"]
    off_topic = {q: r for q, r in ours["results"].items() if not r["expected"] and r["pages"]}
    assert not off_topic, f"사이트에 없는 주제인데 결과가 나왔다: {off_topic}"
    misses = {
        q: r["pages"][:5] for q, r in ours["results"].items() if r["expected"] and r["recall@5"] < 1
    }
    assert ours["recall@5"] >= MIN_RECALL_AT_5, (
        f"recall@5 {ours['recall@5']:.3f} — 못 찾은 질의: {misses}"
    )
    assert ours["mrr"] >= MIN_MRR, (
        f"MRR {ours['mrr']:.3f} — 맨 위가 아닌 질의: {first_not_top(ours)}"
    )
    unmarked = [
        q
        for q, r in ours["results"].items()
        if r["kind"] in HIGHLIGHTED and r["pages"] and not r["marked"]
    ]
    assert ours["highlight_rate"] >= MIN_HIGHLIGHT_RATE, (
        f"미리보기에 강조(<mark>)가 없는 질의: {unmarked}"
    )


def test_korean_search_holds_on_queries_written_without_the_notes(built_site, site_url, browser):
    """dev.yml: 노트를 읽지 않은 사람이 커리큘럼 주제만 보고 쓴 질의."""
    check_split(browser, built_site, site_url, DEV, SPLIT_THRESHOLDS["dev"])


def test_korean_search_holds_on_the_heldout_split(built_site, site_url, browser):
    """heldout.yml 은 규칙을 고칠 때 보지 않는 세트다. 그래서 기본으로는 돌지 않는다.

    GONGBU_SEARCH_HELDOUT=1 이면 heldout.yml 을, GONGBU_SEARCH_SPLIT=경로 면 그 파일을 이슈 15 의 문턱
    (recall@5 0.97 이상, 사이트에 없는 주제에 결과 0)으로 잰다.
    """
    path = os.environ.get(SPLIT_SWITCH) or (
        HELDOUT if os.environ.get(HELDOUT_SWITCH) == "1" else None
    )
    if path is None:
        pytest.skip(f"{HELDOUT_SWITCH}=1 이나 {SPLIT_SWITCH}=경로 일 때만 잰다")
    check_split(browser, built_site, site_url, ROOT / path, SPLIT_THRESHOLDS["heldout"])


# ---------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------


def check_split(browser, site: Path, url: str, path: Path, thresholds: dict) -> None:
    """질의 파일 하나를 재서 test-artifacts/search-<이름>.json 에 쓰고 문턱과 비교한다."""
    queries = yaml.safe_load(path.read_text(encoding="utf-8"))["queries"]
    report = measure(browser, site, url, queries)
    artifact = ARTIFACT.with_name(f"search-{path.stem}.json")
    artifact.parent.mkdir(exist_ok=True)
    artifact.write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")
    print(
        f"\n{path.name}: recall@5 {report['recall@5']:.3f}, hit@1 {report['hit@1']:.3f}, "
        f"MRR {report['mrr']:.3f}, 사이트에 없는 주제에 결과 {report['off_topic_with_results']}"
    )
    off_topic = {
        q: r["pages"] for q, r in report["results"].items() if not r["expected"] and r["pages"]
    }
    assert len(off_topic) <= thresholds["off_topic"], (
        f"사이트에 없는 주제인데 결과가 나왔다: {off_topic}"
    )
    misses = {
        q: r["pages"][:5]
        for q, r in report["results"].items()
        if r["expected"] and r["recall@5"] < 1
    }
    assert report["recall@5"] >= thresholds["recall@5"], (
        f"{path.name} recall@5 {report['recall@5']:.3f} — 못 찾은 질의: {misses}"
    )
    assert report["mrr"] >= thresholds["mrr"], (
        f"{path.name} MRR {report['mrr']:.3f} — 맨 위가 아닌 질의: {first_not_top(report)}"
    )


def measure(browser, site: Path, url: str, gold: list[dict]) -> dict:
    """url 에 뜬 사이트(site 폴더)에서 골드 세트를 돌려 지표, 색인 크기, 지연을 잰다."""
    # 검색 파일 전체: 기본 검색은 search_index.json 하나, 우리 검색은 그것과 조각 파일들
    files = [p.read_bytes() for p in sorted((site / "search").rglob("*.json"))]
    context = browser.new_context(locale="ko-KR")
    context.add_init_script(PROBE)
    try:
        page = context.new_page()
        ready_ms = open_search(page, url)
        worker = page.evaluate("() => window.__searchProbe.url")
        results = {}
        for item in gold:
            found, marked, latency = search(page, item["q"], url)
            results[item["q"]] = score(item, found) | {"marked": marked, "latency_ms": latency}
    finally:
        context.close()
    judged = [r for r in results.values() if r["expected"]]
    latencies = [r["latency_ms"] for r in results.values()]
    return {
        "worker": worker,
        "queries": len(results),
        "recall@5": mean(r["recall@5"] for r in judged),
        "hit@1": mean(r["hit@1"] for r in judged),
        "mrr": mean(r["rr"] for r in judged),
        "off_topic_with_results": sum(
            1 for r in results.values() if not r["expected"] and r["pages"]
        ),
        "highlight_rate": mean(
            r["marked"] for r in results.values() if r["kind"] in HIGHLIGHTED and r["pages"]
        ),
        "by_kind": by_kind(results),
        "index_bytes": sum(len(data) for data in files),
        "index_gzip_bytes": sum(len(gzip.compress(data, compresslevel=9)) for data in files),
        "index_ready_ms": round(ready_ms),
        "query_ms": summary(latencies),
        "results": results,
    }


def first_keystrokes(browser, ours_url: str, stock_url: str, rounds: int = 2) -> tuple[dict, dict]:
    """두 사이트의 첫 글자 지연을 번갈아 잰다: 같은 컴퓨터의 다른 일이 한쪽에만 몰리지 않게."""
    samples: dict[str, list[float]] = {ours_url: [], stock_url: []}
    contexts = {url: browser.new_context(locale="ko-KR") for url in samples}
    try:
        for context in contexts.values():
            context.add_init_script(PROBE)
        for round_ in range(rounds):
            for key in FIRST_KEYS:
                order = (ours_url, stock_url) if round_ % 2 == 0 else (stock_url, ours_url)
                for url in order:
                    samples[url].append(first_keystroke_ms(contexts[url], url, key))
    finally:
        for context in contexts.values():
            context.close()
    return summary(samples[ours_url]), summary(samples[stock_url])


def summary(values: list[float]) -> dict:
    ordered = sorted(values)
    return {
        "median": round(statistics.median(ordered), 1),
        "p90": round(ordered[min(len(ordered) - 1, int(0.9 * len(ordered)))], 1),
        "max": round(ordered[-1], 1),
        "samples": len(ordered),
    }


def open_search(page, url: str) -> float:
    """첫 페이지를 열고 검색 창에 들어가 색인이 준비될 때까지 기다린다. 준비까지 걸린 시간(ms)을 돌려준다.

    우리 사이트는 검색 창에 들어갈 때 색인을 받기 시작하므로(search-prepare.js) 초점을 먼저 옮긴다."""
    page.goto(url)
    page.locator(".md-search__input").focus()
    page.wait_for_function(
        "() => window.__searchProbe.ready !== null && window.__searchProbe.done > 0"
    )
    return page.evaluate("() => window.__searchProbe.ready")


def first_keystroke_ms(context, url: str, key: str) -> float:
    """새 페이지에서 색인이 준비된 뒤 첫 글자를 치고 결과가 그려질 때까지의 시간(ms)."""
    page = context.new_page()
    try:
        open_search(page, url)
        box = page.locator(".md-search__input")
        if key.isascii():
            box.press(key)  # keydown, input, keyup
        else:
            page.keyboard.insert_text(key)  # 한글 입력기가 글자를 확정하는 것처럼 input 만 오고
            box.press("End")  # keyup 은 다음 키에서 온다
        page.wait_for_function(ANSWERED, arg=key)
        return page.evaluate("() => window.__searchProbe.shown - window.__searchProbe.keyup")
    finally:
        page.close()


def search(page, query: str, url: str) -> tuple[list[str], bool, float]:
    """검색 창을 비우고 query 를 쳐서, 결과 목록의 페이지(중복 없이, 차례대로)와 첫 결과의 강조 여부를 읽는다."""
    box = page.locator(".md-search__input")
    for text in ("", query):
        box.fill("")
        if text:
            box.press_sequentially(text)
        box.press("End")
        page.wait_for_function(ANSWERED, arg=text)
    items = page.eval_on_selector_all(".md-search-result__list > li", RESULT_PAGES)
    latency = page.evaluate("() => window.__searchProbe.shown - window.__searchProbe.sentAt")
    pages = []
    for item in items:
        path = urlparse(item["href"]).path[len(urlparse(url).path) :]
        if path not in pages:
            pages.append(path)
    return pages, bool(items and items[0]["marked"]), round(latency, 1)


def site_path(doc: str) -> str:
    """docs/ 기준 경로를 사이트 주소로: dl/attention.md → dl/attention/, index.md → ''."""
    stem = doc.rsplit(".", 1)[0]
    if stem == "index":
        return ""
    return stem[: -len("index")] if stem.endswith("/index") else stem + "/"


def score(item: dict, found: list[str]) -> dict:
    expected = [site_path(p) for p in item["pages"]]
    top5 = found[:5]
    rank = next((i + 1 for i, p in enumerate(found) if p in expected), None)
    return {
        "kind": item["kind"],
        "expected": expected,
        "pages": found[:10],
        "recall@5": sum(p in top5 for p in expected) / len(expected) if expected else None,
        "hit@1": float(bool(found) and found[0] in expected) if expected else None,
        "rr": 1 / rank if rank else 0.0,
    }


def mean(values) -> float:
    values = list(values)
    return round(sum(values) / len(values), 4) if values else 0.0


def by_kind(results: dict) -> dict:
    kinds: dict[str, dict] = {}
    for kind in dict.fromkeys(r["kind"] for r in results.values()):
        rows = [r for r in results.values() if r["kind"] == kind]
        if kind == "none":
            kinds[kind] = {"queries": len(rows), "with_results": sum(1 for r in rows if r["pages"])}
        else:
            kinds[kind] = {
                "queries": len(rows),
                "recall@5": mean(r["recall@5"] for r in rows),
                "hit@1": mean(r["hit@1"] for r in rows),
                "mrr": mean(r["rr"] for r in rows),
            }
    return kinds


def first_not_top(report: dict) -> dict:
    return {
        q: r["pages"][:3] for q, r in report["results"].items() if r["expected"] and r["hit@1"] < 1
    }


def print_report(ours: dict, stock: dict) -> None:
    rows = [
        ("recall@5", "recall@5", "{:.3f}"),
        ("hit@1", "hit@1", "{:.3f}"),
        ("MRR", "mrr", "{:.3f}"),
        ("없는 주제에 결과", "off_topic_with_results", "{}"),
        ("미리보기 강조 비율", "highlight_rate", "{:.3f}"),
        ("검색 파일 (bytes)", "index_bytes", "{:,}"),
        ("검색 파일 gzip", "index_gzip_bytes", "{:,}"),
        ("색인 준비 (ms)", "index_ready_ms", "{}"),
    ]
    print(f"\n한국어 검색 골드 세트 {ours['queries']}개 질의 — 우리 / 기본 Material")
    for label, key, fmt in rows:
        print(f"  {label:<20} {fmt.format(ours[key]):>10} / {fmt.format(stock[key]):>10}")
    for label, key in (("첫 글자 지연 (ms)", "first_keystroke_ms"), ("질의 지연 (ms)", "query_ms")):
        a, b = ours[key], stock[key]
        print(
            f"  {label:<20} 중앙값 {a['median']} (p90 {a['p90']}) / 중앙값 {b['median']} (p90 {b['p90']})"
        )
    print(f"  검색 파일 gzip 비율  {ours['index_gzip_bytes'] / stock['index_gzip_bytes']:.2f}×")
    for kind, row in ours["by_kind"].items():
        other = stock["by_kind"][kind]
        if kind == "none":
            print(
                f"  [{kind}] 결과가 나온 질의 {row['with_results']} / {other['with_results']} (전체 {row['queries']})"
            )
        else:
            print(
                f"  [{kind}] recall@5 {row['recall@5']:.2f} / {other['recall@5']:.2f}, MRR {row['mrr']:.2f} / {other['mrr']:.2f}"
            )
    print(f"  지표 파일: {ARTIFACT.relative_to(ROOT)}")

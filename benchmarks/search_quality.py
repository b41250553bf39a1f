"""검색 품질을 질의 파일(split) 하나로 잰다: 실제 검색 창에 하나씩 쳐 넣고 recall@5, hit@1, MRR, 사이트에 없는
주제에 결과가 나온 질의 수를 찍는다. 브라우저 테스트(tests/browser/test_search.py)와 같은 측정 코드를 쓴다.

    # 사이트를 빌드해서 잰다 (빌드 1~3분)
    .venv/bin/python benchmarks/search_quality.py --split tests/search/dev.yml
    # 이미 빌드한 사이트를 다시 쓴다 (JS 만 고칠 때: 빌드 뒤 overrides 의 워커를 사이트에 복사해 둔다)
    .venv/bin/python benchmarks/search_quality.py --site /tmp/site-search \
        --split tests/search/gold.yml --split tests/search/dev.yml
    # 기본 Material 검색(KOREAN_SEARCH=0 으로 빌드)도 곁에 잰다
    .venv/bin/python benchmarks/search_quality.py --split tests/search/dev.yml --stock

split 파일 형식은 tests/search/gold.yml 과 같다(q, pages, kind). 못 찾은 질의와 맨 위가 아닌 질의,
사이트에 없는 주제인데 결과가 나온 질의를 함께 찍는다. --out 을 주면 지표 전체를 JSON 으로 쓴다.
Chromium 은 tests/conftest.py 와 같은 것(/usr/bin/chromium, CHROMIUM_PATH 로 바꿀 수 있다)을 쓴다.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.browser import survey  # noqa: E402
from tests.browser.static_server import serve  # noqa: E402
from tests.browser.test_search import measure  # noqa: E402
from tests.conftest import CHROMIUM, CHROMIUM_FLAGS  # noqa: E402


def load_split(path: Path) -> list[dict]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))["queries"]


def build(site: Path, korean: bool = True) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "KOREAN_SEARCH": "1" if korean else "0"}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        sys.exit(f"빌드 실패:\n{result.stdout}\n{result.stderr}")


def measure_splits(browser, site: Path, splits: dict[str, list[dict]]) -> dict[str, dict]:
    server, url = serve(site, survey.site_prefix())
    try:
        return {name: measure(browser, site, url, queries) for name, queries in splits.items()}
    finally:
        server.shutdown()


def summary_lines(name: str, report: dict) -> list[str]:
    results = report["results"]
    judged = [r for r in results.values() if r["expected"]]
    off = [q for q, r in results.items() if not r["expected"]]
    lines = [
        f"{name}: 질의 {report['queries']}개 (찾을 것 {len(judged)}, 없는 주제 {len(off)})",
        f"  recall@5 {report['recall@5']:.3f}  hit@1 {report['hit@1']:.3f}  MRR {report['mrr']:.3f}"
        f"  없는 주제에 결과 {report['off_topic_with_results']}/{len(off)}",
    ]
    for kind, row in report["by_kind"].items():
        if kind == "none":
            continue
        lines.append(
            f"  [{kind}] {row['queries']}개 recall@5 {row['recall@5']:.2f} hit@1 {row['hit@1']:.2f}"
        )
    for q, r in results.items():
        if r["expected"] and r["recall@5"] < 1:
            lines.append(f"  못 찾음   {q!r}: 기대 {r['expected']}, 결과 {r['pages'][:5]}")
        elif r["expected"] and r["hit@1"] < 1:
            lines.append(f"  맨 위 아님 {q!r}: 기대 {r['expected']}, 결과 {r['pages'][:3]}")
        elif not r["expected"] and r["pages"]:
            lines.append(f"  없는 주제에 결과 {q!r}: {r['pages'][:5]}")
    return lines


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--split", action="append", type=Path, required=True, help="질의 파일 (여러 번 줄 수 있다)"
    )
    parser.add_argument("--site", type=Path, help="이미 빌드한 사이트 폴더 (없으면 새로 빌드한다)")
    parser.add_argument("--stock", action="store_true", help="기본 Material 검색도 빌드해서 잰다")
    parser.add_argument("--out", type=Path, help="지표를 JSON 으로 쓸 파일")
    args = parser.parse_args(argv)

    splits = {str(path): load_split(path) for path in args.split}
    if not CHROMIUM.exists():
        sys.exit(f"Chromium 이 없습니다({CHROMIUM}) — 'apt-get install chromium' 으로 설치하세요")
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="search-quality-") as tmp:
        sites = {"ours": args.site}
        if args.site is None:
            sites["ours"] = Path(tmp) / "ours"
            build(sites["ours"])
        if args.stock:
            sites["stock"] = Path(tmp) / "stock"
            build(sites["stock"], korean=False)
        report: dict[str, dict] = {}
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
            try:
                for label, site in sites.items():
                    report[label] = measure_splits(browser, site, splits)
            finally:
                browser.close()

    for label, per_split in report.items():
        print(f"== {label} ==")
        for name, metrics in per_split.items():
            print("\n".join(summary_lines(name, metrics)))
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

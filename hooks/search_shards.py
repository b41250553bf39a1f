"""검색 색인을 조각으로 나눈다: 질의 하나는 그 질의에 필요한 조각만 받는다.

Material 은 검색 색인(search/search_index.json) 하나를 통째로 받아 브라우저의 워커에서 lunr 색인을 만든 뒤에야
첫 결과를 낸다. 노트가 1,000개면 색인이 10 MB 를 넘고, 받고 만드는 데 몇 초가 걸린다. 이 훅은
hooks/korean_search.py 가 숨은 검색어와 질의 규칙을 더한 색인을 빌드 때 미리 색인해서 다음 파일로 나눈다.

    search/search_index.json   Material 이 받는 파일. config 만 남고 docs 는 비어 있다(config.shards 에 판 번호)
    search/lexicon.json        질의 규칙(config.korean): 워커가 질의를 정규화할 때 쓴다
    search/docs.json           절마다 [주소, 제목, 태그, 무게]와 조각 목록(manifest)
    search/terms/<n>.json      낱말 → [절 번호 차이, 점수×1000, ...]. 낱말의 첫 글자(크면 두 글자)로 나눈다
    search/pages/<n>.json      n 번째 페이지의 절 본문들: 결과 미리보기를 그릴 때만 받는다

브라우저(overrides/assets/javascripts/workers/shard-search.js)는 질의의 낱말이 든 조각만 받아 점수를 더하고,
위쪽 결과의 미리보기에 쓸 페이지 본문만 받는다.

점수는 Material 이 lunr 로 매기는 것과 같게 미리 계산한다. Material 은 lunr 색인을 b = 0(길이 보정 없음)으로
만들고, 필드마다 무게(제목 1000, 본문 1 ...)를 준다. 낱말 t 가 절 d 의 필드 f 에 tf 번 나오면 lunr 의 필드
벡터 값은 round3(idf(t) · 2.2·tf / (1.2 + tf) · 필드 무게 · 절 무게)이고, idf(t) = ln(1 + |(N − n + 0.5) /
(n + 0.5)|)(n 은 t 가 든 (절, 필드) 수, N 은 절 수)다. 질의 점수는 질의 벡터와 필드 벡터의 내적이므로 필드를
미리 더해 둘 수 있다: 낱말마다 절 d 의 점수 W(t, d) = Σ_f 필드 벡터 값.
낱말을 나누는 방법도 Material 과 같다: 태그를 뺀 글을 검색 구분자(config.separator)로 자르고 소문자로.
"""

from __future__ import annotations

import hashlib
import json
import logging
import math
import re
import shutil
import threading
from collections import Counter, defaultdict
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

try:  # pytest 와 `python -m mkdocs` 에서는 저장소 루트가 sys.path 에 있다
    from hooks.korean_search import CACHE_DIR, atomic_write, enabled, index_path
except ImportError:  # `mkdocs` 명령은 훅을 읽는 동안 hooks/ 를 sys.path 에 넣는다
    from korean_search import CACHE_DIR, atomic_write, enabled, index_path

# lunr 의 BM25 상수. Material 은 b 를 0 으로 둔다(절 길이로 보정하지 않는다).
K1 = 1.2
# 조각 파일 하나의 크기(압축 전). 작을수록 질의가 덜 받고, 클수록 요청이 적다.
SHARD_BYTES = 40_000
TAG = re.compile(r"<[^>]*>")
log = logging.getLogger("mkdocs.hooks.search_shards")


# mkdocs serve 에서는 조각을 다시 불러오기 뒤에 쓴다(아래). 그 일을 하는 스레드.
serving = False
writer: threading.Thread | None = None


def on_startup(command, dirty):
    global serving
    serving = command == "serve"


def on_pre_build(config):
    wait_for_writer()  # 지난 빌드의 조각을 다 쓴 뒤에 새 빌드를 시작한다


def on_shutdown():
    wait_for_writer()


@event_priority(-110)  # hooks/korean_search.py(-100)가 색인에 숨은 필드와 질의 규칙을 더한 다음
def on_post_build(config):
    global writer
    if not enabled():
        return
    path = index_path(config)
    if not serving:
        write_shards(path)
        return
    # mkdocs serve: 노트 1,000개에서 조각 쓰기는 2~3초다. 고친 페이지가 그만큼 늦게 보이지 않도록 브라우저를 다시
    # 불러오게 두고 조각은 뒤에서 쓴다. 그 사이의 검색은 지난 조각으로 찾는다.
    writer = threading.Thread(target=write_in_background, args=(path,), daemon=True)
    writer.start()


def write_in_background(path: Path) -> None:
    try:
        stats = write_shards(path)
        log.info(
            "검색 조각: 절 %d개, 낱말 %d개, 조각 파일 %d개",
            stats["docs"],
            stats["terms"],
            stats["files"],
        )
    except Exception:  # 스레드의 예외는 빌드를 멈추지 못하므로 크게 알린다
        log.exception("검색 조각을 쓰지 못했습니다: 검색이 지난 빌드의 조각으로 찾습니다")


def wait_for_writer() -> None:
    if writer is not None:
        writer.join()


# ---------------------------------------------------------------------------
# 낱말과 점수
# ---------------------------------------------------------------------------


def tokens(value, separator: re.Pattern) -> list[str]:
    """필드 값 하나(HTML 글, 또는 태그 목록)의 낱말: Material 의 검색 워커가 색인에 넣는 것과 같다."""
    if value is None:
        return []
    values = value if isinstance(value, list) else [value]
    found = []
    for text in values:
        for piece in TAG.split(text):
            found += [word.lower() for word in separator.split(piece) if word]
    return found


def lunr_round(value: float) -> float:
    """JavaScript 의 Math.round(x * 1000) / 1000 (반올림 방향까지 같게)."""
    return math.floor(value * 1000 + 0.5) / 1000


def term_scores(docs: list[dict], config: dict) -> dict[str, dict[int, int]]:
    """낱말 → {절 번호: W × 1000(정수)}. W 는 lunr 가 그 절의 모든 필드 벡터에 줄 값의 합이다."""
    separator = re.compile(config.get("separator", r"[\s\-]+"))
    boosts = {name: (spec or {}).get("boost") or 1 for name, spec in config["fields"].items()}
    counts: list[tuple[int, str, Counter]] = []
    having: Counter = Counter()  # 낱말이 든 (절, 필드) 수
    for number, doc in enumerate(docs):
        for field in boosts:
            found = Counter(tokens(doc.get(field), separator))
            if found:
                counts.append((number, field, found))
                having.update(found.keys())
    total = len(docs)
    idf = {term: math.log(1 + abs((total - n + 0.5) / (n + 0.5))) for term, n in having.items()}
    scores: dict[str, dict[int, float]] = defaultdict(dict)
    for number, field, found in counts:
        weight = boosts[field] * (docs[number].get("boost") or 1)
        for term, tf in found.items():
            value = lunr_round(idf[term] * (K1 + 1) * tf / (K1 + tf) * weight)
            per_doc = scores[term]
            per_doc[number] = per_doc.get(number, 0.0) + value
    return {
        term: {number: round(value * 1000) for number, value in per_doc.items()}
        for term, per_doc in scores.items()
    }


# ---------------------------------------------------------------------------
# 조각
# ---------------------------------------------------------------------------


def encoded(per_doc: dict[int, int]) -> list[int]:
    """[절 번호 차이, 점수, 절 번호 차이, 점수, ...]: 번호를 차이로 적으면 파일이 작다."""
    flat, previous = [], 0
    for number in sorted(per_doc):
        flat += [number - previous, per_doc[number]]
        previous = number
    return flat


def shard_groups(postings: dict[str, list[int]]) -> dict[str, dict[str, list[int]]]:
    """낱말을 첫 글자로 묶고, 묶음이 SHARD_BYTES 보다 크면 두 글자로 나눈다.

    열쇠: 첫 글자 c 로만 묶은 것은 "c", 두 글자로 나눈 것은 "c" + 둘째 글자, c 한 글자뿐인 낱말은 "c" + " ".
    """
    by_first: dict[str, dict[str, list[int]]] = defaultdict(dict)
    for term, flat in postings.items():
        by_first[term[0]][term] = flat
    groups = {}
    for first, terms in by_first.items():
        if size_of(terms) <= SHARD_BYTES:
            groups[first] = terms
            continue
        for term, flat in terms.items():
            groups.setdefault(first + (term[1] if len(term) > 1 else " "), {})[term] = flat
    return groups


def size_of(terms: dict) -> int:
    return len(compact(terms).encode("utf-8"))


def compact(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def pack(groups: dict[str, dict]) -> tuple[list[dict], dict[str, int]]:
    """작은 묶음들을 열쇠 차례대로 SHARD_BYTES 까지 한 파일에 담는다: (파일들, 열쇠 → 파일 번호)."""
    files: list[dict] = []
    where: dict[str, int] = {}
    current: dict = {}
    current_bytes = 0
    for key in sorted(groups):
        size = size_of(groups[key])
        if current and current_bytes + size > SHARD_BYTES:
            files.append(current)
            current, current_bytes = {}, 0
        current.update(groups[key])
        current_bytes += size
        where[key] = len(files)
    if current:
        files.append(current)
    return files, where


def manifest(where: dict[str, int]) -> dict:
    """브라우저가 낱말의 조각 파일을 찾는 표: chars[c] 또는 pairs[c][둘째 글자]("" 는 c 한 글자 낱말)."""
    chars, pairs = {}, defaultdict(dict)
    for key, number in where.items():
        if len(key) == 1:
            chars[key] = number
        else:
            pairs[key[0]]["" if key[1] == " " else key[1]] = number
    return {"chars": chars, "pairs": dict(pairs)}


def pages_of(docs: list[dict]) -> list[list[int]]:
    """페이지마다 그 절 번호들. Material 처럼 주소의 # 앞이 같으면 같은 페이지, 처음 나온 절이 페이지 머리다."""
    pages: dict[str, list[int]] = {}
    for number, doc in enumerate(docs):
        numbers = pages.setdefault(doc["location"].split("#")[0], [])
        if numbers and numbers[-1] != number - 1:
            # 미리보기 파일은 페이지의 절들이 이어져 있다고 본다(Material 의 search 플러그인이 그렇게 쓴다).
            raise PluginError(f"검색 색인에서 {doc['location']} 의 절들이 떨어져 있습니다")
        numbers.append(number)
    return list(pages.values())


def merge_title_section(docs: list[dict]) -> list[dict]:
    """페이지 머리 바로 뒤의 절이 머리와 제목이 같으면 머리 하나로 합친다.

    노트북은 첫 코드 셀이 제목(h1) 앞에 온다. Material 은 제목 앞의 글을 페이지 제목을 단 머리 절로, h1 을 같은
    제목의 절로 또 두어 페이지 제목이 두 번 점수를 받았다('트랜스포머'에 데모가 노트보다 먼저 나왔다). 노트는
    h1 이 맨 앞이라 이런 절이 없다.
    """
    kept: list[dict] = []
    merged_into: set[int] = set()
    for doc in docs:
        head = kept[-1] if kept else None
        if (
            head is not None
            and len(kept) - 1 not in merged_into
            and "#" not in head["location"]
            and doc["location"].startswith(head["location"] + "#")
            and doc["title"] == head["title"]
        ):
            merged = dict(head)
            for key, value in doc.items():
                if key not in ("location", "title", "tags", "boost") and isinstance(value, str):
                    merged[key] = f"{head[key]} {value}" if head.get(key) else value
            kept[-1] = merged
            merged_into.add(len(kept) - 1)
        else:
            kept.append(doc)
    return kept


def merge_repeated(docs: list[dict]) -> tuple[list[dict], list[int]]:
    """주소가 같은 절이 또 나오면 뒤의 것이 앞의 것을 대신한다: (절들, 대신 들어간 절 번호들).

    노트북 페이지는 제목(h1)에 id 가 없어 페이지 머리와 주소가 같은 절이 하나 더 생긴다. Material 의 lunr 색인도
    주소를 열쇠로 쓰므로 뒤의 절이 앞의 것을 덮고, 그 절은 페이지 머리로 치지 않는다(머리 점수를 받지 않는다).
    """
    where: dict[str, int] = {}
    kept: list[dict] = []
    replaced: list[int] = []
    for doc in docs:
        if doc["location"] in where:
            number = where[doc["location"]]
            kept[number] = doc
            replaced.append(number)
        else:
            where[doc["location"]] = len(kept)
            kept.append(doc)
    return kept, replaced


def write_shards(path: Path, cache_dir: Path | None = CACHE_DIR) -> dict:
    """search_index.json 을 조각 파일들로 나누고, search_index.json 에는 config 만 남긴다.

    색인과 이 훅이 지난 빌드와 같으면 지난 결과(cache_dir/shards.json)를 그대로 쓴다: 노트 1,000개에서 점수
    계산이 2초쯤 걸리는데, 데워진 빌드는 해시 한 번과 파일 쓰기로 끝난다.
    """
    raw = path.read_bytes()
    key = hashlib.sha256(Path(__file__).read_bytes() + b"\0" + raw).hexdigest()
    cache = cache_dir / "shards.json" if cache_dir else None
    try:
        cached = json.loads(cache.read_text(encoding="utf-8")) if cache else {}
    except (OSError, ValueError):
        cached = {}
    if cached.get("key") != key:
        outputs, index_text, stats = shard_outputs(path, json.loads(raw))
        cached = {"key": key, "outputs": outputs, "index": index_text, "stats": stats}
        if cache:
            atomic_write(cache, json.dumps(cached, ensure_ascii=False))
    folder = path.parent
    for sub in ("terms", "pages"):
        shutil.rmtree(folder / sub, ignore_errors=True)
        (folder / sub).mkdir()
    for name, text in cached["outputs"].items():
        (folder / name).write_text(text, encoding="utf-8")
    path.write_text(cached["index"], encoding="utf-8")
    return cached["stats"]


def shard_outputs(path: Path, index: dict) -> tuple[dict[str, str], str, dict]:
    """색인 하나의 조각 파일들(이름 → 글), config 만 남은 search_index.json 의 글, 통계."""
    config = index["config"]
    docs, replaced = merge_repeated(merge_title_section(index["docs"]))
    if "korean" not in config:
        raise PluginError(
            f"{path}: config.korean(질의 규칙)이 없습니다 — hooks/korean_search.py 가 먼저 돌아야 합니다"
        )
    lexicon = config.pop("korean")
    postings = {term: encoded(per_doc) for term, per_doc in term_scores(docs, config).items()}
    files, where = pack(shard_groups(postings))
    pages = pages_of(docs)
    meta = {
        "docs": [
            [doc["location"], doc["title"], doc.get("tags") or 0, doc.get("boost") or 0]
            for doc in docs
        ],
        "pages": [numbers[0] for numbers in pages],
        "not_articles": replaced,
        "shards": manifest(where),
    }
    outputs = {
        "lexicon.json": compact(lexicon),
        "docs.json": compact(meta),
        **{f"terms/{n}.json": compact(terms) for n, terms in enumerate(files)},
        **{
            f"pages/{n}.json": compact([docs[number]["text"] for number in numbers])
            for n, numbers in enumerate(pages)
        },
    }
    version = hashlib.sha256(
        "".join(name + "\0" + text for name, text in sorted(outputs.items())).encode("utf-8")
    ).hexdigest()[:12]
    config["shards"] = {"version": version, "docs": len(docs), "fields": list(config["fields"])}
    index["docs"] = []
    stats = {"docs": len(docs), "terms": len(postings), "files": len(files), "pages": len(pages)}
    return outputs, compact(index), stats


def load_docs(site: Path) -> list[dict]:
    """조각 파일에서 색인의 절들(location, title, text, tags)을 다시 모은다: 테스트와 도구가 쓴다."""
    search = site / "search"
    meta = json.loads((search / "docs.json").read_text(encoding="utf-8"))
    docs = [
        {"location": location, "title": title, **({"tags": tags} if tags else {})}
        for location, title, tags, _boost in meta["docs"]
    ]
    starts = meta["pages"] + [len(docs)]
    for n, (start, end) in enumerate(zip(starts, starts[1:], strict=False)):
        texts = json.loads((search / "pages" / f"{n}.json").read_text(encoding="utf-8"))
        for doc, text in zip(docs[start:end], texts, strict=True):
            doc["text"] = text
    return docs

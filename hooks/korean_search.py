"""한국어 검색 훅: Material 검색 색인의 절마다 화면에 보이지 않는 검색어 필드를 붙인다.

Material 의 검색 워커는 색인의 `config.fields`에 적힌 필드를 모두 색인하지만, 결과 미리보기에는
title, text, tags 만 그린다. 그래서 형태소 분석으로 얻은 검색어를 `keywords`(본문에서, 본문의 무게)와
`title_keywords`(제목에서, 제목의 무게) 필드에 넣으면 찾을 때는 쓰이고 화면에는 보이지 않는다.
보이는 글(title, text)은 한 글자도 바꾸지 않는다.

숨은 필드에 들어가는 것 (보이는 글의 낱말이 이미 그 말로 시작하면 빼서 색인을 줄인다):
- 내용 형태소, 조사와 어미를 뗀 어간: 어텐션은 → 어텐션, 정규화하는 → 정규화, 나뉜다 → 나뉘
- 사이트 어휘로 확인한 합성어 조각: 멀티헤드어텐션 → 멀티헤드, 어텐션, 헤드
- 띄어 쓴 명사구를 붙여 쓴 꼴: 층 정규화 → 층정규화
- 용어집(data/glossary.yml) 동의어: 배치 정규화 ↔ batch normalization ↔ BN, 자비에르 ↔ xavier
- 코드 이름 조각: nn.BatchNorm1d → nn, batchnorm1d, batch, norm; kaiming_normal_ → kaiming, normal;
  **kwargs → kwargs
- 기호의 한글 이름: γ → 감마, √ → 루트, ² → 제곱 (SYMBOL_NAMES)
- 수의 다른 꼴: 3052 → 삼천오십이, 1.414 → 일점사일사, 삼천오십이 → 3052. 읽기는 프로젝트의 숫자 읽기
  (snippets/transformer/numerals.py 의 read_korean)가 한다.

브라우저로는 외래어 표(config.korean.loanwords)도 보낸다. 영어 낱말의 철자를 외래어 표기의 거친 소리 꼴
(열쇠, loanword_key)로 바꾼 것이라, 노트가 weight initialization 으로만 쓴 말을 '웨이트 이니셜라이제이션'으로
쳐도 찾는다. 같은 열쇠로 사이트의 한글 낱말도 묶으므로 다른 표기(래이어 → 레이어, 노말 → 노멀)도 찾는다.

순위도 두 군데 고친다: 태그의 무게(Material 은 1e6)를 제목과 같게 낮추고, 용어집 페이지의 검색 무게를
낮춘다(on_page_markdown). 둘 다 이유는 그 자리에 적었다. 용어집 페이지의 주소는 config.korean.reference 로
보내, 워커가 용어집의 용어 절(hooks/glossary.py 가 용어마다 나눈 절)을 첫 결과로 두지 않게 한다.

질의 규칙에는 kiwipiepy 가 동사·형용사 어간으로 읽는 한 음절(넣, 작, 받 …)도 싣는다(predicate_stems):
워커가 사이트에 없는 두 음절 낱말이 서술어(넣고)인지 다른 분야의 명사(장고)인지 가를 때 쓴다.

브라우저 쪽(overrides/assets/javascripts/workers/korean-search.js)은 읽는 이가 친 질의를 같은 방식으로
정규화한다. 그 규칙(사이트 어휘, 조사·어미 목록, 불규칙 활용형, 합성어 조각, 질문 말투)은 이 훅이 색인의
`config.korean`에 싣고, hooks/search_shards.py 가 색인을 조각으로 나누며 search/lexicon.json 으로 옮긴다.
서버는 없다.

형태소 분석(kiwipiepy)의 결과는 절 글의 해시(+ kiwipiepy 버전 + 용어집 해시)를 키로
.cache/search/analysis.json 에 캐시한다. 캐시가 모두 맞으면 kiwipiepy 를 import 하지도 않는다.
색인과 이 훅이 지난 빌드와 같으면 지난 결과(.cache/search/index.json)를 그대로 쓴다.
환경 변수 KOREAN_SEARCH=0 이면 이 훅은 아무것도 하지 않는다: 기본 Material 검색과 비교할 때 쓴다.

분석기 선택: benchmarks/compare_analyzers.py 로 kiwipiepy, python-mecab-ko, mecab-ko, pecab, soynlp,
konlpy(Okt)를 골드 세트의 질의 50개에서 비교했다. 사전을 그대로 쓰면 kiwipiepy(48/50, 합성어 4/9)는 mecab
계열(48/50, 7~8/9)과 비슷하고 더 느리다. pecab 은 가장 정확했지만(50/50, 9/9) 초당 1,300자 남짓이라 노트 전체에
1분이 걸린다. kiwipiepy 는 pip 하나로 모델까지 깔리고, 용어집 낱말을 실행 중에 사용자 사전으로 넣으면(아래
add_user_word) 50/50, 합성어 8/9 가 된다. 분석은 빌드 때 한 번이고 캐시되므로 적재 시간(약 2초)과 메모리는
읽는 이에게 닿지 않는다.
"""

from __future__ import annotations

import bisect
import functools
import hashlib
import html
import itertools
import json
import logging
import os
import re
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

try:  # pytest 와 `python -m mkdocs` 에서는 저장소 루트가 sys.path 에 있다
    from hooks.glossary import (
        GLOSSARY_FILE,
        REFERENCE_KEY,
        TABLE_MARKER,
        load_terms,
        split_glossary_in_index,
    )
except ImportError:  # `mkdocs` 명령은 훅을 읽는 동안 hooks/ 를 sys.path 에 넣는다
    from glossary import (
        GLOSSARY_FILE,
        REFERENCE_KEY,
        TABLE_MARKER,
        load_terms,
        split_glossary_in_index,
    )

ROOT = Path(__file__).resolve().parent.parent
CACHE_DIR = ROOT / ".cache" / "search"
SWITCH = "KOREAN_SEARCH"  # "0" 이면 끈다
BODY_FIELD = "keywords"  # 본문에서 얻은 숨은 검색어
TITLE_FIELD = "title_keywords"  # 제목에서 얻은 숨은 검색어
# 용어집 페이지의 검색 무게 (Material 의 front matter `search.boost` 와 같은 것). 아래 on_page_markdown 참고.
GLOSSARY_BOOST = 0.3
# 분석 방식(형태소 정리 규칙)이 바뀌면 올린다: 캐시 키에 들어간다.
ANALYSIS_VERSION = "1"

log = logging.getLogger("mkdocs.hooks.korean_search")

# 내용어로 보는 품사 (세종 품사 태그): 일반·고유 명사, 수사, 어근, 한자, 동사·형용사 어간.
# 영어(SL)는 형태소 분석 대신 정규식(code_words, LATIN_WORD)으로 뽑는다.
NOUN_TAGS = {"NNG", "NNP", "NR", "XR", "SH"}
STEM_TAGS = {"VV", "VA"}
# 명사 뒤에 붙어 새 명사를 만드는 접미사: 정규/NNG + 화/XSN → 정규화
NOUN_SUFFIXES = {"화", "성", "량", "율", "률", "값", "층", "형", "식", "기"}
# 검색어로 쓸모없는 흔한 어간
STEM_STOP = frozenset("하 되 있 없 않 같 이 아니 보 주 받 두 들 나 오 가 말".split())
PYTHON_WORDS = frozenset(
    """
    and as assert break class continue def del elif else except false finally for from global if
    import in is lambda none nonlocal not or pass raise return true try while with yield self
    """.split()
)
CODE_NAME = re.compile(r"\*{0,2}[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*")
CAMEL_PART = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+")
HANGUL = re.compile(r"[가-힣]")
LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z0-9]*")
CODE_SPAN = re.compile(r"<code>(.*?)</code>", re.S)
TAG = re.compile(r"<[^>]+>")
SEPARATOR = re.compile(r"[\s\-]+")  # Material 의 한국어 검색 구분자 (search.config.separator)
BLOCK_TAG = re.compile(r"</?(?:p|li|ol|ul|pre)>")

Eojeol = tuple  # (어절 표면형, [(형태, 품사), ...]): 띄어쓰기 한 덩이의 분석 결과

# 질의에서 뗄 조사와 어미. 사이트 글에서 두 번 이상 본 것을 더해 브라우저로 보낸다(browser_lexicon).
BASE_SUFFIXES = """
은 는 이 가 을 를 의 에 에서 에게 께 로 으로 와 과 도 만 까지 부터 보다 처럼 마다 이나 나 이란 란
이라 라 이라는 라는 이라고 라고 에는 에서는 으로는 로는 와는 과는 에도 에서도 으로도 로도 만으로 만의
이며 며 이고 이다 입니다 이면 인가 인가요 일까 이요 로서 으로서 로써 으로써 조차 뿐 이든 든 에서의 으로의
로의 과의 와의 끼리 들 들은 들이 들을 들의 이랑 랑 한테
예요 이에요 에요 이야 야 인지 일까요 이죠 죠 인데 인데요 입니까
하는 하다 한다 했다 하면 하고 하여 해서 해 하기 하기에 하는데 하지 할 함 합니다 하나 하나요 할까 하려면
된다 되는 되어 돼 되면 되고 됨 되나 시키는 시킨다 시켜 적 적인 적으로
는 은 다 고 게 지 기 음 면 으면 서 어 아 여 었다 았다 는다 는지 을까 니 나요 까 요 려면 으려면 도록 냐 는가 을지
줘 줘요 주세요 해줘 해줘요 해주세요 임 법 좀
면서 하면서 는거 하는거 는게 하는게 을때 했을때 할때 인듯 듯 는데 은데 했는데 하던 해도 됐을때 될때
는법 하는법 는방법 하는방법 는건 하는건 건 라서 이라서 에선 으론 론 땐 때 때는 때도
""".split()
SUFFIX_SET = frozenset(BASE_SUFFIXES)
SHORT_LATIN = re.compile(r"[a-z]{2}")  # 브라우저가 통째로만 찾는 두 글자 영어 낱말
# 질문 말투: 질의에서 빼고 본다 (다른 낱말이 하나도 없으면 남긴다)
QUERY_STOP = """
왜 어떻게 어떤 무엇 뭐 뭔가 뭘 언제 어디 누가 누구 어느 무슨 얼마나 몇 것 수 때 등 좀 잘 더 그 이 저
차이 차이점 방법 이유 의미 뜻 알려 설명 하 되 있 없 같 않 안 못 쓰 써 해 돼 나 가 요 맞 좋 다르
종류 사용법 법 두개 세개 여러 가지 어케 어캐 어떡해 궁금 궁금해 머
양끝 양쪽 한쪽 양옆 앞쪽 뒤쪽 위쪽 아래쪽 안쪽 바깥쪽 끝쪽
뭐뭐 머머 뭐임 머임 여러개 몇개 일반 이거 이게 이런 저런 그런 그거 요거 뭔뜻 무슨뜻 뭔지 때문 계속 직접 그냥 바로 제대로 대충 항상 자주 정말 너무 진짜 완전 먼저 다시 따로 결국 보통 주로
특히 아예 혹시
했을때 할때 하는거 하는게 인듯 될때 안될때 됐을때 경우 하면 하는 했는데
how what why when where which who to is are was be the a an of in on for with and or vs versus do does
can use using difference between must should by not no it this that
""".split()
# 읽는 이가 원하는 것(소개, 요약, 장단점…)이나 하려는 일(추가, 구현, 방지…)을 말하는 낱말과
# 파이썬의 상수. 사이트에 없어도 주제 밖의 근거로 세지 않는다(사이트에 있으면 여느 낱말처럼 찾는다):
# '이 사이트 소개', 'is_available() False', '노트 추가'.
QUERY_INTENT = """
소개 요약 정리 총정리 핵심 개념 정의 원리 예시 예제 장점 단점 장단점 비교 기초 입문 직관 공식 쉽게
간단히 자세히 예상 문제 시험 면접 질문 답 한눈에 한영 대조 목록 모음 true false none
추가 방지 구현 적용 변경 확인 수정 삭제 작성 생성 제거 해결 활용 비유 개요 요점 도식
정리표 요약표 비교표 대응표 증명 서술 절차 과정
""".split()


# ---------------------------------------------------------------------------
# Hooks
# ---------------------------------------------------------------------------


def on_env(env, config, files):
    # overrides/main.html 이 이 값들을 보고 Material 의 검색 워커를 한국어 워커로 바꾼다.
    env.globals["korean_search"] = enabled()
    env.globals["stock_search_worker"] = stock_worker_path()
    env.globals["korean_search_worker"] = korean_worker_path()
    return env


@event_priority(50)  # hooks/glossary.py 가 표시 자리를 표로 바꾸기 전에 돈다
def on_page_markdown(markdown, page, config, files):
    # 용어집은 모든 용어를 문서 머리의 한 절에 담는다. Material 은 문서 머리 절에 점수를 2.5배쯤 더 주므로
    # '소프트맥스'를 찾으면 그 말을 설명하는 노트보다 한 줄 풀이뿐인 용어집이 먼저 나온다. 그래서 용어집 표를
    # 그리는 페이지의 검색 무게를 낮춘다. 용어집은 여전히 찾히고, 페이지가 search.boost 를 정했으면 따른다.
    if enabled() and TABLE_MARKER in markdown:
        search = page.meta.setdefault("search", {})
        if isinstance(search, dict):
            search.setdefault("boost", GLOSSARY_BOOST)
    return markdown


@event_priority(-100)  # Material 의 search 플러그인이 search_index.json 을 쓴 다음에 돈다
def on_post_build(config):
    if not enabled():
        return
    split_glossary_in_index(index_path(config))  # 용어집 표를 용어마다 한 절로(hooks/glossary.py)
    stats = augment_index(index_path(config), cache_dir=CACHE_DIR)
    log.info(
        "한국어 검색: 절 %d개, 분석 캐시 적중 %d / 새로 분석 %d",
        stats["sections"],
        stats["hits"],
        stats["misses"],
    )


# ---------------------------------------------------------------------------
# Helpers: index
# ---------------------------------------------------------------------------


def enabled() -> bool:
    return os.environ.get(SWITCH, "1") != "0"


def index_path(config) -> Path:
    """Material 의 search 플러그인이 쓴 search/search_index.json. 없으면 빌드를 멈춘다."""
    path = Path(config["site_dir"]) / "search" / "search_index.json"
    if not path.exists():
        raise PluginError(
            f"{path} 가 없습니다 — mkdocs.yml 의 plugins 에 search 가 있는지 확인하세요"
        )
    return path


WORKERS = ROOT / "overrides" / "assets" / "javascripts" / "workers"


def stock_worker_path() -> str:
    """Material 의 검색 워커 경로(assets/javascripts/workers/search.<해시>.min.js)."""
    import material

    found = sorted(
        (Path(material.__file__).parent / "templates" / "assets" / "javascripts" / "workers").glob(
            "search.*.min.js"
        )
    )
    if len(found) != 1:
        raise PluginError(
            f"Material 의 검색 워커를 하나로 찾지 못했습니다: {[p.name for p in found]} — "
            "mkdocs-material 판이 바뀌었으면 overrides/main.html 의 워커 바꾸기를 확인하세요"
        )
    return f"assets/javascripts/workers/{found[0].name}"


def korean_worker_path() -> str:
    """한국어 워커의 경로. 워커 파일들의 해시를 붙여, 고치면 브라우저가 새로 받는다."""
    digest = hashlib.sha256()
    for path in sorted(WORKERS.glob("*.js")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return f"assets/javascripts/workers/korean-search.js?v={digest.hexdigest()[:12]}"


def augment_index(path: Path, cache_dir: Path, glossary: Path = GLOSSARY_FILE) -> dict:
    """search_index.json 을 읽어 숨은 필드와 질의 규칙(config.korean)을 더해 다시 쓴다.

    - keywords: 절 본문에서 얻은 검색어. 무게는 본문(text)과 같다.
    - title_keywords: 절 제목에서 얻은 검색어. 무게는 제목(title)과 같다: '배치정규화'로 찾아도
      제목이 '배치 정규화'인 절이 제목으로 찾은 것처럼 위에 온다.
    - tags 의 무게를 제목과 같게 낮춘다 (아래 설명).
    - reference: 용어집처럼 풀이만 모은 페이지의 주소(hooks/glossary.py 가 색인의 절에 단 표시에서).
      워커는 그 페이지의 용어 절이 첫 결과이면 그 용어를 쓰는 페이지 뒤로 내린다.
    """
    raw = path.read_bytes()
    namespace = cache_namespace(glossary)
    # 색인이 지난 빌드와 한 바이트도 다르지 않으면 지난 결과를 그대로 쓴다: 따뜻한 빌드는 해시 한 번이다.
    rules = Path(__file__).read_bytes()  # 이 훅의 규칙이 바뀌어도 다시 만든다
    result_key = hashlib.sha256(namespace.encode() + b"\0" + rules + b"\0" + raw).hexdigest()
    result_file = cache_dir / "index.json"
    try:
        cached = json.loads(result_file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        cached = {}
    if cached.get("key") == result_key:
        path.write_text(cached["index"], encoding="utf-8")
        return cached["stats"] | {
            "hits": cached["stats"]["hits"] + cached["stats"]["misses"],
            "misses": 0,
        }

    index = json.loads(raw)
    docs = index["docs"]
    terms = load_terms(glossary)
    sections = [split_section(doc) for doc in docs]
    cache = AnalysisCache(cache_dir, namespace)
    analyses = cache.analyse([s.title for s in sections] + [s.body for s in sections], terms)
    titles, bodies = analyses[: len(docs)], analyses[len(docs) :]

    site = Site.build(analyses, terms)
    fields = {
        BODY_FIELD: [
            section_keywords(a, s.body, s.body_code, site)
            for a, s in zip(bodies, sections, strict=True)
        ],
        TITLE_FIELD: [
            section_keywords(a, s.title, s.title_code, site)
            for a, s in zip(titles, sections, strict=True)
        ],
    }
    known = {word for per_doc in fields.values() for words in per_doc for word in words}
    for name, per_doc in fields.items():
        for doc, words in zip(docs, per_doc, strict=True):
            # 보이는 글의 낱말이 이미 그 말로 시작하면 Material 의 앞부분 일치가 찾아 주므로 빼서 색인을 줄인다.
            visible = visible_tokens(
                doc["title"] if name == TITLE_FIELD else doc["title"] + " " + doc["text"]
            )
            # 한 글자 낱말(층, 키, 뮤)과 두 글자 영어(dk, pr)는 남긴다: 브라우저는 그것을 앞부분 일치 없이 통째로만
            # 찾는다(키 → 키워드 ×, pr → print ×). 보이는 글에는 'dk로'처럼 조사가 붙은 꼴만 있을 수 있다.
            words = [
                w
                for w in words
                if len(w) == 1 or SHORT_LATIN.fullmatch(w) or not prefix_of_any(w, visible)
            ]
            if words:
                doc[name] = " ".join(words)

    boosts = index["config"].setdefault("fields", {})
    title_boost = boosts.get("title", {}).get("boost", 1e3)
    boosts[BODY_FIELD] = {"boost": boosts.get("text", {}).get("boost", 1.0)}
    boosts[TITLE_FIELD] = {"boost": title_boost}
    # Material 은 태그에 1e6 을 준다: 태그와 맞는 낱말 하나가 다른 모든 것을 누른다. '파이토치가 GPU를 보는지
    # 확인하려면'에서 '파이토치' 태그가 붙은 노트 다섯 개가 답이 있는 '시작하기'를 밀어낸다. 제목만큼만 준다.
    boosts["tags"] = {"boost": min(boosts.get("tags", {}).get("boost", title_boost), title_boost)}
    lexicon = browser_lexicon(bodies + titles, vocabulary(known, site), site)
    lexicon["loanwords"], lexicon["weak_loanwords"] = loanword_tables(
        lexicon["vocabulary"], sections, terms
    )
    site_words = set(lexicon["vocabulary"])
    # 용어집 용어(붙여 쓴 꼴): 질의가 이 가운데 하나를 부르면 사이트의 주제다(korean-search.js 의 blocked).
    lexicon["terms"] = sorted({name for s in site.synonyms for name in s.names} & site_words)
    lexicon["reference"] = sorted({doc["location"] for doc in docs if doc.get(REFERENCE_KEY)})
    # 사이트가 대문자로 쓰는 네 글자 이하의 약어(pep, gpu): 한 음절로 친 영어(펩)는 이것으로만 푼다
    lexicon["acronyms"] = sorted(
        {
            a.lower()
            for s in sections
            for a in ACRONYM.findall(s.title + " " + s.body)
            if len(a) <= 4
        }
        & site_words
    )
    # kiwipiepy 사전에서 얻은 목록(kiwipiepy 의 버전마다 한 번 계산해 캐시): 사이트에 없는 말만 보낸다
    lexicon["predicate_stems"] = predicate_stems(cache_dir)
    lexicon["particle_nouns"] = particle_nouns(cache_dir)
    lexicon["whole_nouns"] = " ".join(whole_nouns(long_nouns(cache_dir), site_words))
    lexicon["function_words"] = " ".join(
        w for w in function_words(cache_dir).split() if w not in site_words
    )
    lexicon["code_pieces"] = code_pieces(site_words, sections)
    index["config"]["korean"] = lexicon
    text = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
    path.write_text(text, encoding="utf-8")
    stats = {"sections": len(docs), "hits": cache.hits, "misses": cache.misses}
    atomic_write(
        result_file,
        json.dumps({"key": result_key, "stats": stats, "index": text}, ensure_ascii=False),
    )
    return stats


def code_pieces(vocabulary, sections) -> list[str]:
    """코드 이름의 조각으로만 나오는 영어 낱말(select_prob 의 select): 글에도, 통째 이름으로도 쓰지 않았다.

    브라우저는 이런 낱말을 찾기는 하되 주제의 근거로 세지 않는다: 'select * 쓰면 안되는 이유'는 SQL 의 말이다.
    """
    whole, pieces = set(), set()
    for s in sections:
        whole.update(w.lower() for w in LATIN_WORD.findall(s.title + " " + s.body))
        for name in CODE_NAME.findall(s.title_code + " " + s.body_code):
            for part in name.lstrip("*").split("."):
                whole.add(part.strip("_").lower())
                snake = [p for p in part.split("_") if p]
                camel = [c for p in snake for c in CAMEL_PART.findall(p)]
                if len(snake) > 1 or len(camel) > 1:
                    pieces.update(w.lower() for w in snake + camel)
    return sorted(w for w in pieces - whole if re.fullmatch(r"[a-z]{3,}", w) and w in vocabulary)


@dataclass(frozen=True)
class Section:
    """색인의 절 하나를 분석할 글로 나눈 것: 제목과 본문 각각의 산문과 코드."""

    title: str
    title_code: str
    body: str
    body_code: str


def split_section(doc: dict) -> Section:
    return Section(*prose_and_code(doc.get("title", "")), *prose_and_code(doc.get("text", "")))


def prose_and_code(markup: str) -> tuple[str, str]:
    """색인의 HTML 조각(<p>, <li>, <code> 같은 태그가 남아 있다)을 산문과 코드로 나눈다.

    문단과 목록 항목 사이, 인라인 코드 자리에는 구두점을 넣어 명사구가 그 경계를 넘어 이어지지 않게 한다.
    """
    code = " ".join(html.unescape(TAG.sub(" ", m)) for m in CODE_SPAN.findall(markup))
    prose = BLOCK_TAG.sub(" . ", CODE_SPAN.sub(" ` ", markup))
    prose = html.unescape(TAG.sub(" ", prose))
    return " ".join(prose.split()), code


def visible_tokens(markup: str) -> list[str]:
    """Material 의 워커가 title, text 에서 만드는 검색 토큰(태그를 빼고 공백·하이픈으로 나눈 소문자), 정렬."""
    return sorted(set(SEPARATOR.split(TAG.sub(" ", markup).lower())) - {""})


def prefix_of_any(word: str, tokens: list[str]) -> bool:
    """정렬된 tokens 가운데 word 로 시작하는 것이 있는가."""
    i = bisect.bisect_left(tokens, word)
    return i < len(tokens) and tokens[i].startswith(word)


# ---------------------------------------------------------------------------
# Helpers: morphological analysis (kiwipiepy), cached
# ---------------------------------------------------------------------------


def cache_namespace(glossary: Path) -> str:
    """캐시를 무효로 만드는 것들: kiwipiepy 버전, 용어집(사용자 사전과 동의어), 이 훅의 분석 방식."""
    glossary_hash = hashlib.sha256(glossary.read_bytes()).hexdigest()[:12]
    return f"kiwipiepy-{kiwi_version()}-glossary-{glossary_hash}-v{ANALYSIS_VERSION}"


def atomic_write(target: Path, text: str) -> None:
    """여러 빌드가 동시에 써도 깨진 파일이 남지 않게 임시 파일에 쓰고 이름을 바꾼다."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(text)
    os.replace(tmp, target)


def kiwi_version() -> str:
    try:
        return metadata.version("kiwipiepy")
    except metadata.PackageNotFoundError:
        return "missing"


class AnalysisCache:
    """절의 제목·본문 → 어절별 형태소 목록. 키: 글의 해시, 그리고 파일 전체에 걸린 cache_namespace.

    한 파일(.cache/search/analysis.json)에 모은다. 모두 맞으면 kiwipiepy 를 import 하지 않는다.
    """

    def __init__(self, cache_dir: Path, namespace: str):
        self.file = cache_dir / "analysis.json"
        self.namespace = namespace
        self.hits = self.misses = 0
        self.entries = self._load()

    def _load(self) -> dict:
        try:
            data = json.loads(self.file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return data.get("entries", {}) if data.get("namespace") == self.namespace else {}

    def analyse(self, texts: list[str], terms) -> list[list[Eojeol]]:
        keys = [hashlib.sha256(text.encode()).hexdigest()[:20] for text in texts]
        missing = {
            key: text for key, text in zip(keys, texts, strict=True) if key not in self.entries
        }
        self.misses = len(missing)
        self.hits = sum(key not in missing for key in keys)
        if missing:
            analyser = shared_analyser(self.namespace, terms)  # 여기서만 kiwipiepy 를 불러온다
            for key, text in missing.items():
                self.entries[key] = analyser.eojeols(text)
            self._save(set(keys))
        # 형태소 목록을 튜플로: content_words 같은 함수가 결과를 기억(lru_cache)할 수 있게
        return [
            [
                (surface, tuple(tuple(m) for m in morphemes))
                for surface, morphemes in self.entries[key]
            ]
            for key in keys
        ]

    def _save(self, used: set[str]) -> None:
        # 지난 빌드의 항목도 남겨 두되(다른 브랜치, 테스트용 사본), 너무 쌓이면 이번에 쓴 것만 남긴다.
        if len(self.entries) > 4 * max(len(used), 50):
            self.entries = {k: v for k, v in self.entries.items() if k in used}
        atomic_write(
            self.file,
            json.dumps({"namespace": self.namespace, "entries": self.entries}, ensure_ascii=False),
        )


# 한 음절 어간을 알아보는 데 붙여 보는 어미: 'X다'만으로는 보다(조사)처럼 다른 말로 읽히는 것이 있다
PREDICATE_PROBES = ("다", "고", "는")


def kiwi_cached(cache: Path, key: str, compute) -> str:
    """kiwipiepy 에서 얻는 글자열을 kiwipiepy 의 버전마다 한 번만 계산한다: 캐시 파일은 {"kiwipiepy": 버전, key: 값}."""
    version = kiwi_version()
    try:
        cached = json.loads(cache.read_text(encoding="utf-8"))
        if cached.get("kiwipiepy") == version:
            return cached[key]
    except (OSError, ValueError, KeyError):
        pass
    text = compute()
    atomic_write(cache, json.dumps({"kiwipiepy": version, key: text}, ensure_ascii=False))
    return text


def predicate_stems(cache_dir: Path) -> str:
    """kiwipiepy 가 동사·형용사 어간으로 읽는 한 음절(가, 넣, 작 ...)을 모두 이은 글자열.

    브라우저는 사이트에 없는 두 음절 낱말이 '어간 + 어미'(넣고)인지 명사(장고)인지 가를 때 쓴다. 모든 한글 음절에
    PREDICATE_PROBES 의 어미를 붙여 분석하고, 첫 형태소가 그 음절 그대로의 VV·VA·VX(규칙·불규칙 표시 -R, -I 도)이고
    나머지가 어미인 것을 고른다.
    """
    return kiwi_cached(cache_dir / "predicate-stems.json", "stems", analysed_predicate_stems)


@functools.cache  # 한 프로세스(mkdocs serve, pytest)에서는 캐시 폴더가 달라도 한 번만 분석한다
def analysed_predicate_stems() -> str:
    from kiwipiepy import Kiwi

    kiwi = Kiwi(num_workers=1)
    syllables = [chr(code) for code in range(0xAC00, 0xD7A4)]
    stems = set()
    for ending in PREDICATE_PROBES:
        for syllable, result in zip(
            syllables, kiwi.analyze([s + ending for s in syllables], top_n=1), strict=True
        ):
            first, *rest = result[0][0]
            if (
                first.form == syllable
                and first.tag.split("-")[0] in ("VV", "VA", "VX")  # VV-R(규칙), VA-I(불규칙)도
                and rest
                and all(t.tag.startswith("E") for t in rest)
            ):
                stems.add(syllable)
    return "".join(sorted(stems))


def kiwi_dictionary():
    """kiwipiepy 사전의 형태소(형태, 품사)를 번호 차례로: 자주 쓰는 말이 앞에 온다."""
    from kiwipiepy import Kiwi

    kiwi = Kiwi(num_workers=1)
    for morpheme_id in itertools.count():
        try:
            token = kiwi.morpheme(morpheme_id)
        except (IndexError, ValueError):
            return
        yield token.form, token.tag


# 주제가 아닌 품사: 부사(각각, 미리), 접속 부사(그리고), 관형사(모든), 대명사(이거), 감탄사
FUNCTION_TAGS = frozenset({"MAG", "MAJ", "MM", "NP", "IC"})
# kiwipiepy 사전은 자주 쓰는 말부터 나온다: 앞쪽 3,000개(한 음절은 명사와 겹치기 쉬워 500개)까지만 쓴다.
# 그 뒤는 드문 의성어와 사투리다.
FUNCTION_WORDS_MAX = 3000
FUNCTION_SYLLABLES_MAX = 500
# 한 음절 + 이·가 꼴의 낱말(먹이, 길이, 나이)을 찾을 사전의 앞쪽: 행이(행 + 이)처럼 드문 것은 조사가 붙은 말이다
PARTICLE_NOUNS_WITHIN = 30000


def function_words(cache_dir: Path) -> str:
    """kiwipiepy 사전의 부사·관형사·대명사·감탄사(한글, 네 음절 이하)를 띄어 이은 글자열.

    브라우저는 사이트에 없는 낱말이 이 가운데 하나면(도저히, 각각, 이렇게) 다른 분야의 명사로 세지 않고 뺀다.
    """
    return kiwi_cached(cache_dir / "function-words.json", "words", listed_function_words)


@functools.cache
def listed_function_words() -> str:
    words: dict[str, None] = {}
    for form, tag in kiwi_dictionary():
        if tag in FUNCTION_TAGS and re.fullmatch(r"[가-힣]{1,4}", form):
            words.setdefault(form, None)
            if len(words) >= FUNCTION_WORDS_MAX:
                break
    syllables = list(words)[:FUNCTION_SYLLABLES_MAX]
    return " ".join(w for w in words if len(w) > 1 or w in syllables)


def long_nouns(cache_dir: Path) -> str:
    """kiwipiepy 사전의 네 음절 이상 한글 명사(일반·고유)를 띄어 이은 글자열(타입스크립트, 상관관계 ...)."""
    return kiwi_cached(cache_dir / "long-nouns.json", "words", listed_long_nouns)


@functools.cache
def listed_long_nouns() -> str:
    words = (
        form
        for form, tag in kiwi_dictionary()
        if tag in ("NNG", "NNP") and re.fullmatch(r"[가-힣]{4,}", form)
    )
    return " ".join(dict.fromkeys(words))


def whole_nouns(nouns: str, vocabulary) -> list[str]:
    """사이트 낱말로 빈틈없이 나뉘지만 사전에 낱말 하나로 있는 명사: 타입스크립트(타입 + 스크립트), 상관관계.

    브라우저는 사이트에 없는 붙여 쓴 말을 사이트 낱말로 나눠 찾는다(딕셔너리병합 → 딕셔너리, 병합). 이 목록의 말은
    나누지 않는다: 다른 분야의 낱말 하나다. 겹친 말(중간중간)은 부사처럼 쓰이므로 뺀다.
    """
    known = set(vocabulary)
    pieces = {w for w in known if re.fullmatch(r"[가-힣]{2,}", w)}

    def splits(word: str) -> bool:
        reach = [True] + [False] * len(word)
        for end in range(2, len(word) + 1):
            reach[end] = any(reach[start] and word[start:end] in pieces for start in range(end - 1))
        return reach[-1]

    def doubled(word: str) -> bool:
        half = len(word) // 2
        return len(word) % 2 == 0 and word[:half] == word[half:]

    return [w for w in nouns.split() if w not in known and not doubled(w) and splits(w)]


def particle_nouns(cache_dir: Path) -> str:
    """'한 음절 + 이·가' 꼴이지만 낱말 하나인 말(먹이, 길이, 나이, 국가): 사전 앞쪽의 것을 띄어 이은 글자열.

    브라우저는 사이트에 없는 두 음절 낱말이 이 꼴인데 목록에 없으면(행이) 한 음절 낱말에 조사가 붙은 것으로 본다.
    """
    return kiwi_cached(cache_dir / "particle-nouns.json", "words", listed_particle_nouns)


@functools.cache
def listed_particle_nouns() -> str:
    words: dict[str, None] = {}
    for form, _ in itertools.islice(kiwi_dictionary(), PARTICLE_NOUNS_WITHIN):
        if re.fullmatch(r"[가-힣][이가]", form):
            words.setdefault(form, None)
    return " ".join(words)


_ANALYSERS: dict[str, Analyser] = {}


def shared_analyser(namespace: str, terms) -> Analyser:
    """분석기는 모델을 읽는 데 몇 초가 걸린다. mkdocs serve 는 다시 빌드할 때 이 모듈을 그대로 쓰므로,
    한 번 만든 분석기를 용어집이 바뀔 때까지 다시 쓴다."""
    if namespace not in _ANALYSERS:
        _ANALYSERS.clear()
        _ANALYSERS[namespace] = Analyser(terms)
    return _ANALYSERS[namespace]


class Analyser:
    """kiwipiepy 로 글을 어절(띄어쓰기 단위)마다 (형태, 품사) 목록으로 나눈다."""

    def __init__(self, terms):
        try:
            from kiwipiepy import Kiwi
        except ImportError as err:  # pragma: no cover - requirements.txt 에 있다
            raise PluginError(
                "한국어 검색 색인에 kiwipiepy 가 필요합니다 — pip install -r requirements.txt"
            ) from err
        self.kiwi = Kiwi(num_workers=1)
        # 용어집의 한국어 낱말을 사전에 넣어 '스케일드', '초깃값' 같은 말이 쪼개지지 않게 한다.
        for word in sorted(
            {w for t in terms for w in glossary_words(t.ko) if len(w) >= 2 and HANGUL.search(w)}
        ):
            self.kiwi.add_user_word(word, "NNG", 0.0)

    def eojeols(self, text: str) -> list[Eojeol]:
        spans: list[list] = []  # [시작, 끝, 형태소 목록]
        last = None
        for token in self.kiwi.tokenize(text):
            # 어절 번호는 문장마다 다시 0부터 센다: (문장, 어절) 쌍으로 어절을 가른다.
            where = (token.sent_position, token.word_position)
            if where != last:
                spans.append([token.start, token.end, []])
                last = where
            spans[-1][1] = max(spans[-1][1], token.end)
            spans[-1][2].append((token.form, token.tag))
        return [(text[start:end], tuple(morphemes)) for start, end, morphemes in spans]


# ---------------------------------------------------------------------------
# Helpers: from morphemes to search words
# ---------------------------------------------------------------------------


@functools.cache
def content_words(morphemes) -> list[tuple[str, bool]]:
    """어절 하나의 내용어와 그것이 명사인지: 명사(뒤의 '화' 같은 접미사를 붙여서), 동사·형용사 어간.
    '정규/NNG 화/XSN 하/XSV 는/ETM' → [(정규화, True)]."""
    words: list[tuple[str, bool]] = []
    joinable = False  # 바로 앞 형태소가 한국어 명사라 명사 접미사를 붙일 수 있는가
    for form, tag in morphemes:
        if tag in NOUN_TAGS:
            words.append((form, True))
            joinable = True
        elif tag == "XSN" and joinable and form in NOUN_SUFFIXES:
            words[-1] = (words[-1][0] + form, True)
        elif tag in STEM_TAGS and len(form) >= 2 and form not in STEM_STOP:
            words.append((form, False))
            joinable = False
        else:
            joinable = False
    return words


@functools.cache
def noun_run(morphemes) -> tuple[list[str], bool]:
    """어절 앞쪽의 한국어 명사들, 그리고 그 뒤에 아무것도(조사, 어미, 괄호) 붙지 않았는지."""
    nouns: list[str] = []
    for at, (form, tag) in enumerate(morphemes):
        if tag in {"NNG", "NNP", "XR"} and HANGUL.search(form):
            nouns.append(form)
        elif (
            at == 0
            and tag == "MAG"
            and len(morphemes) > 1
            and morphemes[1][1] in {"NNG", "NNP"}
            and HANGUL.search(form)
        ):
            nouns.append(form)  # 우선/MAG 순위/NNG: 부사로 읽힌 앞 조각도 붙여 쓴 합성어의 일부다
        elif tag == "XSN" and nouns and form in NOUN_SUFFIXES:
            nouns[-1] += form
        else:
            return nouns, False
    return nouns, True


def spaced_phrases(eojeols, short: set[str]) -> list[tuple[str, ...]]:
    """띄어 쓴 명사구의 낱말들: '층 정규화를' → (층, 정규화), 세 어절까지.

    앞 어절이 조사 없이 명사로 끝나고, 뒤 어절이 명사로 시작할 때만 잇는다(phrase_piece 참고).
    """
    runs = [noun_run(morphemes) for _, morphemes in eojeols]
    phrases = []
    for i, (nouns, open_end) in enumerate(runs):
        if not nouns or not open_end or not phrase_piece(nouns[-1], short):
            continue
        chain = (nouns[-1],)
        for following, following_open in runs[i + 1 : i + 3]:
            if not following or not phrase_piece(following[0], short):
                break
            chain += (following[0],)
            phrases.append(chain)
            if not following_open or len(following) > 1:
                break
    return phrases


def phrase_piece(noun: str, short: set[str]) -> bool:
    """명사구에 이을 만한 명사인가. 한 글자 명사는 조사·어미와 같은 글자가 아닐 때만(풀 리퀘스트는 되고,
    잘못 분석된 '의 코드'는 안 된다). short 는 늘 믿는다."""
    return len(noun) > 1 or noun in short or noun not in SUFFIX_SET


def split_known(word: str, known) -> list[str] | None:
    """word 를 조각으로 빈틈없이 나누되, 모르는 조각은 두 글자 이상으로 하나까지만 허락한다.

    모르는 조각이 적은 것, 그다음 조각이 적은 것을 고른다. 한 글자 조각은 맨 앞에만, 아는 낱말로만 온다:
    층정규화 → 층 + 정규화, 멀티헤드 → 멀티(모름) + 헤드, 예약어 → 나누지 않음. 아는 조각만 돌려준다.
    """
    n = len(word)
    # best[i]: word[:i] 의 가장 좋은 분할 (모르는 조각 수, 조각 수, 아는 조각)
    best: list[tuple[int, int, list[str]] | None] = [None] * (n + 1)
    best[0] = (0, 0, [])
    for end in range(1, n + 1):
        for start in range(end):
            if best[start] is None or end - start == n:
                continue
            piece = word[start:end]
            is_known = known(piece) and (len(piece) > 1 or start == 0)
            if not is_known and (len(piece) == 1 or best[start][0] >= 1):
                continue
            unknown, pieces, parts = best[start]
            candidate = (unknown + (not is_known), pieces + 1, parts + [piece] * is_known)
            if best[end] is None or candidate[:2] < best[end][:2]:
                best[end] = candidate
    found = best[n]
    if not found or not found[2] or (found[0] and any(len(p) == 1 for p in found[2])):
        return (
            None  # 모르는 조각 옆의 한 글자는 믿지 않는다: 키워드 → 키 + 워드(모름)로 나누지 않는다
        )
    return found[2]


@functools.cache
def code_words(code: str) -> tuple[str, ...]:
    """코드의 이름을 검색하기 좋게 나눈다 (모두 소문자).

    nn.BatchNorm1d  → nn.batchnorm1d, nn, batchnorm1d, batch, norm, batchnorm
    kaiming_normal_ → kaiming_normal_, kaiming_normal, kaiming, normal
    **kwargs        → **kwargs, kwargs
    """
    words: list[str] = []
    for name in CODE_NAME.findall(code):
        bare = name.lstrip("*")
        candidates = [name, bare]
        dotted = bare.split(".")
        if len(dotted) > 1:
            candidates += dotted
        for part in dotted:
            snake = [p for p in part.split("_") if p]
            candidates.append(part.strip("_"))
            if len(snake) > 1:
                candidates += snake
            for piece in snake:
                camel = [
                    c for c in CAMEL_PART.findall(piece) if len(c) >= 3
                ]  # BatchNorm1d → Batch, Norm
                if len(camel) > 1:
                    candidates += [*camel, "".join(camel)]
        for word in candidates:
            word = word.lower()
            if len(word.strip("*_")) >= 2 and word not in PYTHON_WORDS and word not in words:
                words.append(word)
    return tuple(words)


def joined(text: str) -> str:
    return re.sub(r"[\s\-]+", "", text.lower())


def glossary_words(text: str) -> list[str]:
    """용어집 표기를 낱말로 나눈다: '스케일드 닷-프로덕트 어텐션' → [스케일드, 닷, 프로덕트, 어텐션]."""
    return [w for w in re.split(r"[\s\-/()]+", text.lower()) if w]


@dataclass(frozen=True)
class Synonyms:
    """용어집 항목 하나(data/glossary.yml)의 모든 표기를 검색어로 편 것."""

    ko: tuple[str, ...]  # (배치, 정규화)
    en: tuple[str, ...]  # (batch, normalization)
    names: frozenset[
        str
    ]  # 절에 이 가운데 하나가 있으면 용어가 나온 것: 배치정규화, batchnormalization, bn, ...
    words: tuple[str, ...]  # 그때 붙일 검색어 전부
    en_phrase: str  # 영어 표기를 낱말 사이 공백 하나로: " batch normalization "

    @classmethod
    def from_term(cls, term) -> Synonyms:
        ko, en = tuple(glossary_words(term.ko)), tuple(glossary_words(term.en))
        # 피할 표기는 붙여 쓴 꼴로만 쓴다: '배치 표준화'의 '표준화'는 따로는 다른 뜻이다.
        aliases = getattr(term, "aliases", ())  # 함께 인정하는 표기: He 초기화
        names = {joined(term.ko), joined(term.en), *(joined(d) for d in term.discouraged)}
        names |= {joined(a) for a in aliases}
        if term.abbr:
            names.add(term.abbr.lower())
        alias_words = [w for a in aliases for w in glossary_words(a)]
        words = tuple(dict.fromkeys([*ko, *en, *alias_words, *sorted(names)]))
        return cls(ko, en, frozenset(names), words, f" {' '.join(en)} ")

    def found_in(self, present: set[str], latin: str) -> bool:
        return not self.names.isdisjoint(present) or self.en_phrase in latin


def word_pairs(synonyms: list[Synonyms]) -> dict[str, str]:
    """용어집에서 한국어 낱말 ↔ 영어 낱말 짝을 얻는다 (양쪽 방향을 한 사전에).

    한 낱말 용어(가중치 = weight)에서 시작해, 여러 낱말 용어에서 짝이 하나만 남으면 그 둘을 짝짓는다:
    가중치 초기화 = weight initialization → 초기화 = initialization, 자비에르 초기화 → 자비에르 = xavier,
    기울기 소실 = vanishing gradient → 소실 = vanishing (낱말 차례가 달라도 된다).
    """
    pairs: dict[str, str] = {}
    changed = True
    while changed:
        changed = False
        for s in synonyms:
            ko = [w for w in s.ko if w not in pairs]
            en = [w for w in s.en if w not in pairs]
            if len(ko) == len(en) == 1 and (len(s.ko) == 1 or len(ko) < len(s.ko)):
                pairs[ko[0]], pairs[en[0]] = en[0], ko[0]
                changed = True
    return pairs


@dataclass
class Site:
    """사이트 전체의 어휘: 합성어 조각을 확인하고, 붙여 쓴 꼴을 고르고, 용어집 동의어를 붙이는 데 쓴다."""

    nouns: set[str]
    phrases: dict[
        str, list[str]
    ]  # 붙여 쓴 꼴로 색인할 띄어 쓴 명사구 → 낱말: 용어집 용어이거나 두 번 이상 나온 것
    synonyms: list[Synonyms]
    short_words: set[str] = field(
        default_factory=set
    )  # 믿을 만한 한 글자 낱말: 용어집의 층, 키, 허
    pairs: dict[str, str] = field(default_factory=dict)  # 용어집의 낱말 짝: 자비에르 ↔ xavier
    _parts: dict[str, list[str]] = field(default_factory=dict, repr=False)

    def __post_init__(self):
        self.short_words = {w for s in self.synonyms for w in s.ko if len(w) == 1} | SHORT_NAMES
        self.pairs = word_pairs(self.synonyms)

    @classmethod
    def build(cls, analyses, terms) -> Site:
        nouns = {
            w
            for eojeols in analyses
            for _, m in eojeols
            for w, is_noun in content_words(m)
            if is_noun
        }
        synonyms = [Synonyms.from_term(t) for t in terms]
        nouns |= {w for s in synonyms for w in s.ko if HANGUL.search(w)}
        short = {w for s in synonyms for w in s.ko if len(w) == 1} | SHORT_NAMES
        pieces = {"".join(p): p for eojeols in analyses for p in spaced_phrases(eojeols, short)}
        counts = Counter("".join(p) for eojeols in analyses for p in spaced_phrases(eojeols, short))
        counts.update(w for w in nouns if w in counts)  # 붙여 쓴 꼴로도 나왔으면 한 번 더 센다
        glossary = {name for s in synonyms for name in s.names}
        phrases = {
            joined: list(pieces[joined])
            for joined, n in counts.items()
            if n >= 2 or joined in glossary
        }
        return cls(nouns, phrases, synonyms)

    def trusted(self, word: str) -> bool:
        """한 글자 한국어 낱말은 용어집 낱말만 검색어로 쓴다: 형태소 분석이 잘못 떼어 낸 조각이 많다."""
        return len(word) > 1 or word in self.short_words or not HANGUL.search(word)

    def compound_parts(self, word: str) -> list[str]:
        """붙여 쓴 합성어를 사이트의 명사로 확인한 조각으로 나눈다(조각도 다시 나눈다). 못 나누면 [].

        멀티헤드어텐션 → [멀티헤드, 어텐션, 멀티, 헤드]. 강화학습처럼 사이트에 없는 말은 조각이 맞아도
        여기 오지 않는다: 이 함수는 사이트 글에 나온 낱말에만 쓰인다.
        """
        if word in self._parts:
            return self._parts[word]
        self._parts[word] = []  # 되부름 중에 같은 낱말을 다시 만나도 멈추게
        if len(word) < 3 or not re.fullmatch(r"[가-힣]+", word):
            return []
        short = self.short_words
        best = split_known(word, lambda w: w in self.nouns and (len(w) > 1 or w in short))
        parts = list(best or [])
        for part in best or []:
            parts += [p for p in self.compound_parts(part) if p not in parts]
        self._parts[word] = parts
        return parts


def section_keywords(eojeols, prose: str, code: str, site: Site) -> list[str]:
    """절 하나(제목이나 본문)의 숨은 검색어. 중복 없이, 처음 나온 차례대로.

    eojeols 는 prose 의 형태소 분석이다. 영어와 코드 이름은 형태소 분석기 대신 정규식으로 뽑는다
    (kiwipiepy 는 seq2seq 를 seq/2/seq 로, BatchNorm1d 를 BatchNorm/1/d 로 나눈다).
    """
    out: dict[str, None] = {}

    def add(*words):
        for word in words:
            if word and not re.search(r"[\s\-]", word) and re.search(r"[0-9a-z가-힣]", word):
                out.setdefault(word, None)

    for _, morphemes in eojeols:
        for word, _ in content_words(morphemes):
            if site.trusted(word):
                add(word, *site.compound_parts(word))
        nouns, _ = noun_run(morphemes)
        # 한 어절 안의 명사 여럿: 층/정규화 → 층정규화, 딥/러닝 → 딥러닝. 이은 꼴은 글에 그대로 있는 말이므로
        # 조각이 믿지 않는 한 글자(딥)여도 색인한다. 조각 자체는 위에서 믿는 것만 넣었다.
        if len(nouns) > 1:
            add("".join(nouns))
    phrases = ("".join(p) for p in spaced_phrases(eojeols, site.short_words))
    add(*(phrase for phrase in phrases if phrase in site.phrases))
    names = code_words(prose) + code_words(code)
    add(*names)
    add(*symbol_words(prose + " " + code))
    add(*letter_lists(prose))
    add(*number_words(prose + " " + code))
    latin = [w.lower() for w in LATIN_WORD.findall(prose)] + list(names)

    present = set(out)
    latin_text = f" {' '.join(latin)} "
    for synonyms in site.synonyms:
        if synonyms.found_in(present, latin_text):
            add(*synonyms.words)
    add(*(site.pairs[w] for w in present if w in site.pairs))
    return list(out)


# ---------------------------------------------------------------------------
# Helpers: rules for the browser (mirrored in korean-search.js)
# ---------------------------------------------------------------------------


def vocabulary(known: set[str], site: Site) -> set[str]:
    """질의의 어간을 확인할 어휘: 사이트의 한국어·영어 검색어. 한 글자 한국어는 용어집 낱말(층, 키)만 둔다.

    '합의'가 '합' + '의'로 떼어져 사이트에 없는 '블록체인 합의'에 결과가 나오는 일을 막는다.
    """
    short = site.short_words
    return {
        w
        for w in known
        # 영어 낱말, 사이트의 코드 이름(d_k, running_mean), 숫자가 든 이름(batchnorm1d, seq2seq)
        if re.fullmatch(r"[a-z]+", w)
        or re.fullmatch(r"[a-z][a-z0-9]*(?:_[a-z0-9]+)+", w)
        or re.fullmatch(r"[a-z]+[0-9][a-z0-9]*", w)
        or (re.fullmatch(r"[가-힣]+", w) and (len(w) > 1 or w in short))
    }


def browser_lexicon(analyses, known: set[str], site: Site) -> dict:
    """브라우저가 질의를 정규화할 때 쓰는 작은 사전.

    - vocabulary: 사이트의 한국어·영어 검색어 전부 (질의 낱말의 어간을 확인하는 데 쓴다)
    - suffixes: 뗄 조사·어미, 긴 것부터 (기본 목록 + 사이트 글에서 두 번 이상 본 것)
    - forms: 규칙(rule_stem)으로는 어간이 나오지 않는 사이트의 활용형 → 어간 (빨라진다 → 빠르)
    - compounds: 붙여 쓴 합성어 → 조각 (미리보기에서 조각도 강조되게)
    - stop: 질문 말투
    """
    seen: Counter = Counter()
    for eojeols in analyses:
        for surface, morphemes in eojeols:
            words = [w for w, _ in content_words(morphemes)]
            if (
                len(words) == 1
                and surface.startswith(words[0])
                and re.fullmatch(r"[가-힣]+", surface)
            ):
                seen[surface[len(words[0]) :]] += 1
    suffixes = sorted(
        set(BASE_SUFFIXES) | {s for s, n in seen.items() if n >= 2 and 0 < len(s) <= 4},
        key=lambda s: (-len(s), s),
    )
    forms: dict[str, str] = {}
    for eojeols in analyses:
        for surface, morphemes in eojeols:
            words = content_words(morphemes)
            if len(words) != 1 or words[0][1] or not re.fullmatch(r"[가-힣]+", surface):
                continue  # 동사·형용사 한 낱말로 된 어절만: 명사는 조사만 떼면 된다
            if rule_stem(surface, suffixes, known) != words[0][0]:
                forms[surface] = words[0][0]
    compounds = {}
    for word in sorted(known):
        parts = site.phrases.get(word) or site.compound_parts(word)
        if parts:
            compounds[word] = parts
    return {
        "vocabulary": sorted(known),
        "suffixes": suffixes,
        "forms": dict(sorted(forms.items())),
        "compounds": compounds,
        "stop": QUERY_STOP,
        "intent": QUERY_INTENT,
    }


def rule_stem(word: str, suffixes: list[str], known: set[str]) -> str | None:
    """질의 낱말 하나의 어간을 규칙으로 찾는다. korean-search.js 의 ruleStem 과 같은 규칙이다.

    1. 사이트 어휘에 있으면 그대로. 2. 조사·어미를 긴 것부터 떼어 보고 남은 것이 어휘에 있으면 그것.
    3. 남은 것의 마지막 받침(ㄴ ㄹ ㅁ ㅂ)을 빼 보고 어휘에 있으면 그것: 나뉜다 → 나뉜 → 나뉘.
    """
    if word in known:
        return word
    candidates = [word[: -len(s)] for s in suffixes if word.endswith(s) and len(word) > len(s)] + [
        word
    ]
    for rest in candidates:
        if rest in known:
            return rest
        bare = drop_final(rest)
        if bare and bare in known:
            return bare
    return None


def drop_final(syllables: str) -> str | None:
    """마지막 음절의 받침 ㄴ ㄹ ㅁ ㅂ 을 뺀다: 나뉜 → 나뉘. 그런 받침이 없으면 None."""
    if not syllables:
        return None
    code = ord(syllables[-1]) - 0xAC00
    if not 0 <= code < 11172 or code % 28 not in (4, 8, 16, 17):  # ㄴ ㄹ ㅁ ㅂ
        return None
    return syllables[:-1] + chr(ord(syllables[-1]) - code % 28)


# ---------------------------------------------------------------------------
# Helpers: how readers type what the notes write otherwise (loanwords, symbols, numbers)
# ---------------------------------------------------------------------------

# 노트가 기호로 쓰고 읽는 이는 한글 이름으로 치는 것: 수식(MathML 이 색인에 남기는 유니코드 글자)과 기호.
SYMBOL_NAMES = {
    "α": "알파",
    "β": "베타",
    "γ": "감마",
    "δ": "델타",
    "Δ": "델타",
    "ε": "엡실론 입실론",
    "ϵ": "엡실론 입실론",
    "θ": "세타",
    "λ": "람다",
    "μ": "뮤",
    "π": "파이",
    "σ": "시그마",
    "Σ": "시그마",
    "∑": "시그마",
    "τ": "타우",
    "ϕ": "파이",
    "φ": "파이",
    "ω": "오메가",
    "√": "루트 제곱근",
    "²": "제곱",
    "³": "세제곱",
    "∂": "편미분 라운드",
    "ᵀ": "전치",
    "⊙": "아다마르곱 원소곱",
    "∏": "곱셈",
    "×": "곱하기",
    "∞": "무한대",
    "≈": "근삿값",
}
# 한 글자 이름: 한 글자 낱말은 믿을 만한 것만 검색어로 쓰므로(Site.trusted) 따로 허락한다.
SHORT_NAMES = frozenset(w for names in SYMBOL_NAMES.values() for w in names.split() if len(w) == 1)
NUMBER = re.compile(r"(?<![\w.,])(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(?![\w,]|\.\d)")
NUMERAL_WORD = re.compile(r"[영일이삼사오육칠팔구십백천만]{2,}(?:점[영일이삼사오육칠팔구]+)?")


LETTER_LIST = re.compile(r"(?<![A-Za-z])[A-Z](?:\s*[,·/]\s*[A-Z](?![A-Za-z])){2,}")


def letter_lists(text: str) -> list[str]:
    """글이 하나씩 늘어놓은 대문자(Q, K, V)를 붙인 약어: 읽는 이는 QKV 로 친다."""
    return ["".join(re.findall(r"[A-Z]", match)).lower() for match in LETTER_LIST.findall(text)]


def symbol_words(text: str) -> list[str]:
    """글에 나온 기호의 한글 이름: γ → 감마, √ → 루트, 제곱근."""
    return [w for ch in dict.fromkeys(text) if ch in SYMBOL_NAMES for w in SYMBOL_NAMES[ch].split()]


@functools.cache
def numeral_reader():
    """프로젝트의 숫자 읽기(snippets/transformer/numerals.py 의 read_korean)를 불러온다.

    그 모듈은 torch 를 import 하므로 숫자를 처음 읽을 때만 부른다(색인 결과가 캐시되면 부르지 않는다).
    """
    import sys

    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from snippets.transformer.numerals import DIGITS, MAX_VALUE, read_korean

    return read_korean, DIGITS, MAX_VALUE


def number_words(text: str) -> list[str]:
    """숫자를 한글로 읽은 꼴과 한글로 쓴 수의 숫자 꼴: 3052 → 삼천오십이(와 한 자리씩 삼영오이), 1.414 → 일점사일사,
    30052 → 삼만오십이(만 단위 띄어쓰기는 붙여서: 질의의 '삼만 오십이'는 브라우저가 붙여 본다),
    삼천오십이 → 3052. 한 자리 수와 한 글자 읽기(일, 십)는 어디에나 있어 빼고, 읽기 범위 밖의 수도 뺀다."""
    numbers = NUMBER.findall(text)
    words = NUMERAL_WORD.findall(text)
    if not numbers and not words:
        return []
    read_korean, digits, largest = numeral_reader()
    out: dict[str, None] = {}
    for whole, fraction in numbers:
        n = int(whole.replace(",", ""))
        if n > largest or (n < 10 and not fraction):
            continue
        reading = read_korean(n).replace(" ", "")
        if fraction:
            reading += "점" + "".join(digits[int(d)] for d in fraction)
        if len(reading) > 1:
            out.setdefault(reading, None)
        # 번호처럼 읽는 세네 자리 수는 한 자리씩도 읽는다: PEP 448 → 사사팔, 3132 → 삼일삼이
        if not fraction and "," not in whole and 3 <= len(whole) <= 4:
            out.setdefault("".join(digits[int(d)] for d in whole), None)
    for word in words:
        value = hangul_number(word, read_korean, digits)
        if value:
            out.setdefault(value, None)
    return list(out)


def hangul_number(word: str, read_korean, digits: str) -> str | None:
    """한글로 쓴 수를 숫자로: 삼천오십이 → '3052', 일점사일사 → '1.414'. read_korean 이 같은 꼴로
    읽어 내는 수만 받는다(사이 → 4·2 같은 우연한 글자 줄은 수가 아니다)."""
    whole, _, fraction = word.partition("점")
    total, group, digit = 0, 0, None
    for ch in whole:
        if ch in digits:
            if digit is not None:
                return None
            digit = digits.index(ch)
        elif ch == "만":
            total += ((group + (digit or 0)) or 1) * 10_000
            group, digit = 0, None
        else:
            group += (1 if digit is None else digit) * {"십": 10, "백": 100, "천": 1000}[ch]
            digit = None
    n = total + group + (digit or 0)
    if read_korean(n).replace(" ", "") != whole:
        return None
    return f"{n}.{''.join(str(digits.index(d)) for d in fraction)}" if fraction else str(n)


# 외래어 표기의 열쇠(loanword key): 한글 표기와 영어 철자를 같은 거친 소리 꼴로 줄인다. 읽는 이가 치는
# 다른 표기(레이어/래이어, 노멀/노말, 트랜스포머/트렌스포머, 아스테리스크/애스터리스크)와 노트가 영어로만
# 쓰는 말의 한글 표기(웨이트 이니셜라이제이션, 티처 포싱, 쿠다)가 같은 열쇠가 된다.
# - 자음: 예사소리(ㄱ ㄷ ㅂ ㅈ = g d b j)와 거센소리(ㅋ ㅌ ㅍ ㅊ = K T P C)는 가른다(배치 ≠ 패치). 된소리는
#   거센소리로, ㅅㅆ 는 S, 첫소리 ㅇ 은 없앤다. 받침 ㄱ ㅂ ㅅ 은 K P T(북 = book, 로봇 = robot).
#   같은 자음이 이어지면 하나로(ㄹㄹ → R).
# - 모음: ㅏㅐㅓㅔ → A(외래어에서 서로 자주 바뀐다), ㅡ 는 없앤다(받침 뒤에 끼워 넣는 모음: 크 = 받침 ㄱ).
#   ㅅ·ㅈ·ㅊ 뒤의 ㅕ/ㅑ/ㅛ/ㅠ/ㅟ 는 반모음을 뺀다(셔 = 서, 쥬 = 주, 쉬 = 시).
# korean-search.js 의 hangulKey 와 같은 규칙이다.
KEY_INITIAL = "g K N d T R M b P S S _ j C C K T P H".split()
KEY_VOWEL = "A A YA YA A A YA YA O WA WA WA YO U WA WA WI YU _ I I".split()
KEY_FINAL = "_ K K K N N N T R K M R R R P R M P P T T G T T K T P T".split()
KEY_CONSONANTS = "KNTRMPSHGgdbjC"
SIBILANTS = ("S", "j", "C")


SIOT_FINALS = {19, 20}  # 받침 ㅅ, ㅆ
HARD_INITIALS = {1, 4, 8, 10, 12, 13, 14, 15, 16, 17}  # ㄲ ㄸ ㅃ ㅆ ㅈ ㅉ ㅊ ㅋ ㅌ ㅍ


def loanword_key(word: str) -> str | None:
    """한글 낱말의 열쇠: 트랜스포머 → TRANSPOMA. 한글이 아닌 글자가 있으면 None."""
    out = []
    codes = [ord(ch) - 0xAC00 for ch in word]
    for i, code in enumerate(codes):
        if not 0 <= code < 11172:
            return None
        initial = KEY_INITIAL[code // 588].strip("_")
        vowel = KEY_VOWEL[code % 588 // 28].strip("_")
        if initial in SIBILANTS and vowel[:1] == "Y":
            vowel = vowel[1:]
        if initial in SIBILANTS and vowel == "WI":
            vowel = "I"
        final = KEY_FINAL[code % 28].strip("_")
        # 된소리·거센소리 앞의 받침 ㅅ/ㅆ 은 소리를 세게 적은 것일 뿐이다: 뱃치 = 배치, 캣치 = 캐치
        following = codes[i + 1] // 588 if i + 1 < len(codes) and 0 <= codes[i + 1] < 11172 else -1
        if code % 28 in SIOT_FINALS and following in HARD_INITIALS:
            final = ""
        out.append(initial + vowel + final)
    return collapse_key("".join(out))


def collapse_key(key: str) -> str:
    return re.sub(f"([{KEY_CONSONANTS}])\\1+", r"\1", key)


VOWELS = "aeiouy"
# 영어 철자 → 열쇠 조각. (철자, 갈래): 첫 갈래가 기본이고, 뒤의 갈래는 흔한 다른 표기다.
SPELLING_CHUNKS = (
    ("tion", ["SAN"]),
    ("ssion", ["SAN"]),
    ("sion", ["jAN", "SAN"]),
    ("tial", ["SAR"]),
    ("cial", ["SAR"]),
    ("ture", ["CA"]),
    ("eigh", ["AI"]),
    ("ough", ["O", "AP"]),
)

# 모음 두 글자: ee → 이, ou → 아우/우/어, ue → 우/유 ...
VOWEL_PAIRS = {
    "ee": ["I", "A"],
    "ea": ["I", "A"],
    "ie": ["I", "AI", "IA"],
    "oo": ["U"],
    "ou": ["AU", "U", "A"],
    "ow": ["O", "AU"],
    "au": ["O", "A", "AU"],
    "aw": ["O", "A", "AU"],
    "oi": ["OI"],
    "oy": ["OI"],
    "ue": ["U", "YU"],
    "ew": ["U", "YU"],
    "eu": ["U", "YU"],
}


def spelling_branches(word: str) -> list[list[str]]:
    """영어 낱말을 철자 덩이로 나누고, 덩이마다 열쇠 조각의 갈래를 적는다(외래어 표기법을 거칠게 따른다)."""
    w, n, i = word, len(word), 0
    branches: list[list[str]] = []

    def after(k: int) -> str:
        return w[k] if k < n else "#"

    def vowel(ch: str) -> bool:
        return ch in VOWELS

    while i < n:
        c, rest, prev = w[i], w[i:], w[i - 1] if i else "#"
        step, alts = 1, None
        for chunk, chunk_alts in SPELLING_CHUNKS:
            if rest.startswith(chunk):
                step, alts = len(chunk), chunk_alts
                break
        if alts is None:
            if rest.startswith(("tch", "ch", "sh")):  # 모음 앞이 아니면 '치', '시': batch → 배치
                step = 3 if rest.startswith("tch") else 2
                base = "S" if rest.startswith("sh") else "C"
                alts = [base, base + "I"] if vowel(after(i + step)) else [base + "I"]
                if rest.startswith("ch") and vowel(after(i + 2)):
                    alts.append("S")  # 프랑스말에서 온 ch 는 'ㅅ': machine → 머신
            elif rest.startswith(("ph", "th", "ck", "gh", "wh", "qu", "ng")):
                step = 2
                alts = {
                    "ph": ["P"],
                    "th": ["S", "T"],
                    "ck": ["K"],
                    "gh": [""],
                    "wh": ["W"],
                    "qu": ["KW"],
                    "ng": ["GK", "G"] if vowel(after(i + 2)) else ["G"],
                }[rest[:2]]
            elif rest.startswith(("ai", "ay", "ei", "ey")):
                step, alts = 2, ["AI", "A"] if vowel(after(i + 2)) else ["AI", "I"]
            elif rest[:2] in VOWEL_PAIRS:
                step, alts = 2, VOWEL_PAIRS[rest[:2]]
            elif rest == "re" and i and vowel(prev):  # score → 스코어
                step, alts = 2, ["A", "R"]
            elif c == "x":
                alts = ["KS"] if i else ["j", "S", "KS"]  # xavier → 자비에르, 사비에르
            elif c == "c":
                alts = ["S"] if after(i + 1) in "eiy" else ["K"]
            elif c == "g":
                alts = ["j", "g"] if after(i + 1) in "eiy" else ["g"]
            elif c == "s":  # 모음 사이의 s 는 ㅈ 으로도 적는다: positional → 포지셔널
                alts = ["S", "j"] if i and vowel(prev) and vowel(after(i + 1)) else ["S"]
            elif c == "r":
                # 모음 뒤, 모음 앞이 아닌 r 은 소리 내지 않는다: transformer → 트랜스포머
                alts = ["R"] if not i or not vowel(prev) or vowel(after(i + 1)) else [""]
            elif c in "hw":
                alts = [c.upper()] if vowel(after(i + 1)) else [""]
            elif c == "y" and i == 0 and vowel(after(1)):
                alts = ["Y"]
            elif c in "bpfvdtkqjzlmn":
                alts = ["bPPbdTKKjjRMN"["bpfvdtkqjzlmn".index(c)]]
            elif c == "a":  # 자음 하나 뒤에 e, i, y 가 오면 '에이': label → 레이블
                magic = not vowel(after(i + 1)) and after(i + 1) != "#" and after(i + 2) in "eiy#"
                alts = ["AI", "A"] if magic and after(i + 2) != "#" else ["A", "AI"]
            elif c == "e":
                if i == n - 1 and i > 1:
                    alts = [""]  # 끝의 e 는 소리 내지 않는다
                elif i == n - 2 and w[-1] in "sd" and i > 1:
                    alts = ["", "A"]
                elif after(i + 1) in "lnr" and after(i + 2) == "#" and i:
                    alts = ["A", ""]  # token → 토큰
                else:
                    alts = ["A", "I"]  # encoding → 인코딩
            elif c == "i":
                magic = after(i + 1) == "z" or (
                    not vowel(after(i + 1)) and after(i + 1) != "#" and after(i + 2) == "e"
                )
                alts = ["AI", "I"] if magic else ["I", "AI"]
            elif c == "o":
                alts = ["O", "A"]
            elif c == "u":
                alts = ["A", "YU"] if i == 0 else ["A", "U", "YU"]
            elif c == "y":
                alts = ["I", "AI"]
            else:
                alts = [""]
        branches.append(alts)
        i += step
    return branches


def spelling_keys(word: str, deviations: int = 2) -> set[str]:
    """영어 낱말의 열쇠들: 기본 갈래에서 deviations 군데까지 다른 갈래를 고른 것 전부.
    kaiming → {KAIMIG, ...}, weight → {WAIT, ...}."""
    if not re.fullmatch(r"[a-z]{2,}", word):
        return set()
    branches = spelling_branches(word)
    choices = [k for k, alts in enumerate(branches) if len(alts) > 1]
    keys = set()
    for count in range(deviations + 1):
        for where in itertools.combinations(choices, count):
            for picks in itertools.product(*(range(1, len(branches[k])) for k in where)):
                chosen = dict(zip(where, picks, strict=True))
                keys.add(
                    collapse_key("".join(alts[chosen.get(k, 0)] for k, alts in enumerate(branches)))
                )
    return keys


# 짧은 열쇠는 우연히 겹치기 쉽다(러스트 → rest, last). 용어(용어집의 영어, 본문의 대문자 약어)는 세 글자부터
# 믿고, 다른 영어 낱말은 여섯 글자부터 믿는다. 그보다 짧은 열쇠는 '약한' 표에 따로 싣는다: 브라우저는 그것으로
# 검색어를 더하지만(배치 사이즈 → size), 그것만으로는 질의가 사이트의 주제라고 보지 않는다(러스트 소유권).
MIN_TERM_KEY = 3
MIN_WORD_KEY = 6
ACRONYM = re.compile(r"(?<![A-Za-z])[A-Z][A-Z0-9]{1,5}(?![A-Za-z])")


def loanword_tables(
    vocabulary: list[str], sections: list[Section], terms
) -> tuple[dict[str, str], dict[str, str]]:
    """브라우저로 보내는 외래어 표 둘(믿는 것, 약한 것): 열쇠 → 사이트의 영어 낱말(공백으로 여럿).

    사이트 어휘의 한글 낱말은 브라우저가 열쇠를 직접 만든다(hangulKey). 여기 것은 노트가 영어로만 쓴 말을
    한글로 친 질의를 위한 것이다.
    """
    latin = [w for w in vocabulary if re.fullmatch(r"[a-z]{3,}", w)]
    named = {w for t in terms for w in glossary_words(t.en)} | {
        a.lower() for s in sections for a in ACRONYM.findall(s.title + " " + s.body)
    }
    strong: dict[str, list[str]] = {}
    weak: dict[str, list[str]] = {}
    for word in latin:
        trusted = MIN_TERM_KEY if word in named else MIN_WORD_KEY
        for key in sorted(spelling_keys(word, 2 if word in named else 1)):
            if len(key) >= trusted:
                strong.setdefault(key, []).append(word)
            elif len(key) >= MIN_TERM_KEY:
                weak.setdefault(key, []).append(word)
    weak = {key: words for key, words in weak.items() if key not in strong}
    return tuple(  # type: ignore[return-value]
        {key: " ".join(words) for key, words in sorted(table.items())} for table in (strong, weak)
    )

"""한국어 검색 색인(hooks/korean_search.py): 조사·어미, 합성어, 용어집 동의어, 코드 이름, 캐시.

브라우저 없이 빠르게 돈다. 검색 창에서의 결과는 tests/browser/test_search.py 가 본다.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import textwrap

import pytest

from hooks import korean_search as ks
from hooks.glossary import load_terms
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def analyser():
    return ks.Analyser(load_terms())


@pytest.fixture(scope="module")
def site(analyser):
    """작은 사이트 하나의 어휘: 합성어 조각은 이 어휘로만 확인한다."""
    texts = [
        "멀티헤드 어텐션은 헤드마다 따로 계산한다. 멀티헤드어텐션에서 헤드 수를 정한다.",
        "위치 인코딩을 더한다. 위치인코딩이 없으면 순서를 모른다.",
        "배치 정규화와 층 정규화를 비교한다. 예약어는 이름으로 못 쓴다.",
    ]
    return ks.Site.build([analyser.eojeols(t) for t in texts], load_terms())


def keywords(analyser, site, text, code=""):
    return ks.section_keywords(analyser.eojeols(text), text, code, site)


# ---------------------------------------------------------------------------
# 조사와 어미
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("eojeol", "stem"),
    [
        ("어텐션을", "어텐션"),
        ("트랜스포머가", "트랜스포머"),
        ("정규화하는", "정규화"),
        ("나뉜다", "나뉘"),
        ("초깃값은", "초깃값"),
    ],
)
def test_particles_and_endings_are_stripped_to_the_stem(analyser, eojeol, stem):
    ((surface, morphemes),) = analyser.eojeols(eojeol)
    assert surface == eojeol
    assert [word for word, _ in ks.content_words(morphemes)] == [stem]


def test_query_rule_strips_particles_and_endings_only_down_to_known_words():
    known = {"어텐션", "정규화", "나뉘", "배치정규화", "층"}
    suffixes = sorted(ks.BASE_SUFFIXES, key=lambda s: (-len(s), s))
    assert ks.rule_stem("어텐션을", suffixes, known) == "어텐션"
    assert ks.rule_stem("정규화하는", suffixes, known) == "정규화"
    assert ks.rule_stem("배치정규화의", suffixes, known) == "배치정규화"
    assert ks.rule_stem("나뉜다", suffixes, known) == "나뉘"  # 받침 ㄴ 을 빼 본다
    assert ks.rule_stem("층은", suffixes, known) == "층"
    assert ks.rule_stem("강화학습을", suffixes, known) is None  # 사이트에 없는 말은 건드리지 않는다


def test_one_syllable_stems_other_than_glossary_words_are_not_trusted(site):
    # '합의'를 '합' + '의'로 떼면 사이트에 없는 주제에 결과가 나온다: 한 글자는 용어집 낱말(층, 키)만 믿는다.
    vocabulary = ks.vocabulary({"합", "층", "키", "어텐션", "bn", "nn.batchnorm1d"}, site)
    assert vocabulary == {"층", "키", "어텐션", "bn"}


# ---------------------------------------------------------------------------
# 합성어: 조각, 붙여 쓴 꼴, 띄어 쓴 꼴
# ---------------------------------------------------------------------------


def test_compound_parts_are_checked_against_the_site_vocabulary(site):
    assert {"멀티헤드", "어텐션", "헤드"} <= set(site.compound_parts("멀티헤드어텐션"))
    assert set(site.compound_parts("위치인코딩")) == {"위치", "인코딩"}
    assert site.compound_parts("층정규화") == ["층", "정규화"]
    assert site.compound_parts("강화학습") == []  # '강화', '학습'은 이 사이트의 낱말이 아니다
    assert site.compound_parts("예약어") == []  # '예' + '약어'로 쪼개지 않는다


def test_spaced_compounds_also_get_their_joined_form(analyser, site):
    words = keywords(analyser, site, "층 정규화를 쓰고 배치 정규화의 한계를 본다.")
    assert {"층정규화", "배치정규화", "층", "정규화", "배치"} <= set(words)


def test_a_word_the_analyser_splits_into_an_untrusted_syllable_is_indexed_whole(analyser, site):
    # kiwipiepy 는 딥러닝을 딥 + 러닝으로 나눈다. '딥'은 믿지 않는 한 글자라 색인하지 않지만, 글에 그대로 있는
    # '딥러닝'은 색인해야 '딥러닝'을 찾을 수 있다.
    words = keywords(analyser, site, "파이썬과 딥러닝을 정리한다.")
    assert "딥러닝" in words and "딥" not in words


def test_joined_compounds_also_get_their_parts(analyser, site):
    words = keywords(analyser, site, "멀티헤드어텐션은 위치인코딩과 함께 쓴다.")
    assert {"멀티헤드어텐션", "헤드", "어텐션", "위치인코딩", "위치", "인코딩"} <= set(words)


# ---------------------------------------------------------------------------
# 용어집 동의어
# ---------------------------------------------------------------------------


def test_glossary_terms_bring_their_english_names_and_abbreviations(analyser, site):
    words = set(keywords(analyser, site, "배치 정규화는 미니배치의 평균을 뺀다."))
    assert {"batch", "normalization", "bn", "배치정규화", "mini"} <= words


def test_english_and_abbreviations_bring_the_korean_term(analyser, site):
    assert {"배치정규화", "배치", "정규화"} <= set(keywords(analyser, site, "BN 을 쓴다."))
    assert {"자비에르", "자비에르초기화"} <= set(
        keywords(analyser, site, "Xavier initialization 을 쓴다.")
    )


def test_korean_and_english_words_of_a_term_pair_up(analyser, site):
    # 용어 전체(자비에르 초기화)가 아니라 낱말 하나만 나와도 짝이 되는 영어 낱말이 붙는다.
    assert "xavier" in keywords(analyser, site, "자비에르가 제안했다.")


def test_discouraged_spellings_find_the_note(analyser, site):
    assert "초기값" in keywords(analyser, site, "초깃값을 잘 정해야 한다.")


def test_discouraged_spellings_are_only_used_whole(analyser, site):
    # '배치 표준화'를 피하라는 것이지 '표준화'가 배치 정규화라는 뜻은 아니다.
    words = set(keywords(analyser, site, "배치 정규화를 쓴다."))
    assert "배치표준화" in words and "표준화" not in words


def test_word_pairs_follow_the_glossary_not_the_word_order(site):
    pairs = site.pairs
    assert pairs["자비에르"] == "xavier" and pairs["xavier"] == "자비에르"
    assert pairs["초기화"] == "initialization"
    # 기울기 소실 = vanishing gradient: 낱말 차례가 달라도 짝이 맞는다
    assert pairs["소실"] == "vanishing"
    assert "배치" not in pairs  # 배치 정규화에는 확인된 짝이 없으니 짐작하지 않는다


# ---------------------------------------------------------------------------
# 코드 이름
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        (
            "nn.BatchNorm1d(3)",
            {"nn.batchnorm1d", "nn", "batchnorm1d", "batch", "norm", "batchnorm"},
        ),
        (
            "torch.nn.init.kaiming_normal_(w)",
            {"kaiming_normal_", "kaiming_normal", "kaiming", "normal", "init"},
        ),
        ("def f(*args, **kwargs):", {"*args", "args", "**kwargs", "kwargs"}),
        ("nn.MultiheadAttention", {"multiheadattention", "multihead", "attention"}),
    ],
)
def test_code_identifiers_are_split_sensibly(code, expected):
    assert expected <= set(ks.code_words(code))


def test_python_keywords_and_one_letter_names_are_not_search_words():
    assert ks.code_words("for x in range(3): return x") == ("range",)


# ---------------------------------------------------------------------------
# 색인 파일과 캐시
# ---------------------------------------------------------------------------

INDEX = {
    "config": {
        "lang": ["ko"],
        "separator": "[\\s\\-]+",
        "pipeline": [" "],
        "fields": {"title": {"boost": 1000.0}},
    },
    "docs": [
        {
            "location": "dl/batch-norm/",
            "title": "배치 정규화",
            "text": "<p>층 정규화와 비교한다. <code>nn.BatchNorm1d</code></p>",
        },
        {
            "location": "dl/attention/#멀티헤드",
            "title": "멀티헤드 어텐션",
            "text": "<p>헤드마다 어텐션을 계산한다.</p>",
        },
    ],
}


@pytest.fixture
def shared_analyser(monkeypatch, analyser):
    """색인 테스트마다 kiwipiepy 모델을 새로 읽지 않도록 모듈의 분석기 하나를 같이 쓴다."""
    monkeypatch.setattr(ks, "shared_analyser", lambda namespace, terms: analyser)


def write_index(tmp_path):
    path = tmp_path / "search_index.json"
    path.write_text(json.dumps(INDEX, ensure_ascii=False), encoding="utf-8")
    return path


def test_hidden_fields_are_added_and_the_visible_text_is_untouched(tmp_path, shared_analyser):
    path = write_index(tmp_path)
    ks.augment_index(path, cache_dir=tmp_path / "cache")
    index = json.loads(path.read_text(encoding="utf-8"))
    for before, after in zip(INDEX["docs"], index["docs"], strict=True):
        assert (after["title"], after["text"]) == (before["title"], before["text"])
    batch_norm, attention = index["docs"]
    assert {"층정규화", "batchnorm1d", "batch"} <= set(batch_norm["keywords"].split())
    assert {"배치정규화", "bn"} <= set(batch_norm["title_keywords"].split())
    assert {"헤드", "multi", "head"} <= set(attention["title_keywords"].split())
    assert index["config"]["fields"]["keywords"] == {"boost": 1.0}
    assert index["config"]["fields"]["title_keywords"] == {"boost": 1000.0}
    lexicon = index["config"]["korean"]
    assert {"어텐션", "정규화", "배치정규화"} <= set(lexicon["vocabulary"])
    assert "을" in lexicon["suffixes"] and lexicon["compounds"]["배치정규화"] == ["배치", "정규화"]


def test_words_the_visible_text_already_starts_with_are_left_out(tmp_path, shared_analyser):
    # Material 은 앞부분으로 찾으므로 본문에 '어텐션을'이 있으면 '어텐션'은 숨은 필드에 다시 넣지 않는다.
    path = write_index(tmp_path)
    ks.augment_index(path, cache_dir=tmp_path / "cache")
    attention = json.loads(path.read_text(encoding="utf-8"))["docs"][1]
    assert "어텐션" not in attention.get("keywords", "").split()
    assert "헤드" not in attention.get("keywords", "").split()


WARM_BUILD = textwrap.dedent(
    """
    import json, sys
    from pathlib import Path
    from hooks import korean_search as ks
    stats = ks.augment_index(Path(sys.argv[1]), cache_dir=Path(sys.argv[2]))
    print(json.dumps({**stats, "kiwipiepy_imported": "kiwipiepy" in sys.modules}))
    """
)


def warm_build(tmp_path, index_path):
    """새 파이썬 프로세스에서 색인을 만든다: kiwipiepy 를 불러왔는지 볼 수 있다."""
    result = subprocess.run(
        [sys.executable, "-c", WARM_BUILD, str(index_path), str(tmp_path / "cache")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_warm_cache_does_not_import_kiwipiepy(tmp_path, shared_analyser):
    cold = ks.augment_index(write_index(tmp_path), cache_dir=tmp_path / "cache")
    assert cold == {"sections": 2, "hits": 0, "misses": 4}
    # 색인이 그대로면 지난 결과를 쓰고, 글이 그대로면(여기서는 주소만 바뀜) 분석 캐시를 쓴다.
    unchanged = warm_build(tmp_path, write_index(tmp_path))
    path = write_index(tmp_path)
    path.write_text(
        path.read_text(encoding="utf-8").replace("dl/attention/", "dl/attn/"), encoding="utf-8"
    )
    moved = warm_build(tmp_path, path)
    for warm in (unchanged, moved):
        assert warm == {"sections": 2, "hits": 4, "misses": 0, "kiwipiepy_imported": False}


def test_only_a_changed_section_is_analysed_again(tmp_path, shared_analyser):
    ks.augment_index(write_index(tmp_path), cache_dir=tmp_path / "cache")
    path = write_index(tmp_path)
    index = json.loads(path.read_text(encoding="utf-8"))
    index["docs"][1]["text"] = "<p>헤드 수를 바꾼다.</p>"
    path.write_text(json.dumps(index, ensure_ascii=False), encoding="utf-8")
    assert ks.augment_index(path, cache_dir=tmp_path / "cache") == {
        "sections": 2,
        "hits": 3,
        "misses": 1,
    }


def test_the_switch_turns_the_hook_off(tmp_path, monkeypatch, shared_analyser):
    (tmp_path / "search").mkdir()
    path = write_index(tmp_path).rename(tmp_path / "search" / "search_index.json")
    monkeypatch.setattr(ks, "CACHE_DIR", tmp_path / "cache")
    monkeypatch.setenv(ks.SWITCH, "0")
    ks.on_post_build({"site_dir": str(tmp_path)})
    assert json.loads(path.read_text(encoding="utf-8")) == INDEX
    monkeypatch.setenv(ks.SWITCH, "1")
    ks.on_post_build({"site_dir": str(tmp_path)})
    assert "korean" in json.loads(path.read_text(encoding="utf-8"))["config"]


# ---------------------------------------------------------------------------
# 노트와 다르게 쓴 질의: 외래어 표기, 기호의 이름, 한글로 쓴 수
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "spellings",
    [
        ("레이어", "래이어"),
        ("노멀", "노말"),
        ("어텐션", "어탠션"),
        ("트랜스포머", "트렌스포머"),
        ("애스터리스크", "아스테리스크"),
        ("플래시", "플래쉬"),
        ("주스", "쥬스"),
    ],
)
def test_common_transliteration_variants_share_a_key(spellings):
    assert len({ks.loanword_key(s) for s in spellings}) == 1


def test_keys_keep_plain_and_aspirated_consonants_apart():
    # 배치(batch)와 패치(patch)는 다른 말이다: 모음은 거칠게 묶어도 ㅂ/ㅍ 는 가른다.
    assert ks.loanword_key("배치") != ks.loanword_key("패치")


@pytest.mark.parametrize(
    ("english", "hangul"),
    [
        ("weight", "웨이트"),
        ("initialization", "이니셜라이제이션"),
        ("normalization", "노멀라이제이션"),
        ("teacher", "티처"),
        ("forcing", "포싱"),
        ("positional", "포지셔널"),
        ("kaiming", "카이밍"),
        ("cuda", "쿠다"),
        ("bert", "버트"),
        ("batchnorm", "배치놈"),
        ("flashattention", "플래시어텐션"),
        ("perplexity", "퍼플렉시티"),
        ("dropout", "드롭아웃"),
        ("embedding", "임베딩"),
        ("token", "토큰"),
        ("query", "쿼리"),
        ("value", "밸류"),
        ("machine", "머신"),  # 프랑스말에서 온 ch
    ],
)
def test_english_spelling_reaches_the_usual_hangul_transliteration(english, hangul):
    # 규칙은 외래어 표기법을 거칠게 따른다: 정답 하나를 맞히는 대신 흔한 표기들의 열쇠를 모두 낸다.
    assert ks.loanword_key(hangul) in ks.spelling_keys(english)


def test_short_keys_are_trusted_only_for_named_terms():
    # 'rest'의 열쇠(RAST)는 짧아서 '러스트(Rust)'와 겹친다: 용어가 아닌 낱말의 짧은 열쇠는 약한 표로 간다.
    sections = [ks.Section("", "", "Attention is all you need. BERT rest", "")]
    strong, weak = ks.loanword_tables(["attention", "bert", "rest"], sections, load_terms())
    words = {w for v in strong.values() for w in v.split()}
    assert {"attention", "bert"} <= words  # bert 는 본문의 대문자 약어라 짧은 열쇠도 믿는다
    assert "rest" not in words and weak[ks.loanword_key("러스트")] == "rest"


def test_symbols_bring_their_hangul_names():
    assert ks.symbol_words("y = γx̂ + β, √d_k, σ²") == [
        "감마",
        "베타",
        "루트",
        "제곱근",
        "시그마",
        "제곱",
    ]


def test_numbers_are_read_by_the_projects_own_reader():
    from snippets.transformer.numerals import read_korean

    words = ks.number_words(
        "3052 를 읽고, 30,052 와 1.414 를 본다. 삼천오십이는 수다. 사이에 5 가 있다."
    )
    assert "삼천오십이" in words and "3052" in words  # 숫자 → 한글, 한글 → 숫자
    assert read_korean(30052).replace(" ", "") in words  # 만 단위로 띄어 읽은 것을 붙여서
    assert "일점사일사" in words
    assert "오" not in words  # 한 자리 수는 어디에나 있다
    assert (
        ks.hangul_number("사이", read_korean, "영일이삼사오육칠팔구") is None
    )  # 글자가 수여도 수가 아니다


def test_three_and_four_digit_numbers_are_also_read_digit_by_digit():
    words = ks.number_words("PEP 448 과 3132 를 본다. 30,052 와 12 도 있다.")
    assert "사사팔" in words and "사백사십팔" in words  # 번호처럼도, 수처럼도
    assert "삼일삼이" in words
    assert "삼영영오이" not in words and "일이" not in words  # 다섯 자리와 두 자리는 수로만 읽는다


def test_a_hard_sound_spelled_with_a_siot_final_has_the_same_key():
    assert ks.loanword_key("뱃치") == ks.loanword_key("배치")
    assert ks.loanword_key("맛") != ks.loanword_key("마")  # 뒤에 된소리가 없으면 받침은 그대로다


def test_glossary_aliases_are_search_names():
    term = load_terms()[0].__class__(ko="허 초기화", en="He initialization", aliases=("He 초기화",))
    assert "he초기화" in ks.Synonyms.from_term(term).names


# ---------------------------------------------------------------------------
# 브라우저의 질의 정규화(korean-search.js): node 로 워커의 analyse 를 돌려 본다
# ---------------------------------------------------------------------------

WORKER = ROOT / "overrides" / "assets" / "javascripts" / "workers" / "korean-search.js"
HARNESS = """
const fs = require("fs")
const [source, lexicon, queries] = process.argv.slice(1).map(path => fs.readFileSync(path, "utf8"))
const body = source.slice(0, source.indexOf('importScripts("shard-search.js")'))
const ShardSearch = { PRESENCE: { OPTIONAL: 0, REQUIRED: 1, PROHIBITED: 2 } }
const api = new Function("self", "ShardSearch", body + "; return { setup, analyse, toClauses }")(
  { location: { search: "" } }, ShardSearch)
api.setup(JSON.parse(lexicon))
/* 검색어를 글로 적는다: 앞부분 일치는 낱말 그대로(무게가 1 이 아니면 낱말*^무게), 통째로는 낱말^1 */
const sign = clause => ["", "+", "-"][clause.presence]
const written = clause => sign(clause) + (!clause.prefix ? `${clause.term}^1` : clause.boost === 1 ? clause.term : `${clause.term}*^${clause.boost}`)
const out = {}
for (const q of JSON.parse(queries)) {
  const groups = api.analyse(q)
  out[q] = { blocked: groups.blocked, query: api.toClauses(groups).map(written).join(" ") }
}
console.log(JSON.stringify(out))
"""

QUERY_INDEX = {
    "config": {"lang": ["ko"], "separator": "[\\s\\-]+", "pipeline": [" "], "fields": {}},
    "docs": [
        {
            "location": "a/",
            "title": "순환 신경망",
            "text": "<p>LSTM 의 게이트. 기울기 소실과 기울기 폭발.</p>",
        },
        {
            "location": "b/",
            "title": "층 정규화",
            "text": "<p>레이어마다 정규화한다(layer normalization). 영어 표기.</p>",
        },
        {
            "location": "c/",
            "title": "어텐션",
            "text": "<p>어텐션은 √d_k 로 나눈다. 키와 쿼리, 키워드 인자. 분산은 1/nin 과 1/nout.</p>",
        },
        {
            "location": "d/",
            "title": "교사 강요",
            "text": "<p>교사 강요(teacher forcing)를 쓴다. 트랜스포머. 빔 탐색(beam search).</p>",
        },
        {
            "location": "e/",
            "title": "배치",
            "text": "<p>배치 크기(batch size)를 정하고 normalization 을 본다.</p>",
        },
        {
            "location": "f/",
            "title": "언패킹",
            "text": "<p>PEP 448 은 언패킹을 넓혔다. 버퍼(buffer)와 PR 은 다른 말이다. star 표현식의 스타일. 별표(*)로 푼다.</p>",
        },
        {
            "location": "g/",
            "title": "행렬",
            "text": "<p>Q, K, V 행렬을 곱한다. 시드를 고정한다.</p>",
        },
        {
            "location": "h/",
            "title": "마스킹",
            "text": "<p>토큰을 고른다. GPT 가 쓴다.</p><pre><code>mask = torch.rand(3) < select_prob\nlayer = nn.Linear(3, 3)\nd_k = 8</code></pre>",
        },
    ],
}


@pytest.fixture(scope="module")
def browser_queries(tmp_path_factory, analyser):
    """질의 → {blocked, query}: 작은 색인의 config.korean 으로 워커의 정규화를 돌린다."""
    node = shutil.which("node")
    if node is None:
        pytest.skip(
            "node 가 없다 — 워커의 정규화는 브라우저 테스트(tests/browser/test_search.py)가 본다"
        )
    tmp = tmp_path_factory.mktemp("query")
    path = tmp / "search_index.json"
    path.write_text(json.dumps(QUERY_INDEX, ensure_ascii=False), encoding="utf-8")
    original = ks.shared_analyser
    ks.shared_analyser = lambda namespace, terms: analyser
    try:
        ks.augment_index(path, cache_dir=tmp / "cache")
    finally:
        ks.shared_analyser = original
    lexicon = tmp / "lexicon.json"
    lexicon.write_text(
        json.dumps(
            json.loads(path.read_text(encoding="utf-8"))["config"]["korean"], ensure_ascii=False
        ),
        encoding="utf-8",
    )

    def run(*queries):
        listing = tmp / "queries.json"
        listing.write_text(json.dumps(queries, ensure_ascii=False), encoding="utf-8")
        result = subprocess.run(
            [node, "-e", HARNESS, str(WORKER), str(lexicon), str(listing)],
            capture_output=True,
            text=True,
            check=True,
        )
        return json.loads(result.stdout)

    return run


def test_abbreviations_said_aloud_become_the_abbreviation(browser_queries):
    assert browser_queries("엘에스티엠")["엘에스티엠"]["query"] == "lstm*^2"  # 용어집 용어라 무게 2


def test_other_transliterations_find_the_site_word(browser_queries):
    found = browser_queries("래이어", "티처 포싱")
    assert "레이어" in found["래이어"]["query"].split()
    assert found["티처 포싱"]["query"].split() == ["teacher", "forcing"]


def test_one_syllable_words_are_matched_whole_and_fragments_not_at_all(browser_queries):
    found = browser_queries("쿼리 키", "영어 식 수")
    assert "키^1" in found["쿼리 키"]["query"].split()  # 키워드의 '키'로 찾지 않는다
    assert found["영어 식 수"]["query"] == "영어"


def test_queries_mostly_of_words_the_site_does_not_know_are_off_topic(browser_queries):
    found = browser_queries("영어 회화", "러스트 소유권", "기울기 폭주", "GAN 기울기 소실")
    assert found["영어 회화"]["blocked"] and found["러스트 소유권"]["blocked"]
    assert not found["기울기 폭주"]["blocked"]  # 같은 수라도 용어집 용어를 부르면 주제 안이다
    assert found["GAN 기울기 소실"]["blocked"] is False


def test_short_loanword_keys_add_terms_but_do_not_make_a_query_on_topic(browser_queries):
    found = browser_queries("배치 사이즈", "사이즈")
    assert (
        found["배치 사이즈"]["query"].split() == ["배치", "size"]
        and not found["배치 사이즈"]["blocked"]
    )
    assert found["사이즈"]["blocked"]  # 짧은 열쇠로만 풀린 질의는 주제의 근거가 없다


def test_a_one_syllable_loanword_finds_only_a_short_english_word(browser_queries):
    found = browser_queries("펩 사사팔", "법")
    assert found["펩 사사팔"]["query"].split()[0] == "pep"
    assert "buffer" not in found["법"]["query"]  # 한 음절은 네 글자 이하의 영어 낱말만


def test_a_two_letter_acronym_said_aloud_is_matched_whole(browser_queries):
    assert (
        browser_queries("피알")["피알"]["query"] == "pr^1"
    )  # pr* 는 print, probability 까지 맞는다


def assert_on_topic(browser_queries, *queries):
    """질의들이 모두 사이트의 주제로 읽히는지(blocked 가 아닌지) 보고 결과를 돌려준다."""
    found = browser_queries(*queries)
    assert not any(found[q]["blocked"] for q in queries), found
    return found


def test_an_unknown_noun_is_off_topic_even_beside_a_glossary_term(browser_queries):
    found = browser_queries(
        "공항 탑승 배치 크기",
        "포토샵 레이어",
        "공항 기울기 소실",
        "변압기 트랜스포머",
        "몸무게 배치 크기",
        "장고 배치 크기",
        "시퀀서 배치 크기",
        "먹이 배치 크기",
        "밤하늘 배치 크기",
        "보험 배치 크기",
    )
    assert found["공항 탑승 배치 크기"]["blocked"]  # 사이트의 일반 낱말이 섞여 있어도
    assert found["포토샵 레이어"]["blocked"]
    # 사이트가 쓰지 않은 명사는 다른 분야의 말이다: 용어집 용어(기울기 소실, 트랜스포머)도 그 분야의 뜻이다
    assert found["공항 기울기 소실"]["blocked"]
    assert found["변압기 트랜스포머"]["blocked"]  # '-기'로 끝나도 세 음절이면 명사다
    assert found["몸무게 배치 크기"]["blocked"]
    # 두 음절의 끝이 어미 꼴이어도 앞 음절이 서술어 어간(kiwipiepy)이 아니면 명사다: 장고 ≠ 넣고
    assert found["장고 배치 크기"]["blocked"]
    assert found["시퀀서 배치 크기"]["blocked"]  # 외래어의 -서 는 어미 -어서 가 아니다
    assert found["먹이 배치 크기"]["blocked"]  # -이 로 끝나는 두 음절은 명사다(먹 + 이 가 아니다)
    assert found["밤하늘 배치 크기"]["blocked"]  # 낱말 속의 '하'는 하다 활용이 아니다
    assert found["보험 배치 크기"]["blocked"]  # 받침 ㅁ 으로 끝나도 부사가 앞에 없으면 명사다


def test_unknown_predicates_and_numbers_read_aloud_are_not_nouns(browser_queries):
    queries = (
        "배치 크기 넣고",
        "배치 크기 넣어서",
        "배치 크기 달라져",
        "배치 크기 필요없나",
        "배치 크기 어려운",
        "배치 크기 받기",
        "배치 크기 여러개",
        "배치 크기 알려줘",
        "배치 크기 추가하는",
        "표기 추가하는",  # 모르는 서술어는 아는 낱말 하나와 같이 있어도 주제 밖의 근거가 아니다
        "배치 크기 엔분의",
        "배치 크기 넣기",
        "배치 크기 학습해도",
        "배치 크기 가능한지",
        "일차 배치 크기",
        "팔승 배치 크기",
        "배치 크기 돌려도",
        "배치 크기 돌려서",
        "배치 크기 못보게",
        "배치 크기 싶은데",
        "배치 크기 왜씀",
        "배치 크기 키겹칠때",
        "배치 크기 다바뀜",
        "배치 크기 안깨짐",
        "배치 크기 돼있어",
        "배치 크기 같아야돼",
        "배치 크기 앞에넣어",
        "배치 크기 가벼움",
        "배치 크기 정규화때",
    )
    assert_on_topic(browser_queries, *queries)


def test_a_two_syllable_prefix_of_a_site_word_counts_only_while_typing(browser_queries):
    found = browser_queries("언패 배치 크기", "배치 크기 언패", "교사 강")
    assert found["언패 배치 크기"]["blocked"]  # 언패 → 언패킹 은 다 친 낱말이면 우연이다
    assert not found["배치 크기 언패"]["blocked"]  # 마지막 낱말은 아직 치는 중이다
    assert not found["교사 강"]["blocked"]


def test_a_code_name_with_a_piece_the_site_never_uses_is_another_library(browser_queries):
    found = browser_queries("배치 layer.save", "배치 layer.normalization")
    assert found["배치 layer.save"]["blocked"]  # save 는 사이트에 없다: 다른 라이브러리의 API 다
    assert not found["배치 layer.normalization"]["blocked"]


def test_a_subscript_read_aloud_after_a_letter_name_finds_the_symbol(browser_queries):
    found = browser_queries("엔인", "엔아웃 분의", "인")
    assert found["엔인"]["query"] == "nin"  # n_in (수식의 아래 첨자)
    assert found["엔아웃 분의"]["query"].split()[0] == "nout"
    assert not found["엔아웃 분의"]["blocked"]  # 분수를 읽는 말(분의)은 숫자처럼 중립이다
    assert "in" not in found["인"]["query"].split()  # 첨자 이름만으로는 글자가 아니다


def test_words_that_say_how_the_reader_asks_are_not_evidence_of_another_topic(browser_queries):
    queries = (
        "배치 크기 소개",
        "배치 크기 False",
        "배치 크기 달라요",
        "배치 크기 스물여섯",
        "배치 크기 추가",
        "배치 크기 방지",
        "배치 크기 비유",
    )
    found = browser_queries(*queries, "배치 크기 몽골")
    assert not any(found[q]["blocked"] for q in queries), found
    assert found["배치 크기 몽골"]["blocked"]  # 의도 낱말이 아닌 모르는 명사는 그대로 센다


def test_a_one_syllable_word_with_a_long_ending_is_a_fragment(browser_queries):
    assert browser_queries("배치 곳인가요")["배치 곳인가요"]["query"] == "배치"


def test_an_acronym_said_aloud_finds_the_letters_the_site_lists_together(browser_queries):
    found = browser_queries("큐케이브이", "QKV", "비아이티")
    # 글에 Q, K, V 로 늘어놓은 글자는 붙인 약어 qkv 로도 색인된다: 소리로 읽든 영어로 치든 그것을 찾는다
    assert found["큐케이브이"]["query"] == "qkv"
    assert found["QKV"]["query"] == "qkv"
    assert not found["큐케이브이"]["blocked"] and not found["QKV"]["blocked"]
    assert found["비아이티"]["blocked"]  # bit 와 vit 로 읽혀 고르지 않는다


def test_letters_the_notes_list_one_by_one_are_indexed_as_an_acronym():
    assert ks.letter_lists("Q, K, V 행렬과 Q·K·V, 그리고 X/Y/Z") == ["qkv", "qkv", "xyz"]
    assert ks.letter_lists("A, B 두 점과 QA, K, V") == []  # 두 글자 목록과 낱말 속 대문자는 아니다


def test_a_sentence_ending_before_a_noun_particle_is_part_of_a_noun(browser_queries):
    found = browser_queries("요가 배치 크기", "배치 크기 뭐가", "나이 배치 크기")
    # 요가는 어미 '요' + 조사 '가' 가 아니라 다른 분야의 명사다
    assert found["요가 배치 크기"]["blocked"]
    assert found["배치 크기 뭐가"]["query"] == "배치 크기"  # 뭐 + 가 는 여전히 묻는 말투다
    assert found["나이 배치 크기"]["blocked"]  # '나'의 주격은 '내가'다: 나이는 명사다


def test_a_clipped_loanword_with_a_particle_finds_the_site_word(browser_queries):
    found = browser_queries("트랜스포는 배치")
    assert found["트랜스포는 배치"]["query"].split()[0] == "트랜스포"  # → 트랜스포머
    assert not found["트랜스포는 배치"]["blocked"]


def test_a_typo_after_the_word_it_follows_on_the_site_is_fixed_from_the_phrase(browser_queries):
    found = browser_queries("기울기 폭팔", "폭팔")
    # 사이트의 '기울기 폭발'과 자모 하나 차이
    assert "폭발" in found["기울기 폭팔"]["query"].split()
    assert not found["기울기 폭팔"]["blocked"]
    assert found["폭팔"]["blocked"]  # 앞 낱말이 없으면 두 음절 오타는 고치지 않는다


def test_several_weak_sound_alikes_outweighing_site_words_are_off_topic(browser_queries):
    found = browser_queries("스타 사이즈 배치", "배치 사이즈")
    assert found["스타 사이즈 배치"]["blocked"]  # star, size 는 짧은 열쇠로만 닮았다
    assert not found["배치 사이즈"]["blocked"]


def test_two_syllable_words_sound_alike_only_when_they_spell_an_english_word(browser_queries):
    found = browser_queries("뱃치", "고장")
    assert "배치" in found["뱃치"]["query"].split()  # 배치 = batch 의 표기
    assert "고정" not in found["고장"]["query"]  # 고장과 고정은 열쇠만 같은 다른 말이다


def test_english_with_one_letter_off_finds_the_site_word(browser_queries):
    assert browser_queries("normalisation")["normalisation"]["query"] == "normalization"


def test_the_browser_computes_the_same_loanword_keys(tmp_path):
    node = shutil.which("node")
    if node is None:
        pytest.skip("node 가 없다")
    words = [
        "트랜스포머",
        "뱃치",
        "레이어",
        "셔플",
        "쥬스",
        "플래쉬",
        "배치",
        "패치",
        "웨이트",
        "꽃",
        "값",
        "의",
    ]
    script = (
        WORKER.read_text(encoding="utf-8").split('importScripts("shard-search.js")')[0]
        + f"\nconsole.log(JSON.stringify({json.dumps(words, ensure_ascii=False)}.map(hangulKey)))"
    )
    (tmp_path / "keys.js").write_text(script, encoding="utf-8")
    result = subprocess.run([node, str(tmp_path / "keys.js")], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == [ks.loanword_key(w) for w in words]


def test_a_function_call_is_split_into_its_name_and_arguments(browser_queries):
    found = browser_queries("calculate_gain('relu')", "nn.Linear(3, bias=False)")
    assert found["calculate_gain('relu')"]["query"].split()[:2] == ["calculate_gain", "relu"]
    assert found["nn.Linear(3, bias=False)"]["query"].split()[:1] == ["nn.linear"]
    assert "bias" in found["nn.Linear(3, bias=False)"]["query"].split()


def test_a_glossary_term_weighs_more_and_an_intent_word_less_than_a_plain_word(browser_queries):
    found = browser_queries("엘에스티엠 게이트 정리", "정리")
    assert found["엘에스티엠 게이트 정리"]["query"].split() == ["lstm*^2", "게이트", "정리*^0.2"]
    assert found["정리"]["query"] == "정리"  # 의도 낱말만 친 질의는 그대로 찾는다


def test_a_three_syllable_typo_with_a_confusable_vowel_finds_the_site_word(browser_queries):
    found = browser_queries("정구화", "정고화", "정규하")
    assert found["정구화"]["query"] == "정규화"  # ㅜ 와 ㅠ 는 흔히 헷갈린다
    assert found["정규하"]["query"] == "정규화"  # ㅘ 의 반모음을 빠뜨렸다
    assert found["정고화"]["blocked"]  # ㅠ 와 ㅗ 는 헷갈리는 짝이 아니다: 다른 낱말일 수 있다


def test_one_syllable_predicate_stems_come_from_kiwipiepy_and_are_cached(tmp_path):
    stems = ks.predicate_stems(tmp_path)
    # 넣고, 작게, 쓰는, 보고(보다는 부사로도 읽힌다), 받(VV-R), 맵(VA-I: 맵다)
    assert {"넣", "작", "쓰", "보", "받", "맵"} <= set(stems)
    assert not {"장", "망", "방"} & set(stems)  # 장고, 망고, 방지는 명사다
    cached = json.loads((tmp_path / "predicate-stems.json").read_text(encoding="utf-8"))
    assert cached == {"kiwipiepy": ks.kiwi_version(), "stems": stems}


def test_a_two_syllable_prefix_that_spells_an_english_word_is_that_word(browser_queries):
    found = browser_queries("스타 배치 크기")
    assert "star" in found["스타 배치 크기"]["query"]  # 스타 → star (스타일의 앞부분이기도 하다)


def test_english_question_words_are_dropped_like_korean_ones(browser_queries):
    found = browser_queries("how to use layer normalization", "to")
    words = found["how to use layer normalization"]["query"].split()
    assert "layer" in words and "normalization" in words
    assert not {"how", "to", "use"} & {w.split("^")[0].rstrip("*") for w in words}
    assert found["to"]["query"] == "to"  # 그 말만 친 질의는 그대로 찾는다


def test_two_letter_english_words_stay_hidden_keywords_beside_a_particle(tmp_path, shared_analyser):
    # 브라우저는 두 글자 영어(bn, pr)를 통째로만 찾는다. 보이는 글에 'BN은'만 있어도 bn 은 숨은 필드에 남아야 한다.
    path = tmp_path / "search_index.json"
    index = {
        "config": INDEX["config"],
        "docs": [{"location": "bn/", "title": "정규화", "text": "<p>BN은 평균을 뺀다.</p>"}],
    }
    path.write_text(json.dumps(index, ensure_ascii=False), encoding="utf-8")
    ks.augment_index(path, cache_dir=tmp_path / "cache")
    doc = json.loads(path.read_text(encoding="utf-8"))["docs"][0]
    assert "bn" in doc["keywords"].split()


def test_a_number_joined_to_a_word_is_searched_as_both(browser_queries):
    found = browser_queries("448언패킹")
    assert found["448언패킹"]["query"].split()[:2] == ["448", "언패킹*^2"]  # 언패킹은 용어집 용어


def test_a_two_letter_acronym_in_capitals_is_matched_whole(browser_queries):
    found = browser_queries("PR 배치", "PR은 배치", "배치 pr", "pr 배치")
    assert found["PR 배치"]["query"].split()[0] == "pr^1"  # pr* 는 pre, print 까지 맞는다
    assert found["PR은 배치"]["query"].split()[0] == "pr^1"
    # 마지막 소문자는 치는 중일 수 있다: 앞부분 일치(용어라 무게 2). 다 친 소문자 약어는 통째로 찾는다
    assert found["배치 pr"]["query"].split()[-1] == "pr*^2"
    assert found["pr 배치"]["query"].split()[0] == "pr^1"


def test_star_operators_and_negative_numbers_are_not_search_syntax(browser_queries):
    found = browser_queries("-2**2 배치", "[0]*3 배치", "kaiming* 배치", "-배치 크기")
    assert (
        "별표" in found["-2**2 배치"]["query"]
    )  # 곱하기·거듭제곱의 별표는 사이트가 별표라 부르는 것
    assert "-2**2" not in found["-2**2 배치"]["query"]  # 음수는 빼기(-) 문법이 아니다
    assert "별표" in found["[0]*3 배치"]["query"]
    assert "별표" not in found["kaiming* 배치"]["query"]  # 끝의 별표는 앞부분 일치
    assert found["-배치 크기"]["query"].startswith("-배치")  # 낱말 앞의 - 는 여전히 빼기


def test_letter_names_typed_apart_are_one_spelling(browser_queries):
    found = browser_queries("큐 케이 브이", "엘 에스 티 엠")
    assert found["큐 케이 브이"]["query"] == "qkv"
    assert found["엘 에스 티 엠"]["query"].startswith("lstm")


def test_a_half_typed_hangul_spelling_of_an_english_word_finds_it(browser_queries):
    found = browser_queries("노멀라이제", "배치 노멀라이제", "노멀라이제 배치")
    assert "normalization" in found["노멀라이제"]["query"]  # 노트는 normalization 을 영어로 쓴다
    assert "normalization" in found["배치 노멀라이제"]["query"]
    assert found["노멀라이제 배치"]["blocked"]  # 다 친 낱말(마지막이 아닌)은 앞부분으로 풀지 않는다


def test_english_with_two_letters_swapped_finds_the_site_word(browser_queries):
    assert browser_queries("normalizaiton")["normalizaiton"]["query"] == "normalization"


def test_a_lone_syllable_becomes_english_only_for_an_acronym_the_site_writes(browser_queries):
    found = browser_queries("펩 배치", "뱀 배치")
    assert found["펩 배치"]["query"].split()[0] == "pep"  # PEP 은 사이트가 대문자로 쓰는 약어
    assert "beam" not in found["뱀 배치"]["query"]  # 뱀 은 한국어 낱말: beam 으로 읽지 않는다


def test_casual_endings_and_asking_words_are_not_topics(browser_queries):
    queries = (
        "배치 크기 했을때",
        "배치 크기 하는거",
        "배치 인듯",
        "정규화하면서",
        "배치 크기 안될때",
    )
    found = assert_on_topic(
        browser_queries, *queries, "배치 크기 뭐뭐", "배치 크기 직접", "배치 크기 양끝"
    )
    assert found["정규화하면서"]["query"].startswith("정규화")
    # 겹친 묻는 말(뭐뭐)과 흔한 부사(직접)는 주제가 아니라 빼고 찾는다
    assert found["배치 크기 뭐뭐"]["query"] == found["배치 크기 직접"]["query"] == "배치 크기"
    assert found["배치 크기 양끝"]["query"] == "배치 크기"  # 자리를 가리키는 말(양끝, 앞쪽)도 뺀다


def test_a_dotted_code_name_is_also_searched_by_its_tail(browser_queries):
    query = browser_queries("torch.nn.Linear")["torch.nn.Linear"]["query"].split()
    assert query[:3] == ["torch.nn.linear", "nn.linear", "linear"]  # 노트는 줄여 적는다


def test_english_known_only_as_a_piece_of_a_code_name_is_not_evidence(browser_queries):
    found = browser_queries("select *", "select_prob", "select 마스킹")
    assert found["select *"]["blocked"]  # SQL 의 select 다: 별표만 친 낱말도 근거가 아니다
    assert not found["select_prob"]["blocked"]  # 노트가 쓴 이름 그대로는 아는 말이다
    assert not found["select 마스킹"]["blocked"]


def test_many_site_words_with_two_glossary_terms_outweigh_one_unknown_noun(browser_queries):
    found = browser_queries(
        "LSTM 게이트 기울기 소실 고윳값", "기울기 소실 고윳값", "공항 LSTM 게이트"
    )
    # 아는 낱말 넷(용어집 용어 둘)에 모르는 명사 하나: 노트가 다른 말로 설명한 것이다
    assert not found["LSTM 게이트 기울기 소실 고윳값"]["blocked"]
    assert found["기울기 소실 고윳값"]["blocked"]  # 아는 낱말이 둘이면 여전히 다른 분야의 말이다
    # 사이트에 없는 영어까지 있으면 다른 분야다: 'Redis 키 밸류 저장소 만료 시간 설정'
    assert browser_queries("LSTM 게이트 기울기 소실 고윳값 Redis")[
        "LSTM 게이트 기울기 소실 고윳값 Redis"
    ]["blocked"]
    assert found["공항 LSTM 게이트"]["blocked"]


def test_an_english_word_with_a_number_is_a_model_name(browser_queries):
    found = browser_queries("KF94 LSTM", "LSTM2 게이트", "LTSM 게이트")
    assert found["KF94 LSTM"]["blocked"]  # kf 는 사이트에 없다: 다른 제품의 이름이다
    assert found["LSTM2 게이트"]["query"].split()[0] == "lstm*^2"  # 아는 말 + 숫자는 그 말이다
    assert found["LTSM 게이트"]["query"].split()[0] == "lstm*^2"  # 대문자 약어의 두 글자가 바뀐 것


def test_hangul_joined_to_english_is_split_when_the_site_never_joins_them(browser_queries):
    found = browser_queries("LSTM게이트", "2/(n_in+n_out) 분산")
    assert found["LSTM게이트"]["query"].split()[:2] == ["lstm*^2", "게이트"]
    assert "분산" in found["2/(n_in+n_out) 분산"]["query"].split()


def test_a_spaced_particle_is_not_a_noun_of_another_field(browser_queries):
    assert not browser_queries("d_k 는 게이트")["d_k 는 게이트"]["blocked"]


def test_a_short_code_name_the_site_uses_is_a_site_word(browser_queries):
    found = browser_queries("d_k 같아야돼", "q_z 같아야돼")
    assert not found["d_k 같아야돼"]["blocked"]  # 노트의 코드가 쓰는 이름이다
    assert found["q_z 같아야돼"]["blocked"]


def test_code_pieces_are_english_words_seen_only_inside_code_names():
    section = ks.Section(
        title="토큰",
        title_code="",
        body="torch 로 고른다",
        body_code="x = select_prob + torch.rand(3)",
    )
    assert ks.code_pieces(["select", "prob", "torch", "rand"], [section]) == ["prob", "select"]


def test_a_long_hangul_spelling_of_another_english_form_finds_the_site_word(browser_queries):
    found = browser_queries("노멀라이즈 배치")
    assert "normalization" in found["노멀라이즈 배치"]["query"].split()
    assert not found["노멀라이즈 배치"]["blocked"]


def test_a_product_name_the_site_never_mentions_is_another_topic(browser_queries):
    found = browser_queries("MySQL 배치 크기 정규화", "mysql 배치 크기 정규화 layer")
    assert found["MySQL 배치 크기 정규화"]["blocked"]  # 대소문자가 섞인 이름: 다른 제품
    assert not found["mysql 배치 크기 정규화 layer"][
        "blocked"
    ]  # 소문자 낱말 하나는 아는 낱말들보다 적다


def test_a_four_letter_english_word_missing_one_letter_finds_the_site_word(browser_queries):
    found = browser_queries("bach", "bbtc")
    assert found["bach"]["query"] == "batch"
    assert found["bbtc"]["blocked"]  # 네 글자에서 한 글자를 바꾼 것은 고치지 않는다


def test_a_lone_syllable_that_starts_no_site_word_is_a_noun_of_another_field(browser_queries):
    found = browser_queries(
        "옷 배치 크기", "배 배치 크기", "두 배치 크기", "엔 배치 크기", "배치 크기 옷"
    )
    assert found["옷 배치 크기"]["blocked"]  # 옷 은 사이트의 어느 낱말의 첫 음절도 아니다
    assert not found["배 배치 크기"]["blocked"]  # 배치의 첫 음절(줄여 친 것일 수 있다)이자 단위
    assert not found["두 배치 크기"]["blocked"]  # 수
    assert not found["엔 배치 크기"]["blocked"]  # 글자 이름(n)
    assert not found["배치 크기 옷"]["blocked"]  # 마지막 낱말은 아직 치는 중일 수 있다


def test_a_code_name_whose_pieces_the_site_uses_is_a_site_word(browser_queries):
    found = browser_queries("layer.normalization 달라져")
    assert not found["layer.normalization 달라져"][
        "blocked"
    ]  # 코드 이름이 아는 말이라 서술어 하나로 막지 않는다


def test_the_reference_pages_come_from_the_glossary_mark_in_the_index(tmp_path, shared_analyser):
    path = tmp_path / "search_index.json"
    docs = [
        {"location": "glossary/", "title": "용어집", "text": "<p>풀이</p>", "glossary": True},
        {"location": "glossary/#용어-배치-정규화", "title": "배치 정규화", "text": "<p>BN</p>"},
        {"location": "bn/", "title": "배치 정규화", "text": "<p>평균을 뺀다</p>"},
    ]
    path.write_text(json.dumps({"config": INDEX["config"], "docs": docs}, ensure_ascii=False))
    ks.augment_index(path, cache_dir=tmp_path / "cache")
    lexicon = json.loads(path.read_text(encoding="utf-8"))["config"]["korean"]
    assert lexicon["reference"] == ["glossary/"]


def test_a_glossary_acronym_in_capitals_is_a_site_word(browser_queries):
    found = browser_queries("PR 올려서", "XY 올려서")
    # PR 은 용어집의 약어(풀 리퀘스트)다: 주제의 근거가 된다
    assert not found["PR 올려서"]["blocked"]
    assert found["XY 올려서"]["blocked"]  # 사이트에 없는 두 글자는 근거가 없다


def test_function_words_come_from_the_kiwipiepy_dictionary_and_are_cached(tmp_path):
    words = ks.function_words(tmp_path).split()
    assert {"각각", "도저히", "이렇게", "미리", "쭉"} <= set(words)  # 부사, 한 음절 부사
    assert not {"배치", "공항", "요가", "시계열"} & set(words)  # 명사는 없다
    cached = json.loads((tmp_path / "function-words.json").read_text(encoding="utf-8"))
    assert cached == {"kiwipiepy": ks.kiwi_version(), "words": " ".join(words)}


def test_adverbs_the_site_never_uses_are_not_nouns_of_another_field(browser_queries):
    found = browser_queries(
        "게이트 도저히 LSTM", "게이트 쭉 LSTM", "게이트 각각이 LSTM", "게이트 공항 LSTM"
    )
    assert found["게이트 도저히 LSTM"]["query"] == "게이트 lstm*^2"  # 부사는 찾지도 세지도 않는다
    assert not found["게이트 쭉 LSTM"][
        "blocked"
    ]  # 띄어 친 한 음절 부사는 다른 분야의 명사가 아니다
    assert not found["게이트 각각이 LSTM"]["blocked"]
    assert found["게이트 공항 LSTM"]["blocked"]


def test_exam_endings_and_counted_words_are_not_topics(browser_queries):
    queries = (
        "게이트 서술하시오",
        "게이트 한칸",
        "게이트 한번에",
        "LSTM 2라서 게이트",
        "게이트 매끄럽게",
    )
    found = assert_on_topic(browser_queries, *queries)
    assert "라서" not in found["LSTM 2라서 게이트"]["query"]


def test_a_product_name_with_a_site_acronym_inside_is_that_acronym(browser_queries):
    found = browser_queries("ChatGPT 게이트", "TypeScript 게이트")
    assert found["ChatGPT 게이트"]["query"].split()[0] == "gpt"  # 사이트가 쓰는 GPT 의 주제다
    assert not found["ChatGPT 게이트"]["blocked"]
    assert found["TypeScript 게이트"]["blocked"]


def test_a_joined_word_may_hold_a_question_word(browser_queries):
    found = browser_queries("배치두개크기")
    assert not found["배치두개크기"][
        "blocked"
    ]  # 배치 + 두개 + 크기: 묻는 말은 조각이 되지만 찾지 않는다
    assert found["배치두개크기"]["query"].split() == ["배치", "크기"]


def test_contracted_particles_and_causative_forms_are_not_nouns(browser_queries):
    queries = ("게이트 LSTM에선", "게이트 학습시킴", "게이트 추가 절차")
    found = assert_on_topic(browser_queries, *queries)
    assert found["게이트 LSTM에선"]["query"].split()[1].startswith("lstm")


def test_particle_nouns_come_from_the_kiwipiepy_dictionary_and_are_cached(tmp_path):
    words = ks.particle_nouns(tmp_path).split()
    assert {"먹이", "길이", "나이"} <= set(words)  # 한 음절 + 이 꼴이지만 낱말 하나다
    assert "행이" not in words  # 행 + 이
    cached = json.loads((tmp_path / "particle-nouns.json").read_text(encoding="utf-8"))
    assert cached == {"kiwipiepy": ks.kiwi_version(), "words": " ".join(words)}


def test_a_syllable_that_starts_a_site_word_with_a_subject_particle_is_not_a_noun(browser_queries):
    found = browser_queries("게이트 LSTM 게가", "게이트 LSTM 먹이")
    assert not found["게이트 LSTM 게가"]["blocked"]  # 게(이트) + 가: 한 음절 + 조사
    assert found["게이트 LSTM 먹이"]["blocked"]  # 먹이는 낱말이다


def test_whole_nouns_are_dictionary_nouns_that_the_site_words_would_split():
    nouns = "타입스크립트 중간중간 배치정규화 상관관계 알고리즘"
    vocabulary = ["타입", "스크립트", "중간", "배치정규화", "배치", "정규화", "상관", "관계"]
    # 배치정규화는 사이트 낱말, 중간중간은 겹친 말, 알고리즘은 나뉘지 않는다
    assert ks.whole_nouns(nouns, vocabulary) == ["타입스크립트", "상관관계"]


def test_long_nouns_come_from_the_kiwipiepy_dictionary_and_are_cached(tmp_path):
    words = ks.long_nouns(tmp_path).split()
    assert {"타입스크립트", "자바스크립트", "상관관계"} <= set(words)
    assert all(len(w) >= 4 for w in words)
    cached = json.loads((tmp_path / "long-nouns.json").read_text(encoding="utf-8"))
    assert cached == {"kiwipiepy": ks.kiwi_version(), "words": " ".join(words)}

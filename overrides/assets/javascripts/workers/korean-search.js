/*
 * 공부 노트의 한국어 검색 워커 (overrides/main.html 이 Material 의 검색 워커 대신 이 파일을 띄운다).
 *
 * Material 의 검색 화면과 메시지(SETUP, READY, QUERY, RESULT)는 그대로 쓰고, 그 뒤의 두 가지를 바꾼다.
 *  1. 질의(QUERY)를 색인과 같은 방식으로 정규화한다. 조사·어미를 떼고(어텐션을 → 어텐션,
 *     정규화하는 → 정규화), 띄어 쓴 말을 붙인 꼴도 찾고(층 정규화 → 층정규화), 붙여 쓴 합성어의
 *     조각도 찾는다(배치정규화 → 배치, 정규화). 규칙은 hooks/korean_search.py 가 만들어
 *     search/lexicon.json 에 둔다(사이트 어휘, 조사·어미, 불규칙 활용형, 합성어 조각, 질문 말투).
 *     사이트에 없는 낱말은 읽는 이가 흔히 쓰는 다른 꼴로 풀어 본다(resolve): 글자 이름으로 읽은 약어
 *     (엘에스티엠 → lstm), 외래어의 다른 표기(래이어 → 레이어, 노말 → 노멀), 노트가 영어로만 쓴 말의 한글
 *     표기(티처 포싱 → teacher forcing), -ing 꼴과 명사(인코딩 ↔ 인코더), 그리고 그래도 없으면 긴 낱말은
 *     한 소리 차이까지, 세 음절은 헷갈리는 모음 하나 차이까지(정구화 → 정규화). 여러 낱말 질의의 한 글자
 *     낱말은 사이트가 아는 것만 통째로 찾는다(키 → 키워드 ×).
 *     사이트에 없는 주제에는 결과를 내지 않는다: 사이트가 쓰지 않은 명사가 있거나(변압기 트랜스포머), 모르는
 *     낱말이 아는 낱말보다 적지 않거나, 아는 낱말들이 어느 페이지에서도 만나지 않을 때(케라스 설치).
 *     용어집은 용어마다 한 절이고, 용어 절이 첫 결과이면 그 용어를 쓰는 페이지 뒤로 간다.
 *  2. 찾기는 빌드 때 나눈 조각 색인(shard-search.js, hooks/search_shards.py)으로 한다. Material 은 색인
 *     전체를 받아 lunr 색인을 만든 뒤에야 답하지만, 여기서는 질의의 낱말이 든 조각만 받는다. 점수는 Material 과
 *     같은 규칙으로 매긴다. 결과에서 "포함되지 않은 검색어"는 읽는 이가 친 낱말 기준으로 고친다.
 */
"use strict"

/* Material 의 SearchMessageType: SETUP, READY, QUERY, RESULT */
const SETUP = 0
const READY = 1
const QUERY = 2
const RESULT = 3
/* search-prepare.js 가 보내는 알림: 읽는 이가 검색 창에 들어갔다 */
const PREPARE = "gongbu:prepare"

/**
 * 붙인 꼴(층정규화)과 합성어 조각(배치, 정규화)의 무게. 읽는 이가 친 낱말은 1 이다. 조각의 무게 0 은 점수에 보태지 않고 미리보기의 강조(<mark>)에만 쓴다는 뜻이다: '배치정규화'로 찾으면
 * 본문의 '배치 정규화'가 강조된다. 조각으로만 맞은 결과는 after()가 뺀다.
 */
const JOINED_BOOST = 3
/* 용어집 용어인 검색어의 무게: '피알 보내기'에서 PR 을 쓰는 절이 '보내'만 쓰는 절보다 앞서야 한다 */
const TERM_BOOST = 2
/* 다른 낱말과 함께 친 의도 낱말(정리, 요약, 원리)의 무게 */
const INTENT_BOOST = 0.2
const PART_BOOST = 0

const HANGUL_WORD = /^[가-힣]+$/
/* 낱말 앞뒤의 문장 부호. 코드 이름의 *, _, . 는 남긴다 (**kwargs, kaiming_normal_) */
const EDGE_PUNCTUATION = /^[("'“‘[{<]+|[()"'”’\]}>,.!?;:]+$/g

const lexicon = {
  vocabulary: [], suffixes: [], forms: {}, compounds: {}, stop: [], loanwords: {}, weak_loanwords: {}, terms: []
}
let known = new Set()
let stop = new Set()
let intent = new Set() /* 원하는 것을 말하는 낱말(소개, 요약)과 파이썬 상수: 사이트에 없어도 주제 밖의 근거가 아니다 */
let terms = new Set() /* 용어집 용어 */
let reference = new Set() /* 풀이만 모은 페이지(용어집)의 주소 */
let sounds = new Map() /* 열쇠(hangulKey) → 그 열쇠의 사이트 낱말들: 한글 낱말과 영어 낱말(외래어 표) */
let weakSounds = new Map() /* 짧아서 우연히 겹치기 쉬운 열쇠 → 영어 낱말(약한 외래어 표): 배치 사이즈 → size */
let latinWords = [] /* 사이트의 영어 낱말: 철자가 하나 틀린 영어 질의(normalisation)를 풀 때 쓴다 */
let threeSyllableWords = [] /* 사이트의 세 음절 한글 낱말: 오타(정구화)를 풀 때 쓴다 */
let acronyms = new Set() /* 사이트가 대문자로 쓰는 네 글자 이하의 약어(pep, gpu) */
let codePieces = new Set() /* 코드 이름의 조각으로만 나오는 영어 낱말(select) */
let functionWords = new Set() /* 사이트에 없는 부사·관형사·대명사·감탄사(도저히, 모든, 이거) */
let particleNouns = new Set() /* 한 음절 + 이·가 꼴의 낱말(먹이, 길이): 행이(행 + 이)와 가른다 */
let wholeNouns = new Set() /* 사이트 낱말로 나뉘지만 사전에 낱말 하나로 있는 명사(타입스크립트) */
let predicateStems = new Set() /* 한 음절 서술어 어간(넣, 작): 모르는 두 음절 낱말이 넣고인지 장고인지 가른다 */

/* 알파벳의 한글 이름: 약어를 소리 나는 대로 친 질의(엘에스티엠, 지알유, 비엔)를 약어로 되돌린다 */
const LETTER_NAMES = {
  에이: "a", 비: "bv", 씨: "c", 시: "c", 디: "d", 이: "e", 에프: "f", 지: "gz", 쥐: "g", 에이치: "h",
  에이취: "h", 아이: "i", 제이: "j", 케이: "k", 엘: "l", 엠: "m", 엔: "n", 오: "o", 피: "p", 큐: "q",
  알: "r", 아르: "r", 에스: "s", 티: "t", 유: "u", 브이: "v", 더블유: "w", 더블류: "w", 엑스: "x",
  와이: "y", 제트: "z", 젯: "z"
}
/* 수식의 아래 첨자로 흔히 읽는 영어 낱말: 엔인 → n_in(nin), 엔아웃 → n_out(nout). 글자 이름 뒤에만 온다 */
const SUBSCRIPT_NAMES = { 인: "in", 아웃: "out" }
/* 두 글자 이상의 고유어 수: 스물여섯, 열두, 다섯, 아흔아홉 */
const NATIVE_NUMBER = /^(?=..)(?:열|스물|스무|서른|마흔|쉰|예순|일흔|여든|아흔)?(?:하나|한|둘|두|셋|세|넷|네|다섯|여섯|일곱|여덟|아홉)?$/
/* 한자어 수로 읽은 수와 차수·거듭제곱·분수(일차, 팔승, 이분의): 숫자다 */
const SINO_NUMBER = /^(?=.)[영일이삼사오육칠팔구십백천만억]*(?:차|승|제곱|분의|배|번째|차원)?$/
/* 수와 단위 '개'(여러개, 몇개든, 두 개를): 숫자다 */
const COUNTED = /^(?:여러|몇|한|두|세|네|다섯|여섯|일곱|여덟|아홉|열|스무|[일이삼사오육칠팔구십백천만]+|\d+)?(?:개|칸|번|줄|가지)(?:씩|든|의|를|가|는|도|나|에)?$/
/* 연산자로 쓴 별표(2**2, [0]*3, a*b): 끝에 붙은 별표(kaiming*)는 Material 의 앞부분 일치, 앞의 별표(*args)는 언패킹이다 */
const STAR_OPERATOR = /[\w\])]\*+[\w[(]/
const STAR_NAME = "별표"
/* 수식을 읽는 말의 끝: 엔분의(n 분의), 엑스제곱 */
const MATH_WORD = /(?:분의|제곱|승)$/
/*
 * 서술어(동사·형용사)의 꼴: 하다·되다·시키다 활용이 든 말(학습해도, 가능한지, 학습시킴), 서술어에만 붙는 끝 음절(읽는,
 * 두면, 작을, 달라져, 없나, 어려운), 연결 어미 -아서/-어서, -아도/-어도(넣어서, 돌려도), 반말의 명사꼴(왜씀, 안됨),
 * 있다·없다·같다·싶다의 활용(돼있어, 같은지), 시험 문제의 -시오(서술하시오). 외래어의 '-서'(시퀀서, 프로세서)는
 * 명사이고, 낱말 속의 '하'(밤하늘)는 어미가 붙은 '하'(정규화하는)가 아니다. 더 긴 규칙은 isNoun 에 있다.
 */
const PREDICATE = /.(?:하(?:$|[는고면다기지게여니며던든도세려자])|해|할|했|되|돼|된|될|시키|시켜|시킨|시킴)|.한(?:$|[지데다])|[는은을면요야며던든니냐죠까나져줘봐워운]$|[어아여해와워져쳐켜펴돼봐줘내러려]서$|[어아여해와워져쳐켜펴돼봐줘내러려]도$|[씀됨]$|(?:있|없|같|싶)[어음나니냐지죠다]?$|^(?:있|없|같|싶)[가-힣]|시오$/
/* 홀로 쓰는 한 음절 가운데 주제가 아닌 것: 의존 명사(거, 게, 줄)와 수(두, 만, 육)와 단위(개, 배) */
const BOUND_SYLLABLE = /^[거것게줄수데때뿐듯번쪽중등채척다또좀꼭안못잘더늘딱한두세네일이삼사오육칠팔구십백천만억개배층칸]$/
/* 명사 뒤에 붙는 한 글자 조사 */
const PARTICLES = new Set([..."이가을를은는의에도만로와과랑께"])
/*
 * 체언에만 붙는 조사와, 체언이 아닌 한 음절 멈춤 말(서술어 어간, 어미 '요', 부사): '요가'는 요 + 가 가 아니라
 * 명사 하나다. 이 조사 앞의 이런 말은 어간으로 떼지 않는다. 대명사 나·저 뒤의 주격 조사는 내가·제가로 바뀌므로
 * 나이, 저가도 한 낱말이다.
 */
const NOUN_PARTICLE = new Set(["가", "를", "의", "와", "과", "에", "랑"])
const ENDING_STOP = new Set([..."하되있없같않쓰써해돼요맞좋잘더좀못안"])
/* 한 소리 차이까지 받아 줄 낱말의 길이(음절)와 열쇠의 길이: 짧은 말은 한 소리만 달라도 다른 말이다 */
const FUZZY_SYLLABLES = 4
const FUZZY_KEY = 8
/* 치는 중인 외래어를 앞부분으로 받아 줄 열쇠의 길이, 그리고 덜 친 부분의 길이(제네릭 ≠ generics: 복수형의 s 는 덜 친 게 아니다) */
const TYPED_KEY = 6
const TYPED_REST = 2
/* 외래어의 끝소리(-er, -a, -o, -u)가 되는 어미 글자 */
const LOANWORD_ENDINGS = ["어", "아", "오", "우"]

/* ------------------------------------------------------------------------- */

/* 마지막 음절의 받침 ㄴ ㄹ ㅁ ㅂ 을 뺀다: 나뉜 → 나뉘 (hooks/korean_search.py 의 drop_final) */
function dropFinal(syllables) {
  if (!syllables) return null
  const last = syllables.charCodeAt(syllables.length - 1)
  const code = last - 0xac00
  if (code < 0 || code >= 11172 || ![4, 8, 16, 17].includes(code % 28)) return null
  return syllables.slice(0, -1) + String.fromCharCode(last - (code % 28))
}

/*
 * 외래어 표기의 열쇠 (hooks/korean_search.py 의 loanword_key 와 같은 규칙): 된소리는 거센소리로,
 * ㅏㅐㅓㅔ 를 하나로, ㅡ 와 첫소리 ㅇ 은 없애고, 같은 자음이 이어지면 하나로. 트렌스포머 → TRANSPOMA.
 */
const KEY_INITIAL = "g K N d T R M b P S S _ j C C K T P H".split(" ")
const KEY_VOWEL = "A A YA YA A A YA YA O WA WA WA YO U WA WA WI YU _ I I".split(" ")
const KEY_FINAL = "_ K K K N N N T R K M R R R P R M P P T T G T T K T P T".split(" ")
/* 받침 ㅅ ㅆ 과 된소리·거센소리 첫소리(ㄲ ㄸ ㅃ ㅆ ㅈ ㅉ ㅊ ㅋ ㅌ ㅍ): 뱃치 = 배치 */
const SIOT_FINALS = [19, 20]
const HARD_INITIALS = [1, 4, 8, 10, 12, 13, 14, 15, 16, 17]
function hangulKey(word) {
  let key = ""
  const codes = [...word].map(ch => ch.charCodeAt(0) - 0xac00)
  for (let i = 0; i < codes.length; i++) {
    const code = codes[i]
    if (code < 0 || code >= 11172) return null
    const initial = KEY_INITIAL[Math.floor(code / 588)].replace("_", "")
    let vowel = KEY_VOWEL[Math.floor((code % 588) / 28)].replace("_", "")
    const sibilant = ["S", "j", "C"].includes(initial)
    if (sibilant && vowel[0] === "Y") vowel = vowel.slice(1)
    if (sibilant && vowel === "WI") vowel = "I"
    const next = codes[i + 1]
    const following = next >= 0 && next < 11172 ? Math.floor(next / 588) : -1
    const final = SIOT_FINALS.includes(code % 28) && HARD_INITIALS.includes(following) ? "" : KEY_FINAL[code % 28].replace("_", "")
    key += initial + vowel + final
  }
  return key.replace(/([KNTRMPSHGgdbjC])\1+/g, "$1")
}

/* 글자 이름으로 읽은 약어: 엘에스티엠 → lstm, 비아이티 → vit. 사이트 어휘에 있는 것만 돌려준다. */
function spelledAcronyms(word) {
  let spellings = [[""]]
  for (let end = 1; end <= word.length; end++) {
    const here = new Set()
    for (let start = Math.max(0, end - 4); start < end; start++)
      for (const prefix of spellings[start] || []) {
        const piece = word.slice(start, end)
        for (const letter of LETTER_NAMES[piece] || "")
          if (here.size < 64) here.add(prefix + letter)
        if (prefix && piece in SUBSCRIPT_NAMES) here.add(prefix + SUBSCRIPT_NAMES[piece])
      }
    spellings[end] = [...here]
  }
  return (spellings[word.length] || []).filter(w => w.length >= 2 && known.has(w))
}

/*
 * 사이트가 한 낱말로 쓰지 않는 약어를 글자 이름으로 친 것(큐케이브이 → Q, K, V): 글자마다 통째로, 모두 있는 절만
 * 찾는다(+q +k +v). 세 글자 이상이고 읽는 법이 하나일 때만: 비아이티는 bit 와 vit 로 읽혀 고르지 않는다.
 */
function spelledLetters(word) {
  const spellings = []
  const walk = (start, prefix) => {
    if (spellings.length > 1) return
    if (start === word.length) return void spellings.push(prefix)
    for (let end = start + 1; end <= Math.min(word.length, start + 4); end++)
      for (const letter of LETTER_NAMES[word.slice(start, end)] || "") walk(end, prefix + letter)
  }
  walk(0, "")
  if (spellings.length !== 1 || spellings[0].length < 3) return []
  return [...new Set(spellings[0])].map(letter => "+" + letter)
}

/* 열쇠가 같은 사이트 낱말. -ing 꼴과 명사·-er 꼴도 본다: 인코딩 ↔ 인코드 ↔ 인코더, 마스킹 ↔ 마스크 */
function soundAlikes(word, table = sounds) {
  const key = hangulKey(word)
  if (!key || key.length < 3 || word.length < 2) return []
  const keys = [key]
  if (key.length >= 4) {
    if (/IG$/.test(key)) keys.push(key.slice(0, -2), key.slice(0, -2) + "A")
    else if (/[KTPSRMNgdbjC]$/.test(key)) keys.push(key + "IG")
    else if (/[KTPSRMNgdbjC]A$/.test(key)) keys.push(key.slice(0, -1) + "IG")
  }
  return keys.flatMap(k => table.get(k) || [])
}

/*
 * 한 음절로 적은 영어 낱말(펩 → pep): 받침이 있는 음절이고, 열쇠가 사이트의 영어 낱말(믿는 외래어 표)과
 * 같을 때만. 한 음절 한국어 낱말은 어디에나 있으므로 영어 낱말로만 풀고, 한국어 낱말로는 풀지 않는다.
 * 합성어 속이 아니라 낱말 하나로 친 음절(standalone)은 사이트가 대문자로 쓰는 약어(PEP)로만 푼다: 뱀 → beam 은
 * 한국어 낱말 '뱀'을 영어로 잘못 읽은 것이다.
 */
function syllableLoanword(word, standalone = false) {
  if (word.length !== 1 || (word.charCodeAt(0) - 0xac00) % 28 === 0) return []
  const key = hangulKey(word)
  if (!key || key.length < 3) return []
  /* 한 음절은 네 글자 이하의 영어 낱말만 옮길 수 있다(pep, dot): 법 → buffer 같은 우연을 막는다 */
  return (sounds.get(key) || []).filter(term => /^[a-z]{2,4}$/.test(term) && (!standalone || acronyms.has(term)))
}

/*
 * 한글 표기의 앞부분만 친 영어 낱말: 열쇠가 여섯 글자 이상이고, 그 열쇠로 시작하는 사이트 영어 낱말이 셋 이하일 때만
 * (웨이트 이니셜라이제 → initialization). 짧은 앞부분은 너무 많은 낱말과 맞는다.
 */
function typedLoanwords(word) {
  const key = HANGUL_WORD.test(word) && word.length >= 3 ? hangulKey(word) : null
  if (!key || key.length < TYPED_KEY) return []
  const found = new Set()
  for (const [other, words] of sounds)
    if (other.length >= key.length + TYPED_REST && other.startsWith(key))
      for (const term of words) if (/^[a-z]/.test(term)) found.add(term)
  return found.size <= 3 ? [...found] : []
}

/* 한 소리(열쇠 글자 하나) 차이의 사이트 낱말: 퍼플렉서티 → 퍼플렉시티. 긴 낱말에만 쓴다. */
function nearWords(word) {
  const key = hangulKey(word)
  if (!key || word.length < FUZZY_SYLLABLES || key.length < FUZZY_KEY) return []
  const found = []
  for (const [other, words] of sounds)
    if (Math.abs(other.length - key.length) <= 1 && levenshteinOne(key, other)) found.push(...words)
  return found
}

/* 어간 후보: 낱말 그대로, 그리고 조사·어미를 뗀 것들(두 글자 이상 남는 것) */
function bareForms(word) {
  const forms = [word]
  for (const suffix of lexicon.suffixes)
    if (word.length >= suffix.length + 2 && word.endsWith(suffix)) forms.push(word.slice(0, -suffix.length))
  return forms
}

/*
 * 사이트에 없는 한국어 낱말을 사이트의 낱말로 풀어 본다: { terms, weak }. 못 풀면 terms 가 비어 있다.
 * weak 는 짧은 열쇠로만 풀렸다는 뜻이다(러스트 → rest): 검색어는 더하지만 주제의 근거로는 세지 않는다.
 */
function resolve(word) {
  const forms = bareForms(word)
  for (const finder of [spelledAcronyms, soundAlikes])
    for (const form of forms) {
      const found = finder(form)
      if (found.length) return { terms: [...new Set(found)], weak: false }
    }
  for (const form of forms) {
    const parts = splitUnknown(form)
    if (parts.length) return { terms: parts, weak: false }
  }
  for (const form of forms) {
    const found = soundAlikes(form, weakSounds)
    if (found.length) return { terms: [...new Set(found)], weak: true }
  }
  for (const form of forms) {
    const found = nearWords(form)
    if (found.length) return { terms: [...new Set(found)], weak: false }
  }
  for (const form of forms) {
    const found = typoWords(form)
    if (found.length) return { terms: found, weak: false }
  }
  for (const form of forms) {
    const found = spelledLetters(form)
    if (found.length) return { terms: found, weak: false }
  }
  return { terms: [], weak: false }
}

/*
 * 세 음절 낱말의 오타: 흔히 헷갈리는 모음 하나만 다른 사이트 낱말이 딱 하나면 그 낱말이다(정구화 → 정규화,
 * 어텐숀 → 어텐션). 다른 자모가 다르면 다른 낱말일 때가 많다(포인터 ≠ 포인트). 네 음절 이상은 nearWords 가
 * 소리 열쇠로 본다. 후보가 둘 이상이면 어느 것인지 모르므로 고치지 않는다.
 */
function typoWords(word) {
  if (word.length !== 3 || !HANGUL_WORD.test(word)) return []
  const found = threeSyllableWords.filter(other => vowelSlip(word, other))
  return found.length === 1 ? found : []
}

/*
 * 헷갈리는 모음 짝(가운뎃소리 번호). 소리가 비슷한 것: ㅜㅠ ㅗㅛ ㅓㅕ ㅐㅔ ㅒㅖ ㅙㅞ ㅚㅙ ㅚㅞ ㅠㅟ, 반모음 w 를 빠뜨린 것:
 * ㅏㅘ ㅓㅝ ㅐㅙ ㅔㅞ ㅣㅟ (초기하 → 초기화), 두벌식 자판에서 이웃한 것: ㅛㅕ ㅕㅑ ㅑㅐ ㅗㅓ ㅓㅏ ㅏㅣ ㅜㅡ, ㅑㅏ ㅐㅣ.
 * ㅓ 와 ㅡ 는 어느 쪽도 아니다: 포인터 ≠ 포인트, 시퀀서 ≠ 시퀀스.
 */
const VOWEL_SLIPS = new Set(["13,17", "8,12", "4,6", "1,5", "3,7", "10,15", "10,11", "11,15", "16,17",
  "0,9", "4,14", "1,10", "5,15", "16,20",
  "6,12", "2,6", "1,2", "4,8", "0,4", "0,20", "13,18", "0,2", "1,20"])

/* 같은 길이의 두 한글 낱말이 한 음절의 가운뎃소리 하나만, 헷갈리는 짝으로 다른가 */
function vowelSlip(a, b) {
  let slips = 0
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) continue
    const x = a.charCodeAt(i) - 0xac00
    const y = b.charCodeAt(i) - 0xac00
    if (Math.floor(x / 588) !== Math.floor(y / 588) || x % 28 !== y % 28) return false
    const pair = [Math.floor((x % 588) / 28), Math.floor((y % 588) / 28)].sort((m, n) => m - n).join(",")
    if (!VOWEL_SLIPS.has(pair) || ++slips > 1) return false
  }
  return slips === 1
}

/* 철자 하나가 다르거나 이웃한 두 글자가 바뀐 사이트의 영어 낱말: normalisation → normalization, kwrags → kwargs */
function nearLatin(word) {
  if (word.length < 4) return []
  /* 네 글자는 한 글자를 빠뜨린 것만 본다(bach → batch): 바꾸면 다른 낱말이 되기 쉽다(rust → rest) */
  if (word.length === 4) return latinWords.filter(other => other.length === 5 && levenshteinOne(word, other))
  return latinWords.filter(other => Math.abs(other.length - word.length) <= 1 &&
    (levenshteinOne(word, other) || swappedOne(word, other)))
}

/* 글자 하나를 바꾸거나 넣거나 뺀 차이인가 */
function levenshteinOne(a, b) {
  if (a === b) return false
  if (a.length > b.length) [a, b] = [b, a]
  let i = 0
  while (i < a.length && a[i] === b[i]) i++
  return a.length === b.length ? a.slice(i + 1) === b.slice(i + 1) : a.slice(i) === b.slice(i + 1)
}

/* 이웃한 두 글자를 바꿔 친 차이인가(kwrags → kwargs) */
function swappedOne(a, b) {
  if (a.length !== b.length || a === b) return false
  let i = 0
  while (a[i] === b[i]) i++
  return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2)
}

/* 사이트 어휘에서 word 로 시작하는 첫 낱말의 자리 (어휘는 정렬되어 있다) */
function firstWith(word) {
  const vocabulary = lexicon.vocabulary
  let low = 0
  let high = vocabulary.length
  while (low < high) {
    const mid = (low + high) >> 1
    if (vocabulary[mid] < word) low = mid + 1
    else high = mid
  }
  return low
}

/* 사이트 어휘의 어떤 낱말이 word 로 시작하는가 (Material 의 앞부분 일치가 찾을 것인가) */
function isPrefix(word) {
  const at = firstWith(word)
  return at < lexicon.vocabulary.length && lexicon.vocabulary[at].startsWith(word)
}

/*
 * 아는 낱말 뒤의 두세 음절 오타: 앞 낱말과 붙인 꼴이 사이트의 말이고(기울기폭발), 자모 하나만 다르면 그 말이다
 * (기울기 폭팔 → 폭발). 혼자 친 두 음절은 자모 하나 차이로 다른 낱말이 되기 쉽지만(고장 ≠ 고정), 앞 낱말과
 * 이어진 꼴이 사이트에 있으면 무엇을 치려 했는지 안다. 후보가 하나일 때만 고친다.
 */
function phraseTypo(before, word) {
  if (word.length < 2 || word.length > 3 || !HANGUL_WORD.test(word)) return null
  const found = []
  for (let at = firstWith(before); at < lexicon.vocabulary.length; at++) {
    const phrase = lexicon.vocabulary[at]
    if (!phrase.startsWith(before)) break
    const rest = phrase.slice(before.length)
    if (rest.length === word.length && jamoOne(word, rest)) found.push(rest)
  }
  return found.length === 1 ? found[0] : null
}

/* 같은 길이의 두 한글 낱말이 한 음절의 자모(첫소리, 가운뎃소리, 끝소리) 하나만 다른가 */
function jamoOne(a, b) {
  let differences = 0
  for (let i = 0; i < a.length; i++) {
    const x = a.charCodeAt(i) - 0xac00
    const y = b.charCodeAt(i) - 0xac00
    if (y < 0 || y > 11171) return false
    differences += (Math.floor(x / 588) !== Math.floor(y / 588)) + (Math.floor((x % 588) / 28) !== Math.floor((y % 588) / 28)) +
      (x % 28 !== y % 28)
  }
  return differences === 1
}

/**
 * 규칙으로 찾은 어간 (hooks/korean_search.py 의 rule_stem 과 같은 규칙). 질문 말투도 어간으로 받아 준다:
 * 같은 → 같, 되나 → 되. 그래야 질문 말투로 알아보고 뺄 수 있다.
 */
function ruleStem(word) {
  const isStem = rest => known.has(rest) || stop.has(rest) || intent.has(rest) || (rest.length > 1 && functionWords.has(rest))
  if (isStem(word)) return word
  const candidates = []
  for (const suffix of lexicon.suffixes)
    if (word.length > suffix.length && word.endsWith(suffix) &&
      !(NOUN_PARTICLE.has(suffix) && ENDING_STOP.has(word.slice(0, -suffix.length))) &&
      !(/^[이가]$/.test(suffix) && /^[나저]$/.test(word.slice(0, -suffix.length))))
      candidates.push(word.slice(0, -suffix.length))
  candidates.push(word)
  for (const rest of candidates) {
    if (isStem(rest)) return rest
    const bare = dropFinal(rest)
    if (bare && isStem(bare)) return bare
  }
  return null
}

/* 한국어 낱말 하나의 어간. 모르는 말(사이트에 없는 말)은 친 그대로 둔다. */
function stemOf(word) {
  if (known.has(word)) return word
  if (word in lexicon.forms) return lexicon.forms[word]
  return ruleStem(word) || word
}

/**
 * 사이트에 붙여 쓴 꼴로는 없는 합성어를 사이트의 낱말로 빈틈없이 나눈다: 가상환경을 → 가상, 환경.
 * 조각은 모두 두 글자 이상이고 사이트에 있어야 한다(다른 표기여도 된다). 그래서 강화학습처럼 사이트에 없는
 * 말('강화'가 없다)은 나뉘지 않고, 결과도 나오지 않는다. 조각이 가장 적은 분할을 고른다.
 */
function splitUnknown(word) {
  const candidates = [word]
  for (const suffix of lexicon.suffixes)
    if (word.length > suffix.length + 3 && word.endsWith(suffix))
      candidates.push(word.slice(0, -suffix.length))
  for (const whole of candidates) {
    /* 사전에 낱말 하나로 있는 명사(타입스크립트, 상관관계)는 사이트 낱말로 나눠 읽지 않는다: 다른 분야의 말이다 */
    if (wholeNouns.has(whole)) continue
    const best = [{ terms: [], count: 0, strong: 0 }]
    for (let end = 1; end <= whole.length; end++)
      for (let start = 0; start <= end - 1; start++) {
        const piece = whole.slice(start, end)
        if (!best[start]) continue
        /*
         * 조각은 사이트 낱말이거나, 세 글자 이상이면 사이트 낱말과 열쇠가 같은 것: 플래시어텐션 → flash, 어텐션.
         * 두 글자 조각의 열쇠는 너무 흔하다(컨테이너 → 컨테 + 이너 → counter, 이내).
         */
        const alike = end - start >= 3
        /* 묻는 말과 수(두개)는 조각이 되지만 검색어는 보태지 않는다: 딕셔너리두개합치기 → 딕셔너리, 합치기 */
        if (end - start >= 2 && stop.has(piece) && !known.has(piece)) {
          const candidate = { terms: best[start].terms, count: best[start].count + 1, strong: best[start].strong }
          if (!best[end] || candidate.count < best[end].count) best[end] = candidate
          continue
        }
        const pieces = known.has(piece) ? [piece]
          : alike ? soundAlikes(piece).slice(0, 3)
          : end - start === 1 ? syllableLoanword(piece) /* 닷프로덕트 → dot, product */
          : []
        const weak = pieces.length || !alike ? [] : (weakSounds.get(hangulKey(piece)) || []).slice(0, 3)
        if (!pieces.length && !weak.length) continue
        const candidate = {
          terms: [...best[start].terms, ...pieces, ...weak],
          count: best[start].count + 1,
          strong: best[start].strong + (pieces.length ? 1 : 0)
        }
        if (!best[end] || candidate.count < best[end].count) best[end] = candidate
      }
    /* 약한 조각(짧은 열쇠)만으로 된 분할은 믿지 않는다 */
    const parts = best[whole.length]
    if (parts && parts.terms.length > 1 && parts.strong > 0) return parts.terms
  }
  return []
}

/**
 * 영어·코드 낱말: BN은 → bn, layers → layer, **kwargs → kwargs. 앞의 별표는 뗀다: Material 은 별표를
 * 와일드카드로 읽는데, 앞에 붙은 와일드카드는 색인 전체를 훑어 느리다. 색인에는 kwargs 도 들어 있다.
 */
function latinStem(word) {
  const mixed = /^(.*[a-z0-9_*)\]])([가-힣]+)$/.exec(word)
  if (mixed && lexicon.suffixes.includes(mixed[2])) word = mixed[1]
  word = word.replace(/^\*+(?=[a-z_])/, "")
  if (!known.has(word) && /[a-z]s$/.test(word) && known.has(word.slice(0, -1)))
    return word.slice(0, -1)
  return word
}

/**
 * 낱말 하나의 묶음: 찾을 검색어들과 그 낱말을 사이트가 아는지(status).
 *  known    사이트 낱말이거나, 사이트 낱말로 시작하는 말이거나, 다른 꼴로 풀린 말
 *  weak     짧은 열쇠로만 풀린 말(배치 사이즈의 '사이즈' → size): 찾기는 하되 주제의 근거로 세지 않는다
 *  unknown  끝내 모르는 말 (두 글자 이상)
 *  fragment 모르는 한 글자 조각: 찾지 않는다(식, 수, 이 같은 조각은 어디에나 있다)
 *  neutral  숫자가 섞인 말, 두 글자 이하의 영어, 사이트에 없는 의도 낱말(소개, 요약, False): 알고 모름을 따지지 않는다
 */
function group(raw, word) {
  if (!HANGUL_WORD.test(word)) {
    const stem = latinStem(word)
    /* 영어 + 숫자의 모델 이름(KF94, RTX4090)은 영어 부분을 사이트가 모르면 다른 제품이다. 아는 말이면(gpt4) 그 말이다 */
    const model = /^([a-z]{2,})\d+$/.exec(stem)
    if (model && !known.has(stem))
      return known.has(model[1]) || acronyms.has(model[1])
        ? { word: raw, stem, status: "known", terms: [{ term: model[1], boost: 1 }] }
        : { word: raw, stem, status: "unknown", terms: [{ term: stem, boost: 1 }] }
    /* 숫자·영어와 한글이 섞인 낱말(제3정규형, 2차전지)의 한글 부분이 사이트에 없는 말이면 모르는 말이다 */
    const runs = (stem.match(/[가-힣]{2,}/g) || []).filter(run => !lexicon.suffixes.includes(run))
    if (runs.some(run => group(run, run).status === "unknown"))
      return { word: raw, stem, status: "unknown", terms: [{ term: stem, boost: 1 }] }
    /* 코드 이름(model.save, nn.init.orthogonal_)의 영어 조각 가운데 사이트에 없는 것이 있으면 다른 라이브러리의 말이다 */
    const pieces = stem.split(/[._]+/).filter(piece => /^[a-z]{3,}$/.test(piece))
    if (pieces.length > 1 && !known.has(stem) && !isPrefix(stem) &&
      pieces.some(piece => !known.has(piece) && !isPrefix(piece) && !nearLatin(piece).length))
      return { word: raw, stem, status: "unknown", terms: [{ term: stem, boost: 1 }] }
    if (!/^[a-z]{3,}$/.test(stem) || known.has(stem) || isPrefix(stem)) {
      /* 사이트가 쓰는 코드 이름(model.eval, d_model)도 아는 말이다. 숫자, 두 글자 이하의 영어는 중립이다 */
      const siteCode = known.has(stem) || (pieces.length >= 1 && /[._]/.test(stem) &&
        pieces.every(piece => known.has(piece) || isPrefix(piece)))
      /* 코드 이름의 조각으로만 나오는 낱말(select_prob 의 select)은 약하다: 찾기는 하되 주제의 근거가 아니다 */
      /* 대문자 두 글자(PR, BN)는 약어다: 통째로 찾는다(pr* 는 pre, print 까지 맞는다). 용어집의 약어면 아는 말이다 */
      const acronym = /^[A-Z]{2}[^A-Za-z]*$/.test(raw) && known.has(stem)
      const status = codePieces.has(stem) ? "weak"
        : /^[a-z]{3,}$/.test(stem) || (siteCode && /[a-z]{3}|[a-z]_[a-z]/.test(stem)) || (acronym && terms.has(stem))
          ? "known" : "neutral"
      /*
       * 점으로 이은 이름은 뒷부분으로도 찾는다: 읽는 이는 torch.nn.init.xavier_uniform_ 처럼 다 적고, 노트는
       * nn.init.xavier_uniform_ 이나 init.xavier_uniform_ 으로 줄여 적는다. 색인은 노트가 적은 꼴과 끝 이름을 담는다.
       */
      const dotted = stem.split(".")
      const tails = dotted.slice(1).map((_, at) => dotted.slice(at + 1).join(".")).filter(tail => /[a-z]{3}/.test(tail))
      return { word: raw, stem, status, terms: [{ term: stem, boost: 1, exact: acronym }, ...tails.map(term => ({ term, boost: 1 }))] }
    }
    /* 사이트에 없는, 대소문자가 섞인 이름(MySQL, TypeScript)은 다른 제품의 이름이다: 철자를 고쳐 주지 않는다 */
    if (/[a-z][A-Z]|^[A-Z][a-z]+[A-Z]/.test(raw)) {
      /* 사이트가 대문자로 쓰는 약어를 품은 이름(ChatGPT 의 GPT)은 그 약어의 주제다 */
      const inner = (raw.match(/[A-Z]{3,}/g) || []).map(part => part.toLowerCase()).filter(part => acronyms.has(part))
      if (inner.length) return { word: raw, stem, status: "known", terms: inner.map(term => ({ term, boost: 1 })) }
      return { word: raw, stem, status: "unknown", product: true, terms: [{ term: stem, boost: 1 }] }
    }
    const near = nearLatin(stem)
    if (near.length) return { word: raw, stem, status: "known", terms: near.map(term => ({ term, boost: 1 })) }
    /* 대문자로 친 약어의 이웃한 두 글자가 바뀐 것(LTSM → LSTM): 사이트가 대문자로 쓰는 약어로만 고친다 */
    const swapped = /^[A-Z]{3,5}$/.test(raw) ? [...acronyms].filter(acronym => swappedOne(stem, acronym)) : []
    if (swapped.length === 1) return { word: raw, stem, status: "known", terms: [{ term: swapped[0], boost: 1 }] }
    return { word: raw, stem, status: intent.has(stem) ? "neutral" : "unknown", terms: [{ term: stem, boost: 1 }] }
  }
  const stem = stemOf(word)
  /* 사이트에 없는 부사·관형사·대명사(도저히, 각각, 이렇게: kiwipiepy 사전)는 주제가 아니다: 찾지도 세지도 않는다 */
  if (!known.has(stem) && functionWords.has(stem)) return { word: raw, stem, status: "neutral", terms: [] }
  if (known.has(stem) || stop.has(stem)) {
    const found = [{ term: stem, boost: 1, exact: stem.length === 1 }]
    /* 어미로 보고 뗀 모음 한 글자가 외래어의 끝일 수도 있다: 레이어 → 레이 + 어 이지만 layer 이기도 하다 */
    if (stem !== word && LOANWORD_ENDINGS.includes(word.slice(stem.length)))
      for (const term of soundAlikes(word)) found.push({ term, boost: 1 })
    /* 노트가 영어로 쓴 합성어의 한글 표기: 플래시어텐션 → flashattention (FlashAttention) */
    else if (stem === word && stem in lexicon.compounds && !terms.has(stem))
      for (const term of soundAlikes(stem)) if (/^[a-z]/.test(term)) found.push({ term, boost: 1 })
    return { word: raw, stem, status: "known", terms: found }
  }
  /*
   * 사이트 낱말의 앞부분인 말: 세 음절 이상이면 다른 표기다(자비에 → 자비에르). 두 음절은 우연일 때가 많아서
   * (사육 → 사육팔) 다른 꼴로 풀리지 않으면(스타 → star) 아직 치는 중인 마지막 낱말일 때만 아는 말이다(analyse).
   */
  const prefix = stem.length >= 2 && isPrefix(stem)
  if (prefix && stem.length >= 3) return { word: raw, stem, status: "known", terms: [{ term: stem, boost: 1 }] }
  /* 조사를 뗀 세 음절 이상이 사이트 낱말의 앞부분이면 줄여 부른 말이다: 풀리퀘로 → 풀리퀘(스트) */
  const clipped = lexicon.suffixes.map(suffix => word.endsWith(suffix) ? word.slice(0, -suffix.length) : "")
    .find(rest => rest.length >= 3 && isPrefix(rest))
  if (clipped) return { word: raw, stem: clipped, status: "known", terms: [{ term: clipped, boost: 1 }] }
  const found = resolve(word)
  if (!found.terms.length && prefix)
    return { word: raw, stem, status: "known", typing: true, terms: [{ term: stem, boost: 1 }] }
  if (found.terms.length) {
    /* 두 글자 약어(피알 → pr)는 통째로만 찾는다: 앞부분 일치면 print, probability 까지 맞는다 */
    const exact = term => term.length === 1 || /^[a-z]{2}$/.test(term)
    const matches = found.terms.map(term => ({ term, boost: 1, exact: exact(term) }))
    if (prefix) matches.push({ term: stem, boost: 1 })
    return { word: raw, stem, status: found.weak ? "weak" : "known", terms: matches }
  }
  /* 한 글자 낱말에 두 글자 이상의 조사·어미가 붙은 말(곳인가요, 법으로)은 그 한 글자로 본다 */
  const particle = lexicon.suffixes.find(suffix => suffix.length >= 2 && word.length === suffix.length + 1 &&
    word.endsWith(suffix))
  if (stem.length < 2 || particle) {
    const latin = syllableLoanword(particle ? word[0] : word, true)
    if (latin.length) return { word: raw, stem, status: "known", terms: latin.map(term => ({ term, boost: 1 })) }
    return { word: raw, stem, status: "fragment", terms: [] }
  }
  /* 존댓말 서술어(나와요, 달라요)와 '-려면'으로 끝나는 말은 주제가 아니라 묻는 말투다. 고유어 수(스물여섯)는 숫자다 */
  const asking = /(?:요|려면)$/.test(word)
  const neutral = intent.has(stem) || asking || NATIVE_NUMBER.test(stem) || SINO_NUMBER.test(stem) ||
    COUNTED.test(stem) || letterMath(stem)
  return { word: raw, stem, status: neutral ? "neutral" : "unknown", terms: [{ term: stem, boost: 1 }] }
}

/* 글자 이름으로 읽은 기호의 수식(엔분의, 엑스제곱): 숫자처럼 중립이다 */
function letterMath(stem) {
  const rest = stem.replace(MATH_WORD, "")
  if (rest === stem || !rest) return false
  const spell = (start) => start === rest.length ||
    [1, 2, 3, 4].some(n => rest.slice(start, start + n) in LETTER_NAMES && spell(start + n))
  return spell(0)
}

/*
 * 모르는 낱말이 명사 꼴인가: 한글(숫자가 섞여도 된다) 두 음절 이상이고 서술어 꼴(PREDICATE)이 아니며, 두 글자
 * 이상의 조사·어미(에서는, 는지)로 끝나지 않는다. 세 음절 이상의 말이 한 글자 어미 꼴로 끝나도(변압기, 몸무게,
 * 텐서플로) 명사다: 그런 서술어는 사이트가 쓰는 어간(나누기, 만들고)이라 이미 아는 말로 풀린다.
 */
function isNoun(stem) {
  if (!/^[가-힣0-9]*[가-힣][가-힣0-9]*$/.test(stem) || stem.length < 2 || PREDICATE.test(stem)) return false
  /* 부정 부사를 붙여 친 서술어(못보게, 안보여)는 서술어다 */
  if (stem.length >= 3 && /^[못안]/.test(stem) && !isNoun(stem.slice(1))) return false
  /* 부사나 묻는 말을 붙여 친 '-ㅁ' 꼴의 반말(왜생김, 안깨짐, 다바뀜, 어디서나옴, 안옴)은 서술어다 */
  if (stem.length >= 3 && /^(?:[왜안못다잘또더좀뭐]|어디|어케|어떻게|언제)/.test(stem) && finalOf(stem, -1) === 16) return false
  if (stem.length === 2 && /^[왜안못다잘]/.test(stem) && finalOf(stem, -1) === 16 && predicateStems.has(dropFinal(stem[1]))) return false
  /* 서술어 어간 + 아·어로 끝나는 말(앞에넣어, 잡아)은 서술어다 */
  if (stem.length >= 2 && /[아어]$/.test(stem) && predicateStems.has(stem.slice(-2, -1))) return false
  /* 받침 있는 어간 + '게'(쉽게, 매끄럽게, 좋게)는 부사꼴이다 */
  if (stem.length >= 2 && /게$/.test(stem) && finalOf(stem, -2) > 0) return false
  /* 조사를 뗀 앞말이 서술어 꼴이면(짠거 + 랑) 서술어다 */
  if (stem.length >= 3 && PARTICLES.has(stem.slice(-1)) && !isNoun(stem.slice(0, -1))) return false
  /* 받침 없는 아·어 꼴 뒤의 '-서', '-도'(매겨서, 바꿔도)는 서술어의 끝이다 */
  if (stem.length >= 2 && /[서도]$/.test(stem) && finalOf(stem, -2) === 0 && CONNECTIVE_VOWELS.has(vowelOf(stem, -2))) return false
  /* 'ㄹ때, ㄹ까, ㄹ지, ㄴ데, ㄴ거' 처럼 관형형 받침 뒤에 붙는 어미(키겹칠때, 바뀔까, 작은데)는 서술어의 끝이다 */
  if (stem.length >= 2 && ((finalOf(stem, -2) === 8 && /[때까지듯거걸게]$/.test(stem)) ||
    (finalOf(stem, -2) === 4 && /[데듯거걸]$/.test(stem)))) return false
  /* 'ㄹ수록'(깊어질수록), '-아야 하다'(박아야함, 해야돼)도 서술어의 끝이다 */
  if (stem.length >= 3 && ((finalOf(stem, -3) === 8 && /수록$/.test(stem)) || /야[함됨돼해하지]$/.test(stem))) return false
  /* 받침 있는 어간 + 음(낮음, 많음, 없음)과 ㅂ 불규칙의 -움(가벼움, 어려움)은 서술어의 명사꼴이다 */
  if (stem.length >= 2 && /음$/.test(stem) && finalOf(stem, -2) > 0) return false
  if (stem.length >= 3 && /움$/.test(stem)) return false
  /* 아·어 꼴 + 보조 용언(돌려볼, 해본, 써줄)은 서술어다 */
  if (stem.length >= 3 && /[볼본봄줄준둘둔놓]$/.test(stem) && finalOf(stem, -2) === 0 &&
    CONNECTIVE_VOWELS.has(vowelOf(stem, -2))) return false
  /*
   * 두 음절의 끝이 어미 꼴(장고, 넣고): 조사면 한 음절 명사 + 조사(앞에)이고, 앞 음절이 서술어 어간이면 서술어다.
   * 끝이 '이'·'가'면 명사다(먹이, 길이): 사이트가 아는 한 음절 명사 + 조사(키가)는 이미 아는 말로 풀린다.
   */
  const last = stem.slice(-1)
  /* 다만 사전에 낱말로 없고(행이) 앞 음절이 사이트 낱말의 첫 음절이면(행렬) 한 음절 낱말 + 조사다: 명사로 세지 않는다 */
  if (stem.length === 2 && /[이가]/.test(last)) return particleNouns.has(stem) || !isPrefix(stem[0])
  if (stem.length === 2 && lexicon.suffixes.includes(last)) return !PARTICLES.has(last) && !predicateStems.has(stem[0])
  return !lexicon.suffixes.some(suffix => suffix.length >= 2 && stem.length > suffix.length && stem.endsWith(suffix))
}

/* 낱말의 at 번째 음절(음수면 뒤에서)의 받침 번호: 0 없음, 4 ㄴ, 8 ㄹ, 16 ㅁ */
function finalOf(word, at) {
  const code = word.charCodeAt(at < 0 ? word.length + at : at) - 0xac00
  return code >= 0 && code < 11172 ? code % 28 : -1
}

/* 낱말의 at 번째 음절의 가운뎃소리 번호: 0 ㅏ, 4 ㅓ, 6 ㅕ ... */
function vowelOf(word, at) {
  const code = word.charCodeAt(at < 0 ? word.length + at : at) - 0xac00
  return code >= 0 && code < 11172 ? Math.floor((code % 588) / 28) : -1
}

/* 어간에 아·어가 붙어 줄어든 음절의 모음: ㅏ ㅐ ㅑ ㅓ ㅕ ㅘ ㅝ (가, 내, 겨, 와, 꿔) */
const CONNECTIVE_VOWELS = new Set([0, 1, 2, 4, 6, 9, 14])

/* 띄어 친 글자 이름(큐 케이 브이)을 하나로 잇는다: 큐케이브이 → q, k, v 로 찾는다 */
function joinLetterNames(tokens) {
  const joined = []
  let spelling = false
  for (const token of tokens) {
    const letter = token in LETTER_NAMES
    if (letter && spelling) joined[joined.length - 1] += token
    else joined.push(token)
    spelling = letter
  }
  return joined
}

/**
 * 질의를 낱말 묶음으로 나눈다. 묶음 하나는 읽는 이가 친 낱말 하나와 그 낱말로 찾을 검색어들이다.
 * 이어진 두세 낱말을 붙인 꼴이 사이트에 있으면(층 + 정규화 → 층정규화) 그 검색어도 묶음에 넣는다.
 * 모르는 낱말이 아는 낱말보다 적지 않으면 blocked: 사이트에 없는 주제다('영어 회화', 'SQL 조인 종류').
 */
function analyse(query) {
  const groups = []
  for (const token of joinLetterNames(query.trim().split(/\s+/))) {
    /* Material 의 검색 문법(+꼭, -빼기)으로 시작하는 낱말은 손대지 않는다. -4, -2**2 는 음수다 */
    if (/^[+-][^\d.]/.test(token)) {
      groups.push({ word: token, stem: token, status: "neutral", terms: [{ term: token.toLowerCase(), boost: 1 }] })
      continue
    }
    /*
     * 하이픈은 Material 도 낱말을 가르는 구분자로 본다: 시퀀스-투-시퀀스 → 시퀀스, 투, 시퀀스. 함수 호출의 괄호,
     * 따옴표, 쉼표, 등호, 수식의 +와 /도 가른다: calculate_gain('relu') → calculate_gain, relu (색인은 코드 이름을
     * 따로 담는다), 2/(n_in+n_out) → 2, n_in, n_out.
     */
    /* 곱하기·거듭제곱의 별표(2**2, [0]*3)나 별표만 친 낱말은 사이트가 별표라고 부르는 것이다 */
    /* 별표만 친 낱말은 주제의 근거가 아니다: SQL 의 'select *', 정규식의 '.*' 에도 있다 */
    if ((STAR_OPERATOR.test(token) || /^\*+$/.test(token)) && known.has(STAR_NAME))
      groups.push({ word: token, stem: STAR_NAME, status: /^\*+$/.test(token) ? "neutral" : "known", terms: [{ term: STAR_NAME, boost: 1 }] })
    for (const raw of token.split(/[-(),'"=+/]+/)) {
      const word = raw.toLowerCase().replace(EDGE_PUNCTUATION, "")
      /* 숫자에 붙여 쓴 한글 낱말(512차원, 8개의)은 사이트가 그 꼴로 쓰지 않았으면 수와 낱말로 나눈다 */
      const counted = /^(\d+(?:\.\d+)?)([가-힣]{2,})$/.exec(word)
      /* 영어에 붙여 친 한글 낱말(He초깃값, GPU메모리)도 사이트가 그 꼴로 쓰지 않았으면 둘로 나눈다. 조사(BN은)는 떼지 않는다 */
      const joinedLatin = /^([a-z][a-z0-9_.]*)([가-힣]{2,})$/.exec(word)
      if (counted && !known.has(word))
        /* 수에 붙은 서술격 어미(2라서, 3이면)는 떼고 수만 본다. 조사(0으로)는 글의 꼴과 맞춰 보도록 둔다 */
        groups.push(...[counted[1], counted[2]].filter(part => !/^이?(?:라서|라면|라|면|고|다)$/.test(part)).map(part => group(part, part)))
      else if (joinedLatin && !known.has(word) && !isPrefix(word) && !lexicon.suffixes.includes(joinedLatin[2]))
        groups.push(group(joinedLatin[1], joinedLatin[1]), group(joinedLatin[2], joinedLatin[2]))
      else if (word) groups.push(group(raw, word))
    }
  }

  /* 앞부분만 맞은 낱말은 마지막 낱말(치는 중)이 아니면 모르는 말이다: '볼 파이썬 사육 온도'의 사육(→ 사육팔) */
  for (const group of groups.slice(0, -1))
    if (group.typing) group.status = "unknown"
  /* 다 친 소문자 두 글자가 사이트의 약어(pr, bn)면 대문자로 친 것처럼 통째로 찾는다: pr* 는 print 까지 맞는다 */
  for (const group of groups.slice(0, -1))
    if (/^[a-z]{2}$/.test(group.stem) && acronyms.has(group.stem) && known.has(group.stem))
      group.terms = group.terms.map(term => term.term === group.stem ? { ...term, exact: true } : term)
  /*
   * 띄어 친 한 음절 낱말(옷 태그, 밤하늘 별 사진)이 사이트의 어느 낱말의 첫 음절도, 영어 낱말의 표기도, 글자 이름이나
   * 수나 의존 명사도 아니면 다른 분야의 명사다. 마지막 낱말은 아직 치는 중일 수 있어 빼고(가중치 초), 별(별표),
   * 곱(곱셈)처럼 사이트 낱말의 첫 음절이면 줄여 친 것일 수 있어 뺀다.
   */
  for (const group of groups.slice(0, -1))
    if (group.status === "fragment" && group.word.length === 1 && !BOUND_SYLLABLE.test(group.word) &&
      !predicateStems.has(dropFinal(group.word) || "") /* 짠, 클: 서술어 어간 + 관형형 받침 */ &&
      !lexicon.suffixes.includes(group.word) /* 띄어 친 조사(d_v 는) */ && !functionWords.has(group.word) /* 쭉, 꽉 */ &&
      !(group.word in LETTER_NAMES) && !stop.has(group.word) && !isPrefix(group.word) && !syllableLoanword(group.word).length)
      group.lone = true

  groups.forEach((group, index) => {
    const before = groups[index - 1]
    if (group.status !== "unknown" || !before || before.status !== "known") return
    const fixed = phraseTypo(before.stem, group.stem)
    if (fixed) Object.assign(group, { stem: fixed, status: "known", terms: [{ term: fixed, boost: 1 }] })
  })

  /* 치는 중인 마지막 낱말이 노트가 영어로만 쓴 말의 한글 표기 앞부분이면 그 영어 낱말이다(이니셜라이제 → initialization) */
  /*
   * 다섯 음절 이상이고 영어 낱말의 끝처럼 끝나면(자음으로 끝나는 영어는 '즈', '트'처럼 ㅡ 나 받침으로 끝난다) 다 친
   * 낱말이어도 그렇게 본다: 같은 영어 낱말의 다른 꼴이다(이니셜라이즈 → initialization). 긴 열쇠가 앞부분에서
   * 우연히 겹치는 일은 드물다. 노멀라이제처럼 중간에서 끊긴 말은 마지막 낱말일 때만 치는 중이다.
   */
  const wordEnd = word => {
    const code = word.charCodeAt(word.length - 1) - 0xac00
    return code % 28 !== 0 || Math.floor((code % 588) / 28) === 18
  }
  groups.forEach((group, index) => {
    if (group.status !== "unknown" || (index < groups.length - 1 && (group.stem.length < 5 || !wordEnd(group.stem)))) return
    const typed = typedLoanwords(group.stem)
    if (typed.length) Object.assign(group, { status: "known", terms: typed.map(term => ({ term, boost: 1 })) })
  })

  /* 질문 말투(왜, 어떻게, 차이...)는 다른 낱말이 있을 때만 뺀다 */
  const content = groups.filter(group => !stop.has(group.stem))
  const kept = content.length ? content : groups
  /* 한 글자만 친 질의는 아직 치는 중이다: Material 처럼 그 글자로 시작하는 낱말을 찾는다 */
  if (groups.length === 1 && groups[0].status === "fragment")
    Object.assign(groups[0], { status: "neutral", terms: [{ term: groups[0].stem, boost: 1 }] })

  for (let i = 0; i < kept.length; i++) {
    let chain = kept[i].stem
    for (let j = i + 1; j < Math.min(i + 3, kept.length); j++) {
      chain += kept[j].stem
      if (known.has(chain)) {
        kept[i].terms.push({ term: chain, boost: JOINED_BOOST })
        /* 붙인 꼴을 사이트가 알면 그 낱말들도 아는 말이다: 풀 리퀘스트의 '풀' */
        for (const part of kept.slice(i, j + 1)) {
          if (part.status === "fragment") part.terms.push({ term: part.stem, boost: 1, exact: true })
          if (part.status !== "neutral") part.status = "known"
        }
      }
    }
    for (const part of lexicon.compounds[kept[i].stem] || [])
      kept[i].terms.push({ term: part, boost: PART_BOOST })
  }
  /* 의도 낱말(정리, 요약)은 다른 낱말이 있으면 가볍게 찾는다: 노트마다 있는 '정리' 절이 '용어'를 누르지 않게 */
  if (kept.some(group => group.status === "known" && !intent.has(group.stem)))
    for (const group of kept)
      if (intent.has(group.stem)) group.terms = group.terms.map(term => ({ ...term, boost: term.boost * INTENT_BOOST }))

  /*
   * 모르는 낱말이 아는 낱말보다 적지 않으면 사이트에 없는 주제다('러스트 소유권').
   * 같은 수일 때는 아는 낱말 가운데 용어집 용어가 있으면 주제 안으로 본다.
   * 노트는 다루는 말의 영어 이름을 늘 함께 적으므로, 사이트에 없는 영어 낱말은 두 번 센다('GAN 생성 모델').
   * 아는 낱말이 하나도 없으면 모르는 말이 무엇이든 주제 밖이다('운전하는 법').
   */
  const count = status => kept.filter(group => group.status === status).length
  /* 모르는 서술어(추가하는, 안될때)는 하려는 일을 말할 뿐 주제의 근거가 아니다: 모르는 명사와 영어 낱말만 센다 */
  const unknown = kept.reduce((n, group) =>
    n + (group.status !== "unknown" ? 0 : /^[a-z]/.test(group.stem) ? 2 : isNoun(group.stem) ? 1 : 0), 0)
  const named = kept.some(group => group.status !== "unknown" && group.terms.some(({ term }) => terms.has(term)))
  /*
   * 사이트가 한 번도 쓰지 않은 한글 명사(포토샵, 변압기, 몸무게, 제3정규형)는 다른 분야의 말이다. 사이트는 자기
   * 분야의 일반 낱말을 거의 다 쓰므로, 그런 명사가 하나라도 있으면 용어집 용어(트랜스포머)가 함께 있어도 주제 밖이다:
   * '변압기 트랜스포머 원리'의 트랜스포머는 다른 뜻이다. 모르는 서술어 꼴(넣나, 학습해도)은 명사로 세지 않는다.
   */
  const nouns = kept.filter(group => (group.status === "unknown" && isNoun(group.stem)) || group.lone).length
  const sure = kept.filter(group => group.status === "known" && !intent.has(group.stem)).length
  /* 약하게만 풀린 낱말(러스트 → rest)은 아는 낱말로 세지 않는다: 그것만 있으면 주제 밖이다 */
  /* 사이트에 없는 제품 이름(MySQL)이 있으면 그 제품의 질의다: 'MySQL 쿼리 인덱스 튜닝' */
  /* 약하게 풀린 낱말이 둘 이상이고 아는 낱말보다 많으면 우연히 소리만 닮은 것이다: '치아 스케일링 비용' */
  /*
   * 다만 아는 낱말이 모르는 명사보다 훨씬 많고(명사 하나에 넷, 둘에 여섯) 용어집 용어가 둘 이상인 긴 질의는 주제
   * 안이다: 'RNN 기울기 폭주 W_hh 고윳값 1보다 클 때'의 고윳값은 노트가 다른 말로 설명한 것이다. 다른 분야의 질의는
   * 그 분야의 명사가 중심이라 사이트 낱말이 이만큼 모이지 않는다('레디스 키 밸류 저장').
   */
  const namedGroups = kept.filter(group => group.status === "known" && group.terms.some(({ term }) => terms.has(term))).length
  /* 모르는 것이 그 명사뿐이어야 한다: 사이트에 없는 영어(Redis)까지 있으면 다른 분야다. 용어집 용어가 없어도 아는 낱말이 명사 하나에 여섯이면 된다 */
  const outweighed = nouns >= 1 && unknown <= nouns &&
    ((namedGroups >= 2 && sure >= 2 + 2 * nouns) || sure >= 6 * nouns)
  kept.blocked = (sure === 0 && (count("weak") > 0 || count("unknown") > 0)) || (nouns >= 1 && !outweighed) ||
    (count("weak") >= 2 && count("weak") > sure) ||
    kept.some(group => group.product) ||
    (unknown > 0 && (unknown > sure || (unknown === sure && !named)))
  return kept
}

/**
 * 낱말 묶음을 조각 색인의 검색어로: 한 글자 낱말은 통째로만 찾고(키 → 키워드 ×), 나머지는 앞부분 일치로 찾는다.
 * Material 의 검색 문법 +꼭, -빼기 도 받는다(통째로).
 */
function toClauses(groups) {
  const seen = new Set()
  const clauses = []
  groups.forEach((group, index) => {
    for (const { term, boost, exact } of group.terms) {
      const word = bare(term)
      const sign = word === term ? "" : term[0]
      if (seen.has(sign + word)) continue
      seen.add(sign + word)
      const presence = sign === "+" ? ShardSearch.PRESENCE.REQUIRED
        : sign === "-" ? ShardSearch.PRESENCE.PROHIBITED : ShardSearch.PRESENCE.OPTIONAL
      clauses.push({
        term: word, boost: terms.has(word) ? boost * TERM_BOOST : boost, prefix: !exact && !sign, presence, group: index
      })
    }
  })
  return clauses
}

/* ------------------------------------------------------------------------- */

function setup(rules) {
  Object.assign(lexicon, rules)
  known = new Set(lexicon.vocabulary)
  stop = new Set(lexicon.stop)
  intent = new Set(lexicon.intent || [])
  terms = new Set(lexicon.terms)
  reference = new Set(lexicon.reference || [])
  predicateStems = new Set(lexicon.predicate_stems || "")
  acronyms = new Set(lexicon.acronyms || [])
  codePieces = new Set(lexicon.code_pieces || [])
  functionWords = new Set((lexicon.function_words || "").split(" ").filter(Boolean))
  particleNouns = new Set((lexicon.particle_nouns || "").split(" ").filter(Boolean))
  wholeNouns = new Set((lexicon.whole_nouns || "").split(" ").filter(Boolean))
  sounds = new Map()
  const alike = (key, word) => {
    if (!key || key.length < 3) return
    if (!sounds.has(key)) sounds.set(key, [])
    if (!sounds.get(key).includes(word)) sounds.get(key).push(word)
  }
  /*
   * 두 음절 한국어 낱말은 영어 낱말의 표기(배치 ↔ batch)일 때만 소리로 찾는다: 열쇠가 짧아 고장 → 고정,
   * 캐리(어) → 깔리 처럼 뜻이 다른 한국어 낱말과 겹친다.
   */
  const loanwords = lexicon.loanwords || {}
  for (const word of lexicon.vocabulary)
    if (HANGUL_WORD.test(word) && (word.length >= 3 || (word.length === 2 && hangulKey(word) in loanwords)))
      alike(hangulKey(word), word)
  for (const [key, words] of Object.entries(lexicon.loanwords || {}))
    for (const word of words.split(" ")) alike(key, word)
  weakSounds = new Map(Object.entries(lexicon.weak_loanwords || {}).map(([key, words]) => [key, words.split(" ")]))
  latinWords = lexicon.vocabulary.filter(word => /^[a-z]{4,}$/.test(word))
  threeSyllableWords = lexicon.vocabulary.filter(word => word.length === 3 && HANGUL_WORD.test(word))
}

/* Material 의 "포함되지 않은 검색어"를 읽는 이가 친 낱말 기준으로: 묶음의 검색어가 하나라도 맞으면 맞은 것 */
function fixTerms(item, groups) {
  const terms = {}
  for (const group of groups) {
    const keys = group.terms.map(({ term }) => bare(term))
    const hits = keys.filter(key => item.terms[key])
    for (const hit of hits) terms[hit] = true
    if (!hits.length && keys.some(key => key in item.terms)) terms[group.word] = false
  }
  item.terms = terms
}

/* 검색 문법의 부호(+꼭, -빼기)를 뗀 검색어 */
function bare(term) {
  return term.replace(/^[+-](?=.)/, "")
}

/*
 * 사이트 낱말 셋 이상으로 된 질의인데 어느 페이지에도 그 가운데 둘이 함께 있지 않으면 다른 분야의 질의다: '리눅스
 * 커널 컴파일'은 세 낱말이 모두 사이트에 있지만 서로 다른 노트에 흩어져 있다. 두 낱말 질의는 strangers 가 본다.
 */
const SCATTERED_MIN_WORDS = 3
/* 빠진 명사 하나로 흩어졌다고 볼 질의의 최대 낱말 수 */
const SCATTERED_SHORT = 3
function scattered(result, groups) {
  const siteWords = groups.filter(group => group.status === "known" && !intent.has(group.stem))
  if (siteWords.length < SCATTERED_MIN_WORDS) return false
  const found = item => siteWords.filter(group => group.terms.some(({ term }) => item.terms[bare(term)]))
  const covered = result.items.map(items => new Set(items.flatMap(found)))
  /*
   * 한 페이지에 둘 이상, 넷 이상이면 하나만 빠지고 모두 있어야 한다: 'URL 인코딩 한글 깨짐'은 두 낱말씩 흩어져 있다.
   * 일곱 낱말 이상의 긴 질의는 열에 일곱이면 된다: 읽는 이가 풀어 쓴 말 가운데 몇은 노트가 다른 말로 쓴다.
   */
  const needed = Math.max(2, Math.min(siteWords.length - 1, Math.ceil(0.7 * siteWords.length)))
  if (!covered.some(words => words.size >= needed)) return true
  /*
   * 모두 있는 페이지가 없고, 가장 많이 담은 페이지마다 빠진 낱말이 사이트의 한 페이지에만 나오는 명사(조사·어미
   * 없이 친 말)이면 흩어진 것이다: '드라이버 헤드 무게'의 드라이버는 '시작하기'에만 있고 헤드·무게는 어텐션 노트에
   * 있다. 흔한 낱말이 빠진 것('브이아이티 클래스 토큰'의 클래스)은 읽는 이가 노트와 다른 말을 쓴 것일 수 있고,
   * 서술어('해결하는')는 하려는 일을 말할 뿐이다.
   */
  const most = Math.max(...covered.map(words => words.size))
  /* 네 낱말 이상의 질의에서 한 낱말이 다른 페이지에 있는 것은 흔하다: 위의 기준이면 된다 */
  if (most === siteWords.length || siteWords.length > SCATTERED_SHORT) return false
  /* 용어집에만 있는 말(스테이트 → 은닉 상태의 영어 풀이)은 다른 표기일 뿐 다른 분야의 말이 아니다: 세지 않는다 */
  const notes = result.items.map(items => !reference.has(items[0].location.split("#")[0]))
  const pagesWith = group => covered.filter((words, i) => notes[i] && words.has(group)).length
  const bareWord = group => group.word.toLowerCase() === group.stem
  /* 코드 이름이나 영어가 섞인 질의(is_available, GPU)는 이 기준을 쓰지 않는다: 다른 분야의 낱말 셋은 한글 명사다 */
  if (siteWords.some(group => !HANGUL_WORD.test(group.stem))) return false
  return covered.filter(words => words.size === most)
    .every(words => siteWords.some(group => !words.has(group) && bareWord(group) && pagesWith(group) === 1))
}

/*
 * 조사 없이 친 사이트 명사 두 개로 된 질의인데 두 낱말이 함께 나오는 페이지가 없으면 다른 분야의 질의다: '케라스
 * 설치'의 케라스는 배치 정규화 노트에, 설치는 시작하기에만 있다. 같은 페이지의 다른 절이면 주제 안이다('지피유 인식').
 */
function strangers(result, groups) {
  /* 모르는 서술어(회로처럼 조사로 끝나 명사인지 모르는 말도)는 세지 않는다: 주제는 명사가 말한다 */
  const content = groups.filter(group => group.status !== "neutral" && !intent.has(group.stem) &&
    (group.status !== "unknown" || isNoun(group.stem)))
  /* 아무 절에도 없는 낱말(색인에 없는 꼴)은 흩어졌다고 볼 수 없다 */
  const found = group => item => group.terms.some(({ term, boost }) => boost > 0 && item.terms[bare(term)])
  if (content.some(group => !result.items.some(items => items.some(found(group))))) return false
  if (content.length !== 2 || content.some(group => group.status !== "known" || group.word.toLowerCase() !== group.stem))
    return false
  return !result.items.some(items => content.every(group => items.some(found(group))))
}

/* 결과를 읽는 이에게 맞게: 사이트에 없는 주제면 비우고, 강조만 하는 조각(무게 0)으로만 맞은 페이지는 뺀다 */
function finish(result, groups) {
  if (groups.blocked || scattered(result, groups) || strangers(result, groups)) result.items = []
  const scoring = new Set(groups.flatMap(group => group.terms.filter(t => t.boost > 0).map(t => bare(t.term))))
  result.items = result.items.filter(items =>
    items.some(item => Object.keys(item.terms).some(term => item.terms[term] && scoring.has(term))))
  for (const items of result.items)
    for (const item of items) fixTerms(item, groups)
  explanationsSecond(result)
  return result
}

/*
 * 풀이만 모은 페이지(용어집)의 용어 절이 첫 결과이면 그 용어가 질의의 중심이다. 그 용어를 쓰는 페이지들을 앞으로
 * 올리되 첫 페이지 다음에 용어집을 둔다: '피알 보내기'는 PR 을 설명하는 '기여하기'가 먼저이고 한 줄 풀이가
 * 그다음이며, '보내'만 쓰는 페이지는 그 뒤다. 그 용어를 쓰는 다른 페이지가 없거나 페이지 제목(용어집)으로 찾은
 * 것이면 그대로 둔다.
 */
function explanationsSecond(result) {
  const [first, ...rest] = result.items
  const page = first ? first[0].location.split("#")[0] : ""
  if (!reference.has(page) || first[0].location === page) return
  const matched = Object.keys(first[0].terms).filter(term => first[0].terms[term])
  const uses = items => items.some(item => matched.some(term => item.terms[term]))
  const users = rest.filter(uses)
  if (users.length) result.items = [users[0], first, ...users.slice(1), ...rest.filter(items => !uses(items))]
}

/* ------------------------------------------------------------------------- */

importScripts("shard-search.js")

let engine = null
let rules = null /* 질의 규칙을 받아 setup 한 것의 Promise */
let wanted = false /* 검색 창에 초점이 갔다(search-prepare.js): SETUP 이 오면 바로 받기 시작한다 */
/* 질의는 받은 차례대로 하나씩 답한다: Material 은 질의마다 결과 하나를 기다린다 */
let queue = Promise.resolve()

function prepare() {
  return rules || (rules = engine.prepare().then(setup))
}

async function answer(query) {
  if (!query.trim()) return { items: [] }
  await prepare()
  const groups = analyse(query)
  if (groups.blocked) return { items: [] }
  const result = await engine.search(toClauses(groups))
  return finish(result, groups)
}

self.addEventListener("message", event => {
  const message = event.data
  if (message.type === PREPARE) {
    wanted = true
    if (engine) prepare().catch(() => {}) /* 실패는 첫 질의가 다시 받으며 알린다 */
  } else if (message.type === SETUP) {
    /* 색인 파일은 워커 주소(assets/javascripts/workers/)에서 세 단계 위의 search/ 에 있다 */
    engine = ShardSearch.open(new URL("../../../search/", self.location.href), message.data.config, message.data.options)
    if (wanted) prepare().catch(() => {})
    self.postMessage({ type: READY })
  } else if (message.type === QUERY) {
    queue = queue.then(async () => {
      let data
      try {
        data = await answer(message.data)
      } catch (error) {
        rules = null /* 다음 질의에서 다시 받아 본다 */
        console.error(`korean-search.js: 질의 '${message.data}' 를 찾지 못했습니다`, error)
        data = { items: [] }
      }
      self.postMessage({ type: RESULT, data })
    })
  }
})

/*
 * 공부 노트의 한국어 검색 워커 (overrides/main.html 이 Material 의 워커 대신 이 파일을 띄운다).
 *
 * Material 의 검색 워커(?stock=search.<해시>.min.js)를 그대로 불러 쓰고, 메시지 앞뒤에서 두 가지만 한다.
 *  1. 질의(QUERY)를 색인과 같은 방식으로 정규화한다. 조사·어미를 떼고(어텐션을 → 어텐션,
 *     정규화하는 → 정규화), 띄어 쓴 말을 붙인 꼴도 찾고(층 정규화 → 층정규화), 붙여 쓴 합성어의
 *     조각도 찾는다(배치정규화 → 배치, 정규화). 규칙은 hooks/korean_search.py 가 색인의
 *     config.korean 에 실어 보낸다(사이트 어휘, 조사·어미, 불규칙 활용형, 합성어 조각, 질문 말투).
 *  2. 결과(RESULT)에서 숨은 필드(keywords, title_keywords)를 빼고, "포함되지 않은 검색어"를 읽는 이가
 *     친 낱말 기준으로 고친다. 색인을 다 만든 뒤에는 질의 몇 개로 미리 데운다(첫 글자도 빠르게).
 * 색인, 점수, 미리보기와 강조는 Material 의 것 그대로다.
 */
"use strict"

/* Material 의 SearchMessageType: SETUP, READY, QUERY, RESULT */
const SETUP = 0
const READY = 1
const QUERY = 2
const RESULT = 3

/* 색인을 만든 뒤 미리 돌려 보는 질의: 한 글자(앞부분 일치가 가장 넓다), 한국어 낱말, 영어 */
const WARM_UP = ["어", "트", "n", "어텐션을", "batch"]

/**
 * 붙인 꼴(층정규화)과 합성어 조각(배치, 정규화)의 무게. 읽는 이가 친 낱말은 1 이다. lunr 는 무게를 정수로
 * 읽는다. 조각의 무게 0 은 점수에 보태지 않고 미리보기의 강조(<mark>)에만 쓴다는 뜻이다: '배치정규화'로 찾으면
 * 본문의 '배치 정규화'가 강조된다. 조각으로만 맞은 결과는 after()가 뺀다.
 */
const JOINED_BOOST = 3
const PART_BOOST = 0

const HANGUL_WORD = /^[가-힣]+$/
/* 낱말 앞뒤의 문장 부호. 코드 이름의 *, _, . 는 남긴다 (**kwargs, kaiming_normal_) */
const EDGE_PUNCTUATION = /^[("'“‘[{<]+|[()"'”’\]}>,.!?;:]+$/g

const lexicon = { vocabulary: [], suffixes: [], forms: {}, compounds: {}, stop: [] }
let known = new Set()
let stop = new Set()
const pending = [] /* 보낸 질의마다 낱말 묶음: 결과가 같은 차례로 돌아온다 */

/* ------------------------------------------------------------------------- */

/* 마지막 음절의 받침 ㄴ ㄹ ㅁ ㅂ 을 뺀다: 나뉜 → 나뉘 (hooks/korean_search.py 의 drop_final) */
function dropFinal(syllables) {
  if (!syllables) return null
  const last = syllables.charCodeAt(syllables.length - 1)
  const code = last - 0xac00
  if (code < 0 || code >= 11172 || ![4, 8, 16, 17].includes(code % 28)) return null
  return syllables.slice(0, -1) + String.fromCharCode(last - (code % 28))
}

/**
 * 규칙으로 찾은 어간 (hooks/korean_search.py 의 rule_stem 과 같은 규칙). 질문 말투도 어간으로 받아 준다:
 * 같은 → 같, 되나 → 되. 그래야 질문 말투로 알아보고 뺄 수 있다.
 */
function ruleStem(word) {
  const isStem = rest => known.has(rest) || stop.has(rest)
  if (isStem(word)) return word
  const candidates = []
  for (const suffix of lexicon.suffixes)
    if (word.length > suffix.length && word.endsWith(suffix))
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
 * 조각은 모두 두 글자 이상이고 사이트에 있어야 한다. 그래서 강화학습처럼 사이트에 없는 말('강화'가 없다)은
 * 나뉘지 않고, 결과도 나오지 않는다. 조각이 가장 적은 분할을 고른다.
 */
function splitUnknown(word) {
  const candidates = [word]
  for (const suffix of lexicon.suffixes)
    if (word.length > suffix.length + 3 && word.endsWith(suffix))
      candidates.push(word.slice(0, -suffix.length))
  for (const whole of candidates) {
    const best = [[]]
    for (let end = 2; end <= whole.length; end++)
      for (let start = 0; start <= end - 2; start++) {
        const piece = whole.slice(start, end)
        if (!best[start] || !known.has(piece)) continue
        if (!best[end] || best[start].length + 1 < best[end].length)
          best[end] = [...best[start], piece]
      }
    const parts = best[whole.length]
    if (parts && parts.length > 1) return parts
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
 * 질의를 낱말 묶음으로 나눈다. 묶음 하나는 읽는 이가 친 낱말 하나와 그 낱말로 찾을 검색어들이다.
 * 이어진 두세 낱말을 붙인 꼴이 사이트에 있으면(층 + 정규화 → 층정규화) 그 검색어도 묶음에 넣는다.
 */
function analyse(query) {
  const groups = []
  for (const token of query.trim().split(/\s+/)) {
    /* Material 의 검색 문법(+꼭, -빼기)으로 시작하는 낱말은 손대지 않는다 */
    if (/^[+-]./.test(token)) {
      groups.push({ word: token, stem: token, terms: [{ term: token, boost: 1 }] })
      continue
    }
    /* 하이픈은 Material 도 낱말을 가르는 구분자로 본다: 시퀀스-투-시퀀스 → 시퀀스, 투, 시퀀스 */
    for (const raw of token.split(/-+/)) {
      const word = raw.toLowerCase().replace(EDGE_PUNCTUATION, "")
      if (!word) continue
      const stem = HANGUL_WORD.test(word) ? stemOf(word) : latinStem(word)
      const terms = [{ term: stem, boost: 1 }]
      if (HANGUL_WORD.test(stem) && !known.has(stem) && stem.length >= 4)
        for (const part of splitUnknown(stem)) terms.push({ term: part, boost: 1 })
      groups.push({ word: raw, stem, terms })
    }
  }

  /* 질문 말투(왜, 어떻게, 차이...)는 다른 낱말이 있을 때만 뺀다 */
  const content = groups.filter(group => !stop.has(group.stem))
  const kept = content.length ? content : groups

  for (let i = 0; i < kept.length; i++) {
    let chain = kept[i].stem
    for (let j = i + 1; j < Math.min(i + 3, kept.length); j++) {
      chain += kept[j].stem
      if (known.has(chain))
        kept[i].terms.push({ term: chain, boost: JOINED_BOOST })
    }
    for (const part of lexicon.compounds[kept[i].stem] || [])
      kept[i].terms.push({ term: part, boost: PART_BOOST })
  }
  return kept
}

/* Material 이 알아듣는 lunr 질의로: 앞부분 일치(*)는 Material 이 붙인다 */
function toQuery(groups) {
  const seen = new Set()
  const parts = []
  for (const group of groups)
    for (const { term, boost } of group.terms) {
      if (seen.has(term)) continue
      seen.add(term)
      parts.push(boost === 1 ? term : `${term}*^${boost}`) /* Material 은 ^숫자로 끝나면 *를 붙이지 않는다 */
    }
  return parts.join(" ")
}

/* ------------------------------------------------------------------------- */

function setup(data) {
  Object.assign(lexicon, data.config.korean || {})
  delete data.config.korean
  known = new Set(lexicon.vocabulary)
  stop = new Set(lexicon.stop)
}

/* Material 의 "포함되지 않은 검색어"를 읽는 이가 친 낱말 기준으로: 묶음의 검색어가 하나라도 맞으면 맞은 것 */
function fixTerms(item, groups) {
  const terms = {}
  for (const group of groups) {
    const keys = group.terms.map(({ term }) => term.replace(/^\*+|\*+$/g, ""))
    const hits = keys.filter(key => item.terms[key])
    for (const hit of hits) terms[hit] = true
    if (!hits.length && keys.some(key => key in item.terms)) terms[group.word] = false
  }
  item.terms = terms
  delete item.keywords
  delete item.title_keywords
}

function before(message) {
  if (message && message.type === SETUP) setup(message.data)
  if (message && message.type === QUERY) {
    const groups = analyse(message.data)
    pending.push(groups)
    return { type: QUERY, data: toQuery(groups) }
  }
  return message
}

/* 바뀐 메시지를 돌려준다. null 이면 화면으로 보내지 않는다(예열 질의의 결과) */
function after(message) {
  if (message && message.type === READY && stockListener) return warmUp(message)
  if (message && message.type === RESULT && warming > 0) return finishWarmUp()
  if (message && message.type === RESULT) {
    const groups = pending.shift() || []
    /* 강조만 하는 조각(무게 0)으로만 맞은 페이지는 결과에서 뺀다 */
    const scoring = new Set(groups.flatMap(group => group.terms.filter(t => t.boost > 0).map(t => t.term)))
    message.data.items = message.data.items.filter(items =>
      items.some(item => Object.keys(item.terms).some(term => item.terms[term] && scoring.has(term))))
    for (const items of message.data.items)
      for (const item of items) fixTerms(item, groups)
  }
  return message
}

/**
 * 색인을 다 만든 뒤 READY 를 보내기 전에 질의 몇 개를 미리 돌려 JIT 를 데운다. 그래야 읽는 이의 첫 글자도
 * 뒤의 글자만큼 빨리 결과가 나온다. 예열 질의의 결과는 화면으로 보내지 않는다.
 */
let warming = 0
let ready = null
function warmUp(message) {
  ready = message
  warming = WARM_UP.length
  for (const query of WARM_UP)
    stockListener({ data: { type: QUERY, data: toQuery(analyse(query)) } })
  return null
}

function finishWarmUp() {
  warming -= 1
  if (warming === 0) nativePostMessage(ready)
  return null
}

/* Material 의 워커가 등록하는 message 처리기와 postMessage 를 감싼 뒤 그 워커를 불러온다 */
const stock = new URLSearchParams(self.location.search).get("stock")
if (!/^search\.[0-9a-f]+\.min\.js$/.test(stock || ""))
  throw new Error(`korean-search.js: Material 검색 워커 이름이 이상합니다: ${stock}`)

const nativeAddEventListener = self.addEventListener.bind(self)
const nativePostMessage = self.postMessage.bind(self)
let stockListener = null
self.addEventListener = (type, listener, options) => {
  if (type === "message") stockListener = listener
  nativeAddEventListener(type, type === "message" ? ev => listener({ data: before(ev.data) }) : listener, options)
}
self.postMessage = (message, ...rest) => {
  const changed = after(message)
  if (changed) nativePostMessage(changed, ...rest)
}

importScripts(stock)

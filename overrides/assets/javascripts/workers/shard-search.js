/*
 * 조각 색인 검색 (korean-search.js 가 importScripts 로 불러 쓴다).
 *
 * hooks/search_shards.py 가 빌드 때 나눈 파일을 읽는다: 질의의 낱말이 든 조각(terms/<n>.json)만 받아 점수를
 * 더하고, 위쪽 결과의 미리보기에 쓸 페이지 본문(pages/<n>.json)만 받는다. 받은 파일은 워커가 살아 있는 동안
 * 다시 받지 않는다.
 *
 * 결과는 Material 의 검색 워커가 보내는 것과 같은 꼴이다: { items: 페이지별 [절, ...], suggest }.
 * 점수도 같은 규칙이다. 절 d 의 점수는 Σ_t q(t) · W(t, d) / |q| 이고(q(t) 는 낱말 t 로 펼쳐진 검색어들의 무게
 * 합, W 는 빌드 때 계산한 lunr 의 필드 벡터 값의 합), 페이지 머리 절이면 1, 맞은 검색어의 비율만큼 더한 b 로
 * (1 + b²) 배를 한다. 점수가 같으면 색인의 차례(nav 차례)를 따른다. 검색어에 읽는 이의 낱말 묶음 번호가 있으면
 * 더 많은 묶음이 맞은 페이지가 먼저다(byCoverage).
 */
"use strict"

const ShardSearch = (() => {
  /*
   * 미리보기 본문을 받아 그릴 페이지 수: Material 이 처음 그리는 10개와 한 번 내려 볼 10개. 그 아래 결과는 제목만
   * 보인다. 노트 1,000개에서 '어텐션'은 1,000 페이지에 맞는다: 본문을 다 받으면 첫 결과가 그만큼 늦다.
   */
  const PREVIEW_PAGES = 20
  /* 미리보기에 보일 블록(문단, 코드, 목록) 수: Material 과 같다 */
  const PREVIEW_BLOCKS = 2
  const PRESENCE = { OPTIONAL: 0, REQUIRED: 1, PROHIBITED: 2 }
  /* 검색 창에 이어 쓸 말(suggest)을 찾아볼 위쪽 결과 수 */
  const SUGGEST_FROM = 100

  const own = (object, key) => Object.prototype.hasOwnProperty.call(object, key)
  const firstChar = word => String.fromCodePoint(word.codePointAt(0))

  /* ----------------------------------------------------------------------- */

  /**
   * HTML 글을 맨 바깥 블록(<p>, <pre>, <ul> ...)과 낱말로 나눈다. 낱말은 태그 밖의 글을 구분자로 자른 것이다.
   * 블록마다 { start, end, words: [{ start, end, term }] }: start~end 는 블록의 바깥 태그까지 포함한 범위.
   */
  function blocks(html, separator) {
    const found = []
    let current = null
    let depth = 0
    const touch = (start, end) => {
      if (!current) found.push(current = { start, end, words: [] })
      current.end = end
    }
    const words = (start, end) => {
      const text = html.slice(start, end)
      separator.lastIndex = 0
      let from = 0
      for (;;) {
        const match = separator.exec(text)
        const until = match ? match.index : text.length
        if (until > from) {
          touch(start + from, start + until)
          current.words.push({ start: start + from, end: start + until, term: text.slice(from, until).toLowerCase() })
        }
        if (!match) break
        from = match.index + match[0].length
        if (match[0].length === 0) separator.lastIndex += 1
      }
    }
    let text = 0
    for (let i = 0; i < html.length; i++) {
      if (html[i] !== "<") continue
      const close = html.indexOf(">", i)
      if (close < 0) break
      words(text, i)
      const closing = html[i + 1] === "/"
      if (closing) {
        depth = Math.max(0, depth - 1)
        if (depth === 0) { touch(i, close + 1); current = null }
      } else if (html[close - 1] !== "/") {
        if (depth === 0) touch(i, close + 1)
        depth += 1
      }
      text = close + 1
      i = close
    }
    if (text < html.length) words(text, html.length)
    return found
  }

  /* 블록 하나를 낱말에 <mark> 를 씌워 돌려준다 */
  function marked(html, block, terms) {
    let out = ""
    let cursor = block.start
    for (const word of block.words)
      if (terms.has(word.term)) {
        out += html.slice(cursor, word.start) + "<mark>" + html.slice(word.start, word.end) + "</mark>"
        cursor = word.end
      }
    return out + html.slice(cursor, block.end)
  }

  /* 맞은 낱말이 글에 들어 있을 수는 있는가: 아니면 낱말로 나눌 것도 없다(결과 수천 개의 제목에서 빠르다) */
  function mayContain(html, terms) {
    const lower = html.toLowerCase()
    for (const term of terms) if (lower.includes(term)) return true
    return false
  }

  /* 글 전체에 강조(제목, 태그). 맞은 낱말이 없으면 그대로 */
  function highlightAll(html, terms, separator) {
    if (!mayContain(html, terms)) return html
    const found = blocks(html, separator)
    if (!found.some(block => block.words.some(word => terms.has(word.term)))) return html
    let out = ""
    let cursor = 0
    for (const block of found) {
      out += html.slice(cursor, block.start) + marked(html, block, terms)
      cursor = block.end
    }
    return out + html.slice(cursor)
  }

  /* 본문: 맞은 낱말이 든 앞쪽 블록 두 개만 강조해서. 맞은 낱말이 없으면 본문 그대로(Material 과 같다) */
  function highlightPreview(html, terms, separator) {
    if (!mayContain(html, terms)) return html
    const hits = blocks(html, separator).filter(block => block.words.some(word => terms.has(word.term)))
    if (!hits.length) return html
    return hits.slice(0, PREVIEW_BLOCKS).map(block => marked(html, block, terms)).join("")
  }

  /* ----------------------------------------------------------------------- */

  /*
   * byCoverage 가 세는 검색어 → 묶음 번호. 가볍게 찾는 검색어(의도 낱말 '정리'는 0.2, 강조만 하는 조각은 0)는
   * 세지 않는다: 낱말 하나의 무게(1) 이상인 것만.
   */
  function coverageGroups(clauses) {
    const groupOf = new Map()
    for (const clause of clauses)
      if (clause.group !== undefined && clause.boost >= 1 && clause.presence !== PRESENCE.PROHIBITED &&
        !groupOf.has(clause.term)) groupOf.set(clause.term, clause.group)
    return [...groupOf]
  }

  /**
   * 색인 하나를 연다. base 는 search/ 폴더의 주소, config 는 search_index.json 의 config.
   * 여는 것만으로는 아무것도 받지 않는다. 돌려주는 것: { prepare(): Promise(질의 규칙), search(clauses) }
   */
  function open(base, config, options = {}) {
    const version = config.shards.version
    const separator = new RegExp(config.separator, "g")
    const files = new Map()
    const get = name => {
      if (!files.has(name))
        files.set(name, fetch(new URL(`${name}?v=${version}`, base)).then(response => {
          if (!response.ok) throw new Error(`검색 색인 ${name}: HTTP ${response.status}`)
          return response.json()
        }).catch(error => {
          files.delete(name) /* 다음에 다시 받아 본다 */
          throw error
        }))
      return files.get(name)
    }
    /* 절 목록. 페이지 머리 절(점수를 더 받는다)에서 머리와 주소가 같은 절이 대신 들어간 페이지는 뺀다 */
    let meta = null
    const docsMeta = () => meta || (meta = get("docs.json").then(data => {
      const replaced = new Set(data.not_articles)
      return { ...data, heads: new Set(data.pages.filter(doc => !replaced.has(doc))) }
    }, error => {
      meta = null
      throw error
    }))

    /* 낱말(과 앞부분 일치 여부)이 들어 있을 조각 파일 번호들 */
    function shardsFor(manifest, term, prefix) {
      const first = firstChar(term)
      if (own(manifest.chars, first)) return [manifest.chars[first]]
      if (!own(manifest.pairs, first)) return []
      const pairs = manifest.pairs[first]
      const rest = term.slice(first.length)
      if (!rest) return prefix ? [...new Set(Object.values(pairs))] : own(pairs, "") ? [pairs[""]] : []
      const second = firstChar(rest)
      return own(pairs, second) ? [pairs[second]] : []
    }

    /* 검색어 하나가 펼쳐지는 색인 낱말들: { 낱말: 조각 } */
    async function expand(manifest, clause) {
      const shards = await Promise.all(shardsFor(manifest, clause.term, clause.prefix).map(n => get(`terms/${n}.json`)))
      const found = new Map()
      for (const shard of shards) {
        if (!clause.prefix) {
          if (own(shard, clause.term)) found.set(clause.term, shard[clause.term])
          continue
        }
        for (const term in shard) if (term.startsWith(clause.term)) found.set(term, shard[term])
      }
      return found
    }

    /* 절 번호의 페이지 번호: pages 는 페이지 머리 절 번호들(오름차순) */
    function pageOf(pages, doc) {
      let low = 0
      let high = pages.length - 1
      while (low < high) {
        const mid = (low + high + 1) >> 1
        if (pages[mid] <= doc) low = mid
        else high = mid - 1
      }
      return low
    }

    /**
     * clauses: [{ term, boost, prefix, presence, group }] (presence 는 PRESENCE, group 은 없어도 된다).
     * 돌려주는 것: Material 의 결과 꼴.
     */
    async function search(clauses) {
      const { docs, pages, heads, shards } = await docsMeta()
      const expansions = await Promise.all(clauses.map(clause => expand(shards, clause)))

      const weights = new Map() /* 색인 낱말 → 검색어 무게의 합 */
      const postings = new Map()
      clauses.forEach((clause, i) => {
        for (const [term, flat] of expansions[i]) {
          postings.set(term, flat)
          if (clause.presence !== PRESENCE.PROHIBITED) weights.set(term, (weights.get(term) || 0) + clause.boost)
        }
      })
      const docsOf = terms => {
        const found = new Set()
        for (const term of terms) {
          const flat = postings.get(term)
          for (let i = 0, doc = 0; i < flat.length; i += 2) found.add(doc += flat[i])
        }
        return found
      }

      const scores = new Map()
      const matched = new Map()
      for (const [term, weight] of weights) {
        const flat = postings.get(term)
        for (let i = 0, doc = 0; i < flat.length; i += 2) {
          doc += flat[i]
          scores.set(doc, (scores.get(doc) || 0) + weight * flat[i + 1] / 1000)
          if (!matched.has(doc)) matched.set(doc, new Set())
          matched.get(doc).add(term)
        }
      }
      clauses.forEach((clause, i) => {
        if (clause.presence === PRESENCE.OPTIONAL) return
        const hit = docsOf(expansions[i].keys())
        for (const doc of [...scores.keys()])
          if ((clause.presence === PRESENCE.REQUIRED) !== hit.has(doc)) scores.delete(doc)
      })

      const magnitude = Math.sqrt([...weights.values()].reduce((sum, w) => sum + w * w, 0))
      const asked = [...new Set(clauses.filter(c => c.presence !== PRESENCE.PROHIBITED).map(c => c.term))]
      const ranked = []
      for (const [doc, score] of scores) {
        const terms = {}
        const found = [...matched.get(doc)]
        for (const term of asked) terms[term] = found.some(t => t.startsWith(term))
        const hits = Object.values(terms).filter(Boolean).length
        const boost = (heads.has(doc) ? 1 : 0) + hits / (asked.length || 1)
        ranked.push({ doc, score: (magnitude ? score / magnitude : 0) * (1 + boost ** 2), terms })
      }
      ranked.sort((a, b) => b.score - a.score || a.doc - b.doc)

      /* 페이지별로 묶는다(처음 나온 차례). 페이지 머리 절이 없으면 점수 0 으로 붙인다 */
      let groups = new Map()
      for (const result of ranked) {
        const page = pageOf(pages, result.doc)
        if (!groups.has(page)) groups.set(page, [])
        groups.get(page).push(result)
      }
      groups = byCoverage(groups, clauses)
      for (const [page, results] of groups)
        if (!results.some(result => result.doc === pages[page]))
          results.push({ doc: pages[page], score: 0, terms: {}, plain: true })

      /*
       * 미리보기를 그리지 않는 아래쪽 페이지는 머리 절 하나로 줄인다: 제목만 보이는 절 목록은 쓸모가 적고, 결과가
       * 수천 개면 화면(메인 스레드)으로 보내는 메시지만 수백 KB 가 된다.
       */
      for (const [page, results] of [...groups].slice(PREVIEW_PAGES)) {
        /* 점수는 가장 높은 절의 것, 맞은 검색어는 페이지의 모든 절에서 맞은 것이다 */
        const head = results.find(result => result.doc === pages[page])
        const terms = Object.fromEntries(Object.keys(results[0].terms).map(term =>
          [term, results.some(result => result.terms[term])]))
        groups.set(page, [{ ...head, score: results[0].score, terms }])
      }

      const previewed = [...groups.keys()].slice(0, PREVIEW_PAGES)
      const texts = new Map(await Promise.all(previewed.map(async page => [page, await get(`pages/${page}.json`)])))
      const items = [...groups].map(([page, results]) => results.map(result => {
        const [location, title, tags, boost] = docs[result.doc]
        const terms = result.plain ? new Set() : matched.get(result.doc)
        const text = texts.has(page) ? texts.get(page)[result.doc - pages[page]] : ""
        const item = {
          location,
          title: highlightAll(title, terms, separator),
          text: highlightPreview(text, terms, separator),
          score: result.score,
          terms: result.terms
        }
        if (tags) item.tags = tags.map(tag => highlightAll(tag, terms, separator))
        if (boost) item.boost = boost
        return item
      }))
      const result = { items }
      if (options.suggest) result.suggest = suggestion(ranked, docs, matched, asked)
      return result
    }

    /*
     * 검색어에 묶음 번호(clause.group: 읽는 이가 친 낱말 하나)가 있으면, 더 많은 묶음이 맞은 페이지를 앞에 둔다
     * (같은 수끼리는 점수 차례). '풀리퀘 보내는 법'은 두 낱말이 다 있는 페이지가, 흔한 '보내'만 있는 절의 점수가
     * 조금 높은 페이지보다 먼저다. 미리보기를 자르기 전에 하므로 앞으로 온 페이지도 미리보기가 있다.
     */
    function byCoverage(groups, clauses) {
      const groupOf = new Map(coverageGroups(clauses))
      if (!groupOf.size) return groups
      const coverage = results => new Set(results.flatMap(result =>
        Object.keys(result.terms).filter(term => result.terms[term] && groupOf.has(term)).map(term => groupOf.get(term)))).size
      const order = [...groups].map(([page, results], i) => ({ page, results, i, covered: coverage(results) }))
      order.sort((a, b) => b.covered - a.covered || a.i - b.i)
      return new Map(order.map(({ page, results }) => [page, results]))
    }

    /*
     * 제목에 모든 검색어가 든 가장 높은 결과의 제목 낱말들: Material 이 검색 창에 이어 쓸 말을 고른다.
     * 위쪽 결과 SUGGEST_FROM 개만 본다(결과가 수천 개여도 빠르게).
     */
    function suggestion(ranked, docs, matched, asked) {
      for (const { doc } of ranked.slice(0, SUGGEST_FROM)) {
        const words = blocks(docs[doc][1], separator).flatMap(block => block.words.map(word => word.term))
        const picks = asked.map(term => words.filter(word => word.startsWith(term) && matched.get(doc).has(word)))
        if (picks.every(list => list.length)) return [...new Set(picks.flat())]
      }
      return []
    }

    /* 질의 규칙과 절 목록을 받기 시작한다(여러 번 불러도 한 번 받는다). 질의 규칙을 돌려준다. */
    function prepare() {
      docsMeta()
      return get("lexicon.json")
    }

    return { prepare, search }
  }

  return { open, PRESENCE, coverageGroups }
})()

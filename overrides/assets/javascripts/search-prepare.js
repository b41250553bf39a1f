/*
 * 읽는 이가 검색 창에 들어가면 검색 워커에게 색인을 미리 받으라고 알린다.
 *
 * Material 은 페이지를 열 때 search/search_index.json(설정뿐인 작은 파일, hooks/search_shards.py)을 받아
 * 검색 워커(korean-search.js)에 넘긴다. 워커는 그때는 아무것도 받지 않는다: 검색을 쓰지 않는 방문은 색인을
 * 받지 않는다. 검색 창에 초점이 가면(클릭, 탭 키, 단축키 / s f, 휴대폰의 검색 단추) 이 스크립트가 워커에
 * "gongbu:prepare" 를 보내고, 워커는 질의 규칙(lexicon.json)과 절 목록(docs.json)을 받기 시작한다. 읽는 이가
 * 첫 글자를 치는 동안 받으므로 첫 결과가 빨리 나온다. 알림이 없어도 첫 질의가 오면 워커가 스스로 받는다
 * (공유한 검색 주소 ?q= 가 그렇다).
 * Material 의 번들보다 먼저 실행되어야 워커가 만들어지는 것을 본다(overrides/main.html 의 extrahead).
 */
"use strict";
(() => {
  const PREPARE = "gongbu:prepare"
  const workers = []
  let wanted = false

  const Native = window.Worker
  window.Worker = class extends Native {
    constructor(url, ...rest) {
      super(url, ...rest)
      if (!/\/korean-search\.js(?:[?#]|$)/.test(String(url))) return
      workers.push(this)
      if (wanted) this.postMessage({ type: PREPARE })
    }
  }

  document.addEventListener("focusin", event => {
    const target = event.target
    if (wanted || !(target instanceof Element) || !target.matches("[data-md-component=search-query]")) return
    wanted = true
    for (const worker of workers) worker.postMessage({ type: PREPARE })
  }, true)
})()

/*
 * 검색 색인을 읽는 이가 검색을 시작할 때 받는다.
 *
 * Material 은 페이지를 열자마자 search/search_index.json 을 XMLHttpRequest 로 받아 검색 워커에 넘긴다.
 * 노트가 늘면 색인도 커져서, 검색을 쓰지 않는 방문에도 수백 KB~수 MB 를 받게 된다. 이 스크립트는 Material 의
 * 번들보다 먼저 실행되어 그 요청 하나의 send() 를 미뤄 두었다가, 아래 신호가 오면 보낸다.
 *  - 검색 창에 초점이 간다 (클릭, 탭 키, Material 의 단축키 / s f, 휴대폰의 검색 단추가 모두 여기로 온다)
 *  - 주소에 ?q= (공유한 검색) 나 ?h= (검색 결과에서 온 강조) 가 있다: 바로 보낸다
 * 색인이 오기 전에 친 글자는 Material 이 워커가 준비된 뒤 다시 읽어 검색한다. 나머지 요청은 그대로 둔다.
 */
"use strict";
(() => {
  const INDEX = /\/search\/search_index\.json(?:[?#]|$)/
  let release
  const wanted = new Promise(resolve => { release = resolve })

  const params = new URLSearchParams(location.search)
  if (params.has("q") || params.has("h")) release()
  document.addEventListener("focusin", event => {
    const target = event.target
    if (target instanceof Element && target.matches("[data-md-component=search-query]")) release()
  }, true)

  const open = XMLHttpRequest.prototype.open
  const send = XMLHttpRequest.prototype.send
  XMLHttpRequest.prototype.open = function (method, url, ...rest) {
    this.__searchIndex = INDEX.test(String(url))
    return open.call(this, method, url, ...rest)
  }
  XMLHttpRequest.prototype.send = function (...args) {
    if (!this.__searchIndex) return send.apply(this, args)
    wanted.then(() => send.apply(this, args))
  }
})()

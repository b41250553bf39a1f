/*
 * 복사 버튼과 대화형 예제: `>>>` 로 시작하는 코드 블록(doctest)은 프롬프트(>>>, ...)와 출력을 빼고
 * 실행할 코드만 복사한다. 붙여 넣으면 바로 돌아가는 것이 독자가 기대하는 복사다.
 *
 * Material 의 복사 버튼은 코드 블록에서 가장 가까운 [data-copy] 조상이 있으면 그 값을 복사한다.
 * 여기서는 그 값만 채운다. 화면에 보이는 블록은 그대로다. 복사 버튼에는 화면 읽기 프로그램이 읽을
 * 이름(aria-label)도 붙인다(아래 nameCopyButtons).
 */
(function () {
  var PROMPT = /^>>>( |$)/;
  var CONTINUATION = /^\.\.\.( |$)/;

  // doctest 와 같은 규칙: `>>>` 줄과 그 바로 뒤의 `...` 줄이 코드, 나머지는 출력이다.
  function sourceOf(text) {
    var lines = text.split("\n");
    if (!PROMPT.test(lines[0])) return null;
    var source = [];
    var inSource = false;
    lines.forEach(function (line) {
      if (PROMPT.test(line) || (inSource && CONTINUATION.test(line))) {
        source.push(line.slice(4));
        inSource = true;
      } else {
        inSource = false;
      }
    });
    return source.join("\n").replace(/\s+$/, "");
  }

  function markDoctestBlocks() {
    document.querySelectorAll(".highlight > pre > code").forEach(function (code) {
      var source = sourceOf(code.textContent);
      if (source !== null) code.parentElement.setAttribute("data-copy", source);
    });
  }

  // Material 의 툴팁(content.tooltips)은 복사 버튼이 화면에 들어오면 title 을 떼어 툴팁으로 옮기고
  // aria-describedby 만 남긴다. 그러면 버튼에 이름이 없어 화면 읽기 프로그램이 '버튼'이라고만 읽는다
  // (axe-core: button-name, critical). 툴팁이 붙기 전에 그 이름을 aria-label 로 고정해 둔다.
  function nameCopyButtons() {
    document.querySelectorAll("button.md-code__button:not([aria-label])").forEach(function (button) {
      var tip = document.getElementById(button.getAttribute("aria-describedby") || "");
      var name = button.getAttribute("title") || (tip && tip.textContent.trim()) || "클립보드로 복사";
      button.setAttribute("aria-label", name);
    });
  }

  function onPage() {
    markDoctestBlocks();
    nameCopyButtons();
  }

  // content.lazy: Material 은 코드 블록이 화면에 들어올 때 복사 버튼을 만든다. 툴팁이 title 을 떼기 전에
  // 이름을 붙이도록 DOM 이 바뀐 바로 그 차례에 붙인다.
  new MutationObserver(function (records) {
    for (var i = 0; i < records.length; i++) {
      if (records[i].addedNodes.length) return nameCopyButtons();
    }
  }).observe(document.body, { childList: true, subtree: true });

  if (typeof document$ !== "undefined") {
    document$.subscribe(onPage); // 즉시 이동(instant navigation)에도 다시 붙인다
  } else {
    document.addEventListener("DOMContentLoaded", onPage);
  }
})();

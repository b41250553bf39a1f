/*
 * 가로로 넘치는 표·수식·도표에 키보드로 닿게 한다.
 *
 * Material 은 넘치는 코드 블록에만 tabindex="0" 을 붙이고, content.lazy 라서 화면에 들어온 블록에만 붙인다.
 * 아직 화면 밖에 있는 코드 블록, 표(.md-typeset__scrollwrap), 블록 수식
 * (.math-block), 도표(.mermaid-diagram), 노트북의 코드 셀과 출력도 좁은 화면에서는 가로로 스크롤되므로,
 * 넘칠 때만 초점을 받게 해서 화살표 키로 스크롤할 수 있게 한다(axe-core 의 scrollable-region-focusable).
 */
(function () {
  var SELECTOR = [
    // content.lazy 로 아직 붙지 않은 코드 블록. 붙으면(pre 에 __code_ id) Material 이 맡는다.
    '.md-typeset pre:not([id^="__code_"]) > code',
    ".md-typeset__scrollwrap",
    ".md-typeset .math-block",
    ".md-typeset .mermaid-diagram",
    // 노트북 페이지(mkdocs-jupyter)의 코드 셀과 출력
    ".jupyter-wrapper .highlight-ipynb",
    ".jupyter-wrapper .jp-OutputArea-output",
    ".jupyter-wrapper pre",
  ].join(", ");

  function scrolls(element) {
    var overflow = getComputedStyle(element).overflowX;
    return overflow === "auto" || overflow === "scroll";
  }

  // 모두 잰 다음에 고친다: 재고 고치기를 번갈아 하면 요소마다 레이아웃을 다시 한다.
  function markScrollRegions() {
    var regions = Array.prototype.slice.call(document.querySelectorAll(SELECTOR));
    var overflowing = regions.map(function (region) {
      return region.scrollWidth > region.clientWidth && scrolls(region);
    });
    regions.forEach(function (region, index) {
      if (overflowing[index]) {
        region.setAttribute("tabindex", "0");
      } else if (region.getAttribute("tabindex") === "0") {
        region.removeAttribute("tabindex");
      }
    });
  }

  var pending = 0;
  function schedule() {
    cancelAnimationFrame(pending);
    pending = requestAnimationFrame(markScrollRegions);
  }

  if (typeof document$ !== "undefined") {
    document$.subscribe(schedule); // Material 이 표를 감싼 뒤, 즉시 이동(instant navigation) 때마다
  } else {
    document.addEventListener("DOMContentLoaded", schedule);
  }
  window.addEventListener("load", schedule);
  window.addEventListener("resize", schedule);
})();

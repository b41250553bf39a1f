"""연습 문제: 여섯 노트마다 연습 문제 절이 있고, 풀이는 처음에 접혀 있으며, 키보드(Tab 으로 풀이의
summary 에 가서 Enter)로 펼 수 있다. 두 팔레트 모두에서, 풀이를 모두 편 상태로 axe-core 의 serious·critical
위반이 없다.
"""

from __future__ import annotations

import json

import pytest
from axe_playwright_python.base import AXE_SCRIPT

from tests.browser import survey

NOTES = [
    "python/asterisk/",
    "dl/weight-init/",
    "dl/batch-norm/",
    "dl/sequence-models/",
    "dl/attention/",
    "dl/transformer/",
]
SCHEMES = ["default", "slate"]

# 연습 문제 절(h2#연습-문제 다음부터 다음 h2 앞까지)의 문제 제목과 접는 블록.
SECTION = """() => {
  const start = document.getElementById("연습-문제");
  if (!start) return null;
  const exercises = [], details = [];
  for (let node = start.nextElementSibling; node && node.tagName !== "H2"; node = node.nextElementSibling) {
    if (node.tagName === "H3") exercises.push(node.id);
    if (node.tagName === "DETAILS") details.push({
      kind: node.classList.contains("success") ? "풀이" : node.classList.contains("tip") ? "힌트" : node.className,
      summary: node.querySelector(":scope > summary")?.textContent.trim(),
      open: node.open,
      exercise: exercises[exercises.length - 1],
    });
  }
  return {exercises, details};
}"""

ACTIVE = """() => {
  const e = document.activeElement, d = e.closest("details");
  return {tag: e.tagName, text: e.textContent.trim(), kind: d && d.classList.contains("success") ? "풀이" : null,
          exercise: d ? (() => { let n = d; while (n && n.tagName !== "H3") n = n.previousElementSibling; return n && n.id; })() : null,
          open: d ? d.open : null};
}"""


@pytest.fixture
def palette_page(browser, palettes):
    """팔레트를 골라 둔 탭을 만드는 함수. 만든 탭은 테스트가 끝나면 닫는다."""
    contexts = []

    def make(scheme: str):
        palette = palettes[scheme]
        context = browser.new_context(
            locale="ko-KR", viewport=survey.DESKTOP, color_scheme=survey.color_scheme(palette)
        )
        context.add_init_script(survey.palette_init_script(palette))
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


@pytest.mark.parametrize("note", NOTES)
def test_exercise_section_has_five_exercises_with_collapsed_solutions(palette_page, site_url, note):
    page = palette_page("default")
    page.goto(site_url + note)
    section = page.evaluate(SECTION)
    assert section is not None, f"{note}: 연습 문제 절(#연습-문제)이 없다"
    assert len(section["exercises"]) >= 5
    solutions = [d for d in section["details"] if d["kind"] == "풀이"]
    assert [d["exercise"] for d in solutions] == section["exercises"], "문제마다 풀이가 하나씩"
    assert all(d["summary"] == "풀이" for d in solutions)
    opened = [d for d in section["details"] if d["open"]]
    assert opened == [], f"처음부터 펼쳐진 블록: {opened}"
    # 접힌 풀이의 글은 보이지 않는다.
    first = page.locator('[id="연습-문제"] ~ details.success').first
    assert not first.locator(":scope > :not(summary)").first.is_visible()


def tab_to_solution(page, exercise_id: str, presses: int = 12) -> dict:
    """문제 제목의 고리(¶)에 초점을 두고, 그 문제의 풀이 summary 에 닿을 때까지 Tab 을 누른다."""
    page.locator(f'h3[id="{exercise_id}"] a.headerlink').focus()
    for _ in range(presses):
        page.keyboard.press("Tab")
        active = page.evaluate(ACTIVE)
        if active["tag"] == "SUMMARY" and active["kind"] == "풀이":
            return active
    raise AssertionError(f"Tab {presses}번 안에 {exercise_id}의 풀이에 닿지 못했다: {active}")


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("note", NOTES)
def test_keyboard_opens_a_solution_and_axe_finds_nothing_serious(
    palette_page, site_url, note, scheme
):
    page = palette_page(scheme)
    page.goto(site_url + note)
    assert page.evaluate("document.body.dataset.mdColorScheme") == scheme
    section = page.evaluate(SECTION)
    exercise = section["exercises"][0]

    active = tab_to_solution(page, exercise)
    assert active["exercise"] == exercise and active["open"] is False
    page.keyboard.press("Enter")
    active = page.evaluate(ACTIVE)
    assert active["open"] is True, "Enter 로 풀이가 펼쳐져야 한다"
    solution = page.locator(f'h3[id="{exercise}"] ~ details.success').first
    assert solution.locator(":scope > :not(summary)").first.is_visible()
    # 펼친 풀이의 복사 버튼 위에 마우스를 올리면 Material 이 title 을 툴팁으로 옮긴다. 그 뒤에도 버튼에
    # 이름이 남는지 아래의 axe-core 가 본다(button-name).
    copy = solution.locator("button.md-code__button")
    if solution.locator("pre > code").count():
        # content.lazy: 복사 버튼은 코드 블록이 화면에 들어온 뒤에 생긴다
        solution.locator("pre > code").first.scroll_into_view_if_needed()
        copy.first.wait_for(state="attached", timeout=5000)
        copy.first.hover()
        copy.first.evaluate(
            "(button) => new Promise(done => { const t0 = Date.now(); (function wait() {"
            " if (button.hasAttribute('aria-describedby') || Date.now() - t0 > 3000) done();"
            " else setTimeout(wait, 50); })(); })"
        )
    page.keyboard.press("Enter")
    assert page.evaluate(ACTIVE)["open"] is False, "한 번 더 Enter 면 다시 접힌다"

    # 힌트와 풀이를 모두 편 상태에서 axe-core: 펼친 글의 명암비까지 본다.
    page.evaluate(
        """() => document.querySelectorAll('[id="연습-문제"] ~ details').forEach(d => { d.open = true; })"""
    )
    # 툴팁이 나타나는 중(불투명도 전환)이면 axe 가 반쯤 비친 글자의 명암비를 잰다: 전환이 끝난 뒤에 잰다
    page.evaluate(
        "() => Promise.all(document.getAnimations()"
        ".filter(a => a.effect && a.effect.getComputedTiming().endTime !== Infinity)"
        ".map(a => a.finished.catch(() => {})))"
    )
    page.evaluate(AXE_SCRIPT)
    violations = page.evaluate(
        f"() => axe.run(document, {json.dumps({'resultTypes': ['violations']})}).then(r => r.violations)"
    )
    serious = [
        survey.describe_violation(v) for v in violations if v["impact"] in survey.BLOCKING_IMPACTS
    ]
    assert serious == [], f"{note} ({scheme}) axe-core 의 serious·critical 위반:\n" + "\n".join(
        serious
    )

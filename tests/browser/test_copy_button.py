"""코드 복사 버튼: 클립보드에 코드가 정확히 담긴다.

- 보통 코드 블록은 보이는 코드 그대로.
- `>>>` 로 시작하는 대화형 예제(doctest)는 프롬프트와 출력을 뺀, 붙여 넣으면 바로 도는 코드만
  (overrides/assets/javascripts/doctest-copy.js). 무엇이 코드인지는 파이썬의 doctest 파서가 정한다.
"""

from __future__ import annotations

import doctest
from urllib.parse import urlparse

import pytest

from tests.browser import survey

NOTE = "python/asterisk/"  # 보통 블록과 doctest 블록이 모두 있는 노트
BLOCKS = ".md-typeset .highlight"
IS_DOCTEST = "(code) => code.textContent.startsWith('>>>')"


def doctest_source(text: str) -> str:
    """doctest 가 실행하는 코드: 예제마다의 source 를 이어 붙인 것."""
    examples = doctest.DocTestParser().get_examples(text)
    return "".join(example.source for example in examples).rstrip()


@pytest.fixture
def clipboard_page(browser, site_url):
    context = browser.new_context(locale="ko-KR", viewport=survey.DESKTOP)
    url = urlparse(site_url)
    context.grant_permissions(
        ["clipboard-read", "clipboard-write"], origin=f"{url.scheme}://{url.netloc}"
    )
    page = context.new_page()
    page.goto(site_url + NOTE)
    yield page
    context.close()


def copy(page, block) -> str:
    page.evaluate("navigator.clipboard.writeText('(비어 있음)')")
    block.hover()
    block.locator("button.md-code__button[data-md-type=copy]").click()
    return page.evaluate("navigator.clipboard.readText()")


def test_copy_button_copies_plain_code_exactly(clipboard_page):
    blocks = clipboard_page.locator(BLOCKS)
    checked = 0
    for index in range(blocks.count()):
        block = blocks.nth(index)
        code = block.locator("code")
        if not block.is_visible() or code.evaluate(IS_DOCTEST):
            continue  # 접힌 풀이 안의 블록은 펼치기 전에는 누를 수 없다(모든 블록의 복사 내용은 아래 테스트가 본다)
        assert copy(clipboard_page, block) == code.text_content().rstrip(), f"{index}번째 코드 블록"
        checked += 1
    assert checked >= 1, f"{NOTE} 에 보통 코드 블록이 없다"


def test_copy_button_copies_doctest_code_without_prompts_or_output(clipboard_page):
    blocks = clipboard_page.locator(BLOCKS)
    checked = 0
    for index in range(blocks.count()):
        block = blocks.nth(index)
        code = block.locator("code")
        if not block.is_visible() or not code.evaluate(IS_DOCTEST):
            continue
        copied = copy(clipboard_page, block)
        assert copied == doctest_source(code.text_content()), f"{index}번째 doctest 블록"
        assert ">>>" not in copied
        examples = doctest.DocTestParser().get_examples(code.text_content())
        if all(example.exc_msg is None for example in examples):  # 오류를 보여 주는 예제가 아니면
            compile(
                copied, f"<{index}번째 블록에서 복사한 코드>", "exec"
            )  # 붙여 넣으면 도는 코드다
        checked += 1
    assert checked >= 1, f"{NOTE} 에 doctest 블록이 없다"


def test_every_doctest_block_on_the_site_copies_its_source(site_survey):
    """모든 페이지의 doctest 블록에 복사할 코드(data-copy)가 doctest 파서와 똑같이 붙어 있다."""
    blocks = [
        (r.path, text, data_copy) for r in site_survey["default"] for text, data_copy in r.doctests
    ]
    assert blocks, "doctest 블록이 하나도 없다"
    mismatched = [
        f"{path}: {text[:60]!r} → {data_copy!r}"
        for path, text, data_copy in blocks
        if data_copy != doctest_source(text)
    ]
    assert mismatched == [], "\n".join(mismatched)


LAZY_STATE = """() => [...document.querySelectorAll('.md-typeset pre > code')].map(code => ({
  mounted: code.parentElement.id.startsWith('__code_'),
  button: code.parentElement.querySelector('button.md-code__button')?.getAttribute('aria-label') ?? null,
  overflows: code.scrollWidth > code.clientWidth,
  tabindex: code.getAttribute('tabindex'),
}))"""


def test_code_blocks_mount_when_seen_and_stay_named_and_focusable(browser, site_url):
    """content.lazy: 화면 밖 코드 블록은 아직 붙지 않았어도 넘치면 초점을 받고, 스크롤해서 붙으면 복사 버튼에
    이름이 있다(doctest-copy.js, scroll-regions.js)."""
    context = browser.new_context(locale="ko-KR", viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.goto(site_url + NOTE, wait_until="load")
    page.wait_for_timeout(300)
    before = page.evaluate(LAZY_STATE)
    waiting = [block for block in before if not block["mounted"]]
    assert waiting, "첫 화면 밖의 코드 블록은 아직 붙지 않아야 한다(content.lazy)"
    overflowing = [block for block in waiting if block["overflows"]]
    assert overflowing, (
        f"{NOTE}: 좁은 화면에서 넘치는 코드 블록이 없어 이 검사가 아무것도 보지 않는다"
    )
    assert all(block["tabindex"] == "0" for block in overflowing), before

    # 접힌 풀이 안의 블록은 보이지 않으니 붙지 않는다: 보이는 것 중 마지막 블록까지 스크롤한다
    last = page.locator(".md-typeset pre > code >> visible=true").last
    last.scroll_into_view_if_needed()
    last.locator("xpath=..").locator("button.md-code__button").wait_for(state="attached")
    after = page.evaluate(LAZY_STATE)
    context.close()
    mounted = [block for block in after if block["mounted"]]
    assert len(mounted) > len(before) - len(waiting), "스크롤한 블록이 붙지 않았다"
    assert all(block["button"] for block in mounted), f"이름 없는 복사 버튼: {mounted}"

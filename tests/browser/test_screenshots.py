"""첫 페이지와 노트 하나를 밝은·어두운 테마 × 데스크톱·휴대폰으로 찍어 test-artifacts/screenshots/ 에 남긴다.

사람이 눈으로 확인하는 자료다(한국어 글꼴, 색, 배치). 테스트는 찍혔는지와 한국어 글자가 실제 글꼴로
그려졌는지만 본다.
"""

from __future__ import annotations

import pytest

from tests.browser import survey
from tests.browser.conftest import ARTIFACTS, DESKTOP, PHONE

PAGES = {"home": "", "note": "python/asterisk/"}
DEVICES = {"desktop": {"viewport": DESKTOP}, "phone": PHONE}

# 한국어 글자가 실제 글꼴로 그려지는지: 한글 글꼴이 없으면 "가"와 "나"가 똑같은 네모(두부)로 그려진다.
HANGUL_GLYPHS_DIFFER = """() => {
  const draw = ch => {
    const canvas = document.createElement("canvas");
    canvas.width = canvas.height = 40;
    const context = canvas.getContext("2d");
    context.font = `32px ${getComputedStyle(document.body).fontFamily}`;
    context.fillText(ch, 2, 34);
    return context.getImageData(0, 0, 40, 40).data.join(",");
  };
  return draw("가") !== draw("나") && draw("나") !== draw("한");
}"""


@pytest.mark.parametrize("device", DEVICES)
@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_screenshots_of_home_and_a_note(korean_fonts, browser, site_url, palettes, scheme, device):
    out = ARTIFACTS / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    palette = palettes[scheme]
    context = browser.new_context(
        locale="ko-KR", color_scheme=survey.color_scheme(palette), **DEVICES[device]
    )
    context.add_init_script(survey.palette_init_script(palette))
    page = context.new_page()
    theme = "light" if scheme == "default" else "dark"
    for name, path in PAGES.items():
        page.goto(site_url + path, wait_until="networkidle")
        page.evaluate("document.fonts.ready")
        assert page.evaluate("document.body.dataset.mdColorScheme") == scheme
        target = out / f"{name}-{theme}-{device}.png"
        page.screenshot(path=str(target))
        assert target.stat().st_size > 10_000, target
    assert page.evaluate(HANGUL_GLYPHS_DIFFER), "한국어 글꼴이 없어 글자가 네모로 보인다"
    context.close()

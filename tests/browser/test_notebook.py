"""노트북 페이지(트랜스포머 데모)가 코드와 함께 실행 결과를 보여 준다. 오류 출력은 없다."""

from __future__ import annotations

from tests.browser.survey import pages_containing

OUTPUTS = """() => [...document.querySelectorAll("article .jp-OutputArea-output")].map(output => ({
    mime: output.getAttribute("data-mime-type") || output.className,
    text: output.textContent.trim().slice(0, 200),
    traceback: output.textContent.includes("Traceback (most recent call last)"),
    visible: output.checkVisibility(),
    height: output.getBoundingClientRect().height,
    images: [...output.querySelectorAll("img")].map(img => img.complete && img.naturalWidth > 0),
  }))"""


def test_notebook_pages_show_code_and_rendered_outputs(page, site_url, built_site, page_paths):
    paths = pages_containing(built_site, page_paths, "jp-Notebook")
    assert paths, "노트북 페이지가 없다"
    for path in paths:
        page.goto(site_url + path)
        assert page.locator("article .jp-CodeCell .jp-InputArea .highlight-ipynb").count() >= 1, (
            f"{path}: 코드 셀의 코드가 보이지 않는다"
        )
        outputs = page.evaluate(OUTPUTS)
        shown = [
            o for o in outputs if o["visible"] and o["height"] > 0 and (o["text"] or o["images"])
        ]
        assert shown, (
            f"{path}: 실행 결과가 하나도 없다 — 노트북을 실행해 출력과 함께 저장했는지 확인하세요"
        )
        errors = [o["text"] for o in outputs if o["traceback"]]
        assert errors == [], f"{path}: 오류 출력 {errors}"
        broken = [o["mime"] for o in outputs if not all(o["images"])]
        assert broken == [], f"{path}: 깨진 출력 이미지 {broken}"

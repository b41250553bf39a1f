"""팔레트 전환: 버튼이 밝은·어두운 테마를 바꾸고, 고른 테마가 다음 페이지와 새로 고침에도 남으며,
밝은·어두운 짝이 있는 그림은 테마에 맞는 쪽이 보인다."""

from __future__ import annotations

import json

from tests.browser import survey

TOGGLE = "form[data-md-component=palette] label.md-header__button:visible"


def scheme(page) -> str:
    return page.evaluate("document.body.dataset.mdColorScheme")


def background(page) -> str:
    return page.evaluate("getComputedStyle(document.body).backgroundColor")


def toggle_until(page, target: str) -> None:
    """팔레트 버튼을 눌러 target 테마로 바꾼다. 순서는 시스템 설정 → 밝게 → 어둡게 → 시스템 설정."""
    for _ in range(3):
        if scheme(page) == target:
            return
        page.locator(TOGGLE).click()
    assert scheme(page) == target, f"버튼을 세 번 눌러도 {target} 이 되지 않았다"


def stored_scheme(page) -> str:
    stored = page.evaluate(
        f"localStorage.getItem({json.dumps(survey.site_prefix() + '.__palette')})"
    )
    return json.loads(stored)["color"]["scheme"]


def visible_figures(page) -> list[str]:
    return page.evaluate(VISIBLE_FIGURES)


def test_toggle_switches_light_and_dark_and_persists(page, site_url, built_site, page_paths):
    figure_pages = survey.pages_containing(built_site, page_paths, "#only-light", "#only-dark")
    assert figure_pages, "밝은·어두운 짝 그림(#only-light / #only-dark)을 싣는 페이지가 없다"
    page.emulate_media(color_scheme="light")
    page.goto(site_url + "python/asterisk/")
    assert scheme(page) == "default"
    light = background(page)

    toggle_until(page, "slate")
    assert background(page) != light, "어두운 테마로 바꿨는데 배경색이 그대로다"
    assert stored_scheme(page) == "slate"
    page.goto(site_url + figure_pages[0])
    assert scheme(page) == "slate", "다른 페이지로 가면 어두운 테마가 풀린다"
    assert visible_figures(page) and all(
        src.endswith("#only-dark") for src in visible_figures(page)
    )
    page.reload()
    assert scheme(page) == "slate", "새로 고침하면 어두운 테마가 풀린다"

    toggle_until(page, "default")
    assert background(page) == light
    assert visible_figures(page) and all(
        src.endswith("#only-light") for src in visible_figures(page)
    )
    page.goto(site_url + "glossary/")
    assert scheme(page) == "default" and stored_scheme(page) == "default"


VISIBLE_FIGURES = """() => [...document.querySelectorAll('article img[src*="#only-"]')]
    .filter(img => img.checkVisibility())
    .map(img => img.getAttribute("src"))"""


def figure_pairs(report) -> list[dict]:
    return [image for image in report.images if "#only-" in (image["src"] or "")]


def test_every_figure_shows_the_variant_of_the_palette(site_survey):
    """모든 페이지에서 밝은 테마에는 -light 그림만, 어두운 테마에는 -dark 그림만 보인다."""
    wrong = []
    for scheme_name, variant in (("default", "#only-light"), ("slate", "#only-dark")):
        for report in site_survey[scheme_name]:
            for image in figure_pairs(report):
                if image["visible"] != image["src"].endswith(variant):
                    wrong.append(
                        f"{scheme_name} {report.path}: {image['src']} 보임={image['visible']}"
                    )
    assert wrong == [], "\n".join(wrong)

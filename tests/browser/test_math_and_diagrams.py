"""수식(빌드할 때 만든 MathML)과 Mermaid 도표(빌드할 때 그린 SVG)가 브라우저에서 실제로 그려진다.

잰 값은 conftest 의 site_survey 가 모든 페이지를 열 때 함께 모은다(survey.COLLECT).
"""

from __future__ import annotations


def test_math_renders_with_a_real_size(site_survey):
    pages = [r for r in site_survey["default"] if r.math]
    assert pages, "수식(<math>)을 싣는 페이지가 없다"
    empty = [
        f"{r.path}: {m['source']}"
        for r in pages
        for m in r.math
        if m["width"] < 1 or m["height"] < 1
    ]
    assert empty == [], f"크기가 0인 수식: {empty}"


def test_fractions_are_drawn_in_two_dimensions(site_survey):
    fractions = [(r.path, f) for r in site_survey["default"] for f in r.fractions]
    assert fractions, "분수(<mfrac>)가 있는 수식이 없다"
    flat = [f"{path}: {f['source']}" for path, f in fractions if not f["stacked"]]
    assert flat == [], f"분자가 분모 위에 있지 않은 분수(MathML 이 그려지지 않았다): {flat}"


def test_mermaid_diagrams_render_as_svg_with_text(site_survey):
    pages = [r for r in site_survey["default"] if r.diagrams]
    assert pages, "Mermaid 도표를 싣는 페이지가 없다"
    raw = [r.path for r in site_survey["default"] if r.raw_mermaid]
    assert raw == [], f"그려지지 않은 Mermaid 원본이 남은 페이지: {raw}"
    for report in pages:
        for diagram in report.diagrams:
            assert diagram["width"] > 50 and diagram["height"] > 20, (report.path, diagram)
            assert diagram["text"] and diagram["labels"] > 0, (
                f"{report.path}: 글자가 보이지 않는 도표 {diagram}"
            )

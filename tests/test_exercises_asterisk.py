"""애스터리스크 노트의 연습 문제: 그럴듯한 오답이 의도한 메시지로 틀린다."""

from snippets.exercises.registry import find
from snippets.exercises.runner import check_source, describe


def test_transpose_that_keeps_zips_tuples_is_told_to_make_lists(tmp_path):
    wrong = "def transpose(matrix):\n    return list(zip(*matrix))\n"
    report = check_source("asterisk/transpose", wrong, tmp_path)
    assert report.status == "failed"
    assert report.failure.name == "2×3 행렬"
    assert report.failure.got == "[(1, 4), (2, 5), (3, 6)]"
    assert "list(...)" in report.failure.hint


def test_transpose_without_the_star_is_told_about_the_star(tmp_path):
    wrong = "def transpose(matrix, fill=None):\n    return [list(c) for c in zip(matrix)]\n"
    report = check_source("asterisk/transpose", wrong, tmp_path)
    assert report.status == "failed"
    assert "별표 없이" in report.failure.hint


def test_the_pages_plain_zip_transpose_drops_the_columns_of_longer_rows(tmp_path):
    wrong = "def transpose(rows, fill=None):\n    return [list(c) for c in zip(*rows)]\n"
    report = check_source("asterisk/transpose", wrong, tmp_path)
    assert report.status == "failed"
    assert report.failure.name == "길이가 3과 1인 두 행, fill=0"
    assert report.failure.got == "[[1, 4]]"
    assert "가장 짧은 행" in report.failure.hint and "itertools" in report.failure.hint


def test_scale_with_a_positional_factor_fails_on_the_keyword_only_case(tmp_path):
    wrong = (
        "def scale(values, factor, offset=0):\n    return [v * factor + offset for v in values]\n"
    )
    report = check_source("asterisk/keyword-only", wrong, tmp_path)
    assert report.status == "failed"
    assert report.failure.name == "scale([1, 2], 3)처럼 factor를 위치로 넘기면"
    assert report.failure.expected == "TypeError 예외"
    assert report.failure.got == "예외 없이 [3, 6]을 돌려주었다"


def test_scale_that_swallows_extra_arguments_with_args_fails(tmp_path):
    wrong = (
        "def scale(values, *args, factor, offset=0):\n"
        "    return [v * factor + offset for v in values]\n"
    )
    report = check_source("asterisk/keyword-only", wrong, tmp_path)
    assert report.status == "failed"
    assert "이름 없는 별표(*)" in report.failure.hint


def test_format_call_with_str_instead_of_repr_is_told_to_use_repr(tmp_path):
    wrong = (
        "def format_call(name, *args, **kwargs):\n"
        "    parts = [str(a) for a in args] + [f'{k}={v}' for k, v in kwargs.items()]\n"
        "    return f\"{name}({', '.join(parts)})\"\n"
    )
    report = check_source("asterisk/format-call", wrong, tmp_path)
    assert report.status == "failed"
    assert report.failure.name == "format_call('greet', 'kim')"
    assert "repr(value)" in report.failure.hint
    text = describe(find("asterisk/format-call"), report)
    assert (
        text.splitlines()[0]
        == "틀림: asterisk/format-call — 경우 3/6 「format_call('greet', 'kim')」에서 틀렸다."
    )

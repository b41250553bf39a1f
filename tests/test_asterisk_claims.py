"""docs/python/asterisk.md 가 파이썬에 대해 주장하는 문장들. 노트의 순서를 따른다.

각 테스트의 docstring 은 노트의 문장(줄임)이다. 고정한 파이썬(3.11)에서 그 문장이 틀리면 실패한다.
"""

from __future__ import annotations

import inspect
import math
import sys
from decimal import Decimal

import pytest

from snippets.asterisk import geometry, patterns, repetition
from snippets.asterisk.parameters import connect, describe
from snippets.asterisk.unpacking import merge_settings, product, split_ends


def syntax_error(source: str) -> str:
    with pytest.raises(SyntaxError) as caught:
        compile(source, "<노트>", "exec")
    return caught.value.msg


# --- 연산자로서의 *와 ** ---


def test_float_product_is_slightly_below_the_exact_value():
    """ "1.414 * 1.414 … 파이썬은 그보다 아주 조금 작은 값을 낸다" """
    stored = Decimal(1.414 * 1.414)
    assert stored < Decimal("1.999396")
    assert math.isclose(1.414 * 1.414, 1.999396)


def test_power_binds_tighter_than_unary_minus():
    """ "`**`는 단항 마이너스보다 먼저 계산된다" """
    assert eval("-2 ** 2") == -(2**2) == -4


def test_power_is_right_associative():
    """ "`**`는 오른쪽부터 묶는다 … `2 ** 3 ** 2`는 2^9이다" """
    assert eval("2 ** 3 ** 2") == 2 ** (3**2) == 512
    assert eval("2 ** 3 ** 2") != (2**3) ** 2


def test_negative_exponent_gives_a_float_and_pow_takes_a_modulus():
    """ "지수가 음수이면 정수끼리의 거듭제곱이어도 실수가 나온다" / "`pow`는 세 번째 인자로 나머지를" """
    assert isinstance(2**-1, float)
    assert pow(3, 4, 5) == 3**4 % 5


# --- 시퀀스 반복 ---


def test_a_parenthesised_number_is_not_a_tuple():
    """ "쉼표를 빠뜨린 `(1)`은 그냥 정수 `1`이라서 반복 대신 곱셈이 된다" """
    assert eval("(1) * 3") == 3
    assert eval("(1,) * 3") == (1, 1, 1)


def test_repetition_repeats_references_not_copies():
    """ "반복은 원소를 복사하지 않고 같은 객체를 여러 번 가리키게 한다" """
    grid = [[0] * 3] * 3
    assert all(row is grid[0] for row in grid)
    fixed = repetition.make_grid(3, 3)
    assert len({id(row) for row in fixed}) == 3


def test_fromkeys_shares_one_default_value():
    """ "`dict.fromkeys(keys, [])`는 빈 리스트 하나를 모든 키의 값으로 쓴다" """
    scores = dict.fromkeys(["a", "b"], [])
    assert scores["a"] is scores["b"]


# --- 함수를 정의할 때 ---


def test_default_before_non_default_is_rejected_with_the_versions_message():
    """ "파이썬 3.11의 문구 … 3.12부터는 parameter without a default follows parameter with a default" """
    message = syntax_error('def greet(greeting="안녕하세요", name):\n    pass')
    if sys.version_info < (3, 12):
        assert message == "non-default argument follows default argument"
    else:
        assert message == "parameter without a default follows parameter with a default"


def test_keyword_only_parameters_may_lack_a_default_after_one_with_a_default():
    """ "`*` 뒤의 키워드 전용 매개변수는 이 규칙의 예외라서, 기본값이 있는 것 뒤에 없는 것이 와도 된다" """
    namespace = {}
    exec("def f(a=1, *, b, c=3, d):\n    return a, b, c, d", namespace)
    assert namespace["f"](b=2, d=4) == (1, 2, 3, 4)


def test_one_positional_argument_goes_to_the_leftmost_parameter():
    """ "아래 정의에 인자를 하나만 위치로 넘기면 `greeting`이 그 값을 받고 `name`은 빈다" """

    def greet(greeting, name):
        return greeting, name

    with pytest.raises(TypeError, match="missing 1 required positional argument: 'name'"):
        greet("지민")


def test_star_args_collect_a_tuple_and_double_star_a_dict(capsys):
    """ "남은 위치 인자가 모두 튜플로 … `**`는 남은 키워드 인자를 딕셔너리로" """
    describe(1, 2, sep="-")
    assert capsys.readouterr().out == "args=(1, 2) kwargs={'sep': '-'}\n"


def test_var_keyword_must_come_last():
    """ "`**kwargs` 뒤에 `*args`를 두면 문법 오류다" """
    assert syntax_error("def broken(**kwargs, *args):\n    pass") == (
        "arguments cannot follow var-keyword argument"
    )


def test_bare_star_makes_the_rest_keyword_only():
    """ "이름 없이 별표만 쓰면 여기서부터는 키워드로만 받는다" """
    assert connect("h", port=1) == "h:1 (3.0s)"
    with pytest.raises(TypeError, match="takes 1 positional argument but 2 were given"):
        connect("h", 1)


def test_len_and_divmod_are_positional_only():
    """ "`len`과 `divmod`가 이런 모양이다 … `/`가 찍혀 있다" """
    assert str(inspect.signature(len)) == "(obj, /)"
    assert str(inspect.signature(divmod)) == "(x, y, /)"
    with pytest.raises(TypeError):
        divmod(x=7, y=2)


# --- 값을 쓸 때: 언패킹 ---


def test_forgetting_the_star_passes_one_list_and_reduce_returns_it():
    """ "별표를 빼면 리스트 전체가 인자 하나가 되므로 … reduce는 그 리스트를 그대로 돌려준다" """
    primes = [2, 3, 5, 7, 11, 13]
    assert product(*primes) == 30030
    assert product(primes) is primes


def test_the_same_keyword_twice_is_a_type_error():
    """ "같은 키를 두 번 넘기면 got multiple values for keyword argument" """
    with pytest.raises(TypeError, match="got multiple values for keyword argument 'a'"):
        eval("dict(**{'a': 1}, a=2)")


def test_keyword_unpacking_needs_string_keys():
    """ "파이썬으로 정의한 함수에 딕셔너리를 펼쳐 넘길 때는 키가 문자열이어야 한다" """

    def show(**options):
        return options

    with pytest.raises(TypeError, match="keywords must be strings"):
        show(**{1: 2})
    assert show(**{"a": 1}) == {"a": 1}


def test_str_format_does_not_check_that_keys_are_strings():
    """ "`str.format`처럼 키를 검사하지 않는 C 함수도 있다 … 오류 없이 `'3'`이다" """
    assert "{a}".format(**{1: 2, "a": 3}) == "3"
    with pytest.raises(TypeError, match="keywords must be strings"):
        dict(**{1: 2})


def test_zip_of_star_rows_transposes_and_undoes_itself():
    """ "행들을 별표로 펼쳐 넘기면 같은 열의 원소끼리 묶이므로 전치가 된다" """
    matrix = [[1, 2, 3], [4, 5, 6]]
    columns = list(zip(*matrix, strict=False))
    assert columns == [(1, 4), (2, 5), (3, 6)]
    assert [list(row) for row in zip(*columns, strict=False)] == matrix


def test_print_puts_sep_between_unpacked_items(capsys):
    """ "모음을 펼쳐 넘기면 괄호와 쉼표 없이 원소만 찍히고, `sep`으로 구분자를 바꿀 수 있다" """
    print(*(32, 3), sep=" × ")
    print(*(32, 3))
    assert capsys.readouterr().out == "32 × 3\n32 3\n"


def test_starred_target_is_always_a_list():
    """ "오른쪽이 튜플이든 문자열이든 별표 이름이 받는 것은 언제나 리스트" """
    first, *middle, last = (1, 2, 3)
    assert (first, last) == (1, 3)
    assert middle == [2] and isinstance(middle, list)
    assert split_ends("ab") == ("a", [], "b")


def test_a_lone_starred_target_needs_a_comma_and_only_one_star_is_allowed():
    """ "쉼표 없이 `*a = nums`라고 쓰면 문법 오류다" / "별표 이름은 한 목록 안에서 한 번만 쓸 수 있고" """
    assert syntax_error("*a = [1]") == "starred assignment target must be in a list or tuple"
    assert syntax_error("*a, *b = [1]") == "multiple starred expressions in assignment"
    (x, *y), *z = "xyz", "uv"  # 안쪽 목록과 바깥 목록이 별표를 하나씩 가진다
    assert (x, y, z) == ("x", ["y", "z"], ["uv"])


def test_later_dict_wins_and_key_order_follows_first_appearance():
    """ "키가 겹치면 나중에 오는 쪽이 이긴다 … 키의 순서는 처음 나타난 자리를 따른다" """
    d1 = {"lr": 0.1, "epochs": 10}
    d2 = {"lr": 0.01, "batch": 32}
    merged = {**d1, **d2}
    assert merged == d1 | d2
    assert list(merged) == ["lr", "epochs", "batch"]
    assert merged["lr"] == 0.01
    assert merge_settings(d1, d2) == merged


# --- 그 밖의 자리 ---


def test_star_import_takes_only_the_names_in_all():
    """ "`__all__` 목록이 있으면 거기 적힌 이름만 … 가져온다" """
    namespace: dict = {}
    exec("from snippets.asterisk.geometry import *", namespace)
    imported = set(namespace) - {"__builtins__"}
    assert imported == set(geometry.__all__) == {"circle_area"}


def test_star_pattern_collects_the_rest_as_a_list():
    """ "시퀀스 패턴의 `*rest`는 남은 원소를 리스트로 … `**rest`는 패턴에 적지 않은 키를" """
    assert patterns.parse_command(["go", "north", "fast", "now"]) == (
        "go 뒤에 north, 나머지 ['fast', 'now']"
    )
    assert patterns.parse_event({"type": "key", "code": 13}) == ("key", {"code": 13})


def test_except_star_runs_every_matching_clause(capsys):
    """ "보통의 `except`와 달리 … 다음 `except*` 절도 실행된다" """
    patterns.report([-1, "x"])
    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in lines] == ["값", "형"]


def test_star_inside_brackets_builds_a_tuple_index():
    """ "`a[*idx]`는 `a[tuple(idx)]`와 같다" (3.11)"""
    table = {(0, 1): "가"}
    assert eval("table[*idx]", {"table": table, "idx": [0, 1]}) == "가"

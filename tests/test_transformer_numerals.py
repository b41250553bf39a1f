"""숫자 읽기 규칙과 학습/시험 분할: 규칙은 이슈에 적힌 그대로이고(만 단위 띄어쓰기는 한글 맞춤법 제44항),
num2words 의 한국어 읽기와 같으며, 시험 숫자는 학습에 나오지 않는다."""

from __future__ import annotations

import re

import pytest
import torch
from num2words import num2words

from snippets.transformer import numerals
from snippets.transformer.numerals import (
    decode_reading,
    encode_numbers,
    encode_readings,
    heldout_numbers,
    is_test,
    read_korean,
    reading_length,
    sample_train_numbers,
)

VALUE = dict(zip("일이삼사오육칠팔구", range(1, 10), strict=True))
PLACE = {"십": 10, "백": 100, "천": 1000}


def parse_korean(reading):
    """읽기를 다시 수로. read_korean 과 따로 짠 역함수다."""
    if reading == "영":
        return 0
    total, group, digit = 0, 0, None
    for syllable in reading:
        if syllable in VALUE:
            digit = VALUE[syllable]
        elif syllable in PLACE:
            group += (digit or 1) * PLACE[syllable]
            digit = None
        elif syllable == "만":
            total += (group + (digit or 0) or 1) * 10_000
            group, digit = 0, None
    return total + group + (digit or 0)


@pytest.mark.parametrize(
    ("n", "reading"),
    [
        (0, "영"),
        (10, "십"),
        (100, "백"),
        (1000, "천"),
        (110, "백십"),
        (1001, "천일"),
        (3052, "삼천오십이"),
        (10000, "만"),
        (10001, "만 일"),
        (15000, "만 오천"),
        (30052, "삼만 오십이"),
        (110000, "십일만"),
        (12345678, "천이백삼십사만 오천육백칠십팔"),
    ],
)
def test_read_korean_follows_the_issue_examples(n, reading):
    assert read_korean(n) == reading


def test_read_korean_agrees_with_num2words_on_120_001_numbers():
    """num2words(lang="ko")가 정답지다: 0..20,000 전부와, 10⁸ 아래에서 고른 수 100,000개(고정 시드)."""
    generator = torch.Generator().manual_seed(44)
    numbers = [
        *range(20_001),
        *torch.randint(0, 100_000_000, (100_000,), generator=generator).tolist(),
    ]
    different = [n for n in numbers if read_korean(n) != num2words(n, lang="ko")]
    assert different == []
    assert len(numbers) == 120_001


def test_only_the_man_unit_is_followed_by_a_space():
    generator = torch.Generator().manual_seed(1)
    for n in torch.randint(0, 100_000_000, (3000,), generator=generator).tolist():
        reading = read_korean(n)
        man, rest = divmod(n, 10_000)
        assert (" " in reading) == bool(man and rest), reading
        assert reading.count(" ") <= 1 and (" " not in reading or "만 " in reading), reading


def test_every_number_up_to_9999_reads_back_to_itself():
    for n in range(10_000):
        assert parse_korean(read_korean(n)) == n, n


def test_large_numbers_read_back_to_themselves():
    generator = torch.Generator().manual_seed(0)
    for n in torch.randint(0, 100_000_000, (3000,), generator=generator).tolist():
        assert parse_korean(read_korean(n)) == n, n


def test_readings_use_only_the_convention_syllables():
    allowed = re.compile(r"^[일이삼사오육칠팔구십백천만]+$")
    for n in range(1, 10_000):
        reading = read_korean(n)
        assert allowed.match(reading), reading
        assert " " not in reading
        assert not re.search(r"일[십백천]", reading), reading  # 1 은 십·백·천 앞에서 빠진다
        assert len(reading) <= reading_length(4) - 1


def test_zero_is_read_only_for_zero_and_man_only_from_ten_thousand():
    assert [n for n in range(10_000) if "영" in read_korean(n)] == [0]
    assert "만" not in "".join(read_korean(n) for n in range(10_000))
    assert read_korean(10_000).startswith("만") and not read_korean(20_000).startswith("만")


@pytest.mark.parametrize("bad", [-1, 100_000_000])
def test_read_korean_rejects_out_of_range(bad):
    with pytest.raises(ValueError, match="99999999"):
        read_korean(bad)


def test_encoding_round_trips_every_reading():
    readings = [read_korean(n) for n in range(0, 10_000, 7)]
    inputs, targets = encode_readings(readings, reading_length(4))
    assert (inputs[:, 0] == numerals.BOS).all()
    shifted = targets[:, :-1]
    assert (inputs[:, 1:] == shifted)[shifted != numerals.EOS].all()  # 정답은 입력을 한 칸 민 것
    assert [decode_reading(row) for row in targets] == readings
    assert encode_numbers([42], 8).tolist() == [[0, 0, 0, 0, 0, 0, 4, 2]]


def test_split_is_deterministic_disjoint_and_about_ten_percent():
    numbers = torch.arange(10_000)
    test = is_test(numbers)
    assert torch.equal(test, is_test(numbers))
    assert 0.09 < test.float().mean().item() < 0.11
    assert not test[:10].any()  # 한 자리 수는 모두 학습용
    held_out = set(heldout_numbers(9_999).tolist())
    assert held_out == set(numbers[test].tolist())


def test_training_samples_never_contain_test_numbers():
    generator = torch.Generator().manual_seed(0)
    for max_value in (9_999, 99_999_999):
        sample = sample_train_numbers(4096, max_value, generator)
        assert len(sample) == 4096
        assert not is_test(sample).any()
        assert 0 <= sample.min() and sample.max() <= max_value
    big_test = heldout_numbers(99_999_999, limit=2000)
    assert len(big_test) == 2000 and is_test(big_test).all()
    assert torch.equal(big_test, heldout_numbers(99_999_999, limit=2000))

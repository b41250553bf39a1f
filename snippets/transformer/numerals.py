"""과제 1: 아라비아 숫자를 한국어로 읽기. 읽는 규칙, 토큰화, 겹치지 않는 학습/시험 분할."""

from __future__ import annotations

import torch

DIGITS = "영일이삼사오육칠팔구"
PLACES = ("천", "백", "십", "")  # 네 자리 묶음 안에서 앞자리부터
MAX_VALUE = 99_999_999  # 만 단위까지만 읽는다(억부터는 규칙 밖)


# --8<-- [start:read_korean]
def read_group(group):
    """0..9999 를 읽는다. 0 인 자리는 소리 내지 않고, 십·백·천 앞의 1 은 빼고 읽는다."""
    words = []
    for digit, place in zip(f"{group:04d}", PLACES, strict=True):
        if digit == "0":
            continue
        if digit == "1" and place:
            words.append(place)  # 10 → 십, 100 → 백 (일십, 일백이 아니다)
        else:
            words.append(DIGITS[int(digit)] + place)
    return "".join(words)


def read_korean(n):
    """0 이상 99,999,999 이하의 정수를 띄어쓰기 없이 한국어로 읽는다.

    >>> for n in [0, 1, 10, 11, 100, 110, 1000, 1001, 3052, 9999]:
    ...     print(n, read_korean(n))
    0 영
    1 일
    10 십
    11 십일
    100 백
    110 백십
    1000 천
    1001 천일
    3052 삼천오십이
    9999 구천구백구십구
    >>> for n in [10000, 10001, 15000, 110000, 12345678, 99999999]:
    ...     print(n, read_korean(n))
    10000 만
    10001 만일
    15000 만오천
    110000 십일만
    12345678 천이백삼십사만오천육백칠십팔
    99999999 구천구백구십구만구천구백구십구
    >>> read_korean(100_000_000)
    Traceback (most recent call last):
      ...
    ValueError: 0부터 99999999까지만 읽을 수 있습니다: 100000000
    """
    if not 0 <= n <= MAX_VALUE:
        raise ValueError(f"0부터 {MAX_VALUE}까지만 읽을 수 있습니다: {n}")
    if n == 0:
        return DIGITS[0]
    man, rest = divmod(n, 10_000)
    head = ""
    if man:
        head = ("" if man == 1 else read_group(man)) + "만"  # 10000 은 '일만'이 아니라 '만'
    return head + read_group(rest)


# --8<-- [end:read_korean]


# --8<-- [start:vocab]
PAD, BOS, EOS = 0, 1, 2
SYLLABLES = "영일이삼사오육칠팔구십백천만"
TARGET_VOCAB = ["<pad>", "<s>", "</s>", *SYLLABLES]
SOURCE_VOCAB = list("0123456789")
TOKEN_ID = {token: i for i, token in enumerate(TARGET_VOCAB)}


def encode_numbers(numbers, width):
    """숫자들을 자릿수 토큰으로: 앞을 0으로 채워 길이를 width 로 맞춘다. 그래서 입력에는 패딩 마스크가 필요 없다.

    >>> encode_numbers([3052, 7], width=4)
    tensor([[3, 0, 5, 2],
            [0, 0, 0, 7]])
    """
    numbers = torch.as_tensor(numbers, dtype=torch.long)
    places = 10 ** torch.arange(width - 1, -1, -1)
    return numbers[:, None] // places % 10


def encode_readings(readings, length):
    """읽기 문자열들을 (디코더 입력, 정답)으로: 입력은 <s>로 시작하고 정답은 </s>로 끝난다. 남는 칸은 <pad>.

    >>> inputs, targets = encode_readings(["삼천오십이"], length=7)
    >>> [TARGET_VOCAB[i] for i in inputs[0]]
    ['<s>', '삼', '천', '오', '십', '이', '<pad>']
    >>> [TARGET_VOCAB[i] for i in targets[0]]
    ['삼', '천', '오', '십', '이', '</s>', '<pad>']
    """
    inputs, targets = [], []
    for reading in readings:
        ids = [TOKEN_ID[s] for s in reading]
        padding = [PAD] * (length - len(ids) - 1)
        inputs.append([BOS, *ids, *padding])
        targets.append([*ids, EOS, *padding])
    return torch.tensor(inputs), torch.tensor(targets)


def decode_reading(ids):
    """토큰 id 들을 읽기 문자열로. <s>는 건너뛰고 </s>에서 멈춘다.

    >>> decode_reading([BOS, 15, 4, 2, 0])
    '천일'
    """
    out = []
    for i in ids:
        i = int(i)
        if i == EOS:
            break
        if i not in (PAD, BOS):
            out.append(TARGET_VOCAB[i])
    return "".join(out)


# --8<-- [end:vocab]


def reading_length(width):
    """width 자리 숫자 읽기의 최대 음절 수 + </s>. 네 자리 묶음마다 최대 7음절, 묶음 단위 '만' 하나."""
    groups = (width + 3) // 4
    return 7 * groups + (groups - 1) + 1


# --8<-- [start:split]
TEST_FRACTION = 0.1


def is_test(numbers):
    """시험용 숫자인지: 곱셈 해시(Knuth)로 정하므로 범위가 커도 목록을 만들 필요가 없고, 언제나 같은 답이 나온다.

    한 자리 수(0..9)는 모두 학습용이다. '영'처럼 그 숫자 하나에서만 나오는 읽기가 있기 때문이다.

    >>> small = torch.arange(100)
    >>> small[is_test(small)].tolist()
    [13, 26, 34, 47, 60, 68, 81, 89, 94]
    >>> round(is_test(torch.arange(10_000)).float().mean().item(), 2)   # 약 10%가 시험용
    0.1
    """
    numbers = torch.as_tensor(numbers, dtype=torch.long)
    hashed = (numbers * 2654435761) % 2**32
    return (hashed < int(TEST_FRACTION * 2**32)) & (numbers >= 10)


def draw_numbers(n, max_value, generator):
    """수 n 개를 뽑는다. 절반은 범위 전체에서 고르게, 절반은 자릿수를 먼저 고르게 골라 짧은 수도 자주 나오게."""
    width = len(str(max_value))
    uniform = torch.randint(0, max_value + 1, (n,), generator=generator)
    digits = torch.randint(1, width + 1, (n,), generator=generator)
    low = torch.where(digits == 1, 0, 10 ** (digits - 1))
    high = torch.clamp(10**digits - 1, max=max_value)
    by_length = low + (torch.rand(n, generator=generator) * (high - low + 1)).long()
    return torch.where(torch.arange(n) % 2 == 0, uniform, by_length)


def sample_train_numbers(batch_size, max_value, generator):
    """학습용 수 batch_size 개. 시험용 수는 버리고 더 뽑는다."""
    picked = []
    while sum(len(p) for p in picked) < batch_size:
        numbers = draw_numbers(2 * batch_size, max_value, generator)
        picked.append(numbers[~is_test(numbers)])
    return torch.cat(picked)[:batch_size]


def heldout_numbers(max_value, limit=20_000, seed=1234):
    """시험 숫자 목록(오름차순). 범위가 작으면 시험용 전부, 크면 학습과 같은 방식으로 뽑은 서로 다른 limit 개(고정 시드)."""
    if max_value < 100_000:
        everything = torch.arange(max_value + 1)
        return everything[is_test(everything)]
    generator = torch.Generator().manual_seed(seed)
    chosen = {}
    while len(chosen) < limit:
        numbers = draw_numbers(2 * limit, max_value, generator)
        for n in numbers[is_test(numbers)].tolist():
            chosen.setdefault(n, None)  # 뽑힌 순서대로, 중복 없이
    return torch.tensor(sorted(list(chosen)[:limit]))


# --8<-- [end:split]

"""과제 1: 아라비아 숫자를 한국어로 읽기. 읽는 규칙, 토큰화, 겹치지 않는 학습/시험 분할."""

from __future__ import annotations

import torch

DIGITS = "영일이삼사오육칠팔구"
PLACES = ("천", "백", "십", "")  # 네 자리 묶음 안에서 앞자리부터
MAX_VALUE = 99_999_999  # 만 단위까지만 읽는다(억부터는 규칙 밖)


# --8<-- [start:read_korean]
def read_group(group):
    """0..9999를 읽는다. 0 인 자리는 소리 내지 않고, 십·백·천 앞의 1은 빼고 읽는다."""
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
    """0 이상 99,999,999 이하의 정수를 한국어로 읽는다. 만 단위로 띄어 쓴다(한글 맞춤법 제44항).

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
    >>> for n in [10000, 10001, 15000, 30052, 110000, 12345678, 99999999]:
    ...     print(n, read_korean(n))
    10000 만
    10001 만 일
    15000 만 오천
    30052 삼만 오십이
    110000 십일만
    12345678 천이백삼십사만 오천육백칠십팔
    99999999 구천구백구십구만 구천구백구십구
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
    words = []
    if man:
        words.append(("" if man == 1 else read_group(man)) + "만")  # 10000은 '일만'이 아니라 '만'
    if rest:
        words.append(read_group(rest))
    return " ".join(words)  # 만 단위 사이에만 빈칸이 들어간다: '삼만 오십이', '십일만'


# --8<-- [end:read_korean]


# --8<-- [start:vocab]
PAD, BOS, EOS = 0, 1, 2
SYLLABLES = "영일이삼사오육칠팔구십백천만"
TARGET_VOCAB = ["<pad>", "<s>", "</s>", *SYLLABLES, " "]  # 빈칸도 토큰이다: 만 단위로 띄어 쓴다
SOURCE_VOCAB = list("0123456789")
TOKEN_ID = {token: i for i, token in enumerate(TARGET_VOCAB)}


def encode_numbers(numbers, width):
    """숫자들을 자릿수 토큰으로: 앞을 0으로 채워 길이를 width로 맞춘다. 그래서 입력에는 패딩 마스크가 필요 없다.

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
    >>> decode_reading([BOS, 16, TOKEN_ID[" "], 4, EOS])
    '만 일'
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
    """width 자리 숫자 읽기의 최대 토큰 수 + </s>. 네 자리 묶음마다 최대 7음절, 묶음 사이에 '만'과 빈칸.

    >>> reading_length(4), reading_length(8), len(read_korean(99_999_999)) + 1
    (8, 17, 17)
    """
    groups = (width + 3) // 4
    return 7 * groups + 2 * (groups - 1) + 1


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


# --8<-- [start:vectorised]
SYLLABLE_ID = torch.tensor([TOKEN_ID[d] for d in DIGITS])  # 숫자 0..9 → 그 음절의 토큰 id
PLACE_ID = torch.tensor([TOKEN_ID["천"], TOKEN_ID["백"], TOKEN_ID["십"], PAD])  # 묶음 안의 자리


def encode_readings_fast(numbers, width, length):
    """encode_readings([read_korean(n) ...])와 같은 (디코더 입력, 정답)을 파이썬 반복 없이 텐서 연산으로 만든다.

    수마다 칸을 넉넉히 잡는다: 자릿수마다 (숫자 음절, 자리 음절) 두 칸, 묶음 사이에 ('만', 빈칸) 두 칸.
    소리 내지 않는 칸을 비워 두고, 안정 정렬로 남은 칸을 앞으로 모은다. 배치가 놓인 장치에서 그대로 돈다.

    >>> numbers = torch.tensor([0, 7, 1001, 10_000, 10_001, 30_052, 110_000, 12_345_678])
    >>> fast = encode_readings_fast(numbers, width=8, length=17)
    >>> slow = encode_readings([read_korean(n) for n in numbers.tolist()], length=17)
    >>> all(torch.equal(a, b) for a, b in zip(fast, slow))
    True
    """
    groups = (width + 3) // 4
    numbers = torch.as_tensor(numbers, dtype=torch.long)
    device = numbers.device
    digits = encode_numbers(numbers, 4 * groups).view(-1, groups, 4)  # (B, 묶음, 자리)
    group_value = (digits * torch.tensor([1000, 100, 10, 1], device=device)).sum(-1)
    is_place = torch.arange(4, device=device) < 3  # 천·백·십 자리(일의 자리가 아닌 곳)
    # 숫자 음절: 0이면 말하지 않고, 십·백·천 앞의 1도 말하지 않는다. '만' 앞의 1 하나(10000)도 빼고 읽는다.
    speak_digit = (digits != 0) & ~((digits == 1) & is_place)
    lone_man = torch.zeros_like(speak_digit)
    lone_man[:, :-1, 3] = group_value[:, :-1] == 1
    speak_digit &= ~lone_man
    speak_place = (digits != 0) & is_place
    digit_tokens = torch.where(speak_digit, SYLLABLE_ID.to(device)[digits], -1)
    place_tokens = torch.where(speak_place, PLACE_ID.to(device).expand_as(digits), -1)
    slots = torch.stack([digit_tokens, place_tokens], dim=-1).flatten(2)  # (B, 묶음, 8)
    pieces = []
    for g in range(groups):
        pieces.append(slots[:, g])
        if g < groups - 1:  # 만 단위 묶음 뒤: '만'과 빈칸(뒤에 읽을 것이 있을 때만)
            man = group_value[:, g] != 0
            rest = group_value[:, g + 1 :].sum(-1) != 0
            pieces.append(torch.where(man, TOKEN_ID["만"], -1)[:, None])
            pieces.append(torch.where(man & rest, TOKEN_ID[" "], -1)[:, None])
    tokens = torch.cat(pieces, dim=1)
    tokens[:, 0] = torch.where(numbers == 0, TOKEN_ID["영"], tokens[:, 0])  # 0 하나만 '영'
    empty = tokens < 0
    order = torch.sort(
        empty.to(torch.uint8), dim=1, stable=True
    ).indices  # 채운 칸을 순서대로 앞으로
    tokens = tokens.gather(1, order).clamp(min=PAD)  # 빈칸(-1)은 <pad>
    count = (~empty).sum(1)
    pad = torch.full((len(numbers), 1), PAD, device=device)
    targets = torch.cat([tokens, pad], dim=1)[:, :length]
    targets[torch.arange(len(numbers), device=device), count] = EOS
    inputs = torch.cat([torch.full_like(pad, BOS), tokens], dim=1)[:, :length]
    return inputs, targets


# --8<-- [end:vectorised]

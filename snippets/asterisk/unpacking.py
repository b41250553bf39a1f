"""호출할 때의 언패킹, 확장 언패킹(PEP 3132), 리터럴 안의 언패킹(PEP 448)."""

from functools import reduce
from operator import mul


# --8<-- [start:product]
def product(*numbers):
    """받은 수를 모두 곱한다.

    >>> primes = [2, 3, 5, 7, 11, 13]
    >>> product(*primes)
    30030
    >>> product(primes)   # 별표 없이 넘기면 리스트 하나가 인자 하나가 된다
    [2, 3, 5, 7, 11, 13]
    """
    return reduce(mul, numbers)


# --8<-- [end:product]


# --8<-- [start:headers]
REQUIRED_HEADERS = ("Host", "User-Agent")


def build_request(method, path, **headers):
    """HTTP 요청의 첫 부분을 만든다. 필수 헤더가 빠지면 ValueError.

    >>> base = {"Host": "example.org", "User-Agent": "gongbu/1.0"}
    >>> print(build_request("GET", "/", **base, Accept="text/html"))
    GET / HTTP/1.1
    Host: example.org
    User-Agent: gongbu/1.0
    Accept: text/html
    >>> build_request("GET", "/", **{"Host": "example.org"})
    Traceback (most recent call last):
      ...
    ValueError: 필수 헤더가 빠졌습니다: User-Agent
    """
    missing = [name for name in REQUIRED_HEADERS if name not in headers]
    if missing:
        raise ValueError("필수 헤더가 빠졌습니다: " + ", ".join(missing))
    lines = [f"{method} {path} HTTP/1.1"]
    lines += [f"{name}: {value}" for name, value in headers.items()]
    return "\n".join(lines)


# --8<-- [end:headers]


# --8<-- [start:star_assignment]
def split_ends(items):
    """맨 앞, 가운데, 맨 뒤로 나눈다. 가운데는 항상 리스트다.

    >>> split_ends([1, 2, 3, 4, 5])
    (1, [2, 3, 4], 5)
    >>> split_ends("ab")
    ('a', [], 'b')
    """
    first, *middle, last = items
    return first, middle, last


# --8<-- [end:star_assignment]


# --8<-- [start:merge_settings]
def merge_settings(*layers):
    """뒤에 오는 딕셔너리가 같은 키의 값을 덮어쓴다.

    >>> defaults = {"lr": 0.1, "epochs": 10}
    >>> user = {"lr": 0.01}
    >>> merge_settings(defaults, user)
    {'lr': 0.01, 'epochs': 10}
    """
    merged = {}
    for layer in layers:
        merged = {**merged, **layer}
    return merged


# --8<-- [end:merge_settings]

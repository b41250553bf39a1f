"""함수 매개변수에서 *, **, /의 쓰임."""


# --8<-- [start:variadic]
def describe(*args, **kwargs):
    """받은 위치 인자와 키워드 인자를 그대로 보여 준다.

    >>> describe(1, 2, 3)
    args=(1, 2, 3) kwargs={}
    >>> describe(name="리스트", size=3)
    args=() kwargs={'name': '리스트', 'size': 3}
    >>> describe(1, 2, sep="-")
    args=(1, 2) kwargs={'sep': '-'}
    """
    print(f"args={args!r} kwargs={kwargs!r}")


# --8<-- [end:variadic]


# --8<-- [start:any_name]
def total(*numbers, **options):
    """이름이 꼭 args, kwargs일 필요는 없다. 별표가 의미를 만든다.

    >>> total(1, 2, 3)
    6
    >>> total(1, 2, 3, start=10)
    16
    """
    return sum(numbers, options.get("start", 0))


# --8<-- [end:any_name]


# --8<-- [start:keyword_only]
def connect(host, *, port=80, timeout=3.0):
    """별표(*) 뒤의 매개변수는 키워드로만 넘길 수 있다.

    >>> connect("example.org", port=8080)
    'example.org:8080 (3.0s)'
    >>> connect("example.org", 8080)
    Traceback (most recent call last):
      ...
    TypeError: connect() takes 1 positional argument but 2 were given
    """
    return f"{host}:{port} ({timeout}s)"


# --8<-- [end:keyword_only]


# --8<-- [start:positional_only]
def clamp(value, low, high, /):
    """슬래시(/) 앞의 매개변수는 위치로만 넘길 수 있다.

    >>> clamp(15, 0, 10)
    10
    >>> clamp(value=15, low=0, high=10)
    Traceback (most recent call last):
      ...
    TypeError: clamp() got some positional-only arguments passed as keyword arguments: 'value, low, high'
    """
    return max(low, min(value, high))


# --8<-- [end:positional_only]


# --8<-- [start:defaults]
def greet(name, greeting="안녕하세요"):
    """기본값이 있는 매개변수는 기본값이 없는 매개변수 뒤에 온다.

    >>> greet("지민")
    '안녕하세요, 지민'
    >>> greet("지민", greeting="반가워요")
    '반가워요, 지민'
    """
    return f"{greeting}, {name}"


# --8<-- [end:defaults]

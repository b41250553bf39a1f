"""어텐션은 부드러운 딕셔너리 찾기다: 하나를 고르는 대신 모두를 유사도만큼 섞는다."""

# --8<-- [start:setup]
import torch

# --8<-- [end:setup]


# --8<-- [start:lookup]
def hard_lookup(query, keys, values):
    """가장 비슷한 키 하나의 값을 고른다. argmax는 미분할 수 없다."""
    return values[(keys @ query).argmax()]


def soft_lookup(query, keys, values, sharpness=1.0):
    """모든 값을 유사도의 소프트맥스만큼 섞는다. 어디서나 미분할 수 있다."""
    weights = (sharpness * (keys @ query)).softmax(dim=-1)
    return weights @ values, weights


# --8<-- [end:lookup]


# --8<-- [start:lookup_demo]
def lookup_demo():
    """키 세 개, 값 세 개인 작은 '딕셔너리'에서 찾아본다.

    >>> keys, values, query = lookup_demo()
    >>> hard_lookup(query, keys, values)
    tensor([10.])
    >>> out, w = soft_lookup(query, keys, values)
    >>> [round(x, 3) for x in w.tolist()], round(out.item(), 3)
    ([0.435, 0.195, 0.37], 19.358)
    >>> for s in (1, 5, 50):  # 날카롭게 할수록 하나를 고르는 것에 가까워진다
    ...     _, w = soft_lookup(query, keys, values, sharpness=s)
    ...     print(s, [round(x, 3) for x in w.tolist()])
    1 [0.435, 0.195, 0.37]
    5 [0.681, 0.012, 0.306]
    50 [1.0, 0.0, 0.0]
    """
    keys = torch.tensor([[1.0, 0.0], [0.0, 1.0], [0.7, 0.7]])
    values = torch.tensor([[10.0], [20.0], [30.0]])
    query = torch.tensor([1.0, 0.2])
    return keys, values, query


# --8<-- [end:lookup_demo]


# --8<-- [start:lookup_gradient]
def lookup_gradient():
    """부드러운 찾기는 쿼리에도 기울기를 보낸다. 딱딱한 찾기는 보내지 못한다.

    >>> lookup_gradient()
    soft: [-1.308, 2.884]
    hard: 기울기 없음
    """
    keys, values, query = lookup_demo()
    query = query.clone().requires_grad_()
    out, _ = soft_lookup(query, keys, values)
    out.sum().backward()
    print("soft:", [round(g, 3) for g in query.grad.tolist()])
    query.grad = None
    out = hard_lookup(query, keys, values)
    print("hard:", "기울기 없음" if not out.requires_grad else out.grad_fn)


# --8<-- [end:lookup_gradient]

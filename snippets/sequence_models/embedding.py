"""임베딩 층: 토큰 번호를 벡터로 바꾸는 nn.Embedding은 행렬에서 행 하나를 꺼내는 일이다."""

# --8<-- [start:setup]
import torch
from torch import nn
from torch.nn import functional as F

# --8<-- [end:setup]


# --8<-- [start:lookup]
def embedding_is_lookup(seed: int = 0) -> None:
    """nn.Embedding(V, d)의 출력 = 원-핫 벡터 × (V, d) 가중치 행렬 = 그 행렬의 해당 행.

    >>> embedding_is_lookup()
    가중치 모양: (5, 3)
    입력 (2, 4) -> 출력 (2, 4, 3)
    원-핫 × 행렬과 같다: True
    행을 꺼낸 것과 같다: True
    기울기를 받은 행: [1, 3, 4]
    """
    torch.manual_seed(seed)
    V, d = 5, 3
    embed = nn.Embedding(V, d)
    ids = torch.tensor([[1, 4, 4, 3], [3, 1, 1, 1]])  # 배치 2, 길이 4의 토큰 번호
    out = embed(ids)
    one_hot = F.one_hot(ids, num_classes=V).float()  # (2, 4, V)
    print("가중치 모양:", tuple(embed.weight.shape))
    print("입력", tuple(ids.shape), "->", "출력", tuple(out.shape))
    print("원-핫 × 행렬과 같다:", torch.allclose(out, one_hot @ embed.weight))
    print("행을 꺼낸 것과 같다:", torch.equal(out, embed.weight[ids]))
    # 한 번이라도 나온 토큰의 행만 기울기를 받는다. 나오지 않은 0번, 2번 행은 그대로다.
    out.sum().backward()
    rows = embed.weight.grad.abs().sum(dim=1).nonzero().flatten().tolist()
    print("기울기를 받은 행:", rows)


# --8<-- [end:lookup]

"""GRU 인코더-디코더(seq2seq)와 덧셈 어텐션: 고정 길이 문맥의 병목과 학습된 정렬."""

# --8<-- [start:setup]
import torch
from torch import Tensor, nn
from torch.nn import functional as F

VOCAB = 10  # 숫자 0~9
BOS = VOCAB  # 디코더의 첫 입력으로 쓰는 시작 토큰
# --8<-- [end:setup]


# --8<-- [start:encoder]
class Encoder(nn.Module):
    """입력 시퀀스를 읽어 시점마다의 은닉 상태와 마지막 은닉 상태를 돌려준다."""

    def __init__(self, vocab: int, hidden: int):
        super().__init__()
        self.embed = nn.Embedding(vocab, hidden)
        self.rnn = nn.GRU(hidden, hidden, batch_first=True)

    def forward(self, src: Tensor) -> tuple[Tensor, Tensor]:
        states, last = self.rnn(self.embed(src))  # (B, T, H), (1, B, H)
        return states, last[0]


# --8<-- [end:encoder]


# --8<-- [start:additive_attention]
class AdditiveAttention(nn.Module):
    """Bahdanau 어텐션: e_j = vᵀ tanh(W s + U h_j), α = softmax(e), c = Σ α_j h_j"""

    def __init__(self, hidden: int):
        super().__init__()
        self.W = nn.Linear(hidden, hidden, bias=False)
        self.U = nn.Linear(hidden, hidden, bias=False)
        self.v = nn.Linear(hidden, 1, bias=False)

    def forward(self, s: Tensor, states: Tensor) -> tuple[Tensor, Tensor]:
        # s: 디코더의 지난 상태 (B, H), states: 인코더의 모든 상태 (B, T, H)
        energy = torch.tanh(self.W(s)[:, None, :] + self.U(states))  # (B, T, H)
        weights = self.v(energy).squeeze(-1).softmax(dim=-1)  # (B, T), 합 1
        context = (weights[..., None] * states).sum(dim=1)  # (B, H)
        return context, weights


# --8<-- [end:additive_attention]


# --8<-- [start:decoder]
class Decoder(nn.Module):
    """한 글자씩 내놓는 디코더.

    attention=False: 인코더의 마지막 상태(문맥 벡터) 하나에서 출발할 뿐이다.
    attention=True: 매 시점 인코더의 모든 상태를 다시 훑어 문맥 벡터를 새로 만든다.
    """

    def __init__(self, vocab: int, hidden: int, attention: bool):
        super().__init__()
        self.embed = nn.Embedding(vocab + 1, hidden)  # +1: 시작 토큰
        self.attention = AdditiveAttention(hidden) if attention else None
        self.cell = nn.GRUCell(2 * hidden if attention else hidden, hidden)
        self.out = nn.Linear(2 * hidden if attention else hidden, vocab)

    def step(self, y_prev: Tensor, s: Tensor, states: Tensor):
        e = self.embed(y_prev)
        if self.attention is None:
            s = self.cell(e, s)
            return self.out(s), s, None
        context, weights = self.attention(s, states)
        s = self.cell(torch.cat([e, context], dim=-1), s)
        return self.out(torch.cat([s, context], dim=-1)), s, weights


# --8<-- [end:decoder]


# --8<-- [start:seq2seq]
class Seq2Seq(nn.Module):
    def __init__(self, hidden: int = 32, attention: bool = True, vocab: int = VOCAB):
        super().__init__()
        self.encoder = Encoder(vocab, hidden)
        self.decoder = Decoder(vocab, hidden, attention)

    def forward(self, src: Tensor, tgt: Tensor | None = None, length: int | None = None):
        """tgt를 주면 교사 강요: 정답의 앞 글자를 다음 입력으로 넣는다.
        그래도 시점마다 한 번씩 돈다: 디코더 상태 s가 앞 시점의 s에서 나오기 때문이다.
        없으면 자기 예측을 다음 입력으로 넣는다(탐욕적 디코딩).
        돌려주는 값: 로짓 (B, L, V), 어텐션 가중치 (B, L, T) 또는 None
        """
        states, s = self.encoder(src)
        length = tgt.shape[1] if tgt is not None else (length or src.shape[1])
        y = torch.full((src.shape[0],), BOS, dtype=torch.long)
        logits, weights = [], []
        for t in range(length):
            out, s, w = self.decoder.step(y, s, states)
            logits.append(out)
            weights.append(w)
            y = tgt[:, t] if tgt is not None else out.argmax(dim=-1)
        attn = None if weights[0] is None else torch.stack(weights, dim=1)
        return torch.stack(logits, dim=1), attn


# --8<-- [end:seq2seq]


# --8<-- [start:copy_task]
def copy_batch(batch: int, length: int, generator: torch.Generator) -> Tensor:
    """과제: 숫자열을 그대로 베껴 쓴다."""
    return torch.randint(0, VOCAB, (batch, length), generator=generator)


def train_copy(
    attention: bool,
    length: int = 8,
    steps: int = 300,
    hidden: int = 32,
    batch: int = 32,
    lr: float = 1e-2,
    seed: int = 1,
    reverse: bool = False,
) -> Seq2Seq:
    """교사 강요로 베끼기를 학습한다. 모델들은 크기·데이터·단계 수가 같다.

    reverse=True: Sutskever 등(2014)처럼 입력을 뒤집어 넣는다(정답은 그대로).
    """
    torch.manual_seed(seed)
    g = torch.Generator().manual_seed(seed)
    model = Seq2Seq(hidden, attention)
    opt = torch.optim.Adam(model.parameters(), lr=lr)
    for _ in range(steps):
        src = copy_batch(batch, length, g)
        logits, _ = model(src.flip(1) if reverse else src, tgt=src)
        loss = F.cross_entropy(logits.reshape(-1, VOCAB), src.reshape(-1))
        opt.zero_grad()
        loss.backward()
        nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
    return model.eval()


# --8<-- [end:copy_task]


# --8<-- [start:bottleneck_experiment]
def position_accuracy(logits: Tensor, target: Tensor) -> list[float]:
    """출력 위치마다 맞힌 비율."""
    return (logits.argmax(-1) == target).float().mean(0).tolist()


def bottleneck_experiment(
    length: int = 8, samples: int = 512, example=(3, 1, 4, 1, 5, 9, 2, 6), **train_kwargs
) -> dict:
    """어텐션이 없는 모델과 있는 모델을 같은 조건으로 학습해 새 숫자열로 잰다.

    plain, attention: 탐욕적 디코딩(자기 예측을 다음 입력으로)으로 잰 출력 위치별 정확도
    plain_forced: 어텐션 없는 모델에 평가 때도 정답의 앞 글자를 넣어 준 정확도
    plain_reversed: 입력을 뒤집어 학습·평가한 어텐션 없는 모델의 정확도
    alignment: 어텐션 모델의 평균 가중치 (출력 위치 × 입력 위치)
    example: 숫자열 하나에 대한 어텐션 모델의 출력과 가중치
    """
    threads = torch.get_num_threads()
    torch.set_num_threads(1)  # 스레드 수에 따라 덧셈 순서가 바뀌어 결과가 흔들리지 않게
    try:
        src = copy_batch(samples, length, torch.Generator().manual_seed(12345))
        plain = train_copy(False, length=length, **train_kwargs)
        attention = train_copy(True, length=length, **train_kwargs)
        reversed_ = train_copy(False, length=length, reverse=True, **train_kwargs)
        with torch.no_grad():
            result = {
                "plain": position_accuracy(plain(src)[0], src),
                "plain_forced": position_accuracy(plain(src, tgt=src)[0], src),
                "plain_reversed": position_accuracy(reversed_(src.flip(1))[0], src),
            }
            logits, weights = attention(src)
            result["attention"] = position_accuracy(logits, src)
            result["alignment"] = weights.mean(0).tolist()
            logits, weights = attention(torch.tensor([example]))
    finally:
        torch.set_num_threads(threads)
    result["example"] = {
        "src": list(example),
        "output": logits[0].argmax(-1).tolist(),
        "weights": weights[0].tolist(),
    }
    return result


# --8<-- [end:bottleneck_experiment]

"""과제 2: 작은 문자 언어 모델의 데이터. 말뭉치는 이 사이트의 노트(docs/**/*.md)다.

배치 모양은 PyTorch의 고전 튜토리얼(word_language_model)을 따른다: 긴 토큰 열을 batch_size 개의 열(column)로
잘라 세우고, 행을 따라 bptt 칸씩 잘라 입력과 한 칸 밀린 정답을 만든다.
"""

from __future__ import annotations

import hashlib
import os
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import torch

# 말뭉치 폴더. 환경 변수 GONGBU_CORPUS_DIR로 바꿀 수 있다: 노트북을 두 번 실행해 비교하는 테스트가 그 사이에
# 노트가 바뀌어도 같은 말뭉치를 쓰도록 docs/의 사본을 가리킨다.
DOCS = Path(os.environ.get("GONGBU_CORPUS_DIR") or Path(__file__).resolve().parents[2] / "docs")


# --8<-- [start:jamo]
def to_jamo(text):
    """한글 음절을 자모로 푼다(유니코드 NFD). 음절 1만 1천여 개 대신 자모 67개면 되므로 어휘가 작아진다.

    >>> list(to_jamo("한국어")) == ["ᄒ", "ᅡ", "ᆫ", "ᄀ", "ᅮ", "ᆨ", "ᄋ", "ᅥ"]
    True
    >>> from_jamo(to_jamo("한국어 abc")) == "한국어 abc"
    True
    """
    return unicodedata.normalize("NFD", text)


def from_jamo(text):
    """자모를 다시 음절로 모은다(NFC). 모델이 만든 어긋난 자모열은 낱자로 남는다."""
    return unicodedata.normalize("NFC", text)


# --8<-- [end:jamo]


# --8<-- [start:batchify]
def batchify(data, batch_size):
    """1차원 토큰 열을 (행 수, batch_size) 격자로 세운다. 나머지 꼬리는 버린다. 각 열은 이어진 글 한 토막이다.

    >>> alphabet = torch.arange(26)                 # a..z를 0..25로
    >>> grid = batchify(alphabet, 4)
    >>> grid.shape                                  # 26 // 4 = 6 행, y와 z는 버린다
    torch.Size([6, 4])
    >>> for row in grid:
    ...     print(" ".join(chr(ord("a") + i) for i in row))
    a g m s
    b h n t
    c i o u
    d j p v
    e k q w
    f l r x
    """
    n_rows = data.size(0) // batch_size
    return data[: n_rows * batch_size].view(batch_size, n_rows).t().contiguous()


def get_batch(source, i, bptt):
    """i 번째 행부터 bptt 행을 입력으로, 한 행 아래를 정답으로 자른다. 정답은 1차원으로 편다.

    >>> grid = batchify(torch.arange(26), 4)
    >>> data, target = get_batch(grid, 0, bptt=2)
    >>> [" ".join(chr(ord("a") + i) for i in row) for row in data]
    ['a g m s', 'b h n t']
    >>> " ".join(chr(ord("a") + i) for i in target)    # 각 글자의 다음 글자
    'b h n t c i o u'
    """
    seq_len = min(bptt, len(source) - 1 - i)
    data = source[i : i + seq_len]
    target = source[i + 1 : i + 1 + seq_len].reshape(-1)
    return data, target


# --8<-- [end:batchify]


@dataclass
class Corpus:
    """문자 단위로 토큰화한 말뭉치. 검증용 파일은 학습에 쓰지 않는다."""

    train: torch.Tensor
    val: torch.Tensor
    vocab: list[str]
    train_files: list[str]
    val_files: list[str]
    val_chars: int  # 자모로 풀기 전 검증 글의 문자 수 (문자당 손실을 셀 때 쓴다)
    jamo: bool
    fingerprint: str  # 말뭉치 내용의 sha256 앞 12자리

    def encode(self, text):
        text = to_jamo(text) if self.jamo else text
        index = {ch: i for i, ch in enumerate(self.vocab)}
        return torch.tensor([index[ch] for ch in text if ch in index])

    def decode(self, ids):
        text = "".join(self.vocab[int(i)] for i in ids)
        return from_jamo(text) if self.jamo else text


def split_files(paths):
    """파일 단위로 나눈다: 경로순으로 세워 다섯 개마다 하나(2, 7, 12, ...번째)를 검증용으로.

    >>> train, val = split_files([f"n{i}.md" for i in range(10)])
    >>> val
    ['n2.md', 'n7.md']
    """
    paths = sorted(paths)
    val = paths[2::5]
    return [p for p in paths if p not in val], val


def load_corpus(docs=DOCS, jamo=True):
    """docs/**/*.md를 읽어 학습/검증으로 나누고, 두 쪽에 나오는 모든 문자로 어휘를 만든다."""
    docs = Path(docs)
    paths = [p.relative_to(docs).as_posix() for p in docs.rglob("*.md")]
    if len(paths) < 3:
        raise ValueError(f"말뭉치 파일이 너무 적습니다({len(paths)}개): {docs}")
    train_files, val_files = split_files(paths)
    read = {p: (docs / p).read_text(encoding="utf-8") for p in paths}
    train_text = "\n".join(read[p] for p in train_files)
    val_text = "\n".join(read[p] for p in val_files)
    fingerprint = hashlib.sha256(
        "\0".join(p + "\0" + read[p] for p in sorted(paths)).encode()
    ).hexdigest()[:12]
    if jamo:
        train_tokens, val_tokens = to_jamo(train_text), to_jamo(val_text)
    else:
        train_tokens, val_tokens = train_text, val_text
    vocab = sorted(set(train_tokens) | set(val_tokens))
    index = {ch: i for i, ch in enumerate(vocab)}
    return Corpus(
        train=torch.tensor([index[ch] for ch in train_tokens]),
        val=torch.tensor([index[ch] for ch in val_tokens]),
        vocab=vocab,
        train_files=train_files,
        val_files=val_files,
        val_chars=len(val_text),
        jamo=jamo,
        fingerprint=fingerprint,
    )

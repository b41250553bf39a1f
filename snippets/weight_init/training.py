"""손글씨 숫자 분류로 초기화 방식을 비교한다: 은닉층 5개(각 100 유닛)의 ReLU 다층 퍼셉트론.

데이터는 아무것도 내려받지 않는다.

- MNIST의 IDX 파일 네 개(train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte,
  t10k-labels-idx1-ubyte, 각각 .gz로 압축되어 있어도 된다)가 환경 변수 GONGBU_MNIST_DIR가 가리키는
  폴더나 저장소의 data/mnist/에 있으면 그것을 쓴다(28×28, 학습 60000장, 시험 10000장).
- 없으면 scikit-learn에 들어 있는 8×8 손글씨 숫자 1797장을 쓴다. 설치만 하면 함께 오는 파일이다.

노트와 테스트의 숫자는 언제나 scikit-learn 데이터(source="sklearn")로 계산한다. 그래야 MNIST를
넣어 둔 컴퓨터에서도 같은 값이 나온다. 그림만 source="auto"로 있는 데이터를 쓴다.

# --8<-- [start:data]
>>> data = load_digits_data("sklearn")
>>> data.name
'scikit-learn digits (8×8)'
>>> tuple(data.x_train.shape), tuple(data.x_test.shape)
((1438, 64), (359, 64))
>>> round(data.x_train.min().item(), 1), round(data.x_train.max().item(), 1)
(0.0, 1.0)

# --8<-- [end:data]
# --8<-- [start:compare]
>>> runs = init_comparison()
>>> for run in runs:
...     print(f"{run.scheme:8} 처음 {run.losses[0]:.3f}  마지막 20단계 평균 {run.final_loss:.3f}"
...           f"  시험 정확도 {run.test_accuracy:.3f}")
std0.01  처음 2.303  마지막 20단계 평균 2.302  시험 정확도 0.086
xavier   처음 2.324  마지막 20단계 평균 2.087  시험 정확도 0.354
he       처음 2.556  마지막 20단계 평균 0.450  시험 정확도 0.914

# --8<-- [end:compare]
# --8<-- [start:longer]
>>> def summary(runs):      # 방식마다 (마지막 20단계 평균 손실, 시험 정확도)
...     return {run.scheme: (round(run.final_loss, 3), round(run.test_accuracy, 3)) for run in runs}
>>> summary(init_comparison(steps=3000))     # 단계를 열 배로
{'std0.01': (2.302, 0.086), 'xavier': (0.062, 0.969), 'he': (0.015, 0.975)}
>>> summary(init_comparison(lr=0.1))         # 학습률을 열 배로
{'std0.01': (2.303, 0.086), 'xavier': (0.111, 0.964), 'he': (0.035, 0.983)}

# --8<-- [end:longer]
"""

from __future__ import annotations

import gzip
import math
import os
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np
import torch
from torch import nn

from snippets.weight_init.pytorch_init import apply_init

# 저장소의 data/mnist/ (환경 변수가 없을 때 보는 곳)
DEFAULT_MNIST_DIR = Path(__file__).resolve().parents[2] / "data" / "mnist"


# --8<-- [start:loader]
@dataclass(frozen=True)
class Digits:
    """학습/시험으로 나눈 손글씨 숫자. 픽셀은 0~1로 맞춘 실수, 레이블은 0~9 정수."""

    name: str
    x_train: torch.Tensor
    y_train: torch.Tensor
    x_test: torch.Tensor
    y_test: torch.Tensor

    @property
    def n_features(self) -> int:
        return self.x_train.shape[1]


def load_digits_data(source: str = "auto", test_fraction: float = 0.2, seed: int = 0) -> Digits:
    """source: "auto"(MNIST가 있으면 MNIST, 없으면 scikit-learn), "mnist", "sklearn"."""
    if source not in ("auto", "mnist", "sklearn"):
        raise ValueError(f"source는 'auto', 'mnist', 'sklearn' 중 하나여야 한다: {source!r}")
    mnist_dir = find_mnist_dir() if source in ("auto", "mnist") else None
    if mnist_dir is not None:
        return load_mnist(mnist_dir)
    if source == "mnist":
        raise FileNotFoundError(
            f"MNIST 파일을 찾지 못했다. {', '.join(MNIST_FILES)} (또는 .gz)를 "
            f"{MNIST_ENV}가 가리키는 폴더나 {DEFAULT_MNIST_DIR}에 두어라"
        )
    return load_sklearn_digits(test_fraction, seed)


def load_sklearn_digits(test_fraction: float = 0.2, seed: int = 0) -> Digits:
    from sklearn.datasets import load_digits  # 패키지에 들어 있는 파일을 읽는다. 내려받지 않는다

    bunch = load_digits()
    x = torch.tensor(bunch.data, dtype=torch.float32) / 16.0  # 픽셀 값 0~16을 0~1로
    y = torch.tensor(bunch.target, dtype=torch.long)
    order = torch.randperm(len(x), generator=torch.Generator().manual_seed(seed))
    n_test = int(round(len(x) * test_fraction))
    test, train = order[:n_test], order[n_test:]
    return Digits("scikit-learn digits (8×8)", x[train], y[train], x[test], y[test])


# --8<-- [end:loader]


# --8<-- [start:mnist]
MNIST_ENV = "GONGBU_MNIST_DIR"
MNIST_FILES = (
    "train-images-idx3-ubyte",
    "train-labels-idx1-ubyte",
    "t10k-images-idx3-ubyte",
    "t10k-labels-idx1-ubyte",
)


def find_mnist_dir() -> Path | None:
    """MNIST 파일 네 개가 모두 있는 폴더. 환경 변수를 먼저 보고, 다음에 data/mnist/를 본다."""
    configured = os.environ.get(MNIST_ENV)
    if configured:
        folder = Path(configured)
        missing = [name for name in MNIST_FILES if idx_path(folder, name) is None]
        if missing:
            raise FileNotFoundError(
                f"{MNIST_ENV}={configured}에 MNIST 파일이 없다: {', '.join(missing)}"
            )
        return folder
    if all(idx_path(DEFAULT_MNIST_DIR, name) is not None for name in MNIST_FILES):
        return DEFAULT_MNIST_DIR
    return None


def idx_path(folder: Path, name: str) -> Path | None:
    for candidate in (folder / name, folder / f"{name}.gz"):
        if candidate.is_file():
            return candidate
    return None


def read_idx(path: Path) -> np.ndarray:
    """IDX 파일: 0, 0, 자료형(0x08 = unsigned byte), 차원 수, 차원 크기들(빅엔디언 int32), 데이터."""
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rb") as handle:
        raw = handle.read()
    if raw[0] != 0 or raw[1] != 0 or raw[2] != 0x08:
        raise ValueError(f"{path}: unsigned byte IDX 파일이 아니다")
    ndim = raw[3]
    shape = tuple(int.from_bytes(raw[4 + 4 * i : 8 + 4 * i], "big") for i in range(ndim))
    return np.frombuffer(raw, dtype=np.uint8, offset=4 + 4 * ndim).reshape(shape)


def load_mnist(folder: Path) -> Digits:
    x_train, y_train, x_test, y_test = (read_idx(idx_path(folder, name)) for name in MNIST_FILES)

    def pixels(a: np.ndarray) -> torch.Tensor:  # (장수, 28, 28) -> (장수, 784), 0~1
        return torch.tensor(a.reshape(len(a), -1), dtype=torch.float32) / 255.0

    def labels(a: np.ndarray) -> torch.Tensor:
        return torch.tensor(a, dtype=torch.long)

    return Digits("MNIST (28×28)", pixels(x_train), labels(y_train), pixels(x_test), labels(y_test))


# --8<-- [end:mnist]


# --8<-- [start:model]
def make_mlp(
    in_features: int, n_classes: int = 10, depth: int = 5, width: int = 100
) -> nn.Sequential:
    """(Linear → ReLU)를 depth 번 쌓고 출력층 Linear를 붙인다."""
    layers: list[nn.Module] = []
    for i in range(depth):
        layers += [nn.Linear(in_features if i == 0 else width, width), nn.ReLU()]
    layers.append(nn.Linear(width, n_classes))
    return nn.Sequential(*layers)


def train(
    model: nn.Module,
    data: Digits,
    *,
    steps: int = 300,
    batch_size: int = 64,
    lr: float = 0.01,
    seed: int = 0,
) -> list[float]:
    """확률적 경사 하강법(SGD)으로 학습하고 단계마다 미니배치 손실을 돌려준다.

    손실이 발산(inf, nan)하면 멈추고 남은 단계는 nan으로 채운다."""
    generator = torch.Generator().manual_seed(seed)
    optimizer = torch.optim.SGD(model.parameters(), lr=lr)
    model.train()
    losses: list[float] = []
    for _ in range(steps):
        batch = torch.randint(0, len(data.x_train), (batch_size,), generator=generator)
        loss = nn.functional.cross_entropy(model(data.x_train[batch]), data.y_train[batch])
        if not math.isfinite(loss.item()):
            losses += [math.nan] * (steps - len(losses))
            break
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        losses.append(loss.item())
    return losses


def accuracy(model: nn.Module, x: torch.Tensor, y: torch.Tensor) -> float:
    model.eval()  # 배치 정규화 층이 있으면 이동 평균 통계를 쓰게 한다
    with torch.no_grad():
        return (model(x).argmax(dim=1) == y).float().mean().item()


# --8<-- [end:model]


# --8<-- [start:experiment]
@dataclass(frozen=True)
class Run:
    scheme: str
    losses: tuple[float, ...]
    test_accuracy: float

    @property
    def final_loss(self) -> float:
        """마지막 20단계의 평균 손실. 미니배치마다 출렁이는 값을 고르게 본다."""
        return sum(self.losses[-20:]) / len(self.losses[-20:])


@cache
def init_comparison(
    source: str = "sklearn",
    schemes: tuple[str, ...] = ("std0.01", "xavier", "he"),
    steps: int = 300,
    lr: float = 0.01,
    seed: int = 0,
) -> tuple[Run, ...]:
    """같은 데이터, 같은 미니배치 순서로 초기화 방식만 바꿔 학습한다."""
    data = load_digits_data(source)
    threads = torch.get_num_threads()
    torch.set_num_threads(1)  # 작은 행렬 곱은 스레드 하나가 가장 빠르고, 결과도 늘 같다
    try:
        runs = []
        for scheme in schemes:
            model = apply_init(
                make_mlp(data.n_features), scheme, torch.Generator().manual_seed(seed)
            )
            losses = train(model, data, steps=steps, lr=lr, seed=seed + 1)
            runs.append(Run(scheme, tuple(losses), accuracy(model, data.x_test, data.y_test)))
        return tuple(runs)
    finally:
        torch.set_num_threads(threads)


# --8<-- [end:experiment]


def moving_average(values: tuple[float, ...] | list[float], window: int = 10) -> list[float]:
    """그림용 이동 평균. 앞부분은 있는 값만으로 평균한다."""
    out = []
    for i in range(len(values)):
        chunk = values[max(0, i - window + 1) : i + 1]
        out.append(sum(chunk) / len(chunk))
    return out

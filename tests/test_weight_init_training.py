"""그림 2 뒤의 숫자: 초기화 방식별 학습 결과와, 데이터를 읽는 규칙(MNIST 가 있으면 MNIST)."""

from __future__ import annotations

import gzip
import math
import struct

import numpy as np
import pytest
import torch

from snippets.weight_init import training
from snippets.weight_init.training import (
    MNIST_ENV,
    init_comparison,
    load_digits_data,
    make_mlp,
    moving_average,
    read_idx,
)

LN10 = math.log(10)  # 열 개 중 하나를 아무렇게나 고를 때의 손실


@pytest.fixture(scope="module")
def runs():
    return {run.scheme: run for run in init_comparison()}


def test_std_001_barely_learns(runs):
    small = runs["std0.01"]
    assert small.losses[0] == pytest.approx(LN10, abs=0.01)
    assert small.final_loss > LN10 - 0.05
    assert small.test_accuracy < 0.2


def test_he_reduces_the_loss_most(runs):
    he, xavier, small = runs["he"], runs["xavier"], runs["std0.01"]
    assert he.final_loss < xavier.final_loss < small.final_loss
    assert he.final_loss < 0.8
    assert xavier.final_loss - he.final_loss > 0.5
    assert he.test_accuracy > 0.8


def test_every_run_uses_the_same_number_of_steps(runs):
    assert {len(run.losses) for run in runs.values()} == {300}


def test_model_is_five_relu_layers_of_100_units_and_an_output_layer():
    model = make_mlp(64)
    linears = [m for m in model if isinstance(m, torch.nn.Linear)]
    assert [(m.in_features, m.out_features) for m in linears] == [(64, 100)] + [(100, 100)] * 4 + [
        (100, 10)
    ]
    assert sum(isinstance(m, torch.nn.ReLU) for m in model) == 5


def test_sklearn_digits_are_split_deterministically():
    a, b = load_digits_data("sklearn"), load_digits_data("sklearn")
    assert a.x_train.shape == (1438, 64) and a.x_test.shape == (359, 64)
    assert torch.equal(a.y_test, b.y_test)
    assert 0.0 <= a.x_train.min() and a.x_train.max() <= 1.0
    assert set(a.y_train.tolist()) == set(range(10))


def test_auto_falls_back_to_sklearn_without_mnist(monkeypatch, tmp_path):
    monkeypatch.delenv(MNIST_ENV, raising=False)
    monkeypatch.setattr(training, "DEFAULT_MNIST_DIR", tmp_path)
    assert load_digits_data("auto").name.startswith("scikit-learn")


def write_idx(path, array: np.ndarray, compress: bool) -> None:
    header = bytes([0, 0, 0x08, array.ndim]) + b"".join(struct.pack(">I", n) for n in array.shape)
    data = header + array.astype(np.uint8).tobytes()
    if compress:
        with gzip.open(path.with_name(path.name + ".gz"), "wb") as handle:
            handle.write(data)
    else:
        path.write_bytes(data)


def fake_mnist(folder, compress: bool) -> None:
    rng = np.random.default_rng(0)
    write_idx(folder / "train-images-idx3-ubyte", rng.integers(0, 256, (6, 28, 28)), compress)
    write_idx(folder / "train-labels-idx1-ubyte", np.arange(6) % 10, compress)
    write_idx(folder / "t10k-images-idx3-ubyte", rng.integers(0, 256, (4, 28, 28)), compress)
    write_idx(folder / "t10k-labels-idx1-ubyte", np.arange(4), compress)


@pytest.mark.parametrize("compress", [False, True])
def test_mnist_from_the_environment_variable_is_preferred(monkeypatch, tmp_path, compress):
    fake_mnist(tmp_path, compress)
    monkeypatch.setenv(MNIST_ENV, str(tmp_path))
    data = load_digits_data("auto")
    assert data.name == "MNIST (28×28)"
    assert data.x_train.shape == (6, 784) and data.x_test.shape == (4, 784)
    assert data.y_test.tolist() == [0, 1, 2, 3]
    assert 0.0 <= data.x_train.min() and data.x_train.max() <= 1.0


def test_mnist_in_data_folder_is_used_when_no_variable_is_set(monkeypatch, tmp_path):
    fake_mnist(tmp_path, compress=False)
    monkeypatch.delenv(MNIST_ENV, raising=False)
    monkeypatch.setattr(training, "DEFAULT_MNIST_DIR", tmp_path)
    assert load_digits_data("auto").name == "MNIST (28×28)"
    assert load_digits_data("sklearn").name.startswith("scikit-learn")  # 노트의 숫자는 늘 이쪽


def test_variable_pointing_at_a_folder_without_mnist_is_an_error(monkeypatch, tmp_path):
    monkeypatch.setenv(MNIST_ENV, str(tmp_path))
    with pytest.raises(FileNotFoundError, match=MNIST_ENV):
        load_digits_data("auto")


def test_asking_for_mnist_without_files_says_where_to_put_them(monkeypatch, tmp_path):
    monkeypatch.delenv(MNIST_ENV, raising=False)
    monkeypatch.setattr(training, "DEFAULT_MNIST_DIR", tmp_path)
    with pytest.raises(FileNotFoundError, match="train-images-idx3-ubyte"):
        load_digits_data("mnist")


def test_unknown_source_is_rejected():
    with pytest.raises(ValueError, match="sklearn"):
        load_digits_data("cifar")


def test_read_idx_rejects_other_files(tmp_path):
    bad = tmp_path / "bad"
    bad.write_bytes(b"\x00\x00\x0d\x01\x00\x00\x00\x01\x00\x00\x00\x00")
    with pytest.raises(ValueError, match="IDX"):
        read_idx(bad)


def test_moving_average():
    assert moving_average([1.0, 3.0, 5.0, 7.0], window=2) == [1.0, 2.0, 4.0, 6.0]

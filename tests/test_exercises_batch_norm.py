"""배치 정규화 노트의 연습 문제: 그럴듯한 오답이 의도한 메시지로 틀린다."""

from snippets.exercises.registry import find
from snippets.exercises.runner import check_source, describe

BIASED_RUNNING_VAR = """
import torch
def batch_norm_train_step(x, gamma, beta, running_mean, running_var, momentum=0.1, eps=1e-5):
    mean, var = x.mean(dim=0), x.var(dim=0, unbiased=False)
    running_mean.mul_(1 - momentum).add_(momentum * mean)
    running_var.mul_(1 - momentum).add_(momentum * var)      # 불편 분산이 아니다
    return gamma * (x - mean) / torch.sqrt(var + eps) + beta
"""

UNBIASED_NORMALISATION = """
import torch
def batch_norm_train_step(x, gamma, beta, running_mean, running_var, momentum=0.1, eps=1e-5):
    mean, var = x.mean(dim=0), x.var(dim=0)                    # 정규화에 n-1
    running_mean.mul_(1 - momentum).add_(momentum * mean)
    running_var.mul_(1 - momentum).add_(momentum * var)
    return gamma * (x - mean) / torch.sqrt(var + eps) + beta
"""


def test_biased_running_variance_fails_on_the_running_var_case(tmp_path):
    report = check_source("batch-norm/train-forward", BIASED_RUNNING_VAR, tmp_path)
    assert report.status == "failed"
    assert (report.failure.index, report.failure.name) == (3, "한 번 갱신한 running_var")
    assert "불편 분산" in report.failure.hint and "n/(n-1)" in report.failure.hint
    assert describe(find("batch-norm/train-forward"), report).startswith(
        "틀림: batch-norm/train-forward — 경우 3/6 「한 번 갱신한 running_var」에서 틀렸다."
    )


def test_unbiased_variance_in_the_normalisation_fails_on_the_output(tmp_path):
    report = check_source("batch-norm/train-forward", UNBIASED_NORMALISATION, tmp_path)
    assert report.status == "failed"
    assert report.failure.index == 1
    assert "정규화에 n-1로 나눈 분산을 썼다" in report.failure.hint


def test_eval_forward_with_batch_statistics_is_told_to_use_running_statistics(tmp_path):
    wrong = (
        "import torch\n"
        "def batch_norm_eval(x, running_mean, running_var, gamma, beta, eps=1e-5):\n"
        "    return gamma * (x - x.mean(0)) / torch.sqrt(x.var(0, unbiased=False) + eps) + beta\n"
    )
    report = check_source("batch-norm/eval-forward", wrong, tmp_path)
    assert (report.status, report.failure.index) == ("failed", 1)
    assert "배치의 평균과 분산으로 정규화했다" in report.failure.hint


PAGE_TRAIN_STEP_FOR_N_C = """
import torch
def batch_norm_train_step(x, gamma, beta, running_mean, running_var, momentum=0.1, eps=1e-5):
    n = x.shape[0]
    mean, var = x.mean(dim=0), x.var(dim=0, unbiased=False)
    running_mean.mul_(1 - momentum).add_(momentum * mean)
    running_var.mul_(1 - momentum).add_(momentum * var * n / (n - 1))
    return gamma * (x - mean) / torch.sqrt(var + eps) + beta
"""

BATCH_SIZE_AS_N = """
import torch
def batch_norm_train_step(x, gamma, beta, running_mean, running_var, momentum=0.1, eps=1e-5):
    dims = [d for d in range(x.dim()) if d != 1]
    shape = (1, -1) + (1,) * (x.dim() - 2)
    n = x.shape[0]                                             # 값의 수가 아니라 배치 크기
    mean, var = x.mean(dim=dims), x.var(dim=dims, unbiased=False)
    running_mean.mul_(1 - momentum).add_(momentum * mean)
    running_var.mul_(1 - momentum).add_(momentum * var * n / (n - 1))
    return gamma.view(shape) * (x - mean.view(shape)) / torch.sqrt(var.view(shape) + eps) + beta.view(shape)
"""


def test_the_pages_n_c_train_step_fails_on_images(tmp_path):
    report = check_source("batch-norm/train-forward", PAGE_TRAIN_STEP_FOR_N_C, tmp_path)
    assert report.status == "failed"
    assert report.failure.name == "(2, 3, 4, 4) 이미지 배치의 출력과 running_mean"
    assert "(1, C, 1, 1)" in report.failure.hint


def test_batch_size_as_n_in_the_bessel_factor_is_told_to_count_n_h_w(tmp_path):
    report = check_source("batch-norm/train-forward", BATCH_SIZE_AS_N, tmp_path)
    assert report.status == "failed"
    assert report.failure.name == "(2, 3, 4, 4) 이미지 배치로 갱신한 running_var"
    assert "배치 크기 2를 썼다" in report.failure.hint and "N·H·W = 32" in report.failure.hint


def test_eval_forward_that_broadcasts_over_the_last_axis_fails_silently_on_sequences(tmp_path):
    wrong = (
        "import torch\n"
        "def batch_norm_eval(x, running_mean, running_var, gamma, beta, eps=1e-5):\n"
        "    return gamma * (x - running_mean) / torch.sqrt(running_var + eps) + beta\n"
    )
    report = check_source("batch-norm/eval-forward", wrong, tmp_path)
    assert report.status == "failed"
    assert report.failure.name == "시퀀스 (4, 3, 3): 길이 L이 채널 수 C와 같다"
    assert "Error" not in report.failure.got  # 오류 없이 틀린 값이 나온다
    assert "dim=1" in report.failure.hint


def test_fold_that_scales_columns_is_told_to_scale_rows(tmp_path):
    wrong = (
        "import torch\n"
        "def fold_batch_norm(weight, bias, running_mean, running_var, gamma, beta, eps=1e-5):\n"
        "    s = gamma / torch.sqrt(running_var + eps)\n"
        "    b = torch.zeros_like(running_mean) if bias is None else bias\n"
        "    return weight * s, s * (b - running_mean) + beta\n"
    )
    report = check_source("batch-norm/fold-into-linear", wrong, tmp_path)
    assert report.status == "failed"
    assert "RuntimeError" in report.failure.got
    assert "s[:, None]" in report.failure.hint

"""가중치 초기화 노트의 연습 문제: 그럴듯한 오답이 의도한 메시지로 틀린다."""

import math

import torch

from snippets.exercises.runner import check_source


def test_xavier_with_the_std_as_the_bound_is_told_about_sqrt_3(tmp_path):
    wrong = (
        "import math\n"
        "def xavier_uniform_(tensor, gain=1.0, generator=None):\n"
        "    fan_out, fan_in = tensor.shape\n"
        "    bound = gain * math.sqrt(2 / (fan_in + fan_out))\n"
        "    return tensor.uniform_(-bound, bound, generator=generator)\n"
    )
    report = check_source("weight-init/xavier-uniform", wrong, tmp_path)
    assert report.status == "failed"
    assert report.failure.name == "(256, 512) 텐서의 가장 큰 절댓값"
    assert report.failure.expected == f"{math.sqrt(6 / 768):.4f}"
    assert float(report.failure.got) < math.sqrt(2 / 768)
    assert "√3배" in report.failure.hint


def test_xavier_that_returns_a_new_tensor_fails_the_in_place_case(tmp_path):
    wrong = (
        "import math, torch\n"
        "def xavier_uniform_(tensor, gain=1.0, generator=None):\n"
        "    a = gain * math.sqrt(6 / sum(tensor.shape))\n"
        "    return torch.empty_like(tensor).uniform_(-a, a, generator=generator)\n"
    )
    report = check_source("weight-init/xavier-uniform", wrong, tmp_path)
    assert (report.status, report.failure.index) == ("failed", 1)
    assert "uniform_" in report.failure.hint


def test_kaiming_with_fan_in_read_from_the_first_dimension_is_told_the_shape(tmp_path):
    wrong = (
        "import math\n"
        "def kaiming_normal_(tensor, a=0.0, mode='fan_in', generator=None):\n"
        "    fan = tensor.shape[0] if mode == 'fan_in' else tensor.shape[1]\n"
        "    std = math.sqrt(2 / (1 + a * a)) / math.sqrt(fan)\n"
        "    return tensor.normal_(0.0, std, generator=generator)\n"
    )
    report = check_source("weight-init/kaiming-normal", wrong, tmp_path)
    assert report.status == "failed"
    assert report.failure.name == "(256, 512), mode='fan_in'의 표준편차"
    assert "둘째 차원의 512" in report.failure.hint


def test_fans_swapped_is_told_they_are_swapped(tmp_path):
    wrong = (
        "import math\n"
        "def fans(shape):\n"
        "    r = math.prod(shape[2:])\n"
        "    return shape[0] * r, shape[1] * r\n"
    )
    report = check_source("weight-init/conv-fans", wrong, tmp_path)
    assert report.status == "failed"
    assert report.failure.got == "(256, 512)"
    assert "뒤바뀌었다" in report.failure.hint


def test_conv_fans_cases_agree_with_pytorchs_own_fan_computation():
    """기대값의 출처: 파이토치의 초기화 함수가 쓰는 계산과 풀이가 같다."""
    from snippets.exercises.weight_init.fans import SHAPES, fans

    for shape in SHAPES:
        assert fans(shape) == torch.nn.init._calculate_fan_in_and_fan_out(torch.empty(*shape))

"""어텐션 노트의 연습 문제: 그럴듯한 오답이 의도한 메시지로 틀린다."""

from snippets.exercises.registry import find
from snippets.exercises.runner import check_source, describe
from tests.exercise_helpers import solution_with


def test_attention_without_sqrt_dk_is_told_it_forgot_the_scale(tmp_path):
    wrong = solution_with("attention/scaled-attention", "scale = 1 / math.sqrt(d_k)", "scale = 1.0")
    report = check_source("attention/scaled-attention", wrong, tmp_path)
    assert report.status == "failed"
    assert report.failure.name == "d_k = 16: 쿼리 하나와 키 둘의 가중치"
    assert report.failure.hint.startswith("점수를 √d_k로 나누지 않았다")
    message = describe(find("attention/scaled-attention"), report)
    assert "경우 2/7 「d_k = 16: 쿼리 하나와 키 둘의 가중치」에서 틀렸다" in message


def test_attention_divided_by_dk_is_told_to_use_the_square_root(tmp_path):
    wrong = solution_with(
        "attention/scaled-attention", "scale = 1 / math.sqrt(d_k)", "scale = 1 / d_k"
    )
    report = check_source("attention/scaled-attention", wrong, tmp_path)
    assert report.status == "failed"
    assert report.failure.hint.startswith("점수를 d_k로 나눴다")


def test_attention_with_the_mask_the_wrong_way_round_fails_on_the_mask_case(tmp_path):
    wrong = solution_with(
        "attention/scaled-attention",
        'scores = scores.masked_fill(~mask, float("-inf"))',
        'scores = scores.masked_fill(mask, float("-inf"))',
    )
    report = check_source("attention/scaled-attention", wrong, tmp_path)
    assert report.status == "failed"
    assert report.failure.name == "키를 가리는 불리언 마스크 (2, 1, 1, 7)"
    assert "True인 칸만 본다" in report.failure.hint


def test_attention_that_treats_every_mask_as_boolean_is_told_to_add_float_masks(tmp_path):
    """노트의 풀이 설명: 모든 마스크를 불리언으로 보고 ~mask를 쓰면 float 마스크 경우에서 TypeError가 난다."""
    wrong = solution_with(
        "attention/scaled-attention",
        "if mask is not None and mask.dtype == torch.bool:",
        "if mask is not None:",
    )
    report = check_source("attention/scaled-attention", wrong, tmp_path)
    assert report.status == "failed"
    assert report.failure.name == "더하는 마스크: 거리에 비례하는 벌점 -0.5·|i - j| (6, 7)"
    assert "TypeError" in report.failure.got
    assert report.failure.hint.startswith("float 마스크에 ~를 썼다")


def test_attention_that_ignores_the_scale_argument_fails_on_the_scale_case(tmp_path):
    wrong = solution_with("attention/scaled-attention", "    if scale is None:\n", "    if True:\n")
    report = check_source("attention/scaled-attention", wrong, tmp_path)
    assert report.status == "failed"
    assert report.failure.name == "scale = 1.0을 주었을 때"
    assert "scale이 주어지면" in report.failure.hint


def test_masked_softmax_that_fills_with_zero_is_told_about_exp_zero(tmp_path):
    wrong = solution_with(
        "attention/masked-softmax",
        'scores = scores.masked_fill(~mask, float("-inf"))',
        "scores = scores.masked_fill(~mask, 0.0)",
    )
    report = check_source("attention/masked-softmax", wrong, tmp_path)
    assert report.status == "failed"
    assert report.failure.name == "점수 [2, 0.5, 1, -1], 마스크 [True, False, True, False]"
    assert report.failure.hint.startswith("가린 칸을 0으로 채웠다")


def test_masked_softmax_that_leaves_nan_fails_on_the_fully_masked_row(tmp_path):
    wrong = solution_with(
        "attention/masked-softmax", "return weights.nan_to_num(0.0)", "return weights"
    )
    report = check_source("attention/masked-softmax", wrong, tmp_path)
    assert report.status == "failed"
    assert report.failure.name == "모든 칸이 가려진 행은 nan 없이 0"
    assert "nan" in report.failure.got


def test_positional_encoding_with_one_angle_per_column_is_told_to_share_angles(tmp_path):
    wrong = """
import torch


def positional_encoding(max_len, d_model, base=10000.0):
    position = torch.arange(max_len, dtype=torch.float32)[:, None]
    columns = torch.arange(d_model, dtype=torch.float32)
    angle = position / base ** (columns / d_model)  # 열마다 자기 번호로 각을 구했다
    half = d_model // 2
    return torch.cat([angle[:, :half].sin(), angle[:, half:].cos()], dim=-1)
"""
    report = check_source("attention/positional-encoding", wrong, tmp_path)
    assert report.status == "failed"
    assert report.failure.name == "max_len = 4, d_model = 8 전체"
    assert report.failure.hint.startswith("열마다 자기 번호로 각을 구했다")


def test_positional_encoding_copied_from_the_note_is_told_the_layout_differs(tmp_path):
    """노트의 풀이 설명: 노트처럼 번갈아 놓으면 둘째 경우에서 "번갈아 놓았다"고 알려 준다."""
    wrong = """
from snippets.transformer.attention import positional_encoding as note


def positional_encoding(max_len, d_model, base=10000.0):
    return note(max_len, d_model)
"""
    report = check_source("attention/positional-encoding", wrong, tmp_path)
    assert report.status == "failed"
    assert report.failure.name == "0번 위치"
    assert report.failure.hint.startswith("노트처럼 sin과 cos을 번갈아 놓았다")


def test_positional_encoding_that_ignores_base_is_told_so(tmp_path):
    wrong = solution_with(
        "attention/positional-encoding",
        "angle = position / base ** (two_i / d_model)",
        "angle = position / 10000 ** (two_i / d_model)",
    )
    report = check_source("attention/positional-encoding", wrong, tmp_path)
    assert report.status == "failed"
    assert report.failure.name == "base = 100, max_len = 5, d_model = 6"
    assert report.failure.hint.startswith("base 인자를 쓰지 않고")


def test_rotary_with_half_split_pairs_is_told_about_the_pairing(tmp_path):
    wrong = """
import torch


def rotary(x, base=10000.0):
    length, d = x.shape[-2], x.shape[-1]
    angle = torch.arange(length, dtype=x.dtype)[:, None] / base ** (
        torch.arange(0, d, 2, dtype=x.dtype) / d
    )
    a, b = x[..., : d // 2], x[..., d // 2 :]  # 앞 절반과 뒤 절반을 짝지었다
    return torch.cat([a * angle.cos() - b * angle.sin(), a * angle.sin() + b * angle.cos()], -1)
"""
    report = check_source("attention/rotary", wrong, tmp_path)
    assert report.status == "failed"
    assert report.failure.name == "배치 (2, 3, 6, 8) 전체"
    assert "GPT-NeoX" in report.failure.hint


def test_masked_softmax_with_a_naive_exp_overflows_on_large_scores(tmp_path):
    """노트의 풀이 설명: exp(scores) / 합으로 직접 쓰면 exp(1000)이 inf 가 되어 nan 이 나온다."""
    wrong = """
import torch


def masked_softmax(scores, mask):
    e = torch.exp(scores) * mask
    total = e.sum(dim=-1, keepdim=True)
    return torch.where(total > 0, e / total, torch.zeros_like(e))
"""
    report = check_source("attention/masked-softmax", wrong, tmp_path)
    assert report.status == "failed"
    assert report.failure.name == "점수가 1000처럼 커도 넘치지 않는다"
    assert "nan" in report.failure.got
    assert "최댓값을 뺀 뒤" in report.failure.hint

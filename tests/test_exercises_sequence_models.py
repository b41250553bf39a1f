"""시퀀스 모델 노트의 연습 문제: 그럴듯한 오답이 의도한 메시지로 틀린다.

오답은 참고 풀이에서 한 줄만 바꿔 만든다. 그래야 그 한 줄의 실수를 검사가 잡는지 볼 수 있다.
"""

import torch

from snippets.exercises.registry import find
from snippets.exercises.runner import check_source, describe
from tests.exercise_helpers import solution_with


def test_gru_with_z_on_the_wrong_side_is_told_where_z_goes(tmp_path):
    wrong = solution_with(
        "sequence-models/gru-layer", "h = (1 - z) * n + z * h", "h = (1 - z) * h + z * n"
    )
    report = check_source("sequence-models/gru-layer", wrong, tmp_path)
    assert report.status == "failed"
    assert report.failure.name.startswith("업데이트 게이트가 닫힌(z ≈ 0) 셀")
    assert report.failure.hint.startswith("z를 반대쪽에 곱했다")


def test_gru_with_pytorch_reset_after_the_product_is_told_where_the_reset_goes(tmp_path):
    wrong = solution_with(
        "sequence-models/gru-layer",
        "n = torch.tanh(xn + (r * h) @ W_hn.T + b_hn)",
        "n = torch.tanh(xn + r * (h @ W_hn.T + b_hn))",
    )
    report = check_source("sequence-models/gru-layer", wrong, tmp_path)
    assert report.status == "failed"
    assert report.failure.name.startswith("업데이트 게이트가 닫힌(z ≈ 0) 셀")
    assert report.failure.hint.startswith("nn.GRU와 같은 값이 나왔다")


def test_gru_that_gates_b_hn_with_r_fails_on_values(tmp_path):
    wrong = solution_with(
        "sequence-models/gru-layer",
        "n = torch.tanh(xn + (r * h) @ W_hn.T + b_hn)",
        "n = torch.tanh(xn + (r * h) @ W_hn.T + r * b_hn)",
    )
    report = check_source("sequence-models/gru-layer", wrong, tmp_path)
    assert report.status == "failed"
    assert report.failure.index > 1  # 모양은 맞고, 값에서 틀린다


def test_gru_reference_agrees_with_nn_gru_only_when_the_reset_gate_is_open():
    """r ≈ 1이면 두 방식이 같고, 그 밖에서는 다르다: 검사의 기대값이 nn.GRU를 베낀 것이 아님을 확인한다."""
    from snippets.exercises.sequence_models import gru_layer as module

    open_r = module._with_gate_bias(seed=5, block=0, value=30.0)
    *_, expected, torch_out = module._one_step(open_r, seed=50)
    assert torch.allclose(expected, torch_out, atol=1e-6)
    for cell in (module._cell(seed=2), module._with_gate_bias(seed=6, block=0, value=-30.0)):
        *_, expected, torch_out = module._one_step(cell, seed=20)
        assert not torch.allclose(expected, torch_out, atol=1e-3)


def test_last_states_that_takes_the_last_column_is_told_about_padding(tmp_path):
    wrong = solution_with(
        "sequence-models/last-states",
        "return outputs[rows, lengths.long() - 1]",
        "return outputs[:, -1]",
    )
    report = check_source("sequence-models/last-states", wrong, tmp_path)
    assert report.status == "failed"
    assert report.failure.name == "길이가 [3, 1, 5]인 배치 (3, 5, 2)"
    assert "outputs[:, -1]은 패딩까지 읽은 뒤의 상태다" in report.failure.hint


def test_last_states_off_by_one_fails_on_the_padded_batch(tmp_path):
    wrong = solution_with(
        "sequence-models/last-states",
        "return outputs[rows, lengths.long() - 1]",
        "return outputs[rows, lengths.long().clamp(max=outputs.shape[1] - 1)]",
    )
    report = check_source("sequence-models/last-states", wrong, tmp_path)
    assert report.status == "failed"
    assert "L - 1" in report.failure.hint


def test_beam_search_without_length_normalisation_is_told_to_divide(tmp_path):
    wrong = solution_with(
        "sequence-models/beam-search",
        "return score / (len(prefix) - 1) ** alpha",
        "return score",
    )
    report = check_source("sequence-models/beam-search", wrong, tmp_path)
    assert report.status == "failed"
    assert report.failure.name == "alpha = 1: 길이로 나눈 점수로 고른다"
    assert report.failure.expected == "[1, 2, 3]"
    assert report.failure.got == "[3]"
    assert "보정하지 않은 합으로 골랐다" in report.failure.hint
    message = describe(find("sequence-models/beam-search"), report)
    assert message.startswith("틀림: sequence-models/beam-search — 경우 5/7")


def test_beam_search_that_keeps_extending_finished_candidates_fails(tmp_path):
    wrong = solution_with(
        "sequence-models/beam-search",
        "(finished if prefix[-1] == eos else alive).append((prefix, score))",
        "alive.append((prefix, score))",
    )
    report = check_source("sequence-models/beam-search", wrong, tmp_path)
    assert report.status == "failed"
    assert report.failure.hint.startswith("</s> 뒤에도 토큰을 붙였다")

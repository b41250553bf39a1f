"""트랜스포머 노트의 연습 문제: 그럴듯한 오답이 의도한 메시지로 틀린다."""

from snippets.exercises.registry import find
from snippets.exercises.runner import check_source, describe
from tests.exercise_helpers import solution_with

CAUSAL_LINE = (
    "causal = torch.ones(length, length, dtype=torch.bool, device=segments.device).tril()  # (L, L)"
)


def test_decoder_mask_that_hides_the_diagonal_is_told_about_itself(tmp_path):
    wrong = solution_with(
        "transformer/decoder-mask", CAUSAL_LINE, CAUSAL_LINE.replace(".tril()", ".tril(-1)")
    )
    report = check_source("transformer/decoder-mask", wrong, tmp_path)
    assert report.status == "failed"
    assert report.failure.name == "문장 하나, 패딩 없는 길이 4"
    assert report.failure.hint.startswith("대각선(자기 자신)을 가렸다")
    message = describe(find("transformer/decoder-mask"), report)
    assert (
        message.splitlines()[0]
        == "틀림: transformer/decoder-mask — 경우 2/5 「문장 하나, 패딩 없는 길이 4」에서 틀렸다."
    )


def test_decoder_mask_that_looks_at_the_future_is_told_which_triangle(tmp_path):
    wrong = solution_with(
        "transformer/decoder-mask", CAUSAL_LINE, CAUSAL_LINE.replace(".tril()", ".triu()")
    )
    report = check_source("transformer/decoder-mask", wrong, tmp_path)
    assert report.status == "failed"
    assert report.failure.hint.startswith("위쪽 삼각형을 True로 두었다")


def test_decoder_mask_that_hides_padding_keys_everywhere_is_told_about_empty_rows(tmp_path):
    """노트의 풀이 설명: 패딩 키를 모든 행에서 가리면 패딩 쿼리 행이 비고, 검사가 그 행을 알려 준다."""
    wrong = solution_with(
        "transformer/decoder-mask",
        "return (causal & same_sentence)[:, None]",
        "return (causal & same_sentence & (segments != 0)[:, None, :])[:, None]",
    )
    report = check_source("transformer/decoder-mask", wrong, tmp_path)
    assert report.status == "failed"
    assert report.failure.name == "문장 하나 뒤에 패딩 둘 [1, 1, 0, 0]"
    assert report.failure.hint.startswith("모든 칸이 False인 행이 있다")


def test_decoder_mask_copied_from_the_note_is_told_that_padding_rows_see_real_tokens(tmp_path):
    """본문의 decoder_self_mask(인과 마스크 & 키 패딩 마스크)를 그대로 옮기면 셋째 경우에서 틀린다."""
    wrong = """
from snippets.attention.masks import decoder_self_mask


def decoder_mask(segments):
    return decoder_self_mask(segments, 0)
"""
    report = check_source("transformer/decoder-mask", wrong, tmp_path)
    assert report.status == "failed"
    assert report.failure.name == "문장 하나 뒤에 패딩 둘 [1, 1, 0, 0]"
    assert report.failure.hint.startswith("패딩 쿼리 행이 진짜 토큰을 본다")


def test_decoder_mask_from_the_note_that_ignores_sentences_fails_on_the_packed_row(tmp_path):
    """노트의 decoder_self_mask처럼 인과 마스크와 패딩 마스크만 합치면 이어 붙인 문장끼리 서로 본다."""
    wrong = """
import torch


def decoder_mask(segments):
    length = segments.shape[1]
    causal = torch.ones(length, length, dtype=torch.bool).tril()
    is_pad = segments == 0
    same_kind = is_pad[:, :, None] == is_pad[:, None, :]  # 진짜 토큰인지 패딩인지만 본다
    return (causal & same_kind)[:, None]
"""
    report = check_source("transformer/decoder-mask", wrong, tmp_path)
    assert report.status == "failed"
    assert report.failure.name == "두 문장을 이어 붙이고 패딩 하나 [1, 1, 2, 2, 2, 0]"
    assert report.failure.hint.startswith("둘째 문장의 첫 토큰이 첫 문장을 본다")


def test_rms_norm_that_subtracts_the_mean_is_told_it_wrote_layer_norm(tmp_path):
    wrong = solution_with(
        "transformer/rms-norm",
        "rms = torch.sqrt(x.pow(2).mean(dim=-1, keepdim=True) + eps)",
        "x = x - x.mean(dim=-1, keepdim=True)\n"
        "    rms = torch.sqrt(x.pow(2).mean(dim=-1, keepdim=True) + eps)",
    )
    report = check_source("transformer/rms-norm", wrong, tmp_path)
    assert report.status == "failed"
    assert report.failure.name == "모든 값이 같은 벡터 [2, 2, 2, 2]"
    assert report.failure.hint.startswith("평균을 뺐다")
    # 노트의 풀이 설명: "검사의 첫째 경우가 이 차이를 본다."
    assert "경우 1/" in describe(find("transformer/rms-norm"), report).splitlines()[0]


def test_rms_norm_with_eps_outside_the_root_fails_on_tiny_values(tmp_path):
    wrong = solution_with(
        "transformer/rms-norm",
        "rms = torch.sqrt(x.pow(2).mean(dim=-1, keepdim=True) + eps)",
        "rms = torch.sqrt(x.pow(2).mean(dim=-1, keepdim=True)) + eps",
    )
    report = check_source("transformer/rms-norm", wrong, tmp_path)
    assert report.status == "failed"
    assert report.failure.name.startswith("아주 작은 값 1e-4")


POST_LN = """
def pre_ln_forward(layer, x, causal=False):
    attended, _ = layer.self_attn(x, x, x, need_weights=False)
    x = layer.norm1(x + attended)
    return layer.norm2(x + layer.linear2(layer.activation(layer.linear1(x))))
"""


def test_post_ln_order_is_told_to_normalise_before_the_sublayer(tmp_path):
    report = check_source("transformer/pre-ln", POST_LN, tmp_path)
    assert report.status == "failed"
    assert report.failure.name == "배치 (2, 5, 16), 마스크 없음: layer(x)와 같은가"
    assert report.failure.hint.startswith("post-LN 순서로 짰다")


def test_pre_ln_with_this_sites_mask_convention_fails_on_the_causal_case(tmp_path):
    wrong = solution_with(
        "transformer/pre-ln",
        "mask = torch.ones(length, length, dtype=torch.bool, device=x.device).triu(1)",
        "mask = torch.ones(length, length, dtype=torch.bool, device=x.device).tril()",
    )
    report = check_source("transformer/pre-ln", wrong, tmp_path)
    assert report.status == "failed"
    assert report.failure.name.startswith("causal=True")
    assert "True가 '가린다'" in report.failure.hint

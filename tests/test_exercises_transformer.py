"""트랜스포머 노트의 연습 문제: 그럴듯한 오답이 의도한 메시지로 틀린다."""

from snippets.exercises.registry import find
from snippets.exercises.runner import check_source, describe


def solution_with(exercise_id: str, line: str, replacement: str) -> str:
    """참고 풀이 파일에서 line을 replacement로 바꾼 소스: 한 줄짜리 실수."""
    source = find(exercise_id).solution_path.read_text(encoding="utf-8")
    assert source.count(line) == 1, f"풀이에 {line!r}가 한 번만 있어야 한다"
    return source.replace(line, replacement)


CAUSAL_LINE = (
    "causal = torch.ones(length, length, dtype=torch.bool, device=tokens.device).tril()  # (L, L)"
)


def test_decoder_mask_that_hides_the_diagonal_is_told_about_itself(tmp_path):
    wrong = solution_with(
        "transformer/decoder-mask", CAUSAL_LINE, CAUSAL_LINE.replace(".tril()", ".tril(-1)")
    )
    report = check_source("transformer/decoder-mask", wrong, tmp_path)
    assert report.status == "failed"
    assert report.failure.name == "패딩 없는 길이 4"
    assert report.failure.hint.startswith("대각선(자기 자신)을 가렸다")
    message = describe(find("transformer/decoder-mask"), report)
    assert (
        message.splitlines()[0]
        == "틀림: transformer/decoder-mask — 경우 2/4 「패딩 없는 길이 4」에서 틀렸다."
    )


def test_decoder_mask_that_looks_at_the_future_is_told_which_triangle(tmp_path):
    wrong = solution_with(
        "transformer/decoder-mask", CAUSAL_LINE, CAUSAL_LINE.replace(".tril()", ".triu()")
    )
    report = check_source("transformer/decoder-mask", wrong, tmp_path)
    assert report.status == "failed"
    assert report.failure.hint.startswith("위쪽 삼각형을 True로 두었다")


def test_decoder_mask_that_also_hides_padding_queries_fails_on_the_padded_batch(tmp_path):
    wrong = solution_with(
        "transformer/decoder-mask",
        "return causal & real_keys",
        "return causal & real_keys & real_keys.transpose(-1, -2)",
    )
    report = check_source("transformer/decoder-mask", wrong, tmp_path)
    assert report.status == "failed"
    assert report.failure.name == "패딩이 있는 배치 [[5, 6, 0, 0], [5, 6, 7, 0]]"
    assert "키(열) 쪽에서만" in report.failure.hint


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

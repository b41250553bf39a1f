"""docs/dl/sequence-models.md의 문장이 말하는 것을 하나씩 확인한다. 노트의 순서를 따른다.

테스트 이름은 문장이 주장하는 내용이고, 독스트링은 그 문장을 옮긴 것이다. 실험이 바뀌어 문장이 틀리게 되면
여기서 실패한다. 라이브러리의 동작을 말하는 문장은 고정한 버전(requirements.txt)의 torch로 확인한다.
"""

from __future__ import annotations

import math
from collections import Counter

import numpy as np
import pytest
import torch
from torch import nn
from torch.nn import functional as F

from snippets.sequence_models import (
    decoding,
    embedding,
    gates,
    gradients,
    markov,
    perplexity,
    rnn,
    seq2seq,
    stacking,
)

CORPUS = "나는 밥을 먹는다. 너는 빵을 먹는다. 나는 물을 마신다."

# ---------------------------------------------------------------------------
# 자기회귀 모델과 마르코프 가정
# ---------------------------------------------------------------------------


def test_bigram_after_neun_splits_between_space_and_da():
    """'는' 다음에 무엇이 올지 물었더니 공백과 '다'로 확률이 갈렸다."""
    after = markov.fit_bigram(CORPUS)["는"]
    assert set(after) == {" ", "다"}
    assert 0 < after[" "] < 1


def test_each_extra_context_character_multiplies_table_by_vocab_size():
    """문맥이 한 글자 늘 때마다 세어야 할 경우의 수가 어휘 크기만큼 곱해진다."""
    for order in (1, 2, 3):
        assert markov.context_count(2350, order + 1) == 2350 * markov.context_count(2350, order)


# --- 퍼플렉시티


@pytest.mark.parametrize("vocab", [2, 10, 2350])
def test_uniform_model_perplexity_equals_vocab_size(vocab):
    """어휘 V개에 모두 같은 확률 1/V을 주는 모델의 퍼플렉시티는 정확히 V이고"""
    targets = torch.randint(0, vocab, (50,), generator=torch.Generator().manual_seed(0))
    assert perplexity.perplexity(torch.zeros(50, vocab), targets) == pytest.approx(vocab)


def test_model_certain_of_the_answer_has_perplexity_one():
    """정답에 늘 확률 1을 주는 모델은 1이다."""
    targets = torch.tensor([0, 3, 2, 2])
    logits = torch.full((4, 5), -1e4).scatter(1, targets[:, None], 0.0)
    assert perplexity.perplexity(logits, targets) == pytest.approx(1.0)


def test_cross_entropy_is_mean_natural_log_loss_per_token():
    """파이토치의 `F.cross_entropy`가 자연로그로 잰 토큰당 평균 손실이므로 그 지수를 취하면 된다."""
    g = torch.Generator().manual_seed(0)
    logits, targets = torch.randn(7, 5, generator=g), torch.randint(0, 5, (7,), generator=g)
    nll = -logits.log_softmax(-1)[torch.arange(7), targets]
    assert F.cross_entropy(logits, targets).item() == pytest.approx(nll.mean().item())
    assert perplexity.perplexity(logits, targets) == pytest.approx(math.exp(nll.mean().item()))


def test_bigram_perplexity_on_training_text_is_far_below_character_count():
    """학습한 문장에서는 퍼플렉시티가 글자 종류 수보다 훨씬 작다."""
    ppl = perplexity.bigram_perplexity(markov.fit_bigram(CORPUS), CORPUS)
    assert 1 < ppl < len(set(CORPUS)) / 4


def test_unseen_character_pair_makes_bigram_perplexity_infinite():
    """표에 없는 글자 쌍이 하나라도 나오면 그 확률이 0이라 퍼플렉시티가 무한대가 된다."""
    model = markov.fit_bigram(CORPUS)
    assert "은" not in model["밥"]
    assert perplexity.bigram_perplexity(model, "나는 밥은 먹는다.") == math.inf


# ---------------------------------------------------------------------------
# 순환 신경망(RNN)
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("seed", [0, 1])
def test_nn_rnn_equals_the_formula_with_its_two_biases_added(seed):
    """파이토치의 `nn.RNN`에서 가중치를 꺼내 위 함수에 그대로 넣으면 같은 값이 나와야 한다. 파이토치는 편향을
    `bias_ih`와 `bias_hh` 두 벌로 나눠 두는데, 식에서는 더해서 쓰이므로 하나로 합쳐 넘긴다."""
    same, diff = rnn.compare_with_torch(seed)
    assert same and diff < 1e-6
    layer = nn.RNN(3, 5)
    assert {name for name, _ in layer.named_parameters()} == {
        "weight_ih_l0",
        "weight_hh_l0",
        "bias_ih_l0",
        "bias_hh_l0",
    }


def test_nn_rnn_default_input_is_length_batch_feature():
    """`nn.RNN`의 입력 모양은 기본값이 (길이, 배치, 특성)이다."""
    torch.manual_seed(0)
    layer = nn.RNN(3, 4)
    assert layer.batch_first is False
    x = torch.randn(6, 2, 3)
    changed = x.clone()
    changed[4] += 1.0  # 첫 축의 4번째를 바꾸면 그 앞 시점의 출력은 그대로다: 첫 축이 시간이다
    with torch.no_grad():
        a, _ = layer(x)
        b, _ = layer(changed)
    torch.testing.assert_close(a[:4], b[:4])
    assert not torch.allclose(a[4:], b[4:])


def test_nn_rnn_returns_every_state_and_the_last_state_per_layer_and_direction():
    """돌려주는 값은 두 개다. 첫째는 모든 시점의 은닉 상태를 쌓은 출력이고, 둘째는 마지막 시점의 은닉 상태(층과
    방향마다 하나)다."""
    torch.manual_seed(0)
    layer = nn.RNN(3, 4, num_layers=2)
    out, h_n = layer(torch.randn(6, 2, 3))
    assert out.shape == (6, 2, 4) and h_n.shape == (2, 2, 4)
    torch.testing.assert_close(out[-1], h_n[-1])
    both = nn.RNN(3, 4, num_layers=2, bidirectional=True)
    out, h_n = both(torch.randn(6, 2, 3))
    assert out.shape == (6, 2, 8) and h_n.shape == (2 * 2, 2, 4)


# --- 임베딩 층


def test_embedding_lookup_equals_one_hot_times_weight():
    """원-핫 벡터에 이 행렬을 곱한 것과 값이 같지만, 곱셈 없이 행을 꺼내기만 하므로 훨씬 싸다."""
    torch.manual_seed(0)
    embed = nn.Embedding(7, 3)
    ids = torch.tensor([[0, 6, 2], [2, 2, 5]])
    torch.testing.assert_close(embed(ids), F.one_hot(ids, 7).float() @ embed.weight)
    torch.testing.assert_close(embed(ids), embed.weight[ids])


def _embedding_rows_moved_by_second_step(optimizer_cls, **kwargs) -> list[bool]:
    """토큰 {0, 1}로 한 단계, 토큰 {1}만으로 한 단계를 간 뒤, 둘째 단계에서 행마다 값이 바뀌었는가."""
    torch.manual_seed(0)
    embed = nn.Embedding(3, 2)
    opt = optimizer_cls(embed.parameters(), **kwargs)
    for ids in ([0, 1], [1]):
        before = embed.weight.detach().clone()
        opt.zero_grad()
        embed(torch.tensor(ids)).pow(2).sum().backward()
        opt.step()
    return (embed.weight.detach() != before).any(dim=1).tolist()


def test_plain_sgd_moves_only_rows_in_the_batch_but_momentum_and_adam_move_others():
    """모멘텀도 가중치 감쇠도 없는 SGD라면 그 행만 바뀐다. 하지만 모멘텀이나 Adam은 지난 단계의 기울기를 기억해
    두고 쓰므로, 이번 배치에 나오지 않은 낱말의 벡터도 움직인다."""
    assert _embedding_rows_moved_by_second_step(torch.optim.SGD, lr=0.1) == [False, True, False]
    momentum = _embedding_rows_moved_by_second_step(torch.optim.SGD, lr=0.1, momentum=0.9)
    adam = _embedding_rows_moved_by_second_step(torch.optim.Adam, lr=0.1)
    assert (
        momentum == adam == [True, True, False]
    )  # 0번 행: 이번엔 없었지만 지난 단계의 몫으로 움직인다


def test_embedding_gradient_reaches_only_rows_of_tokens_in_the_batch(capsys):
    """마지막 줄이 보여 주듯, 배치에 나온 토큰의 행만 기울기를 받는다."""
    embedding.embedding_is_lookup()
    assert "기울기를 받은 행: [1, 3, 4]" in capsys.readouterr().out
    embed = nn.Embedding(10, 4)
    embed(torch.tensor([7, 2, 7])).sum().backward()
    touched = embed.weight.grad.abs().sum(1) > 0
    assert touched.nonzero().flatten().tolist() == [2, 7]


# ---------------------------------------------------------------------------
# 시간을 거스르는 역전파와 기울기 소실
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("scale", [0.9, 1.1])
def test_linear_recurrence_gradient_is_exact_power_of_scale(scale):
    """배율이 0.9면 한 칸 거슬러 갈 때마다 기울기가 0.9배, 1.1이면 1.1배가 된다."""
    ratios = gradients.gradient_norms("linear", scale, steps=30)
    for k, r in enumerate(reversed(ratios)):
        assert r == pytest.approx(scale**k, rel=1e-9)


def test_sigmoid_derivative_is_at_most_a_quarter_and_tanh_reaches_one_only_at_zero():
    """시그모이드(sigmoid)의 도함수는 아무리 커도 1/4이고, tanh는 0에서만 1이며 나머지에서는 1보다 작다."""
    assert gradients.max_derivative("sigmoid") == pytest.approx(0.25)
    a = torch.linspace(-3, 3, 601, dtype=torch.float64, requires_grad=True)
    torch.tanh(a).sum().backward()
    assert a.grad.max().item() == pytest.approx(1.0)
    assert (a.grad[a.detach().abs() > 1e-3] < 1).all()


def test_relu_derivative_is_one_on_positive_side_and_zero_on_negative_side():
    """렐루(ReLU)는 양수 쪽에서 도함수가 정확히 1이고 음수 쪽에서는 0이다."""
    a = torch.tensor([-2.0, -0.1, 0.1, 3.0], requires_grad=True)
    torch.relu(a).sum().backward()
    assert a.grad.tolist() == [0.0, 0.0, 1.0, 1.0]


@pytest.fixture(scope="module")
def first_ratio():
    """활성화 함수 표: 50시점짜리 시퀀스에서 49시점을 거슬러 첫 은닉 상태에 도착한 기울기의 비율."""
    return {
        (name, s): gradients.gradient_norms(name, s)[0]
        for name in gradients.ACTIVATIONS
        for s in (0.5, 1.0, 2.0, 4.0)
    }


def test_norm_preserving_w_keeps_linear_gradient_but_all_activations_lose_it(first_ratio):
    """크기를 지키는 행렬(W×1.0): 선형 순환에서는 기울기가 그대로 전해진다. 그런데 활성화 함수를 넣으면 셋 다
    사라진다. tanh와 렐루도 줄지만, 시그모이드는 한 칸마다 최소 4배씩 줄어 가장 빠르게 사라진다."""
    assert first_ratio[("linear", 1.0)] == pytest.approx(1.0)
    for name in ("tanh", "sigmoid", "relu"):
        assert first_ratio[(name, 1.0)] < 1e-6
    assert first_ratio[("sigmoid", 1.0)] <= 0.25**49
    assert first_ratio[("sigmoid", 1.0)] < min(
        first_ratio[("tanh", 1.0)], first_ratio[("relu", 1.0)]
    )


def test_relu_explodes_with_large_w(first_ratio):
    """큰 행렬(W×2.0, W×4.0): 짓누르지 않는 렐루는 폭발한다."""
    assert first_ratio[("relu", 2.0)] > 1e6
    assert first_ratio[("relu", 4.0)] > 1e18


def test_relu_does_not_raise_w_scale_to_the_full_power(first_ratio):
    """다만 배율을 그대로 거듭제곱하지는 않는다."""
    for s in (2.0, 4.0):
        assert first_ratio[("relu", s)] < 1e-3 * s**49
        assert first_ratio[("linear", s)] == pytest.approx(s**49, rel=1e-9)


def test_tanh_roughly_cancels_w_times_two_but_explodes_at_four(first_ratio):
    """tanh는 W×2.0에서는 포화가 배율을 거의 상쇄하지만, W×4.0에서는 역시 폭발한다."""
    assert 1e-2 < first_ratio[("tanh", 2.0)] < 1e2
    assert first_ratio[("tanh", 4.0)] > 1e6


def test_sigmoid_still_vanishes_at_four_times_w(first_ratio):
    """시그모이드는 W×4.0에서도 여전히 사라진다."""
    assert first_ratio[("sigmoid", 4.0)] < 1e-6


@pytest.mark.parametrize("scale", [0.5, 1.0, 2.0, 4.0])
def test_relu_gradient_grows_by_about_scale_over_sqrt2_per_step(scale):
    """렐루가 한 시점에 기울기를 몇 배로 바꾸는지 표의 렐루 줄에서 거꾸로 계산해 보면, 어느 배율에서나 배율을
    √2로 나눈 값에 가깝다."""
    per_step = gradients.growth_per_step("relu", scale)
    assert per_step == pytest.approx(scale / math.sqrt(2), rel=0.05)
    # √2가 아니라 배율 그대로였다면 5% 안에 들 수 없다.
    assert abs(per_step - scale) > 0.2 * scale


def test_relu_switches_off_about_half_the_units_in_the_recurrence():
    """대칭인 입력을 받은 렐루는 유닛의 절반쯤을 끈다."""
    g = torch.Generator().manual_seed(0)
    W = gradients.scaled_orthogonal(64, 2.0, g)
    x = torch.randn(50, 64, generator=g, dtype=torch.float64)
    h = torch.zeros(64, dtype=torch.float64)
    off = []
    for t in range(50):
        a = x[t] + W @ h
        off.append((a <= 0).double().mean().item())
        h = torch.relu(a)
    assert np.mean(off) == pytest.approx(0.5, abs=0.05)


def test_relu_gradient_vanishes_even_with_norm_preserving_w(first_ratio):
    """그래서 크기를 지키는 W×1.0에서도 렐루의 기울기는 사라진다."""
    assert first_ratio[("relu", 1.0)] < (1 / math.sqrt(2)) ** 40


def test_clip_grad_norm_shrinks_length_keeps_direction_and_returns_old_norm(capsys):
    """기울기 전체의 노름이 정해 둔 값을 넘으면, 방향은 그대로 두고 길이만 줄인다."""
    gradients.clip_demo()
    assert capsys.readouterr().out.splitlines() == [
        "자르기 전 노름 50.0",
        "clip_grad_norm_이 돌려준 값 50.0",
        "자른 뒤 노름 1.0",
        "방향 유지: True",
    ]
    p = nn.Parameter(torch.zeros(3))
    p.grad = torch.tensor([3.0, 4.0, 12.0])
    total = nn.utils.clip_grad_norm_([p], max_norm=1.0)
    assert total.item() == pytest.approx(13.0)
    torch.testing.assert_close(p.grad, torch.tensor([3.0, 4.0, 12.0]) / 13)


def test_clipping_only_shrinks_and_never_enlarges_a_small_gradient():
    """자르기는 기울기를 줄이기만 하고 키우지는 않는다."""
    p = nn.Parameter(torch.zeros(3))
    p.grad = torch.tensor([1e-8, -2e-8, 3e-9])
    before = p.grad.clone()
    nn.utils.clip_grad_norm_([p], max_norm=1.0)
    assert torch.equal(p.grad, before)


def test_far_contribution_is_buried_and_clipping_keeps_its_share(first_ratio):
    """기울기는 여러 거리에서 온 몫의 합이라, 먼 과거에서 온 몫은 가까운 몫에 묻힌다. 전체를 키워도 두 몫이 같은
    배율로 커질 뿐 먼 몫의 비중은 그대로다."""
    assert first_ratio[("tanh", 1.0)] < 1e-6  # 49시점 먼 몫은 가까운 몫의 백만분의 일도 안 된다
    near, far = torch.tensor([3.0, 0.0]), torch.tensor([0.0, 3e-7])
    p = nn.Parameter(torch.zeros(2))
    p.grad = near + far
    nn.utils.clip_grad_norm_([p], max_norm=0.5)  # 전체 길이만 바꾼다
    assert (p.grad[1] / p.grad[0]).item() == pytest.approx((far[1] / near[0]).item(), rel=1e-6)


# ---------------------------------------------------------------------------
# LSTM
# ---------------------------------------------------------------------------


def test_lstm_has_four_weight_blocks_and_the_output_tanh_has_no_weights():
    """LSTM에는 가중치 묶음이 넷이다. 시그모이드 게이트 셋과 tanh 후보 하나다. 셀 상태를 내보낼 때 tanh를 한 번 더
    쓰지만(아래 식의 마지막 줄), 거기에는 가중치가 없다."""
    layer = nn.LSTM(3, 5)
    assert layer.weight_ih_l0.shape == (4 * 5, 3)
    assert layer.weight_hh_l0.shape == (4 * 5, 5)
    # 식 그대로의 셀(h = o ⊙ tanh(c), 가중치 없는 tanh)이 nn.LSTM과 같다.
    assert gates.compare_gated("lstm", seed=3)


def test_pytorch_draws_every_recurrent_parameter_from_uniform_one_over_sqrt_h():
    """파이토치는 모든 가중치와 편향을 U(-1/√H, 1/√H)에서 뽑으므로"""
    torch.manual_seed(0)
    H = 64
    for cls in (nn.RNN, nn.LSTM, nn.GRU):
        values = torch.cat([p.flatten() for p in cls(16, H).parameters()])
        bound = 1 / math.sqrt(H)
        assert values.abs().max() <= bound
        assert values.abs().max() > 0.98 * bound  # 구간 끝까지 고르게 퍼져 있다
        assert values.std().item() == pytest.approx(bound / math.sqrt(3), rel=0.05)


def test_default_forget_gate_starts_about_half_open():
    """학습을 시작할 때 망각 게이트의 입력은 0 근처이고 f ≈ σ(0) = 0.5다."""
    torch.manual_seed(0)
    H = 64
    layer = nn.LSTM(16, H)
    x, h = torch.randn(200, 16), torch.randn(200, H) * 0.5
    with torch.no_grad():
        gates_in = x @ layer.weight_ih_l0.T + layer.bias_ih_l0 + h @ layer.weight_hh_l0.T
        f = torch.sigmoid(gates_in + layer.bias_hh_l0)[:, H : 2 * H]
    assert f.mean().item() == pytest.approx(0.5, abs=0.03)


@pytest.fixture(scope="module")
def reach_100_steps():
    """100시점짜리 시퀀스의 첫 입력(99시점 앞)까지 살아남는 기울기의 비율(gated_table의 값)."""
    cases = {"rnn": ("rnn", None), "gru": ("gru", None), "lstm": ("lstm", None)}
    cases |= {"lstm_b1": ("lstm", 1.0), "lstm_b3": ("lstm", 3.0)}
    return {
        name: gradients.input_gradient_norms(kind, forget_bias=fb)
        for name, (kind, fb) in cases.items()
    }


def test_default_lstm_like_rnn_and_gru_sends_almost_no_gradient_100_steps_back(reach_100_steps):
    """기본 초깃값의 LSTM은 RNN이나 GRU와 마찬가지로 99시점 앞의 입력에 기울기를 거의 보내지 못한다."""
    for name in ("rnn", "gru", "lstm"):
        assert reach_100_steps[name][0] < 1e-15


def test_forget_bias_one_helps_a_lot(reach_100_steps):
    """망각 게이트의 편향 b_f를 1로 두면 크게 나아지고"""
    assert reach_100_steps["lstm_b1"][0] > 1e6 * reach_100_steps["lstm"][0]


def test_forget_bias_three_keeps_gradient_at_the_same_order_of_magnitude_over_100_steps(
    reach_100_steps,
):
    """3으로 두어 게이트를 거의 열어 두면 기울기가 99시점을 건너도 같은 자릿수로 남는다."""
    assert 0.1 < reach_100_steps["lstm_b3"][0] < 10


def test_input_gradient_ratio_is_measured_against_the_last_input():
    """100시점짜리 시퀀스의 마지막 출력에서 기울기를 내려보내, 첫 입력(99시점 앞)에 닿는 기울기를 마지막 입력에
    닿는 기울기에 견주어 보자."""
    ratios = gradients.input_gradient_norms("lstm", forget_bias=3.0)
    assert len(ratios) == 100 and ratios[-1] == 1.0


@pytest.fixture(scope="module")
def open_gates():
    return gradients.forget_gates(100, 3.0)


def test_forget_gates_built_by_hand_match_the_layer_used_for_the_table():
    """같은 층과 입력으로 망각 게이트 값을 시점마다 꺼내"""
    torch.manual_seed(0)
    layer = nn.LSTM(16, 64).double()
    gradients.open_forget_gate(layer, 3.0)
    x = torch.randn(100, 1, 16, dtype=torch.float64)
    weights = (layer.weight_ih_l0, layer.weight_hh_l0, layer.bias_ih_l0, layer.bias_hh_l0)
    h = c = torch.zeros(1, 64, dtype=torch.float64)
    with torch.no_grad():
        expected, _ = layer(x)
        for t in range(100):
            h, c = gates.lstm_cell(x[t], h, c, *weights)
    torch.testing.assert_close(h, expected[-1])  # 같은 층, 같은 입력이다
    assert gradients.forget_gates(100, 3.0).shape == (100, 64)


def test_open_forget_gates_keep_only_a_sliver_through_the_cell_path_alone(open_gates):
    """게이트가 평균 1에 가깝게 열려 있어도(첫 줄) 99번 곱하면 셀 통로만으로는 거의 남지 않는다(셋째 줄).
    σ(3)^99(둘째 줄)와 같은 자릿수다."""
    assert open_gates.mean().item() > 0.9
    cell_only = open_gates[1:].prod(dim=0).mean().item()
    assert cell_only < 0.05
    sigma_power = torch.sigmoid(torch.tensor(3.0, dtype=torch.float64)).item() ** 99
    assert 0.1 < cell_only / sigma_power < 10


def test_measured_gradient_far_exceeds_what_the_cell_path_alone_carries(
    open_gates, reach_100_steps
):
    """실제로 첫 입력에 닿은 기울기가 그보다 훨씬 큰 것은, 은닉 상태를 거쳐 게이트와 후보로 들어가는 길이
    더해지기 때문이다."""
    cell_only = open_gates[1:].prod(dim=0).mean().item()
    assert reach_100_steps["lstm_b3"][0] > 10 * cell_only


def test_cell_path_table_prints_the_numbers_the_text_reads(capsys, open_gates):
    """(cell_path_table의 줄 순서: 게이트 평균, σ(3)^99, 셀 통로만, 실측)"""
    gradients.cell_path_table()
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("망각 게이트의 평균") and lines[1].startswith("σ(3)^99")
    assert lines[2].startswith("셀 통로만") and lines[3].startswith("첫 입력에 실제로")
    assert float(lines[0].split(": ")[1]) == pytest.approx(open_gates.mean().item(), abs=5e-4)


def test_forget_gate_bias_is_the_sum_of_bias_ih_and_bias_hh():
    """게이트에 실제로 더해지는 것은 둘의 합이다. 한쪽만 바꾸면 다른 쪽은 U(-1/√H, 1/√H)에서 뽑힌 값 그대로
    더해진다."""
    torch.manual_seed(0)
    H = 8
    a, b = nn.LSTM(3, H), nn.LSTM(3, H)
    b.load_state_dict(a.state_dict())
    with torch.no_grad():
        total = a.bias_ih_l0[H : 2 * H] + a.bias_hh_l0[H : 2 * H]
        b.bias_ih_l0[H : 2 * H] = total  # 합은 같게, 나누는 방법만 다르게
        b.bias_hh_l0[H : 2 * H] = 0.0
        x = torch.randn(5, 2, 3)
        torch.testing.assert_close(a(x)[0], b(x)[0])
        # 한쪽만 3으로 바꾸면 합은 3이 아니다.
        a.bias_ih_l0[H : 2 * H] = 3.0
        assert not torch.allclose(
            a.bias_ih_l0[H : 2 * H] + a.bias_hh_l0[H : 2 * H], torch.full((H,), 3.0)
        )


def test_snippet_sets_bias_ih_and_zeroes_bias_hh_so_the_sum_is_exact():
    """그래서 위 코드는 `bias_ih_l0[H:2H]`에 원하는 값을 넣고 `bias_hh_l0[H:2H]`는 0으로 만든다."""
    H = 16
    layer = nn.LSTM(4, H)
    gradients.open_forget_gate(layer, 3.0)
    torch.testing.assert_close(layer.bias_hh_l0[H : 2 * H], torch.zeros(H))
    torch.testing.assert_close(
        layer.bias_ih_l0[H : 2 * H] + layer.bias_hh_l0[H : 2 * H], torch.full((H,), 3.0)
    )


# ---------------------------------------------------------------------------
# GRU
# ---------------------------------------------------------------------------


def test_gru_keeps_z_of_the_old_state_and_takes_the_rest_from_the_candidate():
    """지난 것을 z_t만큼 남기면 새것은 나머지 1 - z_t만큼 들어온다. 두 몫의 합은 늘 1이다."""
    torch.manual_seed(0)
    layer = nn.GRU(3, 4)
    x, h = torch.randn(1, 2, 3), torch.randn(2, 4)
    W_ih, W_hh, b_ih, b_hh = (
        layer.weight_ih_l0,
        layer.weight_hh_l0,
        layer.bias_ih_l0,
        layer.bias_hh_l0,
    )
    with torch.no_grad():
        out = layer(x, h[None])[0][0]
        xr, xz, xn = (x[0] @ W_ih.T + b_ih).chunk(3, -1)
        hr, hz, hn = (h @ W_hh.T + b_hh).chunk(3, -1)
        z = (xz + hz).sigmoid()
        n = (xn + (xr + hr).sigmoid() * hn).tanh()
    # 출력은 h와 n 사이의 점이고, h 쪽 몫이 z, n 쪽 몫이 1 - z다.
    torch.testing.assert_close(out, z * h + (1 - z) * n)
    assert 0.2 < z.mean().item() < 0.8  # 한쪽에 붙지 않은 셀에서 확인했다


def test_nn_gru_with_update_gate_one_copies_previous_state():
    """z_t가 1이면 h_t = h_{t-1}로 상태가 그대로 복사되어"""
    H = 4
    layer = nn.GRU(3, H)
    with torch.no_grad():
        layer.bias_ih_l0[H : 2 * H] = 50.0  # z 블록: σ(50) = 1
    h0 = torch.randn(1, 2, H)
    out, _ = layer(torch.randn(5, 2, 3), h0)
    torch.testing.assert_close(out, h0.expand(5, 2, H))


def test_pytorch_gru_applies_reset_after_the_matrix_product():
    """파이토치는 cuDNN을 따라 행렬 곱 뒤에 r_t ⊙ (W h_{t-1} + b)로 적용한다."""
    assert gates.compare_gated("gru", seed=4)
    torch.manual_seed(4)
    layer = nn.GRU(3, 4)
    x, h = torch.randn(2, 3), torch.randn(2, 4)
    W_ih, W_hh, b_ih, b_hh = (
        layer.weight_ih_l0,
        layer.weight_hh_l0,
        layer.bias_ih_l0,
        layer.bias_hh_l0,
    )
    with torch.no_grad():
        expected = layer(x[None], h[None])[0][0]
        xr, xz, xn = (x @ W_ih.T + b_ih).chunk(3, -1)
        hr, hz, _ = (h @ W_hh.T + b_hh).chunk(3, -1)
        r, z = (xr + hr).sigmoid(), (xz + hz).sigmoid()
        W_hn, b_hn = W_hh[8:], b_hh[8:]
        n_before = (xn + (r * h) @ W_hn.T + b_hn).tanh()  # 원 논문: 곱하기 전에 r
        before = (1 - z) * n_before + z * h
    assert not torch.allclose(before, expected, atol=1e-4)


# ---------------------------------------------------------------------------
# 층 쌓기와 양방향 RNN
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_two_layer_rnn_equals_two_chained_single_layer_rnns(seed):
    """`num_layers=2`를 주면 된다. 이것이 정말 한 층짜리 RNN 둘을 이은 것과 같은지, 가중치를 옮겨 확인하자."""
    assert stacking.stacked_is_chained(seed)


def test_rnn_dropout_is_not_applied_to_the_top_layer_output():
    """`dropout=`을 주면 층과 층 사이에 드롭아웃이 들어가는데, 맨 위층의 출력에는 들어가지 않는다."""
    torch.manual_seed(0)
    x = torch.randn(5, 2, 3)
    with pytest.warns(UserWarning, match="dropout"):
        single = nn.RNN(3, 4, num_layers=1, dropout=0.5)
    torch.testing.assert_close(single.train()(x)[0], single.eval()(x)[0])
    double = nn.RNN(3, 4, num_layers=2, dropout=0.5)
    assert not torch.allclose(double.train()(x)[0], double.eval()(x)[0])


@pytest.fixture(scope="module")
def who_sees():
    torch.manual_seed(0)
    x = torch.randn(5, 1, 3)
    forward, backward, bi = nn.RNN(3, 4), nn.RNN(3, 4), nn.RNN(3, 4, bidirectional=True)

    def reversed_only(inp):
        out, h = backward(inp.flip(0))
        return out.flip(0), h

    models = {"forward": forward, "reversed": reversed_only, "bidirectional": bi}
    return {
        name: [s for s in range(5) if stacking.sees(model, x, 2, s)]
        for name, model in models.items()
    }


def test_forward_rnn_output_at_t_sees_only_up_to_t(who_sees):
    """정방향 RNN의 시점 t 출력은 x_1, …, x_t만 보았다."""
    assert who_sees["forward"] == [0, 1, 2]


def test_reading_reversed_sees_only_from_t_to_the_end(who_sees):
    """뒤집어 읽은 RNN의 출력을 원래 시점에 맞춰 놓으면, 시점 t의 출력은 이번에는 x_t, …, x_T만 본다."""
    assert who_sees["reversed"] == [2, 3, 4]


def test_bidirectional_output_at_t_sees_the_whole_sequence(who_sees):
    """그러면 시점 t의 표현이 문장 전체를 본다."""
    assert who_sees["bidirectional"] == [0, 1, 2, 3, 4]


def test_backward_half_equals_separate_rnn_on_reversed_input_flipped_back(capsys):
    """역방향 절반은 뒤집은 입력을 별도의 RNN에 넣고, 나온 출력을 다시 뒤집어 시점을 맞춘 것과 같다. 다시 뒤집지
    않으면 맞지 않는다."""
    stacking.bidirectional_halves()
    lines = capsys.readouterr().out.splitlines()
    assert lines[1].endswith("True") and lines[2].endswith("True")
    assert lines[3].endswith("False")


def test_backward_final_state_sits_at_the_first_time_step():
    """`h_n`의 역방향 몫은 `output`의 마지막 시점이 아니라 첫 시점에 있다."""
    torch.manual_seed(1)
    bi = nn.RNN(3, 4, bidirectional=True)
    out, h_n = bi(torch.randn(6, 2, 3))
    torch.testing.assert_close(h_n[1], out[0, :, 4:])
    torch.testing.assert_close(h_n[0], out[-1, :, :4])
    assert not torch.allclose(h_n[1], out[-1, :, 4:])


def test_backward_half_of_last_output_has_read_only_the_last_token():
    """`output[-1]`의 역방향 절반은 마지막 토큰 하나만 읽은 상태다."""
    torch.manual_seed(2)
    bi = nn.RNN(3, 4, bidirectional=True)
    x = torch.randn(6, 1, 3)
    with torch.no_grad():
        full = bi(x)[0][-1, :, 4:]
        alone = bi(x[-1:])[0][-1, :, 4:]  # 마지막 토큰 하나만 넣었을 때
    torch.testing.assert_close(full, alone)


def test_lstm_has_four_times_and_gru_three_times_the_rnn_parameters():
    """같은 크기라면 LSTM은 RNN보다 정확히 네 배, GRU는 세 배의 매개변수를 갖는다."""
    from snippets.sequence_models.params import count_params

    for D, H in [(10, 20), (3, 7)]:
        r = count_params(nn.RNN(D, H))
        assert count_params(nn.LSTM(D, H)) == 4 * r
        assert count_params(nn.GRU(D, H)) == 3 * r


def test_pytorch_has_two_bias_sets_so_the_one_bias_formula_undercounts():
    """파이토치는 블록마다 편향을 두 벌 둔다. 수식대로 H(D+H+1)로 세면 맞지 않는다."""
    from snippets.sequence_models.params import count_params

    D, H = 10, 20
    assert count_params(nn.RNN(D, H)) == H * (D + H + 2) != H * (D + H + 1)


# ---------------------------------------------------------------------------
# 그림: 기울기는 얼마나 멀리 가는가
# ---------------------------------------------------------------------------


def test_default_gated_cells_fall_in_a_straight_line_only_slower_than_rnn(reach_100_steps):
    """기본 초깃값의 LSTM과 GRU는 RNN보다 조금 느리게 줄어들 뿐 곧게 떨어진다."""
    for name in ("gru", "lstm"):
        assert reach_100_steps[name][0] > reach_100_steps["rnn"][0]
        logs = np.log10(reach_100_steps[name])
        steps = np.arange(len(logs))
        r = np.corrcoef(steps, logs)[0, 1]
        assert r > 0.98  # 로그 눈금에서 곧은 선: 지수적으로 준다


def test_only_lstm_with_open_forget_gate_draws_a_nearly_flat_line(reach_100_steps):
    """망각 게이트를 열어 둔 LSTM만 수평에 가까운 선을 그린다."""
    assert min(reach_100_steps["lstm_b3"]) > 0.1
    for name in ("rnn", "gru", "lstm", "lstm_b1"):
        assert min(reach_100_steps[name]) < 1e-6


# ---------------------------------------------------------------------------
# 인코더-디코더
# ---------------------------------------------------------------------------


def test_context_vector_has_the_same_size_for_any_input_length():
    """인코더가 디코더에 넘기는 것은 크기 H인 벡터 하나다. 입력이 다섯 글자든 쉰 글자든 같다."""
    torch.manual_seed(0)
    model = seq2seq.Seq2Seq(hidden=16, attention=False)
    for length in (5, 50, 500):
        states, context = model.encoder(torch.randint(0, 10, (2, length)))
        assert states.shape == (2, length, 16) and context.shape == (2, 16)


def test_teacher_forced_rnn_decoder_still_runs_one_step_per_position(monkeypatch):
    """아래 `Seq2Seq.forward`도 `tgt`를 받든 받지 않든 시점마다 한 번씩 돈다."""
    torch.manual_seed(0)
    model = seq2seq.Seq2Seq(hidden=8, attention=True)
    calls = []
    step = model.decoder.step
    monkeypatch.setattr(model.decoder, "step", lambda *a: calls.append(1) or step(*a))
    model(torch.randint(0, 10, (2, 4)), tgt=torch.randint(0, 10, (2, 6)))
    assert len(calls) == 6
    model(torch.randint(0, 10, (2, 4)), length=3)
    assert len(calls) == 6 + 3


def test_teacher_forced_decoder_state_at_t_depends_on_the_state_at_t_minus_1():
    """넣을 토큰은 미리 다 알지만, 시점 t의 상태가 시점 t-1의 상태에서 나오기 때문이다."""
    torch.manual_seed(0)
    model = seq2seq.Seq2Seq(hidden=8, attention=False)
    src, tgt = torch.randint(0, 10, (1, 4)), torch.tensor([[1, 2, 3, 4, 5]])
    changed = tgt.clone()
    changed[0, 0] = 9  # 0번째 입력만 바꾼다: 시점 2부터는 입력 토큰이 같다
    with torch.no_grad():
        a, _ = model(src, tgt=tgt)
        b, _ = model(src, tgt=changed)
    torch.testing.assert_close(a[:, :1], b[:, :1])  # 시점 0은 tgt를 아직 보지 않았다
    assert not torch.allclose(a[:, 4], b[:, 4])  # 같은 입력 토큰인데도 앞 상태를 거쳐 달라진다


def test_plain_teacher_forced_decoder_equals_one_nn_gru_call_over_the_known_inputs():
    """어텐션이 없는 디코더라면 넣을 토큰을 한꺼번에 `nn.GRU`에 넘겨 호출을 한 번으로 줄일 수는 있다."""
    torch.manual_seed(0)
    H = 8
    model = seq2seq.Seq2Seq(hidden=H, attention=False)
    src, tgt = torch.randint(0, 10, (3, 5)), torch.randint(0, 10, (3, 6))
    gru = nn.GRU(H, H, batch_first=True)
    with torch.no_grad():
        for name in ("weight_ih", "weight_hh", "bias_ih", "bias_hh"):
            getattr(gru, f"{name}_l0").copy_(getattr(model.decoder.cell, name))
        expected, _ = model(src, tgt=tgt)
        _, context = model.encoder(src)
        inputs = torch.cat([torch.full((3, 1), seq2seq.BOS), tgt[:, :-1]], dim=1)  # 한 칸 민 정답
        states, _ = gru(model.decoder.embed(inputs), context[None])
        torch.testing.assert_close(model.decoder.out(states), expected)


def test_decoder_feeds_the_context_to_both_the_cell_and_the_output_layer():
    """앞의 `Decoder.step`은 두 곳에 이어 붙인다. GRU 셀의 입력에서는 앞 토큰의 임베딩 옆에, 출력층의 입력에서는
    새 상태 옆에 붙인다."""
    H = 8
    with_attention = seq2seq.Decoder(10, H, attention=True)
    plain = seq2seq.Decoder(10, H, attention=False)
    assert (with_attention.cell.input_size, with_attention.out.in_features) == (2 * H, 2 * H)
    assert (plain.cell.input_size, plain.out.in_features) == (H, H)


def test_transformer_score_is_a_multiplicative_score_with_w_from_wq_and_wk():
    """트랜스포머는 s와 h_j를 각각 W^Q, W^K로 옮긴 뒤 내적하고 √d_k로 나눈다. 두 행렬을 묶어
    W = W^Q⊤ W^K / √d_k로 두면 곱셈 어텐션과 같은 점수가 된다."""
    g = torch.Generator().manual_seed(0)
    d_model, d_k = 8, 4
    W_q, W_k = torch.randn(d_k, d_model, generator=g), torch.randn(d_k, d_model, generator=g)
    s, h = torch.randn(d_model, generator=g), torch.randn(6, d_model, generator=g)
    scaled_dot = (h @ W_k.T) @ (W_q @ s) / math.sqrt(d_k)
    W = W_q.T @ W_k / math.sqrt(d_k)
    torch.testing.assert_close(scaled_dot, h @ W.T @ s)
    assert torch.linalg.matrix_rank(W).item() == d_k  # W를 빼지 않았다: 낮은 계수의 W가 들어 있다
    assert not torch.allclose(scaled_dot, h @ s)  # 그냥 내적(Luong의 dot)과는 다르다


def test_attention_weights_are_a_distribution_over_input_positions():
    """출력 위치마다 입력 위치 위의 분포가 하나씩 나온다."""
    torch.manual_seed(0)
    model = seq2seq.Seq2Seq(hidden=16, attention=True)
    _, weights = model(torch.randint(0, 10, (3, 7)), length=5)
    assert weights.shape == (3, 5, 7) and (weights >= 0).all()
    torch.testing.assert_close(weights.sum(-1), torch.ones(3, 5))


# --- 베끼기 과제. 그림 스크립트와 같은 함수, 같은 시드로 한 번만 학습한다.


@pytest.fixture(scope="module")
def copy_task():
    return seq2seq.bottleneck_experiment()


def mean(xs):
    return sum(xs) / len(xs)


def test_first_output_position_is_the_easiest_without_attention(copy_task):
    """어텐션이 없는 모델은 첫 자리를 가장 잘 맞히고"""
    plain = copy_task["plain"]
    assert plain[0] > max(plain[1:]) + 0.1


def test_accuracy_without_attention_falls_toward_the_back(copy_task):
    """뒤로 갈수록 정확도가 떨어진다."""
    plain = copy_task["plain"]
    assert mean(plain[4:]) < mean(plain[:4]) - 0.2
    assert plain[0] > plain[-1] + 0.3


def test_feeding_true_previous_digits_raises_the_later_positions(copy_task):
    """평가 때도 정답을 넣어 주면(표의 둘째 줄) 뒤쪽 자리의 정확도가 크게 오른다."""
    plain, forced = copy_task["plain"], copy_task["plain_forced"]
    assert mean(forced[4:]) > mean(plain[4:]) + 0.15
    assert all(f >= p for f, p in zip(forced, plain, strict=True))


def test_no_position_matches_the_first_even_with_true_previous_digits(copy_task):
    """그래도 첫 자리만큼 맞히는 자리는 없다."""
    forced = copy_task["plain_forced"]
    assert forced[0] > max(forced[1:])


def test_last_position_rises_again_with_true_previous_digits(copy_task):
    """둘째 줄에서 마지막 자리가 다시 오르는 것은"""
    forced = copy_task["plain_forced"]
    assert forced[-1] > forced[-2] + 0.05


def test_how_long_ago_an_input_was_read_is_not_the_main_cause_but_matters(copy_task):
    """그러니 가장 큰 원인은 '오래전에 읽은 입력'이 아니다(영향이 없지는 않다는 것을 표의 셋째 줄이 보여 준다)."""
    plain, rev = copy_task["plain"], copy_task["plain_reversed"]
    assert plain[0] == max(plain)  # 가장 오래전에 읽은 입력이 필요한 첫 자리가 가장 쉽다
    assert rev[0] > plain[0]  # 그래도 최근에 읽게 하면 더 쉬워진다


def test_reversing_the_input_makes_the_first_position_easier(copy_task):
    """입력을 뒤집으면(셋째 줄) … 첫 자리가 더 쉬워진다."""
    assert copy_task["plain_reversed"][0] > copy_task["plain"][0] + 0.05


def test_reversed_input_still_collapses_at_the_back(copy_task):
    """하지만 뒤쪽 자리는 여전히 무너진다."""
    rev = copy_task["plain_reversed"]
    assert mean(rev[4:]) < 0.6
    assert rev[-1] < rev[0] - 0.4


def test_attention_beats_plain_seq2seq_at_every_position(copy_task):
    """어텐션 모델은 모든 자리에서 어텐션 없는 모델보다 잘 맞히고"""
    attention = copy_task["attention"]
    for variant in ("plain", "plain_forced", "plain_reversed"):
        assert all(a > p for a, p in zip(attention, copy_task[variant], strict=True))


def test_attention_model_gets_almost_every_digit_right(copy_task):
    """거의 다 맞힌다."""
    assert min(copy_task["attention"]) > 0.9


def test_learned_attention_weights_concentrate_on_the_diagonal(copy_task):
    """아무도 "i번째 출력은 i번째 입력을 보라"고 가르치지 않았는데, 무게가 대각선에 몰렸다."""
    alignment = torch.tensor(copy_task["alignment"])
    length = alignment.shape[0]
    peaks = alignment.argmax(-1)
    assert all(abs(int(p) - i) <= 1 for i, p in enumerate(peaks))
    near = sum(alignment[i, max(0, i - 1) : i + 2].sum().item() for i in range(length)) / length
    assert near > 0.7
    example = copy_task["example"]
    assert example["output"] == example["src"]
    example_peaks = [int(torch.tensor(w).argmax()) for w in example["weights"]]
    assert all(abs(p - i) <= 1 for i, p in enumerate(example_peaks))


def test_figure_values_are_the_experiment_accuracies(copy_task):
    """(표) 이 값은 사이트를 빌드할 때 그림과 같은 실행에서 잰 것이다."""
    from snippets.sequence_models.fig_seq2seq_alignment import MODELS, values

    shown = values(copy_task)
    assert set(shown) == {f"{m}_{i}" for m in MODELS for i in range(1, 9)}
    assert shown["plain_1"] == f"{copy_task['plain'][0]:.2f}"


# ---------------------------------------------------------------------------
# 출력을 고르는 법
# ---------------------------------------------------------------------------


def toy_sentence_probability(words_: str) -> float:
    tokens = [decoding.WORDS.index(w) for w in words_.split()]
    prefix, p = (decoding.BOS,), 1.0
    for t in tokens:
        p *= decoding.toy_model(prefix)[t].exp().item()
        prefix += (t,)
    return p


def test_greedy_takes_the_likelier_first_word_and_ends_with_cat_sleeps():
    """탐욕적 디코딩은 첫 낱말에서 확률이 더 큰 '고양이가'를 고르고 '고양이가 잔다'로 끝난다."""
    tokens, _ = decoding.greedy(decoding.toy_model)
    assert decoding.words(tokens) == "고양이가 잔다 <eos>"


def test_beam_of_two_finds_a_more_probable_sentence_than_greedy():
    """빔 크기 2인 빔 탐색은 '강아지가'도 후보로 남겨 두었다가 … 확률이 더 높은 문장을 찾는다."""
    greedy_tokens, greedy_score = decoding.greedy(decoding.toy_model)
    beam_tokens, beam_score = decoding.beam_search(decoding.toy_model, beam=2)
    assert decoding.words(beam_tokens) == "강아지가 짖는다 <eos>"
    assert beam_score > greedy_score
    assert math.exp(beam_score) == pytest.approx(toy_sentence_probability("강아지가 짖는다 <eos>"))


def random_bigram_model(vocab: int, seed: int):
    """무작위 로짓을 가진 바이그램 모델. 0번은 <eos>, 1번은 <bos>(다음 토큰으로는 나오지 않게)."""
    g = torch.Generator().manual_seed(seed)
    table = torch.randn(vocab, vocab, generator=g, dtype=torch.float64) * 2
    table[:, decoding.BOS] = -math.inf
    log_p = table.log_softmax(-1)
    return lambda prefix: log_p[prefix[-1]]


@pytest.mark.parametrize("seed", range(5))
def test_beam_search_with_beam_one_equals_greedy(seed):
    """빔 크기가 1이면 후보가 늘 하나뿐이라 탐욕적 디코딩과 같다."""
    model = random_bigram_model(6, seed)
    g_tokens, g_score = decoding.greedy(model, max_len=6)
    b_tokens, b_score = decoding.beam_search(model, beam=1, max_len=6)
    assert b_tokens == g_tokens
    assert b_score == pytest.approx(g_score)
    assert decoding.beam_search(decoding.toy_model, beam=1) == decoding.greedy(decoding.toy_model)


def test_a_wider_beam_can_still_miss_the_most_probable_sentence():
    """빔을 넓혀도 가장 확률이 높은 문장을 늘 찾는다는 보장은 없다."""
    # 첫 토큰으로 셋째 후보 C를 고르면 곧바로 끝나 0.25, A·B 뒤에는 네 갈래로 흩어져 0.1 이하.
    words_ = ["<eos>", "<bos>", "A", "B", "C", "w", "x", "y", "z"]
    table = {
        "<bos>": {"A": 0.4, "B": 0.35, "C": 0.25},
        "A": {"w": 0.25, "x": 0.25, "y": 0.25, "z": 0.25},
        "B": {"w": 0.25, "x": 0.25, "y": 0.25, "z": 0.25},
        "C": {"<eos>": 1.0},
        **{w: {"<eos>": 1.0} for w in "wxyz"},
    }

    def model(prefix):
        probs = torch.zeros(len(words_), dtype=torch.float64)
        for word, p in table[words_[prefix[-1]]].items():
            probs[words_.index(word)] = p
        return probs.log()

    narrow, narrow_score = decoding.beam_search(model, beam=2)
    wide, wide_score = decoding.beam_search(model, beam=3)
    assert [words_[t] for t in wide] == ["C", "<eos>"]
    assert [words_[t] for t in narrow] != ["C", "<eos>"]
    assert narrow_score < wide_score
    assert (
        narrow_score > decoding.greedy(model)[1] - 1e-12
    )  # 빔 2도 탐욕적 디코딩보다 나쁘지는 않다


@pytest.mark.parametrize("seed", range(5))
def test_top_k_one_sampling_equals_greedy(seed):
    """k = 1이면 탐욕적 디코딩이다."""
    model = random_bigram_model(6, seed)
    g = torch.Generator().manual_seed(seed)
    assert decoding.sample(model, g, max_len=6, top_k=1) == decoding.greedy(model, max_len=6)[0]


def test_low_temperature_approaches_argmax_and_high_temperature_flattens():
    """T < 1이면 분포가 뾰족해지고 T → 0이면 가장 큰 로짓 하나에 확률이 몰려 탐욕적 디코딩이 된다. T > 1이면
    분포가 평평해진다."""
    logits = torch.tensor([2.0, 1.0, 0.5, 0.0, -1.0])
    peaks = [
        decoding.next_token_probs(logits, temperature=t)[0].item() for t in (2.0, 1.0, 0.5, 0.1)
    ]
    assert peaks == sorted(peaks)  # 온도를 낮출수록 가장 큰 토큰의 확률이 커진다
    torch.testing.assert_close(
        decoding.next_token_probs(logits, temperature=1e-3), F.one_hot(torch.tensor(0), 5).float()
    )
    flat = decoding.next_token_probs(logits, temperature=1e3)
    torch.testing.assert_close(flat, torch.full((5,), 0.2), atol=1e-2, rtol=0)


def test_top_k_keeps_only_the_k_most_likely_tokens():
    """top-k: 확률이 큰 k개만 남기고 나머지를 0으로 만든 뒤 합이 1이 되게 다시 나눈다."""
    logits = torch.tensor([0.3, 2.0, -1.0, 1.5, 0.0])
    probs = decoding.next_token_probs(logits, top_k=2)
    assert (probs > 0).nonzero().flatten().tolist() == [1, 3]
    full = logits.softmax(-1)
    torch.testing.assert_close(probs[[1, 3]], full[[1, 3]] / full[[1, 3]].sum())


@pytest.mark.parametrize("seed", range(20))
@pytest.mark.parametrize("p", [0.3, 0.8, 0.95])
def test_top_p_keeps_the_smallest_set_whose_mass_reaches_p(seed, p):
    """top-p: 확률이 큰 것부터 더해 가서, 합이 처음으로 p 이상이 되는 가장 작은 집합만 남긴다."""
    logits = torch.randn(12, generator=torch.Generator().manual_seed(seed)) * 2
    full = logits.softmax(-1)
    kept = decoding.next_token_probs(logits, top_p=p) > 0
    assert full[kept].sum() >= p - 1e-6  # 합이 p 이상
    smallest_kept = full[kept].min()
    assert full[kept].sum() - smallest_kept < p  # 하나라도 빼면 p에 못 미친다
    assert (full[~kept] <= smallest_kept).all()  # 확률이 큰 것부터 남긴다


def test_top_p_kept_set_grows_when_the_distribution_flattens():
    """분포가 뾰족하면 후보가 몇 개 안 되고 평평하면 많아진다."""
    logits = torch.tensor([4.0, 2.0, 1.0, 0.5, 0.0, -0.5, -1.0, -2.0])
    sizes = [
        int((decoding.next_token_probs(logits, temperature=t, top_p=0.9) > 0).sum())
        for t in (0.5, 1.0, 3.0)
    ]
    assert sizes[0] < sizes[1] < sizes[2]


def test_top_p_point_eight_keeps_three_tokens_because_two_fall_short():
    """`top_p`가 0.8일 때 세 토큰이 남은 것은, 확률이 큰 두 토큰만으로는 합이 0.8에 못 미치기 때문이다."""
    logits = torch.tensor([2.0, 1.0, 0.5, 0.0, -1.0])
    full = logits.softmax(-1)
    assert full[:2].sum() < 0.8 <= full[:3].sum()
    assert int((decoding.next_token_probs(logits, top_p=0.8) > 0).sum()) == 3


def test_sampled_sentences_appear_roughly_in_proportion_to_their_probability():
    """`sample`로 천 번 뽑은 문장은 대체로 그 문장의 확률에 비례해 나온다. 가장 그럴듯한 문장이 가장 자주 나오지만,
    다른 문장도 나온다."""
    g = torch.Generator().manual_seed(0)
    decoding.sample(decoding.toy_model, g, top_k=1)  # 독스트링과 같은 순서로 난수를 쓴다
    counts = Counter(decoding.words(decoding.sample(decoding.toy_model, g)) for _ in range(1000))
    for sentence, n in counts.items():
        assert n / 1000 == pytest.approx(toy_sentence_probability(sentence), abs=0.04)
    best, _ = decoding.beam_search(decoding.toy_model, beam=3)
    assert counts.most_common(1)[0][0] == decoding.words(best)
    assert len(counts) > 3


# ---------------------------------------------------------------------------
# 자주 하는 실수
# ---------------------------------------------------------------------------


def test_batch_major_input_runs_without_error_on_the_wrong_axis():
    """마지막 축(특성 크기)만 맞으면 오류 없이 틀린 축으로 돈다."""
    torch.manual_seed(0)
    layer = nn.RNN(3, 4)  # batch_first=False
    batch_major = torch.randn(2, 7, 3)  # (배치 2, 길이 7, 특성 3)로 만든 데이터
    out, _ = layer(batch_major)  # 오류가 나지 않는다
    assert out.shape == (2, 7, 4)  # 길이 2, 배치 7로 읽혔다
    right = nn.RNN(3, 4, batch_first=True)
    right.load_state_dict(layer.state_dict())
    with torch.no_grad():
        assert not torch.allclose(right(batch_major)[0], out)


def test_lstm_returns_top_layer_output_for_every_step_and_last_state_of_every_layer():
    """`nn.LSTM`은 `output, (h_n, c_n)`을 돌려준다. `output`은 맨 위층의 모든 시점, `h_n`은 모든 층의 마지막
    시점이다."""
    torch.manual_seed(0)
    layer = nn.LSTM(3, 4, num_layers=3)
    output, (h_n, c_n) = layer(torch.randn(6, 2, 3))
    assert output.shape == (6, 2, 4) and h_n.shape == c_n.shape == (3, 2, 4)
    torch.testing.assert_close(output[-1], h_n[-1])
    assert not torch.allclose(output[-1], h_n[0])


def test_padding_changes_the_last_state_unless_the_batch_is_packed():
    """짧은 문장의 마지막 상태는 패딩 토큰까지 읽은 뒤의 값이 된다. `pack_padded_sequence`로 묶거나"""
    torch.manual_seed(0)
    layer = nn.GRU(3, 4, batch_first=True)
    short = torch.randn(1, 3, 3)
    padded = torch.cat([short, torch.zeros(1, 2, 3)], dim=1)  # 길이 5로 패딩
    with torch.no_grad():
        _, true_last = layer(short)
        _, padded_last = layer(padded)
        packed = nn.utils.rnn.pack_padded_sequence(padded, torch.tensor([3]), batch_first=True)
        _, packed_last = layer(packed)
    assert not torch.allclose(padded_last, true_last)
    torch.testing.assert_close(packed_last, true_last)


def test_pack_padded_sequence_needs_enforce_sorted_false_for_unsorted_lengths():
    """묶을 때 배치가 길이순(긴 것부터)으로 정렬돼 있지 않으면 `enforce_sorted=False`를 준다. 기본값 `True`에서는
    오류가 난다."""
    padded, lengths = torch.randn(3, 5, 2), torch.tensor([3, 5, 1])
    with pytest.raises(RuntimeError, match="sorted in decreasing order"):
        nn.utils.rnn.pack_padded_sequence(padded, lengths, batch_first=True)
    packed = nn.utils.rnn.pack_padded_sequence(
        padded, lengths, batch_first=True, enforce_sorted=False
    )
    layer = nn.GRU(2, 4, batch_first=True)
    with torch.no_grad():
        _, h_n = layer(packed)
        _, alone = layer(padded[2:3, :1])  # 길이 1인 셋째 샘플만 따로
    torch.testing.assert_close(h_n[0, 2], alone[0, 0])  # 원래 순서대로 돌려준다


def test_clipping_cannot_repair_gradients_that_are_already_inf_or_nan():
    """이미 `inf`나 `nan`이 된 기울기는 자르기로 되살릴 수 없다."""
    for bad in (float("inf"), float("nan")):
        p = nn.Parameter(torch.zeros(3))
        p.grad = torch.tensor([bad, 1.0, 2.0])
        total = nn.utils.clip_grad_norm_([p], max_norm=1.0)
        assert not math.isfinite(total.item())
        assert p.grad.isnan().any()  # 유한한 값으로 돌아오지 않는다


def test_error_if_nonfinite_raises_on_inf_or_nan_gradients():
    """`error_if_nonfinite=True`를 주면 그런 기울기에서 오류를 내어 알려 준다."""
    p = nn.Parameter(torch.zeros(2))
    p.grad = torch.tensor([float("inf"), 1.0])
    with pytest.raises(RuntimeError, match="non-finite"):
        nn.utils.clip_grad_norm_([p], max_norm=1.0, error_if_nonfinite=True)


def test_detach_cuts_backpropagation_between_chunks():
    """조각 사이에서 `h = h.detach()`로 끊는다."""
    torch.manual_seed(0)
    layer = nn.RNN(3, 4)
    first = torch.randn(5, 1, 3, requires_grad=True)
    second = torch.randn(5, 1, 3)
    _, h = layer(first)
    out, _ = layer(second, h.detach())
    out.sum().backward()
    assert first.grad is None  # 앞 조각까지 가지 않았다
    _, h = layer(first)
    out, _ = layer(second, h)
    out.sum().backward()
    assert first.grad is not None and first.grad.abs().sum() > 0


# ---------------------------------------------------------------------------
# 연습 문제 풀이의 문장
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("cls, shared", [(nn.GRU, [0, 1]), (nn.LSTM, [0, 1, 2, 3])])
def test_redundant_bias_pairs_get_the_same_gradient_so_only_their_sum_moves(cls, shared):
    """중복된 편향은 학습을 망치지는 않는다. 두 편향이 받는 기울기가 같아서 합만 움직일 뿐이다."""
    torch.manual_seed(0)
    layer = cls(3, 4)
    layer(torch.randn(5, 2, 3))[0].pow(2).sum().backward()
    for block in shared:
        part = slice(4 * block, 4 * (block + 1))
        torch.testing.assert_close(layer.bias_ih_l0.grad[part], layer.bias_hh_l0.grad[part])
    if cls is nn.GRU:  # n 블록의 b_hn은 리셋 게이트를 거쳐 다른 기울기를 받는다
        assert not torch.allclose(layer.bias_ih_l0.grad[8:], layer.bias_hh_l0.grad[8:])


def test_gradient_figure_draws_only_the_w1_and_w2_columns_of_the_table(monkeypatch):
    """왼쪽은 앞에서 본 표의 W×1.0, W×2.0 두 열을 시점마다 그린 것이고"""
    from snippets.sequence_models import fig_gradient_flow

    monkeypatch.setattr(fig_gradient_flow, "gradient_norms", lambda name, scale, steps: [scale])
    monkeypatch.setattr(
        fig_gradient_flow, "input_gradient_norms", lambda kind, forget_bias=None: [0.0]
    )
    scales = {scale for _, scale in fig_gradient_flow.data()["activation"]}
    assert scales == {1.0, 2.0}

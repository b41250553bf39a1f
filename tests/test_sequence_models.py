"""snippets/sequence_models/의 단위 테스트. 노트의 문장별 확인은 test_sequence_models_claims.py에 있다."""

from __future__ import annotations

import math

import pytest
import torch
from torch import nn

from snippets.sequence_models import gates, gradients, markov, params, rnn, seq2seq

# ---------------------------------------------------------------------------
# 직접 만든 셀 == PyTorch
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_scratch_rnn_matches_nn_rnn_with_copied_weights(seed):
    same, diff = rnn.compare_with_torch(seed)
    assert same
    assert diff < 1e-6


def test_scratch_rnn_shares_weights_across_time():
    """길이가 달라도 같은 가중치로 돈다: 앞부분의 상태는 뒤에 무엇이 오든 같다."""
    torch.manual_seed(0)
    layer = nn.RNN(3, 4)
    x = torch.randn(9, 1, 3)
    w = (layer.weight_ih_l0, layer.weight_hh_l0, layer.bias_ih_l0 + layer.bias_hh_l0)
    with torch.no_grad():
        short, _ = rnn.rnn_forward(x[:4], *w)
        long, _ = rnn.rnn_forward(x, *w)
    torch.testing.assert_close(short, long[:4])


@pytest.mark.parametrize("kind", ["lstm", "gru"])
@pytest.mark.parametrize("seed", [0, 1])
def test_scratch_gated_cells_match_torch(kind, seed):
    assert gates.compare_gated(kind, seed)


def test_gru_update_gate_one_copies_previous_state():
    """PyTorch 의 GRU 에서 z = 1 이면 이전 상태를 그대로 둔다(z 가 '과거를 지킬 몫')."""
    hidden, d_in = 4, 3
    W_ih = torch.zeros(3 * hidden, d_in)
    W_hh = torch.zeros(3 * hidden, hidden)
    b_ih = torch.zeros(3 * hidden)
    b_ih[hidden : 2 * hidden] = 50.0  # z 블록의 편향을 크게: sigmoid(50) = 1
    h = torch.randn(2, hidden)
    out = gates.gru_cell(torch.randn(2, d_in), h, W_ih, W_hh, b_ih, torch.zeros(3 * hidden))
    torch.testing.assert_close(out, h)


def test_lstm_forget_one_input_zero_keeps_cell_state():
    hidden, d_in = 4, 3
    bias = torch.zeros(4 * hidden)
    bias[:hidden] = -50.0  # i = 0
    bias[hidden : 2 * hidden] = 50.0  # f = 1
    c = torch.randn(2, hidden)
    _, c_next = gates.lstm_cell(
        torch.randn(2, d_in),
        torch.randn(2, hidden),
        c,
        torch.randn(4 * hidden, d_in) * 0.01,
        torch.randn(4 * hidden, hidden) * 0.01,
        bias,
        torch.zeros(4 * hidden),
    )
    torch.testing.assert_close(c_next, c)


# ---------------------------------------------------------------------------
# 매개변수 수
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("d_in,hidden", [(10, 20), (1, 1), (128, 256)])
def test_parameter_counts_have_ratio_1_4_3(d_in, hidden):
    counts = {
        kind: params.count_params(cls(d_in, hidden))
        for kind, cls in [("rnn", nn.RNN), ("lstm", nn.LSTM), ("gru", nn.GRU)]
    }
    assert counts["rnn"] == hidden * (d_in + hidden + 2)
    assert counts["lstm"] == 4 * counts["rnn"]
    assert counts["gru"] == 3 * counts["rnn"]


@pytest.mark.parametrize("kind,cls", [("rnn", nn.RNN), ("lstm", nn.LSTM), ("gru", nn.GRU)])
@pytest.mark.parametrize("layers,bidirectional", [(1, False), (2, False), (3, True)])
def test_parameter_formula_matches_torch(kind, cls, layers, bidirectional):
    module = cls(7, 5, num_layers=layers, bidirectional=bidirectional)
    assert params.count_params(module) == params.recurrent_param_count(
        kind, 7, 5, layers, bidirectional
    )


# ---------------------------------------------------------------------------
# 기울기 소실과 폭발
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("scale", [0.5, 0.9, 1.0, 1.1, 1.5])
def test_linear_recurrence_gradient_is_exactly_geometric(scale):
    ratios = gradients.gradient_norms("linear", scale, steps=20)
    for k, r in enumerate(reversed(ratios)):
        assert math.isclose(r, scale**k, rel_tol=1e-9)


@pytest.mark.parametrize("activation,gamma", [("tanh", 1.0), ("sigmoid", 0.25)])
@pytest.mark.parametrize("scale", [0.5, 1.0, 2.0])
def test_gradient_ratio_respects_pascanu_bound(activation, gamma, scale):
    """||dL/dh_t|| / ||dL/dh_T|| <= (γ σ_max)^(T-t): 도함수의 최댓값 γ 와 W 의 가장 큰 특잇값."""
    ratios = gradients.gradient_norms(activation, scale, steps=30)
    for k, r in enumerate(reversed(ratios)):
        assert r <= (gamma * scale) ** k * (1 + 1e-9)


def test_max_derivatives():
    assert gradients.max_derivative("sigmoid") == pytest.approx(0.25)
    assert gradients.max_derivative("tanh") == pytest.approx(1.0)
    assert gradients.max_derivative("relu") == pytest.approx(1.0)


def test_squashing_vanishes_and_relu_explodes():
    first = {
        (name, s): gradients.gradient_norms(name, s)[0]
        for name in gradients.ACTIVATIONS
        for s in (1.0, 2.0)
    }
    # 크기를 지키는 W 에서: 선형은 그대로, 짓누르는 활성화는 사라진다.
    assert first[("linear", 1.0)] == pytest.approx(1.0)
    assert first[("tanh", 1.0)] < 1e-6
    assert first[("sigmoid", 1.0)] < 1e-20
    assert first[("sigmoid", 1.0)] < first[("tanh", 1.0)]
    # W 를 두 배로: ReLU 는 폭발하고 sigmoid 는 여전히 사라진다.
    assert first[("relu", 2.0)] > 1e6
    assert first[("sigmoid", 2.0)] < 1e-10
    assert first[("linear", 2.0)] == pytest.approx(2.0**49, rel=1e-9)


def test_sigmoid_still_vanishes_at_four_times_w():
    assert gradients.gradient_norms("sigmoid", 4.0)[0] < 1e-6


def test_lstm_keeps_gradient_only_with_open_forget_gate():
    def first(kind, fb=None):
        return gradients.input_gradient_norms(kind, forget_bias=fb)[0]

    assert first("rnn") < 1e-15
    assert first("gru") < 1e-10
    assert first("lstm") < 1e-10
    assert first("lstm", 1.0) > 1e3 * first("lstm")
    assert first("lstm", 3.0) > 0.1


def test_clip_grad_norm_scales_to_max_norm_and_keeps_direction():
    p = nn.Parameter(torch.zeros(3))
    p.grad = torch.tensor([3.0, 4.0, 12.0])  # 노름 13
    total = nn.utils.clip_grad_norm_([p], max_norm=1.0)
    assert total.item() == pytest.approx(13.0)
    assert p.grad.norm().item() == pytest.approx(1.0, rel=1e-5)
    torch.testing.assert_close(p.grad, torch.tensor([3.0, 4.0, 12.0]) / 13, rtol=1e-5, atol=1e-6)


# ---------------------------------------------------------------------------
# 자기회귀 모델과 마르코프 가정
# ---------------------------------------------------------------------------


def test_bigram_probabilities_sum_to_one():
    model = markov.fit_bigram("나는 밥을 먹는다. 너는 빵을 먹는다. 나는 물을 마신다.")
    for dist in model.values():
        assert sum(dist.values()) == pytest.approx(1.0)
    assert model["는"] == {" ": 0.6, "다": 0.4}


def test_markov_context_table_grows_exponentially():
    assert [markov.context_count(2350, k) for k in (1, 2)] == [2350, 2350**2]


# ---------------------------------------------------------------------------
# seq2seq: 고정 길이 문맥과 어텐션
# ---------------------------------------------------------------------------


def test_context_vector_size_does_not_depend_on_input_length():
    torch.manual_seed(0)
    model = seq2seq.Seq2Seq(hidden=16, attention=False)
    for length in (3, 30, 300):
        states, context = model.encoder(torch.randint(0, 10, (2, length)))
        assert states.shape == (2, length, 16)
        assert context.shape == (2, 16)


def test_attention_weights_are_distributions_over_source():
    torch.manual_seed(0)
    model = seq2seq.Seq2Seq(hidden=16, attention=True)
    logits, weights = model(torch.randint(0, 10, (3, 7)), length=5)
    assert logits.shape == (3, 5, seq2seq.VOCAB)
    assert weights.shape == (3, 5, 7)
    assert (weights >= 0).all()
    torch.testing.assert_close(weights.sum(-1), torch.ones(3, 5))


def test_teacher_forcing_uses_given_targets():
    """교사 강요: 디코더 입력이 정답이면 출력 길이는 정답 길이를 따른다."""
    torch.manual_seed(0)
    model = seq2seq.Seq2Seq(hidden=8, attention=True)
    logits, _ = model(torch.randint(0, 10, (2, 4)), tgt=torch.randint(0, 10, (2, 6)))
    assert logits.shape == (2, 6, seq2seq.VOCAB)


def test_bottleneck_experiment_reports_every_model_per_position():
    """실험 결과의 모양: 모델마다 위치별 정확도가 length개, 평균 어텐션 무게는 length×length."""
    result = seq2seq.bottleneck_experiment(length=4, samples=16, steps=2)
    for name in ("plain", "plain_forced", "plain_reversed", "attention"):
        assert len(result[name]) == 4
        assert all(0.0 <= a <= 1.0 for a in result[name])
    assert torch.tensor(result["alignment"]).shape == (4, 4)
    assert len(result["example"]["output"]) == len(result["example"]["src"])


# ---------------------------------------------------------------------------
# 임베딩, 퍼플렉시티, 층 쌓기와 양방향
# ---------------------------------------------------------------------------


def test_embedding_snippet_prints_lookup_checks(capsys):
    from snippets.sequence_models import embedding

    embedding.embedding_is_lookup()
    out = capsys.readouterr().out
    assert "원-핫 × 행렬과 같다: True" in out and "행을 꺼낸 것과 같다: True" in out


def test_perplexity_rises_when_the_answer_gets_less_likely():
    from snippets.sequence_models.perplexity import perplexity

    targets = torch.tensor([0, 1, 2])
    sharp = torch.eye(3) * 5
    assert (
        perplexity(sharp, targets)
        < perplexity(sharp * 0.5, targets)
        < perplexity(torch.zeros(3, 3), targets)
    )


def test_single_layer_from_copies_the_right_weights():
    from snippets.sequence_models.stacking import single_layer_from

    torch.manual_seed(0)
    deep = nn.RNN(3, 4, num_layers=2, bidirectional=True)
    upper_backward = single_layer_from(deep, 1, "_reverse")
    assert upper_backward.input_size == 8  # 둘째 층의 입력은 양방향 출력 2H
    torch.testing.assert_close(upper_backward.weight_hh_l0, deep.weight_hh_l1_reverse)
    torch.testing.assert_close(upper_backward.bias_ih_l0, deep.bias_ih_l1_reverse)


def test_bidirectional_two_layer_rnn_equals_chained_directions():
    """두 층 양방향: 둘째 층은 첫 층의 [정방향 | 역방향] 출력을 읽는다."""
    from snippets.sequence_models.stacking import single_layer_from

    torch.manual_seed(1)
    deep = nn.RNN(3, 4, num_layers=2, bidirectional=True)
    x = torch.randn(5, 2, 3)

    def both(layer, inp):
        fwd = single_layer_from(deep, layer)(inp)[0]
        bwd = single_layer_from(deep, layer, "_reverse")(inp.flip(0))[0].flip(0)
        return torch.cat([fwd, bwd], dim=-1)

    with torch.no_grad():
        expected, _ = deep(x)
        got = both(1, both(0, x))
    torch.testing.assert_close(got, expected)

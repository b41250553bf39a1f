"""시퀀스 모델(docs/dl/sequence-models.md)의 연습 문제."""

from snippets.exercises.registry import Exercise

NOTE = "dl/sequence-models.md"
EXERCISES = [
    Exercise("sequence-models/param-count", "매개변수 수 맞히기", "예측", "확인"),
    Exercise("sequence-models/lstm-shapes", "양방향 2층 LSTM이 돌려주는 모양", "예측", "확인"),
    Exercise("sequence-models/free-biases", "쓸모 있는 편향은 몇 개인가", "유도", "응용"),
    Exercise("sequence-models/gru-layer", "원 논문의 GRU 층 구현하기", "구현", "응용",
             module="snippets.exercises.sequence_models.gru_layer", function="gru_layer"),
    Exercise("sequence-models/last-states", "패딩된 배치의 마지막 상태 고르기", "구현", "응용",
             module="snippets.exercises.sequence_models.last_states", function="last_states"),
    Exercise("sequence-models/forget-bias", "망각 게이트 편향은 얼마여야 하나", "유도", "도전"),
    Exercise("sequence-models/beam-search", "길이 보정을 더한 빔 탐색 구현하기", "구현", "응용",
             module="snippets.exercises.sequence_models.beam_search", function="beam_search"),
]  # fmt: skip

"""신경망 가중치 초기화(docs/dl/weight-init.md)의 연습 문제."""

from snippets.exercises.registry import Exercise

NOTE = "dl/weight-init.md"
EXERCISES = [
    Exercise("weight-init/std-table-width", "너비 400의 표준편차 표", "예측", "확인"),
    Exercise("weight-init/uniform-bound", "균등분포의 경계 유도하기", "유도", "확인"),
    Exercise("weight-init/xavier-uniform", "xavier_uniform_을 밑바닥부터", "구현", "확인",
             module="snippets.exercises.weight_init.xavier_uniform", function="xavier_uniform_"),
    Exercise("weight-init/leaky-relu-gain", "누수 렐루의 이득 유도하기", "유도", "응용"),
    Exercise("weight-init/linear-default", "nn.Linear 기본 경계 유도하기", "유도", "응용"),
    Exercise("weight-init/conv-fans", "합성곱 가중치의 fan_in과 fan_out", "구현", "응용",
             module="snippets.exercises.weight_init.fans", function="fans"),
    Exercise("weight-init/kaiming-normal", "kaiming_normal_을 밑바닥부터", "구현", "도전",
             module="snippets.exercises.weight_init.kaiming_normal", function="kaiming_normal_"),
]  # fmt: skip

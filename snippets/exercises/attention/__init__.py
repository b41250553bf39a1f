"""어텐션(docs/dl/attention.md)의 연습 문제."""

from snippets.exercises.registry import Exercise

NOTE = "dl/attention.md"
EXERCISES = [
    Exercise("attention/attention-weights", "어텐션 가중치 맞히기", "예측", "확인"),
    Exercise("attention/multi-head-shapes", "멀티헤드 어텐션을 지나는 모양", "예측", "확인"),
    Exercise("attention/derive-variance", "내적의 분산 유도하기", "유도", "응용"),
    Exercise("attention/masked-softmax", "마스크 소프트맥스 구현하기", "구현", "응용",
             module="snippets.exercises.attention.masked_softmax", function="masked_softmax"),
    Exercise("attention/scaled-attention", "두 가지 마스크를 받는 어텐션 구현하기", "구현", "응용",
             module="snippets.exercises.attention.scaled_attention", function="scaled_attention"),
    Exercise("attention/positional-encoding", "이어 붙인 위치 인코딩 구현하기", "구현", "응용",
             module="snippets.exercises.attention.positional_encoding", function="positional_encoding"),
    Exercise("attention/pe-rotation", "위치 이동은 회전이다", "유도", "도전"),
    Exercise("attention/rotary", "회전 위치 임베딩 구현하기", "구현", "도전",
             module="snippets.exercises.attention.rotary", function="rotary"),
]  # fmt: skip

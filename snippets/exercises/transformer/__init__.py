"""트랜스포머(docs/dl/transformer.md)의 연습 문제."""

from snippets.exercises.registry import Exercise

NOTE = "dl/transformer.md"
EXERCISES = [
    Exercise("transformer/layer-params", "인코더 층의 매개변수 수 맞히기", "예측", "확인"),
    Exercise("transformer/mask-polarity", "마스크를 nn.MultiheadAttention에 그대로 넘기면", "예측", "응용"),
    Exercise("transformer/derive-12d2", "층 하나에 12·d²개", "유도", "응용"),
    Exercise("transformer/decoder-mask", "이어 붙인 배치의 디코더 마스크 만들기", "구현", "응용",
             module="snippets.exercises.transformer.decoder_mask", function="decoder_mask"),
    Exercise("transformer/rms-norm", "RMSNorm 구현하기", "구현", "응용",
             module="snippets.exercises.transformer.rms_norm", function="rms_norm"),
    Exercise("transformer/kv-cache", "KV 캐시가 답을 바꾸지 않는 이유", "유도", "도전"),
    Exercise("transformer/pre-ln", "pre-LN 층을 부품으로 짜기", "구현", "도전",
             module="snippets.exercises.transformer.pre_ln", function="pre_ln_forward"),
]  # fmt: skip

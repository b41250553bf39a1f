"""파이썬 애스터리스크(docs/python/asterisk.md)의 연습 문제."""

from snippets.exercises.registry import Exercise

NOTE = "python/asterisk.md"
EXERCISES = [
    Exercise("asterisk/star-assignment", "별표 대입의 결과", "예측", "확인"),
    Exercise("asterisk/transpose", "길이가 다른 행 전치하기", "구현", "확인",
             module="snippets.exercises.asterisk.transpose", function="transpose"),
    Exercise("asterisk/dict-merge", "딕셔너리를 합친 순서", "예측", "응용"),
    Exercise("asterisk/keyword-only", "키워드로만 받는 매개변수", "구현", "응용",
             module="snippets.exercises.asterisk.keyword_only", function="scale"),
    Exercise("asterisk/binding", "인자가 매개변수에 묶이는 과정", "유도", "응용"),
    Exercise("asterisk/format-call", "호출을 글로 적기", "구현", "도전",
             module="snippets.exercises.asterisk.format_call", function="format_call"),
]  # fmt: skip

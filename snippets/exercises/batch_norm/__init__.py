"""배치 정규화(docs/dl/batch-norm.md)의 연습 문제."""

from snippets.exercises.registry import Exercise

NOTE = "dl/batch-norm.md"
EXERCISES = [
    Exercise("batch-norm/running-mean", "95%에 닿기까지", "예측", "확인"),
    Exercise("batch-norm/eval-forward", "추론 모드의 순전파", "구현", "확인",
             module="snippets.exercises.batch_norm.eval_forward", function="batch_norm_eval"),
    Exercise("batch-norm/running-var", "한 배치 뒤의 running_var와 출력", "예측", "응용"),
    Exercise("batch-norm/bias-redundant", "앞 층의 편향이 쓸모없는 이유", "유도", "응용"),
    Exercise("batch-norm/train-forward", "학습 모드의 순전파와 이동 통계", "구현", "응용",
             module="snippets.exercises.batch_norm.train_forward", function="batch_norm_train_step"),
    Exercise("batch-norm/fold-into-linear", "배치 정규화를 선형 층에 접어 넣기", "구현", "도전",
             module="snippets.exercises.batch_norm.fold", function="fold_batch_norm"),
]  # fmt: skip

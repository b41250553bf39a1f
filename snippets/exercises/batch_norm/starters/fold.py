"""연습 문제 batch-norm/fold-into-linear — 추론 모드의 배치 정규화를 앞 선형 층에 접어 넣는다.

fold_batch_norm(weight, bias, running_mean, running_var, gamma, beta, eps=1e-5)는 선형 층의
weight((출력, 입력) 모양)와 bias((출력,) 모양 또는 None)에, 그 뒤에 오는 추론 모드 배치 정규화를
합친 새 (weight, bias) 튜플을 돌려준다. 새 층 하나가 x @ weight.T + bias로 두 층과 같은 값을
내야 한다. bias가 None(bias=False인 층)이면 0으로 본다.

검사: python -m snippets.exercises check batch-norm/fold-into-linear
"""

import torch  # noqa: F401 — 답에 쓸 모듈을 미리 불러 둔다


def fold_batch_norm(weight, bias, running_mean, running_var, gamma, beta, eps=1e-5):
    """선형 층 (weight, bias) 뒤의 추론 모드 배치 정규화를 합친 (weight, bias)를 돌려준다."""
    raise NotImplementedError("여기를 채운다")

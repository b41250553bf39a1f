"""연습 문제 batch-norm/eval-forward — 추론 모드의 배치 정규화 순전파.

batch_norm_eval(x, running_mean, running_var, gamma, beta, eps=1e-5)는 채널 축이 1인 입력 x를
저장된 이동 평균과 이동 분산으로 정규화한 뒤 크기 gamma와 이동 beta를 적용한 같은 모양의 텐서를
돌려준다. x는 (N, C) 특성, (N, C, L) 시퀀스, (N, C, H, W) 이미지 가운데 하나다.
running_mean, running_var, gamma, beta는 모두 (C,) 모양이다.
배치의 통계는 쓰지 않는다. F.batch_norm과 nn.BatchNorm1d/2d는 쓰지 않는다.

검사: python -m snippets.exercises check batch-norm/eval-forward
"""

import torch  # noqa: F401 — 답에 쓸 모듈을 미리 불러 둔다


def batch_norm_eval(x, running_mean, running_var, gamma, beta, eps=1e-5):
    """채널 축이 1인 입력 (N, C, ...)을 저장된 이동 평균과 이동 분산으로 정규화한다."""
    raise NotImplementedError("여기를 채운다")

"""연습 문제 batch-norm/train-forward — 학습 모드의 순전파와 이동 통계 갱신.

batch_norm_train_step(x, gamma, beta, running_mean, running_var, momentum=0.1, eps=1e-5)는
(N, C) 특성 배치나 (N, C, H, W) 이미지 배치 x를 채널(dim=1)마다 이 배치의 평균과 분산으로
정규화하고 gamma, beta를 적용한, x와 같은 모양의 텐서를 돌려준다. 그리고 (C,) 모양의
running_mean, running_var를 파이토치와 같은 규칙으로 제자리에서 갱신한다.
F.batch_norm과 nn.BatchNorm1d/2d는 쓰지 않는다.

검사: python -m snippets.exercises check batch-norm/train-forward
"""

import torch  # noqa: F401 — 답에 쓸 모듈을 미리 불러 둔다


def batch_norm_train_step(x, gamma, beta, running_mean, running_var, momentum=0.1, eps=1e-5):
    """(N, C) 또는 (N, C, H, W) 배치를 채널마다 배치 통계로 정규화해 돌려주고,
    이동 평균과 이동 분산을 제자리에서 갱신한다."""
    raise NotImplementedError("여기를 채운다")

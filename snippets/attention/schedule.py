"""원 논문의 학습률 일정: 처음 warmup 단계 동안 선형으로 올리고, 그 뒤 단계 수의 -1/2 제곱으로 줄인다."""


# --8<-- [start:noam]
def transformer_lr(step: int, d_model: int = 512, warmup: int = 4000) -> float:
    """lrate = d_model^-0.5 · min(step^-0.5, step · warmup^-1.5)

    >>> for step in (1, 1000, 4000, 16000, 100000):
    ...     print(f"{step:>6} {transformer_lr(step):.2e}")
         1 1.75e-07
      1000 1.75e-04
      4000 6.99e-04
     16000 3.49e-04
    100000 1.40e-04
    """
    return d_model**-0.5 * min(step**-0.5, step * warmup**-1.5)


# --8<-- [end:noam]

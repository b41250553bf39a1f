"""파이토치가 GPU 를 보는지 확인한다. 시작하기 페이지가 이 코드를 보여 준다."""

from __future__ import annotations


# --8<-- [start:device_report]
def device_report() -> dict:
    """지금 파이토치가 쓸 장치와 그 근거를 딕셔너리로 돌려준다.

    >>> import torch
    >>> report = device_report()
    >>> report["device"] == ("cuda" if torch.cuda.is_available() else "cpu")
    True
    >>> report["torch"] == torch.__version__
    True
    """
    import torch

    report = {"torch": torch.__version__, "cuda_build": torch.version.cuda}
    if torch.cuda.is_available():
        report["device"] = "cuda"
        report["gpus"] = [torch.cuda.get_device_name(i) for i in range(torch.cuda.device_count())]
    else:
        report["device"] = "cpu"
        report["gpus"] = []
    return report


# --8<-- [end:device_report]


# --8<-- [start:main]
if __name__ == "__main__":
    info = device_report()
    print(f"torch {info['torch']} (CUDA 빌드: {info['cuda_build'] or '없음'})")
    if info["device"] == "cuda":
        print("GPU 사용 가능:", ", ".join(info["gpus"]))
    else:
        print("GPU 없음: 모든 예제가 CPU 에서 돈다")
# --8<-- [end:main]

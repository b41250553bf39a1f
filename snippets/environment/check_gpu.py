"""파이토치가 GPU를 보는지 확인한다. 시작하기 페이지가 이 코드를 보여 준다."""

from __future__ import annotations

import shutil
import subprocess


# --8<-- [start:device_report]
def device_report() -> dict:
    """지금 파이토치가 쓸 장치와 그 근거를 딕셔너리로 돌려준다.

    >>> import torch
    >>> report = device_report()
    >>> report["device"] == pick_device()
    True
    >>> report["torch"] == torch.__version__
    True
    """
    import torch

    report = {
        "torch": torch.__version__,
        "cuda_build": torch.version.cuda,  # CUDA 빌드가 아니면 None
        "rocm_build": torch.version.hip,  # AMD ROCm 빌드가 아니면 None
        "device": pick_device(),
    }
    if report["device"] == "cuda":  # ROCm 빌드도 torch.cuda로 GPU를 보인다
        report["gpus"] = [torch.cuda.get_device_name(i) for i in range(torch.cuda.device_count())]
    else:
        report["gpus"] = []
    return report


def pick_device() -> str:
    """NVIDIA·AMD GPU(cuda), 애플 실리콘 GPU(mps), CPU 순서로 쓸 수 있는 것을 고른다."""
    import torch

    if torch.cuda.is_available():
        return "cuda"
    if torch.backends.mps.is_available():
        return "mps"
    return "cpu"


# --8<-- [end:device_report]


# --8<-- [start:driver]
def nvidia_driver() -> str | None:
    """NVIDIA 드라이버 버전. nvidia-smi가 없으면(드라이버가 없거나 NVIDIA GPU가 아니면) None."""
    if shutil.which("nvidia-smi") is None:
        return None
    result = subprocess.run(
        ["nvidia-smi", "--query-gpu=driver_version", "--format=csv,noheader"],
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:  # 명령은 있는데 드라이버가 GPU와 통하지 못한다
        return None
    return result.stdout.splitlines()[0].strip()


# --8<-- [end:driver]


# --8<-- [start:main]
if __name__ == "__main__":
    info = device_report()
    build = info["cuda_build"] and f"CUDA {info['cuda_build']}"
    build = build or (info["rocm_build"] and f"ROCm {info['rocm_build']}") or "CPU 전용"
    print(f"torch {info['torch']} ({build} 빌드)")
    if info["device"] == "cuda":
        print("GPU 사용 가능:", ", ".join(info["gpus"]))
    elif info["device"] == "mps":
        print("애플 실리콘 GPU(mps) 사용 가능")
    else:
        print("GPU 없음: 모든 예제가 CPU에서 돈다")
    driver = nvidia_driver()
    print("NVIDIA 드라이버:", driver or "없음")
# --8<-- [end:main]

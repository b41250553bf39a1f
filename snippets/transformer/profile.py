"""학습 단계가 시간을 어디에 쓰는지 torch.profiler로 본다: python -m snippets.transformer profile ...

학습과 같은 함수(train.build, train.train_step)로 몇 단계를 돌리며 기록한다. 결과는 두 파일이다.

- `profile.txt`: 자기 시간(self time, 그 연산 안에서 부른 다른 연산을 뺀 시간)이 긴 연산 순의 표.
  CUDA에서는 GPU 자기 시간, CPU에서는 CPU 자기 시간으로 줄을 세운다.
- `profile.json`: 같은 표의 윗부분과 단계 토막(데이터·순전파·역전파·옵티마이저)의 평균 시간.

토막마다 `단계/data` 같은 이름표(record_function)가 붙어 있어, 표에서도 토막별 합계를 볼 수 있다.
"""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import torch
from torch.profiler import ProfilerActivity, profile

from snippets.transformer.bench import quiet_stderr
from snippets.transformer.train import (
    StepTimer,
    build,
    cpu_name,
    cpu_threads,
    get_preset,
    preset_with,
    setup_runtime,
    train_step,
)

PROFILE_TEXT, PROFILE_JSON = "profile.txt", "profile.json"


def profile_training(
    task="numerals", preset="ci", device="auto", out="runs/profile", steps=10, top=15
):
    """데우기 3단계 뒤 steps 단계를 기록해 out/profile.txt와 out/profile.json을 쓰고 요약 사전을 돌려준다."""
    settings = preset_with(get_preset(task, preset))
    runtime = setup_runtime(device)
    with cpu_threads(settings.cpu_threads if not runtime.cuda else None):
        task_obj, _, raw_model, model, optimizer, batches = build(task, settings, runtime)
        timer = StepTimer(runtime, every=1, skip=3)
        activities = [ProfilerActivity.CPU] + ([ProfilerActivity.CUDA] if runtime.cuda else [])
        for step in range(3):  # 데우기: 할당기와 커널 선택이 자리를 잡은 뒤부터 기록한다
            timer.start(step)
            train_step(task_obj, model, raw_model, optimizer, batches, runtime, timer)
        with quiet_stderr(), profile(activities=activities) as prof:
            for step in range(3, 3 + steps):
                timer.start(step)
                train_step(task_obj, model, raw_model, optimizer, batches, runtime, timer)
            if runtime.cuda:
                torch.cuda.synchronize(runtime.device)
    sort_by = "self_device_time_total" if runtime.cuda else "self_cpu_time_total"
    averages = prof.key_averages()
    table = averages.table(sort_by=sort_by, row_limit=top)
    rows = sorted(averages, key=lambda e: getattr(e, sort_by), reverse=True)[:top]
    summary = {
        "task": task,
        "preset": preset,
        "device": runtime.device.type,
        "device_name": torch.cuda.get_device_name(runtime.device) if runtime.cuda else cpu_name(),
        "torch": torch.__version__,
        "date": datetime.date.today().isoformat(),
        "profiled_steps": steps,
        "sorted_by": sort_by,
        "step_time_ms": timer.summary(),
        "top_ops": [
            {
                "name": e.key,
                "calls": e.count,
                "self_ms_per_step": round(getattr(e, sort_by) / 1000 / steps, 4),
            }
            for e in rows
        ],
    }
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    (out / PROFILE_TEXT).write_text(table + "\n", encoding="utf-8")
    (out / PROFILE_JSON).write_text(
        json.dumps(summary, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    return summary

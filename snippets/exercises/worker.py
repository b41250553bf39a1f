"""검사 프로세스: `python -m snippets.exercises.worker <id> <학습자 파일> <결과 JSON> <제한 초>`.

명령줄(cli.py)이 띄운다. 검사 모듈(torch 포함)을 먼저 불러온 뒤에 시간을 재기 시작하므로, 제한
시간은 학습자 코드에만 걸린다. 결과는 JSON 파일로 넘긴다: 학습자가 print 한 것과 섞이지 않는다.
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path


def main(argv: list[str]) -> int:
    from snippets.exercises.registry import find
    from snippets.exercises.runner import EXIT_CODES, check_file

    exercise_id, learner, result_file, limit = argv
    exercise = find(exercise_id)
    importlib.import_module(exercise.module)  # torch 같은 무거운 import는 제한 시간 밖에서
    report = check_file(exercise, Path(learner), timeout=float(limit))
    Path(result_file).write_text(report.to_json(), encoding="utf-8")
    return EXIT_CODES[report.status]


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

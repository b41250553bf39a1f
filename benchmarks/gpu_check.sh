#!/usr/bin/env bash
# 트랜스포머 데모의 GPU 확인을 한 번에: CUDA 테스트, 두 gpu 프리셋(시간 제한), --compile, bench, profile.
#
#   bash benchmarks/gpu_check.sh [폴더]        # 폴더를 안 주면 $OUT, 그것도 없으면 runs/gpu-check
#
# 모든 결과가 한 폴더에 모인다: 단계마다 NAME.log, 실행 폴더(metrics.json, checkpoint.pt, bench.json,
# profile.txt), 요약 summary.json, 그리고 data/gpu-runs/ 에 커밋할 사본 gpu-runs/*.json.
# 한 단계가 실패해도 나머지는 돌고, 마지막에 실패한 단계가 있으면 종료 코드 1로 끝난다.
# 저장소 루트에서 돌린다. 장치 시간은 모두 합쳐 6분 안팎이다(H200 기준으로 잡은 시간 제한의 합).
set -uo pipefail

out="${1:-${OUT:-runs/gpu-check}}"
mkdir -p "$out/gpu-runs"
py="${PYTHON:-python}"
[ -x .venv/bin/python ] && py=.venv/bin/python
failed=()

step() {  # step NAME 명령...: 출력은 NAME.log 로, 종료 코드는 summary.txt 로
  local name="$1"
  shift
  echo "== $name: $*"
  local began=$SECONDS
  "$@" >"$out/$name.log" 2>&1
  local rc=$?
  echo "$name rc=$rc $((SECONDS - began))s" | tee -a "$out/summary.txt"
  [ "$rc" -eq 0 ] || failed+=("$name")
}

nvidia-smi >"$out/nvidia-smi.txt" 2>&1 || true
step environment "$py" -c "import torch; print(torch.__version__, torch.version.cuda, torch.cuda.get_device_name())"
step tests "$py" -m pytest -q -p no:cacheprovider \
  tests/test_transformer_attention.py tests/test_transformer_demo.py tests/test_environment.py \
  -k "cuda or flash or gpu or environment"
# 숫자 읽기: 목표는 학습 20초 안에 8자리 시험 숫자 20,000개 완전 일치 0.999 이상
step numerals-gpu "$py" -m snippets.transformer train --task numerals --preset gpu --device cuda \
  --max-seconds 20 --out "$out/numerals-gpu"
step numerals-gpu-compile "$py" -m snippets.transformer train --task numerals --preset gpu --device cuda \
  --max-seconds 20 --compile --out "$out/numerals-gpu-compile"
# 언어 모델: gpu 프리셋의 가장 좋은 검증 손실(문자당)이 같은 말뭉치의 ci 프리셋보다 낮아야 한다
step lm-gpu "$py" -m snippets.transformer train --task lm --preset gpu --device cuda \
  --max-seconds 60 --out "$out/lm-gpu"
step lm-ci-cpu "$py" -m snippets.transformer train --task lm --preset ci --device cpu --out "$out/lm-ci-cpu"
step bench "$py" -m snippets.transformer bench --device cuda --out "$out/bench"
step profile-numerals "$py" -m snippets.transformer profile --task numerals --preset gpu --device cuda \
  --steps 10 --out "$out/profile-numerals"
step profile-lm "$py" -m snippets.transformer profile --task lm --preset gpu --device cuda \
  --steps 10 --out "$out/profile-lm"

# 페이지에 올릴 사본: 이 파일들을 data/gpu-runs/ 에 복사해 커밋하면 데모 페이지가 CPU 결과 옆에 보여 준다.
[ -f "$out/numerals-gpu/metrics.json" ] && cp "$out/numerals-gpu/metrics.json" "$out/gpu-runs/numerals-gpu.json"
[ -f "$out/lm-gpu/metrics.json" ] && cp "$out/lm-gpu/metrics.json" "$out/gpu-runs/lm-gpu.json"
[ -f "$out/bench/bench.json" ] && cp "$out/bench/bench.json" "$out/gpu-runs/bench.json"

step summary "$py" benchmarks/gpu_summary.py "$out"
cat "$out/summary.json" 2>/dev/null

if [ "${#failed[@]}" -gt 0 ]; then
  echo "실패한 단계: ${failed[*]} (로그: $out/NAME.log)"
  exit 1
fi

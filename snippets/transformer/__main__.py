"""명령줄: python -m snippets.transformer {train,read,bench,profile}

    python -m snippets.transformer train --task numerals --preset ci --out runs/ci
    python -m snippets.transformer read --checkpoint runs/ci 3052 9999
    python -m snippets.transformer train --task lm --preset ci --out runs/lm
    python -m snippets.transformer bench --out runs/bench
    python -m snippets.transformer profile --task numerals --out runs/profile   # 단계가 시간을 어디에 쓰는지
    torchrun --nproc_per_node 2 -m snippets.transformer train --preset gpu --out runs/gpu   # 여러 장

잘못된 입력은 '오류: …' 한 줄을 표준 오류로 내고 종료 코드 2로 끝난다.
"""

from __future__ import annotations

import argparse
import json
import os
import sys

from snippets.transformer.train import DemoError


class KoreanArgumentParser(argparse.ArgumentParser):
    """argparse의 여러 줄짜리 오류 대신 한 줄 오류를 낸다."""

    def error(self, message):
        raise DemoError(f"명령줄 인자가 잘못되었습니다 — {message} (도움말: --help)")


def build_parser():
    parser = KoreanArgumentParser(
        prog="python -m snippets.transformer", description="트랜스포머 데모"
    )
    commands = parser.add_subparsers(
        dest="command", required=True, parser_class=KoreanArgumentParser
    )

    train = commands.add_parser(
        "train", help="모델을 학습하고 DIR/metrics.json, DIR/checkpoint.pt를 쓴다"
    )
    train.add_argument("--task", default="numerals", help="numerals(숫자 읽기) 또는 lm(언어 모델)")
    train.add_argument("--preset", default="ci", help="ci(CPU 2코어, 1분 안팎) 또는 gpu")
    train.add_argument("--device", default="auto", help="auto, cpu, cuda")
    train.add_argument("--out", default="runs/demo", help="결과를 쓸 폴더")
    train.add_argument(
        "--max-seconds", type=float, default=None, help="학습 시간 상한(초). 넘으면 멈추고 평가한다"
    )
    train.add_argument("--steps", type=int, default=None, help="프리셋의 학습 단계 수를 바꾼다")
    train.add_argument("--compile", action="store_true", help="torch.compile로 모델을 컴파일한다")
    train.add_argument(
        "--fused-attention",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="F.scaled_dot_product_attention을 쓸지(기본: 프리셋이 정한다)",
    )
    train.add_argument("--seed", type=int, default=0)

    read = commands.add_parser("read", help="학습한 숫자 읽기 모델로 숫자를 한국어로 읽는다")
    read.add_argument("--checkpoint", required=True, metavar="DIR", help="train --out으로 준 폴더")
    read.add_argument("--device", default="auto")
    read.add_argument("numbers", nargs="+", help="읽을 숫자들")

    bench = commands.add_parser(
        "bench", help="순진한 어텐션과 F.scaled_dot_product_attention의 시간·메모리 비교"
    )
    bench.add_argument("--device", default="auto")
    bench.add_argument("--out", default="runs/bench", help="bench.json과 그림을 쓸 폴더")
    bench.add_argument(
        "--lengths", default=None, help="쉼표로 나눈 시퀀스 길이(기본: 장치에 맞춰 고른다)"
    )
    bench.add_argument(
        "--train-steps",
        type=int,
        default=20,
        help="두 과제의 학습 단계를 이만큼 돌려 단계 토막 시간도 잰다(0이면 건너뛴다)",
    )

    prof = commands.add_parser(
        "profile", help="학습 몇 단계를 torch.profiler로 기록해 시간이 많이 드는 연산 표를 쓴다"
    )
    prof.add_argument("--task", default="numerals", help="numerals 또는 lm")
    prof.add_argument("--preset", default="ci", help="ci 또는 gpu")
    prof.add_argument("--device", default="auto")
    prof.add_argument(
        "--steps", type=int, default=10, help="기록할 단계 수(앞의 3단계는 데우기로 뺀다)"
    )
    prof.add_argument("--out", default="runs/profile", help="profile.txt와 profile.json을 쓸 폴더")
    return parser


def parse_numbers(texts, max_value):
    """명령줄의 숫자 문자열을 검사해 정수로. 숫자가 아니거나 범위를 벗어나면 DemoError."""
    numbers = []
    for text in texts:
        if not (text.isascii() and text.isdigit()):
            raise DemoError(
                f"'{text}'은(는) 0 이상의 정수가 아닙니다 — 숫자만 쓰세요(쉼표, 부호 없이)"
            )
        n = int(text)
        if n > max_value:
            raise DemoError(f"{text}은(는) 이 체크포인트가 읽는 범위(0~{max_value})를 벗어납니다")
        numbers.append(n)
    return numbers


def command_train(args):
    from snippets.transformer.train import train

    metrics = train(
        task=args.task,
        preset=args.preset,
        device=args.device,
        out=args.out,
        max_seconds=args.max_seconds,
        steps=args.steps,
        compile=args.compile,
        fused_attention=args.fused_attention,
        seed=args.seed,
    )
    shown = {
        k: v
        for k, v in metrics.items()
        if k not in ("loss_curve", "val_curve", "examples", "mistakes", "sample")
    }
    if metrics.get("world_size", 1) == 1 or int(os.environ.get("RANK", "0")) == 0:
        print(json.dumps(shown, ensure_ascii=False, indent=2))


def command_read(args):
    from snippets.transformer.train import Runtime, load_checkpoint, read_numbers, resolve_device

    device = resolve_device(args.device)
    model, payload = load_checkpoint(args.checkpoint, device)
    if payload["task"] != "numerals":
        raise DemoError(
            f"숫자 읽기 체크포인트가 아닙니다(과제: {payload['task']}): {args.checkpoint}"
        )
    numbers = parse_numbers(args.numbers, payload["max_value"])
    readings = read_numbers(model, numbers, payload["width"], payload["length"], Runtime(device))
    for n, reading in zip(numbers, readings, strict=True):
        print(f"{n}\t{reading}")


def command_bench(args):
    from snippets.transformer.bench import run_benchmark
    from snippets.transformer.train import resolve_device

    lengths = None
    if args.lengths:
        try:
            lengths = [int(x) for x in args.lengths.split(",")]
        except ValueError:
            raise DemoError(f"--lengths는 쉼표로 나눈 정수여야 합니다: '{args.lengths}'") from None
    result = run_benchmark(
        resolve_device(args.device), lengths=lengths, out=args.out, train_steps=args.train_steps
    )
    print(json.dumps({k: v for k, v in result.items() if k != "rows"}, ensure_ascii=False))
    for row in result["rows"]:
        print(json.dumps(row, ensure_ascii=False))


def command_profile(args):
    from snippets.transformer.profile import profile_training

    if args.steps < 1:
        raise DemoError(f"--steps는 1 이상이어야 합니다: {args.steps}")
    summary = profile_training(args.task, args.preset, args.device, args.out, steps=args.steps)
    print(json.dumps(summary["step_time_ms"], ensure_ascii=False))
    for op in summary["top_ops"][:10]:
        print(f"{op['self_ms_per_step']:10.3f} ms/단계  {op['calls']:6d}회  {op['name']}")


COMMANDS = {
    "train": command_train,
    "read": command_read,
    "bench": command_bench,
    "profile": command_profile,
}


def main(argv=None):
    try:
        args = build_parser().parse_args(argv)
        COMMANDS[args.command](args)
    except DemoError as err:
        print(f"오류: {err}", file=sys.stderr)
        return 2
    except (
        ModuleNotFoundError
    ) as err:  # 선택 패키지가 빠진 설치: 추적 정보 대신 무엇이 없는지 한 줄로
        print(f"오류: {str(err).splitlines()[0]}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())

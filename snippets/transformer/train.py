"""학습 루프: 두 과제(numerals, lm)를 같은 코드로 CPU와 GPU, 한 장과 여러 장(DDP)에서 돌린다.

- 장치: auto는 CUDA가 있으면 CUDA, 없으면 CPU. CUDA에서는 bf16 autocast, TF32 행렬곱을 켜고, fused AdamW는 어디서나 쓴다.
  CPU에서도 같은 줄을 지나가고, 켜는 값만 False 다.
- 여러 장: `torchrun --nproc_per_node N -m snippets.transformer train ...`처럼 띄우면 환경 변수(WORLD_SIZE,
  RANK, LOCAL_RANK)를 보고 프로세스 그룹을 만든다(CUDA는 nccl, CPU는 gloo). 코드는 그대로다.
  랭크마다 다른 배치를 뽑고(DistributedSampler처럼 데이터를 나눈다), DDP가 기울기를 평균 낸다.
- 프리셋은 설정 프레임워크 대신 이 파일의 PRESETS 사전 하나다(nanoGPT처럼).
- 검증: 프리셋의 eval_every 단계마다 검증 손실을 재고(EarlyStopping), 가장 낮았던 때의 가중치를 결과로 남기며,
  patience 번 연달아 나아지지 않으면 멈춘다. 보고하는 손실과 저장하는 체크포인트는 언제나 그 가장 좋은 것이다.
- 시간: 몇 단계마다 한 단계를 데이터·순전파·역전파·옵티마이저로 나눠 잰다(StepTimer). 검증과 torch.compile의
  컴파일 시간은 train_seconds에 넣지 않는다(컴파일은 compile_seconds로 따로 적는다).
"""

from __future__ import annotations

import contextlib
import datetime
import json
import math
import os
import time
from dataclasses import asdict, dataclass, replace
from pathlib import Path

import torch
import torch.distributed as dist
import torch.nn.functional as F
from tqdm import tqdm

from snippets.transformer import lm, numerals
from snippets.transformer.model import (
    CausalLM,
    LMConfig,
    Seq2SeqConfig,
    Seq2SeqTransformer,
    count_parameters,
    greedy_decode,
)

CHECKPOINT = "checkpoint.pt"
METRICS = "metrics.json"
FORMAT = "gongbu-transformer-demo/1"


class DemoError(Exception):
    """사람이 고칠 수 있는 입력 오류. 명령줄은 이 메시지 한 줄을 보여 주고 0이 아닌 값으로 끝난다."""


# ---------------------------------------------------------------------------
# 프리셋
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Preset:
    d_model: int
    n_heads: int
    n_layers: int  # numerals: 인코더와 디코더 각각의 층 수, lm: 층 수
    d_ff: int
    batch_size: int  # 장치(랭크) 하나의 배치
    steps: int
    lr: float
    warmup: int
    fused_attention: bool  # True면 F.scaled_dot_product_attention, False면 처음부터 짠 어텐션
    max_value: int = 0  # numerals: 읽을 수의 최댓값
    block_size: int = 0  # lm: 문맥 길이(bptt)
    jamo: bool = True  # lm: 한글을 자모로 풀지
    weight_decay: float = 0.01
    cpu_threads: int | None = None  # CPU에서 쓸 스레드 수(None이면 torch 기본값)
    dropout: float = 0.0
    eval_every: int = 0  # K 단계마다 검증 손실을 잰다(0이면 재지 않는다)
    patience: int = 0  # 검증 손실이 이만큼의 평가 동안 나아지지 않으면 멈춘다(0이면 끝까지)
    train_tokens: int = (
        0  # lm: 학습 말뭉치의 앞 몇 토큰만 쓸지(0이면 전부). 일부러 과적합시키는 시험용
    )


PRESETS = {
    "numerals": {
        # 2코어 CPU에서 1분 안쪽. 처음부터 짠 어텐션(노트의 코드)이 그대로 학습한다.
        # 행렬이 작아서 스레드 하나가 가장 빠르다: 둘로 나누면 스레드끼리 기다리는 시간이 더 크고,
        # 다른 프로세스와 코어를 나눠 쓸 때는 몇 배 느려진다.
        "ci": Preset(
            d_model=64,
            n_heads=4,
            n_layers=2,
            d_ff=256,
            batch_size=128,
            steps=800,
            lr=5e-3,
            warmup=100,
            fused_attention=False,
            max_value=9_999,
            cpu_threads=1,
        ),
        "gpu": Preset(
            d_model=256,
            n_heads=8,
            n_layers=4,
            d_ff=1024,
            # 이 크기의 행렬곱은 GPU에게 작아서 한 단계가 커널을 띄우는 시간에 묶인다. 배치를 키우면 단계
            # 시간은 거의 그대로인 채 한 단계에 보는 수가 는다. 워밍업은 짧게: --max-seconds 20이면 전부
            # 해서 몇백 단계인데, 워밍업 500단계는 그 대부분을 잡아먹었다(15초에 완전 일치 0.348).
            batch_size=2048,
            steps=20_000,
            lr=1.5e-3,
            warmup=100,
            fused_attention=True,
            max_value=99_999_999,
        ),
    },
    # 말뭉치(노트 전부)는 작다: 학습용 토큰 수는 metrics.json의 train_tokens에 있다. 그래서 모델을 키우기보다
    # 드롭아웃과 가중치 감쇠를 걸고, K 단계마다 검증 손실을 재서 가장 좋았던 체크포인트를 남기며, 나아지지 않으면 일찍 멈춘다.
    "lm": {
        "ci": Preset(
            d_model=64,
            n_heads=4,
            n_layers=2,
            d_ff=256,
            batch_size=32,
            steps=300,
            lr=3e-3,
            warmup=30,
            fused_attention=False,
            block_size=64,
            cpu_threads=1,
            dropout=0.1,
            eval_every=50,
            patience=3,
        ),
        # 이슈 14의 H200 실행: 처음 것(d_model 384, 6층, 드롭아웃 없음)은 45초 동안 말뭉치를 수백 번 돌며 외워
        # 버려 검증 손실이 균등 추측보다 나빴다. 폭과 깊이를 줄이고 드롭아웃을 크게 둔다. 한 단계에 128×256
        # 토큰(말뭉치의 몇 분의 1)을 보므로 몇백 단계면 과적합이 시작된다: 50단계마다 재고, 5번 연달아
        # 나아지지 않으면 멈춘다.
        "gpu": Preset(
            d_model=256,
            n_heads=8,
            n_layers=4,
            d_ff=1024,
            batch_size=128,
            steps=3_000,
            lr=1e-3,
            warmup=100,
            fused_attention=True,
            block_size=256,
            weight_decay=0.1,
            dropout=0.3,
            eval_every=50,
            patience=5,
        ),
    },
}


def get_preset(task, name):
    if task not in PRESETS:
        raise DemoError(f"알 수 없는 과제 '{task}' — {', '.join(PRESETS)} 중 하나를 고르세요")
    if name not in PRESETS[task]:
        raise DemoError(
            f"알 수 없는 프리셋 '{name}' — {', '.join(PRESETS[task])} 중 하나를 고르세요"
        )
    return PRESETS[task][name]


# ---------------------------------------------------------------------------
# 장치와 분산 설정: CPU와 GPU가 같은 줄을 지난다
# ---------------------------------------------------------------------------


@dataclass
class Runtime:
    device: torch.device
    rank: int = 0
    world_size: int = 1

    @property
    def is_main(self):
        return self.rank == 0

    @property
    def cuda(self):
        return self.device.type == "cuda"

    def autocast(self):
        """CUDA에서는 bf16 autocast, CPU에서는 아무것도 하지 않는 같은 문맥."""
        return torch.autocast(device_type=self.device.type, dtype=torch.bfloat16, enabled=self.cuda)


def resolve_device(name):
    """'auto' | 'cpu' | 'cuda' → torch.device. 없는 장치를 달라고 하면 DemoError."""
    if name == "auto":
        return torch.device("cuda" if torch.cuda.is_available() else "cpu")
    if name == "cpu":
        return torch.device("cpu")
    if name == "cuda":
        if not torch.cuda.is_available():
            raise DemoError(
                "CUDA 장치를 요청했지만 이 컴퓨터에는 없습니다 — --device auto나 cpu를 쓰세요"
            )
        return torch.device("cuda")
    raise DemoError(f"알 수 없는 장치 '{name}' — auto, cpu, cuda 중 하나를 고르세요")


def setup_runtime(device_name):
    """장치를 고르고, torchrun으로 띄웠으면(WORLD_SIZE > 1) 프로세스 그룹을 만든다."""
    device = resolve_device(device_name)
    world_size = int(os.environ.get("WORLD_SIZE", "1"))
    rank = 0
    if world_size > 1:
        dist.init_process_group(backend="nccl" if device.type == "cuda" else "gloo")
        rank = dist.get_rank()
    if device.type == "cuda":
        device = torch.device(
            "cuda", int(os.environ.get("LOCAL_RANK", "0"))
        )  # 프로세스마다 GPU 한 장
        torch.cuda.set_device(device)
        torch.set_float32_matmul_precision("high")  # fp32 행렬곱에 TF32를 쓴다
        torch.cuda.reset_peak_memory_stats(device)
    return Runtime(device=device, rank=rank, world_size=world_size)


def shared_elapsed(runtime, elapsed):
    """모든 랭크가 같은 경과 시간을 쓰게 한다(가장 늦은 랭크의 값). 랭크마다 멈추는 단계나 학습률이 다르면
    DDP가 멈춰 서거나 복제본이 갈라진다."""
    if runtime.world_size == 1:
        return elapsed
    value = torch.tensor([elapsed], dtype=torch.float64, device=runtime.device)
    dist.all_reduce(value, op=dist.ReduceOp.MAX)
    return value.item()


def replicas_identical(runtime, model):
    """모든 랭크의 매개변수가 비트 단위로 같은지. DDP가 제대로 동기화했다는 증거다."""
    flat = torch.cat([p.detach().float().flatten() for p in model.parameters()])
    if runtime.world_size == 1:
        return True
    gathered = [torch.empty_like(flat) for _ in range(runtime.world_size)]
    dist.all_gather(gathered, flat)
    return all(torch.equal(g, gathered[0]) for g in gathered)


# GPU 이름 → bf16 밀집(dense, 희소성 없음) 행렬곱 최대 FLOP/s. 제조사 사양표의 대략값이다.
# 앞에서부터 이름에 들어 있는 것을 찾으므로 더 구체적인 이름을 먼저 둔다.
BF16_PEAK_FLOPS = [
    ("H100 PCIe", 756e12),
    ("H100", 989e12),  # SXM
    ("H200", 989e12),
    ("GH200", 989e12),
    ("A100", 312e12),
    ("L40S", 362e12),
    ("L4", 121e12),
    ("A10", 125e12),
    ("RTX 4090", 165e12),
]


def bf16_peak_flops(device_name):
    for key, flops in BF16_PEAK_FLOPS:
        if key in device_name:
            return flops
    return None


# ---------------------------------------------------------------------------
# 과제 1: 숫자 읽기
# ---------------------------------------------------------------------------


class NumeralsTask:
    """숫자(앞을 0으로 채운 자릿수) → 한국어 읽기(음절). 인코더-디코더."""

    name = "numerals"

    def __init__(self, preset, runtime):
        self.preset = preset
        self.runtime = runtime
        self.width = len(str(preset.max_value))
        self.length = numerals.reading_length(self.width)

    def model_config(self):
        p = self.preset
        return Seq2SeqConfig(
            src_vocab=len(numerals.SOURCE_VOCAB),
            tgt_vocab=len(numerals.TARGET_VOCAB),
            d_model=p.d_model,
            n_heads=p.n_heads,
            n_encoder_layers=p.n_layers,
            n_decoder_layers=p.n_layers,
            d_ff=p.d_ff,
            max_len=max(self.width, self.length),
            dropout=p.dropout,
            fused_attention=p.fused_attention,
        )

    def build_model(self, config):
        return Seq2SeqTransformer(config)

    def tokens_per_step(self):
        return self.preset.batch_size * (self.width + self.length)

    def flops_per_step(self, model):
        """행렬곱 FLOP 추정: 매개변수마다 앞뒤로 6번, 어텐션 점수와 가중합에 층마다 12·d·(키 길이)."""
        c, b = model.config, self.preset.batch_size
        embed = sum(p.numel() for m in (model.src_embed, model.tgt_embed) for p in m.parameters())
        encoder = sum(p.numel() for p in model.encoder.parameters())
        decoder = count_parameters(model) - embed - encoder
        s, t = self.width, self.length
        dense = 6 * (encoder * s + decoder * t)
        attention = (
            12 * c.d_model * (c.n_encoder_layers * s * s + c.n_decoder_layers * (t * t + t * s))
        )
        return b * (dense + attention)

    def batches(self, generator):
        """(입력 자릿수, 디코더 입력, 정답) CPU 배치를 끝없이 만든다.

        읽기는 텐서 연산으로 한꺼번에 만든다(encode_readings_fast). 수마다 read_korean을 부르는 파이썬 반복보다
        몇 배 빠르므로(tests/test_transformer_report.py) DataLoader 작업자 없이 메인 프로세스에서 만든다.
        이 토막이 한 단계에서 차지하는 몫은 metrics.json의 step_time_ms에 있다.
        """
        while True:
            numbers = numerals.sample_train_numbers(
                self.preset.batch_size, self.preset.max_value, generator
            )
            src = numerals.encode_numbers(numbers, self.width)
            yield (src, *numerals.encode_readings_fast(numbers, self.width, self.length))

    def loss(self, model, batch):
        src, tgt_in, tgt_out = batch
        logits = model(src, tgt_in)
        return F.cross_entropy(logits.flatten(0, 1), tgt_out.flatten(), ignore_index=numerals.PAD)

    @torch.no_grad()
    def evaluate(self, model, examples=8, batch_size=1000):
        """시험 숫자 전체를 탐욕적 디코딩으로 읽어 완전 일치 비율을 잰다."""
        model.eval()
        test = numerals.heldout_numbers(self.preset.max_value)
        correct, wrong = 0, []
        for start in range(0, len(test), batch_size):
            chunk = test[start : start + batch_size]
            got = read_numbers(model, chunk.tolist(), self.width, self.length, self.runtime)
            for n, reading in zip(chunk.tolist(), got, strict=True):
                if reading == numerals.read_korean(n):
                    correct += 1
                elif len(wrong) < examples:
                    wrong.append({"number": n, "expected": numerals.read_korean(n), "got": reading})
        shown = test[torch.linspace(0, len(test) - 1, examples).long()].tolist()
        model.train()
        return {
            "test_numbers": len(test),
            "test_exact_match": correct / len(test),
            "examples": [
                {"number": n, "reading": r}
                for n, r in zip(
                    shown,
                    read_numbers(model, shown, self.width, self.length, self.runtime),
                    strict=True,
                )
            ],
            "mistakes": wrong,
        }

    def checkpoint_extra(self):
        return {"max_value": self.preset.max_value, "width": self.width, "length": self.length}


@torch.no_grad()
def read_numbers(model, numbers, width, length, runtime):
    """학습한 모델로 숫자 목록을 읽는다(탐욕적 디코딩)."""
    was_training = model.training
    model.eval()
    src = numerals.encode_numbers(numbers, width).to(runtime.device)
    with runtime.autocast():
        out = greedy_decode(model, src, numerals.BOS, numerals.EOS, max_len=length + 1)
    model.train(was_training)
    return [numerals.decode_reading(row.tolist()) for row in out.cpu()]


# ---------------------------------------------------------------------------
# 과제 2: 문자 언어 모델
# ---------------------------------------------------------------------------


class LMTask:
    """노트 말뭉치로 다음 문자(자모)를 맞히는 디코더만 쓰는 모델."""

    name = "lm"

    def __init__(self, preset, runtime):
        self.preset = preset
        self.runtime = runtime
        self.corpus = lm.load_corpus(jamo=preset.jamo)
        b, world, rank = preset.batch_size, runtime.world_size, runtime.rank
        train = self.corpus.train[: preset.train_tokens or None]
        self.train_tokens = len(train)
        # 전체 배치를 랭크 수만큼 열로 나눈다: 랭크마다 말뭉치의 다른 토막을 본다.
        self.grid = lm.batchify(train, b * world)[:, rank * b : (rank + 1) * b]
        if len(self.grid) <= preset.block_size:
            raise DemoError(
                f"말뭉치가 너무 짧습니다: 열마다 {len(self.grid)}토큰인데 문맥 길이는 {preset.block_size}입니다"
            )

    def model_config(self):
        p = self.preset
        return LMConfig(
            vocab_size=len(self.corpus.vocab),
            d_model=p.d_model,
            n_heads=p.n_heads,
            n_layers=p.n_layers,
            d_ff=p.d_ff,
            block_size=p.block_size,
            dropout=p.dropout,
            fused_attention=p.fused_attention,
        )

    def build_model(self, config):
        return CausalLM(config)

    def tokens_per_step(self):
        return self.preset.batch_size * self.preset.block_size

    def flops_per_step(self, model):
        c, b, t = model.config, self.preset.batch_size, self.preset.block_size
        dense = count_parameters(model) - sum(p.numel() for p in model.embed.parameters())
        return b * t * (6 * dense + 12 * c.n_layers * c.d_model * t)

    def batches(self, generator):
        """튜토리얼처럼 격자를 위에서 아래로 bptt 행씩 훑고, 끝에 닿으면 처음으로 돌아간다. (B, T)로 돌려 준다."""
        bptt = self.preset.block_size
        while True:
            for i in range(0, len(self.grid) - bptt, bptt):
                data, target = lm.get_batch(self.grid, i, bptt)
                yield data.t().contiguous(), target.view(data.shape).t().contiguous()

    def loss(self, model, batch):
        tokens, targets = batch
        return F.cross_entropy(model(tokens).flatten(0, 1), targets.flatten())

    @torch.no_grad()
    def validation_loss(self, model):
        """검증 파일 전체의 (토큰당, 문자당) 평균 손실. 드롭아웃을 끄고 재고, 모델의 모드는 되돌려 놓는다."""
        was_training = model.training
        model.eval()
        bptt = self.preset.block_size
        grid = lm.batchify(self.corpus.val, 8).to(self.runtime.device)
        total = torch.zeros((), dtype=torch.float64, device=self.runtime.device)
        count = 0
        for i in range(0, len(grid) - 1, bptt):
            data, target = lm.get_batch(grid, i, bptt)
            with self.runtime.autocast():
                logits = model(data.t())
            loss = F.cross_entropy(
                logits.float().transpose(0, 1).flatten(0, 1), target, reduction="sum"
            )
            total, count = total + loss, count + target.numel()  # .item()은 끝에 한 번만
        model.train(was_training)
        per_token = total.item() / count
        # 자모 토큰 여럿이 문자 하나를 이룬다: 문자당 손실 = 토큰당 손실 × (토큰 수 / 문자 수)
        return per_token, per_token * len(self.corpus.val) / self.corpus.val_chars

    @torch.no_grad()
    def evaluate(self, model, prompt="트랜스포머는 ", sample_tokens=300, seed=0):
        """검증 파일 전체의 토큰당 손실, 문자당 손실과 퍼플렉시티, 그리고 생성한 글 한 토막."""
        per_token, per_char = self.validation_loss(model)
        model.eval()
        generator = torch.Generator(device=self.runtime.device).manual_seed(seed)
        start = self.corpus.encode(prompt)[None].to(self.runtime.device)
        with self.runtime.autocast():
            out = model.generate(start, sample_tokens, generator=generator)
        model.train()
        return {
            "val_loss_per_token": per_token,
            "val_loss_per_char": per_char,
            "val_perplexity_per_char": math.exp(per_char),
            "vocab_size": len(self.corpus.vocab),
            "train_tokens": self.train_tokens,
            "val_tokens": len(self.corpus.val),
            "val_files": self.corpus.val_files,
            "corpus_fingerprint": self.corpus.fingerprint,
            "sample": self.corpus.decode(out[0].tolist()),
        }

    def checkpoint_extra(self):
        return {"vocab": self.corpus.vocab, "jamo": self.corpus.jamo}


TASKS = {"numerals": NumeralsTask, "lm": LMTask}


def batch_stream(task, runtime, seed):
    """과제의 배치를 메인 프로세스에서 차례로 만들어 장치로 보낸다.

    DataLoader 작업자는 쓰지 않는다. 숫자 읽기 배치도 텐서 연산 몇 개면 만들어져서 작업자가 얻는 것이 없고, 작업자를 fork로 띄우면 스레드가 여럿인 프로세스를 복제한다는 DeprecationWarning(교착 위험)이 난다.
    CUDA에서는 고정(pinned) 메모리에서 non_blocking으로 보내, 복사하는 동안 CPU가 다음 일을 한다.
    """
    for batch in task.batches(torch.Generator().manual_seed(seed)):
        if runtime.cuda:
            batch = [t.pin_memory() for t in batch]
        yield [t.to(runtime.device, non_blocking=True) for t in batch]


# ---------------------------------------------------------------------------
# 학습
# ---------------------------------------------------------------------------


def learning_rate(step, preset, time_fraction=0.0):
    """선형 워밍업 뒤 코사인으로 최댓값의 10%까지 내린다.

    진행률은 단계 수와 시간 제한 중 더 많이 쓴 쪽을 따른다. 그래서 --max-seconds로 일찍 끝나도 학습률이
    끝까지 내려간 상태에서 멈춘다.
    """
    if step < preset.warmup:
        return preset.lr * (step + 1) / preset.warmup
    progress = max((step - preset.warmup) / max(1, preset.steps - preset.warmup), time_fraction)
    return preset.lr * (0.1 + 0.9 * 0.5 * (1 + math.cos(math.pi * min(1.0, progress))))


def train(
    task="numerals",
    preset="ci",
    device="auto",
    out="runs/demo",
    max_seconds=None,
    steps=None,
    compile=False,
    fused_attention=None,
    seed=0,
    overrides=None,
):
    """학습하고 평가해 out/metrics.json과 out/checkpoint.pt를 쓴다. 지표 사전을 돌려준다.

    max_seconds: 이 시간이 지나면 남은 단계를 건너뛰고 평가한다. steps: 프리셋의 단계 수를 바꾼다.
    overrides: 프리셋의 다른 값을 바꾼다(예: {"dropout": 0.0}). 검증 손실을 재는 과제는 가장 좋았던
    체크포인트를 결과로 남긴다.
    """
    settings = preset_with(get_preset(task, preset), steps, fused_attention, overrides)
    runtime = setup_runtime(device)
    try:
        with cpu_threads(settings.cpu_threads if not runtime.cuda else None):
            return _train(task, preset, settings, runtime, Path(out), max_seconds, compile, seed)
    finally:
        if runtime.world_size > 1:
            dist.destroy_process_group()


def preset_with(settings, steps=None, fused_attention=None, overrides=None):
    """프리셋의 일부 값을 바꾼 사본. 없는 이름을 주면 DemoError."""
    changes = dict(overrides or {})
    if steps is not None:
        changes["steps"] = steps
    if fused_attention is not None:
        changes["fused_attention"] = fused_attention
    unknown = sorted(set(changes) - set(asdict(settings)))
    if unknown:
        raise DemoError(f"프리셋에 없는 값입니다: {', '.join(unknown)}")
    return replace(settings, **changes)


@contextlib.contextmanager
def cpu_threads(n):
    """torch의 CPU 스레드 수를 잠깐 n으로 바꾼다(None이면 그대로)."""
    before = torch.get_num_threads()
    if n:
        torch.set_num_threads(n)
    try:
        yield
    finally:
        torch.set_num_threads(before)


# --8<-- [start:step_timer]
class StepTimer:
    """한 단계를 데이터·순전파·역전파·옵티마이저 네 토막으로 나눠 잰다.

    GPU는 비동기라 토막 끝마다 동기화해야 시간이 제자리에 붙는다. 동기화는 학습을 늦추므로 every 단계마다 한
    단계만 잰다. 처음 skip 단계는 데우는 시간(할당기, cuDNN 고르기)이라 뺀다.
    """

    PHASES = ("data", "forward", "backward", "optimizer")

    def __init__(self, runtime, every=10, skip=3):
        self.runtime, self.every, self.skip = runtime, every, skip
        self.totals = dict.fromkeys(self.PHASES, 0.0)
        self.measured = 0
        self.active = False

    def start(self, step):
        """이번 단계를 잴지 정한다."""
        self.active = step >= self.skip and (step - self.skip) % self.every == 0
        self.measured += self.active

    @contextlib.contextmanager
    def phase(self, name):
        """토막 하나. torch.profiler가 켜져 있으면 그 표에도 같은 이름(단계/NAME)으로 나온다."""
        with torch.profiler.record_function(f"단계/{name}"):
            if not self.active:
                yield
                return
            self._sync()
            began = time.perf_counter()
            yield
            self._sync()
            self.totals[name] += time.perf_counter() - began

    def _sync(self):
        if self.runtime.cuda:
            torch.cuda.synchronize(self.runtime.device)

    def summary(self):
        """토막마다 한 단계 평균(ms)과 전체에서 차지하는 몫."""
        if not self.measured:
            return {"measured_steps": 0}
        ms = {phase: 1000 * total / self.measured for phase, total in self.totals.items()}
        whole = sum(ms.values())
        return {
            "measured_steps": self.measured,
            **{f"{phase}_ms": round(value, 3) for phase, value in ms.items()},
            "total_ms": round(whole, 3),
            "share": {phase: round(value / whole, 3) for phase, value in ms.items()},
        }


# --8<-- [end:step_timer]


# --8<-- [start:early_stopping]
class EarlyStopping:
    """검증 손실이 가장 낮았던 단계의 가중치를 (CPU에) 복사해 두고, patience 번 연달아 나아지지 않으면 멈추라고 한다.

    >>> stopper = EarlyStopping(patience=2)
    >>> model = torch.nn.Linear(1, 1)
    >>> [stopper.update(step, loss, model) for step, loss in [(0, 3.0), (10, 2.0), (20, 2.5), (30, 2.1)]]
    [False, False, False, True]
    >>> stopper.best_step, stopper.best_loss
    (10, 2.0)
    """

    def __init__(self, patience):
        self.patience = patience
        self.best_loss, self.best_step, self.best_state = math.inf, None, None
        self.bad_evaluations = 0

    def update(self, step, loss, model):
        """이번 평가를 기록하고, 멈춰야 하면 True."""
        if loss < self.best_loss:
            self.best_loss, self.best_step, self.bad_evaluations = loss, step, 0
            self.best_state = {
                k: v.detach().to("cpu", copy=True) for k, v in model.state_dict().items()
            }
        else:
            self.bad_evaluations += 1
        return bool(self.patience) and self.bad_evaluations >= self.patience


# --8<-- [end:early_stopping]


# --8<-- [start:train_step]
def train_step(task, model, raw_model, optimizer, batches, runtime, timer):
    """학습 한 단계: 배치 받기 → 순전파 → 역전파 → 기울기 자르기와 갱신. 손실(텐서)을 돌려준다."""
    with timer.phase("data"):
        batch = next(batches)
    with timer.phase("forward"), runtime.autocast():
        loss = task.loss(model, batch)
    with timer.phase("backward"):
        optimizer.zero_grad(set_to_none=True)
        loss.backward()
    with timer.phase("optimizer"):
        torch.nn.utils.clip_grad_norm_(raw_model.parameters(), 1.0)
        optimizer.step()
    return loss


# --8<-- [end:train_step]


def build(task_name, preset, runtime, compile=False, seed=0):
    """과제, 모델(원본과 컴파일·DDP로 감싼 것), 옵티마이저, 배치 흐름을 만든다. 학습과 프로파일이 함께 쓴다."""
    torch.manual_seed(seed)  # 모든 랭크가 같은 초깃값에서 출발한다
    task = TASKS[task_name](preset, runtime)
    config = task.model_config()
    raw_model = task.build_model(config).to(runtime.device)
    model = torch.compile(raw_model) if compile else raw_model
    if runtime.world_size > 1:
        model = torch.nn.parallel.DistributedDataParallel(
            model, device_ids=[runtime.device.index] if runtime.cuda else None
        )
    optimizer = torch.optim.AdamW(
        raw_model.parameters(),
        lr=preset.lr,
        betas=(0.9, 0.98),
        weight_decay=preset.weight_decay,
        fused=True,  # 모든 매개변수를 한 커널로 갱신한다. CUDA와 CPU(torch 2.4부터) 모두 된다
    )
    batches = batch_stream(task, runtime, seed=seed + 1 + runtime.rank)  # 랭크마다 다른 배치
    return task, config, raw_model, model, optimizer, batches


def _train(task_name, preset_name, preset, runtime, out, max_seconds, compile, seed):
    task, config, raw_model, model, optimizer, batches = build(
        task_name, preset, runtime, compile, seed
    )
    compile_seconds = warm_up_compiled(model, task, batches, optimizer, runtime) if compile else 0.0
    validates = preset.eval_every > 0 and hasattr(task, "validation_loss")
    stopper = EarlyStopping(preset.patience)
    timer = StepTimer(runtime)
    bar = tqdm(
        total=preset.steps,
        desc=f"{task_name}/{preset_name}",
        disable=None if runtime.is_main else True,
    )
    losses, val_curve, stop_reason, step, elapsed = [], [], None, 0, 0.0
    final_val = None  # 마지막 검증 손실(토큰당, 문자당): 결과가 아니라 비교용
    start = time.perf_counter()
    eval_seconds = 0.0  # 검증에 쓴 시간은 학습 시간에서 뺀다
    for step in range(preset.steps):
        time_fraction = elapsed / max_seconds if max_seconds else 0.0
        for group in optimizer.param_groups:
            group["lr"] = learning_rate(step, preset, time_fraction)
        timer.start(step)
        loss = train_step(task, model, raw_model, optimizer, batches, runtime, timer)
        bar.update()
        last = step == preset.steps - 1
        if step % 50 == 0 or last:
            losses.append((step, round(loss.item(), 4)))  # .item()은 GPU를 기다리게 하므로 가끔만
            bar.set_postfix(loss=f"{losses[-1][1]:.3f}")
        if max_seconds:
            elapsed = shared_elapsed(runtime, time.perf_counter() - start - eval_seconds)
            last = last or elapsed > max_seconds
        if validates and ((step + 1) % preset.eval_every == 0 or last):
            began = time.perf_counter()
            per_token, per_char = task.validation_loss(raw_model)
            final_val = (per_token, per_char)
            val_curve.append((step + 1, round(per_token, 4), round(per_char, 4)))
            if stopper.update(step + 1, per_token, raw_model) and not last:
                stop_reason = (
                    f"검증 손실이 {preset.patience}번의 평가({preset.eval_every}단계마다) 동안 "
                    f"나아지지 않았다(가장 낮은 값 {stopper.best_loss:.4f}, {stopper.best_step}단계)"
                )
                last = True
            eval_seconds += time.perf_counter() - began
        if last:
            break
    steps_done = step + 1
    if runtime.cuda:
        torch.cuda.synchronize(runtime.device)
    train_seconds = time.perf_counter() - start - eval_seconds
    bar.close()
    if stop_reason and runtime.is_main:
        print(f"조기 종료: {steps_done}단계에서 멈췄다 — {stop_reason}")

    in_sync = replicas_identical(runtime, raw_model)
    metrics = {
        "task": task_name,
        "preset": preset_name,
        "device": runtime.device.type,
        "device_name": torch.cuda.get_device_name(runtime.device) if runtime.cuda else cpu_name(),
        "torch": torch.__version__,
        "world_size": runtime.world_size,
        "threads": torch.get_num_threads(),
        "fused_attention": preset.fused_attention,
        "compile": bool(compile),
        "compile_seconds": round(compile_seconds, 3),
        "params": count_parameters(raw_model),
        "steps": steps_done,
        "tokens_per_step": task.tokens_per_step() * runtime.world_size,
        "train_seconds": round(train_seconds, 3),
        "steps_per_second": round(steps_done / train_seconds, 3),
        "tokens_per_second": round(
            task.tokens_per_step() * runtime.world_size * steps_done / train_seconds, 1
        ),
        "step_time_ms": timer.summary(),
        "loss_curve": losses,
        "replicas_identical": in_sync,
        "date": datetime.date.today().isoformat(),
    }
    if runtime.cuda:
        achieved = task.flops_per_step(raw_model) * runtime.world_size * steps_done / train_seconds
        peak = bf16_peak_flops(metrics["device_name"])
        metrics["peak_memory_bytes"] = torch.cuda.max_memory_allocated(runtime.device)
        metrics["achieved_flops"] = achieved
        metrics["bf16_peak_flops_per_gpu"] = peak
        metrics["mfu"] = achieved / (peak * runtime.world_size) if peak else None
    if validates:
        # 결과는 언제나 가장 좋았던 체크포인트다. 마지막 값은 비교용으로만 남긴다.
        final_token, final_char = final_val
        raw_model.load_state_dict(stopper.best_state)
        metrics |= {
            "eval_every": preset.eval_every,
            "patience": preset.patience,
            "val_curve": val_curve,
            "best_step": stopper.best_step,
            "early_stopped": stop_reason is not None,
            "stop_reason": stop_reason,
            "final_val_loss_per_token": final_token,
            "final_val_loss_per_char": final_char,
        }
    if runtime.is_main:
        metrics.update(task.evaluate(raw_model))
        if validates:
            metrics["best_val_loss_per_token"] = metrics["val_loss_per_token"]
            metrics["best_val_loss_per_char"] = metrics["val_loss_per_char"]
        out.mkdir(parents=True, exist_ok=True)
        save_checkpoint(out, task, preset_name, config, raw_model)
        (out / METRICS).write_text(
            json.dumps(metrics, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
    if runtime.world_size > 1:
        dist.barrier()
    return metrics


def measure_step_times(task_name, preset_name, device, steps=20, seed=0):
    """프리셋으로 학습 steps 단계만 돌려 단계 토막 시간(StepTimer.summary)을 잰다. 평가도 저장도 하지 않는다."""
    settings = get_preset(task_name, preset_name)
    runtime = Runtime(device=torch.device(device))
    with cpu_threads(settings.cpu_threads if not runtime.cuda else None):
        task, _, raw_model, model, optimizer, batches = build(
            task_name, settings, runtime, seed=seed
        )
        timer = StepTimer(runtime, every=1, skip=3)
        for step in range(steps):
            timer.start(step)
            train_step(task, model, raw_model, optimizer, batches, runtime, timer)
        return {"preset": preset_name, "params": count_parameters(raw_model), **timer.summary()}


def warm_up_compiled(model, task, batches, optimizer, runtime):
    """torch.compile은 처음 부를 때 컴파일한다. 그 시간을 학습 시간에 섞지 않도록 한 단계의 순전파·역전파를
    미리 돌리고(가중치는 바꾸지 않는다) 걸린 초를 돌려준다."""
    began = time.perf_counter()
    batch = next(batches)
    with runtime.autocast():
        loss = task.loss(model, batch)
    loss.backward()
    optimizer.zero_grad(set_to_none=True)
    if runtime.cuda:
        torch.cuda.synchronize(runtime.device)
    return time.perf_counter() - began


def cpu_name():
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    return "cpu"


# ---------------------------------------------------------------------------
# 체크포인트
# ---------------------------------------------------------------------------


def save_checkpoint(out, task, preset_name, config, model):
    state = {k: v.detach().float().cpu() for k, v in model.state_dict().items()}
    payload = {
        "format": FORMAT,
        "task": task.name,
        "preset": preset_name,
        "config": asdict(config),
        "state_dict": state,
        **task.checkpoint_extra(),
    }
    tmp = out / (CHECKPOINT + ".tmp")
    torch.save(payload, tmp)
    tmp.replace(out / CHECKPOINT)  # 반쯤 쓴 파일이 남지 않게


def load_checkpoint(directory, device="cpu"):
    """DIR/checkpoint.pt를 읽어 (모델, 체크포인트 사전)을 돌려준다. 없거나 깨졌으면 DemoError."""
    path = Path(directory) / CHECKPOINT
    if not path.is_file():
        raise DemoError(
            f"체크포인트가 없습니다: {path} — 먼저 train --out {directory}로 학습하세요"
        )
    try:
        payload = torch.load(path, map_location="cpu", weights_only=True)
        if not isinstance(payload, dict) or payload.get("format") != FORMAT:
            raise ValueError("형식 표시가 없습니다")
        config_class, model_class = {
            "numerals": (Seq2SeqConfig, Seq2SeqTransformer),
            "lm": (LMConfig, CausalLM),
        }[payload["task"]]
        model = model_class(config_class(**payload["config"]))
        model.load_state_dict(payload["state_dict"])
    except Exception as err:  # noqa: BLE001 - 무엇이 깨졌든 한 줄로 알린다
        reason = str(err).splitlines()[0] if str(err) else type(err).__name__
        raise DemoError(f"체크포인트가 손상되었습니다: {path} — {reason[:120]}") from None
    return model.to(device).eval(), payload

"""학습 루프: 두 과제(numerals, lm)를 같은 코드로 CPU 와 GPU, 한 장과 여러 장(DDP)에서 돌린다.

- 장치: auto 는 CUDA 가 있으면 CUDA, 없으면 CPU. CUDA 에서는 bf16 autocast, TF32 행렬곱을 켜고, fused AdamW 는 어디서나 쓴다.
  CPU 에서도 같은 줄을 지나가고, 켜는 값만 False 다.
- 여러 장: `torchrun --nproc_per_node N -m snippets.transformer train ...` 처럼 띄우면 환경 변수(WORLD_SIZE,
  RANK, LOCAL_RANK)를 보고 프로세스 그룹을 만든다(CUDA 는 nccl, CPU 는 gloo). 코드는 그대로다.
  랭크마다 다른 배치를 뽑고(DistributedSampler 처럼 데이터를 나눈다), DDP 가 기울기를 평균 낸다.
- 프리셋은 설정 프레임워크 대신 이 파일의 PRESETS 사전 하나다(nanoGPT 처럼).
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
    fused_attention: bool  # True 면 F.scaled_dot_product_attention, False 면 처음부터 짠 어텐션
    max_value: int = 0  # numerals: 읽을 수의 최댓값
    block_size: int = 0  # lm: 문맥 길이(bptt)
    jamo: bool = True  # lm: 한글을 자모로 풀지
    weight_decay: float = 0.01
    cpu_threads: int | None = None  # CPU 에서 쓸 스레드 수(None 이면 torch 기본값)


PRESETS = {
    "numerals": {
        # 2코어 CPU 에서 1분 안쪽. 처음부터 짠 어텐션(노트의 코드)이 그대로 학습한다.
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
            batch_size=1024,
            steps=20_000,
            lr=1e-3,
            warmup=500,
            fused_attention=True,
            max_value=99_999_999,
        ),
    },
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
        ),
        "gpu": Preset(
            d_model=384,
            n_heads=6,
            n_layers=6,
            d_ff=1536,
            batch_size=64,
            steps=5_000,
            lr=1e-3,
            warmup=200,
            fused_attention=True,
            block_size=256,
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
# 장치와 분산 설정: CPU 와 GPU 가 같은 줄을 지난다
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
        """CUDA 에서는 bf16 autocast, CPU 에서는 아무것도 하지 않는 같은 문맥."""
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
                "CUDA 장치를 요청했지만 이 컴퓨터에는 없습니다 — --device auto 나 cpu 를 쓰세요"
            )
        return torch.device("cuda")
    raise DemoError(f"알 수 없는 장치 '{name}' — auto, cpu, cuda 중 하나를 고르세요")


def setup_runtime(device_name):
    """장치를 고르고, torchrun 으로 띄웠으면(WORLD_SIZE > 1) 프로세스 그룹을 만든다."""
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
        torch.set_float32_matmul_precision("high")  # fp32 행렬곱에 TF32 를 쓴다
        torch.cuda.reset_peak_memory_stats(device)
    return Runtime(device=device, rank=rank, world_size=world_size)


def shared_elapsed(runtime, elapsed):
    """모든 랭크가 같은 경과 시간을 쓰게 한다(가장 늦은 랭크의 값). 랭크마다 멈추는 걸음이나 학습률이 다르면
    DDP 가 멈춰 서거나 복제본이 갈라진다."""
    if runtime.world_size == 1:
        return elapsed
    value = torch.tensor([elapsed], dtype=torch.float64, device=runtime.device)
    dist.all_reduce(value, op=dist.ReduceOp.MAX)
    return value.item()


def replicas_identical(runtime, model):
    """모든 랭크의 매개변수가 비트 단위로 같은지. DDP 가 제대로 동기화했다는 증거다."""
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

    parallel_batches = True  # 배치끼리 독립이라 DataLoader 작업자 여럿이 나눠 만들 수 있다

    def batches(self, generator):
        """(입력 자릿수, 디코더 입력, 정답) CPU 배치를 끝없이 만든다."""
        while True:
            numbers = numerals.sample_train_numbers(
                self.preset.batch_size, self.preset.max_value, generator
            )
            src = numerals.encode_numbers(numbers, self.width)
            readings = [numerals.read_korean(n) for n in numbers.tolist()]
            yield (src, *numerals.encode_readings(readings, self.length))

    def loss(self, model, batch):
        src, tgt_in, tgt_out = batch
        logits = model(src, tgt_in)
        return F.cross_entropy(logits.flatten(0, 1), tgt_out.flatten(), ignore_index=numerals.PAD)

    @torch.no_grad()
    def evaluate(self, model, examples=8, batch_size=1000):
        """시험 숫자 전체를 탐욕 디코딩해 완전 일치 비율을 잰다."""
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
    """학습한 모델로 숫자 목록을 읽는다(탐욕 디코딩)."""
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
        # 전체 배치를 랭크 수만큼 열로 나눈다: 랭크마다 말뭉치의 다른 토막을 본다.
        self.grid = lm.batchify(self.corpus.train, b * world)[:, rank * b : (rank + 1) * b]
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

    parallel_batches = False  # 격자를 차례로 훑으므로 한 프로세스가 만든다

    def batches(self, generator):
        """튜토리얼처럼 격자를 위에서 아래로 bptt 행씩 훑고, 끝에 닿으면 처음으로 돌아간다. (B, T) 로 돌려 준다."""
        bptt = self.preset.block_size
        while True:
            for i in range(0, len(self.grid) - bptt, bptt):
                data, target = lm.get_batch(self.grid, i, bptt)
                yield data.t().contiguous(), target.view(data.shape).t().contiguous()

    def loss(self, model, batch):
        tokens, targets = batch
        return F.cross_entropy(model(tokens).flatten(0, 1), targets.flatten())

    @torch.no_grad()
    def evaluate(self, model, prompt="트랜스포머는 ", sample_tokens=300, seed=0):
        """검증 파일 전체의 토큰당 손실, 문자당 손실과 퍼플렉시티, 그리고 생성한 글 한 토막."""
        model.eval()
        bptt = self.preset.block_size
        grid = lm.batchify(self.corpus.val, 8).to(self.runtime.device)
        total, count = 0.0, 0
        for i in range(0, len(grid) - 1, bptt):
            data, target = lm.get_batch(grid, i, bptt)
            with self.runtime.autocast():
                logits = model(data.t())
            loss = F.cross_entropy(
                logits.float().transpose(0, 1).flatten(0, 1), target, reduction="sum"
            )
            total, count = total + loss.item(), count + target.numel()
        per_token = total / count
        # 자모 토큰 여럿이 문자 하나를 이룬다: 문자당 손실 = 토큰당 손실 × (토큰 수 / 문자 수)
        per_char = per_token * len(self.corpus.val) / self.corpus.val_chars
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
            "train_tokens": len(self.corpus.train),
            "val_tokens": len(self.corpus.val),
            "val_files": self.corpus.val_files,
            "corpus_fingerprint": self.corpus.fingerprint,
            "sample": self.corpus.decode(out[0].tolist()),
        }

    def checkpoint_extra(self):
        return {"vocab": self.corpus.vocab, "jamo": self.corpus.jamo}


TASKS = {"numerals": NumeralsTask, "lm": LMTask}


class Batches(torch.utils.data.IterableDataset):
    """과제의 배치 생성기를 DataLoader 에 태운다. 작업자마다 시드가 달라 서로 다른 배치를 만든다."""

    def __init__(self, task, seed):
        self.task, self.seed = task, seed

    def __iter__(self):
        info = torch.utils.data.get_worker_info()
        worker = info.id if info else 0
        yield from self.task.batches(torch.Generator().manual_seed(self.seed * 1000 + worker))


def batch_loader(task, runtime, seed):
    """CPU 에서는 메인 프로세스가 만들고(작업자 0), CUDA 에서는 작업자 여럿이 미리 만들어 고정 메모리에 둔다.
    파이썬으로 숫자를 읽는 일이 GPU 한 걸음보다 느려서다."""
    workers = min(8, (os.cpu_count() or 2) // 2) if runtime.cuda and task.parallel_batches else 0
    return iter(
        torch.utils.data.DataLoader(
            Batches(task, seed),
            batch_size=None,
            num_workers=workers,
            pin_memory=runtime.cuda,
            persistent_workers=workers > 0,
            prefetch_factor=4 if workers else None,
        )
    )


# ---------------------------------------------------------------------------
# 학습
# ---------------------------------------------------------------------------


def learning_rate(step, preset, time_fraction=0.0):
    """선형 워밍업 뒤 코사인으로 최댓값의 10%까지 내린다.

    진행률은 걸음 수와 시간 제한 중 더 많이 쓴 쪽을 따른다. 그래서 --max-seconds 로 일찍 끝나도 학습률이
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
):
    """학습하고 평가해 out/metrics.json 과 out/checkpoint.pt 를 쓴다. 지표 사전을 돌려준다.

    max_seconds: 이 시간이 지나면 남은 걸음을 건너뛰고 평가한다. steps: 프리셋의 걸음 수를 바꾼다.
    """
    settings = get_preset(task, preset)
    if steps is not None:
        settings = replace(settings, steps=steps)
    if fused_attention is not None:
        settings = replace(settings, fused_attention=fused_attention)
    runtime = setup_runtime(device)
    try:
        with cpu_threads(settings.cpu_threads if not runtime.cuda else None):
            return _train(task, preset, settings, runtime, Path(out), max_seconds, compile, seed)
    finally:
        if runtime.world_size > 1:
            dist.destroy_process_group()


@contextlib.contextmanager
def cpu_threads(n):
    """torch 의 CPU 스레드 수를 잠깐 n 으로 바꾼다(None 이면 그대로)."""
    before = torch.get_num_threads()
    if n:
        torch.set_num_threads(n)
    try:
        yield
    finally:
        torch.set_num_threads(before)


def _train(task_name, preset_name, preset, runtime, out, max_seconds, compile, seed):
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
        fused=True,  # 모든 매개변수를 한 커널로 갱신한다. CUDA 와 CPU(torch 2.4 부터) 모두 된다
    )
    batches = batch_loader(task, runtime, seed=seed + 1 + runtime.rank)  # 랭크마다 다른 배치
    bar = tqdm(
        total=preset.steps,
        desc=f"{task_name}/{preset_name}",
        disable=None if runtime.is_main else True,
    )
    losses, step, elapsed = [], 0, 0.0
    start = time.perf_counter()
    for step in range(preset.steps):
        time_fraction = elapsed / max_seconds if max_seconds else 0.0
        for group in optimizer.param_groups:
            group["lr"] = learning_rate(step, preset, time_fraction)
        batch = [t.to(runtime.device, non_blocking=True) for t in next(batches)]
        with runtime.autocast():
            loss = task.loss(model, batch)
        optimizer.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(raw_model.parameters(), 1.0)
        optimizer.step()
        bar.update()
        if step % 50 == 0 or step == preset.steps - 1:
            losses.append((step, round(loss.item(), 4)))  # .item() 은 GPU 를 기다리게 하므로 가끔만
            bar.set_postfix(loss=f"{losses[-1][1]:.3f}")
        if max_seconds:
            elapsed = shared_elapsed(runtime, time.perf_counter() - start)
            if elapsed > max_seconds:
                break
    steps_done = step + 1
    if runtime.cuda:
        torch.cuda.synchronize(runtime.device)
    train_seconds = time.perf_counter() - start
    bar.close()

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
        "params": count_parameters(raw_model),
        "steps": steps_done,
        "train_seconds": round(train_seconds, 3),
        "steps_per_second": round(steps_done / train_seconds, 3),
        "tokens_per_second": round(
            task.tokens_per_step() * runtime.world_size * steps_done / train_seconds, 1
        ),
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
    if runtime.is_main:
        metrics.update(task.evaluate(raw_model))
        out.mkdir(parents=True, exist_ok=True)
        save_checkpoint(out, task, preset_name, config, raw_model)
        (out / METRICS).write_text(
            json.dumps(metrics, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
    if runtime.world_size > 1:
        dist.barrier()
    return metrics


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
    """DIR/checkpoint.pt 를 읽어 (모델, 체크포인트 사전)을 돌려준다. 없거나 깨졌으면 DemoError."""
    path = Path(directory) / CHECKPOINT
    if not path.is_file():
        raise DemoError(
            f"체크포인트가 없습니다: {path} — 먼저 train --out {directory} 로 학습하세요"
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

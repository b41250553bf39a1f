"""언어 모델 데이터: 튜토리얼과 같은 배치 모양, 파일 단위로 겹치지 않는 분할, 자모 왕복."""

from __future__ import annotations

import torch

from snippets.transformer import lm


def test_batchify_stacks_contiguous_text_in_columns():
    grid = lm.batchify(torch.arange(26), 4)
    assert grid.shape == (6, 4)
    assert grid[:, 1].tolist() == list(range(6, 12))  # 두 번째 열은 g..l


def test_get_batch_target_is_the_input_shifted_by_one_row():
    grid = lm.batchify(torch.arange(100), 5)
    data, target = lm.get_batch(grid, 3, bptt=4)
    assert data.shape == (4, 5)
    assert torch.equal(target.view(4, 5), data + 1)
    last_data, last_target = lm.get_batch(grid, len(grid) - 3, bptt=4)  # 끝에서는 짧아진다
    assert last_data.shape == (2, 5) and last_target.numel() == 10


def test_corpus_is_split_by_file_without_overlap():
    corpus = lm.load_corpus()
    assert corpus.val_files and corpus.train_files
    assert not set(corpus.val_files) & set(corpus.train_files)
    assert len(corpus.val_files) == len(sorted(corpus.train_files + corpus.val_files)[2::5])
    again = lm.load_corpus()
    assert again.val_files == corpus.val_files and again.fingerprint == corpus.fingerprint


def test_jamo_keeps_the_vocabulary_small_and_round_trips():
    with_jamo, without = lm.load_corpus(jamo=True), lm.load_corpus(jamo=False)
    assert len(with_jamo.vocab) < len(without.vocab)
    assert not any("가" <= ch <= "힣" for ch in with_jamo.vocab)  # 완성형 음절이 하나도 없다
    text = "트랜스포머는 어텐션만 쓴다."
    assert with_jamo.decode(with_jamo.encode(text).tolist()) == text

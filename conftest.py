"""pytest 전체 설정: 노트의 예제를 Sybil 로 모은다 (tests/note_examples.py)."""

from tests.note_examples import sybil_for_notes

pytest_collect_file = sybil_for_notes().pytest()

"""노트 검사의 모듈들. 입구는 hooks/note_checks.py 하나이고(MkDocs 훅, tools/check_notes.py, pre-commit),
여기의 모듈은 관심사 하나씩을 맡는다. 모듈 목록과 하는 일은 hooks/note_checks.py 의 설명에 있다."""

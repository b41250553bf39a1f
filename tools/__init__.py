"""기여를 돕는 명령: 새 노트 만들기(new_note)와 빌드 없이 노트 검사하기(check_notes)."""

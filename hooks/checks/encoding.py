"""인코딩 검사: 노트는 BOM 없는 UTF-8 이어야 한다. CP949(EUC-KR)로 저장한 파일은 알아보고 고치는 법을 알린다."""

from __future__ import annotations

import re
from collections.abc import Iterator

from hooks.checks.core import Problem

UTF8_FIX = (
    "VS Code 라면 오른쪽 아래 인코딩 표시를 눌러 'Reopen with Encoding' → 'Korean (EUC-KR)'로 한글이 "
    "제대로 보이게 다시 연 뒤, 한 번 더 눌러 'Save with Encoding' → 'UTF-8'로 저장하세요. 터미널에서는 "
    "`iconv -f cp949 -t utf-8 노트.md > 새노트.md` 로 바꾼 뒤 원래 이름으로 옮기면 됩니다"
)


def check_encoding(src: str, data: bytes) -> Iterator[Problem]:
    """노트는 BOM 없는 UTF-8 이어야 한다.

    MkDocs 는 on_files 다음에 File.content_string 에서 `utf-8-sig` 로 파일을 읽는데, 실패하면
    'Encoding error reading file' 한 줄만 남긴다. 그보다 먼저 바이트를 보고 이유와 고칠 방법을 말한다.
    BOM 은 MkDocs 는 건너뛰지만 Sybil(노트 예제 테스트)과 다른 도구는 첫 줄의 글자로 읽으므로 받지 않는다.
    """
    path = f"docs/{src}"
    if data.startswith(b"\xef\xbb\xbf"):
        yield Problem(
            path,
            1,
            "파일이 BOM(바이트 순서 표시)이 붙은 UTF-8로 저장되어 있습니다",
            "encoding",
            "BOM 없는 UTF-8로 저장하세요. VS Code 는 오른쪽 아래 'UTF-8 with BOM'을 눌러 "
            "'Save with Encoding' → 'UTF-8'을 고르면 되고, pre-commit 의 fix-byte-order-marker 가 자동으로 고칩니다",
        )
        return
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data.count(b"\n", 0, err.start) + 1
        if looks_like_cp949(data):
            what = "파일이 UTF-8이 아니라 CP949(EUC-KR)로 저장되어 있습니다. 한국어 Windows 편집기의 기본값입니다"
        else:
            what = f"파일이 UTF-8이 아닙니다(바이트 0x{data[err.start]:02x}를 읽을 수 없습니다)"
        yield Problem(path, line, what, "encoding", UTF8_FIX)


def looks_like_cp949(data: bytes) -> bool:
    try:
        text = data.decode("cp949")
    except UnicodeDecodeError:
        return False
    return re.search(r"[가-힣]", text) is not None

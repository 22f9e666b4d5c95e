"""Bytes to text, safely: a document's text is its bytes decoded as UTF-8 with nothing changed.

Newlines, a byte-order mark (kept as U+FEFF) and non-breaking spaces stay as they are, so
offsets into the returned text are offsets into the file. Anything that is not readable
UTF-8 text is refused with an `InputError` that names the file, line and column.
"""

from __future__ import annotations

import re
from pathlib import Path

from mskg.errors import InputError

SNIFF_CHARS = 65536
MAX_CONTROL_SHARE = 0.05
WIDE_BOMS = ((b"\xff\xfe\x00\x00", "UTF-32"), (b"\x00\x00\xfe\xff", "UTF-32"), (b"\xff\xfe", "UTF-16"), (b"\xfe\xff", "UTF-16"))
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def read_bytes(path: Path) -> bytes:
    """The file's bytes; a missing path, a directory or an unreadable file is an InputError."""
    if not path.exists():
        raise InputError("no such file", path=path)
    if path.is_dir():
        raise InputError("is a directory, not a document file", path=path)
    if not path.is_file():
        raise InputError("not a regular file (a pipe or device would block or never end)", path=path)
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read file: {exc.strerror or exc}", path=path) from None


def read_text(path: Path) -> str:
    """The file decoded as strict UTF-8, refused when empty, blank, binary or not UTF-8."""
    data = read_bytes(path)
    if not data:
        raise InputError("empty file", path=path)
    for bom, name in WIDE_BOMS:
        if data.startswith(bom):
            raise InputError(f"{name} text is not read: save the file as UTF-8", path=path, line=1, column=1)
    nul = data.find(b"\x00")
    if nul >= 0:
        line, column = byte_position(data, nul)
        raise InputError(f"binary file: NUL byte at byte offset {nul}", path=path, line=line, column=column)
    text = decode_utf8(data, path)
    if not text.lstrip("\ufeff").strip():
        raise InputError("no text: the file holds only whitespace", path=path)
    _refuse_control_heavy(text, path)
    return text


def decode_utf8(data: bytes, path: Path) -> str:
    """Strict UTF-8 decoding; the first bad byte is reported by byte offset, line and column."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, column = byte_position(data, exc.start)
        if exc.end == len(data) and exc.reason == "unexpected end of data":
            message = f"truncated UTF-8 sequence at the end of the file (byte offset {exc.start})"
        else:
            message = f"not UTF-8: byte 0x{data[exc.start]:02x} at byte offset {exc.start} is invalid"
        raise InputError(message, path=path, line=line, column=column) from None


def byte_position(data: bytes, offset: int) -> tuple[int, int]:
    """1-based line and column (in characters) of a byte offset whose prefix is valid UTF-8."""
    line_start = data.rfind(b"\n", 0, offset) + 1
    column = len(data[line_start:offset].decode("utf-8", errors="replace")) + 1
    return data.count(b"\n", 0, offset) + 1, column


def text_position(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of a code-point offset into a text."""
    return text.count("\n", 0, offset) + 1, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _refuse_control_heavy(text: str, path: Path) -> None:
    """Refuse text whose opening stretch is mostly control characters (binary in disguise)."""
    sample = text[:SNIFF_CHARS]
    found = _CONTROL.findall(sample)
    if len(found) > MAX_CONTROL_SHARE * len(sample):
        first = _CONTROL.search(sample)
        offset = first.start() if first else 0
        line, column = text_position(text, offset)
        raise InputError(
            f"binary file: {len(found)} control characters in the first {len(sample)} characters",
            path=path,
            line=line,
            column=column,
        )

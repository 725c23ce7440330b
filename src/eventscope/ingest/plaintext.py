"""Plain text (.txt, .md) articles: a title line, an optional header block, then the body.

Syria deploys foreign fighters to Lebanon border      <- title: the first non-empty line
Published: 2025-11-13                                 <- optional header block: only
Outlet: The Cradle                                       "Key: value" lines with known keys,
URL: https://example.com/...                             ended by a blank line

Foreign fighters from the Syrian army ...             <- body (a dateline line first is
                                                         handled by make_article)
"""

from __future__ import annotations

import re

from eventscope.errors import InputError
from eventscope.ingest.dates import parse_published
from eventscope.ingest.options import ArticleMeta

HEADER_KEYS = {
    "published": "published",
    "date": "published",
    "outlet": "outlet",
    "source": "outlet",
    "url": "url",
}
_HEADER_LINE = re.compile(r"(?P<key>[A-Za-z]+)\s*:\s*(?P<value>\S.*)")
# A first line this long is a paragraph, not a title (a file of bare body text).
TITLE_MAX_CHARS = 300
# Share of bytes below 0x20 (bar tab, newlines, form feed) beyond which a file is not text.
_MAX_CONTROL_BYTES = 0.05
_TEXT_CONTROLS = frozenset(b"\t\n\r\f")


def decode_text(data: bytes) -> str:
    """UTF-8 text from a file's bytes; InputError for empty, binary or non-UTF-8 content."""
    if not data.strip():
        raise InputError("empty file")
    head = data[:8192]
    control = sum(1 for byte in head if byte < 0x20 and byte not in _TEXT_CONTROLS)
    if b"\x00" in head or control > _MAX_CONTROL_BYTES * len(head):
        raise InputError("binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        high = sum(1 for byte in head if byte >= 0x80)
        if high > 0.3 * len(head):
            raise InputError("binary file, not text") from exc
        raise InputError(
            f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); re-save the file as UTF-8"
        ) from exc


def parse_text_document(raw: str, *, markdown: bool = False) -> tuple[ArticleMeta, str]:
    """The title and header values of a plain-text article, and its body (still uncleaned)."""
    lines = raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    start = next((i for i, line in enumerate(lines) if line.strip()), None)
    if start is None:
        raise InputError("empty file")
    title = lines[start].strip()
    if markdown:
        title = title.lstrip("#").strip()
    rest = lines[start + 1 :]
    if len(title) > TITLE_MAX_CHARS or not any(line.strip() for line in rest):
        return ArticleMeta(), "\n".join(lines[start:])
    header, body = _split_header(rest)
    return ArticleMeta(title=title).fill(header), "\n".join(body)


def _split_header(lines: list[str]) -> tuple[ArticleMeta, list[str]]:
    """A header block right after the title, if every line of the first block is a known key."""
    first = next((i for i, line in enumerate(lines) if line.strip()), len(lines))
    end = next((i for i in range(first, len(lines)) if not lines[i].strip()), len(lines))
    values: dict[str, str] = {}
    for line in lines[first:end]:
        match = _HEADER_LINE.fullmatch(line.strip())
        key = HEADER_KEYS.get(match.group("key").lower()) if match else None
        if match is None or key is None:
            return ArticleMeta(), lines
        values[key] = match.group("value").strip()
    if not values:
        return ArticleMeta(), lines
    published = parse_published(values.get("published"), what="header Published:")
    meta = ArticleMeta(url=values.get("url"), outlet=values.get("outlet"), published=published)
    return meta, lines[end:]

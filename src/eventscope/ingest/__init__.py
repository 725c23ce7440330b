"""Ingest: files, feeds and URLs -> checked :class:`~eventscope.models.Article` records.

:func:`read_inputs` is the entry point; it yields an Article, or an IngestFailure saying in one
line why an input (a file, a row, a feed item, a URL) could not become one, and goes on.

    read_inputs ─┬─ directory       -> its supported files, sorted, recursively
                 ├─ .txt .md         -> plaintext  ─┐
                 ├─ .html .htm       -> html_page  ─┤
                 ├─ .jsonl .ndjson   -> records    ─┼─> make_article (normalise, boilerplate,
                 ├─ .csv             -> records    ─┤                 checks, language, id)
                 ├─ .xml .rss .atom  -> feeds      ─┤
                 └─ http(s)://       -> fetch, then feed / HTML / text by content
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from eventscope.errors import InputError
from eventscope.ingest.article import make_article
from eventscope.ingest.boilerplate import strip_boilerplate
from eventscope.ingest.language import detect_language
from eventscope.ingest.options import IngestOptions
from eventscope.models import Article, IngestFailure

if TYPE_CHECKING:
    import httpx

__all__ = [
    "IngestOptions",
    "SUPPORTED_SUFFIXES",
    "detect_language",
    "make_article",
    "read_inputs",
    "strip_boilerplate",
]

SUPPORTED_SUFFIXES = {
    ".txt": "text",
    ".md": "text",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
    ".html": "html",
    ".htm": "html",
    ".xml": "feed",
    ".rss": "feed",
    ".atom": "feed",
}


def _utcnow() -> datetime:
    return datetime.now(UTC)


def read_inputs(
    inputs: Iterable[str],
    options: IngestOptions,
    *,
    client: httpx.Client | None = None,
    now: Callable[[], datetime] = _utcnow,
) -> Iterator[Article | IngestFailure]:
    """Articles from paths, directories and http(s) URLs, in order; failures are yielded, not raised.

    An HTTP client is made (and closed) here only if a URL needs one and none was given.
    """
    from eventscope.ingest.sources import Reader  # keeps httpx out of `import eventscope.ingest`

    items = list(inputs)
    reader = Reader(options, client=client, now=now, single_input=len(items) == 1)
    try:
        for item in items:
            yield from reader.read(item)
    finally:
        reader.close()


def expand_directory(directory: Path) -> list[Path]:
    """The supported files under a directory, recursively, sorted; hidden ones skipped."""
    return sorted(
        path
        for path in directory.rglob("*")
        if path.is_file()
        and path.suffix.lower() in SUPPORTED_SUFFIXES
        and not any(part.startswith(".") for part in path.relative_to(directory).parts)
    )


def unsupported(suffix: str) -> InputError:
    kinds = " ".join(sorted(SUPPORTED_SUFFIXES))
    shown = suffix or "(no extension)"
    return InputError(f"unsupported input type {shown}; supported: {kinds}, directories and http(s) URLs")

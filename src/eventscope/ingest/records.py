"""Many articles in one file: JSON Lines (one object a line) and CSV (a header row), by column name."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path

from eventscope.errors import InputError
from eventscope.ingest.article import make_article
from eventscope.ingest.dates import parse_published
from eventscope.ingest.options import ArticleMeta, IngestOptions, defaults
from eventscope.models import Article, IngestFailure

# Whole articles in one CSV field exceed the csv module's 128 KiB default.
CSV_FIELD_LIMIT = min(sys.maxsize, 2**31 - 1)


def read_jsonl(path: Path, source: str, options: IngestOptions) -> Iterator[Article | IngestFailure]:
    """One article or failure per non-blank line."""
    _check_not_binary(path)
    with path.open(encoding="utf-8-sig", newline="") as lines:
        line_no = 0
        while True:
            try:
                line = lines.readline()
            except UnicodeDecodeError as exc:
                yield IngestFailure(
                    source,
                    f"{source} line {line_no + 1}: not valid UTF-8 ({exc.reason}); re-save the file as UTF-8",
                )
                return
            if not line:
                return
            line_no += 1
            if not line.strip():
                continue
            row_source = f"{source}#{line_no}"
            try:
                row = json.loads(line.strip())
            except json.JSONDecodeError as exc:
                yield IngestFailure(row_source, f"{source} line {line_no}: not valid JSON ({exc})")
                continue
            if not isinstance(row, dict):
                yield IngestFailure(row_source, f"{source} line {line_no}: not a JSON object")
                continue
            yield _row_result(row, source, line_no, options, kind="field")


def read_csv(path: Path, source: str, options: IngestOptions) -> Iterator[Article | IngestFailure]:
    """One article or failure per data row; a missing text column fails the whole file once."""
    _check_not_binary(path)
    csv.field_size_limit(CSV_FIELD_LIMIT)
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        try:
            columns = reader.fieldnames or []
            if options.text_column not in columns:
                yield IngestFailure(source, f"{source}: {_missing(options.text_column, columns, 'column')}")
                return
            while True:
                line_no = reader.line_num + 1  # the line this row starts on
                try:
                    row = next(reader)
                except StopIteration:
                    return
                yield _row_result(row, source, line_no, options, kind="column")
        except csv.Error as exc:
            yield IngestFailure(
                f"{source}#{reader.line_num}", f"{source} line {reader.line_num}: bad CSV ({exc})"
            )
        except UnicodeDecodeError as exc:
            yield IngestFailure(
                source, f"{source}: not valid UTF-8 ({exc.reason}); re-save the file as UTF-8"
            )


def _row_result(
    row: Mapping[str, object], source: str, line_no: int, options: IngestOptions, *, kind: str
) -> Article | IngestFailure:
    row_id = row.get(options.id_column) if options.id_column else None
    row_source = f"{source}#{row_id}" if row_id not in (None, "") else f"{source}#{line_no}"
    try:
        return _row_article(row, row_source, options, kind=kind)
    except InputError as exc:
        return IngestFailure(row_source, f"{source} line {line_no}: {exc}")


def _row_article(row: Mapping[str, object], row_source: str, options: IngestOptions, *, kind: str) -> Article:
    if options.text_column not in row:
        raise InputError(_missing(options.text_column, list(row), kind))
    text = row[options.text_column]
    if not isinstance(text, str):
        raise InputError(f"{kind} {options.text_column!r} is not a string")
    meta = ArticleMeta(
        title=_string(row, options.title_column, kind),
        url=_string(row, options.url_column, kind),
        outlet=_string(row, options.outlet_column, kind),
        published=parse_published(
            row.get(options.published_column), what=f"{kind} {options.published_column!r}"
        ),
    ).fill(defaults(options))
    return make_article(
        text,
        title=meta.title or "",
        url=meta.url,
        outlet=meta.outlet,
        published_at=meta.published,
        source=row_source,
    )


def _string(row: Mapping[str, object], column: str, kind: str) -> str | None:
    value = row.get(column)
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise InputError(f"{kind} {column!r} is not a string")
    return value


def _missing(column: str, present: Sequence[str], kind: str) -> str:
    shown = ", ".join(repr(name) for name in present[:12]) or "none"
    return f"no {column!r} {kind} (has {shown}); name the text {kind} with --text-column"


def _check_not_binary(path: Path) -> None:
    with path.open("rb") as handle:
        head = handle.read(8192)
    if not head.strip():
        raise InputError("empty file")
    if b"\x00" in head:
        raise InputError("binary file, not text")

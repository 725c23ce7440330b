"""What the caller (CLI flags, pipeline settings) tells ingest about its inputs."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, slots=True)
class IngestOptions:
    """Overrides, defaults and column names for :func:`eventscope.ingest.read_inputs`.

    ``published``, ``outlet`` and ``url`` override what a single-article input (a text or HTML
    file, a page URL) says about itself; for multi-record inputs (JSONL/CSV rows, feed items) the
    first two only fill in records that lack them, and ``url`` is ignored there (every record
    would get the same id). A naive ``published`` is taken as UTC.
    """

    published: datetime | None = None
    outlet: str | None = None
    url: str | None = None
    text_column: str = "text"
    title_column: str = "title"
    url_column: str = "url"
    outlet_column: str = "outlet"
    published_column: str = "published"
    id_column: str | None = None  # names rows in Article.source ("file.jsonl#<id>") to join results back
    allow_private_urls: bool = False
    fetch_timeout: float = 20.0


@dataclass(frozen=True, slots=True)
class ArticleMeta:
    """What is known about an article besides its text; ``None`` means unknown."""

    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: datetime | None = None

    def fill(self, other: ArticleMeta) -> ArticleMeta:
        """These values, with the gaps filled from ``other``."""
        return ArticleMeta(
            title=self.title or other.title,
            url=self.url or other.url,
            outlet=self.outlet or other.outlet,
            published=self.published if self.published is not None else other.published,
        )


def overrides(options: IngestOptions, *, single_input: bool) -> ArticleMeta:
    """Option values that beat what a single-article input says about itself.

    The URL override applies only when one input was given: on many, every article would get
    the same URL and so the same id.
    """
    return ArticleMeta(
        url=options.url if single_input else None, outlet=options.outlet, published=options.published
    )


def defaults(options: IngestOptions) -> ArticleMeta:
    """Option values for records (rows, feed items) that do not say."""
    return ArticleMeta(outlet=options.outlet, published=options.published)

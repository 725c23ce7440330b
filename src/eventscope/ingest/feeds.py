"""RSS and Atom feeds (feedparser): one record per item, text from the item when it has some."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import UTC, datetime

from eventscope.errors import InputError
from eventscope.ingest.html_page import html_fragment_text
from eventscope.ingest.options import ArticleMeta

FEED_MEDIA_TYPES = frozenset(
    ("application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/feed+xml")
)
_FEED_ROOT = re.compile(rb"<(?:rss|feed|rdf:RDF)[\s>]")


@dataclass(frozen=True, slots=True)
class FeedItem:
    index: int  # 1-based position in the feed, for the source string
    meta: ArticleMeta
    text: str | None  # the item's own text (content, else summary), HTML stripped


def looks_like_feed(content: bytes, media_type: str = "") -> bool:
    """By Content-Type, else by sniffing the root element in the first kilobytes."""
    if media_type in FEED_MEDIA_TYPES:
        return True
    return _FEED_ROOT.search(content[:4096]) is not None


def parse_feed(content: bytes) -> list[FeedItem]:
    """The items of an RSS/Atom document; InputError when it is not a readable feed."""
    import feedparser  # only needed for feeds

    # Always bytes: given a str that looks like a URL, feedparser would fetch it itself.
    parsed = feedparser.parse(bytes(content))
    entries = list(parsed.get("entries", []))
    if not entries and (parsed.get("bozo") or not parsed.get("version")):
        problem = " ".join(str(parsed.get("bozo_exception") or "no RSS or Atom items").split())
        raise InputError(f"not a readable RSS or Atom feed ({problem})")
    outlet = parsed.get("feed", {}).get("title") or None
    items = []
    for index, entry in enumerate(entries, start=1):
        meta = ArticleMeta(
            title=entry.get("title") or None,
            url=entry.get("link") or None,
            outlet=outlet,
            published=_entry_date(entry),
        )
        items.append(FeedItem(index=index, meta=meta, text=_entry_text(entry)))
    return items


def _entry_date(entry: dict) -> datetime | None:  # type: ignore[type-arg]
    # feedparser gives both as UTC struct_time.
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    return datetime.fromtimestamp(calendar.timegm(stamp), UTC) if stamp else None


def _entry_text(entry: dict) -> str | None:  # type: ignore[type-arg]
    """The longest full content, else the summary, as plain text."""
    contents = [c.get("value", "") for c in entry.get("content", []) if c.get("value")]
    raw = max(contents, key=len) if contents else entry.get("summary")
    if not raw:
        return None
    text = html_fragment_text(raw)
    return text if text.strip() else None

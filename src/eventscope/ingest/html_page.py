"""HTML pages: main text and metadata with trafilatura, then :func:`make_article`."""

from __future__ import annotations

from datetime import datetime
from html.parser import HTMLParser

from eventscope.errors import InputError
from eventscope.ingest.article import make_article
from eventscope.ingest.dates import parse_published
from eventscope.ingest.options import ArticleMeta
from eventscope.models import Article, RemovedText


def looks_like_html(content: bytes, media_type: str = "") -> bool:
    if media_type in ("text/html", "application/xhtml+xml"):
        return True
    head = content[:1024].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html"))


def read_html(
    html: bytes | str,
    *,
    source: str,
    given: ArticleMeta,
    fallback: ArticleMeta | None = None,
    fetched_at: datetime | None = None,
) -> Article:
    """An article from a page: ``given`` values beat the page's metadata, which beats ``fallback``."""
    page_meta, text = extract_html(html, url=given.url)
    meta = given.fill(page_meta).fill(fallback or ArticleMeta())
    # trafilatura ends each paragraph with one newline; we separate paragraphs with a blank line.
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    removed = []
    if lines and page_meta.title and meta.title != page_meta.title and _same(lines[0], page_meta.title):
        # The page's own heading, under a title given from elsewhere (a feed item): still not body.
        removed.append(RemovedText(lines.pop(0), "title"))
    body = "\n\n".join(lines)
    return make_article(
        body,
        title=meta.title or "",
        url=meta.url,
        outlet=meta.outlet,
        published_at=meta.published,
        source=source,
        fetched_at=fetched_at,
        removed=removed,
    )


def _same(line: str, title: str) -> bool:
    return " ".join(line.split()).casefold() == " ".join(title.split()).casefold()


def extract_html(html: bytes | str, *, url: str | None = None) -> tuple[ArticleMeta, str]:
    """The page's metadata (title, canonical URL, site name, date) and main text."""
    import trafilatura  # heavy; only needed for HTML
    from trafilatura.settings import Document

    document = trafilatura.bare_extraction(html, url=url, include_comments=False, with_metadata=True)
    text = document.text if isinstance(document, Document) else None
    if not isinstance(document, Document) or not text or not text.strip():
        raise InputError("no article text found in the HTML page")
    page_url = document.url if isinstance(document.url, str) and document.url.startswith("http") else None
    try:
        published = parse_published(document.date, what="page date")
    except InputError:
        published = None  # a page date we cannot read is no reason to drop the article
    meta = ArticleMeta(
        title=document.title or None, url=page_url, outlet=document.sitename or None, published=published
    )
    return meta, text


class _TextCollector(HTMLParser):
    """Text of an HTML fragment, with block elements as paragraph breaks."""

    _BLOCK_TAGS = "p div br li ul ol h1 h2 h3 h4 h5 h6 blockquote pre table tr section article header footer"
    BLOCKS = frozenset(_BLOCK_TAGS.split())
    SKIP = frozenset(("script", "style", "noscript"))

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.SKIP:
            self._skipping += 1
        elif tag in self.BLOCKS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP:
            self._skipping = max(0, self._skipping - 1)
        elif tag in self.BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data)


def html_fragment_text(fragment: str) -> str:
    """Plain text of an HTML snippet (a feed item's content or summary)."""
    if "<" not in fragment and "&" not in fragment:
        return fragment
    collector = _TextCollector()
    collector.feed(fragment)
    collector.close()
    # Inline whitespace inside a paragraph is layout, not content.
    paragraphs = ("".join(collector.parts)).split("\n\n")
    return "\n\n".join(" ".join(p.split()) for p in paragraphs if p.strip())

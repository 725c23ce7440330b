"""Dispatching each input of :func:`eventscope.ingest.read_inputs` to its reader."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime
from functools import partial
from pathlib import Path

import httpx

from eventscope.errors import InputError
from eventscope.ingest import SUPPORTED_SUFFIXES, expand_directory, unsupported
from eventscope.ingest.article import MIN_WORDS, make_article
from eventscope.ingest.feeds import FeedItem, looks_like_feed, parse_feed
from eventscope.ingest.fetch import FetchedPage, fetch_url
from eventscope.ingest.html_page import looks_like_html, read_html
from eventscope.ingest.options import ArticleMeta, IngestOptions, defaults, overrides
from eventscope.ingest.plaintext import decode_text, parse_text_document
from eventscope.ingest.records import read_csv, read_jsonl
from eventscope.models import Article, IngestFailure

Result = Article | IngestFailure


class Reader:
    """Reads inputs with one set of options and one HTTP client (made on first use if not given)."""

    def __init__(
        self,
        options: IngestOptions,
        *,
        client: httpx.Client | None,
        now: Callable[[], datetime],
        single_input: bool,
    ) -> None:
        self.options = options
        self.now = now
        self._client = client
        self._owns_client = False
        # Option values beat a single-article input's own; they are only defaults for records.
        self.overrides = overrides(options, single_input=single_input)
        self.overrides_in_directory = overrides(options, single_input=False)
        self.defaults = defaults(options)

    def close(self) -> None:
        if self._owns_client and self._client is not None:
            self._client.close()

    @property
    def client(self) -> httpx.Client:
        if self._client is None:
            self._client = httpx.Client()
            self._owns_client = True
        return self._client

    def read(self, item: str) -> Iterator[Result]:
        if item.lower().startswith(("http://", "https://")):
            yield from self._guard(item, partial(self._read_url, item))
            return
        path = Path(item)
        if path.is_dir():
            for child in expand_directory(path):
                read = partial(self._read_file, child, str(child), self.overrides_in_directory)
                yield from self._guard(str(child), read)
        elif not path.exists():
            yield IngestFailure(item, "no such file")
        else:
            yield from self._guard(item, partial(self._read_file, path, item, self.overrides))

    def _guard(self, source: str, read: Callable[[], Iterator[Result] | Result]) -> Iterator[Result]:
        """Run one reader; an InputError or OSError becomes a failure for this input only."""
        try:
            result = read()
            if isinstance(result, Article | IngestFailure):
                yield result
            else:
                yield from result
        except InputError as exc:
            yield IngestFailure(source, _one_line(exc))
        except OSError as exc:
            yield IngestFailure(source, f"cannot read: {_one_line(exc.strerror or exc)}")

    def _read_file(self, path: Path, source: str, given: ArticleMeta) -> Iterator[Result] | Result:
        kind = SUPPORTED_SUFFIXES.get(path.suffix.lower())
        if kind is None:
            raise unsupported(path.suffix.lower())
        if kind == "jsonl":
            return read_jsonl(path, source, self.options)
        if kind == "csv":
            return read_csv(path, source, self.options)
        data = path.read_bytes()
        if kind == "html":
            return read_html(data, source=source, given=given)
        if kind == "feed":
            if not looks_like_feed(data):
                raise InputError("not an RSS or Atom feed (no <rss>, <feed> or <rdf:RDF> root)")
            return self._read_feed(data, source)
        markdown = path.suffix.lower() == ".md"
        return self._read_text(decode_text(data), source, given=given, markdown=markdown)

    def _read_text(
        self,
        raw: str,
        source: str,
        *,
        given: ArticleMeta,
        markdown: bool = False,
        fetched_at: datetime | None = None,
    ) -> Article:
        own, body = parse_text_document(raw, markdown=markdown)
        meta = given.fill(own)
        return make_article(
            body,
            title=meta.title or "",
            url=meta.url,
            outlet=meta.outlet,
            published_at=meta.published,
            source=source,
            fetched_at=fetched_at,
        )

    def _read_url(self, url: str) -> Iterator[Result] | Result:
        page = self._fetch(url)
        if looks_like_feed(page.content, page.media_type) and not looks_like_html(page.content):
            return self._read_feed(page.content, url)
        given = self.overrides.fill(ArticleMeta(url=page.url))
        if looks_like_html(page.content, page.media_type):
            return read_html(page.content, source=url, given=given, fetched_at=page.fetched_at)
        if page.media_type in ("text/plain", ""):
            return self._read_text(decode_text(page.content), url, given=given, fetched_at=page.fetched_at)
        raise InputError(f"unsupported content type {page.media_type!r}; expected HTML, plain text or a feed")

    def _read_feed(self, content: bytes, source: str) -> Iterator[Result]:
        for item in parse_feed(content):
            item_source = f"{source}#{item.index}"
            yield from self._guard(item_source, partial(self._read_feed_item, item, item_source))

    def _read_feed_item(self, item: FeedItem, source: str) -> Article:
        meta = item.meta.fill(self.defaults)
        # A teaser shorter than an article is not the article: read the page it links to.
        if item.text is not None and (len(item.text.split()) >= MIN_WORDS or not meta.url):
            return make_article(
                item.text,
                title=meta.title or "",
                url=meta.url,
                outlet=meta.outlet,
                published_at=meta.published,
                source=source,
            )
        if not meta.url:
            raise InputError("feed item has no text and no link")
        page = self._fetch(meta.url)
        return read_html(page.content, source=source, given=meta, fetched_at=page.fetched_at)

    def _fetch(self, url: str) -> FetchedPage:
        return fetch_url(
            url,
            client=self.client,
            allow_private=self.options.allow_private_urls,
            timeout=self.options.fetch_timeout,
            now=self.now,
        )


def _one_line(value: object) -> str:
    return " ".join(str(value).split())

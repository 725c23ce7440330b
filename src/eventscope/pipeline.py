"""The composition root: ingest -> nlp -> extract -> resolve -> merge -> store.

``build_pipeline`` makes the real dependencies (spaCy model, gazetteer, actor dictionary, store);
``Pipeline`` only wires what it is given, so tests can pass their own.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING

from eventscope.config import Settings
from eventscope.extract.attribution import load_attribution_lexicon
from eventscope.extract.events import MentionExtractor
from eventscope.extract.quotes import requote
from eventscope.extract.times import find_time_expressions
from eventscope.extract.toponyms import drop_outlet_names, find_toponyms
from eventscope.extract.triggers import load_trigger_lexicon
from eventscope.gcpolicy import fewer_collections as _fewer_collections
from eventscope.ingest import IngestOptions, read_inputs
from eventscope.merge import merge_mentions
from eventscope.models import Article, Event, IngestFailure, Mention
from eventscope.nlp import load_model
from eventscope.resolve.actors import ActorDictionary, load_actor_dictionary
from eventscope.resolve.geo.gazetteer import Gazetteer, load_gazetteer
from eventscope.resolve.geo.resolver import Geocoder
from eventscope.resolve.mentions import MentionResolver
from eventscope.store import Store, open_store
from eventscope.timing import StageTimer

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc


@dataclass
class IngestReport:
    """What one ingest run did; the CLI prints it and exits non-zero when ``failures`` is not empty."""

    articles_seen: int = 0
    articles_new: int = 0
    articles_known: int = 0
    # new articles with no publication date (nor fetch time): their relative dates stay unresolved
    articles_undated: int = 0
    mentions: int = 0
    events: int = 0
    failures: list[IngestFailure] = field(default_factory=list)


Progress = Callable[[int], None]
# Articles in, (article, its mentions) out, in the same order: in this process or on a cluster.
Analyze = Callable[[Iterable[Article]], Iterator[tuple[Article, list[Mention]]]]


class Analyzer:
    """nlp -> extract -> resolve for articles. It holds no store, so it runs anywhere (a Dask worker too).

    ``n_process`` > 1 parses with that many ``nlp.pipe`` processes; the parse is the cost, and
    extraction stays in this process, overlapping with the parse of the next texts.
    """

    def __init__(
        self,
        nlp: Language,
        gazetteer: Gazetteer,
        actors: ActorDictionary,
        *,
        batch_size: int = 32,
        n_process: int = 1,
        timer: StageTimer | None = None,
    ) -> None:
        self.nlp = nlp
        self.gazetteer = gazetteer
        self.batch_size = batch_size
        self.n_process = n_process
        self.timer = timer or StageTimer()
        self.extractor = MentionExtractor(
            load_trigger_lexicon(), load_attribution_lexicon(), lambda text: actors.lookup(text) is not None
        )
        self.resolver = MentionResolver(actors, Geocoder(gazetteer))
        self.lexicon = gazetteer.lexicon()

    def analyze(self, articles: Iterable[Article]) -> Iterator[tuple[Article, list[Mention]]]:
        """Each article with its mentions, in order; ``articles`` is read lazily, as the parse needs it.

        One ``nlp.pipe`` call for the whole stream, so parse processes start once per run.
        """
        docs = self.nlp.pipe(
            ((a.text, a) for a in articles),
            as_tuples=True,
            batch_size=self.batch_size,
            n_process=self.n_process,
        )
        while (parsed := self._next_parsed(docs)) is not None:
            doc, article = parsed
            text = doc.text  # spaCy joins every token to make it: once per article
            with self.timer("extract"):
                toponyms = find_toponyms(doc, article.id, self.gazetteer.is_place_name, lexicon=self.lexicon)
                toponyms = drop_outlet_names(toponyms, article.outlet)
                times = [t.evidence for t in find_time_expressions(doc, article.id, text)]
                drafts = self.extractor.extract(doc, article, toponyms, times, text)
            with self.timer("resolve"):
                mentions = self.resolver.resolve(
                    article, drafts, toponyms, publication_date(article), dated=is_dated(article)
                )
            if text != article.text:  # the parser read a re-cased copy: quote the article itself
                mentions = [requote(m, article.text) for m in mentions]
            yield article, mentions

    def _next_parsed(self, docs: Iterator[tuple[Doc, Article]]) -> tuple[Doc, Article] | None:
        # nlp.pipe pulls the input stream lazily, so reading inputs (timed as their own stages)
        # happens inside next(): count only the rest as "nlp".
        seconds = self.timer.seconds
        others = sum(seconds.values()) - seconds["nlp"]
        start = time.perf_counter()
        parsed = next(docs, None)
        seconds["nlp"] += time.perf_counter() - start - (sum(seconds.values()) - seconds["nlp"] - others)
        return parsed


class Pipeline:
    def __init__(
        self,
        nlp: Language,
        gazetteer: Gazetteer,
        actors: ActorDictionary,
        store: Store,
        *,
        batch_size: int = 32,
        n_process: int = 1,
    ) -> None:
        self.nlp = nlp
        self.gazetteer = gazetteer
        self.actors = actors
        self.store = store
        self.batch_size = batch_size
        self.timer = StageTimer()
        self.analyzer = Analyzer(
            nlp, gazetteer, actors, batch_size=batch_size, n_process=n_process, timer=self.timer
        )
        self.extractor = self.analyzer.extractor
        self.resolver = self.analyzer.resolver
        self.lexicon = self.analyzer.lexicon

    def ingest(
        self,
        inputs: Iterable[str],
        options: IngestOptions,
        *,
        progress: Progress | None = None,
        analyze: Analyze | None = None,
    ) -> IngestReport:
        """Read inputs, extract and store every new article, then re-merge events.

        ``analyze`` replaces the in-process analysis (``scale.py`` passes a Dask one).
        """
        return ingest_into(
            self.store,
            read_inputs(inputs, options),
            analyze or self.analyzer.analyze,
            batch_size=self.batch_size,
            timer=self.timer,
            progress=progress,
        )

    def extract(self, articles: Sequence[Article]) -> Iterator[list[Mention]]:
        """Mentions of each article, in order (nlp.pipe batches the parse)."""
        for _article, mentions in self.analyzer.analyze(articles):
            yield mentions

    def remerge(self) -> list[Event]:
        with self.timer("merge"):
            return remerge(self.store)


def ingest_into(
    store: Store,
    items: Iterable[Article | IngestFailure],
    analyze: Analyze,
    *,
    batch_size: int,
    timer: StageTimer,
    progress: Progress | None = None,
) -> IngestReport:
    """Store every new article of ``items`` with its mentions (``batch_size`` per transaction), then re-merge.

    An interrupted run leaves whole articles only (each batch is one transaction); running it
    again skips what was stored and merges everything, so nothing is lost or doubled.
    """
    report = IngestReport()
    done: list[tuple[Article, list[Mention]]] = []
    fresh: dict[str, tuple[Article, list[Mention]]] = {}
    with _fewer_collections():
        for article, mentions in analyze(_new_articles(store, items, report, batch_size, timer, progress)):
            done.append((article, mentions))
            fresh[article.id] = (article, mentions)
            report.articles_new += 1
            report.articles_undated += not is_dated(article)
            report.mentions += len(mentions)
            if len(done) >= batch_size:
                _save(store, done, timer)
                done = []
        _save(store, done, timer)
        with timer("merge"):
            report.events = len(remerge(store, fresh))
    return report


def _new_articles(
    store: Store,
    items: Iterable[Article | IngestFailure],
    report: IngestReport,
    batch_size: int,
    timer: StageTimer,
    progress: Progress | None,
) -> Iterator[Article]:
    """The articles not stored yet (nor seen earlier in this run); failures are recorded on the way."""
    seen_in_run: set[str] = set()
    items = iter(items)
    while True:
        with timer("ingest"):
            batch = list(islice(items, batch_size))
        if not batch:
            return
        articles = [item for item in batch if isinstance(item, Article)]
        with timer("store"):
            for failure in (item for item in batch if isinstance(item, IngestFailure)):
                store.add_failure(failure)
                report.failures.append(failure)
            stored = store.known_articles(a.id for a in articles)
        report.articles_seen += len(articles)
        fresh: list[Article] = []
        for article in articles:
            if article.id in stored or article.id in seen_in_run:
                report.articles_known += 1
                continue
            seen_in_run.add(article.id)
            fresh.append(article)
        fresh_ids = {a.id for a in fresh}
        with timer("store"):  # a known article's source reads fine now
            store.clear_failures(a.source for a in articles if a.id not in fresh_ids)
        yield from fresh
        if progress is not None:
            progress(len(batch))


def _save(store: Store, done: Sequence[tuple[Article, list[Mention]]], timer: StageTimer) -> None:
    if not done:
        return
    with timer("store"):
        store.save_results(done)
        store.clear_failures(article.source for article, _ in done)


def remerge(store: Store, fresh: Mapping[str, tuple[Article, list[Mention]]] | None = None) -> list[Event]:
    """Re-cluster every stored mention into events and store them; one merge at a time per database.

    ``fresh``: articles this run just stored, with their mentions, so they need not be read back
    (they equal what the store returns; only the others are decoded from the database).
    """
    fresh = fresh or {}
    with store.merge_lock():
        others = [a for a in store.article_ids() if a not in fresh]
        mentions = [m for _, ms in fresh.values() for m in ms] + (store.mentions(others) if others else [])
        articles = {a.id: a for a, _ in fresh.values()} | {a.id: a for a in store.articles_by_id(others)}
        events = merge_mentions(mentions, articles)
        store.replace_events(events, {e.id: e.mention_ids for e in events})
    return events


def publication_date(article: Article) -> date:
    """Dates resolve against publication; without it, against when the article was fetched; without
    either, the reporting window is this week's and relative dates stay unresolved (``is_dated``)."""
    when = article.published_at or article.fetched_at or datetime.now(UTC)
    return when.date()


def is_dated(article: Article) -> bool:
    """Does the article say when it was published (or when it was fetched)? Without that, "on Sunday"
    cannot be placed: counting it from the day of the run would be a silent guess."""
    return article.published_at is not None or article.fetched_at is not None


def build_pipeline(settings: Settings, *, actors_file: Path | None = None, n_process: int = 1) -> Pipeline:
    """The real pipeline: the installed spaCy model, the built gazetteer, the actor dictionary, the store."""
    return Pipeline(
        nlp=load_model(settings.model),
        gazetteer=load_gazetteer(),
        actors=load_actor_dictionary(actors_file),
        store=open_store(settings.db),
        batch_size=settings.batch_size,
        n_process=n_process,
    )

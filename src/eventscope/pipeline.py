"""The composition root: ingest -> nlp -> extract -> resolve -> merge -> store.

``build_pipeline`` makes the real dependencies (spaCy model, gazetteer, actor dictionary, store);
``Pipeline`` only wires what it is given, so tests can pass their own.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING

from eventscope.config import Settings
from eventscope.extract.attribution import load_attribution_lexicon
from eventscope.extract.events import MentionExtractor
from eventscope.extract.times import find_time_expressions
from eventscope.extract.toponyms import find_toponyms
from eventscope.extract.triggers import load_trigger_lexicon
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


@dataclass
class IngestReport:
    """What one ingest run did; the CLI prints it and exits non-zero when ``failures`` is not empty."""

    articles_seen: int = 0
    articles_new: int = 0
    articles_known: int = 0
    mentions: int = 0
    events: int = 0
    failures: list[IngestFailure] = field(default_factory=list)


Progress = Callable[[int], None]


class Pipeline:
    def __init__(
        self,
        nlp: Language,
        gazetteer: Gazetteer,
        actors: ActorDictionary,
        store: Store,
        *,
        batch_size: int = 32,
    ) -> None:
        self.nlp = nlp
        self.gazetteer = gazetteer
        self.actors = actors
        self.store = store
        self.batch_size = batch_size
        self.extractor = MentionExtractor(
            load_trigger_lexicon(), load_attribution_lexicon(), lambda text: actors.lookup(text) is not None
        )
        self.resolver = MentionResolver(actors, Geocoder(gazetteer))
        self.timer = StageTimer()
        self.lexicon = gazetteer.lexicon()

    def ingest(
        self, inputs: Iterable[str], options: IngestOptions, *, progress: Progress | None = None
    ) -> IngestReport:
        """Read inputs, extract and store every new article, then re-merge events."""
        report = IngestReport()
        seen_in_run: set[str] = set()
        items = read_inputs(inputs, options)
        while True:
            with self.timer("ingest"):
                batch = list(islice(items, self.batch_size))
            if not batch:
                break
            new: list[Article] = []
            for item in batch:
                if isinstance(item, IngestFailure):
                    self.store.add_failure(item)
                    report.failures.append(item)
                    continue
                report.articles_seen += 1
                with self.timer("store"):
                    known = item.id in seen_in_run or self.store.has_article(item.id)
                if known:
                    report.articles_known += 1
                    self.store.clear_failure(item.source)
                    continue
                seen_in_run.add(item.id)
                new.append(item)
            for article, mentions in zip(new, self.extract(new), strict=True):
                with self.timer("store"):
                    self.store.save_article_results(article, mentions)
                    self.store.clear_failure(article.source)
                report.articles_new += 1
                report.mentions += len(mentions)
            if progress is not None:
                progress(len(batch))
        with self.timer("merge"):
            report.events = len(self.remerge())
        return report

    def extract(self, articles: Sequence[Article]) -> Iterator[list[Mention]]:
        """Mentions of each article, in order (nlp.pipe batches the parse)."""
        docs = self.nlp.pipe((a.text for a in articles), batch_size=self.batch_size)
        for article in articles:
            with self.timer("nlp"):
                doc = next(docs)
            with self.timer("extract"):
                toponyms = find_toponyms(doc, article.id, self.gazetteer.is_place_name, lexicon=self.lexicon)
                times = [t.evidence for t in find_time_expressions(doc, article.id)]
                drafts = self.extractor.extract(doc, article, toponyms, times)
            with self.timer("resolve"):
                mentions = self.resolver.resolve(article, drafts, toponyms, publication_date(article))
            yield mentions

    def remerge(self) -> list[Event]:
        mentions = self.store.mentions()
        articles = {a.id: a for a in self.store.articles()}
        events = merge_mentions(mentions, articles)
        self.store.replace_events(events, {e.id: e.mention_ids for e in events})
        return events


def publication_date(article: Article) -> date:
    """Dates resolve against publication; without it, against when the article was fetched."""
    when = article.published_at or article.fetched_at or datetime.now(UTC)
    return when.date()


def build_pipeline(settings: Settings, *, actors_file: Path | None = None) -> Pipeline:
    """The real pipeline: the installed spaCy model, the built gazetteer, the actor dictionary, the store."""
    return Pipeline(
        nlp=load_model(settings.model),
        gazetteer=load_gazetteer(),
        actors=load_actor_dictionary(actors_file),
        store=open_store(settings.db),
        batch_size=settings.batch_size,
    )

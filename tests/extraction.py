"""The mention extractor as the pipeline builds it (trigger and attribution lexicons, the actor
dictionary's names), for tests that read what a sentence gives without toponyms or the geocoder."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from functools import cache

from spacy.language import Language

from eventscope.extract.attribution import load_attribution_lexicon
from eventscope.extract.events import MentionDraft, MentionExtractor
from eventscope.extract.triggers import load_trigger_lexicon
from eventscope.models import Article, Evidence, Mention
from eventscope.resolve.actors import load_actor_dictionary

PUBLISHED = datetime(2024, 5, 1, tzinfo=UTC)


@cache
def _extractor(known_actors: bool) -> MentionExtractor:
    actors = load_actor_dictionary()
    is_actor = (lambda t: actors.lookup(t) is not None) if known_actors else (lambda _: False)
    return MentionExtractor(load_trigger_lexicon(), load_attribution_lexicon(), is_actor)


def extract_drafts(
    nlp: Language,
    text: str,
    *,
    published: datetime = PUBLISHED,
    times: Sequence[Evidence] = (),
    known_actors: bool = True,
) -> list[MentionDraft]:
    """The drafts the extractor makes of ``text`` published at ``published`` (time expressions given)."""
    article = Article(id="t", text=text, published_at=published)
    return list(_extractor(known_actors).extract(nlp(text), article, [], list(times)))


def extract_mentions(nlp: Language, text: str, **options: object) -> list[Mention]:
    """The mentions of :func:`extract_drafts`."""
    return [d.mention for d in extract_drafts(nlp, text, **options)]  # type: ignore[arg-type]


def found_types(nlp: Language, text: str) -> dict[str, tuple[str, str | None]]:
    """Each mention's trigger word -> its PLOVER type and mode."""
    return {m.trigger.text: (m.type.plover, m.type.plover_mode) for m in extract_mentions(nlp, text)}


def assert_coded(found: dict[str, tuple[str, str | None]], word: str, plover: str, mode: str | None) -> None:
    """``word`` is a trigger of type ``plover`` (and of ``mode`` unless None: any mode)."""
    assert word in found, found
    assert found[word][0] == plover, found
    if mode is not None:
        assert found[word][1] == mode, found


def analyzed(pipeline: object, text: str, *, published: datetime, article_id: str = "t") -> list[Mention]:
    """The mentions the real pipeline's analyzer (toponyms and geocoder included) makes of ``text``."""
    article = Article(
        id=article_id, text=text, title="t", outlet="x", published_at=published, language="en", source="test"
    )
    ((_, mentions),) = list(pipeline.analyzer.analyze([article]))  # type: ignore[attr-defined]
    return mentions

"""Resolve a mention's surface references: places through the geocoder, actors through the actor
dictionary, its time expression against the publication date, and its types through the crosswalk."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from eventscope.extract.events import MentionDraft
from eventscope.models import Article, Mention, PlaceRef, Toponym
from eventscope.resolve.actors import ActorDictionary
from eventscope.resolve.geo.resolver import Geocoder
from eventscope.resolve.ontology import crosswalk
from eventscope.resolve.time import reporting_window, resolve_time


class MentionResolver:
    def __init__(self, actors: ActorDictionary, geocoder: Geocoder) -> None:
        self.actors = actors
        self.geocoder = geocoder

    def resolve(
        self, article: Article, drafts: Sequence[MentionDraft], toponyms: Sequence[Toponym], published: date
    ) -> list[Mention]:
        resolved_places = self.geocoder.resolve(toponyms, article_text=article.text)
        return [self._one(draft, resolved_places, published) for draft in drafts]

    def _one(
        self, draft: MentionDraft, resolved_places: dict[tuple[int, int], PlaceRef], published: date
    ) -> Mention:
        m = draft.mention
        places = tuple(
            replace(resolved_places.get((p.evidence.start, p.evidence.end), p), role=p.role) for p in m.places
        )
        actor = self.actors.resolve(m.actor.evidence) if m.actor is not None else None
        recipient = self.actors.resolve(m.recipient.evidence) if m.recipient is not None else None
        time = resolve_time(draft.time_evidence, published) if draft.time_evidence is not None else None
        if time is None:
            time = reporting_window(published)
        event_type = crosswalk(
            m.type.plover,
            m.type.plover_mode,
            recipient_kind=recipient.kind if recipient is not None else None,
        )
        return replace(m, places=places, actor=actor, recipient=recipient, time=time, type=event_type)

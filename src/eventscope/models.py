"""Typed, frozen records passed between the pipeline stages.

    ingest -> Article
    nlp    -> spaCy Doc (not a record of ours)
    extract-> Mention (with PlaceRef/TimeRef/ActorRef holding surface evidence, unresolved)
    resolve-> Mention (same record, places/dates/actors filled in with dataclasses.replace)
    merge  -> Event (one real-world happening, many mentions)

Every extracted field carries an :class:`Evidence`: the article id and a character span into
``Article.text``. Records are immutable; stages return new ones.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum


class PlaceRole(StrEnum):
    SITE = "site"
    ORIGIN = "origin"
    DESTINATION = "destination"
    NEAR = "near"


class PlaceLevel(StrEnum):
    """How fine a resolved place is; maps onto ACLED's geo_precision."""

    TOWN = "town"  # a populated place or a point feature
    DISTRICT = "district"  # second-level division, or "near X"
    ADMIN1 = "admin1"  # province, governorate, state
    REGION = "region"  # border zones, named regions spanning several units
    COUNTRY = "country"
    UNRESOLVED = "unresolved"


class TimePrecision(StrEnum):
    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    YEAR = "year"


class Modality(StrEnum):
    ASSERTED = "asserted"
    CLAIMED = "claimed"
    ALLEGED = "alleged"
    ATTEMPTED = "attempted"
    PLANNED = "planned"
    DENIED = "denied"
    NEGATED = "negated"


class AttributionKind(StrEnum):
    ANONYMOUS_SOURCES = "anonymous_sources"
    MEDIA_REPORTS = "media_reports"
    DIPLOMATIC_SOURCES = "diplomatic_sources"
    OFFICIAL_STATEMENT = "official_statement"
    STATE_MEDIA = "state_media"
    EYEWITNESS = "eyewitness"
    ORGANISATION = "organisation"
    NONE = "none"


class ActorKind(StrEnum):
    """ACLED ``inter`` codes 1-8, by name."""

    STATE_FORCES = "state_forces"  # 1
    REBEL_GROUP = "rebel_group"  # 2
    POLITICAL_MILITIA = "political_militia"  # 3
    IDENTITY_MILITIA = "identity_militia"  # 4
    RIOTERS = "rioters"  # 5
    PROTESTERS = "protesters"  # 6
    CIVILIANS = "civilians"  # 7
    EXTERNAL_OTHER = "external_other"  # 8


ACLED_INTER_CODE: dict[ActorKind, int] = {kind: i for i, kind in enumerate(ActorKind, start=1)}


class ClaimStatus(StrEnum):
    SINGLE_SOURCE = "single_source"
    CORROBORATED = "corroborated"
    DISPUTED = "disputed"


@dataclass(frozen=True, slots=True)
class Evidence:
    """A character span ``[start, end)`` of one article's main text, and the text it quotes."""

    article_id: str
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class RemovedText:
    """Boilerplate taken out of an article before extraction, kept so the removal is visible."""

    text: str
    reason: str


@dataclass(frozen=True, slots=True)
class Article:
    id: str  # sha256 of the canonical URL, else of the normalised text
    text: str  # main text only; every Evidence indexes into it
    title: str = ""
    url: str | None = None
    outlet: str | None = None
    published_at: datetime | None = None
    language: str | None = None
    fetched_at: datetime | None = None
    source: str = ""  # where ingest found it: a path, a feed URL, "jsonl:file.jsonl#12"
    removed: tuple[RemovedText, ...] = ()


@dataclass(frozen=True, slots=True)
class IngestFailure:
    """An input that could not become an article; recorded, never silently dropped."""

    source: str
    reason: str


@dataclass(frozen=True, slots=True)
class Place:
    gazetteer_id: str  # "geonames:170592", "country:SY", "border:LB-SY", ...
    name: str
    lat: float
    lon: float
    feature_class: str  # GeoNames class: P populated place, A admin, L area, H water, T terrain
    feature_code: str  # GeoNames code: PPL, PPLC, ADM1, PCLI, ... ("BRDR" for a border zone)
    country_code: str | None = None  # ISO 3166-1 alpha-2
    admin1: str | None = None  # name of the first-level division
    admin2: str | None = None
    population: int = 0


@dataclass(frozen=True, slots=True)
class Toponym:
    """A place name found in the text (recognition only; the geocoder resolves it).

    ``feature_hint`` is what the text says the place is ("city", "town", "village", "area",
    "province", "region", "border", "country", "countryside"); ``admin_hint`` names an enclosing
    unit given beside it ("Idlib" in "the Harem area in Idlib province"); ``border_countries``
    holds ISO codes for border phrases ("the Syrian-Lebanese border" -> ("SY", "LB")).
    """

    evidence: Evidence
    source: str  # how it was found: "ner:GPE", "ner:FAC", "gazetteer", "cue", "border"
    feature_hint: str | None = None
    admin_hint: str | None = None
    border_countries: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class PlaceRef:
    """A toponym in the text and what it resolved to (``place is None``: unresolved, kept)."""

    evidence: Evidence
    role: PlaceRole = PlaceRole.SITE
    place: Place | None = None
    level: PlaceLevel = PlaceLevel.UNRESOLVED
    border_km: float | None = None  # distance to the nearest international border, when known
    note: str | None = None  # why the article's context changed the geocoder's reading (resolve/coherence.py)
    # False: no event word governs the place name; it was given to the nearest one in its sentence ("U.S.
    # officials in the United States affirmed that the army murdered ..."), which says less (merge/compare.py)
    tied: bool = True


@dataclass(frozen=True, slots=True)
class TimeRef:
    """A resolved date range ``[start, end]`` (inclusive) and what in the text it came from.

    ``resolved`` False means the range is the article's reporting window and precision says how
    coarse: the text gave no date for this event (``evidence is None``), or gave one that cannot be
    placed (``evidence`` set: "on Sunday" in an article that says nowhere when it was published).
    """

    start: date
    end: date
    precision: TimePrecision
    evidence: Evidence | None = None
    historical: bool = False
    resolved: bool = True


@dataclass(frozen=True, slots=True)
class ActorRef:
    evidence: Evidence
    canonical_id: str | None = None
    name: str | None = None  # canonical name, e.g. "Islamic State" for "Daesh"
    kind: ActorKind | None = None
    country: str | None = None  # ISO 3166-1 alpha-2

    @property
    def text(self) -> str:
        return self.evidence.text


@dataclass(frozen=True, slots=True)
class Attribution:
    """Who the text says the claim comes from, and through which outlet it reached us."""

    kind: AttributionKind = AttributionKind.NONE
    claimant: str | None = None  # "sources", "Lebanese media reports", "Al Mayadeen"
    via_outlet: str | None = None  # outlet that carried the claim ("The Cradle")
    evidence: Evidence | None = None


@dataclass(frozen=True, slots=True)
class Magnitude:
    """A number of people: ``kind`` is killed, injured or size; ``low``/``high`` may be equal."""

    kind: str
    low: int | None
    high: int | None
    evidence: Evidence


@dataclass(frozen=True, slots=True)
class EventType:
    """One coding of what happened, in the three ontologies, kept consistent by the crosswalk."""

    plover: str
    plover_mode: str | None
    acled_type: str
    acled_sub_type: str
    cameo_root: str


@dataclass(frozen=True, slots=True)
class Mention:
    """One event as reported in one article."""

    id: str
    article_id: str
    sentence: Evidence
    trigger: Evidence
    type: EventType
    actor: ActorRef | None = None
    recipient: ActorRef | None = None
    places: tuple[PlaceRef, ...] = ()
    time: TimeRef | None = None
    attribution: Attribution = field(default_factory=Attribution)
    modality: Modality = Modality.ASSERTED
    modality_evidence: Evidence | None = None
    magnitudes: tuple[Magnitude, ...] = ()
    confidence: float = 0.5
    extractor_version: str = ""

    def place(self, role: PlaceRole) -> PlaceRef | None:
        """The finest resolved place of a role, else the first unresolved one."""
        refs = [p for p in self.places if p.role == role]
        resolved = [p for p in refs if p.place is not None]
        if resolved:
            return min(resolved, key=lambda p: LEVEL_ORDER[p.level])
        return refs[0] if refs else None


LEVEL_ORDER: dict[PlaceLevel, int] = {level: i for i, level in enumerate(PlaceLevel)}

# ACLED geo_precision: 1 town, 2 district / near a town, 3 province or larger.
ACLED_GEO_PRECISION: dict[PlaceLevel, int] = {
    PlaceLevel.TOWN: 1,
    PlaceLevel.DISTRICT: 2,
    PlaceLevel.ADMIN1: 3,
    PlaceLevel.REGION: 3,
    PlaceLevel.COUNTRY: 3,
    PlaceLevel.UNRESOLVED: 3,
}

# ACLED time_precision: 1 day, 2 week (or a few days), 3 month or coarser.
ACLED_TIME_PRECISION: dict[TimePrecision, int] = {
    TimePrecision.DAY: 1,
    TimePrecision.WEEK: 2,
    TimePrecision.MONTH: 3,
    TimePrecision.YEAR: 3,
}


@dataclass(frozen=True, slots=True)
class MergeLink:
    """Why a mention belongs to its event: what it was compared with, the score and the reasons."""

    mention_id: str
    joined: str | None  # the mention it was matched against; None for the event's founding mention
    score: float
    reasons: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ReportVersion:
    """One report's own version of an event, kept side by side with the others."""

    mention_id: str
    article_id: str
    outlet: str | None  # who published the report
    via: str | None  # outlet the claim came through, when the text names another ("Al Mayadeen cited ...")
    claimant: str | None
    attribution: AttributionKind
    modality: Modality
    origin: str  # the independent source this report counts as (syndicated copies share one)
    killed: Magnitude | None = None
    place: str | None = None
    disputed_by: str | None = None  # the text that denies or doubts it, when the report itself does


@dataclass(frozen=True, slots=True)
class EventChange:
    """One entry of an event's history: created, a new report, a revised toll, a merge..."""

    event_id: str
    seq: int
    kind: str  # created | updated | merged_into
    changes: tuple[tuple[str, str | None, str | None], ...] = ()  # (field, old, new)
    into: str | None = None  # for merged_into: the event that absorbed this one


@dataclass(frozen=True, slots=True)
class Event:
    """One real-world happening, merged from one or more mentions."""

    id: str
    type: EventType
    start: date
    end: date
    time_precision: int  # ACLED: 1 day, 2 week, 3 month+
    historical: bool
    place: Place | None
    place_level: PlaceLevel
    geo_precision: int  # ACLED: 1 town, 2 district/near, 3 province+
    location_text: str | None
    origin: Place | None
    destination: Place | None
    actor: ActorRef | None
    recipient: ActorRef | None
    mention_ids: tuple[str, ...]
    n_reports: int
    n_outlets: int
    n_independent: int
    claim_status: ClaimStatus
    fatalities_low: int | None = None
    fatalities_best: int | None = None
    fatalities_high: int | None = None
    modality: Modality = Modality.ASSERTED
    summary: str = ""
    links: tuple[MergeLink, ...] = ()
    reports: tuple[ReportVersion, ...] = ()

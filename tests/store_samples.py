"""Hand-made records for the store, codec and export tests: three reports, four events.

Every Evidence is cut from its article's text by :func:`evidence`, so spans always match.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

from eventscope.models import (
    ActorKind,
    ActorRef,
    Article,
    Attribution,
    AttributionKind,
    ClaimStatus,
    Event,
    EventType,
    Evidence,
    Magnitude,
    Mention,
    Modality,
    Place,
    PlaceLevel,
    PlaceRef,
    PlaceRole,
    RemovedText,
    TimePrecision,
    TimeRef,
)

BEIRUT = timezone(timedelta(hours=2))

STRIKE_NNA = Article(
    id="a1" + "0" * 62,
    url="https://levant-wire.example/2026/11/19/israeli-strike-bint-jbeil-kills-three",
    outlet="Levant Wire",
    title="Israeli strike on south Lebanon town kills three, state media says",
    text=(
        "An Israeli airstrike on the town of Bint Jbeil in south Lebanon killed three civilians on Thursday "
        "afternoon, Lebanon's state news agency NNA reported.\n\n"
        "Hezbollah denied that its fighters had fired rockets at Metula on Wednesday night."
    ),
    published_at=datetime(2026, 11, 19, 17, 40, tzinfo=BEIRUT),
    language="en",
    fetched_at=datetime(2026, 11, 19, 16, 5, 12, tzinfo=UTC),
    source="feed:https://levant-wire.example/rss#3",
    removed=(RemovedText(text="Subscribe to our newsletter", reason="boilerplate:subscribe"),),
)

STRIKE_MINISTRY = Article(
    id="a2" + "0" * 62,
    url="https://cedar-news.example/bint-jbeil-strike-ministry",
    outlet="Cedar News",
    title="Health ministry: three killed in Bint Jbeil strike",
    text=(
        "Lebanon's health ministry said three civilians were killed in an Israeli strike on Bint Jbeil "
        "on Thursday."
    ),
    published_at=datetime(2026, 11, 19, 19, 0, tzinfo=BEIRUT),
    language="en",
    source="files/cedar.txt",
)

PALMYRA = Article(
    id="b1" + "0" * 62,
    url=None,
    outlet="Syria Frontline Report",
    title="Nine soldiers dead in Islamic State attack east of Palmyra",
    text=(
        "Islamic State fighters attacked a Syrian army post east of Palmyra late on Wednesday, killing at "
        "least nine soldiers, a Britain-based war monitor said. "
        "The army sent reinforcements from Homs to Palmyra on Friday."
    ),
    published_at=datetime(2026, 11, 21, 8, 0),  # no offset given by the source
    language="en",
    source="files/palmyra.txt",
)

ARTICLES = (STRIKE_NNA, STRIKE_MINISTRY, PALMYRA)


def evidence(article: Article, quote: str, occurrence: int = 0) -> Evidence:
    start = -1
    for _ in range(occurrence + 1):
        start = article.text.index(quote, start + 1)
    return Evidence(article_id=article.id, start=start, end=start + len(quote), text=quote)


def sentence(article: Article, first_words: str) -> Evidence:
    start = article.text.index(first_words)
    end = article.text.index(".", start) + 1
    return Evidence(article_id=article.id, start=start, end=end, text=article.text[start:end])


BINT_JBEIL = Place(
    "geonames:278913", "Bint Jbeil", 33.1208, 35.4331, "P", "PPL", "LB", "Nabatieh", "Bint Jbeil", 20000
)
METULA = Place(
    "geonames:294514", "Metula", 33.2792, 35.5788, "P", "PPL", "IL", "Northern District", None, 1700
)
PALMYRA_TOWN = Place(
    "geonames:170651", "Palmyra", 34.5608, 38.2672, "P", "PPLA2", "SY", "Homs", "Tadmur", 51323
)
HOMS = Place("geonames:169577", "Homs", 34.7268, 36.7234, "P", "PPLA", "SY", "Homs", "Homs", 775404)

AIR_STRIKE = EventType("ASSAULT", "aerial", "Explosions/Remote violence", "Air/drone strike", "19")
ROCKETS = EventType(
    "ASSAULT", "shelling", "Explosions/Remote violence", "Shelling/artillery/missile attack", "19"
)
CLASH = EventType("FIGHT", None, "Battles", "Armed clash", "19")
MOVE = EventType("MOBILIZE", "troops", "Strategic developments", "Other", "15")


def _actor(article: Article, quote: str, cid: str | None, name: str | None, kind: ActorKind, cc: str | None):
    return ActorRef(evidence(article, quote), canonical_id=cid, name=name, kind=kind, country=cc)


M_STRIKE = Mention(
    id="m-strike-nna",
    article_id=STRIKE_NNA.id,
    sentence=sentence(STRIKE_NNA, "An Israeli airstrike"),
    trigger=evidence(STRIKE_NNA, "airstrike"),
    type=AIR_STRIKE,
    actor=_actor(STRIKE_NNA, "Israeli", "ISR-MIL", "Military Forces of Israel", ActorKind.STATE_FORCES, "IL"),
    recipient=_actor(STRIKE_NNA, "three civilians", None, None, ActorKind.CIVILIANS, "LB"),
    places=(PlaceRef(evidence(STRIKE_NNA, "Bint Jbeil"), PlaceRole.SITE, BINT_JBEIL, PlaceLevel.TOWN, 4.2),),
    time=TimeRef(
        date(2026, 11, 19),
        date(2026, 11, 19),
        TimePrecision.DAY,
        evidence(STRIKE_NNA, "on Thursday afternoon"),
    ),
    attribution=Attribution(
        AttributionKind.STATE_MEDIA,
        "Lebanon's state news agency NNA",
        None,
        evidence(STRIKE_NNA, "Lebanon's state news agency NNA reported"),
    ),
    magnitudes=(Magnitude("killed", 3, 3, evidence(STRIKE_NNA, "killed three civilians")),),
    confidence=0.82,
    extractor_version="0.1.0",
)

M_ROCKETS = Mention(
    id="m-rockets-nna",
    article_id=STRIKE_NNA.id,
    sentence=sentence(STRIKE_NNA, "Hezbollah denied"),
    trigger=evidence(STRIKE_NNA, "fired"),
    type=ROCKETS,
    actor=_actor(STRIKE_NNA, "its fighters", "LBN-HEZ", "Hezbollah", ActorKind.POLITICAL_MILITIA, "LB"),
    places=(PlaceRef(evidence(STRIKE_NNA, "Metula"), PlaceRole.SITE, METULA, PlaceLevel.TOWN, 0.4),),
    time=TimeRef(
        date(2026, 11, 18), date(2026, 11, 18), TimePrecision.DAY, evidence(STRIKE_NNA, "on Wednesday night")
    ),
    attribution=Attribution(
        AttributionKind.ORGANISATION, "Hezbollah", None, evidence(STRIKE_NNA, "Hezbollah denied")
    ),
    modality=Modality.DENIED,
    modality_evidence=evidence(STRIKE_NNA, "denied"),
    confidence=0.55,
    extractor_version="0.1.0",
)

M_STRIKE_MINISTRY = Mention(
    id="m-strike-ministry",
    article_id=STRIKE_MINISTRY.id,
    sentence=sentence(STRIKE_MINISTRY, "Lebanon's health ministry"),
    trigger=evidence(STRIKE_MINISTRY, "strike"),
    type=AIR_STRIKE,
    actor=_actor(
        STRIKE_MINISTRY, "Israeli", "ISR-MIL", "Military Forces of Israel", ActorKind.STATE_FORCES, "IL"
    ),
    recipient=_actor(STRIKE_MINISTRY, "three civilians", None, None, ActorKind.CIVILIANS, "LB"),
    places=(
        PlaceRef(evidence(STRIKE_MINISTRY, "Bint Jbeil"), PlaceRole.SITE, BINT_JBEIL, PlaceLevel.TOWN, 4.2),
    ),
    time=TimeRef(
        date(2026, 11, 19), date(2026, 11, 19), TimePrecision.DAY, evidence(STRIKE_MINISTRY, "on Thursday")
    ),
    attribution=Attribution(
        AttributionKind.OFFICIAL_STATEMENT,
        "Lebanon's health ministry",
        None,
        evidence(STRIKE_MINISTRY, "Lebanon's health ministry said"),
    ),
    magnitudes=(Magnitude("killed", 3, 3, evidence(STRIKE_MINISTRY, "three civilians were killed")),),
    confidence=0.9,
    extractor_version="0.1.0",
)

M_PALMYRA = Mention(
    id="m-palmyra-attack",
    article_id=PALMYRA.id,
    sentence=sentence(PALMYRA, "Islamic State fighters"),
    trigger=evidence(PALMYRA, "attacked"),
    type=CLASH,
    actor=_actor(PALMYRA, "Islamic State fighters", "ISIS", "Islamic State", ActorKind.REBEL_GROUP, None),
    recipient=_actor(
        PALMYRA, "Syrian army", "SYR-MIL", "Military Forces of Syria", ActorKind.STATE_FORCES, "SY"
    ),
    places=(PlaceRef(evidence(PALMYRA, "Palmyra"), PlaceRole.NEAR, PALMYRA_TOWN, PlaceLevel.DISTRICT),),
    time=TimeRef(
        date(2026, 11, 18), date(2026, 11, 18), TimePrecision.DAY, evidence(PALMYRA, "late on Wednesday")
    ),
    attribution=Attribution(
        AttributionKind.ORGANISATION,
        "a Britain-based war monitor",
        None,
        evidence(PALMYRA, "a Britain-based war monitor"),
    ),
    magnitudes=(Magnitude("killed", 9, None, evidence(PALMYRA, "killing at least nine soldiers")),),
    confidence=0.74,
    extractor_version="0.1.0",
)

M_MOVE = Mention(
    id="m-palmyra-reinforcements",
    article_id=PALMYRA.id,
    sentence=sentence(PALMYRA, "The army sent"),
    trigger=evidence(PALMYRA, "sent"),
    type=MOVE,
    actor=_actor(PALMYRA, "The army", "SYR-MIL", "Military Forces of Syria", ActorKind.STATE_FORCES, "SY"),
    places=(
        PlaceRef(evidence(PALMYRA, "Homs"), PlaceRole.ORIGIN, HOMS, PlaceLevel.TOWN),
        PlaceRef(evidence(PALMYRA, "Palmyra", 1), PlaceRole.DESTINATION, PALMYRA_TOWN, PlaceLevel.TOWN),
    ),
    time=TimeRef(date(2026, 11, 20), date(2026, 11, 20), TimePrecision.DAY, evidence(PALMYRA, "on Friday")),
    confidence=0.66,
    extractor_version="0.1.0",
)

MENTIONS_BY_ARTICLE = {
    STRIKE_NNA.id: (M_STRIKE, M_ROCKETS),
    STRIKE_MINISTRY.id: (M_STRIKE_MINISTRY,),
    PALMYRA.id: (M_PALMYRA, M_MOVE),
}

E_STRIKE = Event(
    id="ev-bint-jbeil-strike",
    type=AIR_STRIKE,
    start=date(2026, 11, 19),
    end=date(2026, 11, 19),
    time_precision=1,
    historical=False,
    place=BINT_JBEIL,
    place_level=PlaceLevel.TOWN,
    geo_precision=1,
    location_text="Bint Jbeil",
    origin=None,
    destination=None,
    actor=M_STRIKE.actor,
    recipient=M_STRIKE.recipient,
    mention_ids=(M_STRIKE.id, M_STRIKE_MINISTRY.id),
    n_reports=2,
    n_outlets=2,
    n_independent=2,
    claim_status=ClaimStatus.CORROBORATED,
    fatalities_low=3,
    fatalities_best=3,
    fatalities_high=3,
    summary="Israeli airstrike on Bint Jbeil kills three civilians",
)

E_ROCKETS = Event(
    id="ev-metula-rockets",
    type=ROCKETS,
    start=date(2026, 11, 18),
    end=date(2026, 11, 18),
    time_precision=1,
    historical=False,
    place=METULA,
    place_level=PlaceLevel.TOWN,
    geo_precision=1,
    location_text="Metula",
    origin=None,
    destination=None,
    actor=M_ROCKETS.actor,
    recipient=None,
    mention_ids=(M_ROCKETS.id,),
    n_reports=1,
    n_outlets=1,
    n_independent=1,
    claim_status=ClaimStatus.DISPUTED,
    modality=Modality.DENIED,
    summary="Rockets fired at Metula; Hezbollah denies involvement",
)

E_PALMYRA = Event(
    id="ev-palmyra-attack",
    type=CLASH,
    start=date(2026, 11, 17),
    end=date(2026, 11, 19),
    time_precision=2,
    historical=False,
    place=PALMYRA_TOWN,
    place_level=PlaceLevel.DISTRICT,
    geo_precision=2,
    location_text="east of Palmyra",
    origin=None,
    destination=None,
    actor=M_PALMYRA.actor,
    recipient=M_PALMYRA.recipient,
    mention_ids=(M_PALMYRA.id,),
    n_reports=1,
    n_outlets=1,
    n_independent=1,
    claim_status=ClaimStatus.SINGLE_SOURCE,
    fatalities_low=9,
    fatalities_best=9,
    summary="Islamic State attack on army post east of Palmyra",
)

E_MOVE = Event(
    id="ev-homs-palmyra-reinforcements",
    type=MOVE,
    start=date(2026, 11, 20),
    end=date(2026, 11, 20),
    time_precision=1,
    historical=False,
    place=PALMYRA_TOWN,
    place_level=PlaceLevel.TOWN,
    geo_precision=1,
    location_text="Palmyra",
    origin=HOMS,
    destination=PALMYRA_TOWN,
    actor=M_MOVE.actor,
    recipient=None,
    mention_ids=(M_MOVE.id,),
    n_reports=1,
    n_outlets=1,
    n_independent=1,
    claim_status=ClaimStatus.SINGLE_SOURCE,
)

EVENTS = (E_STRIKE, E_ROCKETS, E_PALMYRA, E_MOVE)
LINKS = {e.id: e.mention_ids for e in EVENTS}
ALL_MENTIONS = tuple(m for ms in MENTIONS_BY_ARTICLE.values() for m in ms)
MENTIONS_BY_EVENT = {e.id: [m for m in ALL_MENTIONS if m.id in e.mention_ids] for e in EVENTS}


def all_evidence(mention: Mention) -> list[Evidence]:
    """Every Evidence a mention carries, for span checks."""
    found = [mention.sentence, mention.trigger]
    found += [a.evidence for a in (mention.actor, mention.recipient) if a is not None]
    found += [p.evidence for p in mention.places]
    found += [e for e in (mention.time.evidence if mention.time else None,) if e is not None]
    found += [e for e in (mention.attribution.evidence, mention.modality_evidence) if e is not None]
    found += [m.evidence for m in mention.magnitudes]
    return found

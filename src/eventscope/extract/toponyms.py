"""Toponym recognition: which spans of an article name places (the geocoder decides which places).

Four sources, in order of precedence when spans overlap:

1. border phrases ("the Syrian–Lebanese border", "the border area with Lebanon", "the Lebanese border"),
2. demonym phrases standing for a country ("Lebanese territory", "the Syrian side", "the Syrian capital"),
3. analyst regions: "the Damascus countryside", "rural Idlib", "northern Syria" (one toponym each),
4. names: spaCy entities (GPE and LOC; FAC when the gazetteer knows the name; ORG only when a cue says
   place, since the small model calls "Al-Qusayr" an ORG but "Hamas" is a GeoNames alternate of Hamm),
   capitalised chunks the gazetteer knows outside person names, titles and other entities, and known
   names listed beside an accepted one ("Homs, Hama and Aleppo").

Cues around a name give the geocoder hints: "the city of X" / "X province" (``feature_hint``), and
"X in Y province" / "X, Y" / "the Lebanese town of X" (``admin_hint``). Demonyms alone are never places.
Works on a blank pipeline too (no entities, no tags): then capitalised chunks and cues do all the work.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Span, Token

from eventscope.extract.tokenscan import where_capitalised, where_lower
from eventscope.models import Evidence, Toponym


@dataclass(frozen=True, slots=True)
class PlaceLexicon:
    """Country names, abbreviations and demonyms (built by the gazetteer; keys made by ``key``)."""

    country_names: Mapping[str, str] = field(default_factory=dict)  # key -> ISO code ("syria" -> "SY")
    country_abbreviations: Mapping[str, str] = field(default_factory=dict)  # exact surface -> code ("U.S.")
    demonyms: Mapping[str, str] = field(default_factory=dict)  # key -> code, "" for peoples ("kurdish")
    key: Callable[[str], str] = str.casefold

    def country_code(self, text: str) -> str | None:
        """ISO code for a country name, abbreviation or demonym ("Lebanese" -> "LB"), else None."""
        if text in self.country_abbreviations:
            return self.country_abbreviations[text]
        key = self.key(text)
        return self.country_names.get(key) or self.demonyms.get(key) or None

    def is_demonym(self, text: str) -> bool:
        key = self.key(text)
        return key in self.demonyms and key not in self.country_names  # "Philippines" is a country


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Cue words (English function vocabulary; reviewed like code).
UNIT_AFTER = {
    **dict.fromkeys(
        _words("province governorate district area region countryside city town village state county")
    ),
    "subdistrict": "district",
    "municipality": "district",
    "outskirts": "area",
    "suburbs": "area",
}
UNIT_BEFORE = _words("city town village province governorate district region county state port hamlet")
PLACE_BEFORE_OF = _words("area outskirts suburbs suburb vicinity neighbourhood neighborhood countryside")
LOCATIVE = _words(
    "in near from to facing outside around at towards toward into inside across through via past "
    "outskirts between"
)
COUNTRY_NOUNS = _words("territory territories soil side airspace waters land lands mainland")
BORDER_WORDS = _words("border borders frontier boundary")
_AFTER_DEMONYM = COUNTRY_NOUNS | {"capital"}
BORDER_TAIL = _words("area areas region regions zone zones crossing crossings strip line")
DIRECTIONS = _words(
    "north south east west northern southern eastern western central northeast northwest "
    "southeast southwest northeastern northwestern southeastern southwestern north-east "
    "north-west south-east south-west north-eastern north-western south-eastern south-western"
)
PARTICLES = _words("al el ad an ar as ash at az ath adh ibn bin bani beni abu umm um de del da dos")
FEATURE_PREFIXES = _words(
    "wadi ras jabal jebel tell tal tall ain ayn bir deir dayr kafr kfar khan beit bayt marj bab qasr jisr"
)
TITLES = _words(
    "president minister mr mrs ms dr gen general sheikh king queen prince princess emir sultan "
    "envoy spokesman spokeswoman commander colonel col lt sgt capt captain senator sen rep "
    "governor gov mayor pope imam judge chief secretary ambassador leader premier chancellor lord "
    "sir saint st"
)
NEVER_PLACES = _words(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may "
    "june july august september october november december god read also reuters afp ap"
)
NAME_LABELS = {"GPE", "LOC", "FAC", "ORG"}
# Prepositions that put a known name in place position ("killed in Nabatieh", ORG to the small model);
# "from"/"to"/"by" are left out: "from Hamas", "to Reuters" are organisations.
STRONG_LOCATIVE = _words("in near outside around inside into across throughout")
DATELINE_DASHES = frozenset({"-", "--", "–", "—"})
# US party letters before a legislator's home town ("D-Raleigh"; DFL is Minnesota's Democratic party).
PARTY_LETTERS = frozenset({"R", "D", "I", "DFL"})
SPEECH_VERBS = _words("say tell add explain note claim")  # "Walker said": a person, not Walker, Minnesota


@dataclass(slots=True)
class _Found:
    start: int  # token indices [start, end)
    end: int
    source: str
    rank: int  # precedence when spans overlap: lower wins
    feature_hint: str | None = None
    admin_hint: str | None = None
    codes: tuple[str, ...] = ()


def _capitalised(token: Token) -> bool:
    return token.text[:1].isupper()


def _sentence_initial(doc: Doc, i: int) -> bool:
    if doc.has_annotation("SENT_START") and doc[i].is_sent_start:
        return True
    j = i - 1
    while j >= 0 and (doc[j].is_space or doc[j].text in {"“", '"', "‘", "'", "(", "["}):
        j -= 1
    return j < 0 or doc[j].text in {".", "!", "?", ":", ";"} or "\n" in doc[j].whitespace_ + doc[i - 1].text


def _name_token(token: Token) -> bool:
    """A capitalised word or abbreviation ("Idlib", "Kan.", "U.S.")."""
    return _capitalised(token) and (token.is_alpha or token.text.endswith("."))


def _chunks(doc: Doc) -> list[tuple[int, int]]:
    """Maximal capitalised token runs, joining "Al-Qusayr", "Ras al-Maara", "Wadi al-Thalajat"."""
    runs: list[tuple[int, int]] = []
    n, resume = len(doc), 0  # tokens before ``resume`` are inside a run or skipped
    for i in where_capitalised(doc):
        if i < resume or not _name_token(doc[i]):
            continue
        if _party_letter(doc, i):
            resume = i + 2  # "Westrom, R-Elbow Lake": the party letter is not part of the town's name
            continue
        j = i + 1
        while j < n:
            token, after = doc[j], (doc[j + 1] if j + 1 < n else None)
            if (
                token.text in {"-", "‐"}
                and doc[j - 1].whitespace_ == ""
                and after is not None
                and after.is_alpha
            ):
                j += 2
            elif _name_token(token) or (
                token.lower_ in PARTICLES and after is not None and (_capitalised(after) or after.text == "-")
            ):
                j += 1
            else:
                break
        runs.append((i, j))
        resume = j
    return runs


def _country_tokens(doc: Doc, i: int, lexicon: PlaceLexicon, backwards: bool) -> tuple[int, int, str] | None:
    """A country name, abbreviation or demonym of one or two tokens ending (or starting) at token ``i``."""
    for width in (2, 1):
        start, end = (i - width + 1, i + 1) if backwards else (i, i + width)
        if start < 0 or end > len(doc) or not _capitalised(doc[start]):
            continue
        code = lexicon.country_code(doc[start:end].text)
        if code:
            return start, end, code
    return None


def _border_phrases(doc: Doc, lexicon: PlaceLexicon) -> list[_Found]:
    found = []
    for i in where_lower(doc, BORDER_WORDS):
        tok = doc[i]
        start, end, codes = tok.i, tok.i + 1, []
        j = tok.i - 1
        if j >= 0 and doc[j].lower_ in {"'s", "’s"}:
            j -= 1
        left = _country_tokens(doc, j, lexicon, backwards=True) if j >= 0 else None
        if left:
            start, codes = left[0], [left[2]]
            k = left[0] - 1
            if k >= 1 and doc[k].text in {"-", "–", "—", "/"}:
                other = _country_tokens(doc, k - 1, lexicon, backwards=True)
                if other:
                    start, codes = other[0], [other[2], *codes]
        k = end
        if k < len(doc) and doc[k].lower_ in BORDER_TAIL:
            k += 1
            end = k
        if k < len(doc) and doc[k].lower_ in {"with", "between"}:
            right = _country_tokens(doc, k + 1, lexicon, backwards=False)
            if right:
                end, codes = right[1], [*codes, right[2]]
                if right[1] + 1 < len(doc) and doc[right[1]].lower_ == "and":
                    more = _country_tokens(doc, right[1] + 1, lexicon, backwards=False)
                    if more:
                        end, codes = more[1], [*codes, more[2]]
        if codes:
            found.append(_Found(start, end, "border", 0, "border", codes=tuple(dict.fromkeys(codes))))
    return found


def _demonym_phrases(doc: Doc, lexicon: PlaceLexicon) -> list[_Found]:
    """ "Lebanese territory", "the Syrian side" (country), "the Syrian capital" (its capital city)."""
    found = []
    for j in where_lower(doc, _AFTER_DEMONYM):
        if j == 0:
            continue
        tok, nxt = doc[j - 1], doc[j]
        if not _capitalised(tok) or not lexicon.country_code(tok.text):
            continue
        if nxt.lower_ in COUNTRY_NOUNS:
            found.append(_Found(tok.i, tok.i + 2, "cue", 1, "country"))
        elif nxt.lower_ == "capital" and lexicon.is_demonym(tok.text):
            found.append(_Found(tok.i, tok.i + 2, "cue", 1, "capital"))
    return found


def _region_phrases(doc: Doc, names: list[_Found], is_place_name: Callable[[str], bool]) -> list[_Found]:
    """ "the Damascus countryside", "Idlib's countryside", "rural Damascus", "northern Syria"."""
    found = []
    for name in names:
        before = doc[name.start - 1] if name.start > 0 else None
        after = name.end
        if after < len(doc) and doc[after].lower_ in {"'s", "’s"}:
            after += 1
        while after < len(doc) and doc[after].lower_ in DIRECTIONS:
            after += 1
        if after < len(doc) and doc[after].lower_ == "countryside":
            found.append(_Found(name.start, after + 1, "cue", 2, "countryside"))
        elif before is not None and before.lower_ == "rural":
            found.append(_Found(name.start - 1, name.end, "cue", 2, "countryside"))
        elif (
            before is not None
            and before.lower_ in DIRECTIONS
            and not (_capitalised(before) and is_place_name(doc[before.i : name.end].text))
        ):
            found.append(_Found(name.start - 1, name.end, "cue", 2, "region"))
    return found


def _strip_the(doc: Doc, start: int, end: int) -> int:
    while start < end - 1 and doc[start].lower_ in {"the", "a", "an"}:
        start += 1
    return start


def _has_place_cue(doc: Doc, start: int, end: int) -> bool:
    before = [t.lower_ for t in doc[max(0, start - 2) : start]]
    after = doc[end].lower_ if end < len(doc) else ""
    apposition = [t.lower_ for t in doc[end : end + 3]]  # "Malakal, a town in ..."
    return (
        after in UNIT_AFTER
        or (
            len(apposition) == 3
            and apposition[0] == ","
            and apposition[1] in {"a", "the"}
            and apposition[2] in UNIT_BEFORE
        )
        or (
            len(before) == 2
            and before[1] == "of"
            and (before[0] in UNIT_BEFORE or before[0] in PLACE_BEFORE_OF)
        )
        or (doc[start].lower_ in FEATURE_PREFIXES and end - start > 1)
    )


def _names(
    doc: Doc,
    lexicon: PlaceLexicon,
    is_place_name: Callable[[str], bool],
    is_notable: Callable[[str], bool] | None = None,
) -> list[_Found]:
    """Names from entities and from capitalised chunks, plus doubtful ones listed beside an accepted name."""
    found: list[_Found] = []
    doubtful: list[_Found] = []  # known to the gazetteer, but nothing says place: "Homs" (ORG) in a list
    _entity_names(doc, lexicon, is_place_name, found, doubtful, is_notable or is_place_name)
    _chunk_names(doc, lexicon, is_place_name, found, doubtful)
    listed = _coordinated(doc, found, doubtful)
    rest = [d for d in doubtful if d not in listed]
    return found + listed + _repeated(found, rest, doc)


def _entity_names(
    doc: Doc,
    lexicon: PlaceLexicon,
    is_place_name: Callable[[str], bool],
    found: list[_Found],
    doubtful: list[_Found],
    is_notable: Callable[[str], bool],
) -> None:
    # One sense per discourse: "Henry Farrin ... Farrin's flat", the model calls the later "Farrin" a GPE.
    ents = doc.ents  # spaCy rebuilds the tuple on each access
    surnames = {ent[-1].text for ent in ents if ent.label_ == "PERSON" and len(ent) > 1}
    for ent in ents:
        if ent.label_ not in NAME_LABELS | {"NORP", "PERSON"}:
            continue
        start = _strip_the(doc, ent.start, ent.end)
        if start < ent.end - 1 and doc[start].lower_ in DIRECTIONS and not _capitalised(doc[start]):
            start += 1  # "northern Syria": the region phrase takes the direction word
        text = doc[start : ent.end].text
        if lexicon.is_demonym(text) or text.lower() in NEVER_PLACES:
            continue
        if text in surnames and not lexicon.country_code(text):
            continue
        item = _Found(start, ent.end, f"ner:{ent.label_}", 3)
        known = is_place_name(text)
        after_locative = start > 0 and doc[start - 1].lower_ in STRONG_LOCATIVE
        if ent.label_ == "PERSON":
            # the small model calls some towns people ("to Palmyra"): a known place right after a
            # locative preposition, with no title before it, is the place
            if known and len(ent) <= 2 and start > 0 and doc[start - 1].lower_ in LOCATIVE:
                found.append(item)
            continue
        if ent.label_ == "NORP":  # nationalities and movements ("Islamic State") are places only with a cue
            if _has_place_cue(doc, start, ent.end):
                found.append(item)
            continue
        if (
            ent.label_ in {"GPE", "LOC"}
            or _has_place_cue(doc, start, ent.end)
            or (ent.label_ == "FAC" and known)
            or (ent.label_ == "ORG" and known and after_locative)
        ):
            found.append(item)
        elif known:
            doubtful.append(item)
        elif ent.label_ in {"ORG", "FAC"}:
            # Only a notable place opens an organisation's name as a toponym: "Stevens", "Nadia" or
            # "University" are the names of hamlets somewhere, but in "Stevens Institute" they are not.
            prefix = _place_prefix(doc, start, ent.end, lexicon, is_notable)
            if prefix is not None:
                found.append(_Found(start, prefix, "ner:embedded", 3))


def _place_prefix(
    doc: Doc, start: int, end: int, lexicon: PlaceLexicon, is_place_name: Callable[[str], bool]
) -> int | None:
    """End of a known place name opening an organisation's name ("Gainesville Police Department")."""
    for stop in range(min(end - 1, start + 3), start, -1):
        text = doc[start:stop].text
        if (
            all(
                _capitalised(t) and (t.is_alpha or t.text.endswith(".")) for t in doc[start:stop]
            )  # "U.S. Army"
            and not lexicon.is_demonym(text)
            and text.lower() not in STOP_WORDS | NEVER_PLACES
            and doc[stop].text not in {"-", "–"}  # "Wal-Mart"
            and is_place_name(text)
        ):
            return stop
    return None


def _chunk_names(
    doc: Doc,
    lexicon: PlaceLexicon,
    is_place_name: Callable[[str], bool],
    found: list[_Found],
    doubtful: list[_Found],
) -> None:
    ents = doc.ents
    taken = {i for ent in ents for i in range(ent.start, ent.end)}
    person_words = {t.text for ent in ents if ent.label_ == "PERSON" for t in ent}
    tagged = doc.has_annotation("TAG")
    for start, end in _chunks(doc):
        if any(i in taken for i in range(start, end)):
            continue
        start, end = _trim_chunk(doc, start, end, lexicon)
        text = doc[start:end].text
        if start >= end or text.lower() in STOP_WORDS | NEVER_PLACES or lexicon.is_demonym(text):
            continue
        if text in person_words or (end < len(doc) and doc[end].lemma_ in SPEECH_VERBS):
            continue
        if tagged and not any(t.pos_ == "PROPN" for t in doc[start:end]):
            continue
        cue = _has_place_cue(doc, start, end)
        known = is_place_name(text)
        item = _Found(start, end, "gazetteer" if known else "cue", 4)
        if text.isupper() and len(text) <= 5 and text not in lexicon.country_abbreviations:
            # An acronym ("HIV", "LAF") is a place only where the text says so ("in NSW").
            cue = cue or (start > 0 and doc[start - 1].lower_ in LOCATIVE)
            known = known and cue
        if known and (_dateline(doc, start, end) or _party_home(doc, start)):
            cue = True
        if cue or (known and (end - start > 1 or not _sentence_initial(doc, start))):
            found.append(item)
        elif known:
            doubtful.append(item)


def _dateline(doc: Doc, start: int, end: int) -> bool:
    """An upper-case name before a dash opening a sentence: the dateline "MANSFIELD -- The council ..."."""
    return (
        doc[start:end].text.isupper()
        and end - start <= 3
        and end < len(doc)
        and doc[end].text in DATELINE_DASHES
        and (start == 0 or _sentence_initial(doc, start) or doc[start - 1].is_punct)
    )


def _party_letter(doc: Doc, i: int) -> bool:
    """A party letter glued to a dash after a legislator's name: the "R-" of ", R-Elbow Lake"."""
    return (
        doc[i].text in PARTY_LETTERS
        and i + 2 < len(doc)
        and doc[i + 1].text == "-"
        and doc[i].whitespace_ == ""
        and i > 0
        and doc[i - 1].text in {",", "("}
    )


def _party_home(doc: Doc, start: int) -> bool:
    """A US legislator's home town after the party letter: "Rep. Torrey Westrom, R-Elbow Lake"."""
    return start >= 2 and doc[start - 1].text == "-" and doc[start - 2].text in PARTY_LETTERS


def _repeated(found: list[_Found], doubtful: list[_Found], doc: Doc) -> list[_Found]:
    """One sense per discourse: a doubtful name the article elsewhere uses as a place ("Fargo raised ...")."""
    accepted = {doc[f.start : f.end].text for f in found}
    return [d for d in doubtful if doc[d.start : d.end].text in accepted]


def _coordinated(doc: Doc, found: list[_Found], doubtful: list[_Found]) -> list[_Found]:
    """Doubtful names joined by "," / "and" / "or" to an accepted one: "Homs, Hama and Aleppo"."""
    ends = {f.end for f in found}
    starts = {f.start for f in found}
    joiners = {",", "and", "or"}
    added: list[_Found] = []
    changed = True
    while changed:
        changed = False
        for item in doubtful:
            if item in added:
                continue
            before = item.start >= 2 and doc[item.start - 1].lower_ in joiners and item.start - 1 in ends
            before = before or (
                item.start >= 3 and doc[item.start - 1].lower_ in joiners and item.start - 2 in ends
            )
            after = item.end + 1 < len(doc) and doc[item.end].lower_ in joiners and item.end + 1 in starts
            if before or after:
                added.append(item)
                ends.add(item.end)
                starts.add(item.start)
                changed = True
    return added


def _trim_chunk(doc: Doc, start: int, end: int, lexicon: PlaceLexicon) -> tuple[int, int]:
    """Drop leading demonyms and stop words; a title means a person's name follows ("President X")."""
    for i in range(start, end):
        if doc[i].lower_.rstrip(".") in TITLES:
            end = i
            break
    while start < end and (lexicon.is_demonym(doc[start].text) or doc[start].lower_ in STOP_WORDS):
        start += 1
    return start, end


def _in_list(doc: Doc, item: _Found, starts: dict[int, _Found]) -> bool:
    """True when a name after a comma is an item of a list ("Homs, Hama and Aleppo"), not "Paris, Texas"."""
    k = item.end
    if k < len(doc) and doc[k].lower_ in {"and", "or"}:
        return True
    return k + 1 < len(doc) and doc[k].text == "," and (doc[k + 1].lower_ in {"and", "or"} or k + 1 in starts)


def _hints(doc: Doc, item: _Found, starts: dict[int, _Found], lexicon: PlaceLexicon) -> None:
    """Feature and admin hints from the words around a name."""
    k = item.end
    if k < len(doc) and doc[k].lower_ in UNIT_AFTER and item.feature_hint is None:
        item.feature_hint = UNIT_AFTER[doc[k].lower_] or doc[k].lower_
        k += 1
    if k + 1 < len(doc) and doc[k].lower_ in {"in", ","}:
        enclosing = starts.get(_strip_the(doc, k + 1, min(k + 3, len(doc))))
        if (
            enclosing
            and enclosing.source != "border"
            # "Paris, Tenn., and ...": a state abbreviation after a comma encloses, even before "and"
            and not (
                doc[k].text == ","
                and not doc[enclosing.end - 1].text.endswith(".")
                and _in_list(doc, enclosing, starts)
            )
        ):
            item.admin_hint = doc[enclosing.start : enclosing.end].text
    if item.start >= 2 and doc[item.start - 1].lower_ == "of" and doc[item.start - 2].lower_ in UNIT_BEFORE:
        item.feature_hint = item.feature_hint or doc[item.start - 2].lower_
        k = item.start - 3
        if k >= 0 and _capitalised(doc[k]) and lexicon.country_code(doc[k].text) and item.admin_hint is None:
            item.admin_hint = doc[k].text


def find_toponyms(
    doc: Doc,
    article_id: str,
    is_place_name: Callable[[str], bool],
    *,
    lexicon: PlaceLexicon | None = None,
) -> list[Toponym]:
    """Place names in ``doc`` (whose text is the article's text), in text order, without overlaps.

    ``is_place_name`` is the gazetteer's membership test; ``lexicon`` (``Gazetteer.lexicon()``) supplies
    the country names and demonyms that border and territory phrases need. When it is not given and
    ``is_place_name`` is a gazetteer's bound method, that gazetteer's lexicon is used; else none (and no
    border or territory phrase is found).
    """
    if lexicon is None:
        owner_lexicon = getattr(getattr(is_place_name, "__self__", None), "lexicon", None)
        lexicon = owner_lexicon() if callable(owner_lexicon) else PlaceLexicon()
    # A gazetteer also tells which names are notable places (see Gazetteer.is_notable_place).
    is_notable = getattr(getattr(is_place_name, "__self__", None), "is_notable_place", None)
    names = _names(doc, lexicon, is_place_name, is_notable if callable(is_notable) else None)
    candidates = [
        *_border_phrases(doc, lexicon),
        *_demonym_phrases(doc, lexicon),
        *_region_phrases(doc, names, is_place_name),
        *names,
    ]
    chosen: list[_Found] = []
    used: set[int] = set()
    for item in sorted(candidates, key=lambda f: (f.rank, f.start - f.end, f.start)):
        span = set(range(item.start, item.end))
        if span and not span & used:
            chosen.append(item)
            used |= span
    chosen.sort(key=lambda f: f.start)
    starts = {f.start: f for f in chosen}
    for item in chosen:
        if item.source != "border":
            _hints(doc, item, starts, lexicon)
    return [_toponym(doc[f.start : f.end], article_id, f) for f in chosen]


def toponyms_at(
    doc: Doc,
    article_id: str,
    spans: list[tuple[int, int]],
    *,
    lexicon: PlaceLexicon | None = None,
    source: str = "gold",
) -> list[Toponym]:
    """Toponyms at given character spans (gold spans), with the hints the words around them give."""
    lexicon = lexicon or PlaceLexicon()
    items: list[tuple[int, int, _Found]] = []
    for start_char, end_char in spans:
        span = doc.char_span(start_char, end_char, alignment_mode="expand")
        if span is not None and len(span):
            items.append((start_char, end_char, _Found(span.start, span.end, source, 3)))
    starts = {item.start: item for _, _, item in items}
    for _, _, item in items:
        _hints(doc, item, starts, lexicon)
    return [
        Toponym(Evidence(article_id, s, e, doc.text[s:e]), source, item.feature_hint, item.admin_hint)
        for s, e, item in items
    ]


def _toponym(span: Span, article_id: str, item: _Found) -> Toponym:
    evidence = Evidence(article_id, span.start_char, span.end_char, span.text)
    return Toponym(evidence, item.source, item.feature_hint, item.admin_hint, item.codes)


def drop_outlet_names(toponyms: list[Toponym], outlet: str | None) -> list[Toponym]:
    """Leave out words of the publishing outlet's own name ("Orontes" in "Orontes Press", "Meridian" in
    "Meridian News Agency"): datelines and credits name the outlet, not a place where anything happened."""
    if not outlet:
        return toponyms
    words = {w.casefold() for w in outlet.replace("(", " ").replace(")", " ").split()}
    return [t for t in toponyms if not all(w.casefold() in words for w in t.evidence.text.split())]

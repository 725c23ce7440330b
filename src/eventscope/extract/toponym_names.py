"""Single place names: spaCy entities and capitalised chunks, with the filters that keep them honest."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Span

from eventscope.extract.tokenscan import where_lower
from eventscope.extract.toponym_cues import (
    DIRECTIONS,
    DISEASE_ADJECTIVES,
    DISEASE_WORDS,
    FEATURE_PREFIXES,
    LOCATIVE,
    NAME_LABELS,
    NEVER_PLACES,
    OFFICE_WORDS,
    ORGANISATION_HEADS,
    PARTICLES,
    PERSON_HEADS,
    PERSONAL_TITLES,
    PLACE_OPENERS,
    SPEECH_FORMS,
    SPEECH_VERBS,
    STRONG_LOCATIVE,
    TITLES,
    UNIT_BEFORE,
    WEAK_LOCATIVE,
    Found,
    capitalised,
    chunks,
    dateline,
    has_place_cue,
    names_a_feature,
    not_a_place_word,
    party_home,
    party_letter,
    sentence_initial,
    strip_the,
)
from eventscope.extract.toponym_lexicon import PlaceLexicon
from eventscope.extract.toponym_roles import role_names
from eventscope.extract.toponym_spans import (
    acronym,
    direction_and_place,
    extend_to_name,
    feature_span,
    place_after_of,
    place_prefix,
    stop_word,
    trim_end,
)


def find_names(
    doc: Doc,
    lexicon: PlaceLexicon,
    is_place_name: Callable[[str], bool],
    is_notable: Callable[[str], bool] | None = None,
    is_official: Callable[[str], bool] | None = None,
) -> list[Found]:
    """Names from entities and from capitalised chunks, plus doubtful ones listed beside an accepted name.

    ``is_notable`` says a name is a notable place's (see ``Gazetteer.is_notable_place``); ``is_official``
    that it is one under its official name ("Hamas" is only an alternate spelling of Hamm, Germany).
    """
    found: list[Found] = []
    doubtful: list[Found] = []  # known to the gazetteer, but nothing says place: "Homs" (ORG) in a list
    notable = is_notable or is_place_name
    official = is_official or (lambda name: notable(name) and not acronym(name))
    _entity_names(doc, lexicon, is_place_name, found, doubtful, notable, official)
    _chunk_names(doc, lexicon, is_place_name, found, doubtful)
    found += role_names(doc, lexicon, is_place_name, notable)
    listed = _coordinated(doc, found, doubtful)
    rest = [d for d in doubtful if d not in listed]
    names = _as_features(doc, found + listed + _repeated(found, rest, doc))
    # One sense per discourse, against: a disease named for a place, a name that speaks.
    not_places = _disease_names(doc) | {n for n in _speakers(doc) if not official(n)}
    if not_places:
        names = [
            f
            for f in names
            if doc[f.start : f.end].text not in not_places or has_place_cue(doc, f.start, f.end)
        ]
    return names


def _as_features(doc: Doc, names: list[Found]) -> list[Found]:
    """Names that open or close a natural feature's name stand for the feature (``feature_span``): "the
    Boni Forest" is no mention of a town called Boni. The feature keeps the name's source and hints."""
    out = []
    for f in names:
        start, end = feature_span(doc, f.start, f.end)
        out.append(f if (start, end) == (f.start, f.end) else replace(f, start=start, end=end))
    return out


def _speakers(doc: Doc) -> set[str]:
    """Names right before "said" / "says" / "told": "Petrova said", "Kristina said". A notable place's
    official name is kept by the caller ("Moscow said" is the government)."""
    names = set()
    for j in where_lower(doc, SPEECH_FORMS):
        k = j
        while k > 0 and j - k < 3 and capitalised(doc[k - 1]) and doc[k - 1].is_alpha:
            k -= 1
        if k < j and (k == 0 or not capitalised(doc[k - 1])):
            names.add(doc[k:j].text)
    return names


def _disease_names(doc: Doc) -> set[str]:
    """Names the article gives a disease ("West Nile virus", "Marburg fever", "Reston ebolavirus").

    One sense per discourse: where the article names a disease after a place, the bare name ("the spread of
    Ebola", "West Nile cases") is the disease too, unless a place cue says otherwise ("the town of Ebola").
    """
    names = set()
    for j in where_lower(doc, DISEASE_WORDS):
        if j > 0 and doc[j - 1].lower_ in DISEASE_ADJECTIVES:
            j -= 1  # "Ebola hemorrhagic fever"
        k = j
        while k > 0 and j - k < 3 and capitalised(doc[k - 1]) and doc[k - 1].is_alpha:
            k -= 1
        if k < j:
            names.add(doc[k:j].text)
    return names


def _entity_names(
    doc: Doc,
    lexicon: PlaceLexicon,
    is_place_name: Callable[[str], bool],
    found: list[Found],
    doubtful: list[Found],
    is_notable: Callable[[str], bool],
    is_official: Callable[[str], bool],
) -> None:
    # One sense per discourse: "Henry Farrin ... Farrin's flat", the model calls the later "Farrin" a GPE.
    ents = doc.ents  # spaCy rebuilds the tuple on each access
    # ("SOS Children's Village Malakal" is no person whose surname is Malakal: it holds a unit word.)
    people = [ent for ent in ents if ent.label_ == "PERSON" and len(ent) > 1 and _names_a_person(ent)]
    surnames = {ent[-1].text for ent in people}
    person_words = {t.text for ent in people for t in ent}
    person_names = person_words | {ent.text for ent in ents if ent.label_ == "PERSON"}
    for ent in ents:
        if ent.label_ in {"PERSON", "WORK_OF_ART", "EVENT"} and not _names_a_person(ent):
            # "Anderson County Sheriff Greg Taylor", "Dublin Recreation Services", "Walker County Fair"
            prefix = place_prefix(doc, ent.start, ent.end, lexicon, is_notable)
            if prefix is not None:
                found.append(Found(ent.start, prefix, "ner:embedded", 3))
                continue
        if ent.label_ not in NAME_LABELS | {"NORP", "PERSON", "PRODUCT"}:
            continue
        start = strip_the(doc, ent.start, ent.end)
        if start < ent.end - 1 and doc[start].lower_ in DIRECTIONS and not capitalised(doc[start]):
            start += 1  # "northern Syria": the region phrase takes the direction word
        if start + 2 < ent.end and party_letter(doc, start):
            start += 2  # "D-Iowa City": the party letter is not part of the town's name
        end, unit = trim_end(doc, start, ent.end)
        text = doc[start:end].text
        if lexicon.is_demonym(text) or text.lower() in NEVER_PLACES or not_a_place_word(text):
            continue
        if text in surnames and not lexicon.country_code(text):
            continue
        if doc[start].lower_.rstrip(".") in PERSONAL_TITLES and ent.label_ != "PERSON":
            continue  # "Mrs Kong", "Gen. Hospital": the model took the title into the entity
        known = is_place_name(text)
        extended = False
        if ent.label_ in {"GPE", "LOC", "FAC", "ORG", "PERSON"}:
            wider = extend_to_name(doc, start, end, is_place_name)
            extended = wider != (start, end)
            if extended:
                (start, end), known = wider, True
                text = doc[start:end].text
        if not known and ent.label_ in {"GPE", "LOC"} and end - start > 1:
            # "Henderson County Jail", "Greer City Hall": the place opening an unknown name is the toponym
            prefix = place_prefix(doc, start, end, lexicon, is_notable)
            tail = place_after_of(doc, start, end, lexicon, is_notable)
            if (
                prefix is not None
                # An organisation's word after the place, next or further on ("Springfield City Schools",
                # "Lamar County Victim Witness Coordinator"); not "Avon River", "Hamilton Township".
                and any(t.lower_ in ORGANISATION_HEADS for t in doc[prefix:end])
                and doc[start].lower_ not in FEATURE_PREFIXES
                and not direction_and_place(doc, start, prefix, is_place_name)
            ):
                end, text, known, unit = prefix, doc[start:prefix].text, True, None
            elif direction_and_place(doc, start, end, is_place_name):
                unit = "region"  # "North Texas", "Northeast Georgia": the resolver takes the direction off
            elif tail is not None:  # "City of Norfolk", "Province of Ontario"
                start, text, known, unit = tail, doc[tail:end].text, True, None
        item = Found(start, end, f"ner:{ent.label_}", 3, unit)
        if not known and ent.label_ in {"GPE", "LOC"} and (text in person_names or _titled(doc, start)):
            continue  # "Mr. Zhvania ... Zhvania joined", the model calls the later one a GPE
        after_locative = start > 0 and doc[start - 1].lower_ in STRONG_LOCATIVE
        if known and ent.label_ in {"PERSON", "ORG"} and dateline(doc, start, end):
            found.append(item)  # "HAMILTON — The two women ...": the model's ORG or PERSON is the dateline
            continue
        if ent.label_ == "PERSON":
            # The small model calls many towns people ("to Palmyra", "a Gainesville man", "Cairo, Giza
            # and Al-Minya"). A short known name with no title before it is the place after a locative
            # preposition, with a place cue, or as a modifier; a notable one is doubtful (lists, repeats).
            words = sum(t.is_alpha for t in doc[start:end])  # "Al-Minya" is one word, three tokens
            if extended:  # a longer known name: "Marie" of "Sault Ste. Marie"
                found.append(item)
                continue
            if not known or words > 2 or text in person_words or _titled(doc, start):
                continue
            if (start > 0 and doc[start - 1].lower_ in LOCATIVE) or has_place_cue(doc, start, end):
                found.append(item)
            elif is_notable(text):
                item.weak = True
                (found if _modifier(doc, end) else doubtful).append(item)
            continue
        if ent.label_ == "NORP":  # nationalities and movements ("Islamic State") are places only with a cue
            if has_place_cue(doc, start, end) or (known and after_locative and not _modifier(doc, end)):
                found.append(item)  # "in Greer", not "in Saudi hospitals"
            elif known and not lexicon.country_code(text) and _org_as_place(doc, start, end, is_official):
                item.weak = True  # a town the model calls a people: "Mombasa traders", "a Wajir school"
                found.append(item)
            continue
        if (
            ent.label_ in {"GPE", "LOC"}
            or has_place_cue(doc, start, end)
            or (ent.label_ == "FAC" and known)
            or (ent.label_ == "ORG" and known and after_locative)
        ):
            found.append(item)
        elif ent.label_ in {"ORG", "PRODUCT"} and known and after_locative:
            found.append(item)  # the model's PRODUCT on a town: "in Calcutta", "in Winnipeg"
        elif ent.label_ == "ORG" and known and _org_as_place(doc, start, end, is_official):
            item.weak = True
            found.append(item)
        elif known:
            doubtful.append(item)
        elif ent.label_ in {"ORG", "FAC"} and names_a_feature(text):
            found.append(item)  # "the Sambisa Forest": a feature the gazetteer lacks is kept, unresolved
        elif ent.label_ in {"ORG", "FAC"}:
            # Only a notable place opens an organisation's name as a toponym: "Stevens", "Nadia" or
            # "University" are the names of hamlets somewhere, but in "Stevens Institute" they are not.
            prefix = place_prefix(doc, start, end, lexicon, is_notable)
            if prefix is not None:
                region = "region" if direction_and_place(doc, start, prefix, is_notable) else None
                found.append(Found(start, prefix, "ner:embedded", 3, region))
            tail = place_after_of(doc, start, end, lexicon, is_notable)
            if tail is not None and (prefix is None or tail >= prefix):
                found.append(Found(tail, end, "ner:embedded", 3))


def _names_a_person(ent: Span) -> bool:
    """A PERSON entity that is a person's name, not "Anderson County Sheriff Greg Taylor" or "SOS
    Children's Village Malakal" (an office or unit word in it)."""
    return not any(t.lower_.rstrip(".") in OFFICE_WORDS | UNIT_BEFORE for t in ent)


def _org_as_place(doc: Doc, start: int, end: int, is_official: Callable[[str], bool]) -> bool:
    """A notable place the model calls an ORG, placed by the words around it: "from Menoufia", "a
    Danbury mason", "the NSW government". Only a name notable under its official name: "from Hamas",
    "Google search" are the organisations (alternate spellings of Hamm and of a Chinese city)."""
    text = doc[start:end].text
    if text.lower() in DIRECTIONS:  # "Eastern belief systems"
        return False
    weak_locative = start > 0 and (doc[start - 1].lower_ in WEAK_LOCATIVE or _home_of(doc, start))
    return (weak_locative or _modifier(doc, end)) and is_official(text)


def _home_of(doc: Doc, start: int) -> bool:
    """ "of" after a person's name or age: "Larry Dunaway of Berea", "Rebecca Sears, 41, of Grovetown"."""
    if start < 2 or doc[start - 1].lower_ != "of":
        return False
    before = doc[start - 2]
    return before.text == "," or before.ent_type_ == "PERSON"


def _titled(doc: Doc, start: int) -> bool:
    """A title before the name ("Gov. Perry", "President Jackson"): a person."""
    return start > 0 and doc[start - 1].lower_.rstrip(".") in TITLES


def _modifier(doc: Doc, end: int) -> bool:
    """The name modifies a common noun: "a Gainesville man", "NSW government", "the Pirbright laboratory".

    A person's name is followed by a verb, a comma or "'s", rarely by a bare common noun.
    """
    if end >= len(doc):
        return False
    nxt = doc[end]
    return nxt.is_alpha and nxt.is_lower and nxt.pos_ == "NOUN" and nxt.lower_ not in PERSON_HEADS


def _chunk_names(
    doc: Doc,
    lexicon: PlaceLexicon,
    is_place_name: Callable[[str], bool],
    found: list[Found],
    doubtful: list[Found],
) -> None:
    ents = doc.ents
    taken = {i for ent in ents for i in range(ent.start, ent.end)}
    person_words = {t.text for ent in ents if ent.label_ == "PERSON" for t in ent}
    tagged = doc.has_annotation("TAG")
    for start, end in chunks(doc):
        if any(i in taken for i in range(start, end)):
            continue
        start, end = _trim_chunk(doc, start, end, lexicon)
        text = doc[start:end].text
        if (
            start >= end
            or stop_word(text)
            or text.lower() in NEVER_PLACES
            or lexicon.is_demonym(text)
            or not_a_place_word(text)
        ):
            continue
        if text in person_words or (end < len(doc) and doc[end].lemma_ in SPEECH_VERBS):
            continue
        if _rest_of_a_name(doc, start):
            continue
        known = is_place_name(text)
        opens = known and dateline(doc, start, end)  # "BEIRUT: ...", whatever its tag
        if tagged and not opens and not any(t.pos_ == "PROPN" for t in doc[start:end]):
            continue
        cue = has_place_cue(doc, start, end)
        item = Found(start, end, "gazetteer" if known else "cue", 4)
        if text.isupper() and len(text) <= 5 and text not in lexicon.country_abbreviations:
            # An acronym ("HIV", "LAF") is a place only where the text says so ("in NSW").
            cue = cue or (start > 0 and doc[start - 1].lower_ in LOCATIVE)
            known = known and cue
        cue = cue or opens or (known and party_home(doc, start))
        if cue or (known and (end - start > 1 or not sentence_initial(doc, start))):
            found.append(item)
        elif known:
            doubtful.append(item)


def _rest_of_a_name(doc: Doc, start: int) -> bool:
    """A proper noun the truecaser left in lower case just before the chunk: the chunk ends a longer
    name. In "THE MURDER OF DR LUIS CARLOS GALAN SARMIENTO" the truecaser knows no "carlos" or "galan"
    but knows the town of Sarmiento, and the chunk "Sarmiento" is the victim's second surname. Articles
    and particles open place names ("LA PAZ", "LAS DELICIAS"), as do ``PLACE_OPENERS``."""
    if start == 0:
        return False
    before = doc[start - 1]
    word = before.lower_
    return (
        before.is_alpha
        and before.is_lower
        and before.pos_ == "PROPN"
        and len(word) > 3
        and word not in STOP_WORDS
        and word not in PARTICLES
        and word not in PLACE_OPENERS
    )


def _repeated(found: list[Found], doubtful: list[Found], doc: Doc) -> list[Found]:
    """One sense per discourse: a doubtful name the article elsewhere uses as a place ("Fargo raised ...")."""
    accepted = {doc[f.start : f.end].text for f in found if not f.weak}
    return [d for d in doubtful if doc[d.start : d.end].text in accepted]


def _coordinated(doc: Doc, found: list[Found], doubtful: list[Found]) -> list[Found]:
    """Doubtful names joined by "," / "and" / "or" to an accepted one: "Homs, Hama and Aleppo"."""
    ends = {f.end for f in found}
    starts = {f.start for f in found}
    joiners = {",", "and", "or"}
    added: list[Found] = []
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
            after = after or (  # the serial comma: "Botswana, Mozambique, and South Africa"
                item.end + 2 < len(doc)
                and doc[item.end].text == ","
                and doc[item.end + 1].lower_ in {"and", "or"}
                and item.end + 2 in starts
            )
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

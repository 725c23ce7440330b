"""Event words that report no happening: people described by what they did ("those who murdered the
archbishop"), kinds of act named rather than acts told ("26 cases of assault", "charges of kidnapping",
"the kidnapping ring"), and running totals ("the strikes have killed hundreds since the truce"). Used by
:mod:`eventscope.extract.nested_events`, which leaves out such triggers (a harm verb excepted for the
first kind: "all those who were killed" still tells of deaths)."""

from __future__ import annotations

from spacy.tokens import Token

from eventscope.extract.syntax import RELATIVE_PRONOUNS

# Pronouns that a relative clause turns into a description of whoever did something ("those who
# murdered the archbishop", "anyone who attacks civilians"): no particular happening is reported.
DESCRIBED_PRONOUNS = frozenset({"those", "anyone", "anybody", "whoever", "whomever", "everyone", "all"})


def describes_doers(token: Token) -> bool:
    """An act in an active relative clause on a pronoun like "those": it says who people are by what
    they did or do ("disputes between those who murdered Romero and ..."), it does not report it; so
    does one in the simple present on any noun, which tells what someone habitually does ("the
    murderous military dictatorship which assassinates priests"). Unless the clause says when they did
    it ("condemn those who this morning massacred six Jesuit priests"): a dated act is a happening told."""
    verb = token if token.pos_ in ("VERB", "AUX") else None
    if verb is None or verb.dep_ != "relcl" or any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        return False
    return (verb.head.lower_ in DESCRIBED_PRONOUNS or _habitual(verb)) and not _dated_clause(verb)


def _habitual(verb: Token) -> bool:
    """The simple present, without an auxiliary, whose subject is the relative pronoun: "which
    assassinates priests", "that kidnaps businessmen" (not "which has killed", "that killed", nor a
    note in the narrative present that the parser reads as a relative clause: "residents protest")."""
    if verb.tag_ not in ("VBZ", "VBP") or any(c.dep_ == "aux" for c in verb.children):
        return False
    return any(c.dep_ == "nsubj" and c.lower_ in RELATIVE_PRONOUNS for c in verb.children)


def _dated_clause(verb: Token) -> bool:
    """A date or time of day in the clause itself ("this morning", "on 16 November"), not in a clause
    below it."""
    for word in verb.subtree:
        if word.ent_type_ not in ("DATE", "TIME"):
            continue
        clause = next((a for a in word.ancestors if a.pos_ in ("VERB", "AUX")), None)
        if clause is not None and clause.i == verb.i:
            return True
    return False


# Nouns whose "of" phrase names a kind of act, not a happening: statistics ("26 cases of assault",
# "the rate of murder"), charges and practices ("charges of kidnapping", "the use of kidnapping").
KIND_OF_ACT = frozenset(
    {"case", "instance", "rate", "number", "statistic", "tally", "count", "charge", "crime", "use"}
)
# Weapons are things, not kinds of act: "a charge of dynamite" was placed.
WEAPON_MODES = frozenset({"explosives", "grenade", "firearms", "heavy-weapons", "aerial", "suicide"})
# Nouns an event word modifies to name a trade or band, not a happening ("the kidnapping ring").
TRADE_NOUNS = frozenset({"ring", "business", "gang", "industry", "network", "racket", "trade", "cell"})


def counted_kind(token: Token) -> bool:
    """An event word that names a kind of act rather than a happening the report tells of: counted or
    charged ("there were 26 cases of assault", "faces charges of kidnapping"), or naming a trade or a
    band ("members of the kidnapping ring", "the kidnapping business")."""
    if token.pos_ != "NOUN":
        return False
    head = token.head
    if token.dep_ == "compound":
        return head.lemma_.lower() in TRADE_NOUNS
    return (
        token.dep_ in ("pobj", "conj")
        and _of_head(token) in KIND_OF_ACT
        and not any(c.dep_ in ("det", "poss", "nummod") for c in token.children)
    )


def _of_head(token: Token) -> str:
    """The noun an "of" phrase hangs on ("cases of assault" -> "case"); conjuncts share it."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    prep = token.head
    if token.dep_ != "pobj" or prep.lower_ != "of":
        return ""
    return prep.head.lemma_.lower()


# Counts too vague to be one happening's toll.
VAGUE_COUNTS = frozenset({"hundreds", "thousands", "dozens", "scores", "tens", "countless"})


def running_tally(token: Token) -> bool:
    """A verb in the present perfect counted from "since" with a vague count ("the strikes have killed
    hundreds of people since the truce took effect", "the war has displaced thousands since 2023"): a
    running total over a period, not a happening the report tells of. A precise count stays ("clashes
    have killed 12 people since Monday" tells of clashes)."""
    if token.tag_ != "VBN" or not any(c.dep_ == "aux" and c.lemma_ == "have" for c in token.children):
        return False
    since = any(
        c.lower_ == "since"
        or (c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ == "since" for g in c.children))
        for c in token.children
    )
    return since and any(t.lower_ in VAGUE_COUNTS for t in token.subtree)

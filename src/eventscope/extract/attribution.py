"""Who the text says a claim comes from: claimant, kind, and the outlet it came through.

Patterns, walking up the parse from the event's trigger:
  "X said (that) ..."            claimant X (the speech verb's subject)
  "sources told The Cradle ..."  claimant "sources", via The Cradle ("tell": the object is the outlet)
  "Al Mayadeen cited diplomatic sources as saying ..."   claimant "diplomatic sources", via Al Mayadeen
  "according to X, ..."          claimant X
  "reports of X ..."             claimant "reports"
"The sources" refers back to the last "sources told X" of the article, so it inherits that outlet.
Without any cue the claim is the outlet's own (kind none, via the article's outlet).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from spacy.tokens import Span, Token

from eventscope.extract.lexicon import load_lexicon
from eventscope.extract.syntax import compact_phrase, evidence, lemma_of, prep_objects
from eventscope.models import Attribution, AttributionKind


@dataclass(frozen=True)
class AttributionLexicon:
    speech_verbs: frozenset[str]
    report_nouns: frozenset[str]
    kinds: Sequence[tuple[AttributionKind, re.Pattern[str]]]

    def kind_of(self, claimant: str) -> AttributionKind:
        text = claimant.lower().replace("’", "'")
        for kind, pattern in self.kinds:
            if pattern.search(text):
                return kind
        return AttributionKind.OFFICIAL_STATEMENT if claimant[:1].isupper() else AttributionKind.NONE


def parse_attribution_lexicon(data: Mapping[str, Any]) -> AttributionLexicon:
    kinds = []
    for entry in data["kinds"]:
        words = sorted(entry["cues"], key=len, reverse=True)
        pattern = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b")
        kinds.append((AttributionKind(entry["kind"]), pattern))
    return AttributionLexicon(frozenset(data["speech_verbs"]), frozenset(data["report_nouns"]), tuple(kinds))


@cache
def load_attribution_lexicon() -> AttributionLexicon:
    return parse_attribution_lexicon(load_lexicon("attribution"))


# The verb of "sources told The Cradle": what it tells is the outlet later reports go through.
SOURCE_VERBS = frozenset({"tell"})


@dataclass
class AttributionContext:
    """What the article said earlier about its sources ("sources told The Cradle")."""

    outlet: str | None = None
    sources_outlet: str | None = None


class AttributionFinder:
    def __init__(self, lexicon: AttributionLexicon, article_id: str, context: AttributionContext) -> None:
        self.lexicon = lexicon
        self.article_id = article_id
        self.context = context

    def observe(self, tokens: Iterable[Token]) -> None:
        """Remember "sources told X" so that a later "the sources said" goes through X.

        ``tokens``: a sentence's tokens, or just those whose lemma is in ``SOURCE_VERBS``.
        """
        for token in tokens:
            if lemma_of(token) in SOURCE_VERBS and token.pos_ == "VERB":
                subj = next((c for c in token.children if c.dep_ == "nsubj"), None)
                obj = next((c for c in token.children if c.dep_ in ("dobj", "dative")), None)
                if subj is not None and obj is not None and "source" in subj.lower_:
                    self.context.sources_outlet = _clean(compact_phrase(obj).text)

    def find(self, trigger: Token, sentence: Span) -> Attribution:
        for anc in [trigger, *trigger.ancestors]:
            if not sentence.start <= anc.i < sentence.end:
                break
            found = self._according_to(anc) or (self._speech(anc) if anc is not trigger else None)
            if found is None and anc is not trigger and anc.pos_ == "NOUN":
                found = self._report_noun(anc)
            if found is not None:
                return found
        return Attribution(kind=AttributionKind.NONE, via_outlet=self.context.outlet)

    def _according_to(self, token: Token) -> Attribution | None:
        for child in token.children:
            if child.lower_ == "according":
                objs = [o for to in child.children if to.lower_ == "to" for o in prep_objects(child, ("to",))]
                objs = objs or [g for to in child.children for g in to.children if g.dep_ == "pobj"]
                if objs:
                    return self._make(compact_phrase(objs[0]), via=None)
        return None

    def _speech(self, verb: Token) -> Attribution | None:
        lemma = lemma_of(verb)
        if verb.pos_ not in ("VERB", "AUX") or lemma not in self.lexicon.speech_verbs:
            return None
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        obj = next((c for c in verb.children if c.dep_ in ("dobj", "dative")), None)
        if lemma == "cite" and subj is not None and obj is not None:
            return self._make(compact_phrase(obj), via=_clean(compact_phrase(subj).text))
        if subj is None:
            return None
        if lemma == "tell" and obj is not None:
            return self._make(compact_phrase(subj), via=_clean(compact_phrase(obj).text))
        if subj.lower_ in ("what", "which", "that", "who"):
            return None
        if lemma in ("report", "broadcast", "publish") and subj.pos_ == "PROPN":
            # "Al Mayadeen reported ...": an outlet is the claimant and the channel
            outlet = compact_phrase(subj)
            return Attribution(
                kind=AttributionKind.MEDIA_REPORTS,
                claimant=_clean(outlet.text),
                via_outlet=_clean(outlet.text),
                evidence=evidence(self.article_id, outlet),
            )
        return self._make(compact_phrase(subj), via=None)

    def _report_noun(self, noun: Token) -> Attribution | None:
        if noun.lower_ not in self.lexicon.report_nouns:
            return None
        return self._make(compact_phrase(noun), via=None)

    def _make(self, claimant: Span, via: str | None) -> Attribution:
        text = _clean(claimant.text)
        kind = self.lexicon.kind_of(text)
        if via is None:
            anaphoric = kind is AttributionKind.ANONYMOUS_SOURCES and text.lower().startswith("the ")
            via = (
                self.context.sources_outlet
                if anaphoric and self.context.sources_outlet
                else self.context.outlet
            )
            if kind is AttributionKind.MEDIA_REPORTS and claimant.root.ent_type_ in (
                "ORG",
                "PERSON",
                "WORK_OF_ART",
            ):
                via = text
        return Attribution(
            kind=kind, claimant=text, via_outlet=via, evidence=evidence(self.article_id, claimant)
        )


def _clean(text: str) -> str:
    return text.strip(" \t\n‘’'\"“”,.")

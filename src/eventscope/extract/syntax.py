"""Small helpers over spaCy's dependency parse, shared by the extractors."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Span, Token

from eventscope.extract.typos import typo_lemma
from eventscope.models import Evidence

SUBJECTS = ("nsubj", "nsubjpass", "csubj")
# Heads that only count ("groups of fighters", "thousands of people"): the real phrase is the "of" object.
QUANTITY_HEADS = frozenset(
    [
        "group",
        "groups",
        "number",
        "numbers",
        "dozen",
        "dozens",
        "score",
        "scores",
        "hundred",
        "hundreds",
        "thousand",
        "thousands",
        "tens",
        "unit",
        "units",
        "band",
        "bands",
        "contingent",
        "contingents",
        "wave",
        "waves",
        "handful",
    ]
)
# Modifiers that belong to a compact noun phrase ("the Syrian army", "Damascus's forces").
NP_LEFT_DEPS = frozenset({"det", "amod", "compound", "poss", "nmod", "nummod", "case", "punct", "quantmod"})
# Verbs that always take an object in the active voice, so a bare "X killed" is a passive.
OBJECT_REQUIRED = frozenset(
    {"kill", "injure", "wound", "shoot", "abduct", "kidnap", "arrest", "lynch", "murder", "behead", "rape"}
)
PRONOUNS = frozenset({"they", "them", "he", "him", "she", "her", "it"})
# the pronouns that open a relative clause ("the movement, which claimed ...", "attacks that killed ...")
RELATIVE_PRONOUNS = frozenset({"which", "who", "that", "whom"})


def lemma_of(token: Token) -> str:
    # a misspelt core word of violence reads as the word ("attakced" -> "attack"; extract/typos.py)
    return typo_lemma(token.lower_) or (token.lemma_ or token.text).lower()


def evidence(article_id: str, span: Span | Token) -> Evidence:
    # span.text, not doc.text[start:end]: Doc.text joins every token of the document on each access
    if isinstance(span, Token):
        return Evidence(article_id=article_id, start=span.idx, end=span.idx + len(span.text), text=span.text)
    return Evidence(article_id=article_id, start=span.start_char, end=span.end_char, text=span.text)


def is_passive(token: Token) -> bool:
    """A passive verb, including headline passives with the auxiliary dropped ("three police officers
    killed", "21 suspected members killed during a search"): a past participle with a subject, no
    object and no "have"."""
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in token.children):
        return True
    if not any(c.dep_ == "nsubj" for c in token.children):
        return False
    if any(c.dep_ in ("dobj", "aux", "ccomp", "xcomp") for c in token.children):
        return False
    # the tagger reads "three police officers killed" as past tense; these verbs never lack an object
    return token.tag_ == "VBN" or (token.tag_ == "VBD" and lemma_of(token) in OBJECT_REQUIRED)


def subject(token: Token) -> Token | None:
    """The subject of a verb, inherited through xcomp/conj chains ("forces attempted to advance")."""
    current: Token | None = token
    seen = 0
    while current is not None and seen < 6:
        for child in current.children:
            if child.dep_ in ("nsubj", "csubj"):
                return child
        if current.dep_ in ("xcomp", "conj") and current.head is not current:
            current = current.head
            seen += 1
            continue
        return None
    return None


def passive_subject(token: Token) -> Token | None:
    return next((c for c in token.children if c.dep_ in ("nsubjpass", "nsubj")), None)


def prep_objects(token: Token, preps: tuple[str, ...]) -> list[Token]:
    """Objects of the given prepositions attached to a token ("clashes *with* X", "expelled *by* X")."""
    found: list[Token] = []
    for child in token.children:
        if child.dep_ in ("prep", "agent") and child.lower_ in preps:
            found.extend(c for c in child.children if c.dep_ in ("pobj", "pcomp"))
    return found


def arguments(token: Token) -> list[Token]:
    """Every argument-like head around a trigger: subjects, objects, agents and "of"/"by" objects."""
    args: list[Token] = []
    subj = subject(token)
    if subj is not None:
        args.append(subj)
    args.extend(
        c for c in token.children if c.dep_ in ("dobj", "nsubjpass", "attr", "poss", "compound", "amod")
    )
    args.extend(prep_objects(token, ("of", "by", "between", "against", "with", "on")))
    if token.dep_ in ("nsubj", "nsubjpass", "dobj") and token.head.pos_ in ("VERB", "AUX"):
        args.extend(c for c in token.head.children if c.dep_ in ("nsubj", "dobj") and c is not token)
    return args


def unwrap_quantity(head: Token) -> Token:
    """'groups of foreign fighters' -> 'fighters'; 'thousands of armed extremists' -> 'extremists'."""
    current = head
    for _ in range(3):
        if current.lower_ not in QUANTITY_HEADS:
            break
        inner = prep_objects(current, ("of",))
        if not inner:
            break
        current = inner[0]
    return current


def compact_phrase(head: Token) -> Span:
    """The head noun with its left modifiers only: 'the Syrian army', 'Damascus's forces'."""
    start = head.i
    for child in sorted(head.lefts, key=lambda t: t.i):
        if child.dep_ in NP_LEFT_DEPS:
            start = min(start, child.left_edge.i)
            break
    end = head.i + 1
    # keep a flat name that the tagger split into compounds to the right ("Al-Qaeda's Nusra Front")
    for child in head.rights:
        if child.dep_ in ("appos",) and child.ent_type_:
            end = max(end, child.right_edge.i + 1)
    span = head.doc[start:end]
    while len(span) > 1 and (span[0].is_punct or span[0].is_space):
        span = span[1:]
    while len(span) > 1 and (span[-1].is_punct or span[-1].is_space):
        span = span[:-1]
    return span


def conjunct_split(head: Token) -> tuple[Span, Span] | None:
    """Split 'the Syrian army and ISIS cells' (a pobj of 'between') into its two sides."""
    doc = head.doc
    start = head.left_edge.i
    for t in doc[start : head.i]:
        if t.dep_ == "cc":
            left, right = doc[start : t.i], doc[t.i + 1 : head.i + 1]
            if len(left) and len(right):
                return left, right
    conj = next((c for c in head.children if c.dep_ == "conj"), None)
    if conj is not None:
        return compact_phrase(head), compact_phrase(conj)
    return None


def tree_distance(a: Token, b: Token) -> int:
    """Number of dependency arcs between two tokens of one sentence."""
    path_a = [a, *a.ancestors]
    depth = {t.i: d for d, t in enumerate(path_a)}
    for d_b, t in enumerate([b, *b.ancestors]):
        if t.i in depth:
            return depth[t.i] + d_b
    return 99


def ancestors_within(token: Token, sentence: Span) -> Iterator[Token]:
    for anc in token.ancestors:
        if sentence.start <= anc.i < sentence.end:
            yield anc


def span_root(doc: Doc, start: int, end: int) -> Token | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None

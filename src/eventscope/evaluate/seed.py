"""Score events (as ``eventscope events --format json`` prints them) against ``seed/expected.json``.

The matching rules are those of ``seed/README.md``: an output event matches a gold event when one of
its evidence sentences contains the gold ``evidence_contains`` text and its PLOVER type is one of the
gold's; then each listed field is checked. ``must_not`` rules are checked over every output event.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from eventscope.resolve.geo.borders import haversine_km

BorderKm = Callable[[float, float, str, str], float | None]
PRECISION_RANK = {"town": 0, "district": 1, "admin1": 2, "region": 3, "country": 4, "unresolved": 5}
BORDER_KM = 30.0


@dataclass
class GoldResult:
    gold_id: str
    required: bool
    event_id: str | None = None
    fields: dict[str, bool] = field(default_factory=dict)

    @property
    def passed(self) -> bool:
        return self.event_id is not None and all(self.fields.values())


@dataclass
class SeedReport:
    results: list[GoldResult]
    violations: list[str]

    def metrics(self) -> dict[str, int]:
        required = [r for r in self.results if r.required]
        optional = [r for r in self.results if not r.required]
        return {
            "required_found": sum(r.passed for r in required),
            "required_total": len(required),
            "optional_found": sum(r.passed for r in optional),
            "optional_total": len(optional),
            "must_not_violations": len(self.violations),
        }

    @property
    def required_passed(self) -> bool:
        return all(r.passed for r in self.results if r.required)

    def table(self) -> str:
        lines = [f"{'gold':5} {'req':4} {'event':18} fields"]
        for r in self.results:
            fields = " ".join(f"{k}={'ok' if v else 'FAIL'}" for k, v in r.fields.items())
            lines.append(
                f"{r.gold_id:5} {'yes' if r.required else 'no':4} {r.event_id or 'NOT FOUND':18} {fields}"
            )
        lines.append("must_not violations: " + (", ".join(self.violations) or "none"))
        return "\n".join(lines)


def _norm(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split()).casefold()


def _sentences(event: Mapping[str, Any]) -> list[str]:
    return [_norm(m["sentence"]["text"]) for m in event.get("mentions", [])]


def _names(ref: Mapping[str, Any] | None) -> list[str]:
    if not ref:
        return []
    return [_norm(x) for x in (ref.get("name"), ref.get("evidence", {}).get("text")) if x]


def _near(place: Mapping[str, Any] | None, gold: Mapping[str, Any]) -> bool:
    if not place:
        return False
    return haversine_km(place["lat"], place["lon"], gold["lat"], gold["lon"]) <= gold["tol_km"]


def _location_ok(event: Mapping[str, Any], gold: Mapping[str, Any], border_km: BorderKm) -> bool:
    place = event.get("place")
    if "lat" in gold:
        return _near(place, gold)
    if not place:
        return False
    if "fallback_precision" in gold:
        level = event.get("place_level", "unresolved")
        if PRECISION_RANK.get(level, 9) > PRECISION_RANK.get(gold["fallback_precision"], 0):
            return False
    admin_ok = False
    if "admin1_any" in gold:
        wanted = {_norm(a) for a in gold["admin1_any"]}
        admin_ok = _norm(place.get("admin1") or "") in wanted or (
            place.get("feature_code") == "ADM1" and _norm(place["name"]) in wanted
        )
    border_ok = False
    if "near_border" in gold:
        a, b = gold["near_border"]
        km = border_km(place["lat"], place["lon"], a, b)
        border_ok = km is not None and km <= BORDER_KM
    return admin_ok or border_ok


def _check_fields(event: Mapping[str, Any], gold: Mapping[str, Any], border_km: BorderKm) -> dict[str, bool]:
    mentions = event.get("mentions", [])
    checks: dict[str, bool] = {}
    if "actor_any" in gold:
        names = _names(event.get("actor")) + [n for m in mentions for n in _names(m.get("actor"))]
        checks["actor"] = any(_norm(g) in n for g in gold["actor_any"] for n in names)
    if "recipient_any" in gold:
        names = _names(event.get("recipient")) + [n for m in mentions for n in _names(m.get("recipient"))]
        checks["recipient"] = any(_norm(g) in n for g in gold["recipient_any"] for n in names)
    for role in ("origin", "destination"):
        if role in gold:
            checks[role] = _near(event.get(role), gold[role])
    if "location" in gold:
        checks["location"] = _location_ok(event, gold["location"], border_km)
    if "date" in gold:
        d = gold["date"]
        ok = date.fromisoformat(d["earliest"]) <= date.fromisoformat(event["start"]) and date.fromisoformat(
            event["end"]
        ) <= date.fromisoformat(d["latest"])
        if "precision" in d:
            ok = ok and any(m.get("time", {}).get("precision") == d["precision"] for m in mentions)
        checks["date"] = ok
    if "attribution" in gold:
        a = gold["attribution"]
        attributions = [m.get("attribution", {}) for m in mentions]
        ok = any(x.get("kind") == a["kind"] for x in attributions)
        if "via_outlet" in a:
            ok = ok and any(_norm(a["via_outlet"]) in _norm(x.get("via_outlet") or "") for x in attributions)
        if "claimant_contains" in a:
            ok = ok and any(
                _norm(a["claimant_contains"]) in _norm(x.get("claimant") or "") for x in attributions
            )
        checks["attribution"] = ok
    if "modality" in gold:
        checks["modality"] = event.get("modality") == gold["modality"] or any(
            m.get("modality") == gold["modality"] for m in mentions
        )
    if "magnitude_contains" in gold:
        texts = [_norm(g["evidence"]["text"]) for m in mentions for g in m.get("magnitudes", [])]
        checks["magnitude"] = any(_norm(gold["magnitude_contains"]) in t for t in texts)
    if gold.get("disputed"):
        checks["disputed"] = event.get("claim_status") == "disputed"
    if gold.get("historical"):
        checks["historical"] = bool(event.get("historical"))
    return checks


def _matches(event: Mapping[str, Any], gold: Mapping[str, Any]) -> bool:
    wanted = _norm(gold["evidence_contains"])
    return event["type"]["plover"] in gold["plover"] and any(wanted in s for s in _sentences(event))


def score_seed(
    events: Sequence[Mapping[str, Any]],
    expected: Mapping[str, Any],
    border_km: BorderKm,
    removed_text: Sequence[str] = (),
) -> SeedReport:
    results = []
    for gold in expected["events"]:
        result = GoldResult(gold["id"], bool(gold.get("required")))
        candidates = [e for e in events if _matches(e, gold)]
        scored = [(sum(_check_fields(e, gold, border_km).values()), e) for e in candidates]
        if scored:
            best = max(scored, key=lambda s: s[0])[1]
            result.event_id = best["id"]
            result.fields = _check_fields(best, gold, border_km)
        results.append(result)
    return SeedReport(results, _violations(events, expected, removed_text))


def _violations(
    events: Sequence[Mapping[str, Any]], expected: Mapping[str, Any], removed_text: Sequence[str]
) -> list[str]:
    published = date.fromisoformat(expected["published"])
    found = []
    places = [(e, p) for e in events for p in (e.get("place"), e.get("origin"), e.get("destination")) if p]
    if any(p.get("country_code") == "EG" for _, p in places):
        found.append("N1")
    if any(
        "washington" in _norm(p["name"]) and haversine_km(p["lat"], p["lon"], 38.8951, -77.0364) > 50
        for _, p in places
    ):
        found.append("N2")
    snippets = [_norm(t)[:40] for t in removed_text if len(_norm(t)) >= 20]
    if any(any(s in sent for s in snippets) for e in events for sent in _sentences(e)):
        found.append("N3")
    if any(date.fromisoformat(e["end"]) > published for e in events):
        found.append("N4")
    background = [e for e in events if any("expelled by hezbollah" in s for s in _sentences(e))]
    if any(not e.get("historical") or not e["start"].startswith("2017") for e in background):
        found.append("N5")
    return found


def removed_segments(raw_text: str) -> list[str]:
    """The 'Read also' line with the headline after it, and the publisher's closing disclaimer."""
    segments = []
    lines = [ln.strip() for ln in raw_text.splitlines()]
    for i, line in enumerate(lines):
        if re.match(r"read also:?", line, re.I):
            following = next((ln for ln in lines[i + 1 :] if ln), "")
            segments.append(following)
        if line.lower().startswith("we remind our readers"):
            segments.append(line)
    return segments


def run_seed(folder: Path, *, db: str | None = None) -> SeedReport:
    """Ingest the seed article into a scratch database (or ``db``) and score it against expected.json."""
    import tempfile

    from eventscope import api
    from eventscope.errors import InputError
    from eventscope.resolve.geo.gazetteer import load_gazetteer

    expected_path = folder / "expected.json"
    if not expected_path.is_file():
        raise InputError(f"{expected_path} not found; pass the seed folder (../shared/seed)")
    expected = json.loads(expected_path.read_text(encoding="utf-8"))
    article = folder / expected["article"]
    with tempfile.TemporaryDirectory() as tmp:
        url = db or f"sqlite:///{tmp}/seed.db"
        api.ingest([str(article)], db=url, published=expected["published"], outlet="The Cradle")
        events = [v.to_dict() for v in api.events(db=url)]
    raw = article.read_text(encoding="utf-8")
    return score_seed(events, expected, load_gazetteer().border_km, removed_segments(raw))

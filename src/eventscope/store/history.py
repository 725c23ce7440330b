"""Event history and aliases, written in the same transaction that replaces the events.

Each merge run gives the full set of events. Compared with what was stored:
  - a new id is ``created`` (or, when its reports came from events that are now gone, it absorbs them);
  - a kept id whose tracked fields differ is ``updated``, with (field, old, new) for each change;
  - a gone id whose reports now sit in another event is ``merged_into`` it, and becomes an alias
    of it, so the old id keeps resolving (aliases pointing at it are re-pointed too).
Unchanged events write nothing, so re-running on the same input leaves the history as it is.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from typing import Any

import sqlalchemy as sa

from eventscope.models import EventChange
from eventscope.store.schema import event_aliases, event_history

TRACKED = (
    ("type", lambda d: d["type"]["plover"]),
    ("start", lambda d: d["start"]),
    ("end", lambda d: d["end"]),
    ("place", lambda d: d["place"]["name"] if d.get("place") else None),
    ("actor", lambda d: (d.get("actor") or {}).get("name")),
    ("recipient", lambda d: (d.get("recipient") or {}).get("name")),
    ("reports", lambda d: d["n_reports"]),
    ("independent_sources", lambda d: d["n_independent"]),
    ("claim_status", lambda d: d["claim_status"]),
    ("fatalities_low", lambda d: d.get("fatalities_low")),
    ("fatalities_best", lambda d: d.get("fatalities_best")),
    ("fatalities_high", lambda d: d.get("fatalities_high")),
)


def _text(value: Any) -> str | None:
    return None if value is None else str(value)


def diff(
    old: Mapping[str, Any] | None, new: Mapping[str, Any]
) -> tuple[tuple[str, str | None, str | None], ...]:
    changes = []
    for name, get in TRACKED:
        before = _text(get(old)) if old is not None else None
        after = _text(get(new))
        if old is None or before != after:
            changes.append((name, before, after))
    return tuple(changes)


def record(
    conn: sa.Connection,
    old: Mapping[str, Mapping[str, Any]],
    new: Mapping[str, Mapping[str, Any]],
    old_links: Mapping[str, str],
    new_links: Mapping[str, str],
) -> None:
    """Append history rows and alias rows for one replacement of the event set.

    ``old``/``new``: event id -> event JSON; ``*_links``: mention id -> event id.
    """
    entries: list[EventChange] = []
    for event_id in sorted(new):
        if event_id not in old:
            entries.append(EventChange(event_id, 0, "created", diff(None, new[event_id])))
        elif (changes := diff(old[event_id], new[event_id])) and old[event_id] != new[event_id]:
            entries.append(EventChange(event_id, 0, "updated", changes))
    for gone in sorted(set(old) - set(new)):
        successors = Counter(new_links[m] for m, e in old_links.items() if e == gone and m in new_links)
        if not successors:
            entries.append(EventChange(gone, 0, "removed"))
            continue
        into = min(successors, key=lambda e: (-successors[e], e))
        entries.append(EventChange(gone, 0, "merged_into", into=into))
        _alias(conn, gone, into)
    conn.execute(sa.delete(event_aliases).where(event_aliases.c.alias_id.in_(sorted(new))))
    _append(conn, entries)


def _alias(conn: sa.Connection, alias: str, target: str) -> None:
    conn.execute(sa.update(event_aliases).where(event_aliases.c.event_id == alias).values(event_id=target))
    conn.execute(sa.delete(event_aliases).where(event_aliases.c.alias_id == alias))
    conn.execute(sa.insert(event_aliases).values(alias_id=alias, event_id=target))


def _append(conn: sa.Connection, entries: list[EventChange]) -> None:
    if not entries:
        return
    ids = sorted({e.event_id for e in entries})
    query = (
        sa.select(event_history.c.event_id, sa.func.max(event_history.c.seq))
        .where(event_history.c.event_id.in_(ids))
        .group_by(event_history.c.event_id)
    )
    last: dict[str, int] = {row[0]: row[1] for row in conn.execute(query)}
    rows = []
    for entry in entries:
        seq = last.get(entry.event_id, 0) + 1
        last[entry.event_id] = seq
        change = {"kind": entry.kind, "changes": [list(c) for c in entry.changes], "into": entry.into}
        rows.append({"event_id": entry.event_id, "seq": seq, "change": change})
    conn.execute(sa.insert(event_history), rows)


def read(conn: sa.Connection, event_id: str) -> list[EventChange]:
    query = sa.select(event_history).where(event_history.c.event_id == event_id).order_by(event_history.c.seq)
    result = []
    for row in conn.execute(query).mappings():
        c = row["change"]
        changes = tuple((str(f), o, n) for f, o, n in c.get("changes", []))
        result.append(EventChange(row["event_id"], row["seq"], c["kind"], changes, c.get("into")))
    return result


def resolve(conn: sa.Connection, event_id: str) -> str | None:
    query = sa.select(event_aliases.c.event_id).where(event_aliases.c.alias_id == event_id)
    return conn.execute(query).scalar()

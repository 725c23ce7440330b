"""Events as text for people: the events table, CSV rows, and one event with all its evidence."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.markup import escape
from rich.table import Table

from eventscope.models import ActorRef, Evidence, Mention, Place

if TYPE_CHECKING:
    from rich.console import Console

    from eventscope.api import EventView


def _actor(ref: ActorRef | None) -> str:
    if ref is None:
        return ""
    return ref.name or ref.text


def _place(place: Place | None, fallback: str | None = None) -> str:
    if place is None:
        return f"{fallback} (unresolved)" if fallback else ""
    return f"{place.name}, {place.country_code}" if place.country_code else place.name


def event_rows(views: list[EventView]) -> list[dict[str, Any]]:
    rows = []
    for v in views:
        e = v.event
        rows.append(
            {
                "id": e.id,
                "start": e.start.isoformat(),
                "end": e.end.isoformat(),
                "time_precision": e.time_precision,
                "plover": e.type.plover,
                "acled_type": e.type.acled_type,
                "acled_sub_type": e.type.acled_sub_type,
                "cameo_root": e.type.cameo_root,
                "actor": _actor(e.actor),
                "recipient": _actor(e.recipient),
                "place": _place(e.place, e.location_text),
                "lat": e.place.lat if e.place else "",
                "lon": e.place.lon if e.place else "",
                "geo_precision": e.geo_precision,
                "origin": _place(e.origin),
                "destination": _place(e.destination),
                "modality": e.modality.value,
                "claim_status": e.claim_status.value,
                "reports": e.n_reports,
                "independent": e.n_independent,
                "fatalities_best": "" if e.fatalities_best is None else e.fatalities_best,
                "historical": e.historical,
            }
        )
    return rows


def events_table(views: list[EventView]) -> Table:
    table = Table(show_lines=False, header_style="bold")
    for column in ("id", "dates", "type", "actor", "recipient", "where", "status", "rep."):
        table.add_column(column, overflow="fold", no_wrap=column in ("id", "dates", "status"))
    for v in views:
        e = v.event
        dates = e.start.isoformat() if e.start == e.end else f"{e.start.isoformat()}..{e.end.isoformat()}"
        where = _place(e.place, e.location_text)
        if e.origin is not None and e.destination is not None:
            where = f"{_place(e.origin)} -> {_place(e.destination)}"
        type_ = e.type.plover + (f" ({e.modality.value})" if e.modality.value != "asserted" else "")
        table.add_row(
            e.id,
            dates + (" (hist.)" if e.historical else ""),
            escape(type_),
            escape(_actor(e.actor)),
            escape(_actor(e.recipient)),
            escape(where),
            e.claim_status.value,
            str(e.n_reports),
        )
    return table


def _quote(ev: Evidence | None) -> str:
    if ev is None:
        return "[dim](no text: default)[/dim]"
    return f'[cyan]"{escape(ev.text)}"[/cyan] [dim]@{ev.start}-{ev.end}[/dim]'


def render_event(view: EventView, console: Console) -> None:
    e = view.event
    articles = {a.id: a for a in view.articles}
    console.print(f"[bold]{e.id}[/bold]  {escape(e.summary)}")
    console.print(
        f"  type        PLOVER {e.type.plover}/{e.type.plover_mode or '-'}; ACLED {e.type.acled_type} / "
        f"{e.type.acled_sub_type}; CAMEO {e.type.cameo_root}"
    )
    console.print(
        f"  when        {e.start} .. {e.end} (ACLED time_precision {e.time_precision})"
        + (" [historical background]" if e.historical else "")
    )
    console.print(
        f"  where       {escape(_place(e.place, e.location_text))} (geo_precision {e.geo_precision})"
    )
    if e.origin or e.destination:
        console.print(f"  movement    {escape(_place(e.origin))} -> {escape(_place(e.destination))}")
    console.print(
        f"  status      {e.claim_status.value}; {e.n_reports} report(s), {e.n_outlets} outlet(s), "
        f"{e.n_independent} independent"
    )
    if e.fatalities_best is not None:
        console.print(
            f"  fatalities  low {e.fatalities_low}, best {e.fatalities_best}, high {e.fatalities_high}"
        )
    if len(e.reports) > 1:
        console.print(reports_table(view))
    for m in view.mentions:
        article = articles.get(m.article_id)
        _render_mention(m, article.outlet if article else None, article.title if article else "", console)
    links = {link.mention_id: link for link in e.links}
    if any(link.joined for link in links.values()):
        console.print("\n  [bold]why these reports are one event[/bold]")
        for link in e.links:
            if link.joined:
                reasons = escape("; ".join(link.reasons))
                console.print(f"    {link.mention_id} ~ {link.joined} (score {link.score}): {reasons}")
    if view.history:
        console.print("\n  [bold]history[/bold]")
        for change in view.history:
            what = ", ".join(f"{f} {o or '-'} -> {n or '-'}" for f, o, n in change.changes)
            into = f" {change.into}" if change.into else ""
            console.print(f"    {change.seq}. {change.kind}{into} {escape(what)}")


def reports_table(view: EventView) -> Table:
    """Each report's own version, side by side: who says what, through whom, with which toll."""
    table = Table(title="reports side by side", header_style="bold", title_justify="left")
    for column in ("outlet", "via", "source", "says", "place", "killed", "counts as"):
        table.add_column(column, overflow="fold")
    for r in view.event.reports:
        killed = ""
        if r.killed is not None:
            killed = (
                f"{r.killed.low}"
                if r.killed.high == r.killed.low
                else f"{r.killed.low}..{r.killed.high or ''}"
            )
            killed += f' ("{r.killed.evidence.text}")'
        says = r.modality.value + (f"; doubted: {r.disputed_by[:60]}" if r.disputed_by else "")
        source = f"{r.attribution.value}" + (f": {r.claimant}" if r.claimant else "")
        table.add_row(
            escape(r.outlet or "?"),
            escape(r.via or ""),
            escape(source),
            escape(says),
            escape(r.place or ""),
            escape(killed),
            escape(r.origin),
        )
    return table


def _render_mention(m: Mention, outlet: str | None, title: str, console: Console) -> None:
    console.print(
        f"\n  [bold]report[/bold] {m.id} from {escape(outlet or 'unknown outlet')}: {escape(title)}"
    )
    console.print(f"    sentence    {_quote(m.sentence)}")
    console.print(f"    trigger     {_quote(m.trigger)} -> {m.type.plover}")
    if m.actor:
        console.print(
            f"    actor       {_quote(m.actor.evidence)} -> {escape(_actor(m.actor))} "
            f"({m.actor.kind.value if m.actor.kind else 'kind unknown'}, {m.actor.country or '?'})"
        )
    if m.recipient:
        console.print(f"    recipient   {_quote(m.recipient.evidence)} -> {escape(_actor(m.recipient))}")
    for p in m.places:
        where = (
            f"{escape(_place(p.place))} ({p.place.lat:.4f}, {p.place.lon:.4f})" if p.place else "unresolved"
        )
        border = f", {p.border_km:.0f} km from a border" if p.border_km is not None else ""
        # no event word governs it: the extractor gave it to the nearest one in its sentence
        tie = "" if p.tied else ", the sentence's place, not tied to the act"
        detail = escape(f"[{p.level.value}{border}{tie}]")
        console.print(f"    place       {_quote(p.evidence)} {p.role.value} -> {where} {detail}")
        if p.note:  # the article's context changed the geocoder's reading (resolve/coherence.py)
            console.print(f"      because   {escape(p.note)}")
    if m.time:
        console.print(
            f"    time        {_quote(m.time.evidence)} -> {m.time.start}..{m.time.end} "
            f"({m.time.precision.value}{', historical' if m.time.historical else ''}"
            f"{'' if m.time.resolved else ', not resolved: the reporting window'})"
        )
    a = m.attribution
    console.print(
        f"    source      {_quote(a.evidence)} -> {a.kind.value}"
        + (f", via {escape(a.via_outlet)}" if a.via_outlet else "")
    )
    console.print(f"    modality    {_quote(m.modality_evidence)} -> {m.modality.value}")
    for g in m.magnitudes:
        console.print(
            f"    {g.kind:<11} {_quote(g.evidence)} -> {g.low}..{g.high if g.high is not None else 'open'}"
        )

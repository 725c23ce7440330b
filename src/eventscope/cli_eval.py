"""``eventscope eval``: score the system on gold files. Each command prints a table, or JSON with --json.

Every command here is a thin wrapper over a scorer in :mod:`eventscope.evaluate`.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console

eval_app = typer.Typer(help="Score eventscope against gold data (tables, or --json).", no_args_is_help=True)
out = Console()
SEED_DIR = Path("../shared/seed")
MUC4_DIR = Path("../shared/data/muc4")
JsonOption = Annotated[bool, typer.Option("--json", help="Print one JSON object with the metrics")]


def print_metrics(metrics: dict[str, Any], as_json: bool, title: str, table: str | None = None) -> None:
    if as_json:
        json.dump(metrics, sys.stdout, indent=2)
        sys.stdout.write("\n")
        return
    if table:
        out.print(table, highlight=False)
    out.print(f"[bold]{title}[/bold]")
    for key, value in metrics.items():
        shown = f"{value:.3f}" if isinstance(value, float) else str(value)
        out.print(f"  {key:<28} {shown}", highlight=False)


@eval_app.command("seed")
def eval_seed(
    folder: Annotated[Path, typer.Argument(help="The seed folder: expected.json and the article")] = SEED_DIR,
    json_: JsonOption = False,
) -> None:
    """The seed article against seed/expected.json: all nine events and the must_not rules."""
    from eventscope.cli import user_errors
    from eventscope.evaluate.seed import run_seed

    with user_errors():
        report = run_seed(folder)
        print_metrics(report.metrics(), json_, "seed", report.table())


LimitOption = Annotated[int | None, typer.Option("--limit", help="Score only N records (the first N)")]


@eval_app.command("acled")
def eval_acled(
    file: Annotated[Path, typer.Argument(help="An ACLED CSV export with a notes column")],
    limit: LimitOption = None,
    sample: Annotated[bool, typer.Option("--sample", help="With --limit: a seeded random sample")] = False,
    seed: Annotated[int, typer.Option("--seed", help="Random seed for --sample")] = 0,
    json_: JsonOption = False,
) -> None:
    """Each row's notes as an article: the main event's type, actor kind, place, date, precision, deaths."""
    from eventscope.cli import user_errors
    from eventscope.evaluate.acled import run_acled

    with user_errors():
        report = run_acled(file, limit=limit, sample=sample, seed=seed)
        print_metrics(report.metrics(), json_, "acled", report.table())


@eval_app.command("muc4")
def eval_muc4(
    texts: Annotated[Path, typer.Argument(help="MUC text file or folder (e.g. ../shared/data/muc4/texts)")],
    keys: Annotated[Path, typer.Argument(help="MUC answer-key file or folder (e.g. .../muc4/keys)")],
    limit: LimitOption = None,
    json_: JsonOption = False,
) -> None:
    """Keyed MUC-3/4 messages: incident detection, type, date, country and city, perpetrator organisation."""
    from eventscope.cli import user_errors
    from eventscope.evaluate.muc4 import run_muc4

    with user_errors():
        report = run_muc4(texts, keys, limit=limit)
        print_metrics(report.metrics(), json_, "muc4", report.table())


@eval_app.command("plover")
def eval_plover(
    file: Annotated[Path, typer.Argument(help="A PLOVER GSR JSON file (PLOVER_GSR_CAMEO.dev.json)")],
    limit: LimitOption = None,
    json_: JsonOption = False,
) -> None:
    """PLOVER gold sentences: event type accuracy and macro-F1, source and target actor match."""
    from eventscope.cli import user_errors
    from eventscope.evaluate.plover import run_plover

    with user_errors():
        report = run_plover(file, limit=limit)
        print_metrics(report.metrics(), json_, "plover", report.table())


@eval_app.command("geoparse")
def eval_geoparse(
    file: Annotated[Path, typer.Argument(help="A Gritta-style XML corpus (LGL, GeoVirus, GeoWebNews)")],
    gold_spans: Annotated[
        bool, typer.Option("--gold-spans", help="Resolve the gold toponyms instead of recognising them")
    ] = False,
    demonyms: Annotated[
        bool,
        typer.Option("--demonyms", help="Count demonyms ('Syrian') as toponyms, as LGL does"),
    ] = False,
    limit: LimitOption = None,
    json_: JsonOption = False,
) -> None:
    """Toponym span precision/recall/F1, accuracy@161 km and median error (end to end or gold spans)."""
    from eventscope.cli import user_errors
    from eventscope.evaluate.geoparse import run_geoparse

    with user_errors():
        report = run_geoparse(file, gold_spans=gold_spans, demonyms=demonyms, limit=limit)
        print_metrics(report.metrics(), json_, "geoparse", report.table())


@eval_app.command("merge")
def eval_merge(
    folder: Annotated[Path, typer.Argument(help="The MUC-4 folder (texts/ and keys/)")] = MUC4_DIR,
    limit: Annotated[int | None, typer.Option(help="Only the first N messages (by id)")] = None,
    subsets: Annotated[
        int,
        typer.Option(
            min=0, help="Also merge N random subsets of 90% of the messages: the pairwise F1's spread"
        ),
    ] = 0,
    json_: JsonOption = False,
) -> None:
    """Same-incident links across MUC-4 messages: pairwise and B-cubed precision, recall, F1."""
    from eventscope.cli import user_errors
    from eventscope.evaluate.merge_eval import run_merge_eval

    with user_errors():
        scores = run_merge_eval(folder, limit=limit, subsets=subsets)
        print_metrics(scores.metrics(), json_, "merge (MUC-4 DEV+TST1+TST2)")

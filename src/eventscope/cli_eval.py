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

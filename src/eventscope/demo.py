"""The bundled demo: sample articles (written for eventscope, real places, fictional events)."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from eventscope import api
from eventscope.api import EventView
from eventscope.export import write_export
from eventscope.store import EventFilter


@dataclass(frozen=True, slots=True)
class DemoResult:
    db: str
    geojson: Path
    views: list[EventView]


def demo_articles_dir() -> Path:
    return Path(str(resources.files("eventscope").joinpath("demo_articles")))


def run_demo(out_dir: Path, *, db: str | None = None) -> DemoResult:
    """Ingest the samples into ``db`` (default: a fresh ``out_dir/demo.db``) and write GeoJSON."""
    out_dir.mkdir(parents=True, exist_ok=True)
    if db is None:
        path = out_dir / "demo.db"
        for stale in (path, path.with_name("demo.db-wal"), path.with_name("demo.db-shm")):
            stale.unlink(missing_ok=True)
        db = f"sqlite:///{path}"
    articles = sorted(str(p) for p in demo_articles_dir().glob("*.txt"))
    api.ingest(articles, db=db)
    views = api.events(db=db, flt=EventFilter())
    geojson = out_dir / "events.geojson"
    with geojson.open("w", encoding="utf-8") as fh:
        write_export("geojson", views, fh)
    return DemoResult(db=db, geojson=geojson, views=views)

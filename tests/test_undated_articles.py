"""An article that says nowhere when it was published: its relative dates are not guessed from the day of
the run, its absolute dates still count, and the ingest says so (real model, real SQLite)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from typer.testing import CliRunner

from eventscope.cli import app
from eventscope.config import Settings
from eventscope.models import Article, Mention
from eventscope.pipeline import Pipeline, build_pipeline

pytestmark = pytest.mark.model

BODY = (
    "A rocket fired from across the border hit a house in Kiryat Shmona on Sunday, killing two people "
    "and wounding three others, police said in a statement. On 3 March 2024, a similar rocket had "
    "killed a farmer in the same town, the statement added."
)


@pytest.fixture(scope="module")
def pipeline(tmp_path_factory: pytest.TempPathFactory) -> Pipeline:
    return build_pipeline(Settings(db=f"sqlite:///{tmp_path_factory.mktemp('undated') / 'u.db'}"))


def mentions(pipeline: Pipeline, published: datetime | None) -> list[Mention]:
    article = Article(id="a-undated", text=BODY, title="Rocket attack", published_at=published)
    return next(iter(pipeline.extract([article])))


def by_time_words(found: list[Mention]) -> dict[str, Mention]:
    return {m.time.evidence.text: m for m in found if m.time is not None and m.time.evidence is not None}


def test_a_relative_date_in_an_undated_article_stays_unresolved(pipeline: Pipeline) -> None:
    undated = by_time_words(mentions(pipeline, None))
    sunday = undated["on Sunday"].time
    assert sunday is not None and not sunday.resolved  # the words are kept, the day is not guessed
    march = undated["On 3 March 2024"].time
    assert march is not None and march.resolved and march.start.isoformat() == "2024-03-03"
    # with a publication date the same words resolve
    dated = by_time_words(mentions(pipeline, datetime(2026, 5, 7, 12, tzinfo=UTC)))
    resolved = dated["on Sunday"].time
    assert resolved is not None and resolved.resolved and resolved.start.isoformat() == "2026-05-03"


def test_ingest_says_how_many_articles_give_no_date(tmp_path: Path) -> None:
    undated = tmp_path / "undated.txt"
    undated.write_text("Rocket attack on Kiryat Shmona\n\n" + BODY + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["ingest", str(undated), "--db", f"sqlite:///{tmp_path / 'c.db'}"])
    assert result.exit_code == 0, result.output
    assert "1 article(s) give no publication date" in result.output

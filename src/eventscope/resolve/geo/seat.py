"""Where ACLED puts an event known only by its province: the provincial capital (codebook,
geo_precision 3).

The gazetteer keeps no seat codes. Many provinces bear their capital's name (a county, region or
governorate named for its chief town), so a town of the province's own name is taken first; else the
province's most populous town (``Gazetteer.largest_town``), usually the seat.
"""

from __future__ import annotations

from collections.abc import Callable

from eventscope.models import Place
from eventscope.resolve.geo.gazetteer import Gazetteer
from eventscope.resolve.geo.names import fold

Seat = Callable[[Place], Place | None]


def provincial_seat(gazetteer: Gazetteer) -> Seat:
    """The seat finder for ``gazetteer``: a province's town of the same name, else its largest town."""

    def seat(province: Place) -> Place | None:
        key = fold(province.admin1 or province.name)
        namesakes = [
            m.place
            for m in gazetteer.lookup(province.name)
            if m.kind == 0
            and m.place.feature_class == "P"
            and m.place.country_code == province.country_code
            and m.place.admin1 is not None
            and fold(m.place.admin1) == key
        ]
        if namesakes:
            return max(namesakes, key=lambda p: (p.population, p.gazetteer_id))
        return gazetteer.largest_town(province)

    return seat

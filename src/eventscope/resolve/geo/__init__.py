"""Places: the gazetteer index, its build, borders, and the geocoder that resolves toponyms.

build.py      registry data -> SQLite index (``python -m eventscope.resolve.geo.build``)
index.py      the index's schema and bulk writer
dump.py       adding a GeoNames dump (villages) to a built index
gazetteer.py  lookups over the index: names, countries, divisions, borders, point in country
resolver.py   Geocoder: an article's toponyms -> PlaceRefs, resolved jointly
borders.py    TopoJSON decoding and distance / point-in-polygon on the border lines
names.py      folding names into lookup keys
"""

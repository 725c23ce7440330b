"""``eventscope serve``: the JSON API (FastAPI, OpenAPI at /docs) and the web map built on it.

app.py     create_app(): routes, static files, pages
api.py     /api routes (thin: parameters -> eventscope.query / the store -> JSON)
params.py  validated query parameters and request bodies
errors.py  the one JSON error shape
assets.py  Leaflet and map data copied from node_modules into static/vendor
"""

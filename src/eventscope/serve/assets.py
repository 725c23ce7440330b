"""The web map's third-party files, copied from ``node_modules`` into ``static/vendor`` (gitignored).

They come from npm (package.json pins the versions) and are served by us, never from a CDN, so the
map works offline. ``make install`` runs ``python -m eventscope.serve.assets node_modules``; a wheel
built after that carries them. ``country-codes.json`` maps the Natural Earth numeric ids in
world-atlas to ISO alpha-2 codes (from world-countries), so a country-level event can be drawn as
its country's shape.
"""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

from eventscope.errors import ConfigError

VENDOR = Path(__file__).parent / "static" / "vendor"
FILES = {
    "leaflet/dist/leaflet.js": "leaflet/leaflet.js",
    "leaflet/dist/leaflet.css": "leaflet/leaflet.css",
    "leaflet/dist/images/marker-icon.png": "leaflet/images/marker-icon.png",
    "leaflet/dist/images/marker-icon-2x.png": "leaflet/images/marker-icon-2x.png",
    "leaflet/dist/images/marker-shadow.png": "leaflet/images/marker-shadow.png",
    "leaflet/dist/images/layers.png": "leaflet/images/layers.png",
    "leaflet.markercluster/dist/leaflet.markercluster.js": "markercluster/leaflet.markercluster.js",
    "leaflet.markercluster/dist/MarkerCluster.css": "markercluster/MarkerCluster.css",
    "leaflet.markercluster/dist/MarkerCluster.Default.css": "markercluster/MarkerCluster.Default.css",
    # 1:50m draws fast in a browser; the gazetteer uses 1:10m for distances.
    "world-atlas/countries-50m.json": "world-atlas/countries-50m.json",
}
CODES = "country-codes.json"


def assets_ready(vendor: Path = VENDOR) -> bool:
    return all((vendor / target).is_file() for target in FILES.values()) and (vendor / CODES).is_file()


def find_node_modules() -> Path | None:
    """``node_modules`` in the working folder or beside the source checkout."""
    for base in (Path.cwd(), *Path(__file__).resolve().parents):
        candidate = base / "node_modules"
        if (candidate / "leaflet").is_dir():
            return candidate
    return None


def install_assets(node_modules: Path | None = None, vendor: Path = VENDOR) -> Path:
    """Copy the map's files from ``node_modules`` into ``vendor``; returns ``vendor``."""
    source = node_modules or find_node_modules()
    if source is None:
        raise ConfigError(
            "web map files not found: run `npm ci` (or `make install`) in the eventscope checkout"
        )
    missing = [name for name in FILES if not (source / name).is_file()]
    if missing:
        raise ConfigError(f"{source} lacks {missing[0]}; run `npm ci` to install package.json's versions")
    for name, target in FILES.items():
        (vendor / target).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source / name, vendor / target)
    countries = json.loads((source / "world-countries/countries.json").read_text(encoding="utf-8"))
    codes = {c["ccn3"]: c["cca2"] for c in countries if c.get("ccn3") and c.get("cca2")}
    (vendor / CODES).write_text(json.dumps(codes, sort_keys=True), encoding="utf-8")
    return vendor


def ensure_assets() -> bool:
    """Install the files if missing and ``node_modules`` is at hand; True when the map can load."""
    if assets_ready():
        return True
    try:
        install_assets()
    except (ConfigError, OSError):
        return False
    return assets_ready()


if __name__ == "__main__":
    where = install_assets(Path(sys.argv[1]) if len(sys.argv) > 1 else None)
    print(f"web map files copied to {where}")

// The map page: filters <-> URL, events from /api/events drawn on Leaflet, the timeline from /api/stats.
import { FAMILY_COLOURS, OTHER_COLOUR, api, colour, config, dateLabel, el, placeLabel, showError, typeLabel } from "./common.js";
import { Timeline } from "./timeline.js";
import { features } from "./topojson.js";

const FILTERS = ["since", "until", "type", "actor", "country", "status", "q", "near", "border", "within_km"];
// Radius (km) drawn for places coarser than a town: the area the report points at, not a false point.
const AREA_KM = { district: 15, admin1: 60, region: 40 };
const form = document.getElementById("filters");
const state = { countries: null, codes: {}, events: [] };
// Read by the browser tests: what the last render drew.
window.eventscope = { ready: false, markers: 0, areas: 0, arrows: 0, unlocated: 0 };

const map = L.map("map", { zoomControl: true, worldCopyJump: true, minZoom: 2, maxZoom: 18 });
if (config.tileUrl) {
  L.tileLayer(config.tileUrl, { maxZoom: 18, attribution: "map tiles: see server settings" }).addTo(map);
}
map.createPane("borders").style.zIndex = 250;
const areaLayer = L.layerGroup().addTo(map);
const arrowLayer = L.layerGroup().addTo(map);
const markerLayer = L.markerClusterGroup({ maxClusterRadius: 40, showCoverageOnHover: false }).addTo(map);
map.attributionControl.addAttribution("borders: Natural Earth");

function readUrl() {
  const params = new URLSearchParams(location.search);
  for (const name of FILTERS) form.elements[name].value = params.get(name) || "";
  const lat = parseFloat(params.get("lat"));
  const lon = parseFloat(params.get("lon"));
  const z = parseInt(params.get("z"), 10);
  return Number.isFinite(lat) && Number.isFinite(lon) && Number.isFinite(z) ? { lat, lon, z } : null;
}

function filterParams() {
  const params = new URLSearchParams();
  for (const name of FILTERS) {
    const value = form.elements[name].value.trim();
    if (value) params.set(name, value);
  }
  return params;
}

function writeUrl() {
  const params = filterParams();
  const c = map.getCenter();
  params.set("lat", c.lat.toFixed(4));
  params.set("lon", c.lng.toFixed(4));
  params.set("z", String(map.getZoom()));
  history.replaceState(null, "", `${location.pathname}?${params}`);
}

async function drawBorders() {
  try {
    const [topology, codes] = await Promise.all([
      fetch("/static/vendor/world-atlas/countries-50m.json").then((r) => r.json()),
      fetch("/static/vendor/country-codes.json").then((r) => r.json()),
    ]);
    state.codes = codes;
    state.countries = features(topology, "countries");
    L.geoJSON(state.countries, {
      pane: "borders",
      interactive: false,
      style: { color: "#8a8a8a", weight: 0.8, fillColor: "#f4f1ea", fillOpacity: config.tileUrl ? 0 : 1 },
    }).addTo(map);
  } catch (err) {
    showError(`country borders could not be loaded (${err.message}); run \`make install\``);
  }
}

function popup(event) {
  return el(
    "div",
    { class: "es-popup" },
    el("strong", {}, typeLabel(event.type)),
    el("div", {}, dateLabel(event), " · ", placeLabel(event)),
    event.summary ? el("div", {}, event.summary) : null,
    el("div", {}, `${event.n_reports} report(s) · ${event.claim_status.replace("_", " ")}`),
    el("a", { href: `/events/${encodeURIComponent(event.id)}`, class: "es-open" }, "open event"),
  );
}

function countryShape(code) {
  if (!state.countries) return null;
  const numeric = Object.keys(state.codes).find((k) => state.codes[k] === code);
  return state.countries.find((f) => String(f.id) === numeric) || null;
}

function drawArrow(event) {
  const from = L.latLng(event.origin.lat, event.origin.lon);
  const to = L.latLng(event.destination.lat, event.destination.lon);
  const style = { color: colour(event.type.acled_type), weight: 3, dashArray: "6 4", className: "es-movement" };
  L.polyline([from, to], style).bindPopup(() => popup(event)).addTo(arrowLayer);
  // Web Mercator is conformal, so the screen angle is the same at every zoom.
  const a = map.project(from, 5);
  const b = map.project(to, 5);
  const angle = (Math.atan2(b.y - a.y, b.x - a.x) * 180) / Math.PI;
  const head = el("div", { class: "es-arrowhead" });
  head.style.transform = `rotate(${angle}deg)`;
  head.style.borderLeftColor = colour(event.type.acled_type);
  // The head sits short of the destination so the destination's own marker does not hide it.
  const at = L.latLng(from.lat + 0.8 * (to.lat - from.lat), from.lng + 0.8 * (to.lng - from.lng));
  L.marker(at, {
    icon: L.divIcon({ html: head, className: "es-arrowhead-icon", iconSize: [16, 16], iconAnchor: [8, 8] }),
    interactive: false,
  }).addTo(arrowLayer);
}

function drawEvents(events) {
  markerLayer.clearLayers();
  areaLayer.clearLayers();
  arrowLayer.clearLayers();
  const counts = { markers: 0, areas: 0, arrows: 0, unlocated: 0 };
  const located = [];
  for (const event of events) {
    const c = colour(event.type.acled_type);
    if (event.origin && event.destination) {
      drawArrow(event);
      counts.arrows += 1;
      located.push([event.origin.lat, event.origin.lon], [event.destination.lat, event.destination.lon]);
    }
    const place = event.place;
    if (!place) {
      counts.unlocated += 1;
      continue;
    }
    located.push([place.lat, place.lon]);
    const areaStyle = { color: c, weight: 2, dashArray: "4 4", fillColor: c, fillOpacity: 0.12, className: "es-area" };
    if (event.place_level === "town") {
      L.circleMarker([place.lat, place.lon], {
        radius: 5 + 3 * Math.sqrt(event.n_reports),
        color: "#fff",
        weight: 1.5,
        fillColor: c,
        fillOpacity: 0.9,
        className: "es-marker",
      })
        .bindPopup(() => popup(event))
        .addTo(markerLayer);
      counts.markers += 1;
    } else {
      const shape = event.place_level === "country" ? countryShape(place.country_code) : null;
      const layer = shape
        ? L.geoJSON(shape, { style: areaStyle })
        : L.circle([place.lat, place.lon], { ...areaStyle, radius: (AREA_KM[event.place_level] || 40) * 1000 });
      layer.bindPopup(() => popup(event)).addTo(areaLayer);
      counts.areas += 1;
    }
  }
  Object.assign(window.eventscope, counts);
  return located;
}

function drawList(page) {
  const list = document.getElementById("event-list");
  list.replaceChildren(
    ...page.events.map((event) =>
      el(
        "li",
        { class: "es-item", dataset: { eventId: event.id, type: event.type.plover } },
        el("span", { class: "es-dot", style: `background:${colour(event.type.acled_type)}` }),
        el("a", { href: `/events/${encodeURIComponent(event.id)}` }, typeLabel(event.type)),
        el("span", { class: "es-meta" }, ` ${dateLabel(event)} · ${placeLabel(event)} · ${event.n_reports} report(s)`),
        event.summary ? el("div", { class: "es-summary-line" }, event.summary) : null,
      ),
    ),
  );
  const shown = page.events.length < page.total ? ` (first ${page.events.length} shown)` : "";
  const unlocated = window.eventscope.unlocated ? `; ${window.eventscope.unlocated} without a location` : "";
  document.getElementById("summary").textContent = `${page.total} event(s)${shown}${unlocated}`;
}

function drawLegend() {
  const legend = document.getElementById("legend");
  legend.replaceChildren(
    ...Object.entries(FAMILY_COLOURS).map(([name, c]) =>
      el("span", { class: "es-legend-item" }, el("span", { class: "es-dot", style: `background:${c}` }), name),
    ),
    el("span", { class: "es-legend-item" }, el("span", { class: "es-dot", style: `background:${OTHER_COLOUR}` }), "other"),
    el("span", { class: "es-legend-item" }, el("span", { class: "es-area-key" }), "area (coarse place)"),
    el("span", { class: "es-legend-item" }, el("span", { class: "es-arrow-key" }), "movement"),
  );
}

const timeline = new Timeline(document.getElementById("timeline"), (range) => {
  form.elements.since.value = range ? range[0] : "";
  form.elements.until.value = range ? range[1] : "";
  refresh({ fit: false });
});

async function refresh({ fit }) {
  window.eventscope.ready = false;
  showError("");
  const params = filterParams();
  writeUrl();
  // The timeline shows every day the other filters allow, so the brush can widen again.
  const timelineParams = new URLSearchParams(params);
  timelineParams.delete("since");
  timelineParams.delete("until");
  try {
    const [page, stats] = await Promise.all([
      api(`/api/events?${params}&limit=1000&sort=-start`),
      api(`/api/stats?${timelineParams}`),
    ]);
    state.events = page.events;
    const located = drawEvents(page.events);
    drawList(page);
    timeline.draw(stats.by_day, [params.get("since"), params.get("until")]);
    fillTypes(stats);
    if (fit && located.length) map.fitBounds(L.latLngBounds(located).pad(0.2), { maxZoom: 9 });
  } catch (err) {
    showError(err.message);
    document.getElementById("summary").textContent = "";
  }
  window.eventscope.ready = true;
}

function fillTypes(stats) {
  const select = form.elements.type;
  const current = select.value;
  const known = new Set([...select.options].map((o) => o.value));
  for (const name of [...Object.keys(stats.by_type), ...Object.keys(stats.by_acled_type)]) {
    if (!known.has(name)) select.append(el("option", { value: name }, name));
  }
  select.value = current;
}

form.addEventListener("submit", (e) => {
  e.preventDefault();
  refresh({ fit: true });
});
document.getElementById("reset").addEventListener("click", () => {
  form.reset();
  refresh({ fit: true });
});
map.on("moveend", writeUrl);
window.addEventListener("resize", () => refresh({ fit: false }));

async function start() {
  const view = readUrl();
  // Options for a type given in the URL exist before the first stats answer.
  const type = new URLSearchParams(location.search).get("type");
  if (type) form.elements.type.append(el("option", { value: type }, type));
  form.elements.type.value = type || "";
  map.setView(view ? [view.lat, view.lon] : [33.9, 36.5], view ? view.z : 6);
  drawLegend();
  await drawBorders();
  await refresh({ fit: !view });
}

start();

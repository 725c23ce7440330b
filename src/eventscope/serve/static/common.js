// Shared helpers. Every string from the API reaches the page through textContent or an attribute
// set with setAttribute: never innerHTML, so article text cannot become markup or script.

export const config = JSON.parse(document.body.dataset.config || "{}");

// Colour by ACLED event type (the type family); PLOVER types map onto these through the crosswalk.
export const FAMILY_COLOURS = {
  "Battles": "#c62828",
  "Explosions/Remote violence": "#ef6c00",
  "Violence against civilians": "#6a1b9a",
  "Protests": "#1565c0",
  "Riots": "#00838f",
  "Strategic developments": "#2e7d32",
};
export const OTHER_COLOUR = "#616161";

export function colour(acledType) {
  return FAMILY_COLOURS[acledType] || OTHER_COLOUR;
}

/** el("a", {href: "/x", class: "y"}, "text", child) -> an element; strings become text nodes. */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") node.className = value;
    else if (key === "dataset") Object.assign(node.dataset, value);
    else node.setAttribute(key, String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export function showError(message) {
  const box = document.getElementById("error");
  box.textContent = message;
  box.hidden = !message;
}

/** GET a JSON API path; our error shape becomes an Error carrying its message and code. */
export async function api(path) {
  const response = await fetch(path, { headers: { Accept: "application/json" } });
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    const err = (body && body.error) || { message: `HTTP ${response.status}`, code: "error" };
    const exc = new Error(err.message);
    exc.code = err.code;
    throw exc;
  }
  return body;
}

export function placeLabel(event) {
  if (event.place) {
    const cc = event.place.country_code ? `, ${event.place.country_code}` : "";
    return `${event.place.name}${cc}`;
  }
  return event.location_text ? `${event.location_text} (unresolved)` : "no location";
}

export function dateLabel(event) {
  return event.start === event.end ? event.start : `${event.start} – ${event.end}`;
}

export function typeLabel(type) {
  return type.plover_mode ? `${type.plover} (${type.plover_mode})` : type.plover;
}

/** Only http(s) links are made clickable: a javascript: URL in an article must stay text. */
export function safeHref(url) {
  return typeof url === "string" && /^https?:\/\//i.test(url) ? url : null;
}

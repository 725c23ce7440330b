// The event page: every field with its evidence, each report's sentence highlighted in its article,
// claimant and modality, the reports side by side, the corroboration chain and the history.
import { api, colour, dateLabel, el, placeLabel, safeHref, showError, typeLabel } from "./common.js";

const root = document.getElementById("event");
const eventId = document.body.dataset.eventId;

/** Every evidence span of a report, labelled with the field it supports. */
function fieldEvidence(m) {
  const found = [["trigger", m.trigger]];
  if (m.actor) found.push(["actor", m.actor.evidence]);
  if (m.recipient) found.push(["recipient", m.recipient.evidence]);
  for (const p of m.places) found.push([`place (${p.role})`, p.evidence]);
  if (m.time && m.time.evidence) found.push(["time", m.time.evidence]);
  if (m.attribution && m.attribution.evidence) found.push(["claimant", m.attribution.evidence]);
  if (m.modality_evidence) found.push(["modality", m.modality_evidence]);
  for (const g of m.magnitudes) found.push([g.kind, g.evidence]);
  return found.filter(([, ev]) => ev);
}

/** The article text cut at every span boundary; each piece carries the spans covering it. */
function highlightedText(article, spans) {
  const cuts = new Set([0, article.text.length]);
  for (const s of spans) {
    cuts.add(Math.max(0, Math.min(s.start, article.text.length)));
    cuts.add(Math.max(0, Math.min(s.end, article.text.length)));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const box = el("div", { class: "es-article-text", dataset: { articleId: article.id } });
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const text = article.text.slice(a, b);
    const covering = spans.filter((s) => s.start <= a && s.end >= b);
    if (!covering.length) {
      box.append(document.createTextNode(text));
      continue;
    }
    const sentence = covering.some((s) => s.kind === "sentence");
    const fields = covering.filter((s) => s.kind !== "sentence");
    const piece = el(sentence ? "mark" : "span", {
      class: [sentence ? "es-sentence" : "", fields.length ? "es-field" : ""].join(" ").trim(),
      title: fields.map((s) => s.label).join(", ") || null,
      dataset: { spans: covering.map((s) => s.key).join(" ") },
    }, text);
    box.append(piece);
  }
  return box;
}

function flash(key) {
  for (const node of document.querySelectorAll(".es-article-text [data-spans]")) {
    node.classList.toggle("es-flash", node.dataset.spans.split(" ").includes(key));
  }
  const first = document.querySelector(".es-flash");
  if (first) first.scrollIntoView({ block: "center", behavior: "smooth" });
}

function section(title, ...children) {
  return el("section", { class: "es-section" }, el("h2", {}, title), ...children);
}

function table(headers, rows) {
  return el(
    "table",
    { class: "es-table" },
    el("thead", {}, el("tr", {}, headers.map((h) => el("th", {}, h)))),
    el("tbody", {}, rows.map((r) => el("tr", {}, r.map((c) => el("td", {}, c ?? "—"))))),
  );
}

function summary(event) {
  const t = event.type;
  const fatalities =
    event.fatalities_best === null ? "—" : `${event.fatalities_best} (range ${event.fatalities_low ?? "?"}–${event.fatalities_high ?? "?"})`;
  const rows = [
    ["Type", `${typeLabel(t)} · ACLED ${t.acled_type} / ${t.acled_sub_type} · CAMEO ${t.cameo_root}`],
    ["When", `${dateLabel(event)} (time precision ${event.time_precision}${event.historical ? ", historical" : ""})`],
    ["Where", `${placeLabel(event)} · ${event.place_level} (geo precision ${event.geo_precision})`],
    ["Movement", event.origin && event.destination ? `${event.origin.name} → ${event.destination.name}` : null],
    ["Actor", event.actor ? event.actor.name || event.actor.evidence.text : null],
    ["Target", event.recipient ? event.recipient.name || event.recipient.evidence.text : null],
    ["Modality", event.modality],
    ["Claim status", `${event.claim_status.replace("_", " ")} · ${event.n_reports} report(s), ${event.n_outlets} outlet(s), ${event.n_independent} independent source(s)`],
    ["Fatalities", fatalities],
  ];
  return el(
    "dl",
    { class: "es-fields" },
    rows.filter(([, v]) => v !== null).flatMap(([k, v]) => [el("dt", {}, k), el("dd", {}, v)]),
  );
}

function reportBlock(m, index, articles) {
  const article = articles.get(m.article_id);
  const a = m.attribution || {};
  const evidence = fieldEvidence(m).map(([label, ev], j) => {
    const key = `m${index}-f${j}`;
    return el(
      "li",
      {},
      el("span", { class: "es-label" }, `${label}: `),
      el("button", { type: "button", class: "es-quote", dataset: { key } }, `“${ev.text}”`),
      el("span", { class: "es-span" }, ` [${ev.start}–${ev.end}]`),
    );
  });
  return el(
    "article",
    { class: "es-report", dataset: { mentionId: m.id } },
    el("h3", {}, `Report ${index + 1}: `, m.outlet || (article && article.outlet) || "unknown outlet"),
    el(
      "p",
      { class: "es-claim" },
      `claimant: ${a.claimant || "none named"} · attribution: ${a.kind || "none"}`,
      a.via_outlet ? ` · via ${a.via_outlet}` : "",
      ` · modality: ${m.modality} · confidence ${m.confidence}`,
    ),
    el("blockquote", { class: "es-report-sentence" }, m.sentence.text),
    el("ul", { class: "es-evidence" }, evidence),
  );
}

function render(doc) {
  const articles = new Map(doc.articles.map((a) => [a.id, a]));
  const heading = el(
    "h1",
    {},
    el("span", { class: "es-dot", style: `background:${colour(doc.type.acled_type)}` }),
    doc.summary || `${typeLabel(doc.type)} · ${placeLabel(doc)}`,
  );
  const merged =
    doc.requested_id !== doc.id ? el("p", { class: "es-note" }, `${doc.requested_id} was merged into ${doc.id}.`) : null;
  const reports = (doc.reports || []).map((r) => [
    r.outlet, r.via, r.claimant, r.attribution, r.modality, r.origin,
    r.killed ? `${r.killed.low ?? "?"}–${r.killed.high ?? "?"}` : null, r.place, r.disputed_by,
  ]);
  const chain = (doc.links || []).map((l) => [l.mention_id, l.joined || "founding report", l.score.toFixed(2), l.reasons.join("; ")]);
  const history = (doc.history || []).map((h) => [
    String(h.seq), h.kind, h.into,
    h.changes.map(([field, before, after]) => `${field}: ${before ?? "—"} → ${after ?? "—"}`).join("; "),
  ]);
  const articleBlocks = doc.articles.map((article) => {
    const spans = [];
    doc.mentions.forEach((m, i) => {
      if (m.article_id !== article.id) return;
      spans.push({ ...m.sentence, kind: "sentence", key: `m${i}-s`, label: `report ${i + 1}` });
      fieldEvidence(m).forEach(([label, ev], j) => spans.push({ ...ev, kind: "field", key: `m${i}-f${j}`, label }));
    });
    const href = safeHref(article.url);
    return el(
      "article",
      { class: "es-article", dataset: { articleId: article.id } },
      el("h3", { class: "es-article-title" }, article.title || "(untitled)"),
      el(
        "p",
        { class: "es-meta" },
        article.outlet || "unknown outlet",
        article.published_at ? ` · ${article.published_at}` : "",
        href ? " · " : "",
        href ? el("a", { href, rel: "noopener noreferrer nofollow", target: "_blank" }, href) : null,
      ),
      highlightedText(article, spans),
    );
  });
  root.replaceChildren(
    ...[heading, merged].filter(Boolean),
    summary(doc),
    section("Reports and their evidence", ...doc.mentions.map((m, i) => reportBlock(m, i, articles))),
    section(
      "Reports side by side",
      table(["outlet", "via", "claimant", "attribution", "modality", "independent source", "killed", "place", "disputed by"], reports),
    ),
    section("Corroboration chain", table(["report", "matched with", "score", "reasons"], chain)),
    section("History", table(["#", "change", "into", "fields"], history)),
    section("Articles (evidence highlighted)", ...articleBlocks),
  );
  root.addEventListener("click", (e) => {
    const button = e.target.closest(".es-quote");
    if (button) flash(button.dataset.key);
  });
  document.title = `eventscope: ${doc.summary || doc.id}`;
}

api(`/api/events/${encodeURIComponent(eventId)}`)
  .then(render)
  .catch((err) => showError(err.message))
  .finally(() => root.setAttribute("aria-busy", "false"));

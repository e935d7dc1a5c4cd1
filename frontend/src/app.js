// The conflictdb dashboard: a map, a timeline, the filters, a list, and an incident page whose report
// text shows every extracted value at its evidence. Everything comes from this server (no CDN, no
// tiles). Article text is untrusted: it only ever reaches the page through textContent.
import L from "leaflet";
import { feature } from "topojson-client";

const COLORS = {
  Battles: "#c0392b",
  "Explosions/Remote violence": "#e67e22",
  "Violence against civilians": "#8e44ad",
  Protests: "#2980b9",
  Riots: "#16a085",
  "Strategic developments": "#7f8c8d",
};
const FIELD_LABELS = {
  event_type: "event type", sub_event_type: "sub-event type", event_date: "date", actor1: "actor 1",
  actor2: "actor 2", place: "place", location: "place", fatalities: "fatalities", fatalities_low: "fatalities (low)",
  fatalities_best: "fatalities (best)", fatalities_high: "fatalities (high)", status: "status", claimed_by: "source",
  civilian_targeting: "civilian targeting", women_victims: "women victims", children_victims: "children victims",
};
const PAGE = 50;
const MAP_LIMIT = 1000;

const $ = (sel, root = document) => root.querySelector(sel);

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") node.className = v;
    else if (k === "dataset") Object.assign(node.dataset, v);
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v);
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

async function api(path, params = {}) {
  const query = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== "" && v !== null && v !== undefined));
  const response = await fetch(query.size ? `${path}?${query}` : path, { headers: { Accept: "application/json" } });
  const body = await response.json();
  if (!response.ok) throw new Error(body.detail + (body.hint ? ` (${body.hint})` : ""));
  return body;
}

// Only http(s) links from articles become clickable; anything else stays text.
function safeUrl(url) {
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
  } catch {
    return null;
  }
}

// filters <-> the URL's hash ----------------------------------------------------------------------

function currentFilters() {
  const form = $("#filters");
  const out = {};
  for (const [k, v] of new FormData(form).entries()) if (v !== "") out[k] = v;
  return out;
}

function setForm(filters) {
  const form = $("#filters");
  for (const input of form.elements) {
    if (!input.name) continue;
    if (input.name === "sub_event_type") fillSubTypes(filters.event_type || "");
    input.value = filters[input.name] ?? "";
  }
}

function route() {
  const hash = location.hash.replace(/^#/, "") || "/";
  const [path, query = ""] = hash.split("?");
  return { path, params: Object.fromEntries(new URLSearchParams(query)) };
}

// the overview --------------------------------------------------------------------------------------

let map;
let markers;
let facets = { event_types: {} };
let offset = 0;

async function initMap() {
  map = L.map("map", { worldCopyJump: true, minZoom: 2, maxZoom: 12, preferCanvas: false, attributionControl: true });
  map.attributionControl.setPrefix("");
  map.attributionControl.addAttribution("Borders: Natural Earth (public domain)");
  map.setView([10, 20], 3);
  const topology = await (await fetch("/static/countries.json")).json();
  // Borders on a canvas (one element, quick to draw); incidents stay SVG, each its own clickable element.
  L.geoJSON(feature(topology, topology.objects.countries), {
    style: { color: "#8a8f98", weight: 0.7, fillColor: "#eef0f3", fillOpacity: 1 },
    interactive: false,
    renderer: L.canvas({ padding: 0.2 }),
  }).addTo(map);
  markers = L.layerGroup().addTo(map);
}

function radius(fatalities) {
  return 3 + Math.min(22, Math.sqrt(fatalities || 0) * 2);
}

function drawMap(rows) {
  markers.clearLayers();
  const points = [];
  for (const row of rows) {
    if (row.latitude === null || row.longitude === null) continue;
    const marker = L.circleMarker([row.latitude, row.longitude], {
      radius: radius(row.fatalities),
      color: "#222",
      weight: 0.6,
      fillColor: COLORS[row.event_type] || "#555",
      fillOpacity: 0.75,
      className: "incident-marker",
    });
    marker.bindTooltip(
      el("div", {}, el("strong", {}, row.event_type), el("br"), `${row.event_date || "date unknown"} · ${row.location || row.country || ""}`,
        el("br"), `fatalities: ${row.fatalities ?? "unknown"}`),
    );
    marker.on("click", () => { location.hash = `#/incident/${encodeURIComponent(row.id)}`; });
    marker.addTo(markers);
    marker.getElement()?.setAttribute("data-id", row.id);
    points.push([row.latitude, row.longitude]);
  }
  if (points.length) map.fitBounds(L.latLngBounds(points).pad(0.2), { maxZoom: 7 });
}

function drawTimeline(rows) {
  const box = $("#timeline");
  box.replaceChildren();
  const months = rows.filter((r) => r.key);
  if (!months.length) {
    box.append(el("p", { class: "empty" }, "No dated incidents."));
    return;
  }
  const width = Math.max(box.clientWidth || 800, 300);
  const height = 110;
  const max = Math.max(...months.map((r) => r.incidents));
  const step = width / months.length;
  const ns = "http://www.w3.org/2000/svg";
  const svg = document.createElementNS(ns, "svg");
  svg.setAttribute("viewBox", `0 0 ${width} ${height + 18}`);
  svg.setAttribute("width", "100%");
  months.forEach((r, i) => {
    const h = Math.max(1, (r.incidents / max) * height);
    const bar = document.createElementNS(ns, "rect");
    bar.setAttribute("x", String(i * step + 0.5));
    bar.setAttribute("y", String(height - h));
    bar.setAttribute("width", String(Math.max(1, step - 1)));
    bar.setAttribute("height", String(h));
    bar.setAttribute("class", "bar");
    const title = document.createElementNS(ns, "title");
    title.textContent = `${r.key}: ${r.incidents} incidents, ${r.fatalities} fatalities`;
    bar.append(title);
    svg.append(bar);
  });
  for (const i of [0, months.length - 1]) {
    const label = document.createElementNS(ns, "text");
    label.setAttribute("x", String(i === 0 ? 0 : width));
    label.setAttribute("y", String(height + 14));
    label.setAttribute("text-anchor", i === 0 ? "start" : "end");
    label.textContent = months[i].key;
    svg.append(label);
  }
  box.append(svg);
}

function drawTable(page) {
  const body = $("#incidents tbody");
  body.replaceChildren(
    ...page.incidents.map((r) =>
      el("tr", { dataset: { id: r.id }, tabindex: "0", onclick: () => { location.hash = `#/incident/${encodeURIComponent(r.id)}`; } },
        el("td", {}, r.event_date || "?"),
        el("td", {}, el("span", { class: "swatch", style: `background:${COLORS[r.event_type] || "#555"}` }), r.event_type,
          r.sub_event_type ? el("small", {}, ` / ${r.sub_event_type}`) : null),
        el("td", {}, [r.actor1, r.actor2].filter(Boolean).join(" — ")),
        el("td", {}, [r.location, r.admin1, r.country].filter(Boolean).filter((v, i, a) => a.indexOf(v) === i).join(", ")),
        el("td", { class: "num" }, r.fatalities ?? "?"),
        el("td", {}, r.status || ""),
        el("td", {}, r.grade || ""),
      )),
  );
  const last = Math.min(page.offset + page.incidents.length, page.total);
  $("#page").textContent = page.total ? `${page.offset + 1}–${last} of ${page.total_exact ? "" : "about "}${page.total.toLocaleString()}` : "no incidents";
  $("#prev").disabled = page.offset === 0;
  $("#next").disabled = page.offset + page.incidents.length >= page.total;
}

function loadOverview(filters) {
  return Promise.all([
    api("/api/incidents", { ...filters, limit: MAP_LIMIT, sort: "-fatalities" }),
    api("/api/incidents", { ...filters, limit: PAGE, offset, sort: "-event_date" }),
    api("/api/aggregates/month", filters),
  ]);
}

// The first overview's data is asked for at once, while the map and the filters are being set up.
let prefetched = null;

async function showOverview(params) {
  $("#incident-page").hidden = true;
  $("#overview").hidden = false;
  setForm(params);
  const filters = currentFilters();
  const key = JSON.stringify(filters);
  const data = prefetched && prefetched.key === key ? prefetched.data : loadOverview(filters);
  prefetched = null;
  const [onMap, page, months] = await data;
  map.invalidateSize();
  drawMap(onMap.incidents);
  drawTimeline(months.rows);
  drawTable(page);
  const shown = Math.min(onMap.incidents.length, MAP_LIMIT);
  $("#summary").textContent = `${page.total_exact ? "" : "about "}${page.total.toLocaleString()} incidents` +
    (page.total > shown ? ` · the ${shown.toLocaleString()} deadliest on the map` : "");
  document.body.dataset.ready = "overview";
}

// the incident page ---------------------------------------------------------------------------------

// Spans from the mentions (Mention.evidence) and the linker's reports, as [{start, end, field}].
function evidenceSpans(documentId, mentions, reports) {
  const spans = [];
  const seen = new Set();
  const add = (field, start, end) => {
    const key = `${field}:${start}:${end}`;
    if (end > start && !seen.has(key)) {
      seen.add(key);
      spans.push({ field, start, end });
    }
  };
  for (const m of mentions.filter((m) => m.document_id === documentId)) {
    for (const [field, list] of Object.entries(m.evidence || {})) for (const s of list) add(field, s.start, s.end);
  }
  for (const r of reports.filter((r) => r.document_id === documentId)) {
    for (const [field, list] of Object.entries(r.evidence || {})) {
      for (const s of list) Array.isArray(s) ? add(field, s[0], s[1]) : add(field, s.start, s.end);
    }
  }
  return spans;
}

// The text, cut at every span boundary; covered pieces become <mark>s naming their fields. Offsets
// count code points, as Python's do, so the text is indexed as an array of code points.
function highlighted(text, spans) {
  const chars = Array.from(text);
  const cuts = new Set([0, chars.length]);
  for (const s of spans) {
    cuts.add(Math.max(0, Math.min(chars.length, s.start)));
    cuts.add(Math.max(0, Math.min(chars.length, s.end)));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out = el("div", { class: "report-text" });
  for (let i = 0; i < points.length - 1; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const piece = chars.slice(a, b).join("");
    const fields = [...new Set(spans.filter((s) => s.start <= a && s.end >= b).map((s) => s.field))];
    if (!fields.length) {
      out.append(document.createTextNode(piece));
      continue;
    }
    out.append(el("mark", {
      class: `evidence ${fields.map((f) => `f-${f.replace(/[^a-z0-9_]/gi, "")}`).join(" ")}`,
      title: fields.map((f) => FIELD_LABELS[f] || f).join(", "),
      dataset: { fields: fields.join(" "), start: String(a), end: String(b) },
    }, piece));
  }
  return out;
}

function recordTable(inc) {
  const place = inc.place || {};
  const rows = [
    ["Event type", inc.event_type],
    ["Sub-event type", inc.sub_event_type],
    ["Date", inc.event_date ? `${inc.event_date} (precision ${inc.time_precision})` : "unknown"],
    ["Actor 1", inc.actor1 ? `${inc.actor1.name} (inter ${inc.actor1.inter})` : "—"],
    ["Actor 2", inc.actor2 ? `${inc.actor2.name} (inter ${inc.actor2.inter})` : "—"],
    ["Place", place.how === "country"
      ? `${place.country}: only the country is known, coded at its capital (${place.name})`
      : [place.locality ? `${place.locality} (in ${place.name})` : place.name, place.admin2, place.admin1, place.country].filter(Boolean).filter((v, i, a) => a.indexOf(v) === i).join(", ") || "unknown"],
    ["Coordinates", place.latitude !== null && place.latitude !== undefined ? `${place.latitude.toFixed(4)}, ${place.longitude.toFixed(4)} (geo precision ${place.geo_precision ?? "?"})` : "none"],
    ["Fatalities", inc.fatalities ?? "unknown"],
    ["Low / best / high", [inc.fatalities_low, inc.fatalities_best, inc.fatalities_high].map((v) => v ?? "?").join(" / ")],
    ["Civilian targeting", inc.civilian_targeting ? "yes" : "no"],
    ["Status", inc.status],
    ["Independent sources", inc.sources],
    ["Documents", inc.documents],
  ];
  return el("table", { class: "record" }, el("tbody", {}, rows.map(([k, v]) => el("tr", {}, el("th", {}, k), el("td", {}, String(v ?? ""))))));
}

function timeline(details) {
  const steps = details.timeline || [];
  if (!steps.length) return el("p", { class: "empty" }, "No status changes recorded.");
  return el("ol", { class: "status-timeline" }, steps.map((s) =>
    el("li", {}, el("span", { class: "when" }, s.date || "date unknown"), " ", el("strong", {}, s.step || ""),
      s.by ? ` — ${s.by}` : "", s.quote ? el("q", {}, s.quote) : null)));
}

function disagreements(details) {
  const items = details.disagreements || [];
  if (!items.length) return el("p", { class: "empty" }, "The sources agree.");
  return el("ul", { class: "disagreements" }, items.map((d) =>
    el("li", {}, el("strong", {}, FIELD_LABELS[d.field] || d.field), ": ",
      (d.values || []).map((v, i) => [i ? "; " : "", el("code", {}, String(v.value ?? "none")), ` (${(v.documents || []).length} document(s))`]))));
}

async function showIncident(id) {
  $("#overview").hidden = true;
  const page = $("#incident-page");
  page.hidden = false;
  page.replaceChildren(el("p", {}, "Loading…"));
  let data;
  try {
    data = await api(`/api/incidents/${encodeURIComponent(id)}`);
  } catch (err) {
    page.replaceChildren(el("p", { class: "error" }, String(err.message)), el("a", { href: "#/" }, "Back to the map"));
    return;
  }
  const inc = data.incident;
  const details = inc.details || {};
  const reports = details.reports || [];
  const place = inc.place || {};
  const docs = data.documents.map((doc) => {
    const spans = evidenceSpans(doc.id, data.mentions, reports);
    const url = safeUrl(doc.url || "");
    const copyOf = (details.copies || {})[doc.id];
    return el("article", { class: "source", dataset: { documentId: doc.id } },
      el("h3", {}, doc.title || doc.outlet || doc.external_id || doc.id),
      el("p", { class: "meta" }, [doc.outlet, doc.published, doc.external_id ? `id ${doc.external_id}` : null].filter(Boolean).join(" · "),
        url ? [" · ", el("a", { href: url, rel: "noopener noreferrer nofollow", target: "_blank" }, "original")] : null,
        copyOf ? el("span", { class: "copy" }, " · a copy of an earlier report (same lineage)") : null),
      el("p", { class: "fields" }, "Highlighted: ", [...new Set(spans.map((s) => s.field))].map((f) => el("mark", { class: `evidence f-${f}` }, FIELD_LABELS[f] || f)).flatMap((m, i) => (i ? [" ", m] : [m]))),
      highlighted(doc.text, spans));
  });
  page.replaceChildren(
    el("a", { href: "#/", class: "back" }, "‹ Back to the map"),
    el("h2", {}, `${inc.event_type}${inc.sub_event_type ? ` / ${inc.sub_event_type}` : ""}`, el("small", {}, ` ${inc.event_date || "date unknown"} · ${(place.how === "country" ? place.country : place.name) || place.country || "place unknown"}`)),
    el("div", { class: `grade grade-${(inc.grade || "").replace(/\W+/g, "-")}` }, el("strong", {}, `Credibility: ${inc.grade}`), inc.grade_reason ? ` — ${inc.grade_reason}` : ""),
    el("div", { class: "columns" },
      el("section", {}, el("h3", {}, "Merged record"), recordTable(inc)),
      el("section", {}, el("h3", {}, "Status timeline"), timeline(details), el("h3", {}, "Disagreements between sources"), disagreements(details))),
    el("h3", {}, `Sources (${data.documents.length})`),
    ...docs,
  );
  document.body.dataset.ready = "incident";
  window.scrollTo(0, 0);
}

// start ---------------------------------------------------------------------------------------------

function fillSubTypes(type) {
  const select = $("select[name=sub_event_type]");
  const subs = type ? facets.event_types[type] || [] : Object.values(facets.event_types).flat();
  select.replaceChildren(el("option", { value: "" }, "All"), ...subs.map((s) => el("option", { value: s }, s)));
}

async function start() {
  const first = route();
  if (!first.path.startsWith("/incident/")) {
    const filters = Object.fromEntries(Object.entries(first.params).filter(([, v]) => v !== ""));
    prefetched = { key: JSON.stringify(filters), data: loadOverview(filters) };
  }
  const [facetData, countries, actors] = await Promise.all([
    api("/api/facets"), api("/api/aggregates/country"), api("/api/actors", { limit: 300 }), initMap(),
  ]);
  facets = facetData;
  const form = $("#filters");
  const fill = (name, values) => $(`select[name=${name}]`).append(...values.map((v) => el("option", { value: v }, v)));
  fill("country", countries.rows.map((r) => r.key).filter(Boolean).sort());
  fill("event_type", Object.keys(facets.event_types));
  fill("status", facets.statuses);
  fill("grade", facets.grades);
  fillSubTypes("");
  $("#actor-names").append(...actors.actors.map((a) => el("option", { value: a.name })));
  $("#legend").append(...Object.entries(COLORS).map(([k, c]) => el("div", {}, el("span", { class: "swatch", style: `background:${c}` }), k)),
    el("div", { class: "small" }, "Circle size: fatalities"));
  form.elements.event_type.addEventListener("change", (e) => fillSubTypes(e.target.value));
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    offset = 0;
    location.hash = `#/?${new URLSearchParams(currentFilters())}`;
  });
  form.addEventListener("reset", () => { setTimeout(() => { offset = 0; location.hash = "#/"; }, 0); });
  $("#prev").addEventListener("click", () => { offset = Math.max(0, offset - PAGE); render(); });
  $("#next").addEventListener("click", () => { offset += PAGE; render(); });
  window.addEventListener("hashchange", render);
  await render();
}

async function render() {
  const { path, params } = route();
  document.body.dataset.ready = "";
  try {
    if (path.startsWith("/incident/")) await showIncident(decodeURIComponent(path.slice("/incident/".length)));
    else await showOverview(params);
  } catch (err) {
    $("#summary").textContent = `Error: ${err.message}`;
    document.body.dataset.ready = "error";
  }
}

document.addEventListener("DOMContentLoaded", start);

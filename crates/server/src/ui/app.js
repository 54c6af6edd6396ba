// dossier's web UI: hash-routed pages over the JSON API. Every piece of
// article text is put into the page with textContent, never as HTML, and
// every chart is SVG drawn here: the page loads nothing from elsewhere.
"use strict";

const main = document.getElementById("main");
const SVG = "http://www.w3.org/2000/svg";
const PAGE = 50;
const EVENT_TYPES = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"];
const STATUSES = ["asserted", "pledged", "planned", "negated", "hypothetical", "reported"];
const ENTITY_TYPES = ["PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "LANGUAGE"];

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v == null || v === false) continue;
    if (k === "text") e.textContent = v;
    else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v);
  }
  for (const c of children.flat()) if (c != null) e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return e;
}

function svg(tag, attrs, ...children) {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs || {})) if (k === "text") e.textContent = v; else e.setAttribute(k, v);
  for (const c of children.flat()) if (c != null) e.append(c);
  return e;
}

// An API answer; null for 404 (no such thing, or an endpoint this server lacks).
async function api(path, params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) if (v != null && v !== "") q.set(k, v);
  const r = await fetch(path + (q.toString() ? "?" + q : ""));
  if (r.status === 404) return null;
  if (!r.ok) throw new Error((await r.json().catch(() => ({}))).error || r.statusText);
  return r.json();
}

function show(...nodes) { main.replaceChildren(...nodes.flat()); window.scrollTo(0, 0); }
function cell(v) { return Array.isArray(v) ? v.join(", ") : (v == null ? "" : String(v)); }
function entityLink(name) { return el("a", { href: "#/entity/" + encodeURIComponent(name), text: name }); }
function entityLinks(names) { return (names || []).flatMap((n, i) => i ? [", ", entityLink(n)] : [entityLink(n)]); }
function docLink(id, title) { return el("a", { href: "#/doc/" + encodeURIComponent(id), text: title || (id || "").slice(0, 12) }); }
function fmt(n) { return n == null ? "" : Number(n).toLocaleString("en-US", { maximumFractionDigits: 2 }); }
function money(value, unit) { return value == null ? "" : fmt(value) + (unit ? " " + unit : ""); }
function isWeb(u) { return typeof u === "string" && /^https?:\/\//i.test(u); }
function host(u) { try { return isWeb(u) ? new URL(u).host : ""; } catch (e) { return ""; } }
function muted(text) { return el("span", { class: "muted", text }); }
function section(title, ...body) { return el("section", {}, el("h2", { text: title }), ...body); }

// The current route's parameters, and a link to the same page with some changed.
let current = { path: "/", params: new URLSearchParams() };
function withParams(changes) {
  const p = new URLSearchParams(current.params);
  for (const [k, v] of Object.entries(changes)) if (v == null || v === "") p.delete(k); else p.set(k, v);
  const q = p.toString();
  return "#" + current.path + (q ? "?" + q : "");
}

// "rows 1–50 of 1,234" with previous and next links that keep the filters.
function pager(page, limit, param) {
  param = param || "offset";
  const total = page.total, offset = page.offset || 0, shown = page.rows.length;
  const text = total === 0 ? "nothing found" : shown === total ? total + (total === 1 ? " row" : " rows") : "rows " + (offset + 1) + "–" + (offset + shown) + " of " + fmt(total);
  const prev = offset > 0 ? el("a", { class: "button", href: withParams({ [param]: Math.max(0, offset - limit) || null }), text: "← previous" }) : null;
  const next = offset + shown < total ? el("a", { class: "button next", href: withParams({ [param]: offset + limit }), text: "next →" }) : null;
  return el("nav", { class: "pager", "aria-label": "pages" }, el("span", { class: "total", text }), prev, next);
}

// A table over one page of rows: columns [key, label, render?]; headers
// sort the rows shown; a box filters them; every cell is labelled for phones.
function table(rows, columns, opts) {
  opts = opts || {};
  let sortKey = null, asc = true;
  const tbody = el("tbody");
  const filter = el("input", { placeholder: "filter rows", "aria-label": "filter rows" });
  function render() {
    const f = filter.value.toLowerCase();
    const shown = rows.filter(r => !f || columns.some(([k]) => cell(r[k]).toLowerCase().includes(f)));
    if (sortKey) shown.sort((a, b) => (cell(a[sortKey]) < cell(b[sortKey]) ? -1 : cell(a[sortKey]) > cell(b[sortKey]) ? 1 : 0) * (asc ? 1 : -1));
    tbody.replaceChildren(...shown.map(r => el("tr", {}, ...columns.map(([k, label, render]) => el("td", { "data-label": label }, render ? render(r) : cell(r[k]))))));
    if (!shown.length) tbody.append(el("tr", {}, el("td", { colspan: columns.length, class: "muted", text: "No rows." })));
  }
  filter.addEventListener("input", render);
  const head = el("tr", {}, ...columns.map(([k, label]) => el("th", { text: label, tabindex: 0, onclick: () => { asc = sortKey === k ? !asc : true; sortKey = k; render(); } })));
  const csv = el("button", { type: "button", text: "Download CSV", onclick: () => {
    const esc = s => { s = /^[=+\-@\t\r]/.test(s) ? "'" + s : s; return /[",\n\r]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s; };
    const lines = [columns.map(c => c[0]).join(",")].concat(rows.map(r => columns.map(([k]) => esc(cell(r[k]))).join(",")));
    el("a", { href: URL.createObjectURL(new Blob([lines.join("\r\n")], { type: "text/csv" })), download: (opts.name || "dossier") + ".csv" }).click();
  } });
  render();
  return el("div", { class: "table" }, el("div", { class: "tools" }, filter, csv), el("table", { class: "data" }, el("thead", {}, head), tbody));
}

// A filter form whose fields become the route's parameters (so the back button returns to them).
function filterForm(fields) {
  const inputs = fields.map(([name, label, options, wide]) => {
    const value = current.params.get(name) || "";
    const input = options
      ? el("select", { name, "aria-label": label }, el("option", { value: "", text: label + ": any" }), ...options.map(o => el("option", { value: o, text: o, selected: o === value ? "" : null })))
      : el("input", { name, placeholder: label, "aria-label": label, value, class: wide ? "wide" : null, type: /date|since|until/.test(name) ? "date" : "text" });
    return input;
  });
  return el("form", { class: "filters", onsubmit: e => {
    e.preventDefault();
    const changes = { offset: null };
    for (const i of inputs) changes[i.name] = i.value.trim();
    location.hash = withParams(changes);
  } }, ...inputs.map(i => i.type === "date" ? el("label", { class: "field" }, i.getAttribute("aria-label") + " ", i) : i), el("button", { text: "Apply" }));
}

function pageLimit() { return +current.params.get("limit") || PAGE; }

function pageParams(extra) {
  const p = Object.fromEntries(current.params);
  return Object.assign({ limit: PAGE }, p, extra || {});
}

// ---- charts -------------------------------------------------------------

// Charts are drawn at the width they get, so their labels stay legible on a phone.
function chartWidth() { return Math.max(300, Math.min(960, main.clientWidth || 720)); }

function niceMax(v) { if (v <= 5) return Math.max(1, Math.ceil(v)); const m = Math.pow(10, Math.floor(Math.log10(v))); return Math.ceil(v / m) * m; }

function yAxis(g, max, h, left, right) {
  for (const t of [0, max / 2, max]) {
    const y = h - (t / max) * h;
    g.append(svg("line", { x1: left, x2: right, y1: y, y2: y, class: "grid" }), svg("text", { x: left - 6, y: y + 4, class: "tick", "text-anchor": "end", text: fmt(Math.round(t * 10) / 10) }));
  }
}

function day(s) { return Date.UTC(+s.slice(0, 4), (+s.slice(5, 7) || 1) - 1, +s.slice(8, 10) || 1); }
function ymd(t) { return new Date(t).toISOString().slice(0, 10); }

// Ticks across [t0, t1]: days, months or years, at most `most` of them.
function timeTicks(t0, t1, most) {
  const dayMs = 86400000, span = (t1 - t0) / dayMs;
  const ticks = [];
  if (span <= 70) {
    const step = Math.max(1, Math.ceil(span / most));
    for (let t = t0; t <= t1; t += step * dayMs) ticks.push([t, ymd(t)]);
  } else if (span <= 365 * 3) {
    const step = Math.max(1, Math.ceil(span / 30 / most));
    const d = new Date(t0); let y = d.getUTCFullYear(), m = d.getUTCMonth() + 1;
    for (let t = Date.UTC(y, m - 1 + 1, 1); t <= t1; ) { ticks.push([t, ymd(t).slice(0, 7)]); m += step; t = Date.UTC(y, m, 1); }
  } else {
    const y0 = new Date(t0).getUTCFullYear() + 1, y1 = new Date(t1).getUTCFullYear();
    const step = Math.max(1, Math.ceil((y1 - y0 + 1) / most));
    for (let y = y0; y <= y1; y += step) ticks.push([Date.UTC(y, 0, 1), String(y)]);
  }
  return ticks;
}

// Mentions per day on a real time axis over the whole range (one date is
// a bar in a month-wide window, not a solid block).
function timelineChart(points, label) {
  const W = chartWidth(), H = 140, L = 44, B = 28, T = 24, R = 12;
  const dated = points.filter(p => p.date && /^\d{4}-\d{2}-\d{2}/.test(p.date));
  const box = svg("svg", { class: "chart timeline", viewBox: `0 0 ${W} ${H + B + T}`, role: "img", "aria-label": label || "timeline" });
  if (!dated.length) { box.append(svg("text", { x: W / 2, y: H / 2, "text-anchor": "middle", class: "tick", text: "no dated mentions" })); return box; }
  let t0 = day(dated[0].date), t1 = day(dated[dated.length - 1].date);
  const pad = Math.max(86400000, (t1 - t0) * 0.03);
  if (t1 - t0 < 14 * 86400000) { t0 -= 14 * 86400000; t1 += 14 * 86400000; } else { t0 -= pad; t1 += pad; }
  const max = niceMax(Math.max(...dated.map(p => p.mentions)));
  const x = t => L + (t - t0) / (t1 - t0) * (W - L - R);
  const g = svg("g", { transform: `translate(0 ${T})` });
  yAxis(g, max, H, L, W - R);
  const barW = Math.max(2, Math.min(14, (W - L - R) / ((t1 - t0) / 86400000) * 0.8));
  for (const p of dated) {
    const h = p.mentions / max * H;
    g.append(svg("rect", { x: x(day(p.date)) - barW / 2, y: H - h, width: barW, height: Math.max(1, h), class: "bar" }, svg("title", { text: p.date + ": " + p.mentions + " mentions in " + p.documents + " documents" })));
  }
  g.append(svg("line", { x1: L, x2: W - R, y1: H, y2: H, class: "axis" }));
  for (const [t, text] of timeTicks(t0, t1, Math.max(2, Math.min(8, Math.floor((W - L - R) / 80))))) {
    // A label near either end is anchored inside the chart, not cut off.
    const anchor = x(t) > W - R - 36 ? "end" : x(t) < L + 36 ? "start" : "middle";
    g.append(svg("line", { x1: x(t), x2: x(t), y1: H, y2: H + 4, class: "axis" }), svg("text", { x: x(t), y: H + 18, "text-anchor": anchor, class: "tick", text }));
  }
  g.append(svg("text", { x: 4, y: -12, class: "tick", text: "mentions" }));
  box.append(g);
  return box;
}

// Horizontal bars: [label, value, href?], with a value axis.
function barChart(items, label, unit) {
  const W = Math.min(chartWidth(), 640), row = 22, L = Math.min(170, W * 0.36), R = 50, T = 6;
  const H = items.length * row;
  const max = niceMax(Math.max(1, ...items.map(i => i[1])));
  const box = svg("svg", { class: "chart bars", viewBox: `0 0 ${W} ${H + 30 + T}`, role: "img", "aria-label": label });
  const x = v => L + v / max * (W - L - R);
  const g = svg("g", { transform: `translate(0 ${T})` });
  for (const t of [0, max / 2, max]) g.append(svg("line", { x1: x(t), x2: x(t), y1: 0, y2: H, class: "grid" }), svg("text", { x: x(t), y: H + 16, "text-anchor": "middle", class: "tick", text: fmt(t) }));
  items.forEach(([name, v, href], i) => {
    const y = i * row;
    const text = svg("text", { x: L - 6, y: y + row * 0.68, "text-anchor": "end", class: "label", text: name.length > L / 7 ? name.slice(0, Math.floor(L / 7) - 1) + "…" : name });
    const a = href ? svg("a", { href }, text) : text;
    g.append(a, svg("rect", { x: L, y: y + 3, width: Math.max(1, x(v) - L), height: row - 6, class: "bar" }, svg("title", { text: name + ": " + fmt(v) + (unit ? " " + unit : "") })),
      svg("text", { x: x(v) + 4, y: y + row * 0.68, class: "tick", text: fmt(v) }));
  });
  g.append(svg("line", { x1: L, x2: L, y1: 0, y2: H, class: "axis" }), svg("text", { x: W - R, y: H + 28, "text-anchor": "end", class: "tick", text: unit || "" }));
  box.append(g);
  return box;
}

// Events per month, stacked by type, with a legend.
function monthChart(rows) {
  const W = chartWidth(), H = 160, L = 44, B = 30, T = 24, R = 12;
  // Every month from the first to the last, so a quiet month shows as one.
  const seen = [...new Set(rows.map(r => r.month))].sort();
  const months = [];
  if (seen.length) for (let y = +seen[0].slice(0, 4), m = +seen[0].slice(5, 7); months.length < 240; m === 12 ? (y++, m = 1) : m++) {
    const key = y + "-" + String(m).padStart(2, "0");
    months.push(key);
    if (key >= seen[seen.length - 1]) break;
  }
  const types = [...new Set(rows.map(r => r.type))].sort();
  const box = svg("svg", { class: "chart months", viewBox: `0 0 ${W} ${H + B + T}`, role: "img", "aria-label": "events by type and month" });
  const legend = el("p", { class: "legend" }, ...types.map(t => el("span", { class: "key ev-" + t, text: t })));
  if (!months.length) return el("div", {}, muted("No dated events."));
  const totals = months.map(m => rows.filter(r => r.month === m).reduce((s, r) => s + r.events, 0)).concat([1]);
  const max = niceMax(Math.max(...totals));
  const slot = (W - L - R) / months.length, bw = Math.min(48, slot * 0.7);
  const g = svg("g", { transform: `translate(0 ${T})` });
  yAxis(g, max, H, L, W - R);
  months.forEach((m, i) => {
    let y = H;
    const cx = L + slot * (i + 0.5);
    for (const t of types) {
      const r = rows.find(r => r.month === m && r.type === t);
      if (!r) continue;
      const h = r.events / max * H;
      y -= h;
      g.append(svg("rect", { x: cx - bw / 2, y, width: bw, height: h, class: "ev-" + t }, svg("title", { text: m + " " + t + ": " + r.events })));
    }
    const labels = Math.max(2, Math.floor((W - L - R) / 60));
    if (i % Math.ceil(months.length / labels) === 0) g.append(svg("text", { x: cx, y: H + 18, "text-anchor": "middle", class: "tick", text: m }));
  });
  g.append(svg("line", { x1: L, x2: W - R, y1: H, y2: H, class: "axis" }), svg("text", { x: 4, y: -12, class: "tick", text: "events" }));
  box.append(g);
  return el("div", {}, box, legend);
}

// ---- pages --------------------------------------------------------------

async function dashboardPage() {
  const [d, stories] = await Promise.all([api("/api/dashboard"), api("/api/stories", { limit: 6 }).catch(() => null)]);
  const s = d.stats;
  const cards = el("div", { class: "cards" }, ...[["documents", "#/search"], ["entities", "#/entities"], ["quotes", "#/quotes"], ["events", "#/events"]].map(([k, href]) =>
    el("a", { class: "card", href }, el("strong", { text: fmt(s[k]) }), el("span", { text: k }))));
  const storyList = stories && (stories.stories || stories.rows)
    ? el("ul", { class: "plain" }, ...(stories.stories || stories.rows).map(st => el("li", {}, el("a", { href: "#/story/" + encodeURIComponent(st.id), text: st.title || String(st.id) }), " ", muted(storyLine(st)))))
    : el("ul", { class: "plain" }, ...d.recent_documents.map(r => el("li", {}, docLink(r.document, r.title), " ", muted(r.published || ""))));
  show(el("h1", { text: "Dashboard" }), cards,
    el("div", { class: "grid2" },
      section(stories ? "Recent stories" : "Recent documents", storyList),
      section("Most mentioned", barChart(d.entities.map(e => [e.name, e.mentions, "#/entity/" + encodeURIComponent(e.key)]), "most-mentioned entities", "mentions"))),
    section("Events by type over time", monthChart(d.events_by_month)),
    section("Newest conflicting figures", conflictList(d.conflicts), el("p", {}, el("a", { href: "#/conflicts", text: "All conflicts →" }))));
}

function highlighted(snippet, ranges) {
  const chars = Array.from(snippet || ""), out = [];
  let at = 0;
  for (const [a, b] of ranges || []) { out.push(chars.slice(at, a).join(""), el("mark", { text: chars.slice(a, b).join("") })); at = b; }
  out.push(chars.slice(at).join(""));
  return out;
}

async function searchPage() {
  const q = current.params.get("q") || "";
  const form = filterForm([["q", 'search: words, "a phrase", OR, NOT, prefix*, title:word', null, true], ["since", "since"], ["until", "until"], ["outlet", "outlet (host)"], ["entity", "entity"]]);
  const head = [el("h1", { text: "Search" }), form];
  if (!q) return show(head, el("p", { class: "muted", text: "Words must all appear; \"quotes\" for a phrase; OR, NOT or -word; prefix*; title:word searches titles only." }));
  const page = await api("/api/search", pageParams());
  show(head, pager(page, pageLimit()), el("div", { class: "hits" }, ...page.rows.map(h => el("article", { class: "hit" }, docLink(h.document, h.title), " ", muted([h.published, host(h.url)].filter(Boolean).join(" · ")), el("p", {}, ...highlighted(h.snippet, h.highlights))))), pager(page, pageLimit()));
}

async function eventsPage() {
  const page = await api("/api/events", pageParams());
  const sort = current.params.get("sort") === "oldest" ? "oldest" : "newest";
  const sortLink = el("a", { class: "button", href: withParams({ sort: sort === "oldest" ? null : "oldest", offset: null }), text: sort === "oldest" ? "Oldest first ↑ (show newest)" : "Newest first ↓ (show oldest)" });
  show(el("h1", { text: "Events" }),
    filterForm([["type", "type", EVENT_TYPES], ["status", "status", STATUSES], ["min_confidence", "confidence at least", ["0.5", "0.6", "0.7", "0.8"]], ["source", "source (actor)"], ["target", "target"], ["since", "since"], ["until", "until"]]),
    el("div", { class: "row" }, pager(page, pageLimit()), sortLink),
    table(page.rows, [["published", "Date"], ["type", "Type", r => el("span", { class: "badge ev-" + r.type, text: r.type })], ...(page.rows.some(r => r.act) ? [["act", "Act"]] : []), ["status", "Status"], ["confidence", "Confidence"], ["sources", "Source", r => entityLinks(r.sources)], ["targets", "Target", r => entityLinks(r.targets)], ["theme", "Theme"], ["quantity", "Amount"], ["sentence", "Evidence", r => el("span", {}, r.sentence || "", " ", docLink(r.document, "(" + (r.title || "document") + ")"))]], { name: "events" }),
    pager(page, pageLimit()));
}

async function entitiesPage() {
  const page = await api("/api/entities", pageParams());
  const head = [el("h1", { text: "Entities" }), filterForm([["name", "name"], ["type", "type", ENTITY_TYPES]])];
  if (!page) return show(head, el("p", { class: "muted", text: "This server has no entity list (GET /api/entities); open an entity from a document or the dashboard." }));
  const rows = page.entities || page.rows || [];
  const p = { total: page.total, offset: page.offset != null ? page.offset : +(current.params.get("offset") || 0), rows };
  show(head, pager(p, pageLimit()),
    table(rows, [["name", "Name", r => el("a", { href: "#/entity/" + encodeURIComponent(r.key), text: r.name })], ["type", "Type", r => el("span", { class: "badge t-" + r.type, text: r.type })], ["aliases", "Aliases"], ["documents", "Documents"], ["mentions", "Mentions"]], { name: "entities" }),
    pager(p, pageLimit()));
}

// A section of the entity page over a paged API list, with its own offset
// parameter (so each list pages on its own and the back button undoes it).
async function pagedSection(title, path, params, param, columns, name) {
  const limit = 10;
  const page = await api(path, Object.assign({ limit, offset: current.params.get(param) || 0 }, params));
  return section(title + " (" + fmt(page.total) + ")", page.total ? [table(page.rows, columns, { name }), pager(page, limit, param)] : muted("None."));
}

async function entityPage(name) {
  const p = await api("/api/entity", { name });
  if (!p) return show(el("h1", { text: "Not found" }), el("p", { class: "error", text: "No entity named " + name + "." }));
  const quoteCols = [["published", "Date"], ["speaker", "Speaker", r => r.speaker ? entityLink(r.speaker) : ""], ["text", "Quote"], ["title", "Document", r => docLink(r.document, r.title)]];
  const eventCols = [["published", "Date"], ["type", "Type", r => el("span", { class: "badge ev-" + r.type, text: r.type })], ["status", "Status"], ["sources", "Source", r => entityLinks(r.sources)], ["targets", "Target", r => entityLinks(r.targets)], ["theme", "Theme"], ["sentence", "Evidence", r => docLink(r.document, r.sentence)]];
  const key = p.key;
  const lists = await Promise.all([
    pagedSection("Documents", "/api/entity/documents", { name: key }, "doffset", [["published", "Date"], ["title", "Title", r => docLink(r.document, r.title)], ["mentions", "Mentions"]], "documents"),
    pagedSection("Quotes by " + p.name, "/api/quotes", { by: key }, "qboffset", quoteCols, "quotes-by"),
    pagedSection("Quotes about " + p.name, "/api/quotes", { about: key }, "qaoffset", quoteCols, "quotes-about"),
    pagedSection("Events with " + p.name + " as source", "/api/events", { source: key }, "esoffset", eventCols, "events-source"),
    pagedSection("Events with " + p.name + " as target", "/api/events", { target: key }, "etoffset", eventCols, "events-target"),
  ]);
  show(el("h1", { text: p.name }),
    el("p", { class: "meta" }, el("span", { class: "badge t-" + p.type, text: p.type }), " " + p.key + " · " + fmt(p.mentions) + " mentions in " + fmt(p.documents) + " documents · first " + (p.first_seen || "?") + ", last " + (p.last_seen || "?")),
    el("p", {}, el("strong", { text: "Also called: " }), p.aliases.join(", ") || "—"),
    section("Timeline", timelineChart(p.timeline, "mentions of " + p.name + " over time")),
    el("div", { class: "grid2" },
      section("Appears with", el("ul", { class: "plain" }, ...p.cooccurring.map(c => el("li", {}, entityLink(c.name), " ", muted(c.type + ", " + c.documents + " documents together"))))),
      lists[0]),
    lists.slice(1));
}

// "5 articles from 3 outlets · 2024-07-10 – 2024-07-12".
function storyLine(st) {
  const n = st.articles != null ? st.articles : (st.documents || []).length;
  const span = [st.first_seen, st.last_seen].filter(Boolean).map(d => String(d).slice(0, 10));
  return [n + (n === 1 ? " article" : " articles") + (st.sources != null ? " from " + st.sources + (st.sources === 1 ? " outlet" : " outlets") : ""), [...new Set(span)].join(" – ")].filter(Boolean).join(" · ");
}

async function storiesPage() {
  const page = await api("/api/stories", pageParams());
  const head = [el("h1", { text: "Stories" }), filterForm([["entity", "about (entity)"], ["since", "since"], ["until", "until"]])];
  if (!page) return show(head, el("p", { class: "muted", text: "This server groups no stories yet (GET /api/stories)." }));
  const rows = page.stories || page.rows || [];
  const p = { total: page.total, offset: page.offset != null ? page.offset : +(current.params.get("offset") || 0), rows };
  show(head, pager(p, pageLimit()),
    el("div", { class: "stories" }, ...rows.map(st => el("article", { class: "hit" },
      el("a", { href: "#/story/" + encodeURIComponent(st.id), text: st.title || String(st.id) }), " ", muted(storyLine(st)),
      el("p", { class: "muted", text: [...new Set((st.documents || []).map(d => d.publisher || host(d.url)).filter(Boolean))].join(", ") })))),
    pager(p, pageLimit()));
}

async function storyPage(id) {
  const s = await api("/api/stories/" + encodeURIComponent(id));
  if (!s) return show(el("h1", { text: "Not found" }), el("p", { class: "error", text: "No story " + id + "." }));
  const docs = s.documents || [];
  show(el("h1", { text: s.title || "Story " + id }), el("p", { class: "meta", text: storyLine(s) }),
    section("Documents", table(docs, [["published", "Date"], ["publisher", "Publisher", r => r.publisher || host(r.url)], ["title", "Title", r => docLink(r.id || r.document, r.title)]], { name: "story" })),
    s.events && s.events.length ? section("Events across reports", table(s.events, [["type", "Type", r => el("span", { class: "badge ev-" + r.type, text: r.type })], ["source_keys", "Source", r => entityLinks((r.source_keys || "").split(";").filter(Boolean))], ["target_keys", "Target", r => entityLinks((r.target_keys || "").split(";").filter(Boolean))], ["articles", "Articles"], ["sources", "Outlets"], ["first_seen", "First seen"]], { name: "story-events" })) : null,
    section("Figures that disagree", conflictList(s.conflicts || [])));
}

async function quotesPage() {
  const page = await api("/api/quotes", pageParams());
  show(el("h1", { text: "Quotes" }), filterForm([["by", "speaker"], ["about", "about"], ["since", "since"], ["until", "until"]]), pager(page, pageLimit()),
    table(page.rows, [["published", "Date"], ["speaker", "Speaker", r => r.speaker ? entityLink(r.speaker) : ""], ["kind", "Kind"], ["text", "Quote"], ["title", "Document", r => docLink(r.document, r.title)]], { name: "quotes" }),
    pager(page, pageLimit()));
}

function totalsTable(rows, who) {
  return table(rows, [["name", who, r => entityLink(r.name)], ["unit", "Currency or unit"], ["total", "Total", r => fmt(r.total)], ["commitments", "Commitments"]], { name: "totals-" + who.toLowerCase() });
}

async function commitmentsPage() {
  const [page, totals] = await Promise.all([api("/api/commitments", pageParams()), api("/api/commitments/totals", pageParams({ limit: null, offset: null }))]);
  // The chart shows the most common currency, so bars compare like with like.
  const units = {};
  for (const t of totals.by_donor) units[t.unit] = (units[t.unit] || 0) + t.commitments;
  const unit = Object.keys(units).sort((a, b) => units[b] - units[a])[0];
  const chartRows = totals.by_donor.filter(t => t.unit === unit).slice(0, 12).map(t => [t.name, t.total, withParams({ donor: t.name, offset: null })]);
  show(el("h1", { text: "Commitments" }), filterForm([["donor", "donor"], ["recipient", "recipient"], ["since", "since"], ["until", "until"]]),
    unit ? section("Pledged by donor, in " + unit, barChart(chartRows, "totals by donor in " + unit, unit)) : null,
    el("div", { class: "grid2" }, section("Totals by donor", totalsTable(totals.by_donor, "Donor")), section("Totals by recipient", totalsTable(totals.by_recipient, "Recipient"))),
    section("Every commitment", pager(page, pageLimit()),
      table(page.rows, [["donor", "Donor", r => entityLinks(r.donor)], ["recipient", "Recipient", r => entityLinks(r.recipient)], ["item", "Item"], ["value", "Value", r => money(r.value, r.unit) || cell(r.quantity)], ["status", "Status"], ["date", "Date"], ["evidence", "Evidence", r => docLink(r.document, r.evidence)]], { name: "commitments" }),
      pager(page, pageLimit())));
}

// One side of a conflict: the sentence (its figure marked), the document and its outlet.
function conflictSide(doc, title, url, sentence, figure) {
  const text = sentence || "", at = figure ? text.indexOf(figure) : -1;
  const quote = at < 0 ? el("blockquote", { text }) : el("blockquote", {}, text.slice(0, at), el("mark", { text: figure }), text.slice(at + figure.length));
  return el("div", { class: "side" }, quote, el("p", {}, doc ? docLink(doc, title) : "", host(url) ? el("span", { class: "muted", text: " · " + host(url) }) : null));
}

// Each side of a conflict: its text and its document. A conflict lists its
// figures (each with its sentence) or, in the older form, two sentences.
function conflictSides(c) {
  if (Array.isArray(c.figures)) {
    const docs = Object.fromEntries((c.documents || []).map(d => [d.id, d]));
    return c.figures.map(f => { const d = docs[f.document] || {}; return conflictSide(f.document, d.title, d.url, f.sentence || f.text, f.text); });
  }
  return [conflictSide(c.document, c.title, c.url, c.sentence),
    c.other_document ? conflictSide(c.other_document, c.other_title, c.other_url, c.other_sentence) : conflictSide(c.document, c.title, null, c.other_sentence || "(same document)")];
}

function conflictList(rows) {
  if (!rows || !rows.length) return el("p", { class: "muted", text: "No conflicting figures." });
  return el("div", { class: "conflicts" }, ...rows.map(c => el("article", { class: "conflict" },
    el("p", { class: "what" }, el("span", { class: "badge", text: c.scope === "document" ? "within a document" : "across documents" }), " ", c.message || ""),
    el("div", { class: "sides" }, ...conflictSides(c)))));
}

async function conflictsPage() {
  const page = await api("/api/conflicts", pageParams());
  show(el("h1", { text: "Conflicting figures" }), pager(page, pageLimit()), conflictList(page.rows), pager(page, pageLimit()));
}

// The document with its layers drawn: entity types in their colours (with
// a legend), quotes with their speaker, event triggers with their type, and
// a side panel of what was found.
async function documentPage(id) {
  const d = await api("/api/documents/" + encodeURIComponent(id));
  if (!d) return show(el("h1", { text: "Not found" }), el("p", { class: "error", text: "No such document." }));
  const chars = Array.from(d.text);
  const entities = Object.fromEntries(d.entities.map(e => [e.id, e]));
  const speakerOf = q => q.speaker ? (q.speaker.entity && entities[q.speaker.entity] ? entities[q.speaker.entity].name : q.speaker.text) : null;
  const marks = [], badges = {};
  const types = {};
  for (const m of d.mentions) if (m.entity && entities[m.entity]) { types[m.type] = (types[m.type] || 0) + 1; marks.push({ s: m.start, e: m.end, cls: "ent t-" + m.type, title: entities[m.entity].name + " (" + m.type + ")", link: entities[m.entity].key || entities[m.entity].name }); }
  for (const q of d.quotes) {
    marks.push({ s: q.start, e: q.end, cls: "quote", title: "quote, " + q.kind + (speakerOf(q) ? ", said by " + speakerOf(q) : ", speaker unknown") });
    (badges[q.end] = badges[q.end] || []).push(el("span", { class: "badge speaker", text: "— " + (speakerOf(q) || "speaker unknown") }));
  }
  for (const t of d.times) marks.push({ s: t.start, e: t.end, cls: "time", title: t.type + " " + (t.value || "") + (t.mod ? " " + t.mod : "") });
  for (const v of d.events) {
    marks.push({ s: v.trigger.start, e: v.trigger.end, cls: "event", title: v.type + " (" + v.status + ")" });
    (badges[v.trigger.end] = badges[v.trigger.end] || []).push(el("span", { class: "badge ev-" + v.type, text: v.type }));
  }
  const cuts = new Set([0, chars.length]);
  for (const m of marks) { cuts.add(m.s); cuts.add(m.e); }
  const points = [...cuts].sort((a, b) => a - b);
  const body = el("div", { class: "doc" });
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    let node = document.createTextNode(chars.slice(a, b).join(""));
    for (const m of marks.filter(m => m.s <= a && b <= m.e)) {
      const wrap = el("span", { class: m.cls, title: m.title });
      if (m.link) { const link = entityLink(m.link); link.replaceChildren(node); wrap.append(link); } else wrap.append(node);
      node = wrap;
    }
    body.append(node);
    if (badges[b]) body.append(...badges[b]);
  }
  const legend = el("p", { class: "legend" }, ...Object.keys(types).sort().map(t => el("span", { class: "key t-" + t, text: t + " " + types[t] })),
    el("span", { class: "key quote", text: "quote" }), el("span", { class: "key time", text: "time" }), el("span", { class: "key event", text: "event trigger" }));
  const money = d.quantities.filter(q => q.kind === "money");
  const panel = el("aside", { class: "facts" },
    el("h2", { text: "Facts found" }),
    el("dl", {}, el("dt", { text: "Published" }), el("dd", { text: d.published || "unknown" }), el("dt", { text: "Language" }), el("dd", { text: d.language }),
      d.authors.length ? [el("dt", { text: "Authors" }), el("dd", { text: d.authors.join(", ") })] : null,
      isWeb(d.url) ? [el("dt", { text: "URL" }), el("dd", {}, el("a", { href: d.url, rel: "noopener noreferrer", text: d.url }))] : null),
    el("h3", { text: "Events (" + d.events.length + ")" }),
    el("ul", { class: "plain" }, ...d.events.map(v => el("li", {}, el("span", { class: "badge ev-" + v.type, text: v.type }), " " + v.status + ": ",
      [v.source, v.target].map(ids => (ids || []).map(i => entities[i] ? entities[i].name : i).join(", ") || "?").join(" → "), v.theme && v.theme.text ? " · " + v.theme.text : ""))),
    el("h3", { text: "Speakers (" + new Set(d.quotes.map(speakerOf).filter(Boolean)).size + ")" }),
    el("ul", { class: "plain" }, ...[...new Set(d.quotes.map(speakerOf).filter(Boolean))].map(s => el("li", {}, s + " — " + d.quotes.filter(q => speakerOf(q) === s).length + " quotes"))),
    el("h3", { text: "Money (" + money.length + ")" }),
    el("ul", { class: "plain" }, ...money.map(q => el("li", { text: chars.slice(q.start, q.end).join("") + (q.unit ? " (" + q.unit + ")" : "") }))),
    d.warnings.length ? [el("h3", { text: "Warnings" }), el("ul", { class: "plain" }, ...d.warnings.map(w => el("li", { text: w.code + ": " + w.message })))] : null);
  show(el("h1", { text: d.title || "Document" }), el("p", { class: "meta", text: [d.published, d.url || (d.source && d.source.uri)].filter(Boolean).join(" · ") }), legend,
    el("div", { class: "docview" }, body, panel));
}

async function route() {
  const hash = location.hash.slice(1) || "/";
  const [path, query] = hash.split("?");
  current = { path: path || "/", params: new URLSearchParams(query || "") };
  const parts = current.path.split("/").filter(Boolean).map(decodeURIComponent);
  for (const a of document.querySelectorAll("header nav a")) a.classList.toggle("here", a.getAttribute("href") === "#/" + (parts[0] || ""));
  try {
    const pages = { doc: () => documentPage(parts[1]), entity: () => entityPage(parts[1]), entities: entitiesPage, events: eventsPage, search: searchPage,
      stories: storiesPage, story: () => storyPage(parts[1]), quotes: quotesPage, commitments: commitmentsPage, conflicts: conflictsPage };
    await (pages[parts[0]] || (current.params.get("q") ? searchPage : dashboardPage))();
  } catch (e) {
    show(el("h1", { text: "Error" }), el("p", { class: "error", text: e.message }));
  }
}

window.addEventListener("hashchange", route);
route();

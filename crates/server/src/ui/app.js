// dossier's web UI: hash-routed pages over the JSON API. Every piece of
// article text is put into the page with textContent, never as HTML.
"use strict";

const main = document.getElementById("main");

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === "text") e.textContent = v;
    else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v);
  }
  for (const c of children) if (c != null) e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return e;
}

async function api(path, params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) if (v) q.set(k, v);
  const r = await fetch(path + (q.toString() ? "?" + q : ""));
  if (r.status === 404) return null;
  if (!r.ok) throw new Error((await r.json()).error || r.statusText);
  return r.json();
}

function show(...nodes) { main.replaceChildren(...nodes); }
function cell(v) { return Array.isArray(v) ? v.join(", ") : (v == null ? "" : String(v)); }
function entityLink(name) { return el("a", { href: "#/entity/" + encodeURIComponent(name), text: name }); }
function docLink(id, title) { return el("a", { href: "#/doc/" + encodeURIComponent(id), text: title || id.slice(0, 12) }); }

// A sortable, filterable table with CSV download.
function table(rows, columns, opts) {
  opts = opts || {};
  let shown = rows.slice(), sortKey = null, asc = true;
  const tbody = el("tbody");
  const filter = el("input", { placeholder: "filter rows", "aria-label": "filter rows" });
  function render() {
    const f = filter.value.toLowerCase();
    shown = rows.filter(r => !f || columns.some(([k]) => cell(r[k]).toLowerCase().includes(f)));
    if (sortKey) shown.sort((a, b) => (cell(a[sortKey]) < cell(b[sortKey]) ? -1 : cell(a[sortKey]) > cell(b[sortKey]) ? 1 : 0) * (asc ? 1 : -1));
    tbody.replaceChildren(...shown.map(r => el("tr", {}, ...columns.map(([k, , fmt]) => el("td", {}, fmt ? fmt(r) : cell(r[k]))))));
  }
  filter.addEventListener("input", render);
  const head = el("tr", {}, ...columns.map(([k, label]) => el("th", { text: label, onclick: () => { asc = sortKey === k ? !asc : true; sortKey = k; render(); } })));
  const csv = el("button", { text: "Download CSV", onclick: () => {
    const esc = s => /[",\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
    const lines = [columns.map(c => c[0]).join(",")].concat(shown.map(r => columns.map(([k]) => esc(cell(r[k]))).join(",")));
    const a = el("a", { href: URL.createObjectURL(new Blob([lines.join("\r\n")], { type: "text/csv" })), download: (opts.name || "dossier") + ".csv" });
    a.click();
  } });
  render();
  return el("div", {}, el("form", { onsubmit: e => e.preventDefault() }, filter, csv), el("table", { class: "data" }, el("thead", {}, head), tbody));
}

async function searchPage(params) {
  const input = el("input", { name: "q", value: params.get("q") || "", placeholder: "search the articles", size: 40 });
  const form = el("form", { onsubmit: e => { e.preventDefault(); location.hash = "#/?q=" + encodeURIComponent(input.value); } }, input, el("button", { text: "Search" }));
  const q = params.get("q");
  if (!q) return show(el("h1", { text: "Search" }), form);
  const hits = (await api("/api/search", { q })).rows;
  show(el("h1", { text: "Search" }), form, el("p", { class: "muted", text: hits.length + " documents" }),
    ...hits.map(h => el("div", { class: "hit" }, docLink(h.document, h.title), " ", el("span", { class: "muted", text: h.published || "" }), el("div", { text: h.snippet }))));
}

// The document with its layers highlighted: entities, quotes (speaker on
// hover), times and event triggers.
async function documentPage(id) {
  const d = await api("/api/documents/" + encodeURIComponent(id));
  if (!d) return show(el("p", { class: "error", text: "No such document." }));
  const chars = Array.from(d.text);
  const entities = Object.fromEntries(d.entities.map(e => [e.id, e]));
  const marks = [];
  for (const m of d.mentions) if (m.entity) marks.push({ s: m.start, e: m.end, cls: "ent", title: entities[m.entity].name + " (" + m.type + ")", link: entities[m.entity].name });
  for (const q of d.quotes) marks.push({ s: q.start, e: q.end, cls: "quote", title: "quote, " + q.kind + (q.speaker ? ", said by " + (q.speaker.entity ? entities[q.speaker.entity].name : q.speaker.text) : ", speaker unknown") });
  for (const t of d.times) marks.push({ s: t.start, e: t.end, cls: "time", title: t.type + " " + (t.value || "") });
  for (const v of d.events) marks.push({ s: v.trigger.start, e: v.trigger.end, cls: "event", title: v.type + " (" + v.status + ")" });
  // Boundaries split the text into pieces; each piece is wrapped by the marks covering it.
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
  }
  const legend = el("p", { class: "legend muted" }, el("span", { class: "ent", text: "entity" }), el("span", { class: "quote", text: "quote" }), el("span", { class: "time", text: "time" }), el("span", { class: "event", text: "event" }));
  show(el("h1", { text: d.title || "Document" }), el("p", { class: "muted", text: [d.published, d.source && d.source.uri].filter(Boolean).join(" · ") }), legend, body,
    el("h2", { text: "Warnings" }), el("ul", {}, ...d.warnings.map(w => el("li", { text: w.code + ": " + w.message }))));
}

function timelineChart(points) {
  const ns = "http://www.w3.org/2000/svg";
  const w = 600, h = 80, max = Math.max(1, ...points.map(p => p.mentions));
  const svg = document.createElementNS(ns, "svg");
  svg.setAttribute("class", "timeline"); svg.setAttribute("width", w); svg.setAttribute("height", h + 20);
  const bw = Math.max(2, Math.floor(w / Math.max(1, points.length)) - 2);
  points.forEach((p, i) => {
    const r = document.createElementNS(ns, "rect");
    const bh = Math.round(h * p.mentions / max);
    r.setAttribute("x", i * (bw + 2)); r.setAttribute("y", h - bh); r.setAttribute("width", bw); r.setAttribute("height", bh);
    const t = document.createElementNS(ns, "title"); t.textContent = p.date + ": " + p.mentions + " mentions in " + p.documents + " documents";
    r.append(t); svg.append(r);
  });
  return svg;
}

async function entityPage(name) {
  const p = await api("/api/entity", { name });
  if (!p) return show(el("p", { class: "error", text: "No entity named " + name + "." }));
  show(el("h1", { text: p.name }),
    el("p", { class: "muted", text: p.type + " · " + p.key + " · " + p.mentions + " mentions in " + p.documents + " documents · aliases: " + p.aliases.join(", ") }),
    el("h2", { text: "Timeline" }), timelineChart(p.timeline),
    el("h2", { text: "Quotes by " + p.name }), table(p.quotes_by, [["published", "Date"], ["kind", "Kind"], ["text", "Quote"], ["title", "Document", r => docLink(r.document, r.title)]], { name: "quotes" }),
    el("h2", { text: "Events" }), table(p.events, [["published", "Date"], ["type", "Type"], ["status", "Status"], ["sources", "Source"], ["targets", "Target"], ["theme", "Theme"], ["sentence", "Evidence"]], { name: "events" }),
    el("h2", { text: "Appears with" }), el("ul", {}, ...p.cooccurring.map(c => el("li", {}, entityLink(c.name), " ", el("span", { class: "muted", text: c.type + ", " + c.documents + " documents" })))));
}

async function quotesPage(params) {
  const by = el("input", { placeholder: "speaker", value: params.get("by") || "" });
  const about = el("input", { placeholder: "about", value: params.get("about") || "" });
  const form = el("form", { onsubmit: e => { e.preventDefault(); location.hash = "#/quotes?" + new URLSearchParams({ by: by.value, about: about.value }); } }, by, about, el("button", { text: "Filter" }));
  const rows = (await api("/api/quotes", { by: params.get("by"), about: params.get("about") })).rows;
  show(el("h1", { text: "Quotes" }), form, table(rows, [["published", "Date"], ["speaker", "Speaker", r => r.speaker ? entityLink(r.speaker) : ""], ["kind", "Kind"], ["text", "Quote"], ["title", "Document", r => docLink(r.document, r.title)]], { name: "quotes" }));
}

async function commitmentsPage(params) {
  const rows = (await api("/api/commitments", { donor: params.get("donor"), recipient: params.get("recipient") })).rows;
  show(el("h1", { text: "Commitments" }), table(rows, [["donor", "Donor"], ["recipient", "Recipient"], ["item", "Item"], ["quantity", "Quantity"], ["value", "Value"], ["status", "Status"], ["date", "Date"], ["evidence", "Evidence", r => docLink(r.document, r.evidence)]], { name: "commitments" }));
}

async function conflictsPage() {
  const rows = (await api("/api/conflicts")).rows;
  show(el("h1", { text: "Conflicting figures" }), table(rows, [["scope", "Scope"], ["message", "What disagrees"], ["title", "Document", r => docLink(r.document, r.title)]], { name: "conflicts" }));
}

async function route() {
  const [path, query] = location.hash.slice(1).split("?");
  const params = new URLSearchParams(query || "");
  const parts = (path || "/").split("/").filter(Boolean).map(decodeURIComponent);
  try {
    if (parts[0] === "doc") await documentPage(parts[1]);
    else if (parts[0] === "entity") await entityPage(parts[1]);
    else if (parts[0] === "quotes") await quotesPage(params);
    else if (parts[0] === "commitments") await commitmentsPage(params);
    else if (parts[0] === "conflicts") await conflictsPage();
    else await searchPage(params);
  } catch (e) {
    show(el("p", { class: "error", text: "Error: " + e.message }));
  }
}

window.addEventListener("hashchange", route);
api("/api/stats").then(s => { document.getElementById("stats").textContent = s.documents + " documents · " + s.entities + " entities · " + s.quotes + " quotes · " + s.events + " events"; }).catch(() => {});
route();

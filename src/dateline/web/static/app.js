// The timeline page: filters kept in the URL, the timeline, sources one click away, then the
// figure charts and the map once the timeline is on screen.
import { el, formatDay, formatWhen, safeHttpUrl } from "./dom.js";
import { renderFigures } from "./figures.js";
import { renderMap } from "./map.js";

const PAGE = 200;
const FILTERS = ["q", "type", "place", "outlet", "from", "to"];
const API_NAMES = { from: "date_from", to: "date_to" };

const $ = (id) => document.getElementById(id);
const state = { timeline: null, entries: [], total: 0, contradictions: new Map(), opened: null };

function filtersFromUrl() {
  const params = new URLSearchParams(location.search);
  return Object.fromEntries(FILTERS.map((name) => [name, params.get(name) || ""]));
}

function apiQuery(filters, extra = {}) {
  const params = new URLSearchParams();
  for (const name of FILTERS) if (filters[name]) params.set(API_NAMES[name] || name, filters[name]);
  for (const [key, value] of Object.entries(extra)) params.set(key, value);
  return params;
}

async function getJson(url) {
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  const body = await response.json();
  if (!response.ok) throw new Error(body.message || `HTTP ${response.status}`);
  return { body, headers: response.headers };
}

function fillForm(filters) {
  const form = $("filters");
  for (const name of FILTERS) form.elements[name].value = filters[name];
}

function readForm() {
  const form = $("filters");
  return Object.fromEntries(FILTERS.map((name) => [name, form.elements[name].value.trim()]));
}

function pushFilters(filters) {
  const params = new URLSearchParams();
  for (const name of FILTERS) if (filters[name]) params.set(name, filters[name]);
  const query = params.toString();
  history.pushState(null, "", query ? `?${query}` : location.pathname);
}

// ------------------------------------------------------------------ timeline

function entryView(entry) {
  const contradictions = entry.contradictions.map((id) => state.contradictions.get(id)).filter(Boolean);
  const c = entry.corroboration;
  const node = el("li", {
    class: `entry${contradictions.length ? " contradicted" : ""}`, tabindex: "0",
    id: `entry-${entry.id}`, dataset: { entry: entry.id, type: entry.type },
    "aria-label": `${formatWhen(entry.date)}: ${entry.summary}`,
  },
    el("div", { class: "entry-head" },
      el("span", { class: "date" }, formatWhen(entry.date)),
      entry.date.precision !== "day" ? el("span", { class: "precision" }, `(${entry.date.precision})`) : null,
      el("span", { class: "type" }, entry.type),
      entry.place ? el("span", { class: "where" }, `in ${entry.place.name}`) : null),
    el("p", { class: "summary" }, entry.summary),
    roles(entry),
    el("p", { class: "corroboration" },
      el("span", { class: "count" }, `${c.outlet_count} outlet${c.outlet_count === 1 ? "" : "s"}`), " · ",
      el("span", { class: "count independent" },
        `${c.independent_count} independent source${c.independent_count === 1 ? "" : "s"}`),
      c.corroborated ? el("span", { class: "corroborated" }, " · corroborated") : null),
    c.relays.map((relay) => el("p", { class: "relay" }, relay.note)),
    contradictions.map((item) => el("div", { class: "contradiction", role: "note", dataset: { contradiction: item.id } },
      el("strong", {}, `⚠ ${item.kind} contradiction: `), item.explanation)),
    el("ul", { class: "mentions", "aria-label": "Sources" }, entry.mentions.map(mentionView)));
  return node;
}

function roles(entry) {
  const parts = [];
  if (entry.actors.length) parts.push(el("b", {}, "Who: "), entry.actors.join(", "), " ");
  parts.push(el("b", {}, "did: "), entry.action, " ");
  if (entry.targets.length) parts.push(el("b", {}, "to: "), entry.targets.join(", "));
  return el("p", { class: "roles" }, parts);
}

function mentionView(mention) {
  const who = [mention.outlet || "Unknown outlet", mention.published ? formatDay(mention.published) : null]
    .filter(Boolean).join(", ");
  const via = mention.origin && mention.origin !== mention.outlet ? ` (citing ${mention.origin})` : "";
  return el("li", {}, el("button", {
    type: "button", class: "source", dataset: { mention: mention.mention_id },
    onclick: () => openSource(mention),
  },
    el("span", { class: "who" }, who), via, mention.denies ? el("span", { class: "denies" }, " denies: ") : ": ",
    `“${mention.sentence}”`));
}

async function loadTimeline(filters, offset = 0) {
  const status = $("timeline-status");
  status.textContent = "Loading…";
  const { body, headers } = await getJson(`/api/timeline?${apiQuery(filters, { limit: PAGE, offset })}`);
  state.total = Number(headers.get("X-Total-Count") || body.entries.length);
  if (offset === 0) {
    state.timeline = body;
    state.entries = [];
    state.contradictions = new Map(body.contradictions.map((c) => [c.id, c]));
    $("timeline").replaceChildren();
  } else {
    for (const c of body.contradictions) state.contradictions.set(c.id, c);
  }
  state.entries.push(...body.entries);
  $("timeline").append(...body.entries.map(entryView));
  status.textContent = state.total
    ? `${state.total} event${state.total === 1 ? "" : "s"}, ${state.timeline.contradictions.length} contradiction(s)` +
      (state.entries.length < state.total ? `, showing ${state.entries.length}` : "")
    : "No event matches these filters.";
  $("more").hidden = state.entries.length >= state.total;
  return body;
}

// ------------------------------------------------------------------ sources

async function openSource(mention) {
  state.opened = mention;
  const panel = $("article");
  panel.hidden = false;
  delete panel.dataset.mention;
  $("article-title").textContent = "Loading the source…";
  $("article-meta").replaceChildren();
  $("article-text").replaceChildren();
  const { body } = await getJson(`/api/articles/${encodeURIComponent(mention.article_id)}`);
  const article = body.article;
  $("article-title").textContent = article.title || "Untitled article";
  const url = safeHttpUrl(article.url);
  $("article-meta").replaceChildren(
    [article.outlet || "Unknown outlet", article.published ? formatDay(article.published) : null]
      .filter(Boolean).join(", "),
    url ? " · " : "", url ? el("a", { href: url, rel: "noopener noreferrer", target: "_blank" }, "original") : "",
    !url && article.url ? el("span", { class: "unsafe-url" }, ` · ${article.url}`) : "");
  $("article-text").replaceChildren(...highlighted(article.text, sentenceSpan(body, mention.span)));
  panel.dataset.mention = mention.mention_id;
  const mark = $("article-text").querySelector("mark");
  panel.focus({ preventScroll: true });
  if (mark) mark.scrollIntoView({ block: "center" });
  panel.scrollIntoView({ block: "nearest" });
}

/** The span of the sentence(s) holding the mention; the mention's own span if none does. */
function sentenceSpan(extraction, [start, end]) {
  const around = extraction.sentences.filter((s) => s.span[0] < end && s.span[1] > start);
  if (!around.length) return [start, end];
  return [Math.min(...around.map((s) => s.span[0])), Math.max(...around.map((s) => s.span[1]))];
}

function highlighted(text, [start, end]) {
  const nodes = [];
  let cursor = 0;
  for (const paragraph of text.split(/(\n+)/)) {
    const from = cursor;
    cursor += paragraph.length;
    if (!paragraph.trim()) continue;
    const a = Math.max(start, from) - from;
    const b = Math.min(end, cursor) - from;
    if (a < b) {
      nodes.push(el("p", {}, paragraph.slice(0, a), el("mark", { class: "sentence" }, paragraph.slice(a, b)),
        paragraph.slice(b)));
    } else nodes.push(el("p", {}, paragraph));
  }
  return nodes;
}

function closeSource() {
  $("article").hidden = true;
  const back = state.opened && document.querySelector(`[data-mention="${CSS.escape(state.opened.mention_id)}"]`);
  state.opened = null;
  if (back) back.closest(".entry").focus();
}

// ------------------------------------------------------------------ keyboard

function moveFocus(step) {
  const items = [...document.querySelectorAll(".entry")];
  if (!items.length) return;
  const at = items.indexOf(document.activeElement?.closest(".entry"));
  const next = items[Math.max(0, Math.min(items.length - 1, at + step))] || items[0];
  next.focus();
}

function onKey(event) {
  const typing = event.target.closest("input, select, textarea");
  if (event.key === "Escape" && !$("article").hidden) return closeSource();
  if (typing) return;
  if (event.key === "/") { event.preventDefault(); $("filters").elements.q.focus(); return; }
  if (event.key === "j" || event.key === "ArrowDown") { event.preventDefault(); moveFocus(1); return; }
  if (event.key === "k" || event.key === "ArrowUp") { event.preventDefault(); moveFocus(-1); return; }
  if (event.key === "Enter" && event.target.classList.contains("entry")) {
    event.preventDefault();
    event.target.querySelector(".source")?.click();
  }
}

function focusEntry(id) {
  const node = $(`entry-${id}`);
  if (node) { node.scrollIntoView({ block: "center" }); node.focus(); }
}

// ------------------------------------------------------------------ start

async function loadStats() {
  const { body } = await getJson("/api/stats");
  $("stats").textContent = `${body.articles} articles from ${body.outlets} outlets · ${body.events} events · ${body.clusters} linked events`;
}

function fillOutlets(entries) {
  const outlets = new Set(entries.flatMap((e) => e.mentions.map((m) => m.outlet).filter(Boolean)));
  const list = $("outlets");
  if (list.children.length) return;
  list.replaceChildren(...[...outlets].sort().map((name) => el("option", { value: name })));
}

async function show(filters) {
  document.body.dataset.ready = "loading";
  fillForm(filters);
  try {
    const timeline = await loadTimeline(filters);
    fillOutlets(timeline.entries);
    document.body.dataset.ready = "timeline";
    document.body.dataset.timelineMs = String(Math.round(performance.now()));
    await Promise.all([
      renderFigures($("figures"), timeline.figures),
      renderMap($("map"), $("places"), state.entries, focusEntry),
    ]);
    document.body.dataset.ready = "all";
  } catch (error) {
    $("timeline-status").textContent = `Could not load: ${error.message}`;
    document.body.dataset.ready = "error";
  }
}

function start() {
  $("filters").addEventListener("submit", (event) => {
    event.preventDefault();
    const filters = readForm();
    pushFilters(filters);
    show(filters);
  });
  $("clear").addEventListener("click", () => {
    const empty = Object.fromEntries(FILTERS.map((name) => [name, ""]));
    pushFilters(empty);
    show(empty);
  });
  $("more").addEventListener("click", () => loadTimeline(filtersFromUrl(), state.entries.length));
  $("article-close").addEventListener("click", closeSource);
  window.addEventListener("popstate", () => show(filtersFromUrl()));
  document.addEventListener("keydown", onKey);
  loadStats().catch(() => {});
  show(filtersFromUrl());
}

start();

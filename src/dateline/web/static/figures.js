// Figure series: one Vega-Lite chart per counted thing (value or range per point, source in the
// tooltip) and a table of the same points beside it, for keyboards and screen readers.
import { el, formatDay, loadScript } from "./dom.js";

const CHARTS = "/static/vendor/charts.js";
// Rows listed under a chart; a longer series is charted whole and its table says how many more.
const TABLE_ROWS = 50;

export async function renderFigures(container, series) {
  container.replaceChildren();
  if (!series.length) {
    container.append(el("p", { class: "empty" }, "No figure reported more than once here."));
    return;
  }
  const blocks = series.map((one) => {
    const chart = el("div", { class: "chart", role: "img", "aria-label": `Chart of ${one.label}` });
    const block = el("figure", { class: "figure", id: `figure-${one.id}`, dataset: { series: one.id } },
      el("h3", {}, `${one.label} (${one.points.length} reports)`), chart, pointsTable(one));
    container.append(block);
    return [one, chart];
  });
  await loadScript(CHARTS);
  const { vegaEmbed, expressionInterpreter } = globalThis.datelineCharts;
  for (const [one, chart] of blocks) {
    // ast + interpreter: Vega evaluates expressions without eval, as the CSP demands.
    await vegaEmbed(chart, spec(one), {
      renderer: "svg", actions: false, defaultStyle: false, ast: true,
      expr: expressionInterpreter, tooltip: { disableDefaultStyle: true },
    });
    chart.dataset.rendered = "true";
  }
}

function pointsTable(one) {
  const rows = one.points.slice(0, TABLE_ROWS).map((p) => el("tr", {},
    el("td", {}, formatDay(p.date)), el("td", {}, p.text), el("td", {}, p.outlet || "—"),
    el("td", {}, p.source)));
  return el("table", {},
    el("thead", {}, el("tr", {}, el("th", {}, "Date"), el("th", {}, "Figure"),
      el("th", {}, "Outlet"), el("th", {}, "Source"))),
    el("tbody", {}, rows),
    one.points.length > TABLE_ROWS
      ? el("caption", { class: "more-points" }, `First ${TABLE_ROWS} of ${one.points.length} reports; all are charted.`)
      : null);
}

function spec(one) {
  const values = one.points.filter((p) => p.date).map((p) => ({
    date: p.date,
    value: p.value ?? p.min ?? p.max,
    low: p.min ?? p.value,
    high: p.max ?? p.value,
    figure: p.text,
    outlet: p.outlet || "unknown outlet",
    source: p.source,
  }));
  const tooltip = [
    { field: "date", type: "temporal", title: "Date" },
    { field: "figure", title: "Figure" },
    { field: "outlet", title: "Outlet" },
    { field: "source", title: "Source" },
  ];
  const x = { field: "date", type: "temporal", title: null, axis: { format: "%d %b", tickCount: "day" } };
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    width: "container",
    height: 160,
    data: { values },
    layer: [
      { mark: { type: "rule", strokeWidth: 3, color: "#7b8794" },
        encoding: { x, y: { field: "low", type: "quantitative" }, y2: { field: "high" } } },
      { mark: { type: "line", color: "#9aa5b1", strokeDash: [4, 3] },
        encoding: { x, y: { aggregate: "mean", field: "value", type: "quantitative" } } },
      { mark: { type: "point", filled: true, size: 70 },
        encoding: {
          x, y: { field: "value", type: "quantitative", title: one.label },
          color: { field: "outlet", title: "Outlet", legend: { orient: "bottom", columns: 3 } }, tooltip,
        } },
    ],
  };
}

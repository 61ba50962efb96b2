// The map view: placed events as points on country outlines, sized by the
// articles that report them and coloured by event type, filtered by date,
// type and actor (all in the URL). The outlines are Natural Earth's
// (world-atlas, bundled: no tiles, no network); the points come from
// /api/map. Clicking a point opens the card of the place it is at, with
// the point's events and their evidence.

import { geoMercator, geoPath, type GeoPermissibleObjects } from "d3-geo";
import { html } from "htm/preact";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import world from "world-atlas/countries-50m.json";

import { get, type MapEvent, type MapResult, type Node } from "./api";
import { inRange } from "./format";
import { go, toggledTypes, type State } from "./state";
import { CardView, Failure, Loading, useFetch } from "./views";

/** eventColours gives each event type (docs/schema.md) a colour. */
export const eventColours: Record<string, string> = {
  Attack: "#c0392b",
  Airstrike: "#8e44ad",
  Withdrawal: "#2471a3",
  Agreement: "#b7950b",
  Negotiation: "#17a589",
  Statement: "#7f8c8d",
  Threat: "#d35400",
  Meeting: "#1e8449",
  Suspension: "#566573",
  Deployment: "#2e4053",
  Assassination: "#641e16",
};

const topo = world as unknown as Topology<{ countries: GeometryCollection }>;
const countries = feature(topo, topo.objects.countries);

/** Point is the events of one type at one place: one circle. */
interface Point {
  key: string;
  lat: number;
  lon: number;
  precision: string;
  type: string;
  at?: Node;
  events: MapEvent[];
  reports: number; // distinct articles
}

/** when is the date an event is filtered and sorted by: its own, or the
 * date of the article that reports it. */
const when = (e: MapEvent) => e.date || e.article_date;

function points(events: MapEvent[]): Point[] {
  const by = new Map<string, Point>();
  for (const e of events) {
    const key = `${e.place.lat},${e.place.lon},${e.event_type}`;
    let p = by.get(key);
    if (!p) {
      p = { key, lat: e.place.lat, lon: e.place.lon, precision: e.place.precision, type: e.event_type, at: e.at, events: [], reports: 0 };
      by.set(key, p);
    }
    p.events.push(e);
  }
  for (const p of by.values()) p.reports = new Set(p.events.map((e) => e.article)).size;
  // The biggest first, so that small points are drawn over them.
  return [...by.values()].sort((a, b) => b.reports - a.reports || a.key.localeCompare(b.key));
}

const width = 960;
const height = 620;

/** MapView draws the filtered events and, once a point is picked, the
 * card of its place beside the events there. */
export function MapView(props: { s: State }) {
  const s = props.s;
  const res = useFetch<MapResult>("map", () => get<MapResult>("/api/map", {}));
  if (res.err) return html`<${Failure} err=${res.err} />`;
  const m = res.data;
  if (!m) return html`<${Loading} what="the map" />`;
  const allTypes = [...new Set(m.events.map((e) => e.event_type))].sort();
  const shown = s.types ? new Set(s.types.split(",")) : new Set(allTypes);
  const actors = new Map<string, string>();
  for (const e of m.events) for (const a of e.agents ?? []) actors.set(a.iri, a.name);
  const events = m.events.filter(
    (e) => shown.has(e.event_type) && inRange(when(e), s.since, s.until) && (!s.actor || (e.agents ?? []).some((a) => a.iri === s.actor)),
  );
  const pts = points(events);
  const set = (patch: Partial<State>) => go({ ...s, ...patch }, true);
  const toggle = (ty: string) => set({ types: toggledTypes(shown, allTypes, ty) });

  // Fit the map to the events placed more finely than a country (a
  // country's point would pull the view out to the whole world).
  const fine = m.events.filter((e) => e.place.precision !== "country");
  const fitTo = (fine.length ? fine : m.events).map((e) => [e.place.lon, e.place.lat]);
  const projection = geoMercator();
  const box: GeoPermissibleObjects = fitTo.length
    ? { type: "MultiPoint", coordinates: fitTo }
    : { type: "MultiPoint", coordinates: [[34, 29], [49, 38]] };
  // Room on the right for the labels, which run rightwards.
  projection.fitExtent([[50, 40], [width - 170, height - 40]], box);
  if (projection.scale() > 6000) projection.scale(6000); // one point alone: a region around it, not a street
  const draw = geoPath(projection);
  // One label a place, beside its biggest point.
  const labels = [...new Map(pts.map((p) => [`${p.lat},${p.lon}`, p])).values()];
  const picked = pts.find((p) => `${p.lat},${p.lon}` === s.at);
  const here = picked ? pts.filter((p) => p.lat === picked.lat && p.lon === picked.lon) : [];

  return html`<section class="map">
    <h1>Where it happened</h1>
    <form class="filters" onSubmit=${(ev: Event) => ev.preventDefault()}>
      <fieldset>
        <legend>Event types</legend>
        ${allTypes.map(
          (ty) => html`<label><input type="checkbox" name="type" value=${ty} checked=${shown.has(ty)} onChange=${() => toggle(ty)} />
            <i class="swatch" style=${{ background: eventColours[ty] ?? "#7f8c8d" }}></i>${ty}</label>`,
        )}
      </fieldset>
      <label>From <input name="since" placeholder="2024 or 2024-01-25" value=${s.since ?? ""}
        onChange=${(ev: Event) => set({ since: (ev.target as HTMLInputElement).value.trim() || undefined })} /></label>
      <label>to <input name="until" placeholder="2025-12-31" value=${s.until ?? ""}
        onChange=${(ev: Event) => set({ until: (ev.target as HTMLInputElement).value.trim() || undefined })} /></label>
      <label>Actor <select name="actor" onChange=${(ev: Event) => set({ actor: (ev.target as HTMLSelectElement).value || undefined })}>
        <option value="" selected=${!s.actor}>anyone</option>
        ${[...actors].sort((a, b) => a[1].localeCompare(b[1])).map(([iri, name]) => html`<option value=${iri} selected=${s.actor === iri}>${name}</option>`)}
      </select></label>
    </form>
    <p class="muted">${`${events.length} of ${m.events.length} placed events at ${labels.length} places; `}
      ${`${m.unplaced} more name no place and are not on the map. `}
      Undated events go by their article's date. A dashed ring is a place known only to the province or country.</p>
    <div class="map-body">
      <svg class="map-box" viewBox=${`0 0 ${width} ${height}`} role="img" aria-label="Map of the events">
        ${countries.features.map((f) => html`<path class="country" d=${draw(f) ?? ""}><title>${(f.properties as { name?: string })?.name}</title></path>`)}
        ${pts.map((p) => {
          const [x, y] = projection([p.lon, p.lat]) ?? [0, 0];
          const coarse = p.precision === "province" || p.precision === "country";
          return html`<circle class=${`point${coarse ? " coarse" : ""}${picked && picked.lat === p.lat && picked.lon === p.lon ? " picked" : ""}`}
            cx=${x} cy=${y} r=${4 + 3 * Math.sqrt(p.reports)} fill=${eventColours[p.type] ?? "#7f8c8d"}
            data-place=${p.at?.name ?? ""} data-type=${p.type} data-reports=${p.reports}
            onClick=${() => set({ at: `${p.lat},${p.lon}` })}>
            <title>${p.type} at ${p.at?.name ?? `${p.lat}, ${p.lon}`} (${p.precision}): ${p.reports} article${p.reports === 1 ? "" : "s"}</title>
          </circle>`;
        })}
        ${labels.map((p) => {
          const [x, y] = projection([p.lon, p.lat]) ?? [0, 0];
          return html`<text class="place-label" x=${x + 4 + 3 * Math.sqrt(p.reports) + 3} y=${y + 4}>${p.at?.name ?? ""}</text>`;
        })}
      </svg>
      ${picked && html`<aside class="map-side">
        <h2>${here.reduce((n, p) => n + p.events.length, 0)} event(s) at ${picked.at?.name ?? `${picked.lat}, ${picked.lon}`}
          <span class="muted">(${picked.precision})</span></h2>
        <ul class="map-events">
          ${here.flatMap((p) => p.events).map(
            (e) => html`<li><b>${e.event_type}</b> <span class="muted">${e.date || (e.article_date ? `article of ${e.article_date}` : "undated")}</span>
              ${(e.agents ?? []).length > 0 && html`<span class="muted"> · by ${(e.agents ?? []).map((a) => a.name).join(", ")}</span>`}
              <blockquote class="evidence"><span class=${`kind kind-${e.kind}`}>${e.kind}</span><q>${e.evidence}</q>
                <div class="source">${e.article_title || e.article}${e.outlet && ` · ${e.outlet}`}</div></blockquote></li>`,
          )}
        </ul>
        ${picked.at && html`<${CardView} e=${picked.at.iri} />`}
      </aside>`}
    </div>
  </section>`;
}

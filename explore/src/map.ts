// The map view: placed events and incidents as points on country
// outlines, sized by the articles that report them and coloured by event
// type, filtered by date, type and actor (all in the URL). The outlines
// are Natural Earth's (world-atlas, bundled: no tiles, no network); the
// points come from /api/map. An incident (events of several articles that
// are one happening) is one ringed point, and its reports are not drawn
// again: twenty outlets on one attack are one attack, not twenty points.
// Clicking a point opens the card of the place it is at, with the point's
// events and their evidence; clicking an incident opens the incident: its
// reports with their outlets, and any contradiction between them.

import { geoMercator, geoPath, type GeoPermissibleObjects } from "d3-geo";
import { html } from "htm/preact";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import world from "world-atlas/countries-50m.json";

import { get, type Contradiction, type MapEvent, type MapIncident, type MapResult, type Node } from "./api";
import { inRange } from "./format";
import { go, toggledTypes, type State } from "./state";
import { CardView, EntityLink, Failure, Loading, Quote, Source, useFetch } from "./views";

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

/** Point is the events of one type at one place, or one incident: one
 * circle. */
interface Point {
  key: string;
  lat: number;
  lon: number;
  precision: string;
  type: string;
  at?: Node;
  events: MapEvent[];
  incident?: MapIncident;
  reports: number; // distinct articles
}

/** when is the date an event is filtered and sorted by: its own, or the
 * date of the article that reports it. */
const when = (e: MapEvent) => e.date || e.article_date;

function points(events: MapEvent[], incidents: MapIncident[]): Point[] {
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
  const all = [...by.values()];
  for (const i of incidents) {
    all.push({ key: `incident ${i.iri}`, lat: i.place.lat, lon: i.place.lon, precision: i.place.precision, type: i.event_type, at: i.at,
      events: [], incident: i, reports: i.articles });
  }
  // The biggest first, so that small points are drawn over them.
  return all.sort((a, b) => b.reports - a.reports || a.key.localeCompare(b.key));
}

const radius = (p: Point) => 4 + 3 * Math.sqrt(p.reports);

const conflictLabels: Record<string, [string, string]> = {
  claim_denial: ["claimed", "denied"],
  rival_attribution: ["attributed to one", "attributed to another"],
  denied_fact: ["stated", "denied"],
};

/** ContradictionView is one contradiction: what each side says, with its
 * independent outlets and its reports. */
function ContradictionView(props: { c: Contradiction }) {
  const c = props.c;
  return html`<div class="contradiction" data-kind=${c.kind}>
    <p><b>${c.kind.replace(/_/g, " ")}</b> <span class="muted">${c.about}</span></p>
    ${c.sides.map(
      (side, i) => html`<div class="side">
        <p class="muted">${conflictLabels[c.kind]?.[i] ?? `side ${i + 1}`}${side.agents && side.agents.length > 0 && `: ${side.agents.join(", ")}`}${" · "}${side.outlets} independent outlet${side.outlets === 1 ? "" : "s"}</p>
        ${side.reports.map(
          (r) => html`<${Quote} kind=${r.kind} text=${r.evidence}><${Source} title=${r.title} outlet=${r.outlet} date=${r.date} article=${r.article} /></${Quote}>`,
        )}
      </div>`,
    )}
  </div>`;
}

/** IncidentView is what the map shows of an incident: its type, date and
 * place, the articles and outlets that report it, every report with its
 * evidence, and its contradictions. */
function IncidentView(props: { i: MapIncident }) {
  const i = props.i;
  return html`<section class="incident" data-iri=${i.iri}>
    <h2>${i.event_type} at ${i.at ? html`<${EntityLink} node=${i.at} />` : `${i.place.lat}, ${i.place.lon}`},
      ${" "}${i.date} <span class="muted">(${i.precision === "reported" ? "the first report's date" : i.precision}; place known to the ${i.place.precision})</span></h2>
    <p class="counts">One incident: <b>${i.articles}</b> article${i.articles === 1 ? "" : "s"} from <b>${i.outlets}</b> independent
      outlet${i.outlets === 1 ? "" : "s"} report it${(i.agents ?? []).length > 0 && html`, naming ${(i.agents ?? []).map((a, k) => html`${k > 0 && ", "}<${EntityLink} node=${a} />`)}`}.</p>
    ${(i.contradictions ?? []).length > 0 && html`<h3>Contradictions</h3>
      ${(i.contradictions ?? []).map((c) => html`<${ContradictionView} c=${c} />`)}`}
    <h3>Reports</h3>
    <ul class="map-events reports">
      ${i.reports.map(
        (r) => html`<li class="report"><span class="muted">${r.date || (r.article_date ? `article of ${r.article_date}` : "undated")}</span>
          ${(r.agents ?? []).length > 0 && html`<span class="muted"> · by ${(r.agents ?? []).map((a) => a.name).join(", ")}</span>`}
          <${Quote} kind=${r.kind} text=${r.evidence}><${Source} title=${r.article_title} outlet=${r.outlet} date=${r.article_date} article=${r.article} /></${Quote}></li>`,
      )}
    </ul>
  </section>`;
}

const width = 960;
const height = 620;

/** MapView draws the filtered events and, once a point is picked, the
 * card of its place beside the events there. */
export function MapView(props: { s: State }) {
  const s = props.s;
  // The dates go to the server too, so that a narrower range is cut, if
  // at all, among its own points; types and actor are filtered here.
  const res = useFetch<MapResult>(`map\u0000${s.since ?? ""}\u0000${s.until ?? ""}`, () =>
    get<MapResult>("/api/map", { since: s.since, until: s.until }),
  );
  if (res.err) return html`<${Failure} err=${res.err} />`;
  const m = res.data;
  if (!m) return html`<${Loading} what="the map" />`;
  const allIncidents = m.incidents ?? [];
  const allTypes = [...new Set([...m.events.map((e) => e.event_type), ...allIncidents.map((i) => i.event_type)])].sort();
  const shown = s.types ? new Set(s.types.split(",")) : new Set(allTypes);
  const actors = new Map<string, string>();
  for (const e of [...m.events, ...allIncidents]) for (const a of e.agents ?? []) actors.set(a.iri, a.name);
  const by = (agents?: Node[]) => !s.actor || (agents ?? []).some((a) => a.iri === s.actor);
  const events = m.events.filter((e) => shown.has(e.event_type) && inRange(when(e), s.since, s.until) && by(e.agents));
  const incidents = allIncidents.filter((i) => shown.has(i.event_type) && inRange(i.date, s.since, s.until) && by(i.agents));
  const pts = points(events, incidents);
  const set = (patch: Partial<State>) => go({ ...s, ...patch }, true);
  const toggle = (ty: string) => set({ types: toggledTypes(shown, allTypes, ty) });

  // Fit the map to the events placed more finely than a country (a
  // country's point would pull the view out to the whole world).
  const placed = [...m.events, ...allIncidents];
  const fine = placed.filter((e) => e.place.precision !== "country");
  const fitTo = (fine.length ? fine : placed).map((e) => [e.place.lon, e.place.lat]);
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
  const pickedIncident = s.inc ? incidents.find((i) => i.iri === s.inc) : undefined;
  const hereIncidents = here.flatMap((p) => (p.incident && p.incident !== pickedIncident ? [p.incident] : []));
  const hereEvents = here.flatMap((p) => p.events);

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
    <p class="muted">${`${incidents.length} of ${allIncidents.length} incidents and ${events.length} of ${m.events.length} other placed events at ${labels.length} places; `}
      ${`${m.unplaced} more name no place and are not on the map. `}
      A point with a dark ring is an incident: one happening that several articles report, drawn once and sized by its articles
      (its reports are not drawn again). Undated events go by their article's date. A dashed ring is a place known only to the province or country.</p>
    ${m.cut && html`<p class="note cut">${m.cut.note}: the earliest are drawn; narrow the dates to see later ones.</p>`}
    <div class="map-body">
      <svg class="map-box" viewBox=${`0 0 ${width} ${height}`} role="img" aria-label="Map of the events">
        ${countries.features.map((f) => html`<path class="country" d=${draw(f) ?? ""}><title>${(f.properties as { name?: string })?.name}</title></path>`)}
        ${pts.map((p) => {
          const [x, y] = projection([p.lon, p.lat]) ?? [0, 0];
          const coarse = p.precision === "province" || p.precision === "country";
          const i = p.incident;
          const isPicked = i ? i === pickedIncident : !pickedIncident && picked && picked.lat === p.lat && picked.lon === p.lon;
          return html`<circle class=${`point${i ? " incident" : ""}${coarse ? " coarse" : ""}${isPicked ? " picked" : ""}`}
            cx=${x} cy=${y} r=${radius(p)} fill=${eventColours[p.type] ?? "#7f8c8d"}
            data-place=${p.at?.name ?? ""} data-type=${p.type} data-reports=${p.reports} data-incident=${i?.iri}
            onClick=${() => set({ at: `${p.lat},${p.lon}`, inc: i?.iri })}>
            <title>${i
              ? `Incident: ${p.type} at ${p.at?.name ?? `${p.lat}, ${p.lon}`}, ${i.date}: ${i.articles} articles, ${i.outlets} independent outlet${i.outlets === 1 ? "" : "s"}`
              : `${p.type} at ${p.at?.name ?? `${p.lat}, ${p.lon}`} (${p.precision}): ${p.reports} article${p.reports === 1 ? "" : "s"}`}</title>
          </circle>`;
        })}
        ${labels.map((p) => {
          const [x, y] = projection([p.lon, p.lat]) ?? [0, 0];
          return html`<text class="place-label" x=${x + radius(p) + 3} y=${y + 4}>${p.at?.name ?? ""}</text>`;
        })}
      </svg>
      ${picked && html`<aside class="map-side">
        ${pickedIncident && html`<${IncidentView} i=${pickedIncident} />`}
        ${(hereIncidents.length > 0 || hereEvents.length > 0) && html`<h2>${pickedIncident ? "Also at " : ""}${picked.at?.name ?? `${picked.lat}, ${picked.lon}`}
          <span class="muted">(${picked.precision}): ${hereIncidents.length > 0 ? `${hereIncidents.length} incident(s), ` : ""}${hereEvents.length} event(s)</span></h2>`}
        ${hereIncidents.length > 0 && html`<ul class="map-incidents">
          ${hereIncidents.map(
            (i) => html`<li><button type="button" class="more open-incident" data-incident=${i.iri} onClick=${() => set({ inc: i.iri })}>
              Incident: ${i.event_type}, ${i.date}</button> <span class="muted">${i.articles} articles, ${i.outlets} independent outlet${i.outlets === 1 ? "" : "s"}</span></li>`,
          )}
        </ul>`}
        <ul class="map-events">
          ${hereEvents.map(
            (e) => html`<li><b>${e.event_type}</b> <span class="muted">${e.date || (e.article_date ? `article of ${e.article_date}` : "undated")}</span>
              ${(e.agents ?? []).length > 0 && html`<span class="muted"> · by ${(e.agents ?? []).map((a) => a.name).join(", ")}</span>`}
              <${Quote} kind=${e.kind} text=${e.evidence}><${Source} title=${e.article_title} outlet=${e.outlet} date=${e.article_date} article=${e.article} /></${Quote}></li>`,
          )}
        </ul>
        ${picked.at && html`<${CardView} e=${picked.at.iri} />`}
      </aside>`}
    </div>
  </section>`;
}

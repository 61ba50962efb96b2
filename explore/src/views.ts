// The explorer's views: search results, the entity card, the timeline
// and the path view. The graph view is in graph.ts.

import { html } from "htm/preact";
import type { ComponentChildren } from "preact";
import { useEffect, useState } from "preact/hooks";

import {
  APIError,
  get,
  type Candidate,
  type Card,
  type Evidence,
  type Fact,
  type FactGroup,
  type FactResult,
  type Hop,
  type Node,
  type PathResult,
  type TimelineResult,
} from "./api";
import { colourOf, datePrecision, inRange, predicateLabel } from "./format";
import { go, href, navigate, toggledTypes, type State } from "./state";

/** useFetch runs a request whenever its key changes and keeps its outcome. */
export function useFetch<T>(key: string, load: () => Promise<T>) {
  const [out, set] = useState<{ key: string; data?: T; err?: APIError | Error; t?: number }>({ key: "" });
  useEffect(() => {
    let live = true;
    const t0 = performance.now();
    set({ key });
    load().then(
      (data) => live && set({ key, data, t: performance.now() - t0 }),
      (err) => live && set({ key, err }),
    );
    return () => void (live = false);
  }, [key]);
  return out.key === key ? out : { key };
}

export function Loading(props: { what: string }) {
  return html`<p class="loading" aria-busy="true">Loading ${props.what}…</p>`;
}

/** Failure shows an error; an ambiguous or unknown name lists its candidates,
 * each a link made by pick. */
export function Failure(props: { err: Error; pick?: (c: Candidate) => State }) {
  const e = props.err;
  const cands = e instanceof APIError ? e.candidates : [];
  let msg: ComponentChildren = e.message;
  if (e instanceof APIError && e.kind === "ambiguous") msg = html`“${e.entity}” may mean several entities. Which one?`;
  else if (e instanceof APIError && e.kind === "not_found" && e.entity)
    msg = cands.length ? html`No entity is called “${e.entity}”. The nearest names:` : html`No entity is called “${e.entity}”.`;
  return html`<div class="failure" role="alert">
    <p>${msg}</p>
    ${cands.length > 0 && props.pick && html`<ul class="candidates">
      ${cands.map(
        (c) => html`<li>
          <a href=${href(props.pick!(c))} onClick=${navigate(props.pick!(c))}>${c.name}</a>
          <${TypeBadge} type=${c.type} />
          <span class="muted">matched “${c.matched}” (${c.how})</span>
        </li>`,
      )}
    </ul>`}
  </div>`;
}

export function TypeBadge(props: { type?: string }) {
  if (!props.type) return null;
  return html`<span class="type" style=${{ background: colourOf(props.type) }}>${props.type}</span>`;
}

/** EntityLink links to a node's card. */
export function EntityLink(props: { node: Node }) {
  const s: State = { view: "card", e: props.node.iri };
  return html`<a class="entity" href=${href(s)} onClick=${navigate(s)}>${props.node.name}</a>`;
}

/** Source names an evidence sentence's article: title, outlet and date. */
export function Source(props: { title?: string; outlet?: string; date?: string; article: string }) {
  return html`<div class="source">
    <span class="title">${props.title || props.article}</span>
    ${" · "}<span class="outlet">${props.outlet || "outlet not given"}</span>
    ${props.date && html`${" · "}<time>${props.date}</time>`}
  </div>`;
}

export function Quote(props: { kind: string; text: string; children?: ComponentChildren }) {
  return html`<blockquote class="evidence">
    <span class=${`kind kind-${props.kind}`}>${props.kind}</span>
    <q>${props.text}</q>
    ${props.children}
  </blockquote>`;
}

/** SearchView resolves the typed name as `newsgraph path` does: one match
 * opens its card, an ambiguous name lists the entities it may mean. */
export function SearchView(props: { q?: string }) {
  const q = props.q ?? "";
  const res = useFetch<Candidate | null>(q, () => (q ? get<Candidate>("/api/resolve", { name: q }) : Promise.resolve(null)));
  useEffect(() => {
    if (res.data) go({ view: "card", e: res.data.iri, q }, true);
  }, [res.data]);
  if (!q)
    return html`<section class="intro">
      <h1>Explore the graph</h1>
      <p>Type the name of a group, a base, a person or a place, in any spelling the news uses
        (<a href=${href({ view: "search", q: "Kataib Hizbollah" })} onClick=${navigate({ view: "search", q: "Kataib Hizbollah" })}>Kataib Hizbollah</a>,
        <a href=${href({ view: "search", q: "Ain al-Assad" })} onClick=${navigate({ view: "search", q: "Ain al-Assad" })}>Ain al-Assad</a>),
        to see what each outlet said of it, with the sentences. Or find the
        <a href=${href({ view: "path" })} onClick=${navigate({ view: "path" })}>paths between two names</a>.</p>
    </section>`;
  if (res.err) return html`<${Failure} err=${res.err} pick=${(c: Candidate) => ({ view: "card", e: c.iri, q })} />`;
  return html`<${Loading} what=${`“${q}”`} />`;
}

/** CardView is an entity card: names, type, counts, and facts grouped by
 * predicate with every article's evidence. */
export function CardView(props: { e: string }) {
  const res = useFetch<Card>(props.e, () => get<Card>("/api/entity", { name: props.e }));
  if (res.err) return html`<${Failure} err=${res.err} pick=${(c: Candidate) => ({ view: "card", e: c.iri })} />`;
  const c = res.data;
  if (!c) return html`<${Loading} what="the card" />`;
  return html`<article class="card" data-iri=${c.iri}>
    <header>
      <h1>${c.name} <${TypeBadge} type=${c.type} /></h1>
      <p class="muted iri">${c.iri}</p>
      ${c.aliases.length > 0 && html`<p class="aliases"><b>Also called</b> ${c.aliases.join(" · ")}</p>`}
      ${(c.wikidata || c.place) && html`<p class="geo">
        ${c.wikidata && html`<b>Wikidata</b> <a class="wikidata" href=${`https://www.wikidata.org/wiki/${c.wikidata}`} rel="noopener noreferrer">${c.wikidata}</a>`}
        ${c.wikidata && c.place && " · "}
        ${c.place && html`<b>At</b> <span class="coords">${c.place.lat}, ${c.place.lon}</span> <span class="muted">(${c.place.precision})</span>`}
      </p>`}
      <p class="counts">
        Mentioned in <b>${c.articles}</b> article${c.articles === 1 ? "" : "s"}${c.outlets.length > 0 &&
        html` from <b>${c.outlets.length}</b> outlet${c.outlets.length === 1 ? "" : "s"}:${" "}
          ${c.outlets.map((o) => `${o.outlet} (${o.articles})`).join(", ")}`}.
      </p>
      <${EntityNav} e=${c.iri} current="card" />
    </header>
    ${c.truncated && html`<p class="note">This entity is in very many statements: the card shows the first ${c.statements}.</p>`}
    ${c.facts.length === 0 && html`<p class="muted">No facts name this entity; its events are on the timeline.</p>`}
    ${c.facts.map((g) => html`<${FactGroupView} e=${c.iri} g=${g} />`)}
  </article>`;
}

/** groupShown is how many facts of a group a card shows before “show all”:
 * a hub's group runs to hundreds. */
const groupShown = 12;

/** FactGroupView is the facts of one predicate, each with its evidence. */
function FactGroupView(props: { e: string; g: FactGroup }) {
  const g = props.g;
  const [all, setAll] = useState(false);
  const facts = all ? g.facts : g.facts.slice(0, groupShown);
  return html`<section class="facts" data-predicate=${g.predicate}>
    <h2>${predicateLabel(g.predicate, g.direction)} <span class="muted">${g.facts.length}</span></h2>
    ${facts.map((f) => html`<${FactView} e=${props.e} g=${g} f=${f} />`)}
    ${!all && g.facts.length > groupShown &&
    html`<button type="button" class="more" onClick=${() => setAll(true)}>Show all ${g.facts.length}</button>`}
  </section>`;
}

/** FactView is one fact with the card's evidence sentences (the five most
 * direct and newest) and, on asking, the rest from /api/fact, up to the
 * server's bound (MaxFactEvidenceAll). */
function FactView(props: { e: string; g: FactGroup; f: Fact }) {
  const { g, f } = props;
  const [more, setMore] = useState<{ f?: Fact; err?: Error; loading?: boolean }>({});
  const shown = more.f ?? f;
  const load = () => {
    setMore({ loading: true });
    get<FactResult>("/api/fact", { name: props.e, predicate: g.predicate, direction: g.direction, other: f.other.iri }).then(
      (r) => setMore({ f: r.fact }),
      (err) => setMore({ err }),
    );
  };
  return html`<div class="fact">
    <h3>
      <${EntityLink} node=${f.other} /> <${TypeBadge} type=${f.other.type} />
      <span class="muted">
        ${Object.entries(f.kinds)
          .map(([k, n]) => (n > 1 ? `${k} ×${n}` : k))
          .join(", ")}
        ${" · "}${f.articles} article${f.articles === 1 ? "" : "s"} · ${f.outlets} outlet${f.outlets === 1 ? "" : "s"}
        ${f.asserted_by && f.asserted_by.length > 0 && html` · asserted by ${f.asserted_by.map((a) => a.name).join(", ")}`}
      </span>
    </h3>
    ${shown.evidence.map((ev: Evidence) => html`<${Quote} kind=${ev.kind} text=${ev.sentence}>
      ${(ev.asserted_by || ev.role) &&
      html`<div class="muted">${ev.asserted_by && `according to ${ev.asserted_by}`}${ev.asserted_by && ev.role && " · "}${ev.role &&
        `role: ${ev.role}`}</div>`}
      <${Source} title=${ev.article_title} outlet=${ev.outlet} date=${ev.article_date} article=${ev.article} />
    </${Quote}>`)}
    ${f.statements > shown.evidence.length &&
    html`<p class="muted evidence-count">${shown.evidence.length} of ${f.statements} statements shown: the most direct claims and the newest articles.
      ${!more.f && html` <button type="button" class="more more-evidence" disabled=${more.loading} onClick=${load}>
        ${more.loading ? "Loading…" : "Show more statements"}</button>`}</p>`}
    ${more.err && html`<${Failure} err=${more.err} />`}
  </div>`;
}

/** EntityNav links an entity's card, timeline, graph and paths. */
export function EntityNav(props: { e: string; current: string }) {
  const items: [string, State][] = [
    ["Card", { view: "card", e: props.e }],
    ["Timeline", { view: "timeline", e: props.e }],
    ["Graph", { view: "graph", e: props.e }],
    ["Paths from here", { view: "path", from: props.e }],
  ];
  return html`<nav class="entity-nav">
    ${items.map(
      ([label, s]) =>
        html`<a href=${href(s)} onClick=${navigate(s)} class=${s.view === props.current ? "current" : ""}>${label}</a>`,
    )}
  </nav>`;
}

/** TimelineView lists an entity's events by date, filtered by event type
 * and date range (both in the URL). */
export function TimelineView(props: { s: State }) {
  const s = props.s;
  const e = s.e!;
  const res = useFetch<TimelineResult>(e, () => get<TimelineResult>("/api/timeline", { name: e }));
  if (res.err) return html`<${Failure} err=${res.err} pick=${(c: Candidate) => ({ ...s, e: c.iri })} />`;
  const t = res.data;
  if (!t) return html`<${Loading} what="the timeline" />`;
  const allTypes = [...new Set(t.events.map((ev) => ev.type))].sort();
  const shown = s.types ? new Set(s.types.split(",")) : new Set(allTypes);
  const events = t.events.filter((ev) => shown.has(ev.type) && inRange(ev.date, s.since, s.until));
  const set = (patch: Partial<State>) => go({ ...s, ...patch }, true);
  const toggle = (ty: string) => set({ types: toggledTypes(shown, allTypes, ty) });
  return html`<section class="timeline">
    <header>
      <h1>${t.actor.name} <${TypeBadge} type=${t.actor.type} /> <span class="muted">timeline</span></h1>
      <${EntityNav} e=${t.actor.iri} current="timeline" />
    </header>
    <form class="filters" onSubmit=${(ev: Event) => ev.preventDefault()}>
      <fieldset>
        <legend>Event types</legend>
        ${allTypes.map(
          (ty) => html`<label><input type="checkbox" name="type" value=${ty} checked=${shown.has(ty)} onChange=${() => toggle(ty)} /> ${ty}</label>`,
        )}
      </fieldset>
      <label>From <input name="since" placeholder="2024 or 2024-01-25" value=${s.since ?? ""}
        onChange=${(ev: Event) => set({ since: (ev.target as HTMLInputElement).value.trim() || undefined })} /></label>
      <label>to <input name="until" placeholder="2025-12-31" value=${s.until ?? ""}
        onChange=${(ev: Event) => set({ until: (ev.target as HTMLInputElement).value.trim() || undefined })} /></label>
    </form>
    <p class="muted">${events.length} of ${t.events.length} events</p>
    ${t.cut && html`<p class="note cut">${t.cut.note}: the earliest are shown.</p>`}
    <ol class="events">
      ${events.map(
        (ev) => html`<li class="event" data-type=${ev.type}>
          <div class="when">
            <time>${ev.date || "undated"}</time>
            <span class="muted">${ev.date ? datePrecision(ev.date) : ev.article_date && `article of ${ev.article_date}`}</span>
            ${ev.date_note && html`<span class="note">${ev.date_note}</span>`}
          </div>
          <div class="what">
            <b>${ev.type}</b> ${ev.status && html`<span class="muted">(${ev.status})</span>`}
            <span class="muted"> · ${t.actor.name} as ${ev.roles.join(", ").replace(/_/g, " ")}</span>
            ${ev.participants &&
            html`<div class="participants">${Object.entries(ev.participants).map(([role, name]) => html`<span><i>${role.replace(/_/g, " ")}</i> ${name}</span>`)}</div>`}
            <${Quote} kind=${ev.kind} text=${ev.evidence}>
              <${Source} title=${ev.article_title} outlet=${ev.outlet} date=${ev.article_date} article=${ev.article} />
            </${Quote}>
          </div>
        </li>`,
      )}
    </ol>
  </section>`;
}

/** HopView is one hop of a path with its evidence. */
function HopView(props: { h: Hop }) {
  const h = props.h;
  const arrow = h.direction === "out" ? html`—[${h.predicate}]→` : html`←[${h.predicate}]—`;
  return html`<li class="hop">
    <div><b>${h.from_name}</b> <span class="pred">${arrow}</span> <b>${h.to_name}</b>
      <span class="muted">${h.support} statement${h.support === 1 ? "" : "s"}</span></div>
    ${h.evidence
      ? html`<${Quote} kind=${h.kind} text=${h.evidence}>
          <${Source} title=${h.article_title} outlet=${h.outlet} date=${h.article_date} article=${h.article} />
        </${Quote}>`
      : html`<p class="muted">no evidence recorded for this link</p>`}
    ${h.also && h.also.length > 0 && html`<p class="muted">also: ${h.also.map((l) => `${l.predicate} (${l.kind})`).join(", ")}</p>`}
  </li>`;
}

/** useNameOf is the name of the entity an IRI names (links name entities
 * by IRI), once /api/resolve has given it; undefined for what is not an
 * IRI. */
function useNameOf(v?: string): string | undefined {
  const iri = Boolean(v && v.startsWith("ng:"));
  const res = useFetch<Candidate | null>(iri ? `name\u0000${v}` : "", () =>
    iri ? get<Candidate>("/api/resolve", { name: v }) : Promise.resolve(null),
  );
  return res.data?.name;
}

/** PathView finds the k shortest paths between two names. An end given
 * by IRI (the card's “Paths from here”) shows its name in the form, and
 * stays that IRI while the name is left as it is. */
export function PathView(props: { s: State }) {
  const s = props.s;
  const fromName = useNameOf(s.from);
  const toName = useNameOf(s.to);
  const [from, setFrom] = useState(fromName ?? s.from ?? "");
  const [to, setTo] = useState(toName ?? s.to ?? "");
  const [k, setK] = useState(s.k ?? "3");
  useEffect(() => setFrom(fromName ?? s.from ?? ""), [s.from]);
  useEffect(() => setTo(toName ?? s.to ?? ""), [s.to]);
  // The name replaces the IRI once known, unless the box was typed into.
  useEffect(() => void (fromName && setFrom((cur) => (cur === s.from ? fromName : cur))), [fromName]);
  useEffect(() => void (toName && setTo((cur) => (cur === s.to ? toName : cur))), [toName]);
  const ready = Boolean(s.from && s.to);
  const key = ready ? `${s.from}\u0000${s.to}\u0000${s.k}` : "";
  const res = useFetch<PathResult | null>(key, () =>
    ready ? get<PathResult>("/api/path", { from: s.from, to: s.to, k: s.k }) : Promise.resolve(null),
  );
  const submit = (ev: Event) => {
    ev.preventDefault();
    const f = from.trim();
    const t = to.trim();
    go({
      view: "path",
      from: fromName && f === fromName ? s.from : f,
      to: toName && t === toName ? s.to : t,
      k: k === "3" ? undefined : k,
    });
  };
  const pick = (c: Candidate): State => {
    const e = res.err as APIError;
    return e.entity === s.from ? { ...s, from: c.iri } : { ...s, to: c.iri };
  };
  const r = res.data;
  return html`<section class="paths">
    <h1>Paths between two names</h1>
    <form class="path-form" onSubmit=${submit}>
      <input name="from" placeholder="from, e.g. Kataib Hizbollah" value=${from} onInput=${(e: Event) => setFrom((e.target as HTMLInputElement).value)} />
      <input name="to" placeholder="to, e.g. Ain al-Asad" value=${to} onInput=${(e: Event) => setTo((e.target as HTMLInputElement).value)} />
      <label>k <input name="k" type="number" min="1" max="20" value=${k} onInput=${(e: Event) => setK((e.target as HTMLInputElement).value)} /></label>
      <button type="submit">Find paths</button>
    </form>
    ${res.err && html`<${Failure} err=${res.err} pick=${pick} />`}
    ${ready && !res.err && !r && html`<${Loading} what="paths" />`}
    ${r &&
    html`<p class="muted">${r.paths.length} path${r.paths.length === 1 ? "" : "s"} from <${EntityLink} node=${r.from} /> to <${EntityLink} node=${r.to} />
      ${r.hubs_avoided && r.hubs_avoided.length > 0 && html`; not through the hubs ${r.hubs_avoided.map((n) => n.name).join(", ")}`}</p>
    <ol class="path-list">
      ${r.paths.map(
        (p) => html`<li class="path">
          <h2>${p.nodes.map((n, i) => html`${i > 0 && " › "}<${EntityLink} node=${n} />`)}
            <span class="muted">${p.hops.length} hop${p.hops.length === 1 ? "" : "s"}, cost ${p.cost.toFixed(2)}</span></h2>
          <ol class="hops">${p.hops.map((h) => html`<${HopView} h=${h} />`)}</ol>
        </li>`,
      )}
    </ol>`}
  </section>`;
}

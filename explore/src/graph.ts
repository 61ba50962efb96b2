// The graph view: an entity's neighbourhood drawn with Cytoscape.js.
// Nodes are labelled with their names and coloured by type; articles are
// never nodes: each edge stands for every article that supports the link
// (its width grows with their number; clicked, it shows its evidence).

import cytoscape from "cytoscape";
import { html } from "htm/preact";
import { useEffect, useRef, useState } from "preact/hooks";

import { get, type Candidate, type Hop, type NeighborsResult } from "./api";
import { colourOf, typeColours } from "./format";
import { go, type State } from "./state";
import { EntityNav, Failure, Loading, TypeBadge, useFetch } from "./views";

/** The most nodes drawn: past about a hundred, labels cannot be read. */
const maxNodes = 100;

declare global {
  interface Window {
    /** The graph on the page, for the end-to-end test to read its labels. */
    newsgraphGraph?: cytoscape.Core;
  }
}

/** edgeEnds puts a hop's quad back in its own direction. */
function edgeEnds(h: Hop): [string, string] {
  return h.direction === "out" ? [h.from, h.to] : [h.to, h.from];
}

/** rowHeight is the vertical distance between two neighbours in a column:
 * one line of label text and a little air. */
const rowHeight = 19;

/** mindMap places a neighbourhood as columns either side of the entity,
 * nearest first (at two hops, the second hop in outer columns, each node
 * level with its parent where it can be), grouped by type. Rings and
 * force layouts put a hundred labels around a circle, where they overlap
 * or, fitted to the screen, shrink past reading; in columns every label
 * has a line of its own. */
function mindMap(r: NeighborsResult): { at: Map<string, { x: number; y: number }>; rows: number } {
  const at = new Map<string, { x: number; y: number }>();
  at.set(r.node.iri, { x: 0, y: 0 });
  const typeOrder = (t?: string) => (t ? Object.keys(typeColours).indexOf(t) : 99);
  const first = r.neighbors.filter((n) => n.hops === 1);
  first.sort((a, b) => typeOrder(a.type) - typeOrder(b.type)); // stable: the most mentioned first within a type
  const half = Math.ceil(first.length / 2);
  const columns: [string[], string[]] = [first.slice(0, half).map((n) => n.iri), first.slice(half).map((n) => n.iri)];
  const place = (ids: string[], x: number) => ids.forEach((id, i) => at.set(id, { x, y: (i - (ids.length - 1) / 2) * rowHeight }));
  const gap = 330;
  place(columns[0], gap);
  place(columns[1], -gap);
  let rows = Math.max(columns[0].length, columns[1].length);
  const second = r.neighbors.filter((n) => n.hops === 2);
  for (const side of [1, -1]) {
    const mine = second.filter((n) => Math.sign(at.get(n.via.from)?.x ?? 1) === side);
    mine.sort((a, b) => at.get(a.via.from)!.y - at.get(b.via.from)!.y);
    place(
      mine.map((n) => n.iri),
      2 * gap * side,
    );
    rows = Math.max(rows, mine.length);
  }
  return { at, rows };
}

export function GraphView(props: { s: State }) {
  const s = props.s;
  const e = s.e!;
  const hops = s.hops === "2" ? 2 : 1;
  const res = useFetch<NeighborsResult>(`${e}\u0000${hops}`, () =>
    get<NeighborsResult>("/api/neighbors", { name: e, hops, limit: maxNodes - 1 }),
  );
  const box = useRef<HTMLDivElement>(null);
  const [picked, setPicked] = useState<Hop | null>(null);
  const r = res.data;
  useEffect(() => {
    if (!r || !box.current) return;
    const pos = mindMap(r);
    box.current.style.height = `${Math.max(480, pos.rows * rowHeight + 60)}px`;
    const els: cytoscape.ElementDefinition[] = [
      { data: { id: r.node.iri, label: r.node.name, type: r.node.type, colour: colourOf(r.node.type), hops: 0 }, position: pos.at.get(r.node.iri) },
    ];
    for (const n of r.neighbors) {
      const p = pos.at.get(n.iri)!;
      els.push({
        data: { id: n.iri, label: n.name, type: n.type, colour: colourOf(n.type), hops: n.hops, side: p.x < 0 ? "left" : "right" },
        position: p,
      });
    }
    for (const n of r.neighbors) {
      const [src, dst] = edgeEnds(n.via);
      els.push({
        data: {
          id: `${src}|${n.via.predicate}|${dst}`,
          source: src,
          target: dst,
          label: n.via.predicate.replace(/_/g, " "),
          support: n.via.support,
          hop: n.via,
        },
      });
    }
    const cy = cytoscape({
      container: box.current,
      elements: els,
      wheelSensitivity: 0.3,
      maxZoom: 2,
      style: [
        {
          selector: "node",
          style: {
            "background-color": "data(colour)",
            label: "data(label)",
            "font-size": 12,
            "text-valign": "center",
            "text-halign": "right",
            "text-margin-x": 5,
            "text-wrap": "ellipsis",
            "text-max-width": "220px",
            width: 11,
            height: 11,
          },
        },
        { selector: "node[side = 'left']", style: { "text-halign": "left", "text-margin-x": -5 } },
        {
          selector: "node[hops = 0]",
          style: {
            width: 26,
            height: 26,
            "font-size": 15,
            "font-weight": "bold",
            "text-valign": "top",
            "text-halign": "center",
            "text-margin-y": -4,
            "text-background-color": "#ffffff",
            "text-background-opacity": 0.85,
            "text-max-width": "300px",
          },
        },
        {
          selector: "edge",
          style: {
            width: "mapData(support, 1, 20, 1, 5)",
            "line-color": "#c5c9cb",
            "target-arrow-color": "#c5c9cb",
            "target-arrow-shape": "triangle",
            "curve-style": "straight",
            "arrow-scale": 0.6,
          },
        },
        { selector: "edge:selected", style: { label: "data(label)", "font-size": 11, "line-color": "#34495e", "target-arrow-color": "#34495e" } },
        { selector: "node:selected", style: { "border-width": 3, "border-color": "#111" } },
      ],
      layout: { name: "preset", fit: true, padding: 20 },
    });
    cy.on("tap", "node", (ev) => go({ view: "card", e: ev.target.id() }));
    cy.on("tap", "edge", (ev) => setPicked(ev.target.data("hop")));
    window.newsgraphGraph = cy;
    return () => {
      cy.destroy();
      if (window.newsgraphGraph === cy) window.newsgraphGraph = undefined;
    };
  }, [r]);
  if (res.err) return html`<${Failure} err=${res.err} pick=${(c: Candidate) => ({ ...s, e: c.iri })} />`;
  if (!r) return html`<${Loading} what="the neighbourhood" />`;
  const types = [...new Set([r.node.type, ...r.neighbors.map((n) => n.type)])].filter((t) => t && typeColours[t]) as string[];
  return html`<section class="graph">
    <header>
      <h1>${r.node.name} <${TypeBadge} type=${r.node.type} /> <span class="muted">neighbourhood</span></h1>
      <${EntityNav} e=${r.node.iri} current="graph" />
      <p class="muted">
        ${r.neighbors.length} neighbour${r.neighbors.length === 1 ? "" : "s"} within${" "}
        <select name="hops" value=${String(hops)} onChange=${(ev: Event) => go({ ...s, hops: (ev.target as HTMLSelectElement).value === "2" ? "2" : undefined }, true)}>
          <option value="1">1 hop</option><option value="2">2 hops</option>
        </select>${" "}
        ${r.truncated && ` (the ${maxNodes - 1} most mentioned)`}. Click a node for its card, a link for its evidence.
      </p>
      <p class="legend">${types.map((t) => html`<span><i style=${{ background: colourOf(t) }}></i>${t}</span>`)}</p>
    </header>
    <div class="graph-box" ref=${box}></div>
    ${picked &&
    html`<aside class="picked">
      <b>${picked.from_name}</b> ${picked.direction === "out" ? `—[${picked.predicate}]→` : `←[${picked.predicate}]—`} <b>${picked.to_name}</b>
      <span class="muted"> · ${picked.support} statement${picked.support === 1 ? "" : "s"}</span>
      ${picked.evidence && html`<blockquote class="evidence"><span class=${`kind kind-${picked.kind}`}>${picked.kind}</span> <q>${picked.evidence}</q>
        <div class="source">${picked.article_title || picked.article}${picked.article_date && ` · ${picked.article_date}`}</div></blockquote>`}
    </aside>`}
  </section>`;
}

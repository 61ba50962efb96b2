// The graph view: an entity's neighbourhood drawn with Cytoscape.js.
// Nodes are labelled with their names and coloured by type; articles are
// never nodes, each edge stands for every article that supports the link
// (its width grows with their number, and its tooltip says how many).

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
    const els: cytoscape.ElementDefinition[] = [
      { data: { id: r.node.iri, label: r.node.name, type: r.node.type, colour: colourOf(r.node.type), hops: 0 } },
    ];
    for (const n of r.neighbors) {
      els.push({ data: { id: n.iri, label: n.name, type: n.type, colour: colourOf(n.type), hops: n.hops } });
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
      style: [
        {
          selector: "node",
          style: {
            "background-color": "data(colour)",
            label: "data(label)",
            "font-size": 11,
            "text-valign": "bottom",
            "text-margin-y": 3,
            "text-wrap": "ellipsis",
            "text-max-width": "130px",
            "text-background-color": "#ffffff",
            "text-background-opacity": 0.8,
            "text-background-padding": "1px",
            width: 16,
            height: 16,
          },
        },
        { selector: "node[hops = 0]", style: { width: 30, height: 30, "font-size": 14, "font-weight": "bold" } },
        {
          selector: "edge",
          style: {
            width: "mapData(support, 1, 20, 1, 6)",
            "line-color": "#b3b6b7",
            "target-arrow-color": "#b3b6b7",
            "target-arrow-shape": "triangle",
            "curve-style": "bezier",
            "arrow-scale": 0.7,
          },
        },
        { selector: "edge:selected", style: { label: "data(label)", "font-size": 10, "line-color": "#34495e", "target-arrow-color": "#34495e" } },
        { selector: "node:selected", style: { "border-width": 3, "border-color": "#111" } },
      ],
      // Rings by distance, the most mentioned first on each: with a
      // hundred nodes the labels stay apart where a force layout
      // piles them into a star.
      layout: {
        name: "concentric",
        concentric: (n: cytoscape.NodeSingular) => 10 - Number(n.data("hops")),
        levelWidth: () => 1,
        minNodeSpacing: 28,
        animate: false,
      } as cytoscape.ConcentricLayoutOptions,
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
        ${r.neighbors.length} neighbour${r.neighbors.length === 1 ? "" : "s"} within
        <select name="hops" value=${String(hops)} onChange=${(ev: Event) => go({ ...s, hops: (ev.target as HTMLSelectElement).value === "2" ? "2" : undefined }, true)}>
          <option value="1">1 hop</option><option value="2">2 hops</option>
        </select>
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

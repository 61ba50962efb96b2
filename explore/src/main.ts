// The explorer page: a search box over every view, and the view the URL
// names (state.ts).

import { html } from "htm/preact";
import { render } from "preact";
import { useEffect, useState } from "preact/hooks";

import { GraphView } from "./graph";
import { MapView } from "./map";
import { go, href, navigate, useLocation, type State } from "./state";
import { CardView, PathView, SearchView, TimelineView } from "./views";
import "./style.css";

function SearchBox(props: { q?: string }) {
  const [q, setQ] = useState(props.q ?? "");
  useEffect(() => setQ(props.q ?? ""), [props.q]);
  const submit = (ev: Event) => {
    ev.preventDefault();
    if (q.trim()) go({ view: "search", q: q.trim() });
  };
  return html`<form class="search" role="search" onSubmit=${submit}>
    <input type="search" name="q" placeholder="A name, in any spelling: Kataib Hizbollah, Ain al-Assad…" aria-label="Search for an entity"
      value=${q} onInput=${(ev: Event) => setQ((ev.target as HTMLInputElement).value)} />
    <button type="submit">Search</button>
  </form>`;
}

function App() {
  const s = useLocation();
  const home: State = { view: "search" };
  let view;
  switch (s.view) {
    case "card":
      view = s.e ? html`<${CardView} e=${s.e} />` : null;
      break;
    case "timeline":
      view = s.e ? html`<${TimelineView} s=${s} />` : null;
      break;
    case "graph":
      view = s.e ? html`<${GraphView} s=${s} />` : null;
      break;
    case "path":
      view = html`<${PathView} s=${s} />`;
      break;
    case "map":
      view = html`<${MapView} s=${s} />`;
      break;
  }
  return html`<header class="top">
      <a class="brand" href=${href(home)} onClick=${navigate(home)}>newsgraph <span>explorer</span></a>
      <${SearchBox} q=${s.q} />
      <nav>
        <a href=${href({ view: "map" })} onClick=${navigate({ view: "map" })}>Map</a>
        <a href=${href({ view: "path" })} onClick=${navigate({ view: "path" })}>Paths</a>
        <a href="/">Gizmo console</a>
      </nav>
    </header>
    <main>${view ?? html`<${SearchView} q=${s.q} />`}</main>`;
}

render(html`<${App} />`, document.getElementById("app")!);

// The explorer's state lives in the URL's query string, so that any view
// can be shared as a link, reloaded, and walked back with the browser's
// Back button.

import { useEffect, useState } from "preact/hooks";

export type View = "search" | "card" | "timeline" | "graph" | "path" | "map";

export interface State {
  view: View;
  q?: string; // search: the name typed
  e?: string; // card, timeline, graph: the entity (IRI or name)
  from?: string; // path
  to?: string;
  k?: string;
  types?: string; // timeline, map: event types shown, comma-separated
  since?: string; // timeline, map: ISO date or prefix
  until?: string;
  hops?: string; // graph
  actor?: string; // map: the IRI of the agent whose events are shown
  at?: string; // map: the place picked, "lat,lon"
  inc?: string; // map: the incident picked, its IRI
}

const keys: (keyof State)[] = ["view", "q", "e", "from", "to", "k", "types", "since", "until", "hops", "actor", "at", "inc"];

export function readState(search: string = location.search): State {
  const p = new URLSearchParams(search);
  const s: State = { view: (p.get("view") as View) || "search" };
  for (const k of keys) {
    const v = p.get(k);
    if (k !== "view" && v) (s as unknown as Record<string, string>)[k] = v;
  }
  return s;
}

/** href is the address of a state, relative to the page. */
export function href(s: State): string {
  const p = new URLSearchParams();
  for (const k of keys) {
    const v = s[k];
    if (v) p.set(k, v);
  }
  return `?${p}`;
}

const listeners = new Set<(s: State) => void>();

/** go shows a state, adding it to the history unless replace is set. */
export function go(s: State, replace = false): void {
  if (replace) history.replaceState(null, "", href(s));
  else history.pushState(null, "", href(s));
  for (const l of listeners) l(s);
}

window.addEventListener("popstate", () => {
  const s = readState();
  for (const l of listeners) l(s);
});

/** useLocation is the current state, updated on navigation. */
export function useLocation(): State {
  const [s, set] = useState(readState());
  useEffect(() => {
    listeners.add(set);
    return () => void listeners.delete(set);
  }, []);
  return s;
}

/** navigate is a link's click handler: it stays on the page instead of reloading it. */
export function navigate(s: State) {
  return (ev: MouseEvent) => {
    if (ev.button !== 0 || ev.ctrlKey || ev.metaKey || ev.shiftKey) return; // a new tab gets the href
    ev.preventDefault();
    go(s);
    window.scrollTo(0, 0);
  };
}

/** toggledTypes is the types parameter once ty is switched on or off:
 * undefined when every type of all is shown, "none" when none is. */
export function toggledTypes(shown: Set<string>, all: string[], ty: string): string | undefined {
  const next = new Set(shown);
  if (next.has(ty)) next.delete(ty);
  else next.add(ty);
  return next.size === all.length ? undefined : [...next].sort().join(",") || "none";
}

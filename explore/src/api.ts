// The JSON routes of `newsgraph serve` the explorer reads, and their
// shapes (graph/server and graph/path in the Go code). Every call is
// relative to the page's own origin, so the page works on whatever
// address the server was given.

export interface Node {
  iri: string;
  name: string;
  type?: string;
}

export interface Candidate extends Node {
  aliases?: string[];
  matched: string;
  how: string;
  score: number;
}

export interface Claim {
  kind: string;
  evidence: string;
  article: string;
  article_title?: string;
  outlet?: string;
  article_date?: string;
}

export interface Link extends Claim {
  predicate: string;
  direction: "out" | "in";
  support: number;
}

export interface Hop extends Link {
  from: string;
  from_name: string;
  to: string;
  to_name: string;
  also?: Link[];
}

export interface Path {
  cost: number;
  nodes: Node[];
  hops: Hop[];
}

export interface PathResult {
  from: Node;
  to: Node;
  paths: Path[];
  hubs_avoided?: Node[];
}

export interface Neighbor extends Node {
  hops: number;
  via: Hop;
}

export interface NeighborsResult {
  node: Node;
  hops: number;
  neighbors: Neighbor[];
  truncated: boolean;
}

export interface TimelineEntry extends Claim {
  event: string;
  type: string;
  date?: string;
  date_note?: string;
  status?: string;
  roles: string[];
  participants?: Record<string, string>;
}

/** Cut says that a list route's answer was cut, by which limit (graph/server/cut.go). */
export interface Cut {
  limit: number;
  total: number;
  setting: string;
  note: string;
}

export interface TimelineResult {
  actor: Node;
  events: TimelineEntry[];
  cut?: Cut;
}

export interface Evidence {
  kind: string;
  sentence: string;
  role?: string;
  asserted_by?: string;
  article: string;
  article_title?: string;
  outlet?: string;
  article_date?: string;
}

export interface Fact {
  other: Node;
  kinds: Record<string, number>;
  asserted_by?: Node[];
  articles: number;
  outlets: number;
  statements: number;
  evidence: Evidence[];
}

export interface FactGroup {
  predicate: string;
  direction: "out" | "in";
  facts: Fact[];
}

/** FactResult is one fact of a card with more of its evidence (/api/fact). */
export interface FactResult {
  entity: Node;
  predicate: string;
  direction: "out" | "in";
  fact: Fact;
}

export interface Card extends Node {
  aliases: string[];
  wikidata?: string;
  place?: Place;
  articles: number;
  outlets: { outlet: string; articles: number }[];
  facts: FactGroup[];
  statements: number;
  truncated?: boolean;
}

/** An error reply of the server: ambiguous and unknown names carry candidates. */
export class APIError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly kind?: string,
    readonly entity?: string,
    readonly candidates: Candidate[] = [],
  ) {
    super(message);
  }
}

/** get fetches a route and decodes its JSON, turning error replies into APIErrors. */
export async function get<T>(route: string, params: Record<string, string | number | undefined>): Promise<T> {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== "") q.set(k, String(v));
  }
  const resp = await fetch(`${route}?${q}`, { headers: { Accept: "application/json" } });
  const body = await resp.json().catch(() => ({ error: `${resp.status} ${resp.statusText}` }));
  if (!resp.ok) {
    throw new APIError(body.error ?? resp.statusText, resp.status, body.kind, body.name, body.candidates ?? []);
  }
  return body as T;
}

export interface Place {
  lat: number;
  lon: number;
  precision: string;
}

/** MapEvent is a placed event of /api/map (graph/server/geo.go). */
export interface MapEvent extends Node {
  event_type: string;
  date?: string;
  date_note?: string;
  status?: string;
  kind: string;
  evidence: string;
  place: Place;
  at?: Node;
  agents?: Node[];
  targets?: Node[];
  article: string;
  article_title?: string;
  outlet?: string;
  article_date?: string;
  distance_km?: number;
}

/** MapReport is one article's report of an incident. */
export interface MapReport {
  event: string;
  date?: string;
  kind: string;
  evidence: string;
  agents?: Node[];
  article: string;
  article_title?: string;
  outlet?: string;
  article_date?: string;
}

/** ContradictionReport is one report on a side of a contradiction (analysis.Report). */
export interface ContradictionReport {
  node: string;
  kind: string;
  evidence: string;
  article: string;
  outlet?: string;
  title?: string;
  date?: string;
}

/** Contradiction is what two sides say against each other of one incident or fact. */
export interface Contradiction {
  id: string;
  kind: string;
  incident?: string;
  about: string;
  sides: { agents?: string[]; outlets: number; reports: ContradictionReport[] }[];
}

/** MapIncident is a placed incident of /api/map: events of several
 * articles that are one happening, drawn once. */
export interface MapIncident {
  iri: string;
  event_type: string;
  date: string;
  precision: string;
  articles: number;
  outlets: number;
  place: Place;
  at?: Node;
  agents?: Node[];
  targets?: Node[];
  reports: MapReport[];
  contradictions?: Contradiction[];
  distance_km?: number;
}

export interface MapResult {
  events: MapEvent[];
  incidents: MapIncident[];
  unplaced: number;
  truncated?: boolean;
  cut?: Cut;
}

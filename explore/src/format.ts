// How values of the graph are shown: type colours, predicates, dates.

/** typeColours gives each entity type (docs/schema.md) and events a colour. */
export const typeColours: Record<string, string> = {
  ArmedGroup: "#c0392b",
  Country: "#2471a3",
  GovernmentBody: "#1e8449",
  Coalition: "#af601a",
  Person: "#7d3c98",
  MilitaryBase: "#566573",
  Place: "#17a589",
  Agreement: "#b7950b",
  Event: "#d35400",
  Organization: "#2e4053",
  MediaOutlet: "#a04000",
};

export function colourOf(type?: string): string {
  return (type && typeColours[type]) || "#7f8c8d";
}

/** predicateLabel reads a predicate in the direction of the entity shown:
 * "threatened" from its subject, "threatened by" from its object. */
export function predicateLabel(pred: string, direction: "out" | "in"): string {
  const words = pred.replace(/_/g, " ");
  if (direction === "out") return words;
  switch (pred) {
    case "member_of":
      return "has member";
    case "part_of":
      return "includes";
    case "located_in":
      return "contains";
    case "backed_by":
      return "backs";
    case "leader_of":
      return "led by";
    case "capital_of":
      return "has capital";
    case "agent":
    case "target":
    case "location":
    case "about":
      return `is ${words} of`;
  }
  return `${words} (by)`;
}

/** datePrecision says how much of a partial ISO 8601 date is known. */
export function datePrecision(d?: string): string {
  if (!d) return "undated";
  if (d.startsWith("--")) return "day and month, no year";
  if (/^\d{4}$/.test(d)) return "year";
  if (/^\d{4}-\d{2}$/.test(d)) return "month";
  if (/^\d{4}-\d{2}-\d{2}/.test(d)) return "day";
  return "as written";
}

/** inRange reports whether a partial date falls between since and until,
 * both partial dates too: a range takes in every date it prefixes, so
 * since=2024 and until=2024-06 admit 2024-03-01 and 2024-06-30. An
 * undated event, or one without a year, falls in no range. */
export function inRange(d: string | undefined, since?: string, until?: string): boolean {
  if (!since && !until) return true;
  if (!d || d.startsWith("--")) return false;
  if (since && d < since && !since.startsWith(d)) return false;
  if (until && d > until && !d.startsWith(until)) return false;
  return true;
}

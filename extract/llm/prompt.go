package llm

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/newsgraph/newsgraph/schema"
	"github.com/newsgraph/newsgraph/source"
)

// PromptVersion is part of the extractor's name and of every cache key.
// Bump it whenever the interpretation of answers changes, so that stored
// extractions are not reused. A change of the prompt or the response
// schema (the vocabulary included) changes promptHash, which is part of
// both too.
const PromptVersion = "1"

// promptHash identifies the system prompt and the response schema.
var promptHash = func() string {
	h := sha256.New()
	h.Write([]byte(systemPrompt))
	data, err := json.Marshal(responseSchema)
	if err != nil {
		panic(err) // a programming error: the schema is built from plain values
	}
	h.Write(data)
	return hex.EncodeToString(h.Sum(nil))[:8]
}()

// schemaName is the name of the response format sent with every request.
const schemaName = "newsgraph_extraction"

// typeMeanings explains the entity types to the model. A test checks that
// every schema.EntityTypes entry has one.
var typeMeanings = map[string]string{
	schema.ArmedGroup:     "a militia, insurgent or terrorist group, or a named armed unit that is not a state's regular forces",
	schema.Country:        "a sovereign state, named as such (Iraq, the United States)",
	schema.GovernmentBody: "a government, ministry, parliament, army or other state institution, including a state's armed forces",
	schema.Coalition:      "an alliance or coalition of states or groups (the international coalition, the Axis of Resistance)",
	schema.Person:         "a named individual",
	schema.MilitaryBase:   "a military base, airbase or other installation",
	schema.Place:          "a city, region, body of water, building or other location that is not a country",
	schema.Agreement:      "an agreement, treaty, deal or negotiation track",
	schema.EventEntity:    "a named historical event referred to as a thing (the Iraq War, the fall of Mosul)",
	schema.Organization:   "a non-governmental organisation, company, think tank or institute",
	schema.MediaOutlet:    "a newspaper, news agency, channel or website",
}

// eventMeanings explains the event types. A test checks that every
// schema.EventTypes entry has one.
var eventMeanings = map[string]string{
	schema.EvAttack:        "an attack (rockets, drones, shelling, raids) other than an airstrike",
	schema.EvAirstrike:     "a strike from aircraft or drones operated by a state",
	schema.EvWithdrawal:    "forces leaving a place or a base being closed or handed over",
	schema.EvAgreement:     "an agreement reached or signed",
	schema.EvNegotiation:   "talks or a negotiation round",
	schema.EvStatement:     "a statement, declaration or report made by the agent; an announced suspension of attacks is one, addressed to those attacked",
	schema.EvThreat:        "a threat, or an announced plan of hostile action",
	schema.EvMeeting:       "a meeting between the agent and the target",
	schema.EvSuspension:    "not for new records (stores written before 2026-12-08 hold it): a suspension of attacks is a Statement",
	schema.EvDeployment:    "forces sent to or stationed at a place",
	schema.EvAssassination: "a targeted killing of a person",
}

// kindMeanings explains the claim kinds. A test checks that every
// schema.Kinds entry has one.
var kindMeanings = map[string]string{
	schema.Stated:     "asserted in the article's own voice (narrator or headline)",
	schema.Reported:   "attributed to an official, a named or unnamed source, or another outlet",
	schema.Claimed:    "a contested or partisan claim by an actor (responsibility claims, militia assertions)",
	schema.Denied:     "the subject disowns or denies it",
	schema.Threatened: "a threat or an announced plan of hostile action",
}

// statuses are the event statuses of the gold standard's conventions.
var statuses = []string{"occurred", "planned", "in_progress", "partial", "ongoing", "concluded", "reported", "claimed"}

// systemPrompt is the fixed instruction: the task and the vocabulary.
var systemPrompt = buildSystemPrompt()

func buildSystemPrompt() string {
	var b strings.Builder
	b.WriteString(`You extract a knowledge graph from one news article about conflict and security.
Answer with a single JSON object that follows the given JSON schema, and nothing else.

entities: every named entity the article mentions.
- name: the usual English name of the entity (the same entity always gets the same name, whatever the spelling in the text).
- type: one of the entity types below.
- mentions: every surface form the article uses for it, copied exactly as written (same spelling, quotes and capitals). Spelling variants of one real-world entity are ONE entity.

facts: relations the article asserts, with a predicate from the list below only.
- subject, object: the name of an entity in your entities list, or the ref of an event in your events list where the predicate admits events.
- kind: how the article presents the fact (see claim kinds).
- evidence: the sentence or clause of the article that states the fact, copied verbatim. A fact whose evidence is not in the article is discarded.
- role: for holds_role, minister_of and the like, the exact title used in the text; otherwise null.
- asserted_by: the name of the entity that asserts the fact, when the text says; otherwise null.

events: things that happened, are happening, are planned or are threatened.
- ref: a short label of your choice (e1, e2, ...) that facts may use as subject or object.
- type: one of the event types below.
- agent: the name of the actor (the speaker for statements and threats); target: the attacked, threatened or addressed party; location: where; about: the name of an entity or the ref of an event it concerns. Each null when the text does not say.
- date: ISO 8601 (YYYY, YYYY-MM, YYYY-MM-DD, or --MM-DD when the text gives no year), or null.
- status, kind, evidence: as for facts; evidence is copied verbatim.

Extract only what the article says; do not add knowledge of your own.

Entity types:
`)
	for _, t := range schema.EntityTypes {
		fmt.Fprintf(&b, "- %s: %s\n", t, typeMeanings[t])
	}
	b.WriteString("\nPredicates (subject types -> object types: meaning):\n")
	for _, p := range schema.Predicates {
		fmt.Fprintf(&b, "- %s (%s -> %s): %s\n", p.Name, strings.Join(p.Domain, "|"), strings.Join(p.Range, "|"), p.Meaning)
	}
	b.WriteString("\nEvent types:\n")
	for _, t := range schema.EventTypes {
		fmt.Fprintf(&b, "- %s: %s\n", t, eventMeanings[t])
	}
	b.WriteString("\nClaim kinds:\n")
	for _, k := range schema.Kinds {
		fmt.Fprintf(&b, "- %s: %s\n", k, kindMeanings[k])
	}
	return b.String()
}

// userPrompt is the article: its metadata and its text.
func userPrompt(a *source.Article) string {
	var b strings.Builder
	if a.Title != "" {
		fmt.Fprintf(&b, "Title: %s\n", a.Title)
	}
	if a.Outlet != "" {
		fmt.Fprintf(&b, "Outlet: %s\n", a.Outlet)
	}
	if a.Author != "" {
		fmt.Fprintf(&b, "Author: %s\n", a.Author)
	}
	if a.Date != "" {
		fmt.Fprintf(&b, "Date: %s\n", a.Date)
	}
	b.WriteString("\nArticle:\n")
	b.WriteString(a.Text)
	return b.String()
}

// responseSchema is the JSON schema of the answer, in the subset that
// strict structured output accepts: every object closes its properties
// (additionalProperties false) and requires all of them; optional values
// are nullable instead of absent.
var responseSchema = buildResponseSchema()

func buildResponseSchema() map[string]any {
	str := map[string]any{"type": "string"}
	nullable := map[string]any{"type": []string{"string", "null"}}
	enum := func(values []string) map[string]any { return map[string]any{"type": "string", "enum": values} }
	object := func(props map[string]any, order ...string) map[string]any {
		return map[string]any{"type": "object", "additionalProperties": false, "required": order, "properties": props}
	}
	array := func(items any) map[string]any { return map[string]any{"type": "array", "items": items} }
	statusEnum := make([]any, 0, len(statuses)+1)
	for _, s := range statuses {
		statusEnum = append(statusEnum, s)
	}
	statusEnum = append(statusEnum, nil)

	entity := object(map[string]any{
		"name":     str,
		"type":     enum(schema.EntityTypes),
		"mentions": array(str),
	}, "name", "type", "mentions")
	fact := object(map[string]any{
		"subject":     str,
		"predicate":   enum(schema.PredicateNames()),
		"object":      str,
		"kind":        enum(schema.Kinds),
		"evidence":    str,
		"role":        nullable,
		"asserted_by": nullable,
	}, "subject", "predicate", "object", "kind", "evidence", "role", "asserted_by")
	event := object(map[string]any{
		"ref":      str,
		"type":     enum(schema.EventTypes),
		"agent":    nullable,
		"target":   nullable,
		"location": nullable,
		"about":    nullable,
		"date":     nullable,
		"status":   map[string]any{"type": []string{"string", "null"}, "enum": statusEnum},
		"kind":     enum(schema.Kinds),
		"evidence": str,
	}, "ref", "type", "agent", "target", "location", "about", "date", "status", "kind", "evidence")
	return object(map[string]any{
		"entities": array(entity),
		"facts":    array(fact),
		"events":   array(event),
	}, "entities", "facts", "events")
}

// The answer as the schema describes it. Nullable strings decode to "".
type (
	answer struct {
		Entities []answerEntity `json:"entities"`
		Facts    []answerFact   `json:"facts"`
		Events   []answerEvent  `json:"events"`
	}
	answerEntity struct {
		Name     string   `json:"name"`
		Type     string   `json:"type"`
		Mentions []string `json:"mentions"`
	}
	answerFact struct {
		Subject    string `json:"subject"`
		Predicate  string `json:"predicate"`
		Object     string `json:"object"`
		Kind       string `json:"kind"`
		Evidence   string `json:"evidence"`
		Role       string `json:"role"`
		AssertedBy string `json:"asserted_by"`
	}
	answerEvent struct {
		Ref      string `json:"ref"`
		Type     string `json:"type"`
		Agent    string `json:"agent"`
		Target   string `json:"target"`
		Location string `json:"location"`
		About    string `json:"about"`
		Date     string `json:"date"`
		Status   string `json:"status"`
		Kind     string `json:"kind"`
		Evidence string `json:"evidence"`
	}
)

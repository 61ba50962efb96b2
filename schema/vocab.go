// Package schema holds newsgraph's vocabulary — entity types, predicates with
// their domain and range, event types and claim kinds — the records that
// extractors produce, and the mapping of those records to quads.
//
// It is the one package that knows both the extractor's words (records) and
// the store's words (quads): extract produces Records, schema turns them into
// validated quads, graph loads the quads without knowing what they mean.
package schema

import (
	"fmt"
	"sort"
	"strings"
	"time"
)

// Entity types. Every entity node carries exactly one of these as rdf:type.
const (
	ArmedGroup     = "ArmedGroup"
	Country        = "Country"
	GovernmentBody = "GovernmentBody"
	Coalition      = "Coalition"
	Person         = "Person"
	MilitaryBase   = "MilitaryBase"
	Place          = "Place"
	Agreement      = "Agreement"
	EventEntity    = "Event" // a named historical event that is referred to as an entity ("the Iraq War")
	Organization   = "Organization"
	MediaOutlet    = "MediaOutlet"
)

// EntityTypes lists every entity type, in a stable order.
var EntityTypes = []string{
	ArmedGroup, Country, GovernmentBody, Coalition, Person, MilitaryBase,
	Place, Agreement, EventEntity, Organization, MediaOutlet,
}

// Event types. Extracted events are nodes typed with one of these and also
// with the generic Event type, so that a query can ask for either.
const (
	EvAttack        = "Attack"
	EvAirstrike     = "Airstrike"
	EvWithdrawal    = "Withdrawal"
	EvAgreement     = "Agreement" // reaching or signing an agreement
	EvNegotiation   = "Negotiation"
	EvStatement     = "Statement"
	EvThreat        = "Threat"
	EvMeeting       = "Meeting"
	EvSuspension    = "Suspension" // a suspension of attacks or operations
	EvDeployment    = "Deployment"
	EvAssassination = "Assassination"
)

// EventTypes lists every event type, in a stable order.
var EventTypes = []string{
	EvAttack, EvAirstrike, EvWithdrawal, EvAgreement, EvNegotiation, EvStatement,
	EvThreat, EvMeeting, EvSuspension, EvDeployment, EvAssassination,
}

// Claim kinds: how the article presents a fact or an event.
const (
	Stated     = "stated"     // the article's own (narrator or headline) voice
	Reported   = "reported"   // attributed to an official, a source or another outlet
	Claimed    = "claimed"    // a contested or partisan claim by an actor
	Denied     = "denied"     // the subject disowns or denies it
	Threatened = "threatened" // a threat or an announced plan of hostile action
)

// Date precisions: what an event's date rests on.
const (
	PrecisionDay      = "day"      // the text gives the day (2024-01-24, or --01-24 with no year)
	PrecisionMonth    = "month"    // the text gives a month (2024-01)
	PrecisionYear     = "year"     // the text gives a year (2024)
	PrecisionReported = "reported" // the text gives none: the date is the article's
)

// PrecisionOf is the precision a date stated in the text has, read from its
// ISO form; "" for no date.
func PrecisionOf(date string) string {
	switch {
	case date == "":
		return ""
	case len(date) == 4:
		return PrecisionYear
	case len(date) == 7 && date[0] != '-':
		return PrecisionMonth
	}
	return PrecisionDay
}

// CheckDate reports whether s is a date in a form that event dates compare
// with as strings: a day, a month or a year (2024-03-10, 2024-03, 2024).
// Commands and routes that bound dates check theirs with it, so that a
// mistyped bound is an error rather than a silent filter on nothing.
func CheckDate(s string) error {
	for _, layout := range []string{"2006-01-02", "2006-01", "2006"} {
		if len(s) == len(layout) {
			if _, err := time.Parse(layout, s); err == nil {
				return nil
			}
		}
	}
	return fmt.Errorf("%q is not a date: want YYYY-MM-DD, YYYY-MM or YYYY", s)
}

// Layout numbers the way records are mapped to quads (ToQuads). It is
// part of extract.Version, which every article stores as its
// ng:extractor and a rebuild's manifest and quad cache record: an article
// loaded under an earlier layout is not taken for unchanged, so the next
// build or rebuild writes it again in this one. Layout 2 leaves the
// defaults below unwritten.
const Layout = "layout2"

// Defaults: values a statement or an event is written without, which
// every reader takes where the store has none (docs/schema.md,
// *Defaults*). Each is the value most of them have.
const (
	// EventConfidence and StatementConfidence are the confidences the
	// rules give every event and most facts. A record without an
	// estimate (0) is written with an explicit 0.
	EventConfidence     = 0.6
	StatementConfidence = 0.7
	// NoDateNote is the note of an event without a date: neither the
	// text nor the article gives one. An event with neither ng:date nor
	// ng:dateNote has it (DateNoteOf).
	NoDateNote = "neither the text nor the article gives a date"
)

// DateNoteOf is the note of an event that has the date date and the
// stored note note (either may be ""): the note, or NoDateNote for an
// event with neither.
func DateNoteOf(date, note string) string {
	if date == "" && note == "" {
		return NoDateNote
	}
	return note
}

// Kinds lists every claim kind, in a stable order.
var Kinds = []string{Stated, Reported, Claimed, Denied, Threatened}

// Predicate is a binary relation of the closed predicate set.
type Predicate struct {
	Name    string   // snake_case, as in the IRI
	Domain  []string // entity types allowed as subject ("Event" admits event nodes)
	Range   []string // entity types allowed as object
	Meaning string
}

func types(s string) []string { return strings.Split(s, "|") }

// Predicates is the closed predicate set. Its names and meanings follow the
// annotation guidelines of the gold standard, so that extractions can be
// scored against annotated articles without translation.
var Predicates = []Predicate{
	{"member_of", types("ArmedGroup|Country"), types("ArmedGroup|Coalition"), "Subject is a member or component group of an umbrella group, coalition or axis."},
	{"part_of", types("Agreement"), types("Agreement"), "Subject agreement was concluded within the object negotiation track."},
	{"located_in", types("Place|MilitaryBase|Event"), types("Place|Country|GovernmentBody"), "Subject is physically located in object."},
	{"located_near", types("Place|MilitaryBase"), types("Place|MilitaryBase"), "Subject is stated to be near object."},
	{"capital_of", types("Place"), types("Country"), "Subject city is the capital of object country."},
	{"active_in", types("ArmedGroup|Coalition"), types("Country|Place"), "Group operates or has a centre in the country or area."},
	{"leader_of", types("Country|Person"), types("Coalition|ArmedGroup"), "Subject leads object."},
	{"holds_role", types("Person"), types("ArmedGroup|GovernmentBody|Organization|Country|MediaOutlet"), "Person holds the role given in the fact's role field in or for the object."},
	{"spokesperson_for", types("Person"), types("ArmedGroup|GovernmentBody"), "Person is spokesperson of object."},
	{"ambassador_to", types("Person"), types("Country"), "Person is an ambassador posted to object country."},
	{"minister_of", types("Person"), types("Country|GovernmentBody"), "Person is a minister of object (portfolio in the role field)."},
	{"prime_minister_of", types("Person"), types("Country"), "Person is (or was) prime minister of object."},
	{"president_of", types("Person"), types("Country"), "Person is president of object."},
	{"editor_of", types("Person"), types("MediaOutlet"), "Person is editor of object outlet."},
	{"backed_by", types("ArmedGroup|Country|GovernmentBody|Coalition"), types("Country|GovernmentBody|ArmedGroup|Coalition|Person"), "Subject receives military, political or material support from object."},
	{"allied_with", types("Country|ArmedGroup"), types("Country|ArmedGroup"), "Subject is described as ally of object."},
	{"party_to", types("Country|GovernmentBody|Person"), types("Agreement|Event"), "Subject is a party to an agreement, negotiation or war."},
	{"concerns", types("Agreement|Event"), types("Coalition|GovernmentBody|ArmedGroup|Country"), "Agreement or negotiation is about object."},
	{"announced", types("GovernmentBody|Person"), types("Agreement|Event"), "Subject officially announced object."},
	{"stated", types("Person|GovernmentBody|ArmedGroup|Country"), types("Event"), "Subject made the statement or threat recorded as the object event."},
	{"attacked", types("ArmedGroup|Country|GovernmentBody|Coalition|Person"), types("ArmedGroup|Country|GovernmentBody|Coalition|Person|MilitaryBase|Place"), "Subject carried out (or, for a person, ordered) an attack on object."},
	{"targeted", types("ArmedGroup|Country|GovernmentBody|Coalition"), types("ArmedGroup|Country|GovernmentBody|Coalition|Person|MilitaryBase|Place"), "Subject directed a hostile operation other than a strike at object."},
	{"claimed_responsibility_for", types("ArmedGroup"), types("Event"), "Group claimed the object attack."},
	{"denied_responsibility_for", types("ArmedGroup|Person"), types("Event"), "Subject denied or disowned the object attack."},
	{"withdrew_from", types("Country|GovernmentBody|Coalition"), types("Place|MilitaryBase|Country"), "Subject's forces left or closed (a base in) object."},
	{"deployed_at", types("Country|GovernmentBody|Coalition"), types("Place|MilitaryBase|Country"), "Subject's forces are or were stationed at object."},
	{"threatened", types("ArmedGroup|Country|GovernmentBody|Coalition|Person"), types("ArmedGroup|Country|GovernmentBody|Coalition|Person|MilitaryBase|Place"), "Subject threatened (or announced plans to strike) object."},
	{"demanded_withdrawal_of", types("ArmedGroup|Country|GovernmentBody|Coalition"), types("GovernmentBody|Coalition|Country"), "Subject demands that object's forces or bases leave."},
	{"met_with", types("Person"), types("Person"), "Subject held talks or a meeting with object."},
	{"killed", types("Country|ArmedGroup|GovernmentBody"), types("Person"), "Subject killed object."},
	{"overthrew", types("Country"), types("Person|GovernmentBody"), "Subject toppled object ruler or regime."},
	{"fought_against", types("ArmedGroup|Country|Coalition|GovernmentBody"), types("ArmedGroup"), "Subject fought or conducted a military mission against object."},
}

var predicateIndex = func() map[string]*Predicate {
	m := make(map[string]*Predicate, len(Predicates))
	for i := range Predicates {
		m[Predicates[i].Name] = &Predicates[i]
	}
	return m
}()

// LookupPredicate returns the predicate of that name, or nil.
func LookupPredicate(name string) *Predicate { return predicateIndex[name] }

// IsEntityType reports whether t is an entity type.
func IsEntityType(t string) bool { return contains(EntityTypes, t) }

// IsEventType reports whether t is an event type.
func IsEventType(t string) bool { return contains(EventTypes, t) }

// IsKind reports whether k is a claim kind.
func IsKind(k string) bool { return contains(Kinds, k) }

// PredicateNames returns the names of the closed predicate set, sorted.
func PredicateNames() []string {
	out := make([]string, 0, len(Predicates))
	for _, p := range Predicates {
		out = append(out, p.Name)
	}
	sort.Strings(out)
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

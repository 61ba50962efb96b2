package schema

// Record is what an extractor makes of one article: the article's metadata,
// the entities it mentions, the binary facts it asserts and the events it
// reports. Its JSON form is the JSON Lines format of the gold standard
// (one record per line), with optional fields added.
type Record struct {
	Doc      string   `json:"doc"` // the article's file name (or URL), as the gold standard keys it
	Article  Article  `json:"article"`
	Entities []Entity `json:"entities"`
	Facts    []Fact   `json:"facts"`
	Events   []Event  `json:"events"`
}

// Article is the provenance of every quad a record produces.
type Article struct {
	ID     string `json:"id"`               // content hash (hex); stable across builds
	Source string `json:"source"`           // path or URL it was read from
	Title  string `json:"title,omitempty"`  // headline
	Outlet string `json:"outlet,omitempty"` // publishing outlet, when the text names it
	Author string `json:"author,omitempty"`
	Date   string `json:"date,omitempty"` // ISO 8601 (YYYY-MM-DD), when known
	// Credit is the wire service the text credits ("AFP" for "(AFP)"):
	// copies of one wire story under several mastheads are one source.
	Credit string `json:"credit,omitempty"`
	// Sketch is the SimHash of the text (16 hex digits): near-identical
	// texts have sketches a few bits apart.
	Sketch string `json:"sketch,omitempty"`
}

// Entity is one real-world entity as seen in one article.
type Entity struct {
	ID       string   `json:"id"`       // stable across articles: the slug of the canonical name
	Type     string   `json:"type"`     // one of EntityTypes
	Name     string   `json:"name"`     // canonical display name
	Mentions []string `json:"mentions"` // surface forms exactly as they occur in the article

	// Background knowledge from the lexicon, the same in every article.
	Wikidata string `json:"wikidata,omitempty"` // its Wikidata id ("Q796"), where one exists
	// Coords is where a place, base or country is: [latitude, longitude]
	// in degrees (WGS 84), nil when unknown.
	Coords []float64 `json:"coords,omitempty"`
	// GeoPrecision says what Coords stand for (one of GeoPrecisions);
	// empty means the default of the entity's type (DefaultGeoPrecision).
	GeoPrecision string `json:"geo_precision,omitempty"`
}

// Fact is a binary relation from the closed predicate set. S and O are
// entity ids, or event ids of the same record where the predicate's range
// (or domain) admits Event.
type Fact struct {
	S          string  `json:"s"`
	P          string  `json:"p"`
	O          string  `json:"o"`
	Kind       string  `json:"kind"`                  // one of Kinds
	Evidence   string  `json:"evidence"`              // the sentence (or clause) it rests on, verbatim
	Role       string  `json:"role,omitempty"`        // for holds_role and the like: the exact title
	AssertedBy string  `json:"asserted_by,omitempty"` // entity id of who asserts it, when the text says
	Confidence float64 `json:"confidence,omitempty"`  // 0..1, the extractor's own estimate
}

// Event is something that happened (or is threatened or planned), as a node.
type Event struct {
	ID       string `json:"id"`   // stable: derived from article, type, agent, target and evidence
	Type     string `json:"type"` // one of EventTypes
	Agent    string `json:"agent,omitempty"`
	Target   string `json:"target,omitempty"`
	Location string `json:"location,omitempty"`
	About    string `json:"about,omitempty"` // entity or event id the event concerns (an agreement, say)
	Date     string `json:"date,omitempty"`  // ISO 8601, possibly partial (YYYY, YYYY-MM, --MM-DD)
	// DatePrecision says what Date rests on: day, month or year from the
	// text, or reported (the text gives none; Date is the article's).
	DatePrecision string  `json:"date_precision,omitempty"`
	DateNote      string  `json:"date_note,omitempty"` // why a date is missing or not trusted
	Status        string  `json:"status,omitempty"`    // occurred, planned, in_progress, ...
	Kind          string  `json:"kind"`
	Evidence      string  `json:"evidence"`
	AssertedBy    string  `json:"asserted_by,omitempty"`
	Confidence    float64 `json:"confidence,omitempty"`
}

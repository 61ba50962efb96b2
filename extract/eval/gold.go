package eval

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
)

// Gold is an annotated set of articles in the gold file format of
// shared/gold/README.md. Only the fields that scoring and reporting use are
// kept; the vocabulary sections (entity_types, predicates, ...) and notes
// are ignored.
type Gold struct {
	SchemaVersion int            `json:"schema_version,omitempty"` // version of the gold format
	Documents     []GoldDocument `json:"documents"`                // the annotated articles, in scoring order
	Entities      []GoldEntity   `json:"entities"`                 // every entity, ids unique
	Facts         []GoldFact     `json:"facts"`                    // every fact, each of one article
	Events        []GoldEvent    `json:"events"`                   // every event, each of one article
}

// GoldDocument is one annotated article. Doc is its file name, the key that
// extraction records are matched on.
type GoldDocument struct {
	Doc    string `json:"doc"`              // file name
	Title  string `json:"title,omitempty"`  // headline
	Outlet string `json:"outlet,omitempty"` // publishing outlet
	Author string `json:"author,omitempty"` // author, if named
	Date   string `json:"date,omitempty"`   // ISO 8601 date, if given
	// Register is the kind of source (wire, think_tank, militia_aligned...)
	// and Split the part of a development set it belongs to (dev, blind);
	// both optional, for scoring a part of a gold file.
	Register string `json:"register,omitempty"`
	Split    string `json:"split,omitempty"`
}

// GoldEntity is one real-world entity with every surface form (alias) it
// takes in the annotated articles and the articles that mention it.
type GoldEntity struct {
	ID          string   `json:"id"`                     // the gold's id
	Type        string   `json:"type"`                   // entity type
	Name        string   `json:"name"`                   // canonical name
	Aliases     []string `json:"aliases"`                // surface forms, as in the texts
	MentionedIn []string `json:"mentioned_in,omitempty"` // docs of the articles that mention it
}

// GoldFact is one annotated fact. S and O are gold entity ids, or gold
// event ids for predicates whose range admits events; facts about events
// are scored through the events.
type GoldFact struct {
	S        string `json:"s"`                  // subject id
	P        string `json:"p"`                  // predicate
	O        string `json:"o"`                  // object id
	Doc      string `json:"doc"`                // the article that asserts it
	Kind     string `json:"kind,omitempty"`     // claim kind
	Evidence string `json:"evidence,omitempty"` // the supporting text, verbatim
}

// GoldEvent is one annotated event. Agent and Target are gold entity ids,
// or empty where the gold names none (null in the file).
type GoldEvent struct {
	ID       string `json:"id"`                 // the gold's id
	Type     string `json:"type"`               // event type
	Doc      string `json:"doc"`                // the article that reports it
	Agent    string `json:"agent,omitempty"`    // entity id of the actor
	Target   string `json:"target,omitempty"`   // entity id of the target
	Location string `json:"location,omitempty"` // entity id of the place
	Date     string `json:"date,omitempty"`     // ISO 8601, possibly partial
	Evidence string `json:"evidence,omitempty"` // the supporting text, verbatim
}

// The wire forms: pointers tell a missing key from an empty value, so that
// LoadGold rejects what score.py would crash on.
type (
	wireGold struct {
		Documents *[]wireDocument `json:"documents"`
		Entities  *[]wireEntity   `json:"entities"`
		Facts     *[]wireFact     `json:"facts"`
		Events    []wireEvent     `json:"events"`

		SchemaVersion int `json:"schema_version"`
	}
	wireDocument struct {
		Doc    *string `json:"doc"`
		Title  string  `json:"title"`
		Outlet string  `json:"outlet"`
		Author string  `json:"author"`
		Date   string  `json:"date"`

		Register string `json:"register"`
		Split    string `json:"split"`
	}
	wireEntity struct {
		ID          *string   `json:"id"`
		Type        *string   `json:"type"`
		Name        *string   `json:"name"`
		Aliases     *[]string `json:"aliases"`
		MentionedIn []string  `json:"mentioned_in"`
	}
	wireFact struct {
		S        *string `json:"s"`
		P        *string `json:"p"`
		O        *string `json:"o"`
		Doc      *string `json:"doc"`
		Kind     string  `json:"kind"`
		Evidence string  `json:"evidence"`
	}
	wireEvent struct {
		ID       *string `json:"id"`
		Type     *string `json:"type"`
		Doc      *string `json:"doc"`
		Agent    string  `json:"agent"`
		Target   string  `json:"target"`
		Location string  `json:"location"`
		Date     string  `json:"date"`
		Evidence string  `json:"evidence"`
	}
)

// LoadGold reads a gold file. It reports JSON errors with their line and
// column, and rejects a file that lacks what scoring needs: the documents,
// entities and facts sections; a doc name for every document; id, type,
// name and aliases for every entity (ids unique); s, p, o and doc for every
// fact; id, type and doc for every event.
func LoadGold(r io.Reader) (*Gold, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("eval: reading gold: %w", err)
	}
	var w wireGold
	dec := json.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&w); err != nil {
		return nil, fmt.Errorf("eval: gold: %w", jsonError(data, err))
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, fmt.Errorf("eval: gold: %s: data after the JSON object", position(data, dec.InputOffset()))
	}
	switch {
	case w.Documents == nil:
		return nil, errors.New("eval: gold: no \"documents\" section")
	case w.Entities == nil:
		return nil, errors.New("eval: gold: no \"entities\" section")
	case w.Facts == nil:
		return nil, errors.New("eval: gold: no \"facts\" section")
	}

	g := &Gold{SchemaVersion: w.SchemaVersion}
	seenDoc := map[string]bool{}
	for i, d := range *w.Documents {
		if d.Doc == nil || *d.Doc == "" {
			return nil, fmt.Errorf("eval: gold: documents[%d]: no \"doc\"", i)
		}
		if seenDoc[*d.Doc] {
			return nil, fmt.Errorf("eval: gold: documents[%d]: duplicate doc %q", i, *d.Doc)
		}
		seenDoc[*d.Doc] = true
		g.Documents = append(g.Documents, GoldDocument{Doc: *d.Doc, Title: d.Title, Outlet: d.Outlet, Author: d.Author, Date: d.Date, Register: d.Register, Split: d.Split})
	}
	seenID := map[string]bool{}
	for i, e := range *w.Entities {
		where := fmt.Sprintf("entities[%d]", i)
		if e.ID != nil {
			where += fmt.Sprintf(" (%q)", *e.ID)
		}
		switch {
		case e.ID == nil || *e.ID == "":
			return nil, fmt.Errorf("eval: gold: %s: no \"id\"", where)
		case e.Type == nil:
			return nil, fmt.Errorf("eval: gold: %s: no \"type\"", where)
		case e.Name == nil:
			return nil, fmt.Errorf("eval: gold: %s: no \"name\"", where)
		case e.Aliases == nil:
			return nil, fmt.Errorf("eval: gold: %s: no \"aliases\" (give [] for an unnamed entity)", where)
		case seenID[*e.ID]:
			return nil, fmt.Errorf("eval: gold: %s: duplicate entity id", where)
		}
		seenID[*e.ID] = true
		g.Entities = append(g.Entities, GoldEntity{ID: *e.ID, Type: *e.Type, Name: *e.Name, Aliases: *e.Aliases, MentionedIn: e.MentionedIn})
	}
	for i, f := range *w.Facts {
		for _, req := range []struct {
			key string
			v   *string
		}{{"s", f.S}, {"p", f.P}, {"o", f.O}, {"doc", f.Doc}} {
			if req.v == nil {
				return nil, fmt.Errorf("eval: gold: facts[%d]: no %q", i, req.key)
			}
		}
		g.Facts = append(g.Facts, GoldFact{S: *f.S, P: *f.P, O: *f.O, Doc: *f.Doc, Kind: f.Kind, Evidence: f.Evidence})
	}
	for i, e := range w.Events {
		for _, req := range []struct {
			key string
			v   *string
		}{{"id", e.ID}, {"type", e.Type}, {"doc", e.Doc}} {
			if req.v == nil {
				return nil, fmt.Errorf("eval: gold: events[%d]: no %q", i, req.key)
			}
		}
		g.Events = append(g.Events, GoldEvent{ID: *e.ID, Type: *e.Type, Doc: *e.Doc, Agent: e.Agent, Target: e.Target,
			Location: e.Location, Date: e.Date, Evidence: e.Evidence})
	}
	return g, nil
}

// jsonError adds the line and column to a decoding error that has an offset.
func jsonError(data []byte, err error) error {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		return fmt.Errorf("%s: %w", position(data, syn.Offset-1), err) // Offset is just past the bad byte
	case errors.As(err, &typ):
		return fmt.Errorf("%s: %w", position(data, typ.Offset), err)
	case errors.Is(err, io.EOF):
		return errors.New("empty input")
	case errors.Is(err, io.ErrUnexpectedEOF):
		return fmt.Errorf("truncated JSON: %w", err)
	}
	return err
}

// position renders a byte offset as "line L, column C" (1-based).
func position(data []byte, off int64) string {
	off = min(max(off, 0), int64(len(data)))
	line := 1 + bytes.Count(data[:off], []byte("\n"))
	col := int(off) - bytes.LastIndexByte(data[:off], '\n')
	return fmt.Sprintf("line %d, column %d", line, col)
}

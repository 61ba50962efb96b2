package eval

import (
	"maps"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/newsgraph/newsgraph/schema"
)

// Report is the outcome of scoring records against a gold file. Its JSON
// form has every key of `score.py --json` with the same values, plus the
// counts behind the ratios, the per-article details and UnscoredDocs.
//
// All ratios are rounded to three decimals as score.py rounds them.
type Report struct {
	Docs                 int         `json:"docs"`                   // gold articles scored
	MissingDocs          []string    `json:"missing_docs"`           // gold articles without a record
	Entities             EntityScore `json:"entities"`               // entity matching
	EntitiesTypedP       float64     `json:"entities_typed_p"`       // share of system entities that match with the gold's type
	SplitGoldEntities    []string    `json:"split_gold_entities"`    // gold ids matched by several system ids across the corpus, sorted
	MergedSystemEntities []string    `json:"merged_system_entities"` // system ids matching several gold ids across the corpus, sorted
	// SplitBy and MergedInto name, for each entry of the two lists
	// above, the ids on the other side, sorted: what to unify or tell apart.
	SplitBy    map[string][]string `json:"split_by"`
	MergedInto map[string][]string `json:"merged_into"`
	Facts      FactScore           `json:"facts"`  // fact matching
	Events     PRF                 `json:"events"` // event matching
	Causes     Causes              `json:"causes"` // misses and false hits by cause

	// UnscoredDocs are the docs of records that matched no scored gold
	// article (not in the gold, or left out by ScoreDocs), in input order.
	UnscoredDocs []string `json:"unscored_docs"`
	// Articles has one entry per scored gold article, in gold order.
	Articles []ArticleReport `json:"articles"`
}

// PRF is precision, recall and F1 of a one-to-one matching: TP of the Sys
// system items match, TP of the Gold items are found.
type PRF struct {
	P    float64 `json:"p"`    // precision, TP/Sys
	R    float64 `json:"r"`    // recall, TP/Gold
	F1   float64 `json:"f1"`   // harmonic mean of P and R (unrounded)
	TP   int     `json:"tp"`   // matches
	Sys  int     `json:"sys"`  // system items
	Gold int     `json:"gold"` // gold items
}

// EntityScore is entity precision, recall and F1. Entity matching is not
// one-to-one, so precision counts system entities (TP of Sys: distinct
// system ids that match a gold entity of their article) and recall counts
// gold entities (Hits of Gold).
type EntityScore struct {
	P       float64 `json:"p"`        // precision, TP/Sys
	R       float64 `json:"r"`        // recall, Hits/Gold
	F1      float64 `json:"f1"`       // harmonic mean of P and R (unrounded)
	Sys     int     `json:"sys"`      // system entities
	Gold    int     `json:"gold"`     // gold entities, counted per article
	TP      int     `json:"tp"`       // distinct system ids per article that match a gold entity of the article
	Hits    int     `json:"hits"`     // gold entities, per article, that some system entity matches
	TypedTP int     `json:"typed_tp"` // system entities that match with the gold's type
}

// FactScore is fact precision, recall and F1, and the share of matched
// facts whose claim kind is the gold's.
type FactScore struct {
	PRF
	KindAcc float64 `json:"kind_acc"` // KindOK/TP
	KindOK  int     `json:"kind_ok"`  // matched facts with the gold's kind
}

// ArticleReport lists what went wrong in one article: the gold items that
// no system item matched (misses) and the system items that matched no gold
// item (false hits), with their surface forms or evidence.
type ArticleReport struct {
	Doc            string       `json:"doc"`                       // the gold's doc
	Missing        bool         `json:"missing,omitempty"`         // no record: every gold item is a miss
	MissedEntities []EntityItem `json:"missed_entities,omitempty"` // gold entities of the article no system entity matches
	FalseEntities  []EntityItem `json:"false_entities,omitempty"`  // system entities counted against precision
	WrongType      []EntityItem `json:"wrong_type,omitempty"`      // matched, but typed otherwise than the gold
	MissedFacts    []FactItem   `json:"missed_facts,omitempty"`    // gold facts no system fact matches
	FalseFacts     []FactItem   `json:"false_facts,omitempty"`     // system facts (deduplicated) that match no gold fact
	WrongKind      []FactItem   `json:"wrong_kind,omitempty"`      // matched, but with another claim kind
	MissedEvents   []EventItem  `json:"missed_events,omitempty"`   // gold events no system event matches
	FalseEvents    []EventItem  `json:"false_events,omitempty"`    // system events that match no gold event
}

// EntityItem is a gold or a system entity in an ArticleReport. For a gold
// entity Mentions are its aliases.
type EntityItem struct {
	ID       string   `json:"id"`                  // gold id, or system id
	Type     string   `json:"type"`                // entity type
	Name     string   `json:"name"`                // canonical name
	Mentions []string `json:"mentions,omitempty"`  // surface forms
	Gold     string   `json:"gold,omitempty"`      // system entity: the gold entity it matches, if any
	GoldType string   `json:"gold_type,omitempty"` // system entity: that gold entity's type
	Reason   string   `json:"reason,omitempty"`    // false hit: why it counts against precision
}

// FactItem is a gold or a system fact in an ArticleReport. For a system
// fact GoldS and GoldO are the gold entities its subject and object map to
// (empty when unmatched).
type FactItem struct {
	S        string `json:"s"`                   // subject id
	P        string `json:"p"`                   // predicate
	O        string `json:"o"`                   // object id
	Kind     string `json:"kind,omitempty"`      // claim kind
	Evidence string `json:"evidence,omitempty"`  // the supporting text
	GoldS    string `json:"gold_s,omitempty"`    // system fact: the gold entity S maps to
	GoldO    string `json:"gold_o,omitempty"`    // system fact: the gold entity O maps to
	GoldKind string `json:"gold_kind,omitempty"` // wrong kind: the gold's kind
	Cause    string `json:"cause,omitempty"`     // miss or false hit: its cause (see CauseNames)
}

// EventItem is a gold or a system event in an ArticleReport. For a system
// event GoldAgent and GoldTarget are the gold entities its agent and target
// map to (empty when unmatched).
type EventItem struct {
	ID         string `json:"id"`                    // gold id, or system id
	Type       string `json:"type"`                  // event type
	Agent      string `json:"agent,omitempty"`       // entity id of the actor
	Target     string `json:"target,omitempty"`      // entity id of the target
	Evidence   string `json:"evidence,omitempty"`    // the supporting text
	GoldAgent  string `json:"gold_agent,omitempty"`  // system event: the gold entity Agent maps to
	GoldTarget string `json:"gold_target,omitempty"` // system event: the gold entity Target maps to
	Cause      string `json:"cause,omitempty"`       // miss or false hit: its cause (see CauseNames)
}

// Score scores records (one per article, keyed by the file name of their
// Doc) against every article of the gold, as score.py does.
func Score(g *Gold, recs []schema.Record) Report { return ScoreDocs(g, recs, nil) }

// ScoreDocs is Score restricted to the gold articles named in only, as
// score.py's --docs option; an empty only means every article.
//
// The matching rules are those of score.py, quirks included:
//   - A system entity maps to the gold entity, among those the gold lists
//     for the article (or among all gold entities when it lists none), with
//     the highest MentionScore between any of its mentions or its name and
//     any of the gold entity's aliases or its name; a score of 0 maps to
//     nothing. An entity without an id is known by its name. Ties go to the
//     gold entity that comes first in the gold file (score.py breaks ties
//     among an article's entities in Python's set order, which varies from
//     run to run unless PYTHONHASHSEED is fixed).
//   - Entity precision counts entities, but true positives count distinct
//     system ids: an id repeated in one record counts against precision.
//   - Facts whose subject or object is an event id of the same record are
//     skipped (they are scored through the events). The others are keyed by
//     (mapped subject, predicate, mapped object) and deduplicated by that
//     key, so that all unmatched facts with the same predicate count once.
//   - An event matches the first unused gold event of the article with the
//     same type and the same mapped agent (an unmapped or missing agent
//     matches a gold event without agent), and with the same mapped target
//     where the gold's target is a gold entity.
//
// Records with an empty Doc never match; an empty string stands for a
// missing key throughout (score.py tells the two apart in a few corner
// cases, which schema.Record cannot represent).
func ScoreDocs(g *Gold, recs []schema.Record, only []string) Report {
	return ScoreTexts(g, recs, only, nil)
}

// ScoreTexts is ScoreDocs given the articles' texts, keyed by doc: a miss's
// cause is then judged on the whole sentence around its evidence, not on
// the clause the annotator quoted.
func ScoreTexts(g *Gold, recs []schema.Record, only []string, texts map[string]string) Report {
	s := newScorer(g, texts)
	docs := s.selectDocs(only)
	s.assign(recs, docs)
	for _, doc := range docs {
		s.article(doc)
	}
	return s.report()
}

// scorer is one scoring of records against a gold file: the gold indexed
// once, and the counts that add up over its articles into a Report.
type scorer struct {
	g      *Gold
	texts  map[string]string
	gents  map[string]*GoldEntity
	galias map[string][]string // gold id -> normalised aliases and name
	allIDs []string            // every gold entity, in gold order
	perDoc map[string][]string // doc -> gold ids mentioned there, in gold order
	byDoc  map[string]*schema.Record
	rep    Report

	entTP, entSys, entGold, recHits, typedTP int
	factTP, factSys, factGold, kindOK        int
	evTP, evSys, evGold                      int
	// sysToGold and goldToSys link system ids and gold ids across the
	// corpus: an id linked to several is a split or a merge.
	sysToGold, goldToSys map[string]map[string]bool
}

func newScorer(g *Gold, texts map[string]string) *scorer {
	s := &scorer{g: g, texts: texts,
		rep: Report{MissingDocs: []string{}, SplitGoldEntities: []string{}, MergedSystemEntities: []string{},
			SplitBy: map[string][]string{}, MergedInto: map[string][]string{},
			UnscoredDocs: []string{}, Articles: []ArticleReport{}, Causes: newCauses()},
		gents: make(map[string]*GoldEntity, len(g.Entities)), galias: make(map[string][]string, len(g.Entities)),
		allIDs: make([]string, 0, len(g.Entities)), perDoc: map[string][]string{}, byDoc: map[string]*schema.Record{},
		sysToGold: map[string]map[string]bool{}, goldToSys: map[string]map[string]bool{}}
	for i := range g.Entities {
		e := &g.Entities[i]
		s.gents[e.ID] = e
		s.allIDs = append(s.allIDs, e.ID)
		for _, a := range append(append([]string(nil), e.Aliases...), e.Name) {
			s.galias[e.ID] = append(s.galias[e.ID], Norm(a))
		}
		for _, d := range e.MentionedIn {
			if ids := s.perDoc[d]; len(ids) == 0 || ids[len(ids)-1] != e.ID {
				s.perDoc[d] = append(ids, e.ID)
			}
		}
	}
	return s
}

// selectDocs returns the gold articles to score, in gold order: those in
// only, or all when only is empty.
func (s *scorer) selectDocs(only []string) []string {
	keep := map[string]bool{}
	for _, d := range only {
		keep[d] = true
	}
	var docs []string
	for _, d := range s.g.Documents {
		if len(only) == 0 || keep[d.Doc] {
			docs = append(docs, d.Doc)
		}
	}
	s.rep.Docs = len(docs)
	return docs
}

// assign gives each scored article its record, by the file name of the
// record's Doc; the docs of the other records are listed as unscored.
func (s *scorer) assign(recs []schema.Record, docs []string) {
	scored := map[string]bool{}
	for _, d := range docs {
		scored[d] = true
	}
	unscored := map[string]bool{}
	for i := range recs {
		base := recs[i].Doc[strings.LastIndex(recs[i].Doc, "/")+1:]
		if base != "" && scored[base] {
			s.byDoc[base] = &recs[i]
		} else if !unscored[recs[i].Doc] {
			unscored[recs[i].Doc] = true
			s.rep.UnscoredDocs = append(s.rep.UnscoredDocs, recs[i].Doc)
		}
	}
}

// factKey is a fact by its (mapped) subject, predicate and object.
type factKey struct{ s, p, o string }

// goldArticle is what the gold says of one article.
type goldArticle struct {
	here   []string        // gold entities mentioned, in gold order
	inHere map[string]bool // the same, as a set
	keys   []factKey       // its facts between gold entities, deduplicated, in gold order
	facts  map[factKey]*GoldFact
	events []*GoldEvent
}

// goldOf gathers the gold of one article.
func (s *scorer) goldOf(doc string) goldArticle {
	ga := goldArticle{here: s.perDoc[doc], facts: map[factKey]*GoldFact{}}
	ga.inHere = make(map[string]bool, len(ga.here))
	for _, id := range ga.here {
		ga.inHere[id] = true
	}
	for i := range s.g.Facts {
		f := &s.g.Facts[i]
		if f.Doc != doc || s.gents[f.O] == nil || s.gents[f.S] == nil {
			continue
		}
		k := factKey{f.S, f.P, f.O}
		if ga.facts[k] == nil {
			ga.keys = append(ga.keys, k)
		}
		ga.facts[k] = f // the last one wins, as in a Python dict
	}
	for i := range s.g.Events {
		if s.g.Events[i].Doc == doc {
			ga.events = append(ga.events, &s.g.Events[i])
		}
	}
	return ga
}

// article scores one gold article against its record.
func (s *scorer) article(doc string) {
	ar := ArticleReport{Doc: doc}
	ga := s.goldOf(doc)
	s.entGold += len(ga.here)
	s.factGold += len(ga.keys)
	s.evGold += len(ga.events)
	rec := s.byDoc[doc]
	if rec == nil {
		s.missing(&ar, ga)
	} else {
		mapping, hits := s.entities(&ar, rec, ga)
		av := &articleView{found: hits, aliases: s.galias, text: s.texts[doc]}
		for _, k := range ga.keys {
			av.gFacts = append(av.gFacts, mappedFact(k))
		}
		for _, ge := range ga.events {
			av.gEvents = append(av.gEvents, mappedEvent{ge.Type, ge.Agent, ge.Target})
		}
		for _, e := range rec.Events {
			av.sysEv = append(av.sysEv, mappedEvent{e.Type, mapping[e.Agent], mapping[e.Target]})
		}
		s.facts(&ar, rec, ga, mapping, av)
		s.events(&ar, rec, ga, mapping, av)
	}
	s.rep.Articles = append(s.rep.Articles, ar)
}

// missing reports an article without a record: every gold item a miss.
func (s *scorer) missing(ar *ArticleReport, ga goldArticle) {
	s.rep.MissingDocs = append(s.rep.MissingDocs, ar.Doc)
	ar.Missing = true
	for _, id := range ga.here {
		ar.MissedEntities = append(ar.MissedEntities, goldEntityItem(s.gents[id]))
	}
	for _, k := range ga.keys {
		ar.MissedFacts = append(ar.MissedFacts, goldFactItem(ga.facts[k]))
	}
	for _, e := range ga.events {
		ar.MissedEvents = append(ar.MissedEvents, goldEventItem(e))
	}
}

// entities maps each system entity of rec to its best gold entity and
// scores them; it returns the mapping (system id -> gold id) and the gold
// entities of the article that some system entity matches.
func (s *scorer) entities(ar *ArticleReport, rec *schema.Record, ga goldArticle) (map[string]string, map[string]bool) {
	candidates := ga.here
	if len(candidates) == 0 {
		candidates = s.allIDs
	}
	ids := make([]string, len(rec.Entities)) // effective system ids
	mapping := map[string]string{}
	var order []string // distinct mapped system ids, first-seen order
	for i, se := range rec.Entities {
		id := se.ID
		if id == "" {
			id = se.Name
		}
		ids[i] = id
		s.entSys++
		if best := s.bestGold(se, candidates); best != "" {
			if _, seen := mapping[id]; !seen {
				order = append(order, id)
			}
			mapping[id] = best
			link(s.sysToGold, id, best)
			link(s.goldToSys, best, id)
		}
	}
	hits := map[string]bool{}
	for _, id := range order {
		if gid := mapping[id]; ga.inHere[gid] {
			hits[gid] = true
			s.entTP++
		}
	}
	s.recHits += len(hits)
	s.judgeEntities(ar, rec, ga, ids, mapping)
	for _, id := range ga.here {
		if !hits[id] {
			ar.MissedEntities = append(ar.MissedEntities, goldEntityItem(s.gents[id]))
		}
	}
	return mapping, hits
}

// bestGold is the candidate gold entity with the highest MentionScore
// between any surface form of se and any of its aliases; the first one on
// a tie, "" when every score is 0.
func (s *scorer) bestGold(se schema.Entity, candidates []string) string {
	surfaces := make([]string, 0, len(se.Mentions)+1)
	for _, m := range se.Mentions {
		surfaces = append(surfaces, Norm(m))
	}
	surfaces = append(surfaces, Norm(se.Name))
	best, bestScore := "", 0
	for _, gid := range candidates {
		sc := 0
		for _, sf := range surfaces {
			for _, a := range s.galias[gid] {
				sc = max(sc, normedScore(sf, a))
			}
		}
		if sc > bestScore {
			best, bestScore = gid, sc
		}
	}
	return best
}

// judgeEntities lists the system entities that count against precision,
// with the reason, and those matched with another type than the gold's.
func (s *scorer) judgeEntities(ar *ArticleReport, rec *schema.Record, ga goldArticle, ids []string, mapping map[string]string) {
	seenID := map[string]bool{}
	for i, se := range rec.Entities {
		gid, ok := mapping[ids[i]]
		item := EntityItem{ID: ids[i], Type: se.Type, Name: se.Name, Mentions: se.Mentions, Gold: gid}
		if ok {
			item.GoldType = s.gents[gid].Type
		}
		repeat := seenID[ids[i]]
		seenID[ids[i]] = true
		switch {
		case !ok:
			item.Reason = "no gold entity matches"
		case !ga.inHere[gid]:
			item.Reason = "matches a gold entity the gold does not list for this article"
		case repeat:
			item.Reason = "repeats the id of an earlier entity"
		}
		if ok && ga.inHere[gid] {
			if se.Type == s.gents[gid].Type {
				s.typedTP++
			} else {
				ar.WrongType = append(ar.WrongType, item)
			}
		}
		if item.Reason != "" {
			ar.FalseEntities = append(ar.FalseEntities, item)
		}
	}
}

// facts scores the record's facts, keyed by their mapped ends; facts
// about the record's own events are scored through the events.
func (s *scorer) facts(ar *ArticleReport, rec *schema.Record, ga goldArticle, mapping map[string]string, av *articleView) {
	ownEvents := map[string]bool{}
	for _, e := range rec.Events {
		ownEvents[e.ID] = true
	}
	seen := map[factKey]bool{}
	found := map[factKey]bool{}
	for _, f := range rec.Facts {
		if ownEvents[f.O] || ownEvents[f.S] {
			continue // facts about events are scored through the events
		}
		k := factKey{mapping[f.S], f.P, mapping[f.O]}
		if seen[k] {
			continue
		}
		seen[k] = true
		av.sysFact = append(av.sysFact, mappedFact(k)) // read by missedFact, after this loop
		s.factSys++
		item := FactItem{S: f.S, P: f.P, O: f.O, Kind: f.Kind, Evidence: f.Evidence, GoldS: k.s, GoldO: k.o}
		gf := ga.facts[k]
		if gf == nil {
			item.Cause = av.falseFact(mappedFact(k))
			s.rep.Causes.FalseFacts[item.Cause]++
			ar.FalseFacts = append(ar.FalseFacts, item)
			continue
		}
		s.factTP++
		found[k] = true
		if f.Kind == gf.Kind {
			s.kindOK++
		} else {
			item.GoldKind = gf.Kind
			ar.WrongKind = append(ar.WrongKind, item)
			s.rep.Causes.WrongKind++
		}
	}
	for _, k := range ga.keys {
		if !found[k] {
			it := goldFactItem(ga.facts[k])
			it.Cause = av.missedFact(ga.facts[k])
			s.rep.Causes.MissedFacts[it.Cause]++
			ar.MissedFacts = append(ar.MissedFacts, it)
		}
	}
}

// events scores the record's events one-to-one: each takes the first
// unused gold event of the article that fits, in gold order.
func (s *scorer) events(ar *ArticleReport, rec *schema.Record, ga goldArticle, mapping map[string]string, av *articleView) {
	used := make([]bool, len(ga.events))
	for _, e := range rec.Events {
		s.evSys++
		a, t := mapping[e.Agent], mapping[e.Target]
		if i := s.fitEvent(ga.events, used, e.Type, a, t); i >= 0 {
			used[i] = true
			s.evTP++
			if !dateAgrees(e.Date, ga.events[i].Date) {
				s.rep.Causes.WrongDate++
			}
			continue
		}
		cause := av.falseEvent(mappedEvent{e.Type, a, t}, e.Agent, e.Target)
		s.rep.Causes.FalseEvents[cause]++
		ar.FalseEvents = append(ar.FalseEvents, EventItem{ID: e.ID, Type: e.Type, Agent: e.Agent, Target: e.Target,
			Evidence: e.Evidence, GoldAgent: a, GoldTarget: t, Cause: cause})
	}
	for i, ge := range ga.events {
		if !used[i] {
			it := goldEventItem(ge)
			it.Cause = av.missedEvent(ge)
			s.rep.Causes.MissedEvents[it.Cause]++
			ar.MissedEvents = append(ar.MissedEvents, it)
		}
	}
}

// fitEvent is the index of the first unused gold event of type typ and
// mapped agent agent (an unmapped or missing agent fits a gold event
// without one) whose target, where it is a gold entity, is target; -1 if
// none fits.
func (s *scorer) fitEvent(gevs []*GoldEvent, used []bool, typ, agent, target string) int {
	for i, ge := range gevs {
		if used[i] || ge.Type != typ || ge.Agent != agent {
			continue
		}
		if ge.Target != "" && s.gents[ge.Target] != nil && ge.Target != target {
			continue
		}
		return i
	}
	return -1
}

// report makes the totals of every article into the Report's scores.
func (s *scorer) report() Report {
	rep := s.rep
	p, r := ratio(s.entTP, s.entSys), ratio(s.recHits, s.entGold)
	rep.Entities = EntityScore{P: round3(p), R: round3(r), F1: round3(f1(p, r)), Sys: s.entSys, Gold: s.entGold,
		TP: s.entTP, Hits: s.recHits, TypedTP: s.typedTP}
	rep.EntitiesTypedP = round3(ratio(s.typedTP, s.entSys))
	for gid, ids := range s.goldToSys {
		if len(ids) > 1 {
			rep.SplitGoldEntities = append(rep.SplitGoldEntities, gid)
			rep.SplitBy[gid] = slices.Sorted(maps.Keys(ids))
		}
	}
	for sid, ids := range s.sysToGold {
		if len(ids) > 1 {
			rep.MergedSystemEntities = append(rep.MergedSystemEntities, sid)
			rep.MergedInto[sid] = slices.Sorted(maps.Keys(ids))
		}
	}
	sort.Strings(rep.SplitGoldEntities)
	sort.Strings(rep.MergedSystemEntities)
	rep.Facts = FactScore{PRF: prf(s.factTP, s.factSys, s.factGold), KindAcc: round3(ratio(s.kindOK, s.factTP)), KindOK: s.kindOK}
	rep.Events = prf(s.evTP, s.evSys, s.evGold)
	return rep
}

// link records that k and v matched.
func link(m map[string]map[string]bool, k, v string) {
	if m[k] == nil {
		m[k] = map[string]bool{}
	}
	m[k][v] = true
}

func goldEntityItem(e *GoldEntity) EntityItem {
	return EntityItem{ID: e.ID, Type: e.Type, Name: e.Name, Mentions: e.Aliases}
}

func goldFactItem(f *GoldFact) FactItem {
	return FactItem{S: f.S, P: f.P, O: f.O, Kind: f.Kind, Evidence: f.Evidence}
}

func goldEventItem(e *GoldEvent) EventItem {
	return EventItem{ID: e.ID, Type: e.Type, Agent: e.Agent, Target: e.Target, Evidence: e.Evidence}
}

// ratio is n/d, or 0 when d is 0.
func ratio(n, d int) float64 {
	if d == 0 {
		return 0
	}
	return float64(n) / float64(d)
}

func f1(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// prf is score.py's prf.
func prf(tp, sys, gold int) PRF {
	p, r := ratio(tp, sys), ratio(tp, gold)
	return PRF{P: round3(p), R: round3(r), F1: round3(f1(p, r)), TP: tp, Sys: sys, Gold: gold}
}

// round3 is Python's round(x, 3): correctly rounded to three decimals,
// ties to even, on the exact binary value. strconv rounds the same way;
// math.Round(x*1000)/1000 would not, since x*1000 is itself rounded.
func round3(x float64) float64 {
	v, _ := strconv.ParseFloat(strconv.FormatFloat(x, 'f', 3, 64), 64)
	return v
}

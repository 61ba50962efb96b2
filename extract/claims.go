package extract

import (
	"github.com/newsgraph/newsgraph/schema"
)

// Claims are kept apart from facts: every fact and event carries the way
// the article presents it. A sentence is in the narrator's voice (stated)
// unless a reporting frame attributes its content to someone: "according
// to X", "X said", "“…,” X warned", "citing sources". Content attributed to
// an armed group or one of its people is a partisan claim (claimed);
// attributed to officials, sources or outlets it is reported.

// attribution is the reporting frame of a sentence.
type attribution struct {
	kind    string  // schema.Reported or schema.Claimed; "" when the narrator speaks
	by      *entity // the speaker, when named
	verb    int     // item of the reporting verb or "according", -1 if none
	speaker int     // item of the speaker, -1 if none
	c0, c1  int     // items of the attributed content
	threat  bool    // the reporting verb is "warned" / "threatened"
}

// reportVerbs introduce attributed content.
var reportVerbs = map[string]bool{
	"said": true, "says": true, "say": true, "told": true, "stated": true, "states": true, "declared": true, "announced": true,
	"added": true, "reported": true, "reports": true, "noted": true, "stressed": true, "emphasized": true, "emphasised": true,
	"warned": true, "warns": true, "threatened": true, "claimed": true, "claims": true, "confirmed": true, "insisted": true, "continued": true,
	"reminded": true, "wrote": true, "explained": true, "argued": true, "suggested": true, "asserted": true,
	"affirmed": true, "revealed": true, "indicated": true, "acknowledged": true, "admitted": true, "alleged": true,
	"vowed": true, "pledged": true, "tweeted": true, "posted": true, "mentioned": true, "described": true,
}

// unnamedSources are nouns of anonymous attribution ("a security source
// said", "officials said").
var unnamedSources = map[string]bool{
	"source": true, "sources": true, "official": true, "officials": true, "spokesman": true, "spokesperson": true,
	"statement": true, "report": true, "reports": true, "witnesses": true, "residents": true, "analysts": true,
	"observers": true, "media": true, "diplomat": true, "diplomats": true, "officer": true, "officers": true,
}

// attribute finds the reporting frame of a sentence.
func (v *view) attribute(carry *attribution) {
	a := attribution{verb: -1, speaker: -1}
	n := len(v.it)
	for k := 0; k < n; k++ {
		w := v.it[k].w
		switch {
		case w == "according" && v.word(k+1, "to"):
			a.verb = k
			if j := v.next(k+1, 6, nil); j >= 0 && (v.it[j].e.typ != schema.Place) {
				a.speaker = j
			}
			if k > 1 {
				a.c0, a.c1 = 0, k
			} else {
				a.c0, a.c1 = k+2, n
				for j := k + 2; j < n; j++ {
					if v.it[j].w == "," {
						a.c0 = j + 1
						break
					}
				}
			}
		case w == "citing" || w == "reportedly" || w == "allegedly":
			if a.verb < 0 {
				a.verb = k
				a.c0, a.c1 = 0, n
			}
		case reportVerbs[w] && a.verb < 0:
			// Subject before the verb ("X said that …"), or after it in a
			// quotation frame ("“…,” said X").
			sp, se := v.subj(k)
			content0, content1 := k+1, n
			// "“…,” said X" / ", said «al-Nujaba» representative X": the
			// speaker after the verb, preferably a person.
			if sp < 0 && se == nil && k+1 < n && (v.isQuotedBefore(k) || v.word(k-1, ",")) {
				j := v.next(k, 6, ofType(schema.Person))
				if j < 0 {
					j = v.next(k, 3, actor)
				}
				if j >= 0 {
					sp = j
					content0, content1 = 0, k
				}
			}
			if sp >= 0 && v.isQuotedBefore(sp) {
				content0, content1 = 0, sp
			}
			if sp < 0 && se != nil && v.isQuotedBefore(k) {
				content0, content1 = 0, k
			}
			if sp < 0 && se == nil && !v.unnamedBefore(k) {
				continue
			}
			a.verb, a.speaker, a.by = k, sp, se
			a.c0, a.c1 = content0, content1
			a.threat = w == "warned" || w == "warns" || w == "threatened" || w == "vowed"
		}
	}
	if a.verb < 0 && carry != nil && carry.verb >= 0 {
		// A quotation running on from the previous sentence.
		a = attribution{kind: carry.kind, by: carry.by, verb: -1, speaker: -1, c0: 0, c1: n}
	}
	if a.speaker >= 0 {
		a.by = v.it[a.speaker].e
	}
	if a.verb >= 0 || a.by != nil {
		a.kind = schema.Reported
		if v.d.partisan(a.by) {
			a.kind = schema.Claimed
		}
	}
	v.attr = a
}

// isQuotedBefore reports whether the speaker item follows a closing quote
// ("“…,” the Iraqi official warned").
func (v *view) isQuotedBefore(k int) bool {
	for j := k - 1; j >= 0 && j >= k-4; j-- {
		if v.it[j].w == `"` {
			return true
		}
	}
	return false
}

// unnamedBefore reports an anonymous source just before the verb.
func (v *view) unnamedBefore(k int) bool {
	for j := k - 1; j >= 0 && j >= k-3; j-- {
		if unnamedSources[v.it[j].w] {
			return true
		}
	}
	return false
}

// partisan reports whether an entity speaks for an armed group: the group
// itself or one of its people.
func (d *doc) partisan(e *entity) bool {
	if e == nil {
		return false
	}
	if e.typ == schema.ArmedGroup {
		return true
	}
	if a := d.affiliation[e]; a != nil && a.typ == schema.ArmedGroup {
		return true
	}
	return false
}

// kindAt is the claim kind of a fact triggered at item k.
func (v *view) kindAt(k int) (string, *entity) {
	a := v.attr
	if a.kind != "" && k >= a.c0 && k < a.c1 {
		return a.kind, a.by
	}
	return schema.Stated, nil
}

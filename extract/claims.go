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
	carried bool    // a quotation running on from an earlier sentence
	frames  []frame // every reporting frame of the sentence, in order
}

// frame is one reporting verb with its speaker.
type frame struct {
	verb    int
	speaker int     // item, or -1
	by      *entity // nil for an anonymous source
	threat  bool
}

// attribute finds the reporting frame of a sentence.
func (v *view) attribute(carry *attribution) {
	a := attribution{verb: -1, speaker: -1}
	n := len(v.it)
	for k := 0; k < n; k++ {
		w := v.it[k].w
		bits := v.d.lx.byWord[v.it[k].id].attrib
		switch {
		case v.d.lx.accordingWords.hasID(v.it[k].id) && v.word(k+1, "to"):
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
		case bits&bitHearsay != 0:
			if a.verb < 0 {
				a.verb = k
				a.c0, a.c1 = 0, n
			}
		case bits&bitReport != 0:
			if v.quote[k] || v.wordIn(k+1, v.d.lx.responsibilityNouns) {
				// Speech inside a quotation belongs to the quoted speaker;
				// "claimed responsibility" is an attack claim.
				continue
			}
			if v.characterising(k) {
				continue // "what it described as": a view, not a statement
			}
			if k+1 < n && v.d.lx.byWord[v.it[k+1].id].attrib&bitReport != 0 {
				// "reports said", "reports indicated": the noun is the
				// subject of the verb after it, not a verb.
				continue
			}
			if v.d.lx.looseVerbs.has(w) && !v.word(k+1, "that", ",", ":", `"`) && !v.isQuotedBefore(k) && !v.inStatement(k) && v.toOutlet(k) < 0 && !v.onPlatformThat(k) {
				continue
			}
			if v.word(k-1, "been", "is", "was", "being", "be") {
				// "it has been reported that", "it is emphasized": no speaker.
				if a.verb < 0 {
					a.verb = k
					a.c0, a.c1 = k+1, n
				}
				continue
			}
			// Subject before the verb ("X said that …"), or after it in a
			// quotation frame ("“…,” said X").
			sp, se := v.subj(k)
			if v.unnamedSubject(k) {
				sp, se = -1, nil
			}
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
			if sp >= 0 && (v.isQuotedBefore(sp) || v.adjunctAfter(k) && v.commaBefore(sp)) {
				// "“…,” X said" and "…, the Pentagon said."
				content0, content1 = 0, sp
			}
			if sp < 0 && se != nil && v.isQuotedBefore(k) {
				content0, content1 = 0, k
			}
			if sp < 0 && v.adjunctAfter(k) {
				// "…, sources said." / "…, U.S. officials say.": an
				// unnamed speaker after a comma at the end speaks the
				// words before it.
				for j := k - 1; j > 0 && j >= k-6; j-- {
					if clauseBreak(v.it[j].w) || v.it[j].w == `"` {
						break
					}
					if v.it[j].w == "," {
						content0, content1 = 0, j
						break
					}
				}
			}
			if sp < 0 && se == nil && !v.unnamedBefore(k) && !v.unnamedSubject(k) {
				continue
			}
			if sp >= 0 {
				se = v.it[sp].e
			}
			threat := v.d.lx.threatReportVerbs.has(w)
			a.frames = append(a.frames, frame{verb: k, speaker: sp, by: se, threat: threat})
			if a.verb >= 0 {
				continue
			}
			a.verb, a.speaker, a.by = k, sp, se
			a.c0, a.c1 = content0, content1
		}
	}
	if a.verb < 0 && carry != nil && (carry.verb >= 0 || carry.carried && carry.by != nil) {
		// A quotation running on from the previous sentence, or on
		// from one that ran on itself ("“…,” said X. “… . … .”").
		a = attribution{kind: carry.kind, by: carry.by, verb: -1, speaker: -1, c0: 0, c1: n, carried: true}
	} else if carry != nil {
		a.carried = true
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

// adjunctAfter reports that only a time phrase, or an adjunct of the
// speaking with no words of its own, follows the verb at k: "…, the
// official said on condition of anonymity", "…, state media reported,
// citing a military source", "…, an official said during a briefing".
func (v *view) adjunctAfter(k int) bool {
	if v.endsAfter(k) {
		return true
	}
	s := k + 1
	if v.word(s, ",") {
		s++ // "…, state media reported, citing"; not "X, he said, wants"
	}
	if !v.wordIn(s, v.d.lx.speechAdjunctStarts) {
		return false
	}
	for j := s + 1; j < len(v.it); j++ {
		if w := v.it[j].w; w == "that" || w == `"` || clauseBreak(w) && j < len(v.it)-1 {
			return false
		}
		if v.d.lx.byWord[v.it[j].id].attrib&bitReport != 0 {
			return false // ", adding that …": words of its own
		}
	}
	return true
}

// endsAfter reports that only a time phrase or the stop follows item k.
func (v *view) endsAfter(k int) bool {
	for j := k + 1; j < len(v.it); j++ {
		w := v.it[j].w
		if _, day := weekdays[w]; day || w == "." || w == "on" || w == "in" || w == "a" || v.d.lx.sentenceTailWords.hasID(v.it[j].id) {
			continue
		}
		if _, ok := atoiOrdinal(w); ok || months[w] != 0 {
			continue
		}
		return false
	}
	return true
}

// commaBefore reports a comma before the speaker phrase at sp ("…, the
// Pentagon said").
func (v *view) commaBefore(sp int) bool {
	j := sp - 1
	for j >= 0 && (v.word(j, "the", "a", "an") || v.it[j].dem != nil && v.it[j].e == nil) {
		j--
	}
	return v.word(j, ",")
}

// unnamedSubject reports an anonymous source heading the clause of the
// verb at k: "A source providing information to X about … said".
func (v *view) unnamedSubject(k int) bool {
	if v.word(k-1, ",") && is(v.ent(k-2), schema.Person) {
		return false // "A spokesman for the council, Ahmed Ali, told"
	}
	if v.speakerDescription(k) != nil {
		return false // "a spokesman for the council said": the council speaks
	}
	start := 0
	for j := k - 1; j > 0; j-- {
		if clauseBreak(v.it[j].w) || v.it[j].w == `"` {
			start = j + 1
			break
		}
	}
	for j := start; j < k && j < start+4; j++ {
		w := v.it[j].w
		if v.d.lx.unnamedSources.has(w) && !v.d.lx.documentSources.has(w) {
			if is(v.ent(j+1), schema.Person) {
				return false // "Local official Khalil Bakr said": a title
			}
			if v.d.lx.personNouns.has(w) && v.precededByThe(j) {
				return false // "the Iraqi official": someone named before
			}
			return v.ent(j-1) == nil && !v.word(j-1, "'s")
		}
		if v.it[j].e != nil {
			return false
		}
	}
	return false
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
		if v.d.lx.unnamedSources.hasID(v.it[j].id) && !is(v.ent(j+1), schema.Person) {
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
		if a.kind == schema.Reported && v.aside(k, a.c0) {
			// "…, an Iran-backed group, …", "…, which hosts U.S.
			// forces, …": an aside describes, in the article's voice.
			return schema.Stated, nil
		}
		return a.kind, a.by
	}
	// "X denied carrying out the attack": the act is what X denies.
	for j := k - 1; j >= 0 && j >= k-3; j-- {
		if v.wordIn(j, v.d.lx.denialVerbs) {
			_, by := v.subj(j)
			return schema.Denied, by
		}
		if v.it[j].e != nil || clauseBreak(v.it[j].w) {
			break
		}
	}
	return schema.Stated, nil
}

// toOutlet returns the item of the outlet a report verb at k says its
// words to ("confirmed to Kurdistan 24", "said to the channel's
// reporter"), or -1: the speaker gave it the words.
func (v *view) toOutlet(k int) int {
	if !v.word(k+1, "to") {
		return -1
	}
	return v.next(k+1, 2, ofType(schema.MediaOutlet))
}

// onPlatformThat reports a loose verb at k whose speech follows the
// platform it was put on: "posted on Telegram that", "confirmed on its X
// account that" (a name between "on" and "that", nothing that breaks the
// clause).
func (v *view) onPlatformThat(k int) bool {
	if !v.word(k+1, "on") {
		return false
	}
	named := false
	for j := k + 2; j < len(v.it) && j <= k+6; j++ {
		if v.word(j, "that") {
			return named
		}
		if clauseBreak(v.it[j].w) || v.word(j, ",") || v.quote[j] {
			return false
		}
		named = named || v.it[j].e != nil
	}
	return false
}

// inStatement reports a statement noun shortly after the verb at k, in
// its clause: "revealed the news in a statement on Sunday".
func (v *view) inStatement(k int) bool {
	for j := k + 1; j < len(v.it) && j <= k+6; j++ {
		if clauseBreak(v.it[j].w) || v.word(j, "that", ",") {
			return false
		}
		if v.wordIn(j, v.d.lx.statementNouns) && v.word(j-1, "a", "an", "the", "its", "their") {
			return true
		}
	}
	return false
}

// characterising reports a characterising verb at k in a relative clause
// with a subject of its own ("what it described as", "what it has
// described as", "which Ankara calls", "whom it alleged were behind"):
// the speaker's view of what the sentence tells, not a statement.
func (v *view) characterising(k int) bool {
	if !v.wordIn(k, v.d.lx.characterVerbs) {
		return false
	}
	j := k - 1
	for j >= 0 && v.wordIn(j, v.d.lx.adverbs) {
		j-- // "what it has described as"
	}
	if j < 0 || !(v.word(j, "it", "they", "he", "she", "we") || v.it[j].e != nil) {
		return false
	}
	j--
	if v.word(j, "the") {
		j--
	}
	return v.word(j, "what", "which", "whom", "who")
}

// aside reports that item k stands in an aside of the attributed words
// that begin at c0: after a comma and a relative pronoun, or a name, a
// comma and an indefinite article, with no comma between ("X, which hosts
// Y,", "X, an Iran-backed group").
func (v *view) aside(k, c0 int) bool {
	for j := k - 1; j > c0; j-- {
		w := v.it[j].w
		if clauseBreak(w) || w == `"` {
			return false
		}
		if w == "," {
			// "In 2020, a drone strike killed": no aside, the clause.
			return v.word(j+1, "which", "who") || v.ent(j-1) != nil && v.word(j+1, "a", "an")
		}
	}
	return false
}

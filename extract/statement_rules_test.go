package extract

import (
	"slices"
	"testing"

	"github.com/newsgraph/newsgraph/schema"
)

// Reportage against statements: the sentences are written for these tests.

func countEvents(rec schema.Record, typ, agent string) int {
	n := 0
	for _, e := range rec.Events {
		if e.Type == typ && e.Agent == agent {
			n++
		}
	}
	return n
}

func TestStatementsAreActsNotReportage(t *testing.T) {
	// The first attribution to a named speaker is its statement (the real
	// development set's annotators record "…, the Pentagon said Monday");
	// the next ones attribute facts, they are not statements again.
	rec := extractText(t, "Two rockets hit the perimeter of Harir air base on Tuesday night, the Pentagon said. "+
		"The base was closed for the night, the Pentagon said.")
	if n := countEvents(rec, schema.EvStatement, "pentagon"); n != 1 {
		t.Errorf("want one statement by the Pentagon, got %d:%s", n, eventList(rec))
	}
	// Anonymous officials talking to an outlet make a statement with no
	// agent, addressed to the outlet (the seed gold's and the guideline's
	// convention), and only one.
	rec = extractText(t, "The drone fell near the airport in Erbil, three security officials told Reuters.")
	if n := countEvents(rec, schema.EvStatement, ""); n != 1 {
		t.Errorf("want one statement by an anonymous source:%s", eventList(rec))
	}
	for _, e := range rec.Events {
		if e.Type == schema.EvStatement && e.Target != "reuters" {
			t.Errorf("anonymous source's statement not addressed to Reuters:%s", eventList(rec))
		}
	}
	// A title before a name does not make the speaker anonymous.
	for _, tc := range []struct{ text, speaker string }{
		{"Local official Khalil Bakr said the rockets hit an empty field near the base.", "khalil-bakr"},
		{"A spokesman for the council, Ahmed Ali, told reporters that the drone had been launched from the south.", "ahmed-ali"},
		{"According to Kurdish lawmaker Sherwan Dubardani, the strike killed two fighters.", "sherwan-dubardani"},
	} {
		if rec := extractText(t, tc.text); countEvents(rec, schema.EvStatement, tc.speaker) != 1 {
			t.Errorf("%q: want a statement by %s:%s", tc.text, tc.speaker, eventList(rec))
		}
	}
	// Blamed is not blaming: a headline's "X blamed for" is not X speaking.
	if rec := extractText(t, "Kata'ib Hezbollah blamed for drone strike on Harir\n\nKata'ib Hezbollah was blamed for the drone strike on Harir Air Base on Sunday by two officials."); countEvents(rec, schema.EvStatement, "kataib-hezbollah") != 0 {
		t.Errorf("the blamed group made a statement:%s", eventList(rec))
	}
	// "cautioned" reports speech as "warned" does.
	checkRules(t, "Harakat al-Nujaba cautioned on Sunday that the talks with Washington were going nowhere.", nil,
		[]wantEvent{{schema.EvStatement, "harakat-hezbollah-al-nujaba", ""}}, nil)
	// An act of speech and "said in a statement" are statements.
	checkRules(t, "Kataib Hezbollah said in a statement on Monday that it was halting its operations.", nil,
		[]wantEvent{{schema.EvStatement, "kataib-hezbollah", ""}}, nil)
	checkRules(t, "The Iraqi Foreign Ministry condemned the strike on Monday.", nil,
		[]wantEvent{{schema.EvStatement, "ministry-of-foreign-affairs-of-iraq", ""}}, nil)
	// A quoted official is a statement once; the follow-up quote is not another.
	rec = extractText(t, "\"We will not allow Iraq to become a battlefield,\" said Fuad Hussein on Sunday. "+
		"\"The government is responsible for the safety of its guests,\" Hussein added.")
	if n := countEvents(rec, schema.EvStatement, "fuad-hussein"); n != 1 {
		t.Errorf("want one statement by Fuad Hussein, got %d:%s", n, eventList(rec))
	}
	// A group reporting its own attack claims the attack; no extra statement.
	rec = extractText(t, "The Islamic Resistance in Iraq said its fighters struck the Conoco base in Syria with drones.")
	if n := countEvents(rec, schema.EvStatement, "islamic-resistance-in-iraq"); n != 0 {
		t.Errorf("attack claim doubled as a statement:%s", eventList(rec))
	}
}

func TestTalksAndMeetings(t *testing.T) {
	checkRules(t, "Turkey and Iraq began talks in Ankara on Monday on water sharing and PKK bases.", nil,
		[]wantEvent{{schema.EvNegotiation, "turkey", "iraq"}}, nil)
	checkRules(t, "Baghdad, which hosts about 900 coalition advisers, and Washington opened negotiations last month on the future of the mission.", nil,
		[]wantEvent{{schema.EvNegotiation, "iraq", "united-states"}}, nil)
	checkRules(t, "Iraqi Prime Minister Mohammed Shia al-Sudani is expected to meet Masoud Barzani in Erbil next week.", nil,
		[]wantEvent{{schema.EvMeeting, "mohammed-shia-al-sudani", "masoud-barzani"}}, nil)
}

func TestMeetingPossessiveDeputy(t *testing.T) {
	checkRules(t, "Hadi al-Amiri met Kurdistan Region President Nechirvan Barzani's deputy, Qubad Talabani, in Sulaymaniyah on Sunday.", nil,
		[]wantEvent{{schema.EvMeeting, "hadi-al-amiri", "qubad-talabani"}}, nil)
}

func TestInstitutionalPositions(t *testing.T) {
	checkRules(t, "The Syrian foreign ministry rejected the accusations on Sunday.", nil,
		[]wantEvent{{schema.EvStatement, "syrian-ministry-of-foreign-affairs", ""}}, nil)
	checkRules(t, "Iraqi Foreign Minister Fuad Hussein called the raid \"a violation of sovereignty\" on Monday.", nil,
		[]wantEvent{{schema.EvStatement, "fuad-hussein", ""}}, nil)
	checkRules(t, "Iran denied any role in the drone attack on Tower 22.", nil,
		[]wantEvent{{schema.EvStatement, "iran", ""}}, nil)
	rec := extractText(t, "Kataib Hezbollah did not deny the report.")
	if n := countEvents(rec, schema.EvStatement, "kataib-hezbollah"); n != 0 {
		t.Errorf("negated act made a statement:%s", eventList(rec))
	}
}

func TestTitlesOfKnownOfficeHolders(t *testing.T) {
	checkRules(t, "Prime Minister Mohammed Shia al-Sudani's office said it had opened an inquiry.",
		[]wantFact{{"mohammed-shia-al-sudani", "prime_minister_of", "iraq", ""}}, nil, nil)
	checkRules(t, "President Joe Biden met his national security team on Sunday.",
		[]wantFact{{"joe-biden", "president_of", "united-states", ""}}, nil, nil)
	checkRules(t, "Defense Secretary Lloyd Austin spoke to reporters in Brussels.",
		[]wantFact{{"lloyd-austin", "minister_of", "united-states", ""}}, nil, nil)
	checkRules(t, "Pentagon press secretary Pat Ryder spoke to reporters.",
		[]wantFact{{"pat-ryder", "spokesperson_for", "pentagon", ""}}, nil, nil)
}

func TestWithdrawalDemandPhrasings(t *testing.T) {
	checkRules(t, "US troops remain at Ain al-Asad. Iraqi lawmakers voted in 2020 to expel foreign forces from the country.",
		[]wantFact{{"iraqi-parliament", "demanded_withdrawal_of", "us-military", ""}}, nil, nil)
	checkRules(t, "US troops remain at Ain al-Asad. Asaib Ahl al-Haq has preferred to press for the exit of US troops through the courts.",
		[]wantFact{{"asaib-ahl-al-haq", "demanded_withdrawal_of", "us-military", ""}}, nil, nil)
	checkRules(t, "Baghdad is seeking a timetable for the departure of the US-led coalition.",
		[]wantFact{{"iraq", "demanded_withdrawal_of", "international-coalition", ""}}, nil, nil)
}

func TestServiceBranchBetweenTitles(t *testing.T) {
	rec := extractText(t, "Pentagon Deputy Press Secretary Air Force Lt. Col. Sabrina Singh briefed reporters on Monday.")
	for _, e := range rec.Entities {
		if e.Type == schema.Person && e.ID == "air-force" {
			t.Errorf("service branch read as a person: %v", rec.Entities)
		}
	}
}

func TestGeographyIsStated(t *testing.T) {
	rec := extractText(t, "The Islamic Resistance in Iraq claimed a drone attack on Harir air base in Erbil province, the group said.")
	for _, f := range rec.Facts {
		if f.P == "located_in" && f.Kind != schema.Stated {
			t.Errorf("geography as %s: %v", f.Kind, f)
		}
	}
}

// TestTitlesAreStated: a title in an attributed sentence is the
// narrator's description of the person, not part of the claim.
func TestTitlesAreStated(t *testing.T) {
	rec := extractText(t, "Kata'ib Hezbollah said U.S. President Joe Biden had ordered the strikes on its headquarters.")
	found := false
	for _, f := range rec.Facts {
		if f.P == "president_of" {
			found = true
			if f.Kind != schema.Stated {
				t.Errorf("title as %s: %v", f.Kind, f)
			}
		}
	}
	if !found {
		t.Errorf("no president_of fact: %v", rec.Facts)
	}
}

func TestSurnameIsNotAPlace(t *testing.T) {
	rec := extractText(t, "\"The militias are testing the new government,\" said Noor Salman, a researcher in Baghdad.")
	for _, e := range rec.Entities {
		if e.ID == "sulaymaniyah" {
			t.Errorf("Salman resolved to Sulaymaniyah: %v", rec.Entities)
		}
	}
}

func TestItsSpokesman(t *testing.T) {
	checkRules(t, "Kataib Sayyid al-Shuhada has stepped up its attacks on US forces. Its spokesman Kadhim al-Fartousi said the group would continue.",
		[]wantFact{{"kadhim-al-fartousi", "spokesperson_for", "kataib-sayyid-al-shuhada", ""}}, nil, nil)
}

// TestThreatIsTheSpeakers: a body that says its state will keep striking
// makes one threat, its own; a speaker who tells of another state's
// threat does not make it theirs.
func TestThreatIsTheSpeakers(t *testing.T) {
	rec := extractText(t, "The Turkish Defense Ministry said Turkey will continue to strike PKK positions.")
	if n := countEvents(rec, schema.EvThreat, "turkish-ministry-of-national-defense"); n != 1 {
		t.Errorf("want one threat by the ministry:%s", eventList(rec))
	}
	if n := countEvents(rec, schema.EvThreat, "turkey"); n != 0 {
		t.Errorf("want no second threat by Turkey:%s", eventList(rec))
	}
	// Revenge is vowed at whoever struck, not at the place struck.
	rec = extractText(t, "Iranian President Ebrahim Raisi vowed that the killing of five advisers by an Israeli strike in Syria will not go unanswered.")
	for _, e := range rec.Events {
		if e.Type == schema.EvThreat && e.Target != "israel" {
			t.Errorf("the vow of revenge is aimed at Israel:%s", eventList(rec))
		}
	}
	if n := countEvents(rec, schema.EvThreat, "ebrahim-raisi"); n != 1 {
		t.Errorf("want one threat by Raisi:%s", eventList(rec))
	}
	rec = extractText(t, "Iraqi Foreign Minister Fuad Hussein said Israel will continue to strike Iraq.")
	if n := countEvents(rec, schema.EvThreat, "fuad-hussein"); n != 0 {
		t.Errorf("the minister told of Israel's threat; it is not his:%s", eventList(rec))
	}
}

// TestOutletMakesNoThreat: the outlet that reports a threat is its
// source, not the one who threatens.
func TestOutletMakesNoThreat(t *testing.T) {
	rec := extractText(t, "U.S. jets struck Kataib Sayyid al-Shuhada near al-Qaim on Sunday. "+
		"A militia leader vowed revenge for the strikes, The Associated Press reported.")
	for _, e := range rec.Events {
		if e.Agent == "associated-press" && e.Type != schema.EvStatement {
			t.Errorf("the outlet has a %s event against %q", e.Type, e.Target)
		}
	}
}

// TestMonitorReportsAsAnOutlet: a monitor or rights group the lexicon
// marks as reporting (media.yaml, reporting: true) is an Organization, and
// its accounts are a source's statements as an outlet's are: after its
// name, before the verb, with a head noun between, in "according to".
func TestMonitorReportsAsAnOutlet(t *testing.T) {
	for _, c := range []struct{ text, id, mention string }{
		{"The Syrian Observatory for Human Rights said that four guards died when the depot near Mayadin was shelled.", "syrian-observatory-for-human-rights", "Syrian Observatory for Human Rights"},
		{"Four guards died when the depot near Mayadin was shelled, the Syrian Network for Human Rights reported.", "syrian-network-for-human-rights", "Syrian Network for Human Rights"},
		{"The Syrian Network for Human Rights monitoring group said shelling had hit a school in Idlib on Friday.", "syrian-network-for-human-rights", "Syrian Network for Human Rights"},
	} {
		checkEntities(t, c.text, []wantEntity{{c.id, schema.Organization, c.mention}})
		if rec := extractText(t, c.text); !hasEvent(rec, wantEvent{"Statement", c.id, ""}) {
			t.Errorf("%q: no statement by %s:%s", c.text, c.id, eventList(rec))
		}
	}
	// A monitor reports a threat; it makes none.
	rec := extractText(t, "Turkish drones struck a YPG post near Kobani on Monday. "+
		"A YPG commander vowed to answer the strike, the Syrian Observatory for Human Rights reported.")
	for _, e := range rec.Events {
		if e.Agent == "syrian-observatory-for-human-rights" && e.Type != schema.EvStatement {
			t.Errorf("the monitor has a %s event against %q", e.Type, e.Target)
		}
	}
}

// TestSpeakerAfterQuotation: "it" after a quotation is the body that
// spoke last, not a name in the quotation.
func TestSpeakerAfterQuotation(t *testing.T) {
	rec := extractText(t, "The Kurdistan Region's Counter-Terrorism Directorate said a Turkish drone struck a car near Sulaimaniyah. "+
		"“One PKK commander died and a second fighter was hurt,” it added in a statement.")
	if n := countEvents(rec, schema.EvStatement, "kurdistan-workers-party"); n != 0 {
		t.Errorf("the PKK, named in the quotation, made %d statements", n)
	}
}

// TestItOpensAfterSpeaker: "It added" opening a sentence is the body
// that spoke in the sentence before, not the group named first there.
func TestItOpensAfterSpeaker(t *testing.T) {
	rec := extractText(t, "A drone strike in Baghdad killed a Kataib Hezbollah commander on Wednesday, according to CENTCOM, which said no civilians were hurt. "+
		"It added: “We will not hesitate to strike anyone who threatens our troops.”")
	if n := countEvents(rec, schema.EvThreat, "kataib-hezbollah"); n != 0 {
		t.Errorf("the group struck made %d threats; events: %+v", n, rec.Events)
	}
	if n := countEvents(rec, schema.EvThreat, "us-central-command"); n != 1 {
		t.Errorf("the command's threats: %d, want 1; events: %+v", n, rec.Events)
	}
}

// TestSpeakersThreat: a body that says its state will strike makes the
// threat; "the ministry" after "the Ministry of National Defense" is it.
func TestSpeakersThreat(t *testing.T) {
	rec := extractText(t, "Turkey's Ministry of National Defense announced a new operation in Hakurk on Friday. "+
		"In its statement, the ministry said Turkey would continue to destroy PKK hideouts and depots in the area.")
	if n := countEvents(rec, schema.EvThreat, "turkish-ministry-of-national-defense"); n != 1 {
		t.Errorf("the ministry's threats: %d, want 1; events: %+v", n, rec.Events)
	}
	if n := countEvents(rec, schema.EvThreat, "turkey"); n != 0 {
		t.Errorf("Turkey, spoken for, made %d threats", n)
	}
}

// TestCompoundDescription: "the militia group" refers back once, at its
// last noun, and its statement is the group's.
func TestCompoundDescription(t *testing.T) {
	rec := extractText(t, "Kataib Hezbollah said its base near al-Qaim was hit by a drone on Sunday. "+
		"The militia group's statement said just one fighter had been wounded.")
	if n := countEvents(rec, schema.EvStatement, "kataib-hezbollah"); n != 1 {
		t.Errorf("the group's statements: %d, want 1", n)
	}
}

// TestGovernmentOfItsHead: "the government of Prime Minister X said" is
// the government's statement, and X still holds the office.
func TestGovernmentOfItsHead(t *testing.T) {
	rec := extractText(t, "In January the government of Prime Minister Mohammed Shia al-Sudani said that the coalition would end its mission.")
	if n := countEvents(rec, schema.EvStatement, "iraqi-government"); n != 1 {
		t.Errorf("the government's statements: %d, want 1; events %+v", n, rec.Events)
	}
	if n := countEvents(rec, schema.EvStatement, "mohammed-shia-al-sudani"); n != 0 {
		t.Errorf("the prime minister, named for his government, made %d statements", n)
	}
	if !hasFact(rec, wantFact{"mohammed-shia-al-sudani", "prime_minister_of", "iraq", ""}) {
		t.Errorf("no prime_minister_of fact: %s", facts(rec))
	}
}

// TestGovernmentNamedForItsHead: "the Sudani government", "Netanyahu's
// cabinet" act as the government of the state the person heads, and the
// person counts as mentioned, as in "the Biden administration" (the
// annotation guideline's rule for administrations).
func TestGovernmentNamedForItsHead(t *testing.T) {
	for _, tc := range []struct{ text, agent, typ, person string }{
		{"The Sudani government said foreign troops would leave the country next year.", "iraqi-government", schema.EvStatement, "mohammed-shia-al-sudani"},
		{"Netanyahu's cabinet vowed to strike Hezbollah again.", "israeli-government", schema.EvThreat, "benjamin-netanyahu"},
		{"Analysts expect the Biden administration to keep its troops in Syria.", "", "", "joe-biden"},
	} {
		rec := extractText(t, tc.text)
		if tc.agent != "" && countEvents(rec, tc.typ, tc.agent) != 1 {
			t.Errorf("%q: want a %s by %s:%s", tc.text, tc.typ, tc.agent, eventList(rec))
		}
		if !slices.ContainsFunc(rec.Entities, func(e schema.Entity) bool { return e.ID == tc.person }) {
			t.Errorf("%q: %s is not mentioned: %+v", tc.text, tc.person, rec.Entities)
		}
	}
}

// TestPressOfficeSpeaksForItsBody: "the SDF media center confirmed" is a
// statement by the SDF.
func TestPressOfficeSpeaksForItsBody(t *testing.T) {
	rec := extractText(t, "The SDF media center said on Monday that its fighters repelled an assault near Deir Hafer.")
	if n := countEvents(rec, schema.EvStatement, "syrian-democratic-forces"); n != 1 {
		t.Errorf("want a statement by the SDF:%s", eventList(rec))
	}
}

// TestCapitalThreatens: "Ankara threatened to eliminate X" is Turkey's
// threat, and "eliminate" gives its target as "strike" does.
func TestCapitalThreatens(t *testing.T) {
	rec := extractText(t, "Ankara threatened on Sunday to crush the SDF if it refuses to disarm.")
	if n := countEvents(rec, schema.EvThreat, "turkey"); n != 1 {
		t.Errorf("want a threat by Turkey:%s", eventList(rec))
	}
	for _, e := range rec.Events {
		if e.Type == schema.EvThreat && e.Target != "syrian-democratic-forces" {
			t.Errorf("the threat is aimed at the SDF: %+v", e)
		}
	}
}

// TestUndersecretaryIsATitle: a ministry's undersecretary holds a role in
// it.
func TestUndersecretaryIsATitle(t *testing.T) {
	checkRules(t, "Iraqi Foreign Ministry Undersecretary Hisham al-Alawi said the talks went well.",
		[]wantFact{{"hisham-al-alawi", "holds_role", "ministry-of-foreign-affairs-of-iraq", ""}}, nil, nil)
}

func TestUnnamedVoicesOfABody(t *testing.T) {
	// Sources, officials or a statement after a body's name speak for the
	// body (the guideline: "Syrian military sources" → that body);
	// anonymous sources with no body before them name no speaker.
	wantOneEventEach(t, schema.EvStatement, []agentCase{
		{"Syrian military sources said the convoy was shelled near Palmyra.", "syrian-army"},
		{"Kataib Hezbollah officials denied any part in the rocket fire.", "kataib-hezbollah"},
		{"A PMF statement said two of its fighters died in the raid.", "popular-mobilization-forces"},
		{"Security sources said the convoy was shelled near Palmyra.", ""},
		{"Kurdistan Region officials have again called on Baghdad to release public sector wages.", "kurdistan-regional-government"},
	})
}

// agentCase is a sentence and the agent of the one event of a type it
// should give.
type agentCase struct{ text, agent string }

// wantOneEventEach checks that each case's text gives one event of type
// typ by its agent.
func wantOneEventEach(t *testing.T, typ string, cases []agentCase) {
	t.Helper()
	for _, c := range cases {
		wantEvents(t, c.text, typ, c.agent, 1)
	}
}

// wantEvents checks that text gives want events of type typ by agent.
func wantEvents(t *testing.T, text, typ, agent string, want int) {
	t.Helper()
	rec := extractText(t, text)
	if n := countEvents(rec, typ, agent); n != want {
		t.Errorf("%q: want %d %s by %q, got %d:%s", text, want, typ, agent, n, eventList(rec))
	}
}

func TestStatementGoesOnInTheNextSentence(t *testing.T) {
	// A speaker's words in the next sentence go on with its statement;
	// further down the article, they are a statement of their own.
	wantEvents(t, "The Turkish Defence Ministry condemned the attack on Monday. The ministry also denied that its jets had struck the village.",
		schema.EvStatement, "turkish-ministry-of-national-defense", 1)
}

func TestSaidAgainIsNoNewStatement(t *testing.T) {
	// A speaker that already spoke in the article and is only said to
	// say more ("…, the command said in a statement") further down goes
	// on with its statement: the annotators record one. Words given to an
	// outlet stay a statement of their own, addressed to it.
	for _, text := range []string{
		"The Turkish Defence Ministry announced on Monday that its jets struck PKK shelters near Gara. " +
			"Villagers in the valley counted four craters. Shops in Duhok stayed open on Tuesday. " +
			"The shelters stored fuel and weapons, the ministry said in a statement.",
		"Two drones fell inside Harir air base on Sunday night, the Pentagon said. " +
			"Villagers in the valley counted four craters. Shops in Erbil stayed open on Monday. " +
			"No one on the base was hurt, the Pentagon said in a release.",
		// What the speaker "also" or "again" did goes on with its statement.
		"The Turkish Defence Ministry condemned the raid on the border post on Monday. " +
			"Villagers in the valley counted four craters. Shops in Duhok stayed open on Tuesday. " +
			"The ministry also urged the villagers to stay away from the ridge.",
		"The Turkish Defence Ministry condemned the raid on the border post on Monday. " +
			"Villagers in the valley counted four craters. Shops in Duhok stayed open on Tuesday. " +
			"The ministry once again condemned the raids on its posts.",
	} {
		rec := extractText(t, text)
		n := countEvents(rec, schema.EvStatement, "turkish-ministry-of-national-defense") + countEvents(rec, schema.EvStatement, "pentagon")
		if n != 1 {
			t.Errorf("%q: want one statement, got %d:%s", text, n, eventList(rec))
		}
	}
}

func TestWordsSentToAnOutletAreOneStatement(t *testing.T) {
	// An act of speech made "in a statement sent to" an outlet is one
	// statement, given to the outlet, not a second one beside it.
	const text = "Turkish jets struck a village near Zakho on Thursday. " +
		"Masrour Barzani condemned the strike in a statement sent to Rudaw."
	rec := extractText(t, text)
	if n := countEvents(rec, schema.EvStatement, "masrour-barzani"); n != 1 {
		t.Errorf("want one statement by Masrour Barzani, got %d:%s", n, eventList(rec))
	}
	checkRules(t, text, nil, []wantEvent{{schema.EvStatement, "masrour-barzani", "rudaw"}}, nil)
}

// TestOutletSpokenToIsNoSpeaker: the outlet a speaker talks to, in an
// aside before the report verb, hears the words; it makes no statement.
func TestOutletSpokenToIsNoSpeaker(t *testing.T) {
	for _, text := range []string{
		"Fuad Hussein, speaking to Reuters, said the border crossing would reopen next month.",
		"The governor of Nineveh, talking to Rudaw by phone, said the roads were open again.",
		"Masrour Barzani, in an interview with Reuters, said the salaries would be paid.",
	} {
		rec := extractText(t, text)
		for _, e := range rec.Events {
			if e.Agent == "reuters" || e.Agent == "rudaw" {
				t.Errorf("%q: the outlet spoken to made a %s:%s", text, e.Type, eventList(rec))
			}
		}
	}
	// The outlet that reports still does.
	checkRules(t, "Three rockets struck the airport in Erbil, Reuters reported.", nil,
		[]wantEvent{{schema.EvStatement, "reuters", ""}}, nil)
}

func TestCompassPlaceIsNoSpeaker(t *testing.T) {
	// "X in northeast Syria said": a place after a compass word is where
	// the speaker is, as after "northern"; the speaker is X.
	for _, text := range []string{
		"The Internal Security Forces in northeast Syria said two guards were wounded at a checkpoint.",
		"The Kurdish-led Syrian Democratic Forces in southwest Syria announced that a bridge had been repaired.",
	} {
		rec := extractText(t, text)
		if n := countEvents(rec, schema.EvStatement, "syria"); n != 0 {
			t.Errorf("%q: the place made a statement:%s", text, eventList(rec))
		}
		if n := countEvents(rec, schema.EvStatement, "internal-security-forces") + countEvents(rec, schema.EvStatement, "syrian-democratic-forces"); n != 1 {
			t.Errorf("%q: want one statement by the body:%s", text, eventList(rec))
		}
	}
}

func TestCharacterisingClauseIsNoStatement(t *testing.T) {
	// "what X described as", "whom X alleged": the relative clause names
	// the speaker's view of what the sentence tells; no statement.
	for _, tc := range []struct{ text, speaker string }{
		{"Markets were calm in Duhok on Friday. Turkish jets struck what Ankara has described as PKK shelters in the Qandil mountains.", "turkey"},
		{"Markets were calm in Baghdad on Friday. American jets bombed depots of those whom the Pentagon alleged were behind the drone attack.", "pentagon"},
		{"Markets were calm in Erbil on Friday. The group, which Turkey describes as a branch of the PKK, holds three villages near Sinjar.", "turkey"},
	} {
		rec := extractText(t, tc.text)
		if n := countEvents(rec, schema.EvStatement, tc.speaker); n != 0 {
			t.Errorf("%q: a characterising clause made a statement by %s:%s", tc.text, tc.speaker, eventList(rec))
		}
	}
}

func TestHeSaidIsThePersonsStatement(t *testing.T) {
	// "he said" for a person the article named before, who has not
	// spoken yet, is that person's statement, as if named.
	for _, text := range []string{
		"Sherwan Dubardani toured the damaged school in Zakho on Monday. Markets in the town stayed open. \"We will rebuild every classroom,\" he said.",
		"Sherwan Dubardani toured the damaged school in Zakho on Monday. Markets in the town stayed open. He said the roof would be repaired within a month.",
	} {
		rec := extractText(t, text)
		if n := countEvents(rec, schema.EvStatement, "sherwan-dubardani"); n != 1 {
			t.Errorf("%q: want one statement by Sherwan Dubardani, got %d:%s", text, n, eventList(rec))
		}
	}
}

func TestTheSourceToldTheOutletAgain(t *testing.T) {
	// "the source told Xinhua" after a ministry source spoke: the same
	// source goes on, and its words were given to the outlet.
	for _, text := range []string{
		"Two guards were hurt on Monday when rockets hit a checkpoint in western Baghdad, an Iraqi interior ministry source said. " +
			"The rockets were fired from an orchard south of the city, the source told Xinhua.",
		"Two guards were hurt on Monday when rockets hit a checkpoint in western Baghdad, an Iraqi interior ministry source told Xinhua. " +
			"The rockets were fired from an orchard south of the city, the source told Xinhua.",
	} {
		rec := extractText(t, text)
		if n := countEvents(rec, schema.EvStatement, ""); n != 0 {
			t.Errorf("%q: the source's words made a second, anonymous statement:%s", text, eventList(rec))
		}
		checkRules(t, text, nil, []wantEvent{{schema.EvStatement, "ministry-of-interior-of-iraq", "xinhua"}}, nil)
	}
}

func TestNegatedAttackIsNone(t *testing.T) {
	// "did not conduct airstrikes", "denied that a strike took place"
	// report no strike.
	for _, text := range []string{
		"The coalition said it did not conduct airstrikes near Camp Taji this week.",
		"Later the army denied that an air strike on a convoy near Balad had taken place.",
	} {
		rec := extractText(t, text)
		for _, e := range rec.Events {
			if e.Type == schema.EvAirstrike || e.Type == schema.EvAttack {
				t.Errorf("%q: a negated strike made an event:%s", text, eventList(rec))
			}
		}
	}
}

func TestUnrealisedAttackIsNone(t *testing.T) {
	// An attack a condition or an attempt governs was not carried out:
	// "if the strikes go on", "were trying to attack".
	for _, text := range []string{
		"If rocket attacks by the militias on American troops resume, Washington will answer, the envoy warned.",
		"Police said the gunmen were trying to attack a checkpoint of the Iraqi army near Tikrit.",
		"The governor said that the militants were attempting an attack on a Turkish outpost near Duhok.",
		"If attacks by Tehran's allies against American troops go on, Washington will answer, the envoy warned.",
		"The Nujaba movement has decided to resume its drone attacks on American troops, its leader told supporters.",
		"The Nujaba movement vowed to escalate its attacks on American troops in Syria.",
	} {
		rec := extractText(t, text)
		for _, e := range rec.Events {
			if e.Type == schema.EvAirstrike || e.Type == schema.EvAttack {
				t.Errorf("%q: an attack not carried out made an event:%s", text, eventList(rec))
			}
		}
	}
}

func TestHalfToldAttackRetoldIsOne(t *testing.T) {
	// An undated attack by a hand with no target, told again further down
	// with no target or day, is the one attack.
	const text = "Farmers flee\n\nResidents said that Turkish drone strikes killed two shepherds, the monitor said.\n\n" +
		"The bodies of the shepherds killed in Turkish drone strikes were taken to a hospital, a local official told reporters."
	wantEvents(t, text, schema.EvAirstrike, "turkey", 1)
}

func TestAimlessRetellingIsTheAttackToldBefore(t *testing.T) {
	// An undated attack by a hand with no target, told after an attack by
	// the same hand on someone (a state and its armed forces one hand), is
	// that attack; by another hand it stays its own.
	for _, tc := range []struct {
		text, agent string
		want        int
	}{
		{"Jets pound the south\n\nIsraeli jets struck the Mezzeh air base near Damascus, a war monitor said.\n\n" +
			"The monitor counted more than thirty Israeli air strikes during the night across the south of the country.", "israel", 1},
		{"Rockets hit a base\n\nThe United States carried out air strikes against Kataib Hezbollah in Iraq, officials said.\n\n" +
			"Later, more U.S. air strikes were heard in the desert.", "united-states", 1},
		{"Shelling in the north\n\nThe Turkish army shelled the village of Kafr Jannah on Monday, a local official said.\n\n" +
			"Residents later counted more Turkish drone strikes over the hills.", "turkey", 0},
		{"Jets pound the south\n\nTurkish jets struck the Sinjar mountains, a war monitor said.\n\n" +
			"The monitor counted more than thirty Israeli air strikes during the night across the south of the country.", "israel", 1},
	} {
		wantEvents(t, tc.text, schema.EvAirstrike, tc.agent, tc.want)
	}
}

func TestSpeakerIsNotTheTargetItReports(t *testing.T) {
	// The one who says something was struck is no party to the strike:
	// the target is the subject of the clause reported, or none.
	for _, tc := range []struct{ text, speaker string }{
		{"The Pentagon said on Tuesday that a supply convoy was attacked near the border.", "pentagon"},
		{"The Turkish Defence Ministry announced that several outposts were shelled overnight.", "turkish-ministry-of-national-defense"},
		{"The SDF said a patrol was attacked near Hasakah on Sunday.", "syrian-democratic-forces"},
		{"Kataib Hezbollah said on Monday that an oil field was struck by drones.", "kataib-hezbollah"},
	} {
		for _, e := range extractText(t, tc.text).Events {
			if (e.Type == schema.EvAttack || e.Type == schema.EvAirstrike) && e.Target == tc.speaker {
				t.Errorf("%q: the speaker made the target of a %s", tc.text, e.Type)
			}
		}
	}
}

func TestBodyAndSpokesmanBothSpeak(t *testing.T) {
	// A body's statement and its spokesman's, told apart in the article,
	// are two statements (on 264 articles the annotators record both as
	// often as not: folding them into the spokesman's cost recall).
	const text = "The Iranian Foreign Ministry on Friday condemned the American strikes on Syria. " +
		"Hours later, in Tehran, Foreign Ministry spokesman Nasser Kanaani said the strikes broke international law."
	wantEvents(t, text, schema.EvStatement, "nasser-kanaani", 1)
	wantEvents(t, text, schema.EvStatement, "iranian-foreign-ministry", 1)
}

func TestHeIsTheSentencesPerson(t *testing.T) {
	// "he" after a person named earlier in the sentence is that person,
	// whoever the article named before.
	wantEvents(t, "Masrour Barzani spoke in Erbil on Sunday. Prime Minister Mohammed Shia al-Sudani later flew to Washington, where he met with President Joe Biden.",
		schema.EvMeeting, "mohammed-shia-al-sudani", 1)
}

func TestSpeakersStrikesGoOn(t *testing.T) {
	// "the strikes would continue", said by X, is X's threat; negated,
	// it is none.
	wantEvents(t, "Israeli Prime Minister Benjamin Netanyahu said on Sunday that the strikes would continue until the hostages are freed.",
		schema.EvThreat, "benjamin-netanyahu", 1)
	wantEvents(t, "Israeli Prime Minister Benjamin Netanyahu said on Sunday that the strikes would not continue after the truce.",
		schema.EvThreat, "benjamin-netanyahu", 0)
}

func TestWarningsNamingNoOneAreThreatsAtTheEnemy(t *testing.T) {
	// A warning that names no one is aimed at whom the speaker's side
	// fights in the story: the side that struck its forces, or the one
	// its forces struck.
	checkRules(t, "Kataib Hezbollah fired rockets at U.S. troops in Syria on Sunday. "+
		"\"Attacks on our people will not be tolerated,\" Lloyd Austin said.", nil,
		[]wantEvent{{schema.EvThreat, "lloyd-austin", "kataib-hezbollah"}}, nil)
	checkRules(t, "Turkish jets struck PKK hideouts in the Qandil mountains on Monday. "+
		"\"The mountains are no safe haven for terrorists,\" the Turkish Defence Ministry said.", nil,
		[]wantEvent{{schema.EvThreat, "turkish-ministry-of-national-defense", "kurdistan-workers-party"}}, nil)
	// A quotation opening a sentence with no speaker of its own goes on
	// with the words the sentence before quoted.
	checkRules(t, "Kataib Hezbollah fired rockets at U.S. troops in Syria on Sunday. "+
		"\"We answer every attack,\" Lloyd Austin said on Monday. \"No militia will strike our soldiers with impunity.\"", nil,
		[]wantEvent{{schema.EvThreat, "lloyd-austin", "kataib-hezbollah"}}, nil)
}

func TestWordsGivenToAnOutletAreAddressedToIt(t *testing.T) {
	// "confirmed to Rudaw" as "told Rudaw": the outlet is the statement's
	// addressee (the guideline's §5 G), also after a verb that reports
	// speech only when its object is speech.
	checkRules(t, "Two drones fell near Harir air base on Sunday. Fuad Hussein confirmed to Rudaw that nobody on the base was hurt.", nil,
		[]wantEvent{{schema.EvStatement, "fuad-hussein", "rudaw"}}, nil)
}

func TestJointSpeakersMakeOneStatement(t *testing.T) {
	// Two speakers of one report verb make one statement, the first's,
	// that each of them stated (the guideline's joint statement), across
	// the words that describe either.
	for _, tc := range []struct{ text, first, second string }{
		{"Talks on the mission ended in Baghdad on Tuesday. Washington and the Iraqi government say the advisers will stay until next year.", "united-states", "iraqi-government"},
		{"A drone crashed near Tanf on Friday. The Pentagon and the newly formed State Department said the drone came from the east.", "pentagon", "us-state-department"},
	} {
		rec := extractText(t, tc.text)
		if countEvents(rec, schema.EvStatement, tc.first) != 1 || countEvents(rec, schema.EvStatement, tc.second) != 0 {
			t.Errorf("%q: want one statement, by %s:%s", tc.text, tc.first, eventList(rec))
		}
		if !slices.ContainsFunc(rec.Facts, func(f schema.Fact) bool { return f.S == tc.second && f.P == "stated" }) {
			t.Errorf("%q: %s stated nothing", tc.text, tc.second)
		}
	}
	// Two clauses are not two speakers.
	wantEvents(t, "Markets were calm on Monday. Rockets hit Erbil and Kurdish officials said two guards died.", schema.EvStatement, "erbil", 0)
}

func TestWhiteHouseSpeaksForTheGovernment(t *testing.T) {
	// The White House's words are the US government's (the guideline,
	// part N decision 3), however the sentence reports them.
	for _, text := range []string{
		"Markets were calm on Monday. In a statement, the White House said the president had been told of the drone.",
		"Markets were calm on Monday. The White House condemned the rocket fire on the embassy.",
	} {
		rec := extractText(t, text)
		if countEvents(rec, schema.EvStatement, "us-government") != 1 || countEvents(rec, schema.EvStatement, "white-house") != 0 {
			t.Errorf("%q: want one statement, by the US government:%s", text, eventList(rec))
		}
	}
}

func TestQuotationClosingFirstLeavesTheReportVerbOutside(t *testing.T) {
	// A quotation whose opening mark the sentence before holds in another
	// form ('' for ") closes in this sentence: "the ministry said" after it
	// is outside the quotation and names the speaker.
	checkRules(t, "Turkish jets struck PKK hideouts in Gara on Monday, the Turkish Defense Ministry said.\n\n"+
		"''Two hideouts were destroyed near the border. Our strikes will continue until no terrorist is left in the area,” the ministry said.", nil,
		[]wantEvent{{schema.EvThreat, "turkish-ministry-of-national-defense", "kurdistan-workers-party"}}, nil)
}

func TestQuotationClosedLastLeavesNoneOpen(t *testing.T) {
	// A sentence with an odd number of quotation marks whose last one
	// closes the quotation leaves none open: the next sentence's speaker
	// is its own, not the quoted one's.
	checkRules(t, "Markets were calm in Baghdad on Monday. Qais al-Khazali said: “We do not rule out a new war. "+
		"Everyone can see it.” The Iraqi Foreign Ministry said on Tuesday that the rockets fell in an empty field.", nil,
		[]wantEvent{{schema.EvStatement, "ministry-of-foreign-affairs-of-iraq", ""}}, nil)
}

func TestMinistryThreatsAreAtWhomItsStateStrikes(t *testing.T) {
	// A ministry that tells of enemy losses with no author named tells of
	// its own state's strike: its warning that the operations go on is at
	// whom they struck, never at its own state's army.
	checkRules(t, "Turkey reports new losses for the militants\n\n"+
		"The Turkish Defense Ministry said on Monday that three PKK militants were neutralised in northern Iraq. "+
		"\"Our operations will go on until no terrorist is left in the area,\" the ministry said.", nil,
		[]wantEvent{{schema.EvThreat, "turkish-ministry-of-national-defense", "kurdistan-workers-party"}}, nil)
	// "the statement said" goes on with the body whose statement the
	// article told last.
	checkRules(t, "Turkey reports new losses for the militants\n\n"+
		"Two PKK members were killed in the Zap region of northern Iraq, the Turkish Defense Ministry said on Friday. "+
		"\"The two militants were neutralised by our drones. Our operations will go on at full speed in the area,\" the statement said.", nil,
		[]wantEvent{{schema.EvThreat, "turkish-ministry-of-national-defense", "kurdistan-workers-party"}}, nil)
}

func TestTitleStandsForThePersonNamedWithIt(t *testing.T) {
	// "The Secretary" after "Secretary of State X spoke with Prime
	// Minister Y" is X, whom the article named with that title, not the
	// last person it named.
	checkRules(t, "Markets were calm in Baghdad on Monday. Secretary of State Antony Blinken spoke on Tuesday with Prime Minister Mohammed Shia al-Sudani. "+
		"The Secretary condemned the rocket fire on the embassy.", nil,
		[]wantEvent{{schema.EvStatement, "antony-blinken", ""}}, nil)
	// A deputy's title is another office: "the Prime Minister" is still
	// the one named before.
	checkRules(t, "Markets were calm in Erbil on Monday. Prime Minister Masrour Barzani chaired a cabinet session on Wednesday. "+
		"Deputy Prime Minister Qubad Talabani presented the budget. The Prime Minister then denounced the raid on a border post.", nil,
		[]wantEvent{{schema.EvStatement, "masrour-barzani", ""}}, nil)
}

func TestReportsAndResidentsAreSourcingNotStatements(t *testing.T) {
	// "Some reports said", "residents reported": the article cites other
	// accounts; no one made a statement.
	for _, text := range []string{
		"Markets were calm in Hasakah on Monday. Some reports said a drone hit a fuel truck near the crossing on Sunday.",
		"Markets were calm in Hasakah on Monday. Residents reported hearing three blasts near the grain silos at dawn.",
		// "reports" before a report verb is its subject, not a verb
		// whose speaker is a name before it.
		"Markets were calm in Hasakah on Monday. During the offensive by Turkish troops against northern Syria, the colonel led two raids, reports said.",
		"Markets were calm in Hasakah on Monday. Later, reports indicated that Turkish jets had circled over Kobani for an hour.",
	} {
		rec := extractText(t, text)
		if countEvents(rec, schema.EvStatement, "") != 0 {
			t.Errorf("%q: an anonymous Statement%s", text, eventList(rec))
		}
		for _, state := range []string{"syria", "turkey"} {
			if countEvents(rec, schema.EvStatement, state) != 0 {
				t.Errorf("%q: a statement by %s%s", text, state, eventList(rec))
			}
		}
	}
}

func TestAnnouncedAgreementIsNoStatement(t *testing.T) {
	// "X announced an agreement (to …)": the announcement is the
	// agreement's own event, not a statement beside it; "announced that"
	// stays a statement.
	for _, tc := range []struct {
		text, speaker string
		want          int
	}{
		{"Last spring Jordan and Iraq jointly announced an agreement to reopen the Trebil crossing to lorries.", "jordan", 0},
		{"The Kurdistan Regional Government announced on Tuesday a deal with Baghdad over salaries for teachers.", "kurdistan-regional-government", 0},
		{"The Kurdistan Regional Government announced on Tuesday that teachers would be paid before the holiday.", "kurdistan-regional-government", 1},
	} {
		rec := extractText(t, tc.text)
		if n := countEvents(rec, schema.EvStatement, tc.speaker); n != tc.want {
			t.Errorf("%q: want %d statements by %s, got %d:%s", tc.text, tc.want, tc.speaker, n, eventList(rec))
		}
	}
}

func TestOutletsOwnStaffMakeNoStatement(t *testing.T) {
	// "X correspondent said", "X activists reported": the outlet's own
	// staff, its sourcing and the page's voice, not a statement by the
	// outlet; "X's correspondent" is another outlet quoting X's report.
	for _, tc := range []struct {
		text, speaker string
		want          int
	}{
		{"Kurdistan 24 correspondent said that smoke rose over the fuel depot in Makhmour until dawn.", "kurdistan24", 0},
		{"SOHR activists reported that two ambulances reached the village of Tal Baydar after the shelling.", "", 0},
		{"SOHR activists reported that two ambulances reached the village of Tal Baydar after the shelling.", "syrian-observatory-for-human-rights", 0},
		{"Kurdistan 24's correspondent said that smoke rose over the fuel depot in Makhmour until dawn.", "kurdistan24", 1},
	} {
		rec := extractText(t, tc.text)
		if n := countEvents(rec, schema.EvStatement, tc.speaker); n != tc.want {
			t.Errorf("%q: want %d statements by %q, got %d:%s", tc.text, tc.want, tc.speaker, n, eventList(rec))
		}
	}
}

func TestDemandForWithdrawalIsAStatementAtTheForces(t *testing.T) {
	// A body's call for the expulsion or withdrawal of forces is its
	// statement, addressed to the forces it wants gone.
	for _, text := range []string{
		"Asaib Ahl al-Haq has repeatedly called for the expulsion of U.S. forces based at Ain al-Asad.",
		"After the funeral in Najaf, the Iraqi parliament began to demand the withdrawal of U.S. forces.",
	} {
		rec := extractText(t, text)
		n := 0
		for _, e := range rec.Events {
			if e.Type == schema.EvStatement && e.Target == "us-military" {
				n++
			}
		}
		if n != 1 {
			t.Errorf("%q: want one statement addressed to the U.S. military, got %d:%s", text, n, eventList(rec))
		}
	}
}

func TestReportedWordsAreAddressedToTheirParty(t *testing.T) {
	// Reported words that speak of a party of another side are addressed
	// to it, as a direct quotation is; the speaker's own side is no
	// addressee, and an outlet the words are told to later still is.
	for _, tc := range []struct{ text, agent, target string }{
		{"Dust storms closed the roads on Monday. Iraq's Foreign Ministry said the United States had ignored the sovereignty of Iraq once more.", "ministry-of-foreign-affairs-of-iraq", "united-states"},
		{"The convoy left at dawn. Kataib Hezbollah said it would never accept a lasting presence of US forces in the country.", "kataib-hezbollah", "us-military"},
		{"The drone came down at noon. An Iraqi interior ministry source said the blast wounded two Kataib Hezbollah members. The car burned for an hour, the source told Xinhua.", "ministry-of-interior-of-iraq", "xinhua"},
	} {
		checkRules(t, tc.text, nil, []wantEvent{{schema.EvStatement, tc.agent, tc.target}}, nil)
	}
}

func TestStatedAndReportedOnlyAttribute(t *testing.T) {
	// "stated", "reported", "emphasized" attribute as "said" does: a
	// speaker who spoke before in the article goes on with its statement.
	for _, tc := range []struct{ text, agent string }{
		{"The Syrian Democratic Forces said on Monday that two of their fighters died near the dam. Villagers left the area by night. The Syrian Democratic Forces stated that the funerals would take place in Kobani.", "syrian-democratic-forces"},
		{"The Pentagon said a drone hit the Tanf garrison on Sunday. Nobody was hurt in the blast. The Pentagon reported later that the drone had come from the east.", "pentagon"},
		{"The Iraqi Foreign Ministry said on Tuesday that it would summon the envoy. The envoy was away in Ankara. The Iraqi Foreign Ministry emphasized its support for calm on the border.", "ministry-of-foreign-affairs-of-iraq"},
	} {
		if rec := extractText(t, tc.text); countEvents(rec, schema.EvStatement, tc.agent) != 1 {
			t.Errorf("%q: want one statement by %s:%s", tc.text, tc.agent, eventList(rec))
		}
	}
	// The first time, they are the speaker's statement.
	checkRules(t, "The Syrian Democratic Forces stated that two fighters died near the dam.", nil,
		[]wantEvent{{schema.EvStatement, "syrian-democratic-forces", ""}}, nil)
}

func TestAnnouncementByASpeakerIsItsStatement(t *testing.T) {
	// "the announcement by X that …", "a statement from the leadership
	// of X": X made a statement, though the sentence's verb is another's.
	for _, tc := range []struct{ text, agent string }{
		{"Prices fell on Monday. Villagers welcomed the announcement by the Iraqi Foreign Ministry that the border crossing would reopen.", "ministry-of-foreign-affairs-of-iraq"},
		{"Prices fell on Monday. Markets rose after a brief statement from the leadership of Kataib Hezbollah that the truce would hold.", "kataib-hezbollah"},
	} {
		checkRules(t, tc.text, nil, []wantEvent{{schema.EvStatement, tc.agent, ""}}, nil)
	}
}

func TestStateOfficialsAccuseOrSpeak(t *testing.T) {
	// "Iraqi officials accused Turkey of …", "Turkish officials have
	// spoken of …": unnamed officials of a state speak for it, whatever
	// the verb of speech.
	for _, tc := range []struct{ text, speaker string }{
		{"Markets reopened in Mosul on Sunday. After the blast, Iraqi officials accused Turkey of shelling a village near Zakho.", "iraq"},
		{"Markets reopened in Ankara on Sunday. Turkish officials have often spoken of their plan to push the militants back from the border.", "turkey"},
		{"Markets reopened in Amman on Sunday. Jordanian diplomats voiced alarm at the shelling near the border crossing.", "jordan"},
	} {
		rec := extractText(t, tc.text)
		if n := countEvents(rec, schema.EvStatement, tc.speaker); n != 1 {
			t.Errorf("%q: %d statements by %s, want 1:%s", tc.text, n, tc.speaker, eventList(rec))
		}
	}
}

func TestSuspensionsAreStatements(t *testing.T) {
	// A group that stops, pauses or ceases its attacks on someone states
	// it, addressed to them; a stop asked of it, one beyond it or one
	// denied is no statement of its own. The sentences are written for
	// this test.
	for _, tc := range []struct {
		text          string
		agent, target string
		want          int
	}{
		{"Kata'ib Hezbollah suspended its attacks on U.S. forces on Tuesday.", "kataib-hezbollah", "us-military", 1},
		{"Since March, Kata'ib Hezbollah paused all assaults against American troops, its leaders say.", "kataib-hezbollah", "us-military", 1},
		{"In the spring Iran-backed militias stopped their attacks against U.S. troops in Syria.", "iran-backed-militias", "us-military", 1},
		{"Harakat al-Nujaba ceased its raids on Turkish forces after the talks in Baghdad.", "harakat-hezbollah-al-nujaba", "turkish-armed-forces", 1},
		{"Harakat al-Nujaba agreed to stop its attacks on U.S. forces until the talks end.", "harakat-hezbollah-al-nujaba", "us-military", 1},
		{"Washington sent a message to Iran-backed militias to stop their attacks on U.S. troops.", "iran-backed-militias", "us-military", 0},
		{"Iran-backed militias have not stopped their attacks against U.S. troops in Syria.", "iran-backed-militias", "us-military", 0},
	} {
		rec := extractText(t, tc.text)
		n := 0
		for _, e := range rec.Events {
			if e.Type == schema.EvStatement && e.Agent == tc.agent && e.Target == tc.target {
				n++
			}
		}
		if n != tc.want {
			t.Errorf("%q: want %d statement by %s to %s, got %d:%s", tc.text, tc.want, tc.agent, tc.target, n, eventList(rec))
		}
		for _, e := range rec.Events {
			if e.Type == schema.EvSuspension {
				t.Errorf("%q: a Suspension event, not a statement:%s", tc.text, eventList(rec))
			}
		}
	}
}

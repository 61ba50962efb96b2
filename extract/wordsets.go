package extract

import (
	"fmt"
	"iter"
	"math/bits"
	"sort"
	"strings"

	"github.com/newsgraph/newsgraph/schema"
)

// The closed word lists the rules read — nouns of a kind, verbs of a kind,
// the trigger words of the rules — live in lexicon/words.yaml, so that a
// domain expert edits them without touching Go. Each list is compiled at
// load time into a wordSet keyed as the tokeniser keys words (wordKey).

// wordSet is a closed list of words, keyed by the exact key a token of the
// word has. It is a pointer so that every copy of a set sees the numbers
// indexWords gives its words.
type wordSet = *wordList

// wordList is what a wordSet points to.
type wordList struct {
	keys  map[string]bool // exact keys
	list  []string        // the keys again, as listed: scans (containsKey) range over a slice, not a map
	index strIndex        // the keys again, for has
	ids   []uint64        // bit n: the word numbered n is in the list (number)
}

// has reports whether w, an exact key, is in the set.
func (s *wordList) has(w string) bool { return s.index.get(w) != 0 }

// hasID reports whether the word numbered id is in the set: has without
// hashing the word, for the items of a sentence, which carry their numbers.
func (s *wordList) hasID(id wordID) bool {
	i := int(id) >> 6
	return i < len(s.ids) && s.ids[i]&(1<<(id&63)) != 0
}

// eachID yields the numbers of the set's words, as hasID has them.
func (s *wordList) eachID() iter.Seq[wordID] {
	return func(yield func(wordID) bool) {
		for i, mask := range s.ids {
			for ; mask != 0; mask &= mask - 1 {
				if !yield(wordID(i*64 + bits.TrailingZeros64(mask))) {
					return
				}
			}
		}
	}
}

// number numbers the set's words in words and sets ids.
func (s *wordList) number(words *vocab) {
	for w := range s.keys {
		id := words.intern(w)
		for int(id)>>6 >= len(s.ids) {
			s.ids = append(s.ids, 0)
		}
		s.ids[id>>6] |= 1 << (id & 63)
	}
}

// wordBits maps a word to the sets it is in among a few (bit i for the
// i-th set given to unionBits).
type wordBits map[string]uint8

// The bits of attributionBits and actBits.
const (
	bitHearsay, bitReport               = 1 << 0, 1 << 1
	bitAct, bitSummon, bitVote, bitCall = 1 << 0, 1 << 1, 1 << 2, 1 << 3
)

// unionBits compiles up to eight sets into one wordBits.
func unionBits(sets ...wordSet) wordBits {
	b := wordBits{}
	for i, s := range sets {
		for w := range s.keys {
			b[w] |= 1 << i
		}
	}
	return b
}

// wordSets are the compiled word lists of words.yaml (besides given names,
// titles and heads, which Lexicon holds itself).
type wordSets struct {
	capStop         wordSet           // capitalised words that never start or continue a name
	startStop       wordSet           // nouns that open sentences but never start a name
	nameConnectors  wordSet           // lower-case words inside a name
	groupWords      wordSet           // words before a quoted name that make it an armed group
	groupKindNouns  wordSet           // "the X militia": a group's kind its mention takes in
	groupAdjectives wordSet           // "the Northern X Front": descriptors that may open a group's name
	mediaWords      wordSet           // words before a quoted name that make it a media outlet
	speechVerbs     wordSet           // verbs after a bare name that make it a person
	genericWords    wordSet           // words that describe without naming
	placesBefore    wordSet           // "the town of X"
	settlementHeads wordSet           // "the Yazidi town of X": X is the town
	directions      wordSet           // "X, east of Mosul": X is a place
	distanceUnits   wordSet           // "X, 20 km north of Y"
	headsAfter      map[string]string // lower-case head after a name -> its type

	reportVerbs       wordSet // verbs that introduce attributed content
	looseVerbs        wordSet // report verbs only when the speech is next to them
	plainReport       wordSet // report verbs that only attribute, never a Statement
	unnamedSources    wordSet // nouns of anonymous attribution
	groupNouns        wordSet // "the militia": the last armed group
	personNouns       wordSet // "the official": the last person
	titleLowering     wordSet // "Deputy Prime Minister": not the Prime Minister
	adverbs           wordSet // adverbs and auxiliaries between a subject and its verb
	negators          wordSet // "not", "never": a negated trigger asserts nothing
	preventionVerbs   wordSet // "deter X from": the act after "from" is not done
	unrealisedWords   wordSet // "if attacks continue", "attempting an attack": no attack told
	intentionVerbs    wordSet // "vowed to resume attacks": before "to", an attack intended, not told
	denialVerbs       wordSet // "X denied carrying out the attack": the act is denied
	characterVerbs    wordSet // "what it described as": a view named in a relative clause, no statement
	placePrepositions wordSet // "in Erbil": the city is a place, not its government
	auxVerbs          wordSet // "was forced to", "began": verbs before the action's verb

	militaryNouns    wordSet // "American troops": the country's armed forces
	skippable        wordSet // words between a trigger and its argument
	attackAdjectives wordSet // words between an attacker and the attack noun
	genericTargets   wordSet // nouns for what was hit, not who
	placeWords       wordSet // "the city center of": a part of a place

	attackNouns               wordSet // attack triggers that are nouns, not verbs
	claimVerbs                wordSet // claims of an attack
	agreementAnnouncing       wordSet // "announced an agreement": the agreement's, no statement
	outletStaffNouns          wordSet // "North Press correspondent said": the outlet's own sourcing
	attackLaunchVerbs         wordSet // verbs whose object is an attack noun
	carriedOutParticiples     wordSet // "attacks were carried out against"
	handByParticiples         wordSet // "the attack was perpetrated by X"
	carryVerbs                wordSet // "carried out" before an attack noun
	launchVerbs               wordSet // govern an attack noun without "out"
	casualtyVerbs             wordSet // what an attack did to people
	lifeNouns                 wordSet // "claimed the lives of X": the people an attack killed follow
	hitVerbs                  wordSet // an attack reaching its target
	targetPrepositions        wordSet // introduce the target of an attack
	airAttackWords            wordSet // attack triggers that are from the air
	airWeaponWords            wordSet // before an attack noun, from the air
	stateAirWords             wordSet // a state's attack told with them is an airstrike
	groundWeaponWords         wordSet // a state's attack told with them is not
	baseNouns                 wordSet // "against these bases in Erbil"
	weaponNouns               wordSet // "fired rockets at": what makes fired an attack
	ownAttackVerbs            wordSet // a speaker telling of its own attack
	blameVerbs                wordSet // "Washington blamed X for the attack"
	blamesRelative            wordSet // "X, which Washington blames for the attack"
	blameOnVerbs              wordSet // "blamed the attack on X"
	attributedParticiples     wordSet // "a drone strike attributed to X", "an attack blamed on X"
	responseVerbs             wordSet // "X responded with airstrikes on Y"
	ownedSites                wordSet // besides generic_targets, sites that have an owner
	siteDeterminers           wordSet // "a", "two", "several" before a site noun
	sitePrepositions          wordSet // "in", "near": where a name is, not who acts
	agreementHeads            wordSet // "agreement", "deal": an unnamed agreement's noun
	platformBefore            wordSet // "the platform X": an on_name follows
	platformAfter             wordSet // "his X account": an on_name comes before
	agreementComplements      wordSet // "to", "between": open the phrase that says which
	agreementDeterminers      wordSet // "an", "the": before the agreement's modifiers
	agreementStops            wordSet // "and", "which": end its description
	gapStops                  wordSet // "says": a frame's gap never passes them
	hostWords                 wordSet // "a base hosting X": the hosts relation's triggers
	usedByParticiples         wordSet // "facilities used by X"
	linkedToParticiples       wordSet // "targets linked to X"
	affiliatedWithParticiples wordSet // "sites affiliated with X"
	doneBeforeTo              wordSet // "was forced to close": it happened
	modalWords                wordSet // a planned or hypothetical action
	imminenceWords            wordSet // "an impending strike": a threat
	imminentAttackNouns       wordSet // the attack an imminence word announces
	threatTargetWords         wordSet // "vowed to target X": the target follows
	futureAttackWords         wordSet // "they would target the Americans"
	consequenceWords          wordSet // "if X ..., they will face/pay": a menace
	priceVerbs                wordSet // "the U.S. would pay a price"
	menaceWords               wordSet // "will not go unanswered": a menace at the foreign forces
	causeWords                wordSet // "in response to a rocket attack on X": an attack told again
	departureConditions       wordSet // "until", "unless": a menace when fighting on comes before and a departure after
	memberHeads               wordSet // "X fighters attacked": members who act as their group
	pressOffices              wordSet // "the SDF media center confirmed": the office speaks for its body
	pressWords                wordSet // "media", "press": the word before a press office
	bodyVoices                wordSet // "Syrian military sources said": after a body's name, the body speaks
	placeOpeners              wordSet // "Mount Qasioun", "Tal Abyad": words that open a place's name
	hyphenModifiers           wordSet // "the US-led coalition": the name modifies the phrase
	affiliateWords            wordSet // "X and affiliated groups attacked": groups acting with X
	surpriseVerbs             wordSet // "will carry surprises"
	ongoingAttackNouns        wordSet // "operations against X will continue"
	escalationVerbs           wordSet // attacks that go on or grow
	fightOnWords              wordSet // "continue fighting until ..."
	departureWords            wordSet // "until the last soldier leaves"
	threatReportVerbs         wordSet // report verbs that carry a threat
	speechAdjunctStarts       wordSet // "said on condition of anonymity": how one spoke, not what
	suspendedActivities       wordSet // "suspended its military operations"
	suspensionCommitments     wordSet // "agreed to halt its attacks": before "to", a suspension the subject makes
	addressedParticiples      wordSet // "a statement directed at Y"
	statementNouns            wordSet // "said in a statement": a Statement
	possessiveStatementNouns  wordSet // "according to X's statement"
	institutionalActVerbs     wordSet // acts of a state or body that are statements
	summonVerbs               wordSet // "summoned Iran's envoy": addressed to a state
	voteVerbs                 wordSet // "parliament voted to expel foreign troops"
	callVerbs                 wordSet // "called on Baghdad to", "called for"
	roleNouns                 wordSet // "X's deputy, Y": roles named by a possessive
	otherMemberNouns          wordSet // "X and other factions": X is one of them
	memberNounsIn             wordSet // "X, the most powerful faction in Y"
	umbrellaHeads             wordSet // "an umbrella group of militias"
	pluralMemberNouns         wordSet // "other groups of Y"
	personListHeads           wordSet // "its commanders A, B and C": people
	namedPersonNouns          wordSet // "a woman named X": a person
	aliasWords                wordSet // "X, code-named Y": Y is X's other name
	organizationNouns         wordSet // a name in quotes before them is an organisation
	locatedParticiples        wordSet // "X, located in Y"
	allianceParticiples       wordSet // "Iran-aligned X"
	allyNouns                 wordSet // "X's ally Y", "an ally of X"
	attackInNouns             wordSet // "killed in a strike"
	killerAttackNouns         wordSet // "a strike killed X"
	killingNouns              wordSet // "the killing of X"
	lossVerbs                 wordSet // "X lost his life": read as "X was killed"
	implementVerbs            wordSet // "X signed/implements the agreement": party_to
	stationedParticiples      wordSet // "troops deployed in Y"
	troopNouns                wordSet // "troops deployed in Y": troops before the verb
	deployableAssets          wordSet // besides military_nouns, what can be deployed
	approximators             wordSet // number hedges: "some 2,500 troops"
	troopModifiers            wordSet // "2,500 combat troops"
	presenceWords             wordSet // "troops remain in X"
	focusAdverbs              wordSet // "troops, mostly in X and Y"
	presenceNouns             wordSet // "X forces in Y": a presence
	keepVerbs                 wordSet // "the US keeps 2,500 troops in Iraq"
	regionAdjectives          wordSet // "in neighbouring Syria"
	deniedObjects             wordSet // "X denied responsibility"
	membershipNouns           wordSet // "whose members include X"
	supporterNouns            wordSet // "Y as the main supporter of X"
	roleModifiers             wordSet // "a senior Iraqi military official": modifiers of a role
	roleQualifiers            wordSet // "senior representative": modifiers kept in the role
	courtesyTitles            wordSet // "Dr.", "Sheikh": a courtesy, not a role
	governmentNouns           wordSet // "the government of Prime Minister X": X's government
	partisanGovernmentNouns   wordSet // "the Assad regime" names the government, not the man
	homeBodyHeads             wordSet // "the defense ministry said": the article's country's body
	stateBodyHeads            wordSet // "the government of Iraq": the state's body
	stateNouns                wordSet // "the Turkish state": after a demonym, the country
	commentatorNouns          wordSet // a title with one of them makes a commentator
	partyNameWords            wordSet // an organisation named with one of them is a political party
	cabinetDepartments        wordSet // "Defense Secretary": a secretary who is a minister
	nonCabinetSecretaryWords  wordSet // "press secretary": a secretary who is no minister
	untitledRoles             wordSet // roles that are not titles
	hearsayWords              wordSet // "reportedly": attribution without a speaker
	outletVerbs               wordSet // ", Bianet reported": an unknown name that reports is an outlet
	outletModifiers           wordSet // "the T24 news website reported": before a media word
	outletReportNouns         wordSet // "according to a report by X": X is an outlet
	groupingNouns             wordSet // "an umbrella group of Iran-aligned militias"
	definiteGroupNouns        wordSet // "the group": the last armed group
	coalitionNouns            wordSet // "the coalition": the last coalition
	forceModifiers            wordSet // "American combat troops"
	baseWords                 wordSet // "US bases": a military named by its bases
	singleBaseWords           wordSet // "a US base": one base of the forces
	listFillerNouns           wordSet // "X, Y and other groups": nouns inside a list
	targetListBreaks          wordSet // end a list of targets carried past plain noun phrases
	killWords                 wordSet // "a strike ... killed X"
	targetingWords            wordSet // "targeted": a targeting unless from the air
	aircraftStems             wordSet // parts of words that name aircraft
	militaryNameWords         wordSet // a lexicon entry whose name holds one is a military
	forceHeads                wordSet // "... Forces", "... Units": an armed group unless state
	stateForceWords           wordSet // "Iraqi Security Forces": a state force
	kunyas                    wordSet // "Abu X", "Umm X": a personal name
	responsibilityNouns       wordSet // "claimed responsibility for the attack": what a claim verb takes before the attack
	resistanceNouns           wordSet // "attacks by the resistance": the last group with the word in its name
	particleLaunchVerbs       wordSet // "have carried out strikes": a launch verb read with its particle
	launchParticles           wordSet // "stepped up attacks", "resorted to attacks": a launch verb's particle before the noun
	attackNounVerbs           wordSet // "a rocket attack targeted X": besides hit_verbs, an attack noun reaching its target
	airModifiers              wordSet // "an air strike": the attack is from the air
	comeVerbs                 wordSet // "have come under rocket attack": the subject is the target
	objectOfNouns             wordSet // "the bombardment of X": X is the target
	blockadeNouns             wordSet // "the blockade of X": an attack trigger that targets rather than attacks
	warNameHeads              wordSet // "Israel's war against Hamas": a war's name that says who wages it on whom
	operationVerbs            wordSet // "Turkey launched three operations: A, B and C": the verb of the one who wages them
	operationNouns            wordSet // the noun before the list of the operations' names: the operations_in relation's triggers
	assassinationVerbs        wordSet // "X assassinated Y": an attack that is a killing, which the killed rule records
	targetStopVerbs           wordSet // "attacks on its bases cease": a verb that ends the search for a target
	truceNouns                wordSet // "a truce": a suspension even without the suspended operations named
	issuedStatementNouns      wordSet // "X has issued a statement directed at Y"
	issueVerbs                wordSet // "X has issued a statement"
	messageNouns              wordSet // "a message from X to Y": a statement of X to Y
	accordingWords            wordSet // "according to X": attribution without a reporting verb
	addresseeReportVerbs      wordSet // "X told Reuters": a report verb whose object is the addressee
	surpriseNouns             wordSet // "will carry surprises": a menace only after surprise_verbs
	clauseReportVerbs         wordSet // "…, X said": a reporting clause ends an attack's phrase
	saidVerbs                 wordSet // "…, X said": a reporting clause ends the launch verb's search
	dateWords                 wordSet // "claimed Saturday's attack": words of a date phrase before an attack noun
	responsibleWords          wordSet // "held X responsible for the attack": the blame's adjective
	ledWords                  wordSet // "US-led coalition": a mention whose own tokens say who leads it
	opposedWords              wordSet // "the Coalition to Defeat ISIS": a mention whose own tokens say whom it fights
	approvalNouns             wordSet // "with the tacit approval of Y": Y backs the subject
	supportModifiers          wordSet // "support the military X": besides skippable words, between support and its object
	umbrellaWords             wordSet // "an umbrella group of militias including Y": its members
	alliedWords               wordSet // "X, allied with Y": an alliance told by a participle
	defeatNouns               wordSet // "contributed to the defeat of Y": the sentence's subjects fought Y
	directFightVerbs          wordSet // "X fought Y": a fight trigger that takes its object without "against"
	pluralSourceNouns         wordSet // "Iraqi officials said": a plural speaker that names no one
	countryNouns              wordSet // "the country": the last country named
	speechTimeWords           wordSet // "said last week that it": time words between a report verb and its pronoun
	sentenceTailWords         wordSet // "said late on Monday in a statement": the tail of a sentence after its report verb
	documentSources           wordSet // "a statement said": unnamed sources that are documents, not people
	militaryAdjectives        wordSet // "the US military strikes": military as an adjective, not the armed forces
	nonForceNouns             wordSet // "the US presence": a military noun that after a country does not name its forces
	unitNouns                 wordSet // "units of the US army": besides military_nouns, a noun before "of" and the forces
	placeWordsAfter           wordSet // "the Idlib countryside": a lower-case word after a name that makes it a place
	spokespersonStems         wordSet // "Its spokesman X": title parts for the group the article was last about
	describedSpeakerTitles    wordSet // "a Pentagon spokesman said …": a speaker the next sentences name
	secretaryWords            wordSet // "Defense Secretary": title parts of a secretary, a minister with a cabinet department
	abbreviations             wordSet // "Gen. Kurilla": words whose dot does not end a sentence before a capital
	sentenceStarters          wordSet // "U.S. The": capitalised words that show an initialism's dot ended the sentence
	borderPrepositions        wordSet // "a village on the border": where a place is as to a border
	sideNouns                 wordSet // "on the Syrian side of the border"
	nearWords                 wordSet // "located near Y", "close to the border"
	lossReading               wordSet // "X lost his life" reads "X were killed": the one word of loss_reading
	auxAdverbs                wordSet // "the strike has reportedly killed": between an attack noun and its verb
	knownWords                wordSet // "X, known as Y", "X, also known by ... Y": Y is X's other name
	namingWords               wordSet // "a woman named X": after named_person_nouns, X is a person

	all []wordSet // every set above, for indexWords

	// Derived: which of a few sets a word is in, in one lookup, for the
	// loops that test every item of a sentence against several sets.
	attributionBits wordBits // bitHearsay, bitReport
	actBits         wordBits // bitAct, bitSummon, bitVote, bitCall

	eventTriggers    map[string]eventRule        // trigger word -> the event rule it fires
	relationTriggers map[string]func(*view, int) // trigger word -> the relation rule it fires

	// Lists of other shapes: entries of several words, rows, texts.
	serviceBranches     []branch     // "Press Secretary Air Force Maj. Gen. X": a branch between two titles
	headPhrases         []headPhrase // "... News Agency": a phrase that types a name it ends
	facilityHeads       []headPhrase // "the Arbat airport": lower-case heads that make a place's name a facility's
	roleOffices         []officeRule // the office a role names: "X, the prime minister of Y"
	knownOffices        []officeRule // the office a bare title names before a known holder
	boilerplatePrefixes []string     // "leave a reply": the starts of lines of scrape noise
	// boilerplateBy[c] are the boilerplatePrefixes that start with byte c:
	// a sentence tests those its head starts with, not all of them.
	boilerplateBy [256][]string
}

// eventRule names an event rule of view.events; event_triggers in
// words.yaml lists the words that fire each.
type eventRule uint8

const (
	evNone eventRule = iota
	evAttack
	evAttackIfWeapon  // an attack only with a weapon after ("fired rockets")
	evAttackIfClaimed // an attack only after a claim or "carried out"
	evAttackIfObject  // an attack only between a subject and an object ("Turkey targets PKK positions")
	evThreat
	evSuspension
)

// eventRules are the names event_triggers uses for the rules.
var eventRules = map[string]eventRule{
	"attack": evAttack, "attack_if_weapon_follows": evAttackIfWeapon, "attack_if_claimed": evAttackIfClaimed,
	"attack_if_object_follows": evAttackIfObject,
	"threat":                   evThreat,
	"suspension":               evSuspension,
}

// relationRules are the names relation_triggers uses for the rules of
// view.rules.
var relationRules = map[string]func(*view, int){
	"backed": (*view).backed, "supports": (*view).supports, "member_of": (*view).memberOf,
	"located": (*view).located, "capital": (*view).capital, "allied": (*view).allied,
	"killed": (*view).killed, "overthrew": (*view).overthrew, "fought": (*view).fought,
	"deployed": (*view).deployed, "includes": (*view).includes, "led_by": (*view).ledBy,
	"hosts": (*view).hosts, "troops_held": (*view).troopsHeld, "active_in": (*view).activeIn,
	"denied": (*view).denied, "operations_in": (*view).operationsIn,
}

// setSpec ties a list of words.yaml to the set it compiles into.
type setSpec struct {
	name string // the key in words.yaml
	src  []string
	dst  *wordSet
}

// compile compiles the word lists of words.yaml. Every list must be
// there: a lexicon directory of one's own copies the whole file.
func (ws *wordSets) compile(w *wordLists) error {
	for _, s := range []setSpec{
		{"cap_stop", w.CapStop, &ws.capStop},
		{"start_stop", w.StartStop, &ws.startStop},
		{"name_connectors", w.NameConnectors, &ws.nameConnectors},
		{"group_words", w.GroupWords, &ws.groupWords},
		{"group_kind_nouns", w.GroupKindNouns, &ws.groupKindNouns},
		{"group_adjectives", w.GroupAdjectives, &ws.groupAdjectives},
		{"media_words", w.MediaWords, &ws.mediaWords},
		{"speech_verbs", w.SpeechVerbs, &ws.speechVerbs},
		{"generic_words", w.GenericWords, &ws.genericWords},
		{"places_before", w.PlacesBefore, &ws.placesBefore},
		{"settlement_heads", w.SettlementHeads, &ws.settlementHeads},
		{"directions", w.Directions, &ws.directions},
		{"distance_units", w.DistanceUnits, &ws.distanceUnits},
		{"report_verbs", w.ReportVerbs, &ws.reportVerbs},
		{"loose_verbs", w.LooseVerbs, &ws.looseVerbs},
		{"plain_report", w.PlainReport, &ws.plainReport},
		{"unnamed_sources", w.UnnamedSources, &ws.unnamedSources},
		{"group_nouns", w.GroupNouns, &ws.groupNouns},
		{"person_nouns", w.PersonNouns, &ws.personNouns},
		{"title_lowering", w.TitleLowering, &ws.titleLowering},
		{"adverbs", w.Adverbs, &ws.adverbs},
		{"negators", w.Negators, &ws.negators},
		{"prevention_verbs", w.PreventionVerbs, &ws.preventionVerbs},
		{"unrealised_words", w.UnrealisedWords, &ws.unrealisedWords},
		{"intention_verbs", w.IntentionVerbs, &ws.intentionVerbs},
		{"denial_verbs", w.DenialVerbs, &ws.denialVerbs},
		{"characterising_verbs", w.CharacterVerbs, &ws.characterVerbs},
		{"place_prepositions", w.PlacePrepositions, &ws.placePrepositions},
		{"aux_verbs", w.AuxVerbs, &ws.auxVerbs},
		{"military_nouns", w.MilitaryNouns, &ws.militaryNouns},
		{"skippable", w.Skippable, &ws.skippable},
		{"attack_adjectives", w.AttackAdjs, &ws.attackAdjectives},
		{"generic_targets", w.GenericTargets, &ws.genericTargets},
		{"place_words", w.PlaceWords, &ws.placeWords},
		{"attack_nouns", w.AttackNouns, &ws.attackNouns},
		{"claim_verbs", w.ClaimVerbs, &ws.claimVerbs},
		{"agreement_announcing_verbs", w.AgreementAnnouncingVerbs, &ws.agreementAnnouncing},
		{"outlet_staff_nouns", w.OutletStaffNouns, &ws.outletStaffNouns},
		{"attack_launch_verbs", w.AttackLaunchVerbs, &ws.attackLaunchVerbs},
		{"carried_out_participles", w.CarriedOutParticiples, &ws.carriedOutParticiples},
		{"hand_by_participles", w.HandByParticiples, &ws.handByParticiples},
		{"carry_verbs", w.CarryVerbs, &ws.carryVerbs},
		{"launch_verbs", w.LaunchVerbs, &ws.launchVerbs},
		{"casualty_verbs", w.CasualtyVerbs, &ws.casualtyVerbs},
		{"life_nouns", w.LifeNouns, &ws.lifeNouns},
		{"hit_verbs", w.HitVerbs, &ws.hitVerbs},
		{"target_prepositions", w.TargetPrepositions, &ws.targetPrepositions},
		{"air_attack_words", w.AirAttackWords, &ws.airAttackWords},
		{"air_weapon_words", w.AirWeaponWords, &ws.airWeaponWords},
		{"state_air_words", w.StateAirWords, &ws.stateAirWords},
		{"ground_weapon_words", w.GroundWeaponWords, &ws.groundWeaponWords},
		{"base_nouns", w.BaseNouns, &ws.baseNouns},
		{"weapon_nouns", w.WeaponNouns, &ws.weaponNouns},
		{"own_attack_verbs", w.OwnAttackVerbs, &ws.ownAttackVerbs},
		{"blame_verbs", w.BlameVerbs, &ws.blameVerbs},
		{"blames_relative", w.BlamesRelative, &ws.blamesRelative},
		{"blame_on_verbs", w.BlameOnVerbs, &ws.blameOnVerbs},
		{"attributed_participles", w.AttributedParticiples, &ws.attributedParticiples},
		{"response_verbs", w.ResponseVerbs, &ws.responseVerbs},
		{"owned_sites", w.OwnedSites, &ws.ownedSites},
		{"site_determiners", w.SiteDeterminers, &ws.siteDeterminers},
		{"site_prepositions", w.SitePrepositions, &ws.sitePrepositions},
		{"agreement_heads", w.AgreementHeads, &ws.agreementHeads},
		{"platform_before", w.PlatformBefore, &ws.platformBefore},
		{"platform_after", w.PlatformAfter, &ws.platformAfter},
		{"agreement_complements", w.AgreementComplements, &ws.agreementComplements},
		{"agreement_determiners", w.AgreementDeterminers, &ws.agreementDeterminers},
		{"agreement_stops", w.AgreementStops, &ws.agreementStops},
		{"gap_stops", w.GapStops, &ws.gapStops},
		{"used_by_participles", w.UsedByParticiples, &ws.usedByParticiples},
		{"linked_to_participles", w.LinkedToParticiples, &ws.linkedToParticiples},
		{"affiliated_with_participles", w.AffiliatedWithParticiples, &ws.affiliatedWithParticiples},
		{"done_before_to", w.DoneBeforeTo, &ws.doneBeforeTo},
		{"modal_words", w.ModalWords, &ws.modalWords},
		{"imminence_words", w.ImminenceWords, &ws.imminenceWords},
		{"imminent_attack_nouns", w.ImminentAttackNouns, &ws.imminentAttackNouns},
		{"threat_target_words", w.ThreatTargetWords, &ws.threatTargetWords},
		{"future_attack_words", w.FutureAttackWords, &ws.futureAttackWords},
		{"consequence_words", w.ConsequenceWords, &ws.consequenceWords},
		{"price_verbs", w.PriceVerbs, &ws.priceVerbs},
		{"menace_words", w.MenaceWords, &ws.menaceWords},
		{"cause_words", w.CauseWords, &ws.causeWords},
		{"departure_conditions", w.DepartureConditions, &ws.departureConditions},
		{"member_heads", w.MemberHeads, &ws.memberHeads},
		{"press_offices", w.PressOffices, &ws.pressOffices},
		{"press_words", w.PressWords, &ws.pressWords},
		{"body_voices", w.BodyVoices, &ws.bodyVoices},
		{"place_openers", w.PlaceOpeners, &ws.placeOpeners},
		{"hyphen_modifiers", w.HyphenModifiers, &ws.hyphenModifiers},
		{"affiliate_words", w.AffiliateWords, &ws.affiliateWords},
		{"surprise_verbs", w.SurpriseVerbs, &ws.surpriseVerbs},
		{"ongoing_attack_nouns", w.OngoingAttackNouns, &ws.ongoingAttackNouns},
		{"escalation_verbs", w.EscalationVerbs, &ws.escalationVerbs},
		{"fight_on_words", w.FightOnWords, &ws.fightOnWords},
		{"departure_words", w.DepartureWords, &ws.departureWords},
		{"threat_report_verbs", w.ThreatReportVerbs, &ws.threatReportVerbs},
		{"speech_adjunct_starts", w.SpeechAdjunctStarts, &ws.speechAdjunctStarts},
		{"suspended_activities", w.SuspendedActivities, &ws.suspendedActivities},
		{"suspension_commitments", w.SuspensionCommitments, &ws.suspensionCommitments},
		{"addressed_participles", w.AddressedParticiples, &ws.addressedParticiples},
		{"statement_nouns", w.StatementNouns, &ws.statementNouns},
		{"possessive_statement_nouns", w.PossessiveStatementNouns, &ws.possessiveStatementNouns},
		{"institutional_act_verbs", w.InstitutionalActVerbs, &ws.institutionalActVerbs},
		{"summon_verbs", w.SummonVerbs, &ws.summonVerbs},
		{"vote_verbs", w.VoteVerbs, &ws.voteVerbs},
		{"call_verbs", w.CallVerbs, &ws.callVerbs},
		{"role_nouns", w.RoleNouns, &ws.roleNouns},
		{"other_member_nouns", w.OtherMemberNouns, &ws.otherMemberNouns},
		{"member_nouns_in", w.MemberNounsIn, &ws.memberNounsIn},
		{"umbrella_heads", w.UmbrellaHeads, &ws.umbrellaHeads},
		{"plural_member_nouns", w.PluralMemberNouns, &ws.pluralMemberNouns},
		{"person_list_heads", w.PersonListHeads, &ws.personListHeads},
		{"named_person_nouns", w.NamedPersonNouns, &ws.namedPersonNouns},
		{"alias_words", w.AliasWords, &ws.aliasWords},
		{"organization_nouns", w.OrganizationNouns, &ws.organizationNouns},
		{"located_participles", w.LocatedParticiples, &ws.locatedParticiples},
		{"alliance_participles", w.AllianceParticiples, &ws.allianceParticiples},
		{"ally_nouns", w.AllyNouns, &ws.allyNouns},
		{"attack_in_nouns", w.AttackInNouns, &ws.attackInNouns},
		{"killer_attack_nouns", w.KillerAttackNouns, &ws.killerAttackNouns},
		{"killing_nouns", w.KillingNouns, &ws.killingNouns},
		{"loss_verbs", w.LossVerbs, &ws.lossVerbs},
		{"implement_verbs", w.ImplementVerbs, &ws.implementVerbs},
		{"stationed_participles", w.StationedParticiples, &ws.stationedParticiples},
		{"troop_nouns", w.TroopNouns, &ws.troopNouns},
		{"deployable_assets", w.DeployableAssets, &ws.deployableAssets},
		{"approximators", w.Approximators, &ws.approximators},
		{"troop_modifiers", w.TroopModifiers, &ws.troopModifiers},
		{"presence_words", w.PresenceWords, &ws.presenceWords},
		{"focus_adverbs", w.FocusAdverbs, &ws.focusAdverbs},
		{"presence_nouns", w.PresenceNouns, &ws.presenceNouns},
		{"keep_verbs", w.KeepVerbs, &ws.keepVerbs},
		{"region_adjectives", w.RegionAdjectives, &ws.regionAdjectives},
		{"denied_objects", w.DeniedObjects, &ws.deniedObjects},
		{"membership_nouns", w.MembershipNouns, &ws.membershipNouns},
		{"supporter_nouns", w.SupporterNouns, &ws.supporterNouns},
		{"role_modifiers", w.RoleModifiers, &ws.roleModifiers},
		{"role_qualifiers", w.RoleQualifiers, &ws.roleQualifiers},
		{"courtesy_titles", w.CourtesyTitles, &ws.courtesyTitles},
		{"government_nouns", w.GovernmentNouns, &ws.governmentNouns},
		{"partisan_government_nouns", w.PartisanGovernmentNouns, &ws.partisanGovernmentNouns},
		{"home_body_heads", w.HomeBodyHeads, &ws.homeBodyHeads},
		{"state_body_heads", w.StateBodyHeads, &ws.stateBodyHeads},
		{"state_nouns", w.StateNouns, &ws.stateNouns},
		{"commentator_nouns", w.CommentatorNouns, &ws.commentatorNouns},
		{"party_name_words", w.PartyNameWords, &ws.partyNameWords},
		{"cabinet_departments", w.CabinetDepartments, &ws.cabinetDepartments},
		{"non_cabinet_secretary_words", w.NonCabinetSecretaryWords, &ws.nonCabinetSecretaryWords},
		{"untitled_roles", w.UntitledRoles, &ws.untitledRoles},
		{"hearsay_words", w.HearsayWords, &ws.hearsayWords},
		{"outlet_verbs", w.OutletVerbs, &ws.outletVerbs},
		{"outlet_modifiers", w.OutletModifiers, &ws.outletModifiers},
		{"outlet_report_nouns", w.OutletReportNouns, &ws.outletReportNouns},
		{"grouping_nouns", w.GroupingNouns, &ws.groupingNouns},
		{"definite_group_nouns", w.DefiniteGroupNouns, &ws.definiteGroupNouns},
		{"coalition_nouns", w.CoalitionNouns, &ws.coalitionNouns},
		{"force_modifiers", w.ForceModifiers, &ws.forceModifiers},
		{"base_words", w.BaseWords, &ws.baseWords},
		{"single_base_words", w.SingleBaseWords, &ws.singleBaseWords},
		{"list_filler_nouns", w.ListFillerNouns, &ws.listFillerNouns},
		{"target_list_breaks", w.TargetListBreaks, &ws.targetListBreaks},
		{"kill_words", w.KillWords, &ws.killWords},
		{"targeting_words", w.TargetingWords, &ws.targetingWords},
		{"aircraft_stems", w.AircraftStems, &ws.aircraftStems},
		{"military_name_words", w.MilitaryNameWords, &ws.militaryNameWords},
		{"force_heads", w.ForceHeads, &ws.forceHeads},
		{"state_force_words", w.StateForceWords, &ws.stateForceWords},
		{"kunyas", w.Kunyas, &ws.kunyas},
		{"responsibility_nouns", w.ResponsibilityNouns, &ws.responsibilityNouns},
		{"resistance_nouns", w.ResistanceNouns, &ws.resistanceNouns},
		{"particle_launch_verbs", w.ParticleLaunchVerbs, &ws.particleLaunchVerbs},
		{"launch_particles", w.LaunchParticles, &ws.launchParticles},
		{"attack_noun_verbs", w.AttackNounVerbs, &ws.attackNounVerbs},
		{"air_modifiers", w.AirModifiers, &ws.airModifiers},
		{"blockade_nouns", w.BlockadeNouns, &ws.blockadeNouns},
		{"war_name_heads", w.WarNameHeads, &ws.warNameHeads},
		{"operation_verbs", w.OperationVerbs, &ws.operationVerbs},
		{"come_verbs", w.ComeVerbs, &ws.comeVerbs},
		{"object_of_nouns", w.ObjectOfNouns, &ws.objectOfNouns},
		{"assassination_verbs", w.AssassinationVerbs, &ws.assassinationVerbs},
		{"target_stop_verbs", w.TargetStopVerbs, &ws.targetStopVerbs},
		{"truce_nouns", w.TruceNouns, &ws.truceNouns},
		{"issued_statement_nouns", w.IssuedStatementNouns, &ws.issuedStatementNouns},
		{"issue_verbs", w.IssueVerbs, &ws.issueVerbs},
		{"message_nouns", w.MessageNouns, &ws.messageNouns},
		{"according_words", w.AccordingWords, &ws.accordingWords},
		{"addressee_report_verbs", w.AddresseeReportVerbs, &ws.addresseeReportVerbs},
		{"surprise_nouns", w.SurpriseNouns, &ws.surpriseNouns},
		{"clause_report_verbs", w.ClauseReportVerbs, &ws.clauseReportVerbs},
		{"said_verbs", w.SaidVerbs, &ws.saidVerbs},
		{"date_words", w.DateWords, &ws.dateWords},
		{"responsible_words", w.ResponsibleWords, &ws.responsibleWords},
		{"led_words", w.LedWords, &ws.ledWords},
		{"opposed_words", w.OpposedWords, &ws.opposedWords},
		{"approval_nouns", w.ApprovalNouns, &ws.approvalNouns},
		{"support_modifiers", w.SupportModifiers, &ws.supportModifiers},
		{"umbrella_words", w.UmbrellaWords, &ws.umbrellaWords},
		{"allied_words", w.AlliedWords, &ws.alliedWords},
		{"defeat_nouns", w.DefeatNouns, &ws.defeatNouns},
		{"direct_fight_verbs", w.DirectFightVerbs, &ws.directFightVerbs},
		{"plural_source_nouns", w.PluralSourceNouns, &ws.pluralSourceNouns},
		{"country_nouns", w.CountryNouns, &ws.countryNouns},
		{"speech_time_words", w.SpeechTimeWords, &ws.speechTimeWords},
		{"sentence_tail_words", w.SentenceTailWords, &ws.sentenceTailWords},
		{"document_sources", w.DocumentSources, &ws.documentSources},
		{"military_adjectives", w.MilitaryAdjectives, &ws.militaryAdjectives},
		{"non_force_nouns", w.NonForceNouns, &ws.nonForceNouns},
		{"unit_nouns", w.UnitNouns, &ws.unitNouns},
		{"place_words_after", w.PlaceWordsAfter, &ws.placeWordsAfter},
		{"spokesperson_stems", w.SpokespersonStems, &ws.spokespersonStems},
		{"described_speaker_titles", w.DescribedSpeakerTitles, &ws.describedSpeakerTitles},
		{"secretary_words", w.SecretaryWords, &ws.secretaryWords},
		{"abbreviations", w.Abbreviations, &ws.abbreviations},
		{"sentence_starters", w.SentenceStarters, &ws.sentenceStarters},
		{"border_prepositions", w.BorderPrepositions, &ws.borderPrepositions},
		{"side_nouns", w.SideNouns, &ws.sideNouns},
		{"near_words", w.NearWords, &ws.nearWords},
		{"loss_reading", w.LossReading, &ws.lossReading},
		{"aux_adverbs", w.AuxAdverbs, &ws.auxAdverbs},
		{"known_words", w.KnownWords, &ws.knownWords},
		{"naming_words", w.NamingWords, &ws.namingWords},
	} {
		set, err := compileSet(s.name, s.src)
		if err != nil {
			return err
		}
		*s.dst = set
		ws.all = append(ws.all, set)
	}
	if len(ws.lossReading.list) != 1 {
		return fmt.Errorf("loss_reading: want one word, have %d", len(ws.lossReading.list))
	}
	ws.attributionBits = unionBits(ws.hearsayWords, ws.reportVerbs)
	ws.actBits = unionBits(ws.institutionalActVerbs, ws.summonVerbs, ws.voteVerbs, ws.callVerbs)
	var err error
	if ws.headsAfter, err = compileKeyed("heads_after", "type", w.HeadsAfter, entityType, nil); err != nil {
		return err
	}
	if ws.eventTriggers, err = compileKeyed("event_triggers", "rule", w.EventTriggers, lookup(eventRules), ruleNames(eventRules)); err != nil {
		return err
	}
	if ws.relationTriggers, err = compileKeyed("relation_triggers", "rule", w.RelationTriggers, lookup(relationRules), ruleNames(relationRules)); err != nil {
		return err
	}
	if ws.serviceBranches, err = compileBranches(w.ServiceBranches); err != nil {
		return err
	}
	if ws.headPhrases, err = compileHeadPhrases("head_phrases", w.HeadPhrases); err != nil {
		return err
	}
	if ws.facilityHeads, err = compileHeadPhrases("facility_heads", w.FacilityHeads); err != nil {
		return err
	}
	if ws.boilerplatePrefixes, err = compileLines("boilerplate_prefixes", w.BoilerplatePrefixes); err != nil {
		return err
	}
	ws.boilerplateBy = [256][]string{}
	for _, p := range ws.boilerplatePrefixes {
		ws.boilerplateBy[p[0]] = append(ws.boilerplateBy[p[0]], p)
	}
	if ws.roleOffices, err = compileOffices("role_offices", w.RoleOffices); err != nil {
		return err
	}
	if ws.knownOffices, err = compileOffices("known_offices", w.KnownOffices); err != nil {
		return err
	}
	// The host words are the hosts rule's triggers; the attack rules read
	// them too ("an attack on an Iraqi base housing U.S. troops").
	if ws.hostWords, err = compileSet("relation_triggers: hosts", w.RelationTriggers["hosts"]); err != nil {
		return err
	}
	ws.all = append(ws.all, ws.hostWords)
	// The nouns that announce a list of named operations are the
	// operations_in rule's triggers; the attack rules read them too.
	if ws.operationNouns, err = compileSet("relation_triggers: operations_in", w.RelationTriggers["operations_in"]); err != nil {
		return err
	}
	ws.all = append(ws.all, ws.operationNouns)
	return nil
}

// compileKeyed compiles lists of words by key (an entity type, a rule
// name) into word -> the value of the key. what names the keys in errors;
// every key in required must be there, and a word is under one key only.
func compileKeyed[R any](name, what string, byKey map[string][]string, value func(string) (R, bool), required []string) (map[string]R, error) {
	if byKey == nil {
		return nil, fmt.Errorf("list %s missing", name)
	}
	keys := make([]string, 0, len(byKey))
	for k := range byKey {
		if _, ok := value(k); !ok {
			return nil, fmt.Errorf("%s: unknown %s %q", name, what, k)
		}
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range required {
		if _, ok := byKey[k]; !ok {
			return nil, fmt.Errorf("%s: %s %s missing", name, what, k)
		}
	}
	out := map[string]R{}
	from := map[string]string{}
	for _, k := range keys {
		val, _ := value(k)
		for _, w := range byKey[k] {
			key, err := wordKey(w)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", name, err)
			}
			if prev, dup := from[key]; dup {
				return nil, fmt.Errorf("%s: %q under both %s and %s", name, w, prev, k)
			}
			from[key] = k
			out[key] = val
		}
	}
	return out, nil
}

// entityType is the value of an entity type key: the type itself.
func entityType(t string) (string, bool) { return t, schema.IsEntityType(t) }

// ruleNames are the names of a rule table, for required.
func ruleNames[R any](rules map[string]R) []string {
	names := make([]string, 0, len(rules))
	for n := range rules {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// lookup turns a rule table into the value function of compileKeyed.
func lookup[R any](rules map[string]R) func(string) (R, bool) {
	return func(k string) (R, bool) { r, ok := rules[k]; return r, ok }
}

// phrase is an entry of several words, as the exact keys of its tokens.
type phrase []string

// at reports whether the tokens from i on, up to end, spell p.
func (p phrase) at(toks []token, i, end int) bool {
	if i < 0 || i+len(p) > end {
		return false
	}
	for x, w := range p {
		if toks[i+x].norm != w {
			return false
		}
	}
	return true
}

// compilePhrases compiles a list whose entries may be several words.
func compilePhrases(name string, src []string) ([]phrase, error) {
	if src == nil {
		return nil, fmt.Errorf("list %s missing", name)
	}
	out := make([]phrase, 0, len(src))
	seen := map[string]bool{}
	for _, s := range src {
		var p phrase
		for _, t := range tokenize(s) {
			p = append(p, t.norm)
		}
		key := strings.Join(p, " ")
		if len(p) == 0 || seen[key] {
			return nil, fmt.Errorf("%s: %q empty or listed twice", name, s)
		}
		seen[key] = true
		out = append(out, p)
	}
	return out, nil
}

// branchSpec is a row of service_branches: a branch's words and the
// lexicon entry of the service they name.
type branchSpec struct {
	Branch  string `yaml:"branch"`
	Service string `yaml:"service"`
}

// branch is a compiled service_branches row.
type branch struct {
	words   phrase
	service string // the canonical name of the service's lexicon entry
}

// compileBranches compiles service_branches; each row names its service.
func compileBranches(src []branchSpec) ([]branch, error) {
	names := make([]string, len(src))
	for i, b := range src {
		if b.Service == "" {
			return nil, fmt.Errorf("service_branches: %q names no service", b.Branch)
		}
		names[i] = b.Branch
	}
	ps, err := compilePhrases("service_branches", names)
	if src == nil || err != nil {
		return nil, err
	}
	out := make([]branch, len(ps))
	for i, p := range ps {
		out[i] = branch{p, src[i].Service}
	}
	return out, nil
}

// headPhrase is a phrase of head_phrases and the type it gives.
type headPhrase struct {
	words phrase
	typ   string
}

// compileHeadPhrases compiles the list name of phrases, by entity type.
func compileHeadPhrases(name string, byType map[string][]string) ([]headPhrase, error) {
	if byType == nil {
		return nil, fmt.Errorf("list %s missing", name)
	}
	var out []headPhrase
	for _, t := range ruleNames(byType) {
		if !schema.IsEntityType(t) {
			return nil, fmt.Errorf("%s: unknown type %q", name, t)
		}
		ps, err := compilePhrases(name+": "+t, byType[t])
		if err != nil {
			return nil, err
		}
		for _, p := range ps {
			out = append(out, headPhrase{p, t})
		}
	}
	return out, nil
}

// officeRule is a row of role_offices or known_offices: a lower-cased
// title holding one of Has and none of Not names the office Predicate;
// with Cabinet, so does a cabinet secretary's title ("Defense Secretary").
type officeRule struct {
	Predicate string   `yaml:"predicate"`
	Has       []string `yaml:"has"`
	Not       []string `yaml:"not"`
	Cabinet   bool     `yaml:"cabinet"`
}

// names reports whether the lower-cased title lt names the rule's office.
func (r *officeRule) names(lx *Lexicon, lt string) bool {
	return containsAny(lt, r.Has) && !containsAny(lt, r.Not) || r.Cabinet && lx.cabinetSecretary(lt)
}

// containsAny reports whether s holds one of the parts.
func containsAny(s string, parts []string) bool {
	for _, p := range parts {
		if strings.Contains(s, p) {
			return true
		}
	}
	return false
}

// compileOffices checks a table of offices: a known predicate, and parts
// in lower case, as the titles they are matched against are.
func compileOffices(name string, rules []officeRule) ([]officeRule, error) {
	if rules == nil {
		return nil, fmt.Errorf("list %s missing", name)
	}
	for _, r := range rules {
		if schema.LookupPredicate(r.Predicate) == nil {
			return nil, fmt.Errorf("%s: unknown predicate %q", name, r.Predicate)
		}
		if len(r.Has) == 0 {
			return nil, fmt.Errorf("%s: %s without has", name, r.Predicate)
		}
		for _, p := range append(r.Has[:len(r.Has):len(r.Has)], r.Not...) {
			if p == "" || p != strings.ToLower(p) {
				return nil, fmt.Errorf("%s: %q is not a lower-case part of a title", name, p)
			}
		}
	}
	return rules, nil
}

// compileLines checks a list of texts matched as they are against
// lower-case token keys joined by spaces.
func compileLines(name string, src []string) ([]string, error) {
	if src == nil {
		return nil, fmt.Errorf("list %s missing", name)
	}
	for _, s := range src {
		if s == "" || s != strings.ToLower(s) {
			return nil, fmt.Errorf("%s: %q is not a lower-case text", name, s)
		}
	}
	return src, nil
}

// compileSet compiles one list. A word must be one token; a word listed
// twice is an error (a sign of a hand-editing slip).
func compileSet(name string, words []string) (wordSet, error) {
	if words == nil {
		return nil, fmt.Errorf("list %s missing", name)
	}
	set := &wordList{keys: make(map[string]bool, len(words))}
	for _, w := range words {
		key, err := wordKey(w)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		if set.keys[key] {
			return nil, fmt.Errorf("%s: %q listed twice", name, w)
		}
		set.keys[key] = true
		set.list = append(set.list, key)
		set.index.set(key, 1)
	}
	return set, nil
}

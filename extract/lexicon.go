package extract

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"io/fs"
	"maps"
	"path"
	"slices"
	"sort"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"

	"github.com/newsgraph/newsgraph/schema"
)

// The domain lexicon ships as YAML inside the binary, one file per kind of
// entry, so that it can be reviewed and extended without touching code.
//
//go:embed lexicon/*.yaml
var lexiconFS embed.FS

// LexEntry is one entity the lexicon knows.
type LexEntry struct {
	Name     string   `yaml:"name"`     // canonical name; the entity id is its slug
	Type     string   `yaml:"type"`     // one of schema.EntityTypes
	Aliases  []string `yaml:"aliases"`  // other names (not transliteration variants)
	Demonyms []string `yaml:"demonyms"` // adjectives pointing at a country; never mentions
	Metonym  string   `yaml:"metonym"`  // for capitals: the country they stand for
	Military string   `yaml:"military"` // for countries: the entity of their armed forces
	// Collective is, for a country, the name the press gives the unnamed
	// groups it backs where that is not the template's ("Turkish-backed
	// factions" for Turkey's Syrian factions; frames.yaml, collectives).
	Collective string `yaml:"collective"`
	// AirMilitary says the country's drones and warplanes, and their
	// strikes, are its military's ("a U.S. drone strike", "U.S.
	// warplanes": the US military); another state's ("a Turkish drone
	// strike", "Turkish warplanes", flown by the army or the intelligence
	// service) are the state's.
	AirMilitary bool `yaml:"air_military"`
	// AirPower says the country's strikes in the theatre are from the air
	// unless the text says otherwise: the United States' "struck",
	// "targeted" and "took action against" are airstrikes, where
	// another state's may be shelling or a ground raid.
	AirPower bool `yaml:"air_power"`
	// Facts is background knowledge (predicate, object name). It is shown by
	// Explain and never emitted as an article's fact: facts come from text.
	Facts [][2]string `yaml:"facts"`
	// Wikidata is the entry's Wikidata id ("Q796"), typed in from public
	// knowledge: nothing is looked up at run time.
	Wikidata string `yaml:"wikidata"`
	// Coords is where a base, place or country is, [latitude, longitude]
	// in degrees, and Precision what they stand for when it is not the
	// type's default (schema.DefaultGeoPrecision): a province, an airport.
	Coords    []float64 `yaml:"coords"`
	Precision string    `yaml:"precision"`
	// Common marks a name that is also a common English word ("Hit", the
	// town in Anbar): it is a mention only after a word that says a place
	// follows ("in Hit", "the town of Hit"), never in "Strike Hit Base".
	Common bool `yaml:"common"`
	// Exact marks a name matched only as written, never by its
	// transliteration skeleton: a short place name whose skeleton is also
	// that of common words ("Fordow": Ford, Friday; "Soran": Syrian).
	// Its variant spellings are listed as aliases instead.
	Exact bool `yaml:"exact"`
	// Theatre marks a region that spans several states (the Middle East,
	// the Levant): forces "in the Middle East" are in a theatre of war,
	// not posted anywhere, so no deployed_at is made of it.
	Theatre bool `yaml:"theatre"`
	// Reporting marks an organisation that reports as an outlet does: a
	// monitor or rights group whose counts and accounts the press cites
	// ("the Observatory said", "according to the monitor"). It is an
	// Organization, and a reporting source as a MediaOutlet is.
	Reporting bool `yaml:"reporting"`

	id        string
	military  *LexEntry  // the entry Military names
	country   *LexEntry  // the entry whose Military this is
	metonym   *LexEntry  // the entry Metonym names
	keys      []string   // skeleton keys of the canonical name
	aliasKeys [][]string // skeleton keys of the name and every alias (people only)
	// collective marks the entry of a sponsor's unnamed collective
	// ("Iran-backed militias"), made from frames.yaml, never a lexicon file.
	collective bool
	// border marks one of the borders between two states (borders.go).
	border bool
}

// ID is the entity id of the entry: the slug of its canonical name.
func (e *LexEntry) ID() string { return e.id }

// wordLists is the shape of words.yaml.
type wordLists struct {
	GivenNames   []string            `yaml:"given_names"`
	Titles       []string            `yaml:"titles"`
	Heads        map[string][]string `yaml:"heads"`
	LeadingHeads map[string][]string `yaml:"leading_heads"`
	// OnNames are names that stand for an entry only after "on": "said
	// on X" is Twitter, a lone "X" anywhere else is not.
	OnNames map[string]string `yaml:"on_names"`
	// PlatformWords are words that name the platform they are done on:
	// "the ministry tweeted" mentions Twitter.
	PlatformWords map[string][]string `yaml:"platform_words"`

	// The closed lists the rules read (wordSets).
	CapStop           []string            `yaml:"cap_stop"`
	StartStop         []string            `yaml:"start_stop"`
	NameConnectors    []string            `yaml:"name_connectors"`
	GroupWords        []string            `yaml:"group_words"`
	GroupKindNouns    []string            `yaml:"group_kind_nouns"`
	GroupAdjectives   []string            `yaml:"group_adjectives"`
	MediaWords        []string            `yaml:"media_words"`
	SpeechVerbs       []string            `yaml:"speech_verbs"`
	GenericWords      []string            `yaml:"generic_words"`
	PlacesBefore      []string            `yaml:"places_before"`
	SettlementHeads   []string            `yaml:"settlement_heads"`
	Directions        []string            `yaml:"directions"`
	DistanceUnits     []string            `yaml:"distance_units"`
	HeadsAfter        map[string][]string `yaml:"heads_after"`
	ReportVerbs       []string            `yaml:"report_verbs"`
	LooseVerbs        []string            `yaml:"loose_verbs"`
	PlainReport       []string            `yaml:"plain_report"`
	UnnamedSources    []string            `yaml:"unnamed_sources"`
	GroupNouns        []string            `yaml:"group_nouns"`
	PersonNouns       []string            `yaml:"person_nouns"`
	TitleLowering     []string            `yaml:"title_lowering"`
	Adverbs           []string            `yaml:"adverbs"`
	Negators          []string            `yaml:"negators"`
	PreventionVerbs   []string            `yaml:"prevention_verbs"`
	UnrealisedWords   []string            `yaml:"unrealised_words"`
	IntentionVerbs    []string            `yaml:"intention_verbs"`
	DenialVerbs       []string            `yaml:"denial_verbs"`
	CharacterVerbs    []string            `yaml:"characterising_verbs"`
	PlacePrepositions []string            `yaml:"place_prepositions"`
	AuxVerbs          []string            `yaml:"aux_verbs"`
	MilitaryNouns     []string            `yaml:"military_nouns"`
	Skippable         []string            `yaml:"skippable"`
	AttackAdjs        []string            `yaml:"attack_adjectives"`
	GenericTargets    []string            `yaml:"generic_targets"`
	PlaceWords        []string            `yaml:"place_words"`

	AttackNouns               []string            `yaml:"attack_nouns"`
	ClaimVerbs                []string            `yaml:"claim_verbs"`
	AgreementAnnouncingVerbs  []string            `yaml:"agreement_announcing_verbs"`
	OutletStaffNouns          []string            `yaml:"outlet_staff_nouns"`
	AttackLaunchVerbs         []string            `yaml:"attack_launch_verbs"`
	CarriedOutParticiples     []string            `yaml:"carried_out_participles"`
	HandByParticiples         []string            `yaml:"hand_by_participles"`
	CarryVerbs                []string            `yaml:"carry_verbs"`
	LaunchVerbs               []string            `yaml:"launch_verbs"`
	CasualtyVerbs             []string            `yaml:"casualty_verbs"`
	LifeNouns                 []string            `yaml:"life_nouns"`
	HitVerbs                  []string            `yaml:"hit_verbs"`
	TargetPrepositions        []string            `yaml:"target_prepositions"`
	AirAttackWords            []string            `yaml:"air_attack_words"`
	AirWeaponWords            []string            `yaml:"air_weapon_words"`
	StateAirWords             []string            `yaml:"state_air_words"`
	GroundWeaponWords         []string            `yaml:"ground_weapon_words"`
	BaseNouns                 []string            `yaml:"base_nouns"`
	WeaponNouns               []string            `yaml:"weapon_nouns"`
	OwnAttackVerbs            []string            `yaml:"own_attack_verbs"`
	BlameVerbs                []string            `yaml:"blame_verbs"`
	BlamesRelative            []string            `yaml:"blames_relative"`
	BlameOnVerbs              []string            `yaml:"blame_on_verbs"`
	AttributedParticiples     []string            `yaml:"attributed_participles"`
	ResponseVerbs             []string            `yaml:"response_verbs"`
	OwnedSites                []string            `yaml:"owned_sites"`
	SiteDeterminers           []string            `yaml:"site_determiners"`
	SitePrepositions          []string            `yaml:"site_prepositions"`
	AgreementHeads            []string            `yaml:"agreement_heads"`
	PlatformBefore            []string            `yaml:"platform_before"`
	PlatformAfter             []string            `yaml:"platform_after"`
	AgreementComplements      []string            `yaml:"agreement_complements"`
	AgreementDeterminers      []string            `yaml:"agreement_determiners"`
	AgreementStops            []string            `yaml:"agreement_stops"`
	GapStops                  []string            `yaml:"gap_stops"`
	UsedByParticiples         []string            `yaml:"used_by_participles"`
	LinkedToParticiples       []string            `yaml:"linked_to_participles"`
	AffiliatedWithParticiples []string            `yaml:"affiliated_with_participles"`
	DoneBeforeTo              []string            `yaml:"done_before_to"`
	ModalWords                []string            `yaml:"modal_words"`
	ImminenceWords            []string            `yaml:"imminence_words"`
	ImminentAttackNouns       []string            `yaml:"imminent_attack_nouns"`
	ThreatTargetWords         []string            `yaml:"threat_target_words"`
	FutureAttackWords         []string            `yaml:"future_attack_words"`
	ConsequenceWords          []string            `yaml:"consequence_words"`
	PriceVerbs                []string            `yaml:"price_verbs"`
	MenaceWords               []string            `yaml:"menace_words"`
	CauseWords                []string            `yaml:"cause_words"`
	DepartureConditions       []string            `yaml:"departure_conditions"`
	MemberHeads               []string            `yaml:"member_heads"`
	PressOffices              []string            `yaml:"press_offices"`
	PressWords                []string            `yaml:"press_words"`
	BodyVoices                []string            `yaml:"body_voices"`
	PlaceOpeners              []string            `yaml:"place_openers"`
	HyphenModifiers           []string            `yaml:"hyphen_modifiers"`
	AffiliateWords            []string            `yaml:"affiliate_words"`
	SurpriseVerbs             []string            `yaml:"surprise_verbs"`
	OngoingAttackNouns        []string            `yaml:"ongoing_attack_nouns"`
	EscalationVerbs           []string            `yaml:"escalation_verbs"`
	FightOnWords              []string            `yaml:"fight_on_words"`
	DepartureWords            []string            `yaml:"departure_words"`
	ThreatReportVerbs         []string            `yaml:"threat_report_verbs"`
	SpeechAdjunctStarts       []string            `yaml:"speech_adjunct_starts"`
	SuspendedActivities       []string            `yaml:"suspended_activities"`
	SuspensionCommitments     []string            `yaml:"suspension_commitments"`
	AddressedParticiples      []string            `yaml:"addressed_participles"`
	StatementNouns            []string            `yaml:"statement_nouns"`
	PossessiveStatementNouns  []string            `yaml:"possessive_statement_nouns"`
	InstitutionalActVerbs     []string            `yaml:"institutional_act_verbs"`
	SummonVerbs               []string            `yaml:"summon_verbs"`
	VoteVerbs                 []string            `yaml:"vote_verbs"`
	CallVerbs                 []string            `yaml:"call_verbs"`
	RoleNouns                 []string            `yaml:"role_nouns"`
	OtherMemberNouns          []string            `yaml:"other_member_nouns"`
	MemberNounsIn             []string            `yaml:"member_nouns_in"`
	UmbrellaHeads             []string            `yaml:"umbrella_heads"`
	PluralMemberNouns         []string            `yaml:"plural_member_nouns"`
	PersonListHeads           []string            `yaml:"person_list_heads"`
	NamedPersonNouns          []string            `yaml:"named_person_nouns"`
	AliasWords                []string            `yaml:"alias_words"`
	OrganizationNouns         []string            `yaml:"organization_nouns"`
	LocatedParticiples        []string            `yaml:"located_participles"`
	AllianceParticiples       []string            `yaml:"alliance_participles"`
	AllyNouns                 []string            `yaml:"ally_nouns"`
	AttackInNouns             []string            `yaml:"attack_in_nouns"`
	KillerAttackNouns         []string            `yaml:"killer_attack_nouns"`
	KillingNouns              []string            `yaml:"killing_nouns"`
	LossVerbs                 []string            `yaml:"loss_verbs"`
	ImplementVerbs            []string            `yaml:"implement_verbs"`
	StationedParticiples      []string            `yaml:"stationed_participles"`
	TroopNouns                []string            `yaml:"troop_nouns"`
	DeployableAssets          []string            `yaml:"deployable_assets"`
	Approximators             []string            `yaml:"approximators"`
	TroopModifiers            []string            `yaml:"troop_modifiers"`
	PresenceWords             []string            `yaml:"presence_words"`
	FocusAdverbs              []string            `yaml:"focus_adverbs"`
	PresenceNouns             []string            `yaml:"presence_nouns"`
	KeepVerbs                 []string            `yaml:"keep_verbs"`
	RegionAdjectives          []string            `yaml:"region_adjectives"`
	DeniedObjects             []string            `yaml:"denied_objects"`
	MembershipNouns           []string            `yaml:"membership_nouns"`
	SupporterNouns            []string            `yaml:"supporter_nouns"`
	RoleModifiers             []string            `yaml:"role_modifiers"`
	RoleQualifiers            []string            `yaml:"role_qualifiers"`
	CourtesyTitles            []string            `yaml:"courtesy_titles"`
	GovernmentNouns           []string            `yaml:"government_nouns"`
	HomeBodyHeads             []string            `yaml:"home_body_heads"`
	StateBodyHeads            []string            `yaml:"state_body_heads"`
	PartisanGovernmentNouns   []string            `yaml:"partisan_government_nouns"`
	StateNouns                []string            `yaml:"state_nouns"`
	CommentatorNouns          []string            `yaml:"commentator_nouns"`
	PartyNameWords            []string            `yaml:"party_name_words"`
	CabinetDepartments        []string            `yaml:"cabinet_departments"`
	NonCabinetSecretaryWords  []string            `yaml:"non_cabinet_secretary_words"`
	UntitledRoles             []string            `yaml:"untitled_roles"`
	HearsayWords              []string            `yaml:"hearsay_words"`
	OutletVerbs               []string            `yaml:"outlet_verbs"`
	OutletModifiers           []string            `yaml:"outlet_modifiers"`
	OutletReportNouns         []string            `yaml:"outlet_report_nouns"`
	GroupingNouns             []string            `yaml:"grouping_nouns"`
	DefiniteGroupNouns        []string            `yaml:"definite_group_nouns"`
	CoalitionNouns            []string            `yaml:"coalition_nouns"`
	ForceModifiers            []string            `yaml:"force_modifiers"`
	BaseWords                 []string            `yaml:"base_words"`
	SingleBaseWords           []string            `yaml:"single_base_words"`
	ListFillerNouns           []string            `yaml:"list_filler_nouns"`
	TargetListBreaks          []string            `yaml:"target_list_breaks"`
	KillWords                 []string            `yaml:"kill_words"`
	TargetingWords            []string            `yaml:"targeting_words"`
	AircraftStems             []string            `yaml:"aircraft_stems"`
	MilitaryNameWords         []string            `yaml:"military_name_words"`
	ForceHeads                []string            `yaml:"force_heads"`
	StateForceWords           []string            `yaml:"state_force_words"`
	Kunyas                    []string            `yaml:"kunyas"`
	ResponsibilityNouns       []string            `yaml:"responsibility_nouns"`
	ResistanceNouns           []string            `yaml:"resistance_nouns"`
	ParticleLaunchVerbs       []string            `yaml:"particle_launch_verbs"`
	LaunchParticles           []string            `yaml:"launch_particles"`
	AttackNounVerbs           []string            `yaml:"attack_noun_verbs"`
	AirModifiers              []string            `yaml:"air_modifiers"`
	BlockadeNouns             []string            `yaml:"blockade_nouns"`
	WarNameHeads              []string            `yaml:"war_name_heads"`
	OperationVerbs            []string            `yaml:"operation_verbs"`
	ComeVerbs                 []string            `yaml:"come_verbs"`
	ObjectOfNouns             []string            `yaml:"object_of_nouns"`
	AssassinationVerbs        []string            `yaml:"assassination_verbs"`
	TargetStopVerbs           []string            `yaml:"target_stop_verbs"`
	TruceNouns                []string            `yaml:"truce_nouns"`
	IssuedStatementNouns      []string            `yaml:"issued_statement_nouns"`
	IssueVerbs                []string            `yaml:"issue_verbs"`
	MessageNouns              []string            `yaml:"message_nouns"`
	AccordingWords            []string            `yaml:"according_words"`
	AddresseeReportVerbs      []string            `yaml:"addressee_report_verbs"`
	SurpriseNouns             []string            `yaml:"surprise_nouns"`
	ClauseReportVerbs         []string            `yaml:"clause_report_verbs"`
	SaidVerbs                 []string            `yaml:"said_verbs"`
	DateWords                 []string            `yaml:"date_words"`
	ResponsibleWords          []string            `yaml:"responsible_words"`
	LedWords                  []string            `yaml:"led_words"`
	OpposedWords              []string            `yaml:"opposed_words"`
	ApprovalNouns             []string            `yaml:"approval_nouns"`
	SupportModifiers          []string            `yaml:"support_modifiers"`
	UmbrellaWords             []string            `yaml:"umbrella_words"`
	AlliedWords               []string            `yaml:"allied_words"`
	DefeatNouns               []string            `yaml:"defeat_nouns"`
	DirectFightVerbs          []string            `yaml:"direct_fight_verbs"`
	PluralSourceNouns         []string            `yaml:"plural_source_nouns"`
	CountryNouns              []string            `yaml:"country_nouns"`
	SpeechTimeWords           []string            `yaml:"speech_time_words"`
	SentenceTailWords         []string            `yaml:"sentence_tail_words"`
	DocumentSources           []string            `yaml:"document_sources"`
	MilitaryAdjectives        []string            `yaml:"military_adjectives"`
	NonForceNouns             []string            `yaml:"non_force_nouns"`
	UnitNouns                 []string            `yaml:"unit_nouns"`
	PlaceWordsAfter           []string            `yaml:"place_words_after"`
	ServiceBranches           []branchSpec        `yaml:"service_branches"`
	HeadPhrases               map[string][]string `yaml:"head_phrases"`
	FacilityHeads             map[string][]string `yaml:"facility_heads"`
	RoleOffices               []officeRule        `yaml:"role_offices"`
	KnownOffices              []officeRule        `yaml:"known_offices"`
	SpokespersonStems         []string            `yaml:"spokesperson_stems"`
	DescribedSpeakerTitles    []string            `yaml:"described_speaker_titles"`
	SecretaryWords            []string            `yaml:"secretary_words"`
	Abbreviations             []string            `yaml:"abbreviations"`
	SentenceStarters          []string            `yaml:"sentence_starters"`
	BoilerplatePrefixes       []string            `yaml:"boilerplate_prefixes"`
	BorderPrepositions        []string            `yaml:"border_prepositions"`
	SideNouns                 []string            `yaml:"side_nouns"`
	NearWords                 []string            `yaml:"near_words"`
	LossReading               []string            `yaml:"loss_reading"`
	AuxAdverbs                []string            `yaml:"aux_adverbs"`
	KnownWords                []string            `yaml:"known_words"`
	NamingWords               []string            `yaml:"naming_words"`
	EventTriggers             map[string][]string `yaml:"event_triggers"`    // rule name -> trigger words
	RelationTriggers          map[string][]string `yaml:"relation_triggers"` // rule name -> trigger words
}

// caseRule says how a lexicon alias constrains the case of the text.
type caseRule uint8

const (
	caseAny   caseRule = iota // lower-case alias: "international coalition"
	caseCap                   // capitalised alias: the first name word must be capitalised
	caseUpper                 // acronym: every letter upper case ("US", "KH", "U.S.")
)

// aliasRef is a trie hit: which entry, through which alias.
type aliasRef struct {
	entry *LexEntry
	alias string
	rule  caseRule
}

// trie maps token sequences (exact keys by their numbers, or skeletons) to
// aliases. Matching walks it token by token from each start position, which
// keeps lexicon lookup linear in the text whatever the size of the lexicon.
type trie[K comparable] struct {
	next map[K]*trie[K]
	hits []aliasRef
}

// wordTrie is a trie over word numbers whose first level is also a slice
// indexed by number (index): a walk starts at every token of a text, and
// most stop at that first step.
type wordTrie struct {
	trie[wordID]
	first []*trie[wordID]
}

// index fills first from the trie's first level; size is the vocab's.
func (t *wordTrie) index(size int) {
	t.first = make([]*trie[wordID], size)
	for id, c := range t.next {
		t.first[id] = c
	}
}

// step returns n's child for the word numbered id, or nil.
func (t *wordTrie) step(n *trie[wordID], id wordID) *trie[wordID] {
	if n == &t.trie {
		return t.first[id]
	}
	return n.next[id]
}

func (t *trie[K]) insert(keys []K, ref aliasRef) {
	n := t
	for _, k := range keys {
		if n.next == nil {
			n.next = map[K]*trie[K]{}
		}
		c := n.next[k]
		if c == nil {
			c = &trie[K]{}
			n.next[k] = c
		}
		n = c
	}
	for i := range n.hits {
		if n.hits[i].entry == ref.entry {
			// The same name written in several cases matches as loosely
			// as its loosest spelling.
			n.hits[i].rule = min(n.hits[i].rule, ref.rule)
			return
		}
	}
	n.hits = append(n.hits, ref)
}

// Lexicon is the compiled domain lexicon.
type Lexicon struct {
	Entries []*LexEntry

	byID      map[string]*LexEntry
	byName    map[string]*LexEntry // Normalize(name or alias) -> entry
	words     vocab                // numbers of the words of exact, titles and the frames
	exact     *wordTrie            // exact word keys
	skel      *trie[string]        // skeleton keys, articles dropped
	demonym   map[string]*LexEntry // exact key of a demonym -> country
	given     map[string]bool
	titles    *wordTrie         // exact keys of titles -> title (the alias field holds it)
	heads     map[string]string // exact key of a head word -> entity type
	leadHeads map[string]string
	// personsBySurname indexes people by the skeleton of their surname,
	// for names given with more or fewer tokens than the lexicon has.
	personsBySurname map[string][]*LexEntry
	onNames          map[string]*LexEntry // a name's key -> the entry it is after "on"
	platformWords    map[string]*LexEntry // a word's key -> the platform it is done on
	platformActs     wordSet              // platformWords' words, for the scan of every token

	wordSets // the closed word lists of words.yaml the rules read

	frames              []*construction          // constructions, from frames.yaml
	byWord              []wordTables             // by word number: what the rules look up for each item
	wordMaps                                     // which maps byWord answers for every token
	collectives         *collectives             // collective actors, from frames.yaml
	descriptions        map[string]string        // noun -> entity type it refers back to, from frames.yaml
	descriptionDefaults map[string]*LexEntry     // noun -> what it stands for when nothing of its type was named
	homeBodies          map[string][]homeBodyRef // "foreign ministry" -> each state's foreign ministry
	borders             map[borderPair]*LexEntry // two states -> the border between them (borders.go)
	borderHeads         map[string]bool          // the borders' head words ("border")
	fingerprint         string                   // hash of every file loaded
}

// Fingerprint identifies the data the lexicon was compiled from: it changes
// when any of its files does, so that stored articles are re-extracted.
func (lx *Lexicon) Fingerprint() string { return lx.fingerprint }

// LoadLexicon compiles the lexicon from a file system of YAML files. Files
// named words.yaml hold word lists; every other file a list of entries.
func LoadLexicon(fsys fs.FS) (*Lexicon, error) {
	files, err := fs.Glob(fsys, "*.yaml")
	if err != nil {
		return nil, err
	}
	sort.Strings(files)
	lx := &Lexicon{
		byID: map[string]*LexEntry{}, byName: map[string]*LexEntry{},
		exact: &wordTrie{}, skel: &trie[string]{}, titles: &wordTrie{},
		demonym: map[string]*LexEntry{}, given: map[string]bool{},
		heads: map[string]string{}, leadHeads: map[string]string{},
		personsBySurname: map[string][]*LexEntry{},
	}
	var words wordLists
	var frameData frameFile
	decoded, sum := decodeLexiconFiles(fsys, files, &frameData, &words)
	for i, f := range files {
		if decoded[i].readErr != nil {
			return nil, decoded[i].readErr
		}
		if decoded[i].err != nil {
			return nil, fmt.Errorf("lexicon %s: %w", f, decoded[i].err)
		}
		for _, e := range decoded[i].entries {
			if !schema.IsEntityType(e.Type) {
				return nil, fmt.Errorf("lexicon %s: %q has unknown type %q", f, e.Name, e.Type)
			}
			e.id = schema.Slug(e.Name)
			if e.id == "" {
				return nil, fmt.Errorf("lexicon %s: entry without a name", f)
			}
			if err := checkGeo(e); err != nil {
				return nil, fmt.Errorf("lexicon %s: %q: %w", f, e.Name, err)
			}
			if prev := lx.byID[e.id]; prev != nil {
				return nil, fmt.Errorf("lexicon %s: %q and %q have the same id %s", f, prev.Name, e.Name, e.id)
			}
			lx.byID[e.id] = e
			lx.Entries = append(lx.Entries, e)
		}
	}
	// The frames are made of frames.yaml alone: they are compiled on
	// another core while the entries' aliases are added below, as the
	// whole load runs before the first article is read, on one core
	// otherwise. Their error is reported where it was, after the entries'
	// own.
	type compiledFrames struct {
		frames []*construction
		err    error
	}
	framesDone := make(chan compiledFrames, 1) // buffered: an early return leaves no goroutine waiting
	go func() {
		frames, err := compileFrames(frameData)
		framesDone <- compiledFrames{frames, err}
	}()
	for _, e := range lx.Entries {
		for _, a := range append([]string{e.Name}, e.Aliases...) {
			lx.addAlias(e, a)
		}
		for _, d := range e.Demonyms {
			lx.demonym[normWord(d)] = e
		}
		e.keys = nameKeys(e.Name)
		if e.Type == schema.Person {
			for _, a := range append([]string{e.Name}, e.Aliases...) {
				e.aliasKeys = append(e.aliasKeys, nameKeys(a))
			}
			if k := e.keys; len(k) > 0 {
				lx.personsBySurname[k[len(k)-1]] = append(lx.personsBySurname[k[len(k)-1]], e)
			}
		}
	}
	for _, e := range lx.Entries {
		for _, ref := range []string{e.Metonym, e.Military} {
			if ref != "" && lx.byID[schema.Slug(ref)] == nil {
				return nil, fmt.Errorf("lexicon: %q named by %q is not an entry", ref, e.Name)
			}
		}
		if e.Military != "" {
			e.military = lx.byID[schema.Slug(e.Military)]
			e.military.country = e
		}
		if e.Metonym != "" {
			e.metonym = lx.byID[schema.Slug(e.Metonym)]
		}
	}
	lx.fingerprint = hex.EncodeToString(sum[:])[:12]
	cf := <-framesDone
	if lx.frames, err = cf.frames, cf.err; err != nil {
		return nil, fmt.Errorf("lexicon frames.yaml: %w", err)
	}
	if lx.descriptions, err = compileDescriptions(frameData.Descriptions); err != nil {
		return nil, fmt.Errorf("lexicon frames.yaml: %w", err)
	}
	lx.indexHomeBodies()
	lx.indexBorders()
	if lx.descriptionDefaults, err = compileDescriptionDefaults(frameData.DescriptionDefaults, lx.descriptions, lx.Lookup); err != nil {
		return nil, fmt.Errorf("lexicon frames.yaml: %w", err)
	}
	var countries []*LexEntry
	for _, e := range lx.Entries {
		if e.Type == schema.Country {
			countries = append(countries, e)
		}
	}
	if lx.collectives, err = compileCollectives(frameData.Collectives, countries, lx.Lookup); err != nil {
		return nil, fmt.Errorf("lexicon frames.yaml: %w", err)
	}
	if err := lx.wordSets.compile(&words); err != nil {
		return nil, fmt.Errorf("lexicon words.yaml: %w", err)
	}
	for _, g := range words.GivenNames {
		lx.given[normWord(g)] = true
	}
	for _, t := range words.Titles {
		keys := exactKeys(t)
		if len(keys) > 0 {
			lx.titles.insert(lx.words.internAll(keys), aliasRef{alias: t})
		}
	}
	for typ, ws := range words.Heads {
		if !schema.IsEntityType(typ) {
			return nil, fmt.Errorf("lexicon words.yaml: unknown head type %q", typ)
		}
		for _, w := range ws {
			lx.heads[normWord(w)] = typ
		}
	}
	for typ, ws := range words.LeadingHeads {
		if !schema.IsEntityType(typ) {
			return nil, fmt.Errorf("lexicon words.yaml: unknown head type %q", typ)
		}
		for _, w := range ws {
			lx.leadHeads[normWord(w)] = typ
		}
	}
	lx.onNames = map[string]*LexEntry{}
	for name, entry := range words.OnNames {
		le := lx.Lookup(entry)
		if le == nil {
			return nil, fmt.Errorf("lexicon words.yaml: on_names: %q is not an entry", entry)
		}
		lx.onNames[normWord(name)] = le
	}
	lx.platformWords = map[string]*LexEntry{}
	var acts []string // nil, "missing", when words.yaml has no platform_words
	if words.PlatformWords != nil {
		acts = []string{}
	}
	for entry, ws := range words.PlatformWords {
		le := lx.Lookup(entry)
		if le == nil {
			return nil, fmt.Errorf("lexicon words.yaml: platform_words: %q is not an entry", entry)
		}
		for _, w := range ws {
			lx.platformWords[normWord(w)] = le
			acts = append(acts, w)
		}
	}
	if lx.platformActs, err = compileSet("platform_words", acts); err != nil {
		return nil, fmt.Errorf("lexicon words.yaml: %w", err)
	}
	lx.all = append(lx.all, lx.platformActs)
	lx.indexWords()
	return lx, nil
}

// checkGeo checks an entry's Wikidata id, coordinates and precision, so
// that a typing slip fails the load instead of putting a base at sea.
func checkGeo(e *LexEntry) error {
	if e.Wikidata != "" && !schema.IsWikidataID(e.Wikidata) {
		return fmt.Errorf("wikidata %q is not an item id (Q followed by digits)", e.Wikidata)
	}
	if e.Coords == nil {
		if e.Precision != "" {
			return fmt.Errorf("precision without coords")
		}
		return nil
	}
	if !schema.Placeable(e.Type) {
		return fmt.Errorf("coords on a %s", e.Type)
	}
	if e.Precision != "" && !schema.IsGeoPrecision(e.Precision) {
		return fmt.Errorf("precision %q (have %v)", e.Precision, schema.GeoPrecisions)
	}
	return schema.CheckCoords(e.Coords)
}

// wordTables is what the rules look up for one word of a sentence, found
// by the word's number with one index rather than a string look-up a table.
type wordTables struct {
	keyOf    []uint32         // the frames the word is of the key element of (frameIndex), in order
	inFrame  bool             // the word is of a required element of a frame
	rule     func(*view, int) // the relation rule the word triggers (relationTriggers)
	demonym  *LexEntry        // the country the word is the demonym of (demonym)
	event    eventRule        // the event rule the word triggers (eventTriggers)
	attrib   uint8            // the word's attributionBits
	act      uint8            // the word's actBits
	coll     uint8            // what the word may do in a collective (collAfterSponsor, collUnsponsored)
	article  uint8            // wordArticle, wordSunArticle: the word is an article of names
	skel     [2]skelStep      // the word's step in the skeleton trie, not before a name and before one
	base     bool             // the word is a head of base names (heads), which may be lower case
	given    bool             // the word is a given name (given)
	name     *LexEntry        // the entry the word alone names (byName)
	head     string           // the type of the names the word is a head of (heads)
	lead     string           // the type of the names the word leads (leadHeads)
	border   bool             // the word is the head of a border's name (borderHeads)
	facility bool             // the word starts a facility head (facilityHeads)
	gates    uint16           // the mention scans and rule families the word lets run in its sentence (setGates)
}

// wordMaps says, for each map that byWord answers for a token's word
// number (byName, heads, leadHeads), whether the map has a key outside
// the vocab that a token's text could be: a token of number 0 is then
// looked up in the map, and otherwise has no entry. byName's keys of
// several words (with a space) are outside the vocab, but a token's text
// with no space in it cannot be one.
type wordMaps struct {
	nameOutside, headOutside, leadOutside bool
}

// outside reports whether m has a key with no number in words, and with
// no space in it if spaced is set.
func outside[V any](m map[string]V, words *vocab, spaced bool) bool {
	for k := range m {
		if words.id(k) == 0 && !(spaced && strings.IndexByte(k, ' ') >= 0) {
			return true
		}
	}
	return false
}

// oneWordName returns byName[t.norm], the entry token t's word alone
// names, by t's word number.
func (lx *Lexicon) oneWordName(t *token) *LexEntry {
	if t.id != 0 {
		return lx.byWord[t.id].name
	}
	if lx.wordMaps.nameOutside || strings.IndexByte(t.norm, ' ') >= 0 {
		return lx.byName[t.norm]
	}
	return nil
}

// headOf returns heads[t.norm] by token t's word number.
func (lx *Lexicon) headOf(t *token) string { return lx.headType(t, lx.heads, false) }

// leadHeadOf returns leadHeads[t.norm] by token t's word number.
func (lx *Lexicon) leadHeadOf(t *token) string { return lx.headType(t, lx.leadHeads, true) }

// headType is headOf, or leadHeadOf if lead, of m, the map it answers for.
func (lx *Lexicon) headType(t *token, m map[string]string, lead bool) string {
	switch {
	case t.id != 0 && lead:
		return lx.byWord[t.id].lead
	case t.id != 0:
		return lx.byWord[t.id].head
	case lead && lx.wordMaps.leadOutside || !lead && lx.wordMaps.headOutside:
		return m[t.norm]
	}
	return ""
}

// skelStep makes the step of a word that skelParts cuts into abd and rest.
func (lx *Lexicon) skelStep(abd bool, rest string) skelStep {
	st := skelStep{abd: abd, rest: rest != ""}
	if st.rest {
		st.key = string(appendSkeleton(nil, rest))
		if !abd {
			st.root = lx.skel.next[st.key]
		}
	}
	return st
}

// skelStep is what matchLexicon's skeleton walk makes of a word (skelParts
// and its skeleton), made once for each word of the vocab rather than at
// every capitalised word of every text.
type skelStep struct {
	abd  bool          // the word opens with "Abd al" and the like (abdSkel)
	rest bool          // there is a rest after it, whose skeleton is key
	key  string        // the skeleton of the rest
	root *trie[string] // the root's child for key, when abd is false
}

// The bits of wordTables.article.
const (
	wordArticle    = 1 << iota // in articles: dropped from a name's skeleton
	wordSunArticle             // in sunArticles: an article when hyphen-joined to the next word
)

// triggerWord reports a word that a frame, a relation rule or an event
// rule is written with: a common word of the language, not a name.
func (lx *Lexicon) triggerWord(id wordID) bool {
	if int(id) >= len(lx.byWord) || id == 0 {
		return false
	}
	w := &lx.byWord[id]
	return w.inFrame || w.rule != nil || w.event != 0
}

// indexWords numbers the words of the frames, demonyms, relation triggers
// and word sets and fills byWord. It runs last, once every other table has
// numbered its words, so that byWord covers every number a token can have.
func (lx *Lexicon) indexWords() {
	internFrameWords(lx.frames, &lx.words)
	for w := range lx.demonym {
		lx.words.intern(w)
	}
	for w := range lx.relationTriggers {
		lx.words.intern(w)
	}
	for w := range lx.eventTriggers {
		lx.words.intern(w)
	}
	for _, bits := range []wordBits{lx.attributionBits, lx.actBits} {
		for w := range bits {
			lx.words.intern(w)
		}
	}
	for _, set := range lx.all {
		set.number(&lx.words)
	}
	if lx.collectives != nil {
		for w := range lx.collectives.words() {
			lx.words.intern(w)
		}
	}
	for _, m := range []map[string]bool{articles, sunArticles} {
		for w := range m {
			lx.words.intern(w)
		}
	}
	for w, typ := range lx.heads {
		if typ == schema.MilitaryBase {
			lx.words.intern(w)
		}
	}
	for w := range lx.given {
		lx.words.intern(w)
	}
	// Every head word, not only the bases': they are looked up by number
	// (headOf, leadHeadOf). Numbered last, they leave the other words'
	// numbers as they were.
	for _, m := range []map[string]string{lx.heads, lx.leadHeads} {
		for _, w := range slices.Sorted(maps.Keys(m)) {
			lx.words.intern(w)
		}
	}
	// The borders' heads are words of places' names, numbered already;
	// interning them makes sure that byWord answers for them (scanBorders).
	for _, w := range slices.Sorted(maps.Keys(lx.borderHeads)) {
		lx.words.intern(w)
	}
	// A facility head's first word, numbered so that facilityHead can
	// tell a token that starts none by its number (after the words above,
	// whose numbers stay as they were).
	for _, h := range lx.facilityHeads {
		lx.words.intern(h.words[0])
	}
	lx.wordMaps = wordMaps{
		nameOutside: outside(lx.byName, &lx.words, true),
		headOutside: outside(lx.heads, &lx.words, false),
		leadOutside: outside(lx.leadHeads, &lx.words, false),
	}
	lx.byWord = make([]wordTables, lx.words.size())
	lx.exact.index(lx.words.size())
	lx.titles.index(lx.words.size())
	for i, fr := range lx.frames {
		for _, e := range fr.elems {
			if e.bit == 0 {
				continue
			}
			for _, id := range e.ids {
				lx.byWord[id].inFrame = true
			}
		}
		for _, id := range fr.elems[fr.key].ids {
			lx.byWord[id].keyOf = append(lx.byWord[id].keyOf, uint32(i))
		}
	}
	for w, id := range lx.words.all() {
		abd, rest := skelParts(w, false)
		steps := &lx.byWord[id].skel
		steps[0] = lx.skelStep(abd, rest)
		if abd1, rest1 := skelParts(w, true); abd1 == abd && rest1 == rest {
			steps[1] = steps[0] // most words: the same before a name
		} else {
			steps[1] = lx.skelStep(abd1, rest1)
		}
	}
	for w, typ := range lx.heads {
		if typ == schema.MilitaryBase {
			lx.byWord[lx.words.id(w)].base = true
		}
	}
	for w := range lx.given {
		lx.byWord[lx.words.id(w)].given = true
	}
	for w, c := range lx.demonym {
		lx.byWord[lx.words.id(w)].demonym = c
	}
	for w, rule := range lx.relationTriggers {
		lx.byWord[lx.words.id(w)].rule = rule
	}
	for w, rule := range lx.eventTriggers {
		lx.byWord[lx.words.id(w)].event = rule
	}
	for w, bits := range lx.attributionBits {
		lx.byWord[lx.words.id(w)].attrib = bits
	}
	for w, bits := range lx.actBits {
		lx.byWord[lx.words.id(w)].act = bits
	}
	if lx.collectives != nil {
		for w, bit := range lx.collectives.words() {
			lx.byWord[lx.words.id(w)].coll |= bit
		}
	}
	for w := range articles {
		lx.byWord[lx.words.id(w)].article |= wordArticle
	}
	for w := range sunArticles {
		lx.byWord[lx.words.id(w)].article |= wordSunArticle
	}
	for w, e := range lx.byName {
		if id := lx.words.id(w); id != 0 {
			lx.byWord[id].name = e
		}
	}
	for w, typ := range lx.heads {
		lx.byWord[lx.words.id(w)].head = typ
	}
	for w, typ := range lx.leadHeads {
		lx.byWord[lx.words.id(w)].lead = typ
	}
	for w := range lx.borderHeads {
		lx.byWord[lx.words.id(w)].border = true
	}
	for _, h := range lx.facilityHeads {
		lx.byWord[lx.words.id(h.words[0])].facility = true
	}
	lx.setGates()
}

// exactKeys are the exact keys of a name as the text walk sees them
// (words, numbers and possessives), a leading "the" dropped.
func exactKeys(name string) []string {
	var keys []string
	for _, t := range tokenize(name) {
		if t.kind == tWord || t.kind == tNum || t.kind == tPoss {
			keys = append(keys, t.norm)
		}
	}
	if len(keys) > 1 && keys[0] == "the" {
		keys = keys[1:]
	}
	return keys
}

func (lx *Lexicon) addAlias(e *LexEntry, alias string) {
	keys := exactKeys(alias)
	if len(keys) == 0 {
		return
	}
	if _, dup := lx.byName[strings.Join(keys, " ")]; !dup {
		lx.byName[strings.Join(keys, " ")] = e
	}
	ref := aliasRef{entry: e, alias: alias, rule: aliasCase(alias)}
	lx.exact.insert(lx.words.internAll(keys), ref)
	// Skeleton keys find transliteration variants. A single short token is
	// too weak a key (Iran/Oran), so only multi-word names and long single
	// words get one; acronyms never do.
	if ref.rule == caseUpper || e.Exact {
		return
	}
	sk := nameKeys(alias)
	if len(sk) >= 2 || len(sk) == 1 && len(sk[0]) >= 5 || len(sk) == 1 && len(strings.ReplaceAll(sk[0], "V", "")) >= 3 && singlePlainWord(alias) && (e.Type == schema.MilitaryBase || e.Type == schema.Place) {
		lx.skel.insert(sk, ref)
	}
}

// singlePlainWord reports an alias of one word without an article
// ("Conoco", "Shaddadi"): its short skeleton is distinctive enough for
// places and bases, not for people ("Omar").
func singlePlainWord(alias string) bool {
	w := splitName(alias)
	return len(w) == 1 && !articles[normWord(w[0])]
}

// aliasCase derives the case rule of an alias from how it is written.
func aliasCase(alias string) caseRule {
	letters, upper := 0, 0
	for _, r := range alias {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' {
			letters++
			if r <= 'Z' {
				upper++
			}
		}
	}
	if letters > 0 && letters <= 6 && upper == letters {
		return caseUpper
	}
	for _, w := range splitName(alias) {
		k := normWord(w)
		if articles[k] {
			continue
		}
		if w[0] >= 'A' && w[0] <= 'Z' || w[0] >= 0x80 {
			return caseCap
		}
		return caseAny
	}
	return caseAny
}

// airArm is the entry of the armed forces a country's drones and
// warplanes are of: its military where the entry says air_military, else
// nil (the state flies them).
func (e *LexEntry) airArm() *LexEntry {
	if e == nil || !e.AirMilitary {
		return nil
	}
	return e.military
}

// Lookup returns the entry whose name or alias has the exact key of name.
func (lx *Lexicon) Lookup(name string) *LexEntry {
	return lx.byName[strings.Join(exactKeys(name), " ")]
}

// namedState is the country that a word of one of le's names names or
// is the demonym of ("US Department of Defense", "Turkish Defence
// Ministry"), or nil.
func (lx *Lexicon) namedState(le *LexEntry) *LexEntry {
	for _, n := range append([]string{le.Name}, le.Aliases...) {
		for _, w := range strings.Fields(n) {
			if c := lx.demonym[normWord(w)]; c != nil {
				return c
			}
			if c := lx.Lookup(w); c != nil && c.Type == schema.Country {
				return c
			}
		}
	}
	return nil
}

// ByID returns the entry with that entity id.
func (lx *Lexicon) ByID(id string) *LexEntry { return lx.byID[id] }

// countryOf is the country whose armed forces e is, or nil: read off e's
// lexicon entry, without hashing the id, when e still goes by that
// entry's id (the rules ask it of every mention in a view), else off the
// entry its id names.
func (lx *Lexicon) countryOf(e *entity) *LexEntry {
	if e.lex != nil && e.lex.id == e.id {
		return e.lex.country
	}
	if le := lx.byID[e.id]; le != nil {
		return le.country
	}
	return nil
}

// stateOf is the country that an entry stands for when it owns or backs
// something: the country itself, the country of a capital used as its
// metonym, of its armed forces, or the state a president or prime minister
// heads. Nil for any other entry.
func (lx *Lexicon) stateOf(le *LexEntry) *LexEntry {
	switch {
	case le.Type == schema.Country:
		return le
	case le.metonym != nil && le.metonym.Type == schema.Country:
		return le.metonym
	case le.country != nil:
		return le.country
	}
	for _, f := range le.Facts {
		if f[0] == "president_of" || f[0] == "prime_minister_of" {
			if c := lx.Lookup(f[1]); c != nil && c.Type == schema.Country {
				return c
			}
		}
	}
	return nil
}

var defaultLexicon = func() *Lexicon {
	sub, err := fs.Sub(lexiconFS, "lexicon")
	if err != nil {
		panic(err)
	}
	lx, err := LoadLexicon(sub)
	if err != nil {
		panic("extract: embedded lexicon: " + err.Error())
	}
	return lx
}()

// lexiconFile is one file of a lexicon, read and decoded: its entries,
// unless it is frames.yaml or words.yaml.
type lexiconFile struct {
	data    []byte
	entries []*LexEntry
	readErr error
	err     error // of decoding it
}

// decodeLexiconFiles reads files from fsys and decodes them: frames.yaml
// into frameData, words.yaml into words, any other into its entries. When
// every file reads, it hashes them (lexiconSum), and the values come from
// the lexicon cache if it has them (lexcache.go), and go to it when all
// decode. Otherwise each file is decoded at once, in a goroutine of its
// own: decoding the YAML was two thirds of starting newsgraph, on one
// core while the other waited. LoadLexicon reports the errors in the order
// of the files, as when it read and decoded them one after the other.
func decodeLexiconFiles(fsys fs.FS, files []string, frameData *frameFile, words *wordLists) (out []lexiconFile, sum [sha256.Size]byte) {
	out = make([]lexiconFile, len(files))
	allRead := true
	for i, f := range files {
		out[i].data, out[i].readErr = fs.ReadFile(fsys, f)
		allRead = allRead && out[i].readErr == nil
	}
	var cache lexiconCache
	if allRead {
		sum = lexiconSum(files, out)
		if cache = lexiconCacheFor(sum); cache.load(out, frameData, words) {
			return out, sum
		}
	}
	var wg sync.WaitGroup
	for i, f := range files {
		lf := &out[i]
		if lf.readErr != nil {
			continue
		}
		wg.Go(func() {
			switch path.Base(f) {
			case "frames.yaml":
				lf.err = strictYAML(lf.data, frameData)
			case "words.yaml":
				lf.err = strictYAML(lf.data, words)
			default:
				lf.err = yaml.Unmarshal(lf.data, &lf.entries)
			}
		})
	}
	wg.Wait()
	if !slices.ContainsFunc(out, func(lf lexiconFile) bool { return lf.err != nil }) {
		cache.store(out, frameData, words)
	}
	return out, sum
}

// lexiconSum hashes the names and bytes of files, read into decoded: the
// lexicon's fingerprint and the lexicon cache's key are made of it.
func lexiconSum(files []string, decoded []lexiconFile) (sum [sha256.Size]byte) {
	h := sha256.New()
	for i, f := range files {
		fmt.Fprintf(h, "%s %d\n", f, len(decoded[i].data))
		h.Write(decoded[i].data)
	}
	h.Sum(sum[:0])
	return sum
}

// DefaultLexicon returns the lexicon embedded in the binary.
func DefaultLexicon() *Lexicon { return defaultLexicon }

// strictYAML decodes data into v, rejecting keys v does not have, so that
// a misspelt key in a hand-edited file is an error, not a silent no-op.
func strictYAML(data []byte, v any) error {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	return dec.Decode(v)
}

// homeBodyRef is a state body and its state.
type homeBodyRef struct{ state, body *LexEntry }

// indexHomeBodies indexes the state bodies whose names say their state
// ("Iraqi Foreign Ministry", "Iraq's Parliament", "Ministry of Foreign
// Affairs of Iraq") by the name without it ("foreign ministry"), so that
// "the Foreign Ministry" of an article finds the body of each state that
// has one.
func (lx *Lexicon) indexHomeBodies() {
	lx.homeBodies = map[string][]homeBodyRef{}
	country := func(key string) *LexEntry {
		if le := lx.byName[key]; le != nil && le.Type == schema.Country {
			return le
		}
		return nil
	}
	for _, e := range lx.Entries {
		if e.Type != schema.GovernmentBody {
			continue
		}
		for _, n := range append([]string{e.Name}, e.Aliases...) {
			keys := exactKeys(n)
			var state *LexEntry
			var rest []string
			switch last := len(keys) - 1; {
			case len(keys) > 1 && lx.demonym[keys[0]] != nil:
				state, rest = lx.demonym[keys[0]], keys[1:]
			case len(keys) > 2 && keys[1] == "'s" && country(keys[0]) != nil:
				state, rest = country(keys[0]), keys[2:]
			case len(keys) > 2 && keys[last-1] == "of" && country(keys[last]) != nil:
				state, rest = country(keys[last]), keys[:last-1]
			default:
				continue
			}
			key := strings.Join(rest, " ")
			if !slices.Contains(lx.homeBodies[key], homeBodyRef{state, e}) {
				lx.homeBodies[key] = append(lx.homeBodies[key], homeBodyRef{state, e})
			}
		}
	}
}

package extract

import (
	"context"
	"testing"

	"github.com/newsgraph/newsgraph/schema"
)

// Entities of real reporting that the lexicon or the name patterns must
// find, each as its own node. The sentences are written for these tests.

type wantEntity struct{ id, typ, mention string }

// checkEntities extracts text and reports each wanted entity that is
// missing, of another type, or found without the wanted mention.
func checkEntities(t *testing.T, text string, want []wantEntity) {
	t.Helper()
	rec := extractText(t, text)
	for _, w := range want {
		e := entityByID(rec, w.id)
		switch {
		case e == nil:
			t.Errorf("%q: no entity %s in %v", text, w.id, ids(rec))
		case e.Type != w.typ || !contains(e.Mentions, w.mention):
			t.Errorf("%q: %s is %s %v, want %s with mention %q", text, w.id, e.Type, e.Mentions, w.typ, w.mention)
		}
	}
}

// TestPartisanAndSiteNames: the partisan names Syrian state and Kurdish
// outlets give Turkey and its army, and a coalition site that reports
// name apart from the oil field beside it.
func TestPartisanAndSiteNames(t *testing.T) {
	checkEntities(t, "Shells fired by the Turkish occupation fell on farms near Tal Tamr, and the Turkish regime was blamed for the damage.",
		[]wantEntity{{"turkish-armed-forces", schema.GovernmentBody, "Turkish occupation"}, {"turkey", schema.Country, "Turkish regime"}})
	checkEntities(t, "Two drones were downed over the Green Village while a third fell near the al-Omar oil field.",
		[]wantEntity{{"green-village", schema.MilitaryBase, "Green Village"}, {"al-omar", schema.MilitaryBase, "al-Omar oil field"}})
}

// TestPossessedCollectives: a state's proxies named through a possessive
// are its collective, and whoever the possessive names backs them.
func TestPossessedCollectives(t *testing.T) {
	for _, c := range []struct {
		text    string
		mention string
		backer  string
	}{
		{"Mortar rounds fired by Erdogan's mercenaries landed on two farms east of Tal Tamr.", "Erdogan's mercenaries", "recep-tayyip-erdogan"},
		{"The Turkish army and its mercenaries pushed towards Ain Issa at dawn.", "its mercenaries", "turkish-armed-forces"},
		{"Turkish troops, along with their affiliated mercenaries, shelled the outskirts of Manbij.", "their affiliated mercenaries", "turkish-armed-forces"},
		{"Clashes broke out when Turkish-backed mercenaries tried to cross the river.", "Turkish-backed mercenaries", "turkey"},
		{"Iran and its allied militias were accused of the raid.", "its allied militias", "iran"},
	} {
		rec := extractText(t, c.text)
		coll := "turkish-backed-factions"
		if c.backer == "iran" {
			coll = "iran-backed-militias"
		}
		if e := entityByID(rec, coll); e == nil || !contains(e.Mentions, c.mention) {
			t.Errorf("%q: no %s with mention %q in %v", c.text, coll, c.mention, ids(rec))
			continue
		}
		if !hasFact(rec, wantFact{coll, "backed_by", c.backer, ""}) && !hasFact(rec, wantFact{coll, "allied_with", c.backer, ""}) {
			t.Errorf("%q: no link of %s to %s in %s", c.text, coll, c.backer, facts(rec))
		}
	}
	// A people or an ally joined by "and" is no state's proxies.
	rec := extractText(t, "The United States and its allies met in Rome, and Iraq and its people voted.")
	if e := entityByID(rec, "iran-backed-militias"); e != nil {
		t.Errorf("unexpected collective %v", e.Mentions)
	}
}

// TestFacilityNames: a lower-case facility head after a place names a
// site apart from the place, the places a hyphen joins included; a site
// the lexicon knows keeps its own name.
func TestFacilityNames(t *testing.T) {
	checkEntities(t, "A drone came down on the runway of the Bazyan airport, east of Kirkuk, before dawn.",
		[]wantEntity{{"bazyan-airport", schema.Place, "Bazyan airport"}})
	checkEntities(t, "Gunmen stormed the Raqqa detention center while others blocked the Manbij-Jarablus road.",
		[]wantEntity{{"raqqa-detention-center", schema.Place, "Raqqa detention center"}, {"manbij-jarablus-road", schema.Place, "Manbij-Jarablus road"}})
	checkEntities(t, "Army units retook the Menagh airbase after a week of fighting.",
		[]wantEntity{{"menagh-airbase", schema.MilitaryBase, "Menagh airbase"}})
	rec := extractText(t, "A convoy was ambushed on the Baghdad airport road late on Sunday.")
	if e := entityByID(rec, "baghdad-airport-road"); e != nil {
		t.Errorf("the airport road is the airport's: %v", ids(rec))
	}
}

// TestTitledNameEndingInATown: a Kurdish surname that is a town's name,
// after a title and a given name, ends the person's name.
func TestTitledNameEndingInATown(t *testing.T) {
	checkEntities(t, "Local sources said the drone was aimed at YPG commander Rezan Kobani as he left a meeting.",
		[]wantEntity{{"rezan-kobani", schema.Person, "Rezan Kobani"}})
}

// TestGolanBufferZone: in reporting on Israel and Syria, "the buffer
// zone" is the UN-patrolled area of separation on the Golan.
func TestGolanBufferZone(t *testing.T) {
	checkEntities(t, "Tanks of the Israeli army moved into the buffer zone last week, residents of Quneitra said.",
		[]wantEntity{{"golan-buffer-zone", schema.Place, "buffer zone"}})
}

// TestIranBackedForces: "Iran-backed forces" are Iran's collective,
// while another sponsor's forces still need a modifier to be one.
func TestIranBackedForces(t *testing.T) {
	rec := extractText(t, "Officials gave few details on Sunday. Two rockets fired by Iran-backed forces landed near a patrol base in Hasakah.")
	if e := entityByID(rec, "iran-backed-militias"); e == nil || !contains(e.Mentions, "Iran-backed forces") {
		t.Errorf("no Iran-backed militias named 'Iran-backed forces' in %v", ids(rec))
	}
	if !hasFact(rec, wantFact{"iran-backed-militias", "backed_by", "iran", ""}) {
		t.Errorf("no backed_by Iran in %s", facts(rec))
	}
	rec = extractText(t, "Officials gave few details on Sunday. US-backed forces entered the town at dawn.")
	if e := entityByID(rec, "united-states-backed-militias"); e != nil {
		t.Errorf("unexpected collective %v", e.Mentions)
	}
}

// TestAgreementBetweenPair: an unnamed agreement's description keeps the
// pair that "between" names wherever it comes, and what follows it.
func TestAgreementBetweenPair(t *testing.T) {
	const desc = "accord struck between Ankara and Damascus on the return of refugees"
	rec := extractText(t, "Officials gave few details on Sunday. Both sides welcomed the "+desc+".")
	for _, e := range rec.Entities {
		if e.Type == schema.Agreement && contains(e.Mentions, desc) {
			return
		}
	}
	t.Errorf("no agreement named %q in %v", desc, ids(rec))
}

// TestBorderNamedByOneSide: "the Iraqi border" and "the border with
// Syria" are the border between that state and the one the sentence, or
// else the article, names besides it, named by the two states' names as
// the annotation names borders, and kept where a fact or event uses it.
func TestBorderNamedByOneSide(t *testing.T) {
	checkEntities(t, "Officials in Syria gave few details on Sunday. A drone hit a depot in Hasakah near the Iraqi border.",
		[]wantEntity{{"syria-iraq-border", schema.Place, "Iraqi border"}})
	checkEntities(t, "Officials gave few details on Sunday. Smugglers were arrested in Zakho, near the border with Turkey, an Iraqi officer said.",
		[]wantEntity{{"turkey-iraq-border", schema.Place, "border"}})
	checkEntities(t, "Officials in Syria gave few details on Sunday. A drone hit a depot in Hasakah near the Iraq border.",
		[]wantEntity{{"syria-iraq-border", schema.Place, "Iraq border"}})
	// A border no fact or event uses is only passed by: no node.
	rec := extractText(t, "Officials in Iraq gave few details on Sunday. The minister flew to the Turkish border and back before noon.")
	if e := entityByID(rec, "turkey-iraq-border"); e != nil {
		t.Errorf("unexpected border %v", e.Mentions)
	}
}

// TestSoldiersAndOpposition: a state's soldiers or troops are its armed
// forces, and the Syrian armed opposition named without its groups is one
// collective.
func TestSoldiersAndOpposition(t *testing.T) {
	checkEntities(t, "Officials gave few details on Monday. Three Syrian soldiers and two Turkish soldiers were hurt when shells fell near the crossing.",
		[]wantEntity{{"syrian-army", schema.GovernmentBody, "Syrian soldiers"}, {"turkish-armed-forces", schema.GovernmentBody, "Turkish soldiers"}})
	// "Turkish security forces", the Turkish ministries' phrase for the
	// troops of a cross-border operation, is the Turkish Armed Forces.
	checkEntities(t, "Turkish security forces hit five PKK hideouts in the Zap region on Monday, the ministry said.",
		[]wantEntity{{"turkish-armed-forces", schema.GovernmentBody, "Turkish security forces"}})
	checkEntities(t, "Officials gave few details on Monday. Homs fell to a rebel alliance within a week, while Syrian opposition factions held the north.",
		[]wantEntity{{"syrian-opposition-factions", schema.ArmedGroup, "rebel alliance"}, {"syrian-opposition-factions", schema.ArmedGroup, "Syrian opposition factions"}})
}

// TestShortFormInsideAName: a one-word short form of a longer name
// ("Kurdistan" for the Kurdistan Region) inside another name is that
// name's word, while a one-word name inside one still counts.
func TestShortFormInsideAName(t *testing.T) {
	rec := extractText(t, "Officials gave few details on Sunday. The Kurdistan Workers' Party said two of its fighters died in a Turkish strike in Iraq.")
	if e := entityByID(rec, "kurdistan-region"); e != nil {
		t.Errorf("the PKK's name mentions no Kurdistan Region: %v", e.Mentions)
	}
	if e := entityByID(rec, "iraq"); e == nil {
		t.Errorf("no Iraq in %v", ids(rec))
	}
	checkEntities(t, "Officials gave few details on Sunday. A source at the Iran Press agency said the talks went well.",
		[]wantEntity{{"iran", schema.Country, "Iran"}})
}

// TestServiceAndCoalitionForms: the short names reporting gives Turkey's
// intelligence service, the US forces in partisan outlets and the
// coalition.
func TestServiceAndCoalitionForms(t *testing.T) {
	checkEntities(t, "Officials gave few details on Monday. Turkish intelligence tracked the car for days, a militia statement blamed the American occupation, and the U.S.-led international military coalition declined to comment.",
		[]wantEntity{{"national-intelligence-organization", schema.GovernmentBody, "Turkish intelligence"}, {"us-military", schema.GovernmentBody, "American occupation"},
			{"international-coalition", schema.Coalition, "U.S.-led international military coalition"}})
}

// TestRegimeNamedForItsHead: a government named by its head's full
// name and "regime" or "government" is that state's government, and names
// the man too; "the Assad regime" names only the government. The Gaza
// war's other names are the war.
func TestRegimeNamedForItsHead(t *testing.T) {
	checkEntities(t, "Officials gave few details on Monday. Exiles in Berlin cheered when the Bashar al-Assad regime collapsed, and the Damascus administration that followed promised a vote.", []wantEntity{{"syrian-government", schema.GovernmentBody, "Bashar al-Assad regime"}, {"syrian-government", schema.GovernmentBody, "Damascus administration"},
		{"bashar-al-assad", schema.Person, "Bashar al-Assad"}})
	rec := extractText(t, "Officials gave few details on Monday. Exiles in Berlin cheered when the Assad regime collapsed.")
	if e := entityByID(rec, "bashar-al-assad"); e != nil {
		t.Errorf("the Assad regime mentions no Bashar al-Assad: %v", e.Mentions)
	}
	checkEntities(t, "Officials gave few details on Monday. Shipping slowed in the Red Sea during the Israel-Gaza conflict, a year into Israel's war against Hamas.",
		[]wantEntity{{"gaza-war", schema.EventEntity, "Israel-Gaza conflict"}, {"gaza-war", schema.EventEntity, "Israel's war against Hamas"}})
}

// TestCollectivesOfABody: groups tied to an arm of a state ("groups
// affiliated with Iran's Revolutionary Guard", "Quds Force affiliates")
// are that state's collective, backed by the body named.
func TestCollectivesOfABody(t *testing.T) {
	for _, c := range []struct{ text, mention, backer string }{
		{"Officials met on Monday. Jets later hit depots run by fighters loyal to Iran's Islamic Revolutionary Guard Corps near the border.", "fighters loyal to Iran's Islamic Revolutionary Guard Corps", "islamic-revolutionary-guard-corps"},
		{"Officials met on Monday. Warplanes bombed a compound held by factions supported by Iran's paramilitary Revolutionary Guard, the army said.", "factions supported by Iran's paramilitary Revolutionary Guard", "islamic-revolutionary-guard-corps"},
		{"Officials met on Monday. The raid answered rocket fire by factions linked to the IRGC on two bases.", "factions linked to the IRGC", "islamic-revolutionary-guard-corps"},
		{"Officials met on Monday. The general blamed IRGC-Quds Force affiliates for the drone that hit the base.", "IRGC-Quds Force affiliates", "quds-force"},
	} {
		rec := extractText(t, c.text)
		if e := entityByID(rec, "iran-backed-militias"); e == nil || !contains(e.Mentions, c.mention) {
			t.Errorf("%q: no iran-backed-militias with mention %q in %v", c.text, c.mention, ids(rec))
			continue
		}
		if !hasFact(rec, wantFact{"iran-backed-militias", "backed_by", c.backer, ""}) {
			t.Errorf("%q: no backed_by %s in %s", c.text, c.backer, facts(rec))
		}
	}
}

// TestConjoinedCollectives: a link word standing alone after a state or
// one of its arms joined by "and" makes the state's collective, linked to
// the name; after an armed group it makes none.
func TestConjoinedCollectives(t *testing.T) {
	for _, c := range []struct{ text, mention, pred, backer string }{
		{"Officials met on Monday. Washington vowed to punish Iran and affiliated militia groups for the rocket fire.", "affiliated militia groups", "allied_with", "iran"},
		{"Officials met on Monday. Bombers hit depots that the Quds Force and affiliated factions kept near the river.", "affiliated factions", "backed_by", "quds-force"},
		{"Officials met on Monday. Jets struck a camp that the Islamic Revolutionary Guard Corps (IRGC) and affiliated militias shared.", "affiliated militias", "backed_by", "islamic-revolutionary-guard-corps"},
	} {
		rec := extractText(t, c.text)
		if e := entityByID(rec, "iran-backed-militias"); e == nil || !contains(e.Mentions, c.mention) {
			t.Errorf("%q: no iran-backed-militias with mention %q in %v", c.text, c.mention, ids(rec))
			continue
		}
		if !hasFact(rec, wantFact{"iran-backed-militias", c.pred, c.backer, ""}) {
			t.Errorf("%q: no %s %s in %s", c.text, c.pred, c.backer, facts(rec))
		}
	}
	rec := extractText(t, "Officials met on Monday. Jets hit two farms held by Kataib Hezbollah and affiliated groups near Qaim.")
	if e := entityByID(rec, "iran-backed-militias"); e != nil {
		t.Errorf("a group's affiliates are no state's collective: %v", e.Mentions)
	}
	// "…, the Pentagon announced": the source ends the list of targets.
	rec = extractText(t, "Officials met on Monday. Israeli aircraft hit a convoy carrying rockets for the Quds Force and affiliated factions, the Pentagon announced.")
	if !hasFact(rec, wantFact{"israel", "attacked", "iran-backed-militias", ""}) || hasFact(rec, wantFact{"israel", "attacked", "pentagon", ""}) {
		t.Errorf("want the collective as a target and not the source: %s", facts(rec))
	}
}

// TestSkeletonNeedsSpelling: one word matched by its consonants alone is
// the lexicon's name only if it is spelt like it but for vowels and a
// letter or so: transliterations are, a given name or an English word
// that shares the consonants of a place is not.
func TestSkeletonNeedsSpelling(t *testing.T) {
	for _, c := range []struct {
		text    string
		want    []wantEntity
		notWant []string
	}{
		{"Gunmen fired on the Kiniko gas plant overnight, a local source said.",
			[]wantEntity{{"conoco", schema.MilitaryBase, "Kiniko"}}, nil},
		{"Shells fell on farms around Qamishlo and Sweida on Friday.",
			[]wantEntity{{"qamishli", schema.Place, "Qamishlo"}, {"suwayda", schema.Place, "Sweida"}}, nil},
		{"Clashes broke out on Friday. Mohammed al-Rubaie, a local commander, was wounded in the fighting.",
			nil, []string{"mahmudiyah"}},
		{"Clashes broke out on Friday. Tens of families fled the villages before dawn.",
			nil, []string{"tennessee"}},
	} {
		checkEntities(t, c.text, c.want)
		rec := extractText(t, c.text)
		for _, id := range c.notWant {
			if e := entityByID(rec, id); e != nil {
				t.Errorf("%q: unexpected %s %v", c.text, id, e.Mentions)
			}
		}
	}
}

// TestOutletsByCue: an unknown name that a report is "by" or "from" after
// "according to", or that reports with a media word after it, is a news
// outlet, and its report a statement.
func TestOutletsByCue(t *testing.T) {
	for _, c := range []struct{ text, id, mention string }{
		{"Shells hit two farms near Zakho on Tuesday, according to a report by Xendanews, a Kurdish outlet.", "xendanews", "Xendanews"},
		{"A drone came down near Amedi at dawn, according to reports from Zinarnet.", "zinarnet", "Zinarnet"},
		{"Two shepherds were hurt near Amedi, the Roniya news website reported on Tuesday.", "roniya", "Roniya"},
	} {
		checkEntities(t, c.text, []wantEntity{{c.id, schema.MediaOutlet, c.mention}})
		if rec := extractText(t, c.text); !hasEvent(rec, wantEvent{"Statement", c.id, ""}) {
			t.Errorf("%q: no statement by %s:%s", c.text, c.id, eventList(rec))
		}
	}
}

// TestPeopleByCue: names no lexicon knows are people's after an age, after
// a person "named", after a plural of people, or in a list with another
// person's name.
func TestPeopleByCue(t *testing.T) {
	checkEntities(t, "A drone hit a farm near the river on Sunday. Among the wounded was 31-year-old Rezan Qadir, a driver from the next village.",
		[]wantEntity{{"rezan-qadir", schema.Person, "Rezan Qadir"}})
	checkEntities(t, "A drone hit a farm near the river on Sunday. A shepherd named Berivan Selo was among those hurt.",
		[]wantEntity{{"berivan-selo", schema.Person, "Berivan Selo"}})
	checkEntities(t, "A drone hit a farm near the river on Sunday. The group mourned its commanders Rojhat Amed and Serhildan Cudi the next day.",
		[]wantEntity{{"rojhat-amed", schema.Person, "Rojhat Amed"}, {"serhildan-cudi", schema.Person, "Serhildan Cudi"}})
	checkEntities(t, "A drone hit a farm near the river on Sunday. The hospital named the dead as Ahmed Saleh, Berzan Xalid and Dilvan Kerem.",
		[]wantEntity{{"berzan-xalid", schema.Person, "Berzan Xalid"}, {"dilvan-kerem", schema.Person, "Dilvan Kerem"}})
}

// TestEnDashCompound: an en dash with no space either side joins a
// compound as a hyphen does.
func TestEnDashCompound(t *testing.T) {
	checkEntities(t, "Rockets were fired at a base on Monday. Attacks grew after the Israel–Hamas war began, officials said.",
		[]wantEntity{{"gaza-war", schema.EventEntity, "Israel–Hamas war"}})
}

// TestMayadinTownOrChannel: the town on the Euphrates and the channel
// share a name; a source told something is the channel, a town named
// among towns the town.
func TestMayadinTownOrChannel(t *testing.T) {
	checkEntities(t, "Shelling was heard on Tuesday near the towns of Mayadeen and Albu Kamal, a monitor said.",
		[]wantEntity{{"mayadin", schema.Place, "Mayadeen"}})
	checkEntities(t, "On Tuesday a local official confirmed to Al Mayadeen that a drone had struck a depot.",
		[]wantEntity{{"al-mayadeen", schema.MediaOutlet, "Al Mayadeen"}})
	checkEntities(t, "A roadside bomb struck a convoy on the Deir ez-Zor-Al-Mayadeen road late on Sunday.",
		[]wantEntity{{"mayadin", schema.Place, "Al-Mayadeen"}})
}

// TestNamesListedWithAPlace: a name the lexicon does not know, listed with
// a place it knows ("A and B", "A, B and C", "between A and B"), is a
// place; a demonym's noun or a province's head is not.
func TestNamesListedWithAPlace(t *testing.T) {
	for _, c := range []struct {
		text string
		want []wantEntity
	}{
		{"A drone hit a pickup on the road between Sinjar and Qorzenar on Friday.",
			[]wantEntity{{"qorzenar", schema.Place, "Qorzenar"}}},
		{"Families held in camps like al-Hol and al-Zeynab face hunger, aid workers warned.",
			[]wantEntity{{"al-zeynab", schema.Place, "al-Zeynab"}}},
		{"Sniper fire kept residents of Dugirka, Beni Hanash and Manbij indoors for days.",
			[]wantEntity{{"dugirka", schema.Place, "Dugirka"}, {"beni-hanash", schema.Place, "Beni Hanash"}}},
	} {
		checkEntities(t, c.text, c.want)
	}
	for _, c := range []struct{ text, not string }{
		{"Militias vowed revenge over American Presence, Gaza and the raids of last week.", "presence"},
		{"Rockets fell on al-Hasakah Governorate and Raqqa on Monday.", "governorate"},
	} {
		if rec := extractText(t, c.text); entityByID(rec, c.not) != nil {
			t.Errorf("%q: unwanted entity %s in %v", c.text, c.not, ids(rec))
		}
	}
}

// TestDatelineAgency: a name in capitals in brackets after a dateline is
// the agency that filed the report, not a short form of the place;
// Anadolu's initials name it there too.
func TestDatelineAgency(t *testing.T) {
	for _, c := range []struct {
		text string
		want []wantEntity
	}{
		{"ERBIL (KRNA) — Two drones fell near a checkpoint on Sunday, police said.",
			[]wantEntity{{"krna", schema.MediaOutlet, "KRNA"}, {"erbil", schema.Place, "ERBIL"}}},
		{"BAGHDAD, Oct. 3 (BGN-HQ) – A rocket landed near the airport overnight.",
			[]wantEntity{{"bgn-hq", schema.MediaOutlet, "BGN-HQ"}}},
		{"DAMASCUS, (SNT)- The ministry denounced the raid on a depot.",
			[]wantEntity{{"snt", schema.MediaOutlet, "SNT"}}},
		{"ANKARA (AA) – Turkish jets hit shelters in northern Iraq, the ministry said.",
			[]wantEntity{{"anadolu-agency", schema.MediaOutlet, "AA"}}},
	} {
		checkEntities(t, c.text, c.want)
	}
	rec := extractText(t, "ERBIL (KRNA) — Two drones fell near a checkpoint on Sunday, police said.")
	if e := entityByID(rec, "erbil"); e != nil && contains(e.Mentions, "KRNA") {
		t.Errorf("the agency is taken for the place's short form: %v", e.Mentions)
	}
}

// TestPhotoCredit: a name glued by a slash to the agency or unit a picture
// is credited to is the photographer's, even on a line of capitals.
func TestPhotoCredit(t *testing.T) {
	for _, c := range []struct {
		text string
		want []wantEntity
	}{
		{"Smoke rises over a depot near Deir ez-Zor. (Photo: Rawan Delil/AFP)\n\nThe strike came at dawn.",
			[]wantEntity{{"rawan-delil", schema.Person, "Rawan Delil"}}},
		{"Soldiers unload supplies at a base in Iraq.\n\nImage: Sgt. Maren Kolbeck/US Army\n\nThe base was hit twice in January.",
			[]wantEntity{{"maren-kolbeck", schema.Person, "Maren Kolbeck"}}},
	} {
		checkEntities(t, c.text, c.want)
	}
}

// TestGovernmentForcesOfTheArticle: "government forces" without a state
// are the forces of the article's state that the lexicon names so
// ("Syrian government forces"); a state with no such body gets none.
func TestGovernmentForcesOfTheArticle(t *testing.T) {
	checkEntities(t, "Damascus moved tanks north of Aleppo on Monday. Fighting then broke out between government forces and the SDF near Deir Hafer.",
		[]wantEntity{{"syrian-army", schema.GovernmentBody, "government forces"}})
	rec := extractText(t, "Gunmen stormed a checkpoint in Kirkuk, Iraqi officials said. Government forces chased them, and government forces lost two men.")
	if e := entityByID(rec, "syrian-army"); e != nil {
		t.Errorf("an article on Iraq gives Syria's army: %v", e.Mentions)
	}
}

// TestLowerCaseHomeBodies: a state body named in lower case without its
// state ("the defense ministry said") is the body of the article's
// country, as its capitalised name is; named with "of" and a country
// ("the government of Iraq") it is that country's, and takes the
// country's words in; a demonym or a possessive before the words names the
// state itself.
func TestLowerCaseHomeBodies(t *testing.T) {
	for _, c := range []struct {
		text string
		want []wantEntity
	}{
		{"Turkish jets bombed caves in the mountains of Turkey's south on Friday. Two pilots were lost, the defense ministry said.",
			[]wantEntity{{"turkish-ministry-of-national-defense", schema.GovernmentBody, "defense ministry"}}},
		{"Gunmen opened fire on a checkpoint in Basra, a city in southern Iraq. An interior ministry official said four policemen were hurt.",
			[]wantEntity{{"ministry-of-interior-of-iraq", schema.GovernmentBody, "interior ministry"}}},
		{"The envoys pledged to help the government of Iraq rebuild the bridges near Mosul.",
			[]wantEntity{{"iraqi-government", schema.GovernmentBody, "government of Iraq"}, {"iraq", schema.Country, "Iraq"}}},
		{"Two rockets fell near Erbil on Monday. The preacher railed against the government of the United States in his sermon.",
			[]wantEntity{{"us-government", schema.GovernmentBody, "government of the United States"}}},
		{"Riots spread across Basra in Iraq. The interior ministry of Syria said its border guards were put on alert.",
			[]wantEntity{{"syrian-ministry-of-interior", schema.GovernmentBody, "interior ministry of Syria"}}},
	} {
		checkEntities(t, c.text, c.want)
	}
	for _, text := range []string{
		"Gunmen opened fire on a checkpoint in Basra in Iraq. The Syrian interior ministry said the men had crossed from the west.",
		"Gunmen opened fire on a checkpoint in Basra in Iraq. The interior ministry of Syria said the men had crossed from the west.",
	} {
		if e := entityByID(extractText(t, text), "ministry-of-interior-of-iraq"); e != nil {
			t.Errorf("%q: another state's ministry is taken for Iraq's: %v", text, e.Mentions)
		}
	}
}

// TestOutletNamedWithItsArticle: an outlet whose name is one word after
// "The" is named by that word only after "the" and not inside a longer
// name.
func TestOutletNamedWithItsArticle(t *testing.T) {
	checkEntities(t, "Two drones were shot down near Erbil airport, The National reported on Sunday.",
		[]wantEntity{{"the-national", schema.MediaOutlet, "National"}})
	for _, text := range []string{
		"A Kentucky Army National Guard unit reached the base in Syria in May.",
		"The analyst argued in the National Interest that the troops should leave Iraq.",
		"The National Security Council met on Tuesday to discuss the strikes in Iraq.",
	} {
		if e := entityByID(extractText(t, text), "the-national"); e != nil {
			t.Errorf("%q: the outlet The National found in %v", text, e.Mentions)
		}
	}
}

// TestAleppoKurdishQuarters: the two Kurdish-held quarters of Aleppo are
// known places, one id whatever the spelling.
func TestAleppoKurdishQuarters(t *testing.T) {
	checkEntities(t, "Checkpoints around Sheikh Maqsoud and Ashrafiyah were shelled overnight, residents said.",
		[]wantEntity{{"ashrafiyeh", schema.Place, "Ashrafiyah"}})
	checkEntities(t, "A curfew was lifted in the Ashrafieh quarter of Aleppo on Friday.",
		[]wantEntity{{"ashrafiyeh", schema.Place, "Ashrafieh"}})
}

// TestAuthorsArePeople: the people who sign an article (source's Author:
// its byline or credit line) are mentioned in it; a desk is not, nor a
// name that opens with no given name. Names written for this test.
func TestAuthorsArePeople(t *testing.T) {
	for _, c := range []struct {
		author string
		want   []string
		no     []string
	}{
		{"Karim Saleh and Laura Haddad", []string{"karim-saleh", "laura-haddad"}, nil},
		{"Staff", nil, []string{"staff"}},
		{"Night Mode", nil, []string{"night-mode"}},
	} {
		a := article("Rockets hit a depot near Kobani on Monday, officials said.")
		a.Author = c.author
		rec, err := NewRules(DefaultLexicon()).Extract(context.Background(), a)
		if err != nil {
			t.Fatal(err)
		}
		for _, id := range c.want {
			if e := entityByID(rec, id); e == nil || e.Type != schema.Person {
				t.Errorf("author %q: no person %s in %v", c.author, id, ids(rec))
			}
		}
		for _, id := range c.no {
			if e := entityByID(rec, id); e != nil {
				t.Errorf("author %q: unexpected %s", c.author, id)
			}
		}
	}
}

// TestKnownNameInsideGroupName: a group named after a man or a place the
// lexicon knows ("Revenge of X", "the X Brigades") is one name, the
// group's, which is what acts; the man inside it is not mentioned, the
// place or country still is.
func TestKnownNameInsideGroupName(t *testing.T) {
	for _, c := range []struct {
		text     string
		want     wantEntity
		agent    string
		notThere string // an entity the name inside must not make
		stays    string // an entity the name inside still makes
	}{
		{"Liwa Thar Soleimani said its fighters fired two drones at the base.",
			wantEntity{"liwa-thar-soleimani", schema.ArmedGroup, "Liwa Thar Soleimani"}, "", "qasem-soleimani", ""},
		{"Saraya Dam al-Muhandis launched a drone at U.S. troops on Sunday.",
			wantEntity{"saraya-dam-al-muhandis", schema.ArmedGroup, "Saraya Dam al-Muhandis"}, "saraya-dam-al-muhandis", "abu-mahdi-al-muhandis", ""},
		{"The Martyr Soleimani Brigades fired rockets at U.S. troops late on Friday.",
			wantEntity{"martyr-soleimani-brigades", schema.ArmedGroup, "Martyr Soleimani Brigades"}, "martyr-soleimani-brigades", "qasem-soleimani", ""},
		{"The Ahrar al-Iraq Brigades fired rockets at U.S. troops last week.",
			wantEntity{"ahrar-al-iraq-brigades", schema.ArmedGroup, "Ahrar al-Iraq Brigades"}, "ahrar-al-iraq-brigades", "", "iraq"},
	} {
		checkEntities(t, c.text, []wantEntity{c.want})
		rec := extractText(t, c.text)
		if c.notThere != "" && entityByID(rec, c.notThere) != nil {
			t.Errorf("%q: the name inside the group's made %s", c.text, c.notThere)
		}
		if c.stays != "" && entityByID(rec, c.stays) == nil {
			t.Errorf("%q: no %s in %v", c.text, c.stays, ids(rec))
		}
		if c.agent != "" && !hasEvent(rec, wantEvent{"Attack", c.agent, "us-military"}) {
			t.Errorf("%q: no attack by %s:%s", c.text, c.agent, eventList(rec))
		}
	}
}

// TestBracketedTranslation: a name followed by its translation in
// parentheses or square brackets, "the" allowed inside, is one entity,
// named as the text names it, whether the lexicon knows the name or not.
func TestBracketedTranslation(t *testing.T) {
	for _, c := range []struct {
		text  string
		want  wantEntity
		other string // the id the translation alone would make
	}{
		{"Saraya Nur al-Huda [Light of Guidance Brigades] said it launched drones at U.S. troops.",
			wantEntity{"saraya-nur-al-huda", schema.ArmedGroup, "Light of Guidance Brigades"}, "light-of-guidance-brigades"},
		{"Harakat Sayf al-Nasr (the Sword of Victory Movement) fired rockets at U.S. troops.",
			wantEntity{"harakat-sayf-al-nasr", schema.ArmedGroup, "Sword of Victory Movement"}, "sword-of-victory-movement"},
		{"Kata'ib Hezbollah [Party of God Brigades] fired rockets at U.S. troops.",
			wantEntity{"kataib-hezbollah", schema.ArmedGroup, "Party of God Brigades"}, "party-of-god-brigades"},
	} {
		checkEntities(t, c.text, []wantEntity{c.want})
		if rec := extractText(t, c.text); entityByID(rec, c.other) != nil {
			t.Errorf("%q: the translation is an entity of its own: %v", c.text, ids(rec))
		}
	}
}

// TestGroupKindAfterName: a noun of a group's kind after its name ("the X
// militia", "the X group") belongs to the name, and the group is the
// actor of the verb after it, known to the lexicon or not; "a X militia"
// describes and stays out.
func TestGroupKindAfterName(t *testing.T) {
	for _, c := range []struct {
		text, agent string
	}{
		{"The Kataib Hezbollah militia fired rockets at U.S. troops near the border.", "kataib-hezbollah"},
		{"The Sabiqun militia fired rockets at U.S. troops on Tuesday.", "sabiqun"},
		{"Overnight the Nujaba group launched two drones at U.S. troops in Syria.", "harakat-hezbollah-al-nujaba"},
	} {
		rec := extractText(t, c.text)
		if !hasEvent(rec, wantEvent{"Attack", c.agent, "us-military"}) {
			t.Errorf("%q: no attack by %s:%s", c.text, c.agent, eventList(rec))
		}
	}
}

// TestArabicGroupOpeners: Arabic words that open an armed group's name
// ("Ashab" companions, "Tashkil" formation, "Fasil" faction, "Jund"
// soldiers, "Usbat" league, "Tanzim" organisation) type it, and a place
// only spelt like a word of the name is not named.
func TestArabicGroupOpeners(t *testing.T) {
	for _, c := range []struct {
		text string
		want wantEntity
	}{
		{"Ashab al-Bayraq al-Sawda said it fired drones at U.S. troops.", wantEntity{"ashab-al-bayraq-al-sawda", schema.ArmedGroup, "Ashab al-Bayraq al-Sawda"}},
		{"Tashkil al-Fajr al-Jadid said it would keep up the pressure.", wantEntity{"tashkil-al-fajr-al-jadid", schema.ArmedGroup, "Tashkil al-Fajr al-Jadid"}},
		{"Fasil Abna al-Rafidain claimed a rocket attack on U.S. troops.", wantEntity{"fasil-abna-al-rafidain", schema.ArmedGroup, "Fasil Abna al-Rafidain"}},
	} {
		checkEntities(t, c.text, []wantEntity{c.want})
		if rec := extractText(t, c.text); entityByID(rec, "suwayda") != nil {
			t.Errorf("%q: a word of the group's name made Suwayda", c.text)
		}
	}
}

// TestCourtesyTitles: the Shia honorific "Sayyed", the cleric's "Mullah"
// and the Kurdish "Kak" are titles before a name, not part of it.
func TestCourtesyTitles(t *testing.T) {
	checkEntities(t, "Sayyed Jaafar al-Hakimi urged calm after the strike.", []wantEntity{{"jaafar-al-hakimi", schema.Person, "Jaafar al-Hakimi"}})
	checkEntities(t, "Mullah Aziz Barzinji was killed in the raid on Sunday.", []wantEntity{{"aziz-barzinji", schema.Person, "Aziz Barzinji"}})
	checkEntities(t, "Kak Shwan Rasul, the district mayor, said the road was closed.", []wantEntity{{"shwan-rasul", schema.Person, "Shwan Rasul"}})
}

// TestPeopleByWhatBefellThem: a name no given name marks is a person's
// when it is killed or wounded, or given an age, alone or in a list
// ("A and B were killed"); not a people's ("dozens of X Y were killed")
// nor a noun's modifier ("killed X Y residents").
func TestPeopleByWhatBefellThem(t *testing.T) {
	for _, c := range []struct {
		text string
		want []wantEntity
		not  string
	}{
		{"Late on Monday, Zelal Berxwedan was killed near the river.", []wantEntity{{"zelal-berxwedan", schema.Person, "Zelal Berxwedan"}}, ""},
		{"The bombardment wounded Hawre Çakir and Rûken Tolhildan.", []wantEntity{{"hawre-cakir", schema.Person, "Hawre Çakir"}, {"ruken-tolhildan", schema.Person, "Rûken Tolhildan"}}, ""},
		{"Baran Şêx and Nûrê Kobar were wounded by shrapnel.", []wantEntity{{"baran-sex", schema.Person, "Baran Şêx"}, {"nure-kobar", schema.Person, "Nûrê Kobar"}}, ""},
		{"Officials said Welat Heso, 19, had left the village.", []wantEntity{{"welat-heso", schema.Person, "Welat Heso"}}, ""},
		{"Dozens of Ezidi Kurds were killed in the massacre.", nil, "ezidi-kurds"},
		{"The shelling killed Qasr Bani residents overnight.", nil, "qasr-bani"},
	} {
		checkEntities(t, c.text, c.want)
		if c.not != "" {
			if e := entityByID(extractText(t, c.text), c.not); e != nil && e.Type == schema.Person {
				t.Errorf("%q: %s is a person", c.text, c.not)
			}
		}
	}
}

// TestDirectionOpensGroupName: a direction's adjective opens a group's
// name that a group's head ends, and names nothing before a place.
func TestDirectionOpensGroupName(t *testing.T) {
	checkEntities(t, "The Southern Dawn Brigade shelled a village near the river on Friday.",
		[]wantEntity{{"southern-dawn-brigade", schema.ArmedGroup, "Southern Dawn Brigade"}})
	checkEntities(t, "Officials said the Eastern Shield Front had withdrawn its fighters.",
		[]wantEntity{{"eastern-shield-front", schema.ArmedGroup, "Eastern Shield Front"}})
	rec := extractText(t, "Turkish jets struck Northern Iraq again on Friday.")
	for _, e := range rec.Entities {
		if e.Type == schema.ArmedGroup {
			t.Errorf("a direction before a place made a group: %+v", e)
		}
	}
}

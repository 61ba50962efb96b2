package extract

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/newsgraph/newsgraph/schema"
	"github.com/newsgraph/newsgraph/source"
)

// TestFrameExamples: every frame fires on each of its examples in
// frames.yaml, so a frame that no longer matches its own construction (a
// changed pattern, a changed tokeniser) fails here by name.
func TestFrameExamples(t *testing.T) {
	lx := DefaultLexicon()
	x := NewRules(lx)
	for _, fr := range lx.frames {
		if len(fr.spec.Examples) == 0 {
			t.Errorf("frame %q has no example", fr.spec.Name)
		}
		for _, ex := range fr.spec.Examples {
			d := x.analyse(&source.Article{ID: "t", Doc: "t.txt", Text: ex}, nil)
			fired := false
			for i := range d.sents {
				v := d.view(&d.sents[i])
				for k := range v.it {
					if _, ok := fr.matchAt(v, k); ok && fr.canStart(v, k) {
						fired = true
					}
				}
				d.track(v) // what "it" and "the base" refer to next
			}
			if !fired {
				t.Errorf("frame %q does not fire on its example %q", fr.spec.Name, ex)
			}
		}
	}
}

// TestRolesNeverInverted holds traps written for this test: the host of a
// base is not its attacker, the target of a strike is not its agent, the
// victim is not the killer.
func TestRolesNeverInverted(t *testing.T) {
	x := NewRules(DefaultLexicon())
	for _, tc := range []struct {
		text string
		not  [3]string // a fact that must not be extracted
		want [3]string // a fact that must be, or empty
	}{
		{"A drone struck Ain al-Asad air base, which hosts U.S. forces, on Sunday.",
			[3]string{"us-military", "attacked", "ain-al-asad-air-base"}, [3]string{"us-military", "deployed_at", "ain-al-asad-air-base"}},
		{"The bombing of the headquarters of Kata'ib Hezbollah by U.S. forces drew condemnation.",
			[3]string{"kataib-hezbollah", "attacked", "us-military"}, [3]string{"us-military", "attacked", "kataib-hezbollah"}},
		{"Abu Taqwa was killed in a U.S. drone strike in Baghdad.",
			[3]string{"abu-taqwa", "killed", "united-states"}, [3]string{}},
		{"Iran-backed militias in Syria fired rockets at the Conoco field, where U.S. troops are based.",
			[3]string{"us-military", "attacked", "conoco"}, [3]string{"us-military", "deployed_at", "conoco"}},
		// "it" takes up the sentence's own subject, not the last actor
		// of the sentence before.
		{"Kataib Hezbollah issued a statement on Sunday. Iran has struck Kurdish groups in Iraq since 2022, and in March it fired missiles at Erbil.",
			[3]string{"kataib-hezbollah", "attacked", "erbil"}, [3]string{"iran", "attacked", "erbil"}},
		// "It" opening a sentence is the last sentence's subject, not the
		// group that sentence struck.
		{"Turkey struck PKK positions in Duhok on Monday. It also shelled the village of Kani Masi.",
			[3]string{"kurdistan-workers-party", "attacked", "kani-masi"}, [3]string{"turkey", "attacked", "kani-masi"}},
		// Whose base it is, after "by", is not who struck it.
		{"A militia rocket attack on the Harir base maintained by the coalition wounded two soldiers on Friday.",
			[3]string{"international-coalition", "attacked", "harir-air-base"}, [3]string{}},
		// "with the support of Y": Y backs the subject, not the other way.
		{"In 2016 Bashiqa was retaken from ISIS by the Peshmerga with the support of the US-led coalition.",
			[3]string{"international-coalition", "backed_by", "peshmerga"}, [3]string{"peshmerga", "backed_by", "international-coalition"}},
		// Whoever passes arms aid for a state backs it, not the other way.
		{"Last week the U.S. Congress passed a $3 billion security assistance bill for Jordan after a long debate.",
			[3]string{"us-congress", "backed_by", "jordan"}, [3]string{"jordan", "backed_by", "us-congress"}},
		// Single marks around a lone name set it apart and quote no one.
		{"Protesters said the U.S. Congress had sent a new weapons aid package to ‘Israel’ despite their objections.",
			[3]string{"us-congress", "backed_by", "israel"}, [3]string{"israel", "backed_by", "us-congress"}},
		// Whoever supports a state's war backs that state.
		{"Activists decried Moscow's unconditional military backing of the Syrian bombing of Idlib.",
			[3]string{"russia", "backed_by", "syria"}, [3]string{"syria", "backed_by", "russia"}},
		// Who reports the dead is not who was struck.
		{"The Syrian Democratic Forces reported that four shepherds were wounded in an attack by a Turkish drone near Amuda.",
			[3]string{"turkey", "attacked", "syrian-democratic-forces"}, [3]string{}},
		// A state's patrol is its forces, not the state.
		{"ISIS fighters ambushed a US patrol near Palmyra, killing two soldiers.",
			[3]string{"isis", "attacked", "united-states"}, [3]string{"isis", "attacked", "us-military"}},
		// A noun in -s that a finite "be" follows is the subject of a
		// passive, what was struck, not a headline's verb of attack.
		{"Hezbollah targets were hit by Israeli jets overnight.",
			[3]string{"hezbollah", "attacked", "israel"}, [3]string{}},
		{"PKK targets in Iraq were struck by Turkish drones on Sunday.",
			[3]string{"kurdistan-workers-party", "attacked", "iraq"}, [3]string{"turkey", "attacked", "kurdistan-workers-party"}},
		// Whoever the fire that a place came under came from attacked it.
		{"Ain al-Asad came under heavy fire from Kata'ib Hezbollah overnight.",
			[3]string{"ain-al-asad-air-base", "attacked", "kataib-hezbollah"}, [3]string{"kataib-hezbollah", "attacked", "ain-al-asad-air-base"}},
		// A state's guns that fired on a group are the state's attack.
		{"Turkish artillery shelled PKK positions near Zakho overnight.",
			[3]string{"kurdistan-workers-party", "attacked", "turkey"}, [3]string{"turkey", "attacked", "kurdistan-workers-party"}},
		// A speaker who says it was behind an attack carried it out.
		{"Kata'ib Hezbollah said it was responsible for the rocket attack on the Victory base.",
			[3]string{}, [3]string{"kataib-hezbollah", "attacked", "victory-base-complex"}},
		// A passive's "by" phrase names the striker past the site noun
		// of the target and the aircraft of the agent.
		{"Kata'ib Hezbollah depots near Qaim were hit by American warplanes overnight.",
			[3]string{"kataib-hezbollah", "attacked", "us-military"}, [3]string{"us-military", "attacked", "kataib-hezbollah"}},
		// A present passive, with or without an adverb, makes the
		// subject the one struck.
		{"American troops in Syria are regularly attacked by Iran-backed militias.",
			[3]string{"us-military", "attacked", "iran-backed-militias"}, [3]string{}},
		{"Turkish outposts in Duhok are attacked by PKK fighters every summer.",
			[3]string{"turkish-armed-forces", "attacked", "kurdistan-workers-party"}, [3]string{}},
		// Forces that are somewhere for a fight wage it; forces ready
		// for one do not yet.
		{"U.S. troops returned to Syria in 2015 to fight the Islamic State.",
			[3]string{}, [3]string{"us-military", "fought_against", "isis"}},
		{"Rockets hit a base housing U.S.-led coalition forces who are in Iraq to conduct operations against ISIS.",
			[3]string{}, [3]string{"international-coalition", "fought_against", "isis"}},
		{"American forces in Syria are focused on countering ISIS.",
			[3]string{}, [3]string{"us-military", "fought_against", "isis"}},
		{"U.S. troops are ready to confront Kata'ib Hezbollah if attacked.",
			[3]string{"us-military", "fought_against", "kataib-hezbollah"}, [3]string{}},
		// A place the sentence is in is not a member of what follows.
		{"The United States still has 2,500 troops stationed in Iraq, deployed as part of the international coalition.",
			[3]string{"iraq", "member_of", "international-coalition"}, [3]string{"us-military", "deployed_at", "iraq"}},
		// A relative clause after a place belongs to the name before it.
		{"Officials reported the death of a senior figure of the Iran-backed Harakat al-Nujaba group in Iraq, which had been attacking U.S. troops for months.",
			[3]string{"iraq", "attacked", "us-military"}, [3]string{"harakat-hezbollah-al-nujaba", "attacked", "us-military"}},
		// The holder of the sites struck is the target, not an agent,
		// and the places they are in are not targets.
		{"U.S. forces carried out strikes on four depots in Iraq and Syria controlled by Kataib Hezbollah.",
			[3]string{"kataib-hezbollah", "attacked", "iraq"}, [3]string{"us-military", "attacked", "kataib-hezbollah"}},
		{"U.S. forces carried out strikes on four depots in Iraq and Syria controlled by Kataib Hezbollah.",
			[3]string{"us-military", "attacked", "syria"}, [3]string{}},
		// A state protects its own forces; it does not threaten them.
		{"The United States warned that it would conduct additional strikes if American forces in the region continue to be targeted.",
			[3]string{"united-states", "threatened", "us-military"}, [3]string{}},
		// A country hosting troops is no meeting.
		{"Iraq, which hosts around 2,500 U.S. troops, and the United States began talks in January.",
			[3]string{"iraq", "met_with", "us-military"}, [3]string{"us-military", "deployed_at", "iraq"}},
		// An act someone is kept from is not done.
		{"Washington said the strikes were meant to deter the militias and Tehran from conducting further attacks on U.S. troops.",
			[3]string{"iran", "attacked", "us-military"}, [3]string{}},
		// A second phrase joined by "and" is not the first one's target.
		{"The factions acted in support of Gaza, against the attacks of the Israelis and against the American occupation.",
			[3]string{"israel", "attacked", "us-military"}, [3]string{}},
		// A place where the subject acts is not the actor.
		{"Ankara has often conducted operations in northern Iraq, including drone strikes, targeting PKK militants.",
			[3]string{"iraq", "attacked", "kurdistan-workers-party"}, [3]string{}},
		{"Some 2,000 U.S. troops were sent to Iraq to support the Iraqi forces against ISIS.",
			[3]string{"iraqi-security-forces", "backed_by", "iraq"}, [3]string{"iraqi-security-forces", "backed_by", "us-military"}},
		// The sponsor in "an Iran-backed group" modifies the group; it is
		// not the one responsible.
		{"The raid killed a commander of an Iran-backed militant faction responsible for dozens of attacks on U.S. troops.",
			[3]string{"iran", "attacked", "us-military"}, [3]string{}},
		// The country of a base that houses foreign troops is not the
		// target; the troops are.
		{"Kataib Hezbollah claimed a drone attack on an Iraqi base housing U.S. troops.",
			[3]string{"kataib-hezbollah", "attacked", "iraqi-security-forces"}, [3]string{"kataib-hezbollah", "attacked", "us-military"}},
		// The accused carried out the attack told before; the accuser
		// did not.
		{"A drone struck Tower 22 on Sunday. The SDF accused Asaib Ahl al-Haq of carrying out the attack.",
			[3]string{"syrian-democratic-forces", "attacked", "tower-22"}, [3]string{"asaib-ahl-al-haq", "attacked", "tower-22"}},
		{"Rockets hit Camp Victory. U.S. officials said Kataib Hezbollah was behind the attack.",
			[3]string{"united-states", "attacked", "victory-base-complex"}, [3]string{"kataib-hezbollah", "attacked", "victory-base-complex"}},
		// "Its fighters" are the group's.
		{"The Islamic Resistance in Iraq said that its fighters launched a drone at the al-Tanf base.",
			[3]string{"iraq", "attacked", "al-tanf"}, [3]string{"islamic-resistance-in-iraq", "attacked", "al-tanf"}},
		// The demonym of a verb's object names the target: "Iranian
		// targets" are no Iranian who targets.
		{"Over the weekend Israel struck Iranian targets near the Syrian capital.",
			[3]string{"iran", "attacked", "syria"}, [3]string{"israel", "attacked", "iran"}},
		// A place that qualifies a name is not an item of the list before.
		{"Iran's allies, including Hezbollah in Lebanon and Yemen-based Houthis, vowed revenge.",
			[3]string{"hezbollah", "active_in", "yemen"}, [3]string{"houthis", "active_in", "yemen"}},
		// An active perfect is no passive: the one who "has struck back"
		// is no target, and no clause after "as" is its object.
		{"The U.S. military has struck back only twice as the administration tries to deter the militias without a wider war.",
			[3]string{"us-military", "attacked", "us-government"}, [3]string{}},
		// A body named in a quotation is not the speaker's employer.
		{"\"We hit depots that serve militias tied to the IRGC,\" Army Col. Joe Buccino said on Tuesday.",
			[3]string{"joe-buccino", "holds_role", "islamic-revolutionary-guard-corps"}, [3]string{"joe-buccino", "holds_role", "us-army"}},
		// A possessor backs the proxies; the demonym after it says where
		// they are.
		{"The alliance joins Iran's usually fractious Iraqi proxies under one name.",
			[3]string{"iraq-backed-militias", "backed_by", "iraq"}, [3]string{}},
		// "They" opening a sentence takes up the state the last one was
		// about, not a group that sentence named.
		{"In recent weeks Israel appears to have hit Iran-backed targets in Iraq. On Friday, they carried out another airstrike against Iranian forces outside Homs.",
			[3]string{"iran-backed-militias", "attacked", "iran"}, [3]string{"israel", "attacked", "iran"}},
		// A city named before another noun is no body a person serves.
		{"Abo Taqwa Al-Saeidi, an assistant to the commander of Baghdad Ring operations within the Popular Mobilization Forces, died in the strike.",
			[3]string{"abo-taqwa-al-saeidi", "holds_role", "iraq"}, [3]string{}},
		// Places a subject is in are not the subject.
		{"Iranian-backed militants in Iraq and Syria had repeatedly battled with U.S. forces, firing rockets at their bases.",
			[3]string{"syria", "attacked", "us-military"}, [3]string{"iran-backed-militias", "attacked", "us-military"}},
		// A site's holder is the target, not a bystander of the strike.
		{"U.S. jets struck the headquarters of Kataib Hezbollah in Jurf al-Sakhar.",
			[3]string{"kataib-hezbollah", "attacked", "us-military"}, [3]string{"us-military", "attacked", "kataib-hezbollah"}},
		// A country where a war's bases stand does not wage it, and "the
		// group" is the group named last, not the place after it.
		{"Turkey has dozens of military facilities in northern Iraq for use in its war against the PKK.",
			[3]string{"iraq", "fought_against", "kurdistan-workers-party"}, [3]string{"turkey", "fought_against", "kurdistan-workers-party"}},
		{"Turkey fights the PKK, and it has repeatedly carried out strikes targeting the group in northern Iraq.",
			[3]string{"turkey", "attacked", "iraq"}, [3]string{"turkey", "attacked", "kurdistan-workers-party"}},
		// A sponsor in a list of qualifiers backs the name they qualify,
		// not the name the phrase is in apposition to.
		{"Clashes erupted near the Manbij Military Council, a local affiliate of the Kurdish-led, US-backed Syrian Democratic Forces.",
			[3]string{"manbij-military-council", "backed_by", "united-states"}, [3]string{"syrian-democratic-forces", "backed_by", "united-states"}},
		// A site noun after an item of a list ("army positions") does
		// not end the list: the items after it are targets too.
		{"The ministry denounced the strikes of Turkish forces against the camps of the PKK, Iraqi army positions and Sinjar airport.",
			[3]string{"iraq", "attacked", "sinjar-airport"}, [3]string{"turkish-armed-forces", "attacked", "sinjar-airport"}},
		// A place before a relative clause is not who killed; Turkey's
		// compound name for the YPG is the YPG (the lexicon lists it).
		{"A drone hit an outpost in northeastern Jordan, which killed three U.S. soldiers.",
			[3]string{"jordan", "attacked", "us-military"}, [3]string{}},
		{"Turkish security forces killed five PKK/YPG militants near Tal Abyad.",
			[3]string{"turkish-armed-forces", "attacked", "kurdistan-workers-party"}, [3]string{"turkish-armed-forces", "attacked", "peoples-protection-units"}},
		// Bases are the armed forces' unless the state acts on them.
		{"Two drones struck American bases in Syria overnight.",
			[3]string{"united-states", "deployed_at", "syria"}, [3]string{"us-military", "deployed_at", "syria"}},
		{"The United States shut the American bases in Erbil and Kirkuk last year.",
			[3]string{}, [3]string{"united-states", "deployed_at", "erbil"}},
		// A list inside an apposition does not hide the subject before it.
		{"The PKK, named a terror group by Iraq, Britain and Germany, took up arms against Turkey in 1984.",
			[3]string{"germany", "attacked", "turkey"}, [3]string{"kurdistan-workers-party", "attacked", "turkey"}},
		// A capital after "of" is a place, not the subject.
		{"An army officer said the strikes north of Baghdad targeted Iraq's Popular Mobilization Forces.",
			[3]string{"iraq", "attacked", "popular-mobilization-forces"}, [3]string{}},
		// A capital after "of" is a place, not who killed.
		{"After a U.S. strike in the heart of Baghdad killed a Kataib Hezbollah commander, the government protested.",
			[3]string{"iraq", "attacked", "kataib-hezbollah"}, [3]string{}},
		// A time word between a speaker and its verb: "it" is still the
		// speaker.
		{"Kataib Hezbollah yesterday announced that it had shelled the Harir base near Erbil.",
			[3]string{}, [3]string{"kataib-hezbollah", "attacked", "harir-air-base"}},
		// "Its" may look ahead: the state the campaign is against is not
		// the one that wages it.
		{"During their long armed struggle against Turkey, the PKK fighters lost thousands of men.",
			[3]string{"turkey", "fought_against", "kurdistan-workers-party"}, [3]string{"kurdistan-workers-party", "attacked", "turkey"}},
		// A country after a site and "in" says where the site is; areas
		// in a country are the country.
		{"Two U.S. jets bombed a weapons depot in eastern Syria on Friday.",
			[3]string{"us-military", "attacked", "syria"}, [3]string{}},
		{"Iran condemned the American strikes on areas in Iraq and Syria.",
			[3]string{}, [3]string{"united-states", "attacked", "syria"}},
		// A name opened by a place word is a place ("Kafr", "Mount").
		{"Turkish drones struck Kafr Ghan and Mount Bersaya overnight.",
			[3]string{}, [3]string{"turkey", "attacked", "mount-bersaya"}},
		// Attacks in a place, no target named, are on the place.
		{"Turkish drone attacks in Sinjar have increased sharply this year.",
			[3]string{}, [3]string{"turkey", "attacked", "sinjar"}},
		// "At" a country aims at the state.
		{"Kataib Hezbollah hit back at the US after the airstrikes in Baghdad.",
			[3]string{}, [3]string{"kataib-hezbollah", "attacked", "united-states"}},
		// A state's strikes on sites in another state, no holder named,
		// are on that state (the annotators of parts G and H).
		{"Israel has carried out dozens of strikes on military sites in Syria since December.",
			[3]string{}, [3]string{"israel", "attacked", "syria"}},
		// ", and" after a site noun opens a clause, not another item.
		{"The talks are not linked to recent attacks by Kataib Hezbollah against U.S. military bases, and the United States keeps its right to respond.",
			[3]string{"kataib-hezbollah", "attacked", "united-states"}, [3]string{"kataib-hezbollah", "attacked", "us-military"}},
		// A place is in the nearest area the sentence puts it in; the
		// country that area is in follows.
		{"Artillery shelled the town of Hajin in Syria's eastern Deir ez-Zor province overnight.",
			[3]string{"hajin", "located_in", "syria"}, [3]string{"hajin", "located_in", "deir-ez-zor"}},
		// The bases an attack's target lists are its targets, not the
		// force that holds them.
		{"The Islamic Resistance in Iraq targeted two bases of the US occupation in Syria, the Conoco field and Shaddadi, with rockets.",
			[3]string{"islamic-resistance-in-iraq", "targeted", "us-military"}, [3]string{"islamic-resistance-in-iraq", "attacked", "al-shaddadi"}},
		// A speaker who says others are behind attacks is not their
		// agent; a president the lexicon knows presides over his own
		// state, not the one named before his title.
		{"The U.S. says these militias are behind a number of recent drone attacks against American troops in the region.",
			[3]string{"united-states", "attacked", "us-military"}, [3]string{}},
		{"In the wake of a rocket attack in Irbil, Iraq, President Biden in February ordered airstrikes against Iranian-backed militant groups in Syria.",
			[3]string{"joe-biden", "president_of", "iraq"}, [3]string{"joe-biden", "attacked", "iran-backed-militias"}},
		// The groups a description includes are not its backers; a noun
		// "targets" is no verb.
		{"The council groups Shiite militias supported by Iran, including Kataib Hezbollah and Harakat al-Nujaba, which have claimed strikes on U.S. military targets in Iraq.",
			[3]string{"iran-backed-militias", "backed_by", "kataib-hezbollah"}, [3]string{"iran-backed-militias", "backed_by", "iran"}},
		{"The council groups Shiite militias supported by Iran, including Kataib Hezbollah and Harakat al-Nujaba, which have claimed strikes on U.S. military targets in Iraq.",
			[3]string{"us-military", "attacked", "iraq"}, [3]string{}},
		// "The committee" is the committee named before, not the last
		// actor.
		{"The Iraqi Resistance Coordination Committee accused the United States of stalling. The committee reaffirmed its demand for the removal of all foreign forces, including US troops.",
			[3]string{"united-states", "demanded_withdrawal_of", "us-military"}, [3]string{"iraqi-coordination-committee-of-the-resistance", "demanded_withdrawal_of", "us-military"}},
		// "The airstrikes" told before struck what they targeted.
		{"U.S. jets carried out airstrikes in Syria on Friday. The airstrikes targeted positions of the IRGC near Albu Kamal.",
			[3]string{"islamic-revolutionary-guard-corps", "attacked", "us-military"}, [3]string{"us-military", "attacked", "islamic-revolutionary-guard-corps"}},
		// Links at a distance are the nearest group's, never the backer's
		// own, nor a group's that a clause in between governs.
		{"The YBS, which Ankara considers linked to the PKK, holds Sinjar.",
			[3]string{"kurdistan-workers-party", "backed_by", "sinjar-resistance-units"}, [3]string{"sinjar-resistance-units", "backed_by", "kurdistan-workers-party"}},
		{"Kata'ib Sayyid al-Shuhada, a faction in Iraq that has links to the PMF, denied the claim.",
			[3]string{"popular-mobilization-forces", "backed_by", "kataib-sayyid-al-shuhada"}, [3]string{"kataib-sayyid-al-shuhada", "backed_by", "popular-mobilization-forces"}},
		{"The SDF, which has fought Islamic State cells linked to al-Qaeda, detained ten men.",
			[3]string{"syrian-democratic-forces", "backed_by", "al-qaeda"}, [3]string{}},
		// The subject before a relative clause acts, not a name inside it.
		{"For months, the Iran-aligned militias that dominate Iraq's politics fired rockets at U.S. troops.",
			[3]string{"iraq", "attacked", "us-military"}, [3]string{"iran-backed-militias", "attacked", "us-military"}},
		// A frame's leading name is the subject of the verb after it: the
		// name an indefinite description qualifies stands for the name
		// described, and a verb after ", and" is not the last name's.
		{"The Peshmerga, a close US partner in the war against ISIS, held talks on Monday.",
			[3]string{"united-states", "fought_against", "isis"}, [3]string{"peshmerga", "fought_against", "isis"}},
		{"The militias defended the sovereignty of Iraq and its borders, and fought ISIS for years.",
			[3]string{"iraq", "fought_against", "isis"}, [3]string{}},
		// A state telling of a danger to its troops does not threaten
		// them; a group warning that they will be hit does.
		{"The Pentagon said U.S. troops would be hit again, a spokesman added.",
			[3]string{"pentagon", "threatened", "us-military"}, [3]string{}},
		{"Harakat al-Nujaba warned that U.S. troops would be targeted.",
			[3]string{"us-military", "threatened", "harakat-hezbollah-al-nujaba"}, [3]string{"harakat-hezbollah-al-nujaba", "threatened", "us-military"}},
		// The nationality of the people who report an attack is not its
		// target.
		{"Kataib Hezbollah struck the airfield with two drones, U.S. officials told reporters.",
			[3]string{"kataib-hezbollah", "attacked", "united-states"}, [3]string{}},
		{"Asaib Ahl al-Haq lobbed mortars at the airfield on Sunday, U.S. officials said.",
			[3]string{"asaib-ahl-al-haq", "attacked", "united-states"}, [3]string{}},
		// A fight only threatened or planned is not fought.
		{"Ankara has threatened a fresh cross-border offensive against the SDF.",
			[3]string{"turkey", "fought_against", "syrian-democratic-forces"}, [3]string{}},
		{"Turkey is planning a military campaign against the PKK for the spring.",
			[3]string{"turkey", "fought_against", "kurdistan-workers-party"}, [3]string{}},
		// The place forces went to or left is not a side of their fight.
		{"Dutch soldiers went back to Iraq in 2016 to fight the Islamic State.",
			[3]string{"iraq", "fought_against", "isis"}, [3]string{}},
		{"Australian forces withdrew from Syria after fighting ISIS for years.",
			[3]string{"syria", "fought_against", "isis"}, [3]string{}},
		// A verb of leading in a relative clause gives the leader his
		// role in the body, never the body one in him.
		{"Rami Haddad, who heads the Badr Organization, flew to Tehran.",
			[3]string{"badr-organization", "holds_role", "rami-haddad"}, [3]string{"rami-haddad", "holds_role", "badr-organization"}},
		{"Sami Nouri now commands Kata'ib Hezbollah, the ministry said.",
			[3]string{}, [3]string{"sami-nouri", "holds_role", "kataib-hezbollah"}},
		{"Asa'ib Ahl al-Haq, whose leader is Rami Haddad, denied any role.",
			[3]string{}, [3]string{"rami-haddad", "holds_role", "asaib-ahl-al-haq"}},
		// Coordinated verbs and participles of support: the one armed is
		// backed by the one arming it.
		{"Kata'ib Hezbollah is funded, armed and trained by Iran, the report said.",
			[3]string{"iran", "backed_by", "kataib-hezbollah"}, [3]string{"kataib-hezbollah", "backed_by", "iran"}},
		{"The Houthis, who are armed and trained by Iran, fired a missile.",
			[3]string{"iran", "backed_by", "houthis"}, [3]string{"houthis", "backed_by", "iran"}},
		{"Iran arms and funds the Houthis, Washington says.",
			[3]string{"iran", "backed_by", "houthis"}, [3]string{"houthis", "backed_by", "iran"}},
		{"The Houthis receive funding from Iran, the report said.",
			[3]string{"iran", "backed_by", "houthis"}, [3]string{"houthis", "backed_by", "iran"}},
		{"Asaib Ahl al-Haq, which received money and weapons from Iran, denied the claim.",
			[3]string{}, [3]string{"asaib-ahl-al-haq", "backed_by", "iran"}},
		// A capital joined by a hyphen to a link word stands for its
		// state, as a country's name or demonym does.
		{"The Tehran-backed Kataib Hezbollah fired rockets at the base.",
			[3]string{"iran", "backed_by", "kataib-hezbollah"}, [3]string{"kataib-hezbollah", "backed_by", "iran"}},
		{"Kataib Hezbollah, a Tehran-backed militia, fired rockets at the base.",
			[3]string{}, [3]string{"kataib-hezbollah", "backed_by", "iran"}},
		{"The Moscow-aligned Wagner Group fought in Syria for years.",
			[3]string{}, [3]string{"wagner-group", "allied_with", "russia"}},
		// "Y-affiliated X": a state's affiliate is its ally, a group's a
		// member of the group; never the other way round.
		{"The Iran-affiliated Kataib Hezbollah denied firing the drone.",
			[3]string{"iran", "allied_with", "kataib-hezbollah"}, [3]string{"kataib-hezbollah", "allied_with", "iran"}},
		{"Kataib Sayyid al-Shuhada, an Iranian-affiliated militia, denied firing the drone.",
			[3]string{}, [3]string{"kataib-sayyid-al-shuhada", "allied_with", "iran"}},
		{"Ankara shelled the PKK-affiliated YBS near the mountain.",
			[3]string{"kurdistan-workers-party", "member_of", "sinjar-resistance-units"}, [3]string{"sinjar-resistance-units", "member_of", "kurdistan-workers-party"}},
		// A group that leads another is its member; a state that leads
		// a coalition is its leader, "led by" after the name as before it.
		{"Turkey shelled the YPG-led SDF east of the river.",
			[3]string{"syrian-democratic-forces", "member_of", "peoples-protection-units"}, [3]string{"peoples-protection-units", "member_of", "syrian-democratic-forces"}},
		{"The Islamic Resistance in Iraq, which is led by Kataib Hezbollah, claimed the drone strike.",
			[3]string{"islamic-resistance-in-iraq", "member_of", "kataib-hezbollah"}, [3]string{"kataib-hezbollah", "member_of", "islamic-resistance-in-iraq"}},
		{"The coalition headed by the United States will end its mission next year.",
			[3]string{}, [3]string{"united-states", "leader_of", "international-coalition"}},
		// A plural kind after a list of places: each item lies in the
		// area, not the area in them.
		{"Storms hit the Wasit and Maysan provinces in Iraq last week.",
			[3]string{"iraq", "located_in", "maysan"}, [3]string{"wasit", "located_in", "iraq"}},
		{"Storms hit the Wasit and Maysan provinces in Iraq last week.",
			[3]string{}, [3]string{"maysan", "located_in", "iraq"}},
		// A post at a think tank, an outlet or a council is a role the
		// person holds there.
		{"Sara Lind, a senior fellow at the Atlantic Council, said the militias had grown weaker.",
			[3]string{}, [3]string{"sara-lind", "holds_role", "atlantic-council"}},
		{"Sara Lind, an analyst with the International Crisis Group, expects more strikes.",
			[3]string{}, [3]string{"sara-lind", "holds_role", "international-crisis-group"}},
		{"The Hudson Institute's Sara Lind expects the strikes to go on.",
			[3]string{"hudson-institute", "holds_role", "sara-lind"}, [3]string{"sara-lind", "holds_role", "hudson-institute"}},
		// A proxy is backed by its patron, whatever the order of the two.
		{"Kataib Hezbollah, a proxy of Iran, fired rockets at the base.",
			[3]string{"iran", "backed_by", "kataib-hezbollah"}, [3]string{"kataib-hezbollah", "backed_by", "iran"}},
		{"Turkey's Syrian proxy, the Syrian National Army, shelled the village.",
			[3]string{"turkey", "backed_by", "syrian-national-army"}, [3]string{"syrian-national-army", "backed_by", "turkey"}},
		{"Kataib Hezbollah, which Iran backs, fired rockets at the base.",
			[3]string{"iran", "backed_by", "kataib-hezbollah"}, [3]string{"kataib-hezbollah", "backed_by", "iran"}},
		// Support a force relies on, arms sent to it, a sponsor's backing
		// in an aside: the force is backed by the sponsor.
		{"The Houthis have long relied on military support from Iran.",
			[3]string{"iran", "backed_by", "houthis"}, [3]string{"houthis", "backed_by", "iran"}},
		{"Tehran shipped missiles and drones to the Houthis, the report said.",
			[3]string{"iran", "backed_by", "houthis"}, [3]string{"houthis", "backed_by", "iran"}},
		{"The Houthis, with the help of Iran, built longer-range missiles.",
			[3]string{"iran", "backed_by", "houthis"}, [3]string{"houthis", "backed_by", "iran"}},
		// A group counted among an umbrella's groups is its member.
		{"Kataib Hezbollah, one of the strongest groups in the Popular Mobilization Forces, denied it.",
			[3]string{"popular-mobilization-forces", "member_of", "kataib-hezbollah"}, [3]string{"kataib-hezbollah", "member_of", "popular-mobilization-forces"}},
		{"Kataib Hezbollah and other militias of the Islamic Resistance in Iraq launched drones.",
			[3]string{}, [3]string{"kataib-hezbollah", "member_of", "islamic-resistance-in-iraq"}},
		{"In 2023 Nujaba joined the Islamic Resistance in Iraq.",
			[3]string{"islamic-resistance-in-iraq", "member_of", "harakat-hezbollah-al-nujaba"}, [3]string{"harakat-hezbollah-al-nujaba", "member_of", "islamic-resistance-in-iraq"}},
		// The name of a participial aside ("led by Y", "formed with the
		// support of Y") is not the subject of the verb after it.
		{"The SDF, led by the YPG, now controls much of Hasakah province.",
			[3]string{"peoples-protection-units", "active_in", "hasakah"}, [3]string{"syrian-democratic-forces", "active_in", "hasakah"}},
		{"The YBS, set up with the support of the PKK, still holds most of Sinjar.",
			[3]string{"kurdistan-workers-party", "active_in", "sinjar"}, [3]string{"sinjar-resistance-units", "active_in", "sinjar"}},
		{"Sara Haddad, co-chair of the Syrian Democratic Council, flew to Damascus.",
			[3]string{"syrian-democratic-council", "holds_role", "sara-haddad"}, [3]string{"sara-haddad", "holds_role", "syrian-democratic-council"}},
		// The office of a party named beside a person, after
		// "alongside", is that party's, not the person's.
		{"Iraq's defence minister, Thabit al-Abbasi, alongside the commander of the Peshmerga, toured the new checkpoints.",
			[3]string{"thabet-al-abbasi", "holds_role", "peshmerga"}, [3]string{}},
		{"Fuad Hussein, who met the leader of the Badr Organization in Baghdad, called for calm.",
			[3]string{"fuad-hussein", "holds_role", "badr-organization"}, [3]string{}},
		// "its" after a relative clause that closed before the verb is
		// the main clause's subject, not the last name in the clause.
		{"Turkey, which considers the YBS a branch of the PKK, has widened its air strikes on Sinjar.",
			[3]string{"kurdistan-workers-party", "attacked", "sinjar"}, [3]string{"turkey", "attacked", "sinjar"}},
		// A participle after a comma still names what the raids hit.
		{"Witnesses counted three Turkish air raids, targeting fighters of the YBS, before dawn.",
			[3]string{}, [3]string{"turkey", "attacked", "sinjar-resistance-units"}},
		// A group that owns the sites struck is their holder, not the
		// hand that strikes the place they are in.
		{"Ankara said its jets had bombed suspected PKK targets in Duhok province overnight.",
			[3]string{"kurdistan-workers-party", "attacked", "duhok"}, [3]string{}},
		{"Warplanes flew sorties against alleged YPG targets in Kobani all week.",
			[3]string{"peoples-protection-units", "attacked", "kobani"}, [3]string{}},
	} {
		rec, err := x.Extract(context.Background(), &source.Article{ID: "t", Doc: "t.txt", Text: tc.text})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		has := func(f [3]string) bool {
			for _, g := range rec.Facts {
				if g.S == f[0] && g.P == f[1] && g.O == f[2] {
					return true
				}
			}
			return false
		}
		for _, g := range rec.Facts {
			got = append(got, g.S+" "+g.P+" "+g.O)
		}
		if has(tc.not) {
			t.Errorf("%q: extracted the inverted %v; all: %s", tc.text, tc.not, strings.Join(got, "; "))
		}
		if tc.want[0] != "" && !has(tc.want) {
			t.Errorf("%q: lacks %v; all: %s", tc.text, tc.want, strings.Join(got, "; "))
		}
	}
}

// TestCollectives: a sponsor-linked plural is one entity per sponsor,
// whatever the link word and modifiers, with the link as a fact, and the
// sponsor still counts as mentioned.
func TestCollectives(t *testing.T) {
	x := NewRules(DefaultLexicon())
	for _, tc := range []struct {
		text, mention, pred string
	}{
		{"Iran-backed militias have attacked U.S. forces.", "Iran-backed militias", "backed_by"},
		{"Iranian-backed armed groups claimed the strikes.", "Iranian-backed armed groups", "backed_by"},
		{"Iran-aligned Shiite factions rejected the deal.", "Iran-aligned Shiite factions", "allied_with"},
		{"Officials blamed pro-Iran militants for the attack.", "pro-Iran militants", "allied_with"},
		{"Hajj Sajjad met Iran-backed militia commanders in Mayadin.", "Iran-backed militia commanders", "backed_by"},
		{"U.S. jets struck Iranian-backed militia in eastern Syria.", "Iranian-backed militia", "backed_by"},
		{"Jets carried out a raid on Iranian-backed militia near the border.", "Iranian-backed militia", "backed_by"},
		{"Iranian proxies have fired rockets at U.S. bases.", "Iranian proxies", "backed_by"},
		{"Iran's proxy militias have fired rockets at U.S. bases.", "Iran's proxy militias", "backed_by"},
		{"Tehran-backed militias have fired rockets at U.S. bases.", "Tehran-backed militias", "backed_by"},
		{"Police said Iranian-backed gunmen had set up the roadblock overnight.", "Iranian-backed gunmen", "backed_by"},
		{"Iran-sponsored insurgents kept shelling the airfield for a week.", "Iran-sponsored insurgents", "backed_by"},
		{"Iran-trained fighters seized two villages on the river bank.", "Iran-trained fighters", "backed_by"},
		{"Residents fled as militias tied to Tehran moved into the town.", "militias tied to Tehran", "backed_by"},
		{"Iran's regional proxies have stepped up their drone launches.", "Iran's regional proxies", "backed_by"},
	} {
		rec, err := x.Extract(context.Background(), &source.Article{ID: "t", Doc: "t.txt", Text: tc.text})
		if err != nil {
			t.Fatal(err)
		}
		var coll, iran bool
		for _, e := range rec.Entities {
			if e.ID == "iran-backed-militias" && e.Type == "ArmedGroup" && len(e.Mentions) == 1 && e.Mentions[0] == tc.mention {
				coll = true
			}
			iran = iran || e.ID == "iran"
		}
		if !coll || !iran {
			t.Errorf("%q: entities %+v, want the collective as %q and Iran", tc.text, rec.Entities, tc.mention)
		}
		found := false
		for _, f := range rec.Facts {
			found = found || f.S == "iran-backed-militias" && f.P == tc.pred && f.O == "iran"
		}
		if !found {
			t.Errorf("%q: facts %+v, want the collective %s iran", tc.text, rec.Facts, tc.pred)
		}
	}
	// A singular is a description of a named group, not the collective.
	rec, _ := x.Extract(context.Background(), &source.Article{ID: "t", Doc: "t.txt", Text: "Kata'ib Hezbollah, an Iran-backed militia, denied it."})
	for _, e := range rec.Entities {
		if e.ID == "iran-backed-militias" {
			t.Errorf("singular made a collective: %+v", rec.Entities)
		}
	}
}

// TestDemonymicCollective: the demonym of a sponsor the lexicon names
// under demonymic, right before one of its heads, is that sponsor's
// collective, with no link fact (the text states none); another
// demonym says where the militias are, not who backs them.
func TestDemonymicCollective(t *testing.T) {
	x := NewRules(DefaultLexicon())
	for _, tc := range []struct {
		text, mention string
		want          bool
	}{
		{"A convoy of Iranian militias crossed the border at dawn.", "Iranian militias", true},
		{"Three Iranian militiamen died when their truck overturned.", "Iranian militiamen", true},
		{"Iraqi militias have fired rockets at U.S. bases.", "", false},
		{"Iranian officials met the envoy.", "", false},
	} {
		rec, err := x.Extract(context.Background(), &source.Article{ID: "t", Doc: "t.txt", Text: tc.text})
		if err != nil {
			t.Fatal(err)
		}
		var coll bool
		for _, e := range rec.Entities {
			if e.ID == "iran-backed-militias" && (!tc.want || len(e.Mentions) == 1 && e.Mentions[0] == tc.mention) {
				coll = true
			}
			if e.ID == "iraq-backed-militias" {
				t.Errorf("%q: a demonym that says where made a collective: %+v", tc.text, rec.Entities)
			}
		}
		if coll != tc.want {
			t.Errorf("%q: entities %+v, want the collective %v", tc.text, rec.Entities, tc.want)
		}
		for _, f := range rec.Facts {
			if f.S == "iran-backed-militias" && (f.P == "backed_by" || f.P == "allied_with") {
				t.Errorf("%q: link fact %+v from a demonym alone", tc.text, f)
			}
		}
	}
}

// TestFramesAreData: a frame added to a lexicon directory of one's own
// fires without recompiling, and changes the extractor's name, so stored
// articles are re-extracted; a bad frame is a clear error.
func TestFramesAreData(t *testing.T) {
	files := embeddedLexiconFiles()
	base, err := LoadLexicon(files)
	if err != nil {
		t.Fatal(err)
	}
	frames := string(files["frames.yaml"].Data) + `
  - name: group vowed revenge on a target
    pattern: "{agent:Actor} vowed revenge on|against {target:Target}"
    facts: [[agent, threatened, target]]
    examples: ["Kata'ib Hezbollah vowed revenge on Israel."]
`
	files["frames.yaml"] = &fstest.MapFile{Data: []byte(frames)}
	lx, err := LoadLexicon(files)
	if err != nil {
		t.Fatal(err)
	}
	if NewRules(lx).Fingerprint() == NewRules(base).Fingerprint() {
		t.Error("a changed frames.yaml leaves the extractor's fingerprint as it was")
	}
	rec, _ := NewRules(lx).Extract(context.Background(), &source.Article{ID: "t", Doc: "t.txt", Text: "Kata'ib Hezbollah vowed revenge on Israel."})
	found := false
	for _, f := range rec.Facts {
		found = found || f.S == "kataib-hezbollah" && f.P == "threatened" && f.O == "israel"
	}
	if !found {
		t.Errorf("the new frame did not fire: %+v", rec.Facts)
	}
	for _, bad := range []struct{ frame, want string }{
		{`{pattern: "{a:Actor} x {b:Nothing}", facts: [[a, attacked, b]]}`, "unknown class"},
		{`{pattern: "{a:ArmedGroup} x {b:Country}", facts: [[a, smote, b]]}`, "unknown predicate"},
		{`{pattern: "{a:ArmedGroup} {b:Country}", facts: [[a, attacked, b]]}`, "no required word"},
		{`{pattern: "{a:Actor} x {b:Actor}", fact: [[a, attacked, b]]}`, "field fact not found"},
		{`{pattern: "{a:ArmedGroup} x {b:Country}", facts: [[a, attacked, b]], kind: rumoured}`, "not a claim kind"},
		{`{pattern: "{a:ArmedGroup} ...3! x {b:Country}", facts: [[a, attacked, b]]}`, "want one of ...N, ~N, ~N!"},
		{`{pattern: "x ~3! {b:Country}", facts: [[b, attacked, b]]}`, "no slot before it"},
	} {
		files["frames.yaml"] = &fstest.MapFile{Data: []byte("frames:\n  - " + bad.frame + "\n")}
		if _, err := LoadLexicon(files); err == nil || !strings.Contains(err.Error(), bad.want) {
			t.Errorf("frame %s: err %v, want %q", bad.frame, err, bad.want)
		}
	}
}

// TestFrameLimits: not_after and not_before keep a frame off the
// constructions that look like its own.
func TestFrameLimits(t *testing.T) {
	x := NewRules(DefaultLexicon())
	for _, tc := range []struct {
		text string
		fact [3]string
		want bool
	}{
		{"The drones hit Ain al-Asad Air Base, Iraq.", [3]string{"ain-al-asad-air-base", "located_in", "iraq"}, true},
		{"What happens in Gaza, Yemen, and Lebanon is one war.", [3]string{"gaza", "located_in", "yemen"}, false},
		{"Drones were launched at Erbil, Iraq and Syria this year.", [3]string{"erbil", "located_in", "iraq"}, false},
		{"Al-Mayadin in Syria was struck.", [3]string{"mayadin", "located_in", "syria"}, true},
		{"It is the largest U.S. embassy in the Middle East.", [3]string{"us-embassy-in-baghdad", "located_in", "middle-east"}, false},
		// A dateline says where the story was filed, not where a place is.
		{"KIRKUK, Iraq — Two rockets struck an oil field overnight, police said.", [3]string{"kirkuk", "located_in", "iraq"}, false},
		{"Homs, Syria (Reuters) - Jets hit a depot outside the city on Sunday.", [3]string{"homs", "located_in", "syria"}, false},
		{"Mosul, Iraq: The governor reopened the bridge on Monday.", [3]string{"mosul", "located_in", "iraq"}, false},
	} {
		rec, err := x.Extract(context.Background(), &source.Article{ID: "t", Doc: "t.txt", Text: tc.text})
		if err != nil {
			t.Fatal(err)
		}
		got := false
		for _, f := range rec.Facts {
			got = got || f.S == tc.fact[0] && f.P == tc.fact[1] && f.O == tc.fact[2]
		}
		if got != tc.want {
			t.Errorf("%q: %v extracted = %v, want %v (facts %+v)", tc.text, tc.fact, got, tc.want, rec.Facts)
		}
	}
}

// TestLexiconDir: a directory of one's own overlays the embedded lexicon:
// a new file adds entries, a same-named file replaces the shipped one, and
// the extractor's name changes with it.
func TestLexiconDir(t *testing.T) {
	dir := t.TempDir()
	write := func(name, data string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("my_groups.yaml", "- {name: Saraya Thawrat al-Ishreen, type: ArmedGroup, aliases: [Thawrat al-Ishreen]}\n")
	x, err := New("rules", Options{LexiconDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	def, _ := New("rules", Options{})
	if x.Fingerprint() == def.Fingerprint() {
		t.Errorf("a lexicon directory leaves the extractor's fingerprint %q", x.Fingerprint())
	}
	rec, err := x.Extract(context.Background(), &source.Article{ID: "t", Doc: "t.txt", Text: "Thawrat al-Ishreen attacked Ain al-Asad air base."})
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, e := range rec.Entities {
		found = found || e.ID == "saraya-thawrat-al-ishreen" && e.Type == "ArmedGroup"
	}
	if !found {
		t.Errorf("the added entry was not used: %+v", rec.Entities)
	}
	// A same-named file replaces the shipped one: frames.yaml without frames.
	write("frames.yaml", "frames: []\n")
	x, err = New("rules", Options{LexiconDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	if lx := x.(*Rules).lx; len(lx.frames) != 0 || lx.collectives != nil {
		t.Errorf("frames.yaml not replaced: %d frames", len(lx.frames))
	}
	write("bad.yaml", "- {name: X, type: Militia}\n")
	if _, err := New("rules", Options{LexiconDir: dir}); err == nil || !strings.Contains(err.Error(), "bad.yaml") || !strings.Contains(err.Error(), dir) {
		t.Errorf("a bad file: err %v, want it named with the directory", err)
	}
	if _, err := New("rules", Options{LexiconDir: filepath.Join(dir, "nope")}); err == nil {
		t.Error("a missing directory is accepted")
	}
}

// TestFramesAtSentenceEnd: a frame whose pattern runs past the last item
// of a sentence fails to match; it does not read past the sentence.
func TestFramesAtSentenceEnd(t *testing.T) {
	x := NewRules(DefaultLexicon())
	for _, text := range []string{"According to the", "It happened, according to", "Iraqi", "The presence of the", "Kata'ib Hezbollah, a", "strikes on"} {
		if _, err := x.Extract(context.Background(), &source.Article{ID: "t", Doc: "t.txt", Text: text}); err != nil {
			t.Errorf("%q: %v", text, err)
		}
	}
}

// TestDescriptionsReferBack: "the base" is the base the article named
// last, within reach; "the base of …" names, it does not refer back.
func TestDescriptionsReferBack(t *testing.T) {
	x := NewRules(DefaultLexicon())
	for _, tc := range []struct {
		text string
		want bool
	}{
		{"Drones struck Ain al-Asad air base on Monday. The base hosts U.S. troops.", true},
		{"Drones struck Ain al-Asad air base on Monday. Officials met. Nobody spoke. Talks went on. The base hosts U.S. troops.", false},
		{"Drones struck Ain al-Asad air base on Monday. The base of the brigade hosts U.S. troops.", false},
	} {
		rec, err := x.Extract(context.Background(), &source.Article{ID: "t", Doc: "t.txt", Text: tc.text})
		if err != nil {
			t.Fatal(err)
		}
		got := false
		for _, f := range rec.Facts {
			got = got || f.S == "us-military" && f.P == "deployed_at" && f.O == "ain-al-asad-air-base"
		}
		if got != tc.want {
			t.Errorf("%q: us-military deployed_at ain-al-asad-air-base = %v, want %v (%+v)", tc.text, got, tc.want, rec.Facts)
		}
	}
}

// TestTroopsReferBack: "these troops" are the armed forces named last.
func TestTroopsReferBack(t *testing.T) {
	checkRules(t, "The Pentagon keeps about 2,500 American troops in the region. These troops are stationed at bases in Erbil and Baghdad.",
		[]wantFact{{"us-military", "deployed_at", "erbil", ""}}, nil, nil)
	checkRules(t, "American troops crossed into Syria on Monday. The forces are now stationed at the Kharab al-Jir base near Rmeilan.",
		[]wantFact{{"us-military", "deployed_at", "kharab-al-jir", ""}}, nil, nil)
}

// TestCollectiveModifiers: "forces" is a collective head only after a
// modifier; "Shia militias" join Iran's collective without a backing fact.
func TestCollectiveModifiers(t *testing.T) {
	x := NewRules(DefaultLexicon())
	for _, tc := range []struct {
		text, mention string
		link          bool
	}{
		{"Iran-backed paramilitary forces in Iraq were hit.", "Iran-backed paramilitary forces", true},
		{"Shia militias in Iraq were hit.", "Shia militias", false},
		{"US-backed forces in Syria were hit.", "", false},
		// The link word after the head: "militias loyal to Iran".
		{"Iraqi armed groups aligned with Iran were hit.", "Iraqi armed groups aligned with Iran", true},
		{"Militias backed by Tehran were hit.", "Militias backed by Tehran", true},
		// The Guard is an arm of Iran that backs the groups: Iran's
		// collective, linked to the Guard, not to Iran.
		{"Groups affiliated with Iran's Revolutionary Guard were hit.", "Groups affiliated with Iran's Revolutionary Guard", false},
	} {
		rec, err := x.Extract(context.Background(), &source.Article{ID: "t", Doc: "t.txt", Text: tc.text})
		if err != nil {
			t.Fatal(err)
		}
		got := ""
		for _, e := range rec.Entities {
			if strings.HasSuffix(e.ID, "-backed-militias") {
				got = e.Mentions[0]
			}
		}
		link := false
		for _, f := range rec.Facts {
			link = link || f.S == "iran-backed-militias" && f.O == "iran"
		}
		if got != tc.mention || link != tc.link {
			t.Errorf("%q: collective %q (link %v), want %q (link %v)", tc.text, got, link, tc.mention, tc.link)
		}
	}
}

// TestNamesInRunningText: short forms of known people that keep a given
// name, stand-alone articles and middle initials name the person whole.
func TestNamesInRunningText(t *testing.T) {
	x := NewRules(DefaultLexicon())
	for _, tc := range []struct{ text, id, mention string }{
		{"Prime Minister Mohammed Sudani said the mission would end.", "mohammed-shia-al-sudani", "Mohammed Sudani"},
		{"Syria's interim President Ahmad al Sharaa met the envoy.", "ahmed-al-sharaa", "Ahmad al Sharaa"},
		{"President Donald J. Trump ordered the strike on Friday.", "donald-trump", "Donald J. Trump"},
		{"Iraq wants the troops out, but the government never carried out Parliament's decision to expel them from Iraq.", "iraqi-parliament", "Parliament"},
		// "The coalition" with no coalition named before is the US-led one.
		{"Officials said the coalition's mission in Iraq will end next year.", "international-coalition", "coalition"},
		// A state body named without its state is the article's country's.
		{"U.S. jets struck militia depots in Iraq. Iraq called it a violation. The Foreign Ministry summoned the U.S. ambassador.", "ministry-of-foreign-affairs-of-iraq", "Foreign Ministry"},
		{"Turkey launched a new offensive in northern Iraq against the PKK, the Defense Ministry said. Turkey said it would go on.", "turkish-ministry-of-national-defense", "Defense Ministry"},
		// A state's forces count for it, as its name does.
		{"Turkish forces neutralized five PKK fighters in northern Iraq on Sunday, the Defense Ministry said.", "turkish-ministry-of-national-defense", "Defense Ministry"},
		// "The National Defense Ministry": the Turkish outlets' name for
		// Ankara's ministry, with or without the state before it.
		{"Four PKK militants were hit in the Gara region, the National Defense Ministry said on Friday.", "turkish-ministry-of-national-defense", "National Defense Ministry"},
		{"\"The hideouts will be cleared one by one,\" said Türkiye's National Defence Ministry on Monday.", "turkish-ministry-of-national-defense", "Türkiye's National Defence Ministry"},
		// Turkish outlets put an operation's name before the word too.
		{"Drones hit two PKK caves in the Claw-Sword Operation zone on Sunday, the ministry said.", "operation-claw-sword", "Claw-Sword Operation"},
		{"Three militants were caught near the Peace Spring Operation area, officials said.", "operation-peace-spring", "Peace Spring Operation"},
		// A known generic name inside a longer one is not that entity.
		{"A spokesman for the Kurdistan Region Security Council said the drone came from the south.", "kurdistan-region-security-council", "Kurdistan Region Security Council"},
		{"The Security Council of Halabja condemned the bombardment as a violation of sovereignty.", "security-council-of-halabja", "Security Council of Halabja"},
		{"On Sunday, the National Security Council of Iraq met to discuss the strikes on the border.", "national-security-council-of-iraq", "National Security Council of Iraq"},
		{"Iraq's Ministry of Interior and the Interior Ministry of Syria both issued statements on Sunday.", "interior-ministry-of-syria", "Interior Ministry of Syria"},
		{"Diplomats said Security Council Resolution 2231 was discussed at length in New York.", "united-nations-security-council", "Security Council"},
		// Ministers named by their portfolio; nicknames opened by "Hajj".
		{"On Saturday, the prime minister discussed with Iraqi Minister of Agriculture Muhammad Karim al-Khafaji ways to share water.", "muhammad-karim-al-khafaji", "Muhammad Karim al-Khafaji"},
		// Unknown places by what follows them.
		{"A Turkish drone hit a pickup truck in the Sinune subdistrict on Monday, officials said.", "sinune", "Sinune"},
		{"The attack took place in al-Hamdaniya, east of Mosul, on Sunday night.", "al-hamdaniya", "al-Hamdaniya"},
		{"Rockets hit Tarmiyah, 50 km north of Baghdad, on Sunday night, police said.", "tarmiyah", "Tarmiyah"},
		{"The commander, who is known as Hajj Sajjad, met with militia leaders in the eastern countryside.", "hajj-sajjad", "Hajj Sajjad"},
	} {
		rec, err := x.Extract(context.Background(), &source.Article{ID: "t", Doc: "t.txt", Text: tc.text})
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, e := range rec.Entities {
			found = found || e.ID == tc.id && slices.Contains(e.Mentions, tc.mention)
		}
		if !found {
			t.Errorf("%q: no %s mentioned as %q; entities %+v", tc.text, tc.id, tc.mention, rec.Entities)
		}
	}
}

// TestEventArguments: constructions that only complete an event (the
// people a strike killed, the group that claimed it) fill the event the
// sentence reports and make none of their own; unnamed sources speak
// without an agent.
func TestEventArguments(t *testing.T) {
	x := NewRules(DefaultLexicon())
	for _, tc := range []struct {
		text               string
		typ, agent, target string
		events             int
	}{
		{"Al-Tanf was targeted by drones late on Sunday, for which Kata'ib Hezbollah claimed responsibility.", "Attack", "kataib-hezbollah", "al-tanf", 1},
		{"The assassination of Quds Force Commander Qasem Soleimani in a U.S. airstrike in Baghdad angered Tehran.", "Airstrike", "united-states", "qasem-soleimani", 1},
		{"Qasem Soleimani was killed in January 2020 and mourned in Tehran.", "", "", "", 0},
		// The sponsor hyphen-joined to the attacker is not the attacker.
		{"The strikes answered an attack by Iran-affiliated Kataib Hezbollah on Erbil Air Base.", "Attack", "kataib-hezbollah", "erbil-air-base", 1},
		{"Two people were wounded in the blast, a security source said.", "Statement", "", "", 1},
		// A country a preposition of place governs does not speak.
		{"A drone hit a depot in Iraq, officials said in a statement.", "", "", "", 0},
		{"Rockets landed near a village in Syria, officials said on Monday.", "", "", "", 0},
		{"The United States is not withdrawing its forces from Iraq.", "", "", "", 0},
		{"Would the American occupiers withdraw from Iraq?", "", "", "", 0},
		{"The United States has decided to withdraw its forces from Iraq.", "Withdrawal", "us-military", "", 1},
		// A withdrawal only weighed, aimed at or supposed is no event.
		{"A potential withdrawal of U.S. troops would embolden Tehran, analysts argue.", "", "", "", 0},
		{"Lawmakers hope to achieve the exit of American forces within a year.", "", "", "", 0},
		{"The campaign against ISIS would suffer if the United States removes its troops from Syria.", "", "", "", 0},
		// A withdrawal named by its noun alone is an event where the clause
		// gives it a time or a course, not where it is a condition or a role.
		{"The factions say they will hand in their weapons only after the complete withdrawal of U.S. forces.", "", "", "", 0},
		{"The council urged lawmakers to do their part in the departure of the American troops.", "", "", "", 0},
		{"The withdrawal of U.S. troops will be completed by next summer, officials said.", "Withdrawal", "us-military", "", 1},
	} {
		rec, err := x.Extract(context.Background(), &source.Article{ID: "t", Doc: "t.txt", Text: tc.text})
		if err != nil {
			t.Fatal(err)
		}
		if len(rec.Events) != tc.events {
			t.Errorf("%q: %d events, want %d: %+v", tc.text, len(rec.Events), tc.events, rec.Events)
			continue
		}
		if tc.events == 0 {
			continue
		}
		e := rec.Events[0]
		if e.Type != tc.typ || e.Agent != tc.agent || e.Target != tc.target {
			t.Errorf("%q: event %s %q -> %q, want %s %q -> %q", tc.text, e.Type, e.Agent, e.Target, tc.typ, tc.agent, tc.target)
		}
	}
}

// TestDeniedActs: an act the subject denies carrying out is a denied
// fact of theirs, never a stated one.
func TestDeniedActs(t *testing.T) {
	x := NewRules(DefaultLexicon())
	rec, err := x.Extract(context.Background(), &source.Article{ID: "t", Doc: "t.txt", Text: "Kata'ib Hezbollah denied carrying out the drone attack on Harir air base on Sunday."})
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, f := range rec.Facts {
		if f.P == "attacked" && f.S == "kataib-hezbollah" {
			found = true
			if f.Kind != "denied" {
				t.Errorf("%s %s %s is %s, want denied", f.S, f.P, f.O, f.Kind)
			}
		}
	}
	if !found {
		t.Errorf("no attacked fact of Kata'ib Hezbollah: %+v", rec.Facts)
	}
}

// TestRetoldEvent: an attack told again further down the article, dated
// to the same day or under a definite description ("the strike"), is one
// event; an undated indefinite one may be another and stays apart.
func TestRetoldEvent(t *testing.T) {
	attacks := func(text string) int {
		n := 0
		for _, e := range extractText(t, text).Events {
			if sameEventKind(e.Type, schema.EvAttack) && e.Agent == "us-military" && e.Target == "harakat-hezbollah-al-nujaba" {
				n++
			}
		}
		return n
	}
	retold := "On January 4, U.S. forces struck Harakat al-Nujaba in Baghdad, killing a commander. " +
		"Iraq condemned the January 4 strike by U.S. forces on Harakat al-Nujaba as a violation of its sovereignty."
	if n := attacks(retold); n != 1 {
		t.Errorf("one dated strike told twice: %d events, want 1", n)
	}
	definite := "U.S. forces struck Harakat al-Nujaba in Baghdad, killing a commander. " +
		"Iraq condemned the strike by U.S. forces on Harakat al-Nujaba as a violation of its sovereignty."
	if n := attacks(definite); n != 1 {
		t.Errorf("an undated strike, then the strike: %d events, want 1", n)
	}
	series := "U.S. forces struck Harakat al-Nujaba in Baghdad, killing a commander. " +
		"Iraq condemned new strikes by U.S. forces on Harakat al-Nujaba as a violation of its sovereignty."
	if n := attacks(series); n != 2 {
		t.Errorf("undated strikes, then new strikes: %d events, want 2 (they may be two)", n)
	}
	// A state and its forces, read in one sentence, are one attacker.
	n := 0
	for _, e := range extractText(t, "On Saturday the Iranian Foreign Ministry condemned the latest US air strikes on Iraq and Syria, calling them a breach of sovereignty.").Events {
		if sameEventKind(e.Type, schema.EvAttack) {
			n++
		}
	}
	if n != 1 {
		t.Errorf("one mention of U.S. strikes: %d events, want 1", n)
	}
}

// TestAntecedentStrikeCompleted: "the strikes, which killed fighters of
// X" completes the attack told before with its target, and makes no
// second one.
func TestAntecedentStrikeCompleted(t *testing.T) {
	rec := extractText(t, "U.S. jets conducted airstrikes on Sunday night. "+
		"The strikes, which killed four fighters of Kata'ib Sayyid al-Shuhada, drew protests.")
	var got []string
	for _, e := range rec.Events {
		if sameEventKind(e.Type, schema.EvAttack) {
			got = append(got, e.Agent+">"+e.Target)
		}
	}
	if len(got) != 1 || got[0] != "us-military>kataib-sayyid-al-shuhada" {
		t.Errorf("attacks %v, want one by us-military on kataib-sayyid-al-shuhada", got)
	}
}

// TestScareQuotes: quotation marks around a lone name quote no one; the
// frames read the name as if unquoted.
func TestScareQuotes(t *testing.T) {
	checkRules(t, "Drones hit “SDF” bases in Deir Ezzor countryside on Monday, SOHR said.",
		[]wantFact{{"syrian-democratic-forces", "active_in", "deir-ez-zor", ""}}, nil, nil)
}

// TestCanStart: a frame matches only at items it canStart, on the
// project's articles and every frame's examples: the test that spares
// the other items the match never refuses one that matches. A required
// slot at the start has always taken only an entity or a demonym there
// (a title's capitalised qualifier, which personHead passes over, starts
// no match: the match starts at the person), so that gate, which canStart
// keeps, is the reference here (leadGate).
func TestCanStart(t *testing.T) {
	lx := DefaultLexicon()
	x := NewRules(lx)
	matches, pruned := 0, 0
	for _, text := range frameTestTexts(t, lx) {
		d := x.analyse(&source.Article{ID: "t", Doc: "t.txt", Text: text}, nil)
		for i := range d.sents {
			v := d.view(&d.sents[i])
			for _, fr := range lx.frames {
				for k := range v.it {
					_, ok := fr.matchAt(v, k)
					ok = ok && leadGate(fr, v, k)
					switch start := fr.canStart(v, k); {
					case ok && !start:
						t.Errorf("frame %q matches at %q, where it cannot start", fr.spec.Name, d.text[d.toks[v.it[k].t0].start:d.sents[i].end])
					case ok:
						matches++
					case !start:
						pruned++
					}
				}
			}
		}
	}
	if matches < 100 || pruned < 100*matches {
		t.Errorf("%d matches, %d items pruned: want many of both", matches, pruned)
	}
}

// frameTestTexts are the project's articles and every frame's examples.
func frameTestTexts(t *testing.T, lx *Lexicon) []string {
	var texts []string
	for _, dir := range []string{"seeds", "heldout", filepath.Join("incidents", "articles")} {
		files, err := filepath.Glob(filepath.Join("..", "testdata", dir, "*.txt"))
		if err != nil || len(files) == 0 {
			t.Fatalf("no articles in testdata/%s: %v", dir, err)
		}
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			texts = append(texts, string(b))
		}
	}
	for _, fr := range lx.frames {
		texts = append(texts, fr.spec.Examples...)
	}
	return texts
}

// TestFrameAnchors: a frame matches, at an item it can start at, only
// where applyFrames tries it: in a sentence with a word of each of its
// required elements, at an item its frame index starts (an item of its
// anchor or within reach before one), on the texts of TestCanStart.
func TestFrameAnchors(t *testing.T) {
	lx := DefaultLexicon()
	x := NewRules(lx)
	matches, skipped, unfilled := 0, 0, 0
	// A frame that opens with a slot also starts at the sponsor of its
	// name, two items before it.
	sponsored := "The Iran-backed Kata'ib Hezbollah units based in Iraq and Iran's Revolutionary Guard, in Syria, were struck."
	for _, text := range append(frameTestTexts(t, lx), sponsored) {
		d := x.analyse(&source.Article{ID: "t", Doc: "t.txt", Text: text}, nil)
		for i := range d.sents {
			v := d.view(&d.sents[i])
			d.frames.index(v)
			for fi, fr := range lx.frames {
				if got, want := d.frames.holds(fr), holdsEach(d.frames, fr); got != want {
					t.Errorf("frame %q: holds %v, each element %v, in %q", fr.spec.Name, got, want, d.text[d.sents[i].start:d.sents[i].end])
				}
				tried := make([]bool, len(v.it))
				fill := d.frames.canFill(fr)
				if d.frames.holds(fr) && fill && d.frames.some[fi/64]&(1<<(fi%64)) != 0 {
					d.frames.anchorItems(fr)
					if fill = d.frames.canPlace(fr); fill {
						for k := range d.frames.starts(v, fr) {
							tried[k] = true
						}
					}
				}
				// Nor does a frame whose slots the names cannot fill make
				// an entity while it is tried.
				ents := len(d.ents)
				for k := range v.it {
					_, ok := fr.matchAt(v, k)
					ok = ok && fr.canStart(v, k)
					switch {
					case ok && !tried[k]:
						t.Errorf("frame %q matches at %q, where it is not tried", fr.spec.Name, d.text[d.toks[v.it[k].t0].start:d.sents[i].end])
					case ok:
						matches++
					case !tried[k]:
						skipped++
					}
				}
				if !fill && len(d.ents) != ents {
					t.Errorf("frame %q, not tried, makes an entity in %q", fr.spec.Name, d.text[d.sents[i].start:d.sents[i].end])
				}
				if !fill {
					unfilled++
				}
			}
		}
	}
	if matches < 100 || skipped < 100*matches || unfilled < matches {
		t.Errorf("%d matches, %d items skipped, %d frames unfilled: want many of each", matches, skipped, unfilled)
	}
}

// holdsEach is what holds answers, element by element: the sentence has
// a word of each required word element other than the key.
func holdsEach(x *frameIndex, fr *construction) bool {
	for i := range fr.elems {
		e := &fr.elems[i]
		if e.bit != 0 && i != fr.key && !slices.ContainsFunc(e.ids, x.has) {
			return false
		}
	}
	return true
}

// leadGate is the test matchAt made before canStart: a frame whose first
// element that takes an item (a subject slot takes none) is a required
// slot starts only at an entity or a demonym.
func leadGate(fr *construction, v *view, k int) bool {
	lead := 0
	if fr.subject == 0 {
		lead = 1
	}
	e := &fr.elems[lead]
	return e.optional || e.kind != eSlot || v.it[k].e != nil || v.it[k].dem != nil
}

// TestLexiconDirOverridesWordLists: a words.yaml of one's own replaces
// the shipped one, lists once written in Go included: without the
// spokesperson row of role_offices, the title of "a spokesman for Y" is
// only a role (holds_role; a frame still gives spokesperson_for).
func TestLexiconDirOverridesWordLists(t *testing.T) {
	const text = "Yahya Rasool, a spokesman for the Iraqi armed forces, said the strike violated Iraqi sovereignty."
	has := func(x Extractor, pred string) bool {
		rec, err := x.Extract(context.Background(), &source.Article{ID: "t", Doc: "t.txt", Text: text})
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range rec.Facts {
			if f.S == "yahya-rasool" && f.P == pred && f.O == "iraqi-security-forces" {
				return true
			}
		}
		return false
	}
	def, err := New("rules", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if has(def, "holds_role") {
		t.Fatal("the shipped lexicon makes a spokesman's title only a role")
	}
	words, _ := lexiconFS.ReadFile("lexicon/words.yaml")
	row := "\n  - {predicate: spokesperson_for, has: [spokes]}"
	if !strings.Contains(string(words), row) {
		t.Fatalf("words.yaml has no row %q", row)
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "words.yaml"), []byte(strings.Replace(string(words), row, "", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	x, err := New("rules", Options{LexiconDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	if x.Fingerprint() == def.Fingerprint() {
		t.Error("an overridden words.yaml leaves the fingerprint")
	}
	if !has(x, "holds_role") {
		t.Error("the overridden role_offices was not used")
	}
}

// TestLexiconDirMovedWords: the words the rules once matched in Go are
// read from the lexicon, so a lexicon directory of one's own changes what
// they match: each edit to a copied words.yaml or frames.yaml takes a
// fact away (gone) or makes one (made). Sentences written for this test.
func TestLexiconDirMovedWords(t *testing.T) {
	for _, c := range []struct {
		file, old, new string
		text           string
		fact           wantFact
		made           bool // the edit makes the fact, rather than taking it away
	}{
		{"words.yaml", "side_nouns: [side]", "side_nouns: [flank]",
			"Nobody was hurt. Shells were fired from Al-Qaim, on the Iraqi side of the Iraq-Syria border.",
			wantFact{"al-qaim", "located_near", "syria-iraq-border", ""}, false},
		{"words.yaml", "border_prepositions: [on,", "border_prepositions: [beside, on,",
			"Nobody was hurt. Shells fell on Al-Qaim, beside the Iraq-Syria border.",
			wantFact{"al-qaim", "located_near", "syria-iraq-border", ""}, true},
		{"words.yaml", "loss_reading: [killed]", "loss_reading: [wounded]",
			"Salim Jaber lost his life in an Israeli drone strike near Qusayr.",
			wantFact{"israel", "killed", "salim-jaber", ""}, false},
		{"frames.yaml", "own_modifiers: [rival, local, tribal]", "own_modifiers: [local, tribal]",
			"Iran-backed militias shelled the base on Sunday. On Monday, rival militias fired rockets at Tal Abyad.",
			wantFact{"iran-backed-militias", "attacked", "tal-abyad", ""}, true},
		{"frames.yaml", "pro_words: [pro]", "pro_words: [para]",
			"Officials blamed pro-Iran fighters for the shelling.",
			wantFact{"iran-backed-militias", "allied_with", "iran", ""}, false},
	} {
		t.Run(c.old, func(t *testing.T) {
			has := func(x Extractor) bool {
				rec, err := x.Extract(context.Background(), &source.Article{ID: "t", Doc: "t.txt", Text: c.text})
				if err != nil {
					t.Fatal(err)
				}
				return hasFact(rec, c.fact)
			}
			def, err := New("rules", Options{})
			if err != nil {
				t.Fatal(err)
			}
			if has(def) == c.made {
				t.Fatalf("shipped lexicon: %v present %v", c.fact, has(def))
			}
			data, _ := lexiconFS.ReadFile("lexicon/" + c.file)
			if !strings.Contains(string(data), c.old) {
				t.Fatalf("%s has no %q", c.file, c.old)
			}
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, c.file), []byte(strings.Replace(string(data), c.old, c.new, 1)), 0o644); err != nil {
				t.Fatal(err)
			}
			x, err := New("rules", Options{LexiconDir: dir})
			if err != nil {
				t.Fatal(err)
			}
			if x.Fingerprint() == def.Fingerprint() {
				t.Error("the edit leaves the fingerprint")
			}
			if has(x) != c.made {
				t.Errorf("edited lexicon: %v present %v", c.fact, has(x))
			}
		})
	}
}

// TestCountryLocatesSite: in "Iraq's Ain al-Asad air base" the state says
// where the base is; the base is what was struck.
func TestCountryLocatesSite(t *testing.T) {
	for _, text := range []string{
		"A pair of drones hit Iraq's Ain al-Asad air base before dawn, police said.",
		"Kata'ib Hezbollah fired rockets at Iraq's Ain al-Asad air base on Sunday.",
	} {
		rec := extractText(t, text)
		found := false
		for _, e := range rec.Events {
			if e.Type != schema.EvAttack {
				continue
			}
			if e.Target == "iraq" {
				t.Errorf("%q: Iraq, which locates the base, is the target: %+v", text, e)
			}
			found = found || e.Target == "ain-al-asad-air-base"
		}
		if !found {
			t.Errorf("%q: no attack on the base: %+v", text, rec.Events)
		}
	}
}

// TestCollectiveMembersInBrackets: the groups a collective lists in
// brackets share its link and its place.
func TestCollectiveMembersInBrackets(t *testing.T) {
	rec := extractText(t, "Iran-backed terrorist groups in Syria (Liwa Fatemiyoun and Kata'ib Hezbollah) fired drones at the garrison.")
	for _, w := range []wantFact{
		{"fatemiyoun-brigade", "backed_by", "iran", ""},
		{"kataib-hezbollah", "active_in", "syria", ""},
	} {
		if !hasFact(rec, w) {
			t.Errorf("missing %v in %s", w, facts(rec))
		}
	}
}

// TestAttackersOwnBasesAreNoTarget: "their bases" struck by a state's
// aircraft are another party's, never the attacker's own forces.
func TestAttackersOwnBasesAreNoTarget(t *testing.T) {
	for _, text := range []string{
		"Several PMF brigades reported that US airstrikes hit their bases in Qaim on Friday.",
		"Two Iraqi factions say US airstrikes targeted their bases in Qaim.",
	} {
		rec := extractText(t, text)
		for _, e := range rec.Events {
			if e.Agent == "united-states" && e.Target == "us-military" {
				t.Errorf("%q: the US struck its own forces:%s", text, eventList(rec))
			}
		}
		for _, f := range rec.Facts {
			if f.S == "united-states" && f.P == "attacked" && f.O == "us-military" {
				t.Errorf("%q: the US attacked its own forces: %s", text, facts(rec))
			}
		}
	}
}

// TestStrikesThatHitTheirPositions: fighters of a group killed in strikes
// "that hit their positions" were struck as the group, not as the army
// of the country the positions are in.
func TestStrikesThatHitTheirPositions(t *testing.T) {
	for _, c := range []struct{ text, typ, agent, target string }{
		{"Eight members of Kataib Sayyid al-Shuhada were killed in the Israeli raids that struck their positions in Syria.", schema.EvAttack, "israel", "kataib-sayyid-al-shuhada"},
		{"Six militants of Harakat al-Nujaba died in the US strikes that hit their positions near Qaim.", schema.EvAirstrike, "united-states", "harakat-hezbollah-al-nujaba"},
	} {
		checkRules(t, c.text, nil, []wantEvent{{c.typ, c.agent, c.target}}, nil)
		rec := extractText(t, c.text)
		for _, e := range rec.Events {
			if e.Target == "syrian-army" {
				t.Errorf("%q: the Syrian army struck:%s", c.text, eventList(rec))
			}
		}
	}
}

// TestPerfectPassiveNamesItsHand: "X has (often) been targeted by Y"
// is Y's attack on X, past an adverb between the auxiliaries and an
// apposition between X and its verb.
func TestPerfectPassiveNamesItsHand(t *testing.T) {
	for _, c := range []struct {
		text          string
		agent, target string
	}{
		{"The YBS has often been targeted by Turkey since 2017.", "turkey", "sinjar-resistance-units"},
		{"The PMF, formed in 2014 after a religious edict, has been attacked by the United States several times.", "united-states", "popular-mobilization-forces"},
	} {
		checkRules(t, c.text, []wantFact{{c.agent, "attacked", c.target, ""}}, nil, nil)
		rec := extractText(t, c.text)
		found := false
		for _, e := range rec.Events {
			if e.Agent == c.agent && e.Target == c.target {
				found = true
			}
			if e.Agent == "" && e.Target == c.target {
				t.Errorf("%q: an attack by no one named beside %s's:%s", c.text, c.agent, eventList(rec))
			}
		}
		if !found {
			t.Errorf("%q: no attack by %s on %s:%s", c.text, c.agent, c.target, eventList(rec))
		}
	}
}

// TestPassiveAttackByUnknownHand: forces or bases that "have been
// attacked" by no one named suffered an attack with no agent; "which has
// been attacking" is active, and "U.S. and coalition troops" are the
// U.S. forces.
func TestPassiveAttackByUnknownHand(t *testing.T) {
	rec := extractText(t, "U.S. and partner forces were attacked with mortars near Shaddadi on Friday.")
	if n := countEvents(rec, schema.EvAttack, ""); n != 1 {
		t.Fatalf("want one attack by no one named:%s", eventList(rec))
	}
	for _, e := range rec.Events {
		if e.Type == schema.EvAttack && e.Target != "us-military" {
			t.Errorf("the troops attacked are the U.S. forces: %+v", e)
		}
	}
	rec = extractText(t, "A spokesman named the new commander of Harakat al-Nujaba, a group that has been attacking U.S. bases for months.")
	if n := countEvents(rec, schema.EvAttack, ""); n != 0 {
		t.Errorf("'has been attacking' is no passive:%s", eventList(rec))
	}
}

// TestPossessiveSkipsWhere: "groups in Iraq stopped their attacks" are the
// groups' attacks, not Iraq's.
func TestPossessiveSkipsWhere(t *testing.T) {
	rec := extractText(t, "Calm returned in March, after Iran-backed militias in Syria halted their attacks on U.S. bases.")
	for _, e := range rec.Events {
		if e.Type == schema.EvAttack && e.Agent == "syria" {
			t.Errorf("Syria, where the militias are, made the attacks: %+v", e)
		}
	}
	if n := countEvents(rec, schema.EvAttack, "iran-backed-militias"); n != 1 {
		t.Errorf("want the militias' attack:%s", eventList(rec))
	}
}

// TestAirStrikeFollowsTheText: "a U.S. air strike" is the state's, as
// "U.S. strikes" are; "a U.S. drone strike" stays the armed forces'.
func TestAirStrikeFollowsTheText(t *testing.T) {
	rec := extractText(t, "A U.S. air strike near the airport in Baghdad killed the commander Abu Fadak al-Mohammadawi in January.")
	if n := countEvents(rec, schema.EvAirstrike, "united-states"); n != 1 {
		t.Errorf("want the United States' air strike:%s", eventList(rec))
	}
}

// TestDroneStrikeOfAState: a U.S. drone strike, and U.S. warplanes, are
// the US military's (the lexicon's air_military); another state's are the
// state's.
func TestDroneStrikeOfAState(t *testing.T) {
	wantOneEventEach(t, schema.EvAirstrike, []agentCase{
		{"A U.S. drone strike hit a car carrying two Kataib Hezbollah commanders east of Baghdad.", "us-military"},
		{"A Turkish drone strike hit a car carrying two PKK commanders near Sinjar.", "turkey"},
		{"An Israeli drone strike hit a truck carrying Hezbollah fighters near Qusayr.", "israel"},
		{"Turkish warplanes struck PKK hideouts in the Qandil mountains overnight.", "turkey"},
		{"U.S. warplanes struck Kataib Hezbollah depots near Qaim overnight.", "us-military"},
	})
}

// TestNegotiatingVerb: "X negotiated with Y", "X is negotiating with Y
// over Z": a negotiation of X's with Y, as "X held negotiations with Y".
func TestNegotiatingVerb(t *testing.T) {
	wantOneEventEach(t, schema.EvNegotiation, []agentCase{
		{"Baghdad is negotiating with Washington over the future of the coalition.", "iraq"},
		{"Turkey negotiated directly with the PKK in 2013, officials recall.", "turkey"},
	})
}

// TestGroupsDroneIsNoAirstrike: an armed group's drone or missile that
// hit a target is its attack; only a state's strike from the air is an
// airstrike.
func TestGroupsDroneIsNoAirstrike(t *testing.T) {
	for _, c := range []agentCase{
		{"A Kata'ib Hezbollah drone struck a Peshmerga outpost late on Friday.", "kataib-hezbollah"},
		{"Houthi missiles hit the port of Eilat twice in one week.", "houthis"},
	} {
		wantEvents(t, c.text, schema.EvAttack, c.agent, 1)
		wantEvents(t, c.text, schema.EvAirstrike, c.agent, 0)
	}
}

// A demonym inside a group's name sponsors no collective: "loyal to the
// Lebanese Hezbollah" names Hezbollah, not Lebanon.
func TestDemonymInNameSponsorsNone(t *testing.T) {
	rec := extractText(t, "Armed groups loyal to the Lebanese Hezbollah shelled the Golan on Sunday. Nobody was hurt.")
	for _, e := range rec.Entities {
		if e.ID == "lebanon-backed-militias" || e.ID == "lebanon" {
			t.Errorf("entity %s from a name's demonym: %s", e.ID, ids(rec))
		}
	}
}

// "X, accused of targeting U.S. troops, denied it": the object of a
// verb in the aside is not a speaker.
func TestAsideObjectIsNoSpeaker(t *testing.T) {
	rec := extractText(t, "Kata'ib Hezbollah, accused of targeting U.S. troops, denied it on Monday.")
	spoke := false
	for _, e := range rec.Events {
		if e.Type == "Statement" && e.Agent == "us-military" {
			t.Errorf("the aside's object made a speaker: %+v", e)
		}
		spoke = spoke || e.Type == "Statement" && e.Agent == "kataib-hezbollah"
	}
	if !spoke {
		t.Errorf("no statement of kataib-hezbollah: %+v", rec.Events)
	}
}

// "Raids against X and a drone strike which killed Y": the// "Raids against X and a drone strike which killed Y": the
// name before "and" ends another phrase; it did not strike or kill.
func TestNameBeforeAndIsNoStriker(t *testing.T) {
	rec := extractText(t, "The crisis brought U.S. raids against Kata'ib Hezbollah and a drone strike which killed Abu Mahdi al-Muhandis in Baghdad.")
	for _, f := range rec.Facts {
		if f.S == "kataib-hezbollah" && (f.P == "killed" || f.P == "attacked") {
			t.Errorf("the group before 'and' made the striker: %+v", f)
		}
	}
	for _, e := range rec.Events {
		if e.Agent == "kataib-hezbollah" {
			t.Errorf("the group before 'and' made the agent: %+v", e)
		}
	}
}

// "The Yazidi town of Sinjar": the word before a settlement's head
// describes the place named after "of"; it names no place of its own.
func TestSettlementHeadNamesAfterOf(t *testing.T) {
	rec := extractText(t, "A drone hit a car outside the Serdesht Camp, in the Yazidi town of Sinjar, on Monday. A rocket fell near the Druze village of Majdal Shams.")
	for _, e := range rec.Entities {
		if e.ID == "yazidi" || e.ID == "druze" {
			t.Errorf("place %s from a word before a settlement's head: %s", e.ID, ids(rec))
		}
	}
	found := false
	for _, f := range rec.Facts {
		found = found || f.S == "serdesht-camp" && f.P == "located_in" && f.O == "sinjar"
	}
	if !found {
		t.Errorf("no serdesht-camp located_in sinjar: %+v", rec.Facts)
	}
}

// A bare "militias", or "militia" before a noun that makes it many,
// refers back to the collective the article named; a determiner or a
// name before it, or a noun after it that names people, makes it some
// group or person of its own.
func TestBareCollective(t *testing.T) {
	x := NewRules(DefaultLexicon())
	const opening = "Pro-Iran militias have shelled Turkish outposts for a year. "
	for _, tc := range []struct {
		text string
		want wantFact // o == "" wants no fact with the collective
	}{
		{"Militias then shelled the Zilkan base.", wantFact{"iran-militias", "attacked", "zilkan-base", ""}},
		{"Turkish drones hit militia positions near Bashiqa.", wantFact{"turkey", "attacked", "iran-militias", ""}},
		{"Iraqi militias then shelled the Zilkan base.", wantFact{"iran-militias", "attacked", "zilkan-base", ""}},
		{"Kurdish militias then shelled the Zilkan base.", wantFact{"iran-militias", "attacked", "zilkan-base", "-"}},
		{"Two militia officials said Turkey attacked the Zilkan base.", wantFact{"iran-militias", "attacked", "zilkan-base", "-"}},
		{"A militia then shelled the Zilkan base.", wantFact{"iran-militias", "attacked", "zilkan-base", "-"}},
	} {
		rec, err := x.Extract(context.Background(), &source.Article{ID: "t", Doc: "t.txt", Text: opening + tc.text})
		if err != nil {
			t.Fatal(err)
		}
		w := tc.want
		w.s = strings.Replace(w.s, "iran-militias", "iran-backed-militias", 1)
		w.o = strings.Replace(w.o, "iran-militias", "iran-backed-militias", 1)
		absent := w.kind == "-"
		w.kind = ""
		if got := hasFact(rec, w); got == absent {
			t.Errorf("%q: fact %v present %v, want %v; facts %s", tc.text, w, got, !absent, facts(rec))
		}
	}
}

// TestTypeBit checks that typeBit gives every entity type its place in
// schema.EntityTypes, within a typeSet, and anything else no bit.
func TestTypeBit(t *testing.T) {
	for i, typ := range schema.EntityTypes {
		if got, want := typeBit(typ), typeSet(1)<<i; got != want || want == 0 {
			t.Errorf("typeBit(%q) = %#b, want %#b", typ, got, want)
		}
	}
	for _, typ := range []string{"", "person", "Military", "Events", "military"} {
		if got := typeBit(typ); got != 0 {
			t.Errorf("typeBit(%q) = %#b, want none", typ, got)
		}
	}
}

// "X responded by striking Y": the gerund after "by" is the verb's
// subject's act.
func TestGerundAfterByIsSubjectsAct(t *testing.T) {
	for _, c := range []struct{ text, agent, target string }{
		{"Israel answered by striking Hezbollah depots near Qusayr.", "israel", "hezbollah"},
		{"Kataib Hezbollah retaliated by firing rockets at Ain al-Asad.", "kataib-hezbollah", "ain-al-asad-air-base"},
	} {
		rec := extractText(t, c.text)
		found := false
		for _, e := range rec.Events {
			found = found || e.Agent == c.agent && e.Target == c.target
		}
		if !found {
			t.Errorf("%q: no event of %s on %s: %+v", c.text, c.agent, c.target, rec.Events)
		}
	}
}

// Where rockets were fired from is not what they were fired at.
func TestLaunchSiteIsNoTarget(t *testing.T) {
	for _, text := range []string{
		"Gunmen fired three rockets at the embassy from Zafaraniya.",
		"Police said two rockets were fired at the embassy from Zafaraniya.",
	} {
		rec := extractText(t, text)
		for _, e := range rec.Events {
			if e.Target == "zafaraniya" {
				t.Errorf("%q: the launch site made the target: %+v", text, e)
			}
		}
	}
}

// TestLocalSourcesAreSourcing: "local sources said" with no one they spoke
// to is the outlet's own sourcing, no statement; told to an outlet, they
// speak to it.
func TestLocalSourcesAreSourcing(t *testing.T) {
	x := NewRules(DefaultLexicon())
	for _, tc := range []struct {
		text   string
		target string
		events int
	}{
		{"Smoke rose over the town on Monday. Local sources said a warehouse near the river burned down.", "", 0},
		{"Smoke rose over the town on Monday. Informed sources reported that the warehouse was empty.", "", 0},
		{"Smoke rose over the town on Monday. A security source said a warehouse near the river burned down.", "", 1},
	} {
		rec, err := x.Extract(context.Background(), &source.Article{ID: "t", Doc: "t.txt", Text: tc.text})
		if err != nil {
			t.Fatal(err)
		}
		var got []schema.Event
		for _, e := range rec.Events {
			if e.Type == schema.EvStatement {
				got = append(got, e)
			}
		}
		if len(got) != tc.events {
			t.Errorf("%q: %d statements, want %d: %+v", tc.text, len(got), tc.events, got)
			continue
		}
		if tc.events > 0 && got[0].Target != tc.target {
			t.Errorf("%q: statement to %q, want %q", tc.text, got[0].Target, tc.target)
		}
	}
}

// A list of people goes on past a person's role: "X, commander of the
// Y, and Z", "X and the deputy head of the Y, Z", "X and deputy head of
// the Y Z"; the group the role names is no item of the list.
func TestListPassesPersonRole(t *testing.T) {
	for _, c := range []struct {
		text string
		want []wantFact
		not  []wantFact
	}{
		{"A U.S. drone struck a car in Baghdad late on Thursday, killing Qasem Soleimani, chief of the Quds Force of Iran's Revolutionary Guard, and Abu Mahdi al-Muhandis, the second man of the Popular Mobilization Forces.",
			[]wantFact{{s: "united-states", p: "killed", o: "qasem-soleimani"}, {s: "united-states", p: "killed", o: "abu-mahdi-al-muhandis"}},
			[]wantFact{{s: "united-states", p: "killed", o: "quds-force"}}},
		{"Mourners remembered the assassination of Qasem Soleimani and the deputy leader of the Popular Mobilization Forces, Abu Mahdi al-Muhandis, by the United States.",
			[]wantFact{{s: "united-states", p: "killed", o: "abu-mahdi-al-muhandis"}}, nil},
		{"The funeral followed the killing of Qasem Soleimani and deputy chairman of the Popular Mobilization Forces Abu Mahdi al-Muhandis by the United States.",
			[]wantFact{{s: "united-states", p: "killed", o: "abu-mahdi-al-muhandis"}}, nil},
	} {
		checkRules(t, c.text, c.want, nil, c.not)
	}
}

// "U.S. forces killed X": a force that kills a named person attacks
// them; the event names the person as its target.
func TestForceKilledPerson(t *testing.T) {
	for _, c := range []struct {
		text, agent, target string
	}{
		{"Two weeks later, U.S. forces killed Ali Hassan, an officer of Kata'ib Hezbollah.", "us-military", "ali-hassan"},
		{"Turkish troops have reportedly killed Hassan Ali near the border.", "turkish-armed-forces", "hassan-ali"},
	} {
		rec := extractText(t, c.text)
		found := false
		for _, e := range rec.Events {
			if e.Agent == c.agent && e.Target == c.target {
				found = true
			}
		}
		if !found {
			t.Errorf("%q: no event of %s on %s in %+v", c.text, c.agent, c.target, rec.Events)
		}
		if !hasFact(rec, wantFact{s: c.agent, p: "killed", o: c.target}) {
			t.Errorf("%q: no fact %s killed %s in %s", c.text, c.agent, c.target, facts(rec))
		}
	}
}

// "Neutralized", the Turkish officials' word, covers a killing, a capture
// and a surrender alike: the force attacked the people it names, and is
// not said to have killed them.
func TestNeutralizedIsNoKilling(t *testing.T) {
	for _, c := range []struct {
		text string
		want []wantFact
		not  []wantFact
	}{
		{"Turkish intelligence has neutralized Kemal Aydin, a senior PKK figure, near Qamishli.",
			[]wantFact{{s: "national-intelligence-organization", p: "attacked", o: "kemal-aydin"}},
			[]wantFact{{s: "national-intelligence-organization", p: "killed", o: "kemal-aydin"}}},
		{"Turkish troops have neutralised Baran Cudi, a PKK commander, in the Zap region.",
			[]wantFact{{s: "turkish-armed-forces", p: "attacked", o: "baran-cudi"}},
			[]wantFact{{s: "turkish-armed-forces", p: "killed", o: "baran-cudi"}}},
		{"A Turkish drone strike near Zakho on Sunday neutralized three members of the PKK, the ministry said.",
			[]wantFact{{s: "turkey", p: "attacked", o: "kurdistan-workers-party"}}, nil},
	} {
		checkRules(t, c.text, c.want, nil, c.not)
	}
}

// TestNamedOperationsEach: operations named in a list after the verb that
// launched them are one attack each by its subject; a passive verb names
// no one who launched them.
func TestNamedOperationsEach(t *testing.T) {
	x := NewRules(DefaultLexicon())
	for _, tc := range []struct {
		text  string
		agent string
		about []string
	}{
		{"Since 2019, Ankara has mounted two large operations in the north: Claw-Eagle (2020) and Claw-Tiger (2020).",
			"turkey", []string{"operation-claw-eagle", "operation-claw-tiger"}},
		{"The Turkish army carried out several incursions, including Olive Branch and Peace Spring, over five years.",
			"turkish-armed-forces", []string{"operation-olive-branch", "operation-peace-spring"}},
		{"The new phase was initiated after operations Claw-Eagle and Claw-Tiger ended.", "", nil},
	} {
		rec, err := x.Extract(context.Background(), &source.Article{ID: "t", Doc: "t.txt", Text: tc.text})
		if err != nil {
			t.Fatal(err)
		}
		var about []string
		for _, e := range rec.Events {
			if e.Type == "Attack" && e.About != "" {
				if e.Agent != tc.agent {
					t.Errorf("%q: attack about %s by %q, want %q", tc.text, e.About, e.Agent, tc.agent)
				}
				about = append(about, e.About)
			}
		}
		if !slices.Equal(about, tc.about) {
			t.Errorf("%q: attacks about %v, want %v", tc.text, about, tc.about)
		}
	}
}

// TestAccusationIsClaimed: an attack a speaker blames on someone, or
// accuses someone of, is the speaker's claim, whoever reports it.
func TestAccusationIsClaimed(t *testing.T) {
	for _, tc := range []struct{ text, agent string }{
		{"Mortars landed on Camp Taji late on Monday. Washington blamed Kataib Hezbollah for the attack.", "kataib-hezbollah"},
		{"Washington has accused Iran of repeated attacks on Ain al-Asad air base.", "iran"},
		{"Drones hit Harir air base overnight. The U.S. accused Kataib Hezbollah of carrying out the attack, officials said.", "kataib-hezbollah"},
		// A demonstrative before the attack noun: the attack told before.
		{"A drone hit the Harir base at dawn. The army holds Kataib Hezbollah responsible for this attack.", "kataib-hezbollah"},
		{"Two rockets struck the Harir base on Friday. Erbil blamed the PKK for that unprovoked strike.", "kurdistan-workers-party"},
	} {
		found := false
		for _, f := range extractText(t, tc.text).Facts {
			if f.P == "attacked" && f.S == tc.agent {
				found = true
				if f.Kind != schema.Claimed {
					t.Errorf("%q: %s %s %s is %s, want claimed", tc.text, f.S, f.P, f.O, f.Kind)
				}
			}
		}
		if !found {
			t.Errorf("%q: no attacked fact of %s", tc.text, tc.agent)
		}
	}
}

// TestWithdrawalTense: a departure told in the past tense or as completed
// took place (status occurred, withdrew_from the site); one told in the
// present or as decided is planned and gives no withdrew_from.
func TestWithdrawalTense(t *testing.T) {
	for _, tc := range []struct {
		text, agent, site, status string
		left                      bool
	}{
		{"Russia withdrew all of its troops from Aleppo in 2030.", "russian-military", "aleppo", "occurred", true},
		{"The United States pulled its soldiers out of Syria three years ago.", "us-military", "syria", "occurred", true},
		{"Washington finished its military pullout from Afghanistan last summer.", "united-states", "afghanistan", "occurred", true},
		{"Turkey had withdrawn from Syria by the spring of 2031.", "turkey", "syria", "occurred", true},
		{"Russia pulled out of Aleppo after the ceasefire.", "russia", "aleppo", "occurred", true},
		// A pullout begun is under way; with no force named it is the state's.
		{"Russia has already begun its pullout from Aleppo, a diplomat said.", "russia", "aleppo", "in_progress", true},
		// A force that hands a site over to another has left it.
		{"U.S. forces handed Ain al-Asad over to the Iraqi army on Friday.", "us-military", "ain-al-asad-air-base", "occurred", true},
		{"The coalition turned over control of Al-Tanf to local fighters.", "international-coalition", "al-tanf", "occurred", true},
		{"The United States has decided to withdraw its forces from Iraq.", "us-military", "iraq", "planned", false},
		{"The United States plans a full withdrawal from Syria next year.", "us-military", "syria", "planned", false},
	} {
		rec := extractText(t, tc.text)
		found := false
		for _, e := range rec.Events {
			if e.Type == schema.EvWithdrawal && e.Agent == tc.agent && e.Location == tc.site {
				found = true
				if e.Status != tc.status {
					t.Errorf("%q: withdrawal status %q, want %q", tc.text, e.Status, tc.status)
				}
			}
		}
		if !found {
			t.Errorf("%q: no withdrawal of %s from %s in %s", tc.text, tc.agent, tc.site, events(rec))
		}
		if got := hasFact(rec, wantFact{tc.agent, "withdrew_from", tc.site, ""}); got != tc.left {
			t.Errorf("%q: withdrew_from %s is %v, want %v: %s", tc.text, tc.site, got, tc.left, facts(rec))
		}
	}
}

// TestMeetingConstructions: "X sat down with Y" and "during his talks with
// Y, X ..." are meetings of X with Y; two states that sit down with each
// other are no meeting of persons.
func TestMeetingConstructions(t *testing.T) {
	for _, tc := range []struct {
		text, agent, target string
	}{
		{"Masoud Barzani sat down with Hakan Fidan for two hours on Sunday.", "masoud-barzani", "hakan-fidan"},
		{"During a long meeting with Fuad Hussein, Antony Blinken pressed for calm on the border.", "antony-blinken", "fuad-hussein"},
		{"Following his talks with Hakan Fidan in Baghdad, Masrour Barzani flew back to Erbil.", "masrour-barzani", "hakan-fidan"},
		{"Masrour Barzani left for Baghdad after meeting Hakan Fidan on Sunday.", "masrour-barzani", "hakan-fidan"},
		{"Antony Blinken and Fuad Hussein discussed the attacks by telephone.", "antony-blinken", "fuad-hussein"},
		{"Iraq and the United States sat down to discuss the end of the mission.", "", ""},
		{"Hakan Fidan warned against meeting with Masoud Barzani.", "", ""},
	} {
		rec := extractText(t, tc.text)
		var got []string
		for _, e := range rec.Events {
			if e.Type == schema.EvMeeting {
				got = append(got, e.Agent+" -> "+e.Target)
			}
		}
		if tc.agent == "" {
			if len(got) > 0 {
				t.Errorf("%q: meetings %v, want none", tc.text, got)
			}
			continue
		}
		if !slices.Contains(got, tc.agent+" -> "+tc.target) {
			t.Errorf("%q: meetings %v, want %s -> %s", tc.text, got, tc.agent, tc.target)
		}
		if !hasFact(rec, wantFact{tc.agent, "met_with", tc.target, ""}) {
			t.Errorf("%q: no %s met_with %s in %s", tc.text, tc.agent, tc.target, facts(rec))
		}
	}
}

// TestTalksOfTwoPersons: two persons who hold talks meet (a Meeting with
// met_with); two states that hold talks negotiate.
func TestTalksOfTwoPersons(t *testing.T) {
	for _, tc := range []struct {
		text, typ, agent, target string
	}{
		{"Hakan Fidan and Fuad Hussein held talks in Ankara on Wednesday.", schema.EvMeeting, "hakan-fidan", "fuad-hussein"},
		{"Turkey and Iraq held talks on water in Ankara on Wednesday.", schema.EvNegotiation, "turkey", "iraq"},
	} {
		rec := extractText(t, tc.text)
		var got []string
		for _, e := range rec.Events {
			got = append(got, e.Type+" "+e.Agent+" -> "+e.Target)
		}
		if len(got) != 1 || got[0] != tc.typ+" "+tc.agent+" -> "+tc.target {
			t.Errorf("%q: events %v, want only %s %s -> %s", tc.text, got, tc.typ, tc.agent, tc.target)
		}
	}
}

// TestDemandsForWithdrawal: a body that wants forces out, tells them to
// go, requests their removal or calls on their state to withdraw them
// demands their withdrawal; none of these is a withdrawal.
func TestDemandsForWithdrawal(t *testing.T) {
	for _, tc := range []struct {
		text, by, of string
	}{
		{"The Popular Mobilization Forces want U.S. troops out of the country before the vote.", "popular-mobilization-forces", "us-military"},
		{"Kataib Hezbollah told the coalition to leave Iraq within a month.", "kataib-hezbollah", "international-coalition"},
		{"Kataib Hezbollah called for American troops to get out of Anbar.", "kataib-hezbollah", "us-military"},
		{"Syria requested the departure of Turkish troops from Idlib.", "syria", "turkish-armed-forces"},
		{"Iran urged the United States to pull its troops out of Syria.", "iran", "us-military"},
	} {
		rec := extractText(t, tc.text)
		if !hasFact(rec, wantFact{tc.by, "demanded_withdrawal_of", tc.of, ""}) {
			t.Errorf("%q: no %s demanded_withdrawal_of %s in %s", tc.text, tc.by, tc.of, facts(rec))
		}
		for _, e := range rec.Events {
			if e.Type == schema.EvWithdrawal {
				t.Errorf("%q: a demand read as a withdrawal: %s", tc.text, events(rec))
			}
		}
	}
}

// TestPlannedWithdrawalByATime: forces that "will leave by" a time are to
// withdraw; a wish or a condition that they leave is no withdrawal.
func TestPlannedWithdrawalByATime(t *testing.T) {
	for _, tc := range []struct {
		text, agent string
	}{
		{"Diplomats expect that Russian forces will withdraw before the winter.", "russian-military"},
		{"The Turkish army is scheduled to leave within three months, the ministry said.", "turkish-armed-forces"},
		{"Kataib Hezbollah said it would fight on until U.S. troops leave by force.", ""},
	} {
		rec := extractText(t, tc.text)
		var got []string
		for _, e := range rec.Events {
			if e.Type == schema.EvWithdrawal {
				got = append(got, e.Agent+" "+e.Status)
			}
		}
		want := []string{}
		if tc.agent != "" {
			want = []string{tc.agent + " planned"}
		}
		if !slices.Equal(got, want) && !(len(got) == 0 && len(want) == 0) {
			t.Errorf("%q: withdrawals %v, want %v", tc.text, got, want)
		}
	}
}

// TestMeetingWithABodysPeople: meeting a body's leaders or delegation is a
// Meeting with the body, without met_with (no person is named).
func TestMeetingWithABodysPeople(t *testing.T) {
	for _, tc := range []struct {
		text, agent, target string
	}{
		{"Masrour Barzani met commanders of the Popular Mobilization Forces in Kirkuk.", "masrour-barzani", "popular-mobilization-forces"},
		{"Hakan Fidan hosted a delegation from the Kurdistan Democratic Party in Ankara.", "hakan-fidan", "kurdistan-democratic-party"},
	} {
		rec := extractText(t, tc.text)
		found := false
		for _, e := range rec.Events {
			if e.Type == schema.EvMeeting && e.Agent == tc.agent && e.Target == tc.target {
				found = true
			}
		}
		if !found {
			t.Errorf("%q: no meeting of %s with %s in %s", tc.text, tc.agent, tc.target, events(rec))
		}
	}
}

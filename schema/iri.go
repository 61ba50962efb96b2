package schema

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"unicode"

	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/voc"
	"golang.org/x/text/unicode/norm"
)

// Namespace is the full form of the "ng:" prefix. IRIs are stored in their
// short form (<ng:entity/kataib-hezbollah>) so that Gizmo queries stay
// readable; exporters expand them with quad.IRI.Full when a tool wants
// absolute IRIs. A URN is used because newsgraph owns no web domain.
const (
	Prefix    = "ng:"
	Namespace = "urn:newsgraph:"
)

func init() { voc.RegisterPrefix(Prefix, Namespace) }

// Properties and classes that are not entity types or predicates.
var (
	RDFType      = quad.IRI("rdf:type")
	RDFStatement = quad.IRI("rdf:Statement")
	RDFSubject   = quad.IRI("rdf:subject")
	RDFPredicate = quad.IRI("rdf:predicate")
	RDFObject    = quad.IRI("rdf:object")

	ClassArticle = quad.IRI(Prefix + "Article")
	ClassEvent   = quad.IRI(Prefix + "Event")

	Name        = quad.IRI(Prefix + "name")
	Alias       = quad.IRI(Prefix + "alias")
	MentionedIn = quad.IRI(Prefix + "mentionedIn")

	Title     = quad.IRI(Prefix + "title")
	Outlet    = quad.IRI(Prefix + "outlet")
	Author    = quad.IRI(Prefix + "author")
	Date      = quad.IRI(Prefix + "date")
	Source    = quad.IRI(Prefix + "source")
	Extractor = quad.IRI(Prefix + "extractor")
	Credit    = quad.IRI(Prefix + "credit")
	Sketch    = quad.IRI(Prefix + "sketch")

	EventType = quad.IRI(Prefix + "eventType")
	Agent     = quad.IRI(Prefix + "agent")
	Target    = quad.IRI(Prefix + "target")
	Location  = quad.IRI(Prefix + "location")
	About     = quad.IRI(Prefix + "about")
	Status    = quad.IRI(Prefix + "status")
	DateNote  = quad.IRI(Prefix + "dateNote")
	// DatePrecision is an event's date precision (PrecisionDay, ...).
	DatePrecision = quad.IRI(Prefix + "datePrecision")
	Kind          = quad.IRI(Prefix + "kind")
	Evidence      = quad.IRI(Prefix + "evidence")
	Confidence    = quad.IRI(Prefix + "confidence")
	AssertedBy    = quad.IRI(Prefix + "assertedBy")
	Role          = quad.IRI(Prefix + "role")
	InArticle     = quad.IRI(Prefix + "article")

	// Where things are, and who they are elsewhere (docs/schema.md).
	Wikidata     = quad.IRI(Prefix + "wikidata")
	Lat          = quad.IRI(Prefix + "lat")
	Lon          = quad.IRI(Prefix + "lon")
	GeoPrecision = quad.IRI(Prefix + "geoPrecision")
)

// Slug turns a name into the readable, stable local part of an IRI:
// diacritics folded, apostrophes dropped, everything else that is not a
// letter or digit collapsed into single hyphens, lower case.
// "Kata'ib Hezbollah" and "Kata’ib Hezbollah" both give "kataib-hezbollah".
func Slug(name string) string {
	if s, ok := asciiSlug(name); ok {
		return s
	}
	return unicodeSlug(name)
}

// unicodeSlug is Slug for any name.
func unicodeSlug(name string) string {
	var b strings.Builder
	dash := false
	for _, r := range norm.NFKD.String(name) {
		switch {
		case unicode.Is(unicode.Mn, r), r == '\'', r == '’', r == 'ʼ', r == '‘', r == '`':
			// combining marks and apostrophes vanish without a break
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(unicode.ToLower(r))
		default:
			dash = true
		}
	}
	return b.String()
}

// asciiSlug is Slug for a name of ASCII characters only, whose NFKD form
// is itself, and reports whether name was one. A name that is already its
// slug (most ids: every quad of an entity, event or fact slugs one) is
// returned as it is, without a copy.
func asciiSlug(name string) (string, bool) {
	slug := true // name is its own slug so far
	for i := 0; i < len(name); i++ {
		switch c := name[i]; {
		case c >= 0x80:
			return "", false
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
		case c == '-' && i > 0 && i < len(name)-1 && name[i-1] != '-':
		default:
			slug = false
		}
	}
	if slug {
		return name, true
	}
	// Built in a buffer on the stack, which most names fit, and copied
	// once into the string: make with the name's length put every slug of
	// an unknown entity's name on the heap twice.
	var buf [64]byte
	b := buf[:0]
	dash := false
	for i := 0; i < len(name); i++ {
		switch c := name[i]; {
		case c == '\'' || c == '`':
			// apostrophes vanish without a break
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9', 'A' <= c && c <= 'Z':
			if dash && len(b) > 0 {
				b = append(b, '-')
			}
			dash = false
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b = append(b, c)
		default:
			dash = true
		}
	}
	return string(b), true
}

// EntityIRI is the node of the entity with that id.
func EntityIRI(id string) quad.IRI { return quad.IRI(Prefix + "entity/" + Slug(id)) }

// EventIRI is the node of the event with that id.
func EventIRI(id string) quad.IRI { return quad.IRI(Prefix + "event/" + Slug(id)) }

// IsEvent reports whether v is the node of an event (EventIRI). That is
// what tells an event from other nodes: an event has no rdf:type, and
// an incident has an ng:eventType too.
func IsEvent(v quad.Value) bool {
	iri, ok := v.(quad.IRI)
	return ok && strings.HasPrefix(string(iri), Prefix+"event/")
}

// ArticleIRI is the node of an article, and the label of every quad drawn from it.
func ArticleIRI(id string) quad.IRI { return quad.IRI(Prefix + "article/" + id) }

// TypeIRI is the class of an entity type.
func TypeIRI(t string) quad.IRI { return quad.IRI(Prefix + t) }

// PredicateIRI is the edge of a predicate of the closed set.
func PredicateIRI(name string) quad.IRI { return quad.IRI(Prefix + name) }

// StatementIRI names the statement node recording one fact of one article.
func StatementIRI(articleID string, f Fact) quad.IRI {
	h := sha256.Sum256([]byte(articleID + "\x00" + f.S + "\x00" + f.P + "\x00" + f.O + "\x00" + f.Evidence))
	return quad.IRI(Prefix + "statement/" + hex.EncodeToString(h[:8]))
}

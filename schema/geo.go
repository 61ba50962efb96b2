package schema

import (
	"fmt"
	"math"
	"regexp"
)

// Geographic precision, after ACLED's geo-precision codes: what an event's
// or an entity's coordinates stand for. They are ordered, finest first.
const (
	GeoSite     = "site"     // the place itself: a base, an airport, a crossing
	GeoTown     = "town"     // a town or city
	GeoProvince = "province" // a province, region or stretch of sea
	GeoCountry  = "country"  // somewhere in a country, no nearer
)

// GeoPrecisions lists the precisions, finest first.
var GeoPrecisions = []string{GeoSite, GeoTown, GeoProvince, GeoCountry}

// IsGeoPrecision reports whether p is a precision.
func IsGeoPrecision(p string) bool { return contains(GeoPrecisions, p) }

// geoRank orders precisions, finest first; unknown ones last.
func geoRank(p string) int {
	for i, q := range GeoPrecisions {
		if q == p {
			return i
		}
	}
	return len(GeoPrecisions)
}

// DefaultGeoPrecision is the precision of coordinates given for an
// entity of type t without one: a base is a site, a place a town, a
// country a country.
func DefaultGeoPrecision(t string) string {
	switch t {
	case MilitaryBase:
		return GeoSite
	case Country:
		return GeoCountry
	}
	return GeoTown
}

// Placeable reports whether entities of type t may have coordinates.
func Placeable(t string) bool { return t == MilitaryBase || t == Place || t == Country }

var qidPattern = regexp.MustCompile(`^Q[1-9][0-9]*$`)

// IsWikidataID reports whether s is a Wikidata item id ("Q796").
func IsWikidataID(s string) bool { return qidPattern.MatchString(s) }

// CheckCoords returns an error unless c is [latitude, longitude] within
// range, finite.
func CheckCoords(c []float64) error {
	if len(c) != 2 {
		return fmt.Errorf("coordinates %v: want [latitude, longitude]", c)
	}
	lat, lon := c[0], c[1]
	if math.IsNaN(lat) || math.IsNaN(lon) || lat < -90 || lat > 90 || lon < -180 || lon > 180 {
		return fmt.Errorf("coordinates %v out of range (latitude -90..90, longitude -180..180)", c)
	}
	return nil
}

// geoEntity is what the mapper keeps of a placed entity of a record.
type geoEntity struct {
	typ       string
	lat, lon  float64
	precision string
}

// Distance is the great-circle distance in kilometres between two points
// given in degrees (the haversine formula on a sphere of the Earth's mean
// radius: within 0.5 % of the ellipsoid, which is closer than any
// coordinates newsgraph holds).
func Distance(lat1, lon1, lat2, lon2 float64) float64 {
	const earthKm = 6371.0088
	rad := math.Pi / 180
	dlat, dlon := (lat2-lat1)*rad, (lon2-lon1)*rad
	a := math.Sin(dlat/2)*math.Sin(dlat/2) + math.Cos(lat1*rad)*math.Cos(lat2*rad)*math.Sin(dlon/2)*math.Sin(dlon/2)
	return 2 * earthKm * math.Asin(math.Min(1, math.Sqrt(a)))
}

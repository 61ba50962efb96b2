package export

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"

	"github.com/cayleygraph/quad"
	"github.com/newsgraph/newsgraph/graph"
)

// geoFeature is one node of the GeoJSON export: a point and the node's
// attributes, as in the JSON Lines export.
type geoFeature struct {
	Type     string   `json:"type"` // "Feature"
	ID       string   `json:"id"`
	Geometry geoPoint `json:"geometry"`
	// Properties are the node's attributes as in the JSON Lines export
	// (lists as JSON arrays: geopandas reads them as lists, QGIS as text).
	Properties jsonNode `json:"properties"`
}

type geoPoint struct {
	Type        string     `json:"type"`        // "Point"
	Coordinates [2]float64 `json:"coordinates"` // longitude, latitude (RFC 7946 order)
}

// writeGeoJSON writes the selected nodes that have coordinates as a
// GeoJSON FeatureCollection of points (RFC 7946: WGS 84, longitude
// first), one Feature a node, sorted by ID as every export is. Edges have
// no place of their own and are left out; so are nodes without
// coordinates, counted in the collection's "newsgraph" member
// ({"unplaced": N}) so that a reader knows the map is not the whole
// selection.
func writeGeoJSON(ctx context.Context, rd graph.Reader, out io.Writer, opts Options) error {
	wk, err := newWalker(ctx, rd, opts)
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(out, 64<<10)
	bw.WriteString("{\"type\":\"FeatureCollection\",\"features\":[\n")
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	unplaced, first := 0, true
	err = wk.nodes(func(v quad.Value) error {
		n, err := wk.node(v)
		if err != nil {
			return err
		}
		if !n.Placed {
			unplaced++
			return nil
		}
		if !first {
			bw.WriteByte(',')
		}
		first = false
		return enc.Encode(geoFeature{
			Type: "Feature", ID: n.ID,
			Geometry:   geoPoint{Type: "Point", Coordinates: [2]float64{n.Lon, n.Lat}},
			Properties: jsonNodeOf(n),
		})
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(bw, "],\"newsgraph\":{\"unplaced\":%d}}\n", unplaced)
	return bw.Flush()
}

package exporttest

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// Python returns an interpreter that imports networkx and igraph, or an
// error naming those tried. Debian's python3-networkx and python3-igraph
// are seen by /usr/bin/python3, not necessarily by the python3 first on
// PATH (pyenv, virtual environments); NEWSGRAPH_TEST_PYTHON is tried
// first.
func Python() (string, error) {
	var tried []string
	for _, p := range []string{os.Getenv("NEWSGRAPH_TEST_PYTHON"), "/usr/bin/python3", "python3"} {
		if p == "" {
			continue
		}
		if err := exec.Command(p, "-c", "import networkx, igraph").Run(); err == nil {
			return p, nil
		}
		tried = append(tried, p)
	}
	return "", fmt.Errorf("no Python with networkx and igraph (tried %v): apt-get install python3-networkx python3-igraph", tried)
}

// readersScript reads a GraphML file with networkx and igraph and prints
// what each saw, as JSON.
const readersScript = `
import json, sys
import networkx as nx
import igraph as ig

def present(x):
    # igraph gives every vertex every attribute: "" or NaN where a node has none.
    return x is not None and x != "" and x == x

path = sys.argv[1]
G = nx.read_graphml(path)
nxout = {
    "directed": G.is_directed(),
    "nodes": {n: {k: v for k, v in d.items()} for n, d in G.nodes(data=True)},
    "edges": [[u, v, d] for u, v, d in G.edges(data=True)],
}
g = ig.Graph.Read_GraphML(path)
igout = {
    "directed": g.is_directed(),
    "nodes": {v["id"]: {a: v[a] for a in g.vs.attributes() if a != "id" and present(v[a])} for v in g.vs},
    "edges": [[g.vs[e.source]["id"], g.vs[e.target]["id"], {a: e[a] for a in g.es.attributes() if a != "id" and present(e[a])}] for e in g.es],
}
json.dump({"networkx": nxout, "igraph": igout}, sys.stdout, ensure_ascii=False)
`

// ReaderView is a graph as networkx or igraph read it: node attributes by
// node id, and edges as source, target and attributes. Numbers are
// float64, as JSON decodes them.
type ReaderView struct {
	Directed bool
	Nodes    map[string]map[string]any
	Edges    []ReaderEdge
}

// ReaderEdge is one edge as a reader saw it.
type ReaderEdge struct {
	Source, Target string
	Attrs          map[string]any
}

// ReadGraphML opens a GraphML file with networkx.read_graphml and
// igraph.Graph.Read_GraphML, run by python, and returns what each read,
// keyed "networkx" and "igraph".
func ReadGraphML(python, path string) (map[string]ReaderView, error) {
	dir, err := os.MkdirTemp("", "exporttest")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	script := filepath.Join(dir, "readers.py")
	if err := os.WriteFile(script, []byte(readersScript), 0o644); err != nil {
		return nil, err
	}
	cmd := exec.Command(python, script, path)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("reading %s with networkx and igraph: %v\n%s", path, err, stderr.String())
	}
	var raw map[string]struct {
		Directed bool                      `json:"directed"`
		Nodes    map[string]map[string]any `json:"nodes"`
		Edges    [][3]json.RawMessage      `json:"edges"`
	}
	if err := json.Unmarshal(out, &raw); err != nil {
		return nil, fmt.Errorf("reader output %.300q: %v", out, err)
	}
	res := map[string]ReaderView{}
	for tool, r := range raw {
		v := ReaderView{Directed: r.Directed, Nodes: r.Nodes}
		for _, e := range r.Edges {
			var re ReaderEdge
			if err := json.Unmarshal(e[0], &re.Source); err != nil {
				return nil, err
			}
			if err := json.Unmarshal(e[1], &re.Target); err != nil {
				return nil, err
			}
			if err := json.Unmarshal(e[2], &re.Attrs); err != nil {
				return nil, err
			}
			v.Edges = append(v.Edges, re)
		}
		res[tool] = v
	}
	return res, nil
}

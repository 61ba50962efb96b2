package server

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/dop251/goja"
)

// The console's "Query Shape" page posts a Gizmo query to
// /api/v1/shape/gizmo and shows the JSON it gets back. Cayley's v2 API
// dropped that route, and Gizmo exposes no query plan, so the shape is
// taken from the query itself: it runs in a JavaScript sandbox where g
// records the steps called on it instead of touching the store, and the
// recorded chain becomes the nodes and links of the old v1 shape format
// (nodes with their tags and fixed values, link nodes carrying the
// predicates). Nothing reads the store, so a shape costs no query time.

// Shape is a query's shape: nodes (values reached), link nodes (the
// predicates followed) and links between them, in Cayley's v1 format.
type Shape struct {
	Nodes []ShapeNode `json:"nodes"`
	Links []ShapeLink `json:"links"`
	Steps []string    `json:"steps"` // the calls, in order, as written
}

// ShapeNode is one node of a shape.
type ShapeNode struct {
	ID         int      `json:"id"`
	Tags       []string `json:"tags,omitempty"`
	Values     []string `json:"values,omitempty"`
	IsLinkNode bool     `json:"is_link_node"`
	IsFixed    bool     `json:"is_fixed"`
}

// ShapeLink joins two nodes through a link node.
type ShapeLink struct {
	Source   int `json:"source"`
	Target   int `json:"target"`
	LinkNode int `json:"link_node"`
}

// pathMethods are the Gizmo path methods the recorder knows.
var pathMethods = []string{
	"Out", "In", "Both", "Is", "Has", "HasR", "Tag", "As", "Back", "Save", "SaveR", "SaveOpt", "SaveOptR",
	"SaveInPredicates", "SaveOutPredicates", "Follow", "FollowR", "FollowRecursive", "And", "Intersect", "Or",
	"Union", "Except", "Difference", "Unique", "Limit", "Skip", "Count", "Labels", "InPredicates",
	"OutPredicates", "Filter", "Order", "LabelContext", "All", "GetLimit", "ToArray", "ToValue",
	"TagArray", "TagValue", "ForEach", "Map",
}

type step struct {
	name string
	args []string
}

// queryShape records the steps of a Gizmo query. The script runs until
// it ends or ctx does (a timeout, the memory budget).
func queryShape(ctx context.Context, q string) (*Shape, error) {
	vm := goja.New()
	var chains [][]step
	var newPath func(steps []step) goja.Value
	newPath = func(steps []step) goja.Value {
		obj := vm.NewObject()
		for _, m := range pathMethods {
			m := m
			obj.Set(m, func(call goja.FunctionCall) goja.Value {
				next := append(append([]step(nil), steps...), step{m, argStrings(call.Arguments)})
				chains = append(chains, next)
				return newPath(next)
			})
		}
		return obj
	}
	g := vm.NewObject()
	start := func(name string) func(goja.FunctionCall) goja.Value {
		return func(call goja.FunctionCall) goja.Value {
			s := []step{{name, argStrings(call.Arguments)}}
			chains = append(chains, s)
			return newPath(s)
		}
	}
	for _, n := range []string{"V", "Vertex", "M", "Morphism"} {
		g.Set(n, start(n))
	}
	g.Set("Emit", func(goja.FunctionCall) goja.Value { return goja.Undefined() })
	g.Set("IRI", func(call goja.FunctionCall) goja.Value { return vm.ToValue("<" + call.Argument(0).String() + ">") })
	vm.Set("g", g)
	vm.Set("graph", g)
	for _, f := range []string{"lt", "lte", "gt", "gte", "regex", "like"} {
		vm.Set(f, func(call goja.FunctionCall) goja.Value {
			return vm.ToValue(strings.Join(argStrings(call.Arguments), " "))
		})
	}
	stop := context.AfterFunc(ctx, func() { vm.Interrupt(context.Cause(ctx)) })
	defer stop()
	if _, err := vm.RunString(q); err != nil {
		if ctx.Err() != nil {
			return nil, queryErrOf(ctx)
		}
		var ex *goja.Exception
		if errors.As(err, &ex) {
			return nil, fmt.Errorf("%s", ex.Value().String())
		}
		return nil, err
	}
	if len(chains) == 0 {
		return nil, errors.New("the query builds no path (g.V(...)...)")
	}
	// The longest chain is the query's path; shorter ones are its prefixes
	// or helper morphisms.
	best := chains[0]
	for _, c := range chains {
		if len(c) >= len(best) {
			best = c
		}
	}
	return buildShape(best), nil
}

func argStrings(args []goja.Value) []string {
	var out []string
	for _, a := range args {
		if a == nil || goja.IsUndefined(a) {
			continue
		}
		if arr, ok := a.Export().([]any); ok {
			for _, x := range arr {
				out = append(out, fmt.Sprint(x))
			}
			continue
		}
		out = append(out, a.String())
	}
	return out
}

func buildShape(steps []step) *Shape {
	s := &Shape{Nodes: []ShapeNode{}, Links: []ShapeLink{}}
	add := func(n ShapeNode) int {
		n.ID = len(s.Nodes)
		s.Nodes = append(s.Nodes, n)
		return n.ID
	}
	cur := -1
	tags := map[string]int{}
	for _, st := range steps {
		s.Steps = append(s.Steps, fmt.Sprintf("%s(%s)", st.name, strings.Join(st.args, ", ")))
		switch st.name {
		case "V", "Vertex", "M", "Morphism":
			cur = add(ShapeNode{Values: st.args, IsFixed: len(st.args) > 0})
		case "Out", "In", "Both", "Has", "HasR", "Save", "SaveR", "SaveOpt", "SaveOptR":
			var pred []string
			if len(st.args) > 0 {
				pred = st.args[:1]
			}
			link := add(ShapeNode{Values: pred, IsLinkNode: true, IsFixed: len(pred) > 0})
			next := add(ShapeNode{})
			if (st.name == "Has" || st.name == "HasR") && len(st.args) > 1 {
				s.Nodes[next].Values, s.Nodes[next].IsFixed = st.args[1:], true
			}
			if st.name == "Save" || st.name == "SaveR" || st.name == "SaveOpt" || st.name == "SaveOptR" {
				if len(st.args) > 1 {
					s.Nodes[next].Tags = []string{st.args[1]}
				}
			}
			src, dst := cur, next
			if st.name == "In" || st.name == "HasR" || strings.HasSuffix(st.name, "R") {
				src, dst = next, cur
			}
			s.Links = append(s.Links, ShapeLink{Source: src, Target: dst, LinkNode: link})
			if st.name == "Out" || st.name == "In" || st.name == "Both" {
				cur = next
			}
		case "Tag", "As":
			if cur >= 0 {
				s.Nodes[cur].Tags = append(s.Nodes[cur].Tags, st.args...)
				for _, t := range st.args {
					tags[t] = cur
				}
			}
		case "Back":
			if len(st.args) > 0 {
				if n, ok := tags[st.args[0]]; ok {
					cur = n
				}
			}
		case "Is":
			if cur >= 0 {
				s.Nodes[cur].Values, s.Nodes[cur].IsFixed = st.args, true
			}
		}
	}
	return s
}

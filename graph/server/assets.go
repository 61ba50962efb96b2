package server

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"embed"
	"fmt"
	"io"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"slices"
	"strings"
	"time"

	"github.com/cayleygraph/cayley/ui"
)

//go:generate sh assets/fetch.sh

// vendorFS holds the console's third-party assets, fetched from the npm
// registry by assets/fetch.sh and committed: the Monaco editor (gzipped
// tar of its min/vs tree) and the Material Icons font.
//
//go:embed assets/monaco-vs.tgz assets/material-icons.woff2
var vendorFS embed.FS

// Where the patched console finds what it used to load from the web.
const (
	monacoPrefix = "/vendor/monaco/vs"
	iconsCSS     = "/vendor/material-icons.css"
)

// iconsStyle is the part of material-icons.css the console uses.
const iconsStyle = `@font-face{font-family:"Material Icons";font-style:normal;font-weight:400;font-display:block;src:url(/vendor/material-icons.woff2) format("woff2")}
.material-icons{font-family:"Material Icons";font-weight:normal;font-style:normal;font-size:24px;line-height:1;letter-spacing:normal;text-transform:none;display:inline-block;white-space:nowrap;word-wrap:normal;direction:ltr;-webkit-font-smoothing:antialiased;text-rendering:optimizeLegibility;font-feature-settings:"liga"}
`

// patch is one rewrite of the stock console bundle. The console is built
// with its API address fixed to http://localhost:64210 and loads its editor
// and icon font from public CDNs: opened from any other address, or
// offline, it cannot run a query. Every patch must apply, so that an
// upgrade of the bundle that moves these strings fails loudly (in the
// tests) instead of shipping a console that silently breaks.
type patch struct {
	file     string // path.Match pattern under web/
	old, new string
}

var patches = []patch{
	// An empty server URL makes every API call relative to the page's own
	// origin: the console then talks to whichever server served it.
	{"static/js/main.*.chunk.js", `"http://localhost:64210"`, `""`},
	{"static/js/2.*.chunk.js", `REACT_APP_SERVER_URL:"http://localhost:64210"`, `REACT_APP_SERVER_URL:""`},
	{"static/js/2.*.chunk.js", "https://cdn.jsdelivr.net/npm/monaco-editor@0.18.1/min/vs", monacoPrefix},
	{"static/css/main.*.chunk.css", "@import url(https://fonts.googleapis.com/icon?family=Material+Icons);", "@import url(" + iconsCSS + ");"},
	// The write page posts its quads without a type, which the browser
	// sends as text/plain: a type any other site may post too, so the
	// server refuses it for writes (see writeType). The page says what
	// they are.
	{"static/js/main.*.chunk.js", `fetch("".concat(e,"/api/v2/write"),{method:"POST",body:t})`, `fetch("".concat(e,"/api/v2/write"),{method:"POST",headers:{"Content-Type":"` + writeType + `"},body:t})`},
	{"static/js/main.*.chunk.js", `fetch("".concat(e,"/api/v2/delete"),{method:"POST",body:t})`, `fetch("".concat(e,"/api/v2/delete"),{method:"POST",headers:{"Content-Type":"` + writeType + `"},body:t})`},
}

// readOnlyPatches apply to the console of a read-only server, whose
// Write page could only fail: its tab goes.
var readOnlyPatches = []patch{
	{"static/js/main.*.chunk.js", `r.a.createElement(J.d,{activated:"write"===n,onClick:function(){return c("write")}},"Write")`, `null`},
}

// console is the web console, patched, in memory.
type console struct {
	files   map[string][]byte // URL path -> content
	modTime time.Time
}

func loadConsole(readOnly bool) (*console, error) {
	c := &console{files: map[string][]byte{}, modTime: time.Now()}
	web, err := fs.Sub(ui.FS, "web")
	if err != nil {
		return nil, err
	}
	patches := patches
	if readOnly {
		patches = append(slices.Clip(patches), readOnlyPatches...)
	}
	applied := make([]int, len(patches))
	err = fs.WalkDir(web, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(web, p)
		if err != nil {
			return err
		}
		for i, pt := range patches {
			if ok, _ := path.Match(pt.file, p); ok && bytes.Contains(b, []byte(pt.old)) {
				b = bytes.ReplaceAll(b, []byte(pt.old), []byte(pt.new))
				applied[i]++
			}
		}
		c.files["/"+p] = b
		return nil
	})
	if err != nil {
		return nil, err
	}
	for i, n := range applied {
		if n == 0 {
			return nil, fmt.Errorf("server: console patch %q did not apply: the console bundle changed", patches[i].old)
		}
	}
	// The service worker would cache the console for offline use and then
	// serve a stale copy after an upgrade; this server is local anyway.
	delete(c.files, "/service-worker.js")
	c.files[iconsCSS] = []byte(iconsStyle)
	if c.files["/vendor/material-icons.woff2"], err = vendorFS.ReadFile("assets/material-icons.woff2"); err != nil {
		return nil, err
	}
	tgz, err := vendorFS.Open("assets/monaco-vs.tgz")
	if err != nil {
		return nil, err
	}
	defer tgz.Close()
	zr, err := gzip.NewReader(tgz)
	if err != nil {
		return nil, err
	}
	tr := tar.NewReader(zr)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("server: reading the Monaco archive: %w", err)
		}
		if h.Typeflag != tar.TypeReg {
			continue
		}
		b, err := io.ReadAll(tr)
		if err != nil {
			return nil, err
		}
		c.files["/vendor/monaco/"+strings.TrimPrefix(h.Name, "./")] = b
	}
	if c.files[monacoPrefix+"/loader.js"] == nil {
		return nil, fmt.Errorf("server: the Monaco archive has no vs/loader.js")
	}
	return c, nil
}

// ServeHTTP serves a console file; any other path gets the page, since
// the console routes on the client (/query, /visualize, ...).
func (c *console) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	p := r.URL.Path
	b, ok := c.files[p]
	if !ok {
		if strings.HasPrefix(p, "/static/") || strings.HasPrefix(p, "/vendor/") {
			http.NotFound(w, r)
			return
		}
		p, b = "/index.html", c.files["/index.html"]
	}
	if ct := mime.TypeByExtension(path.Ext(p)); ct != "" {
		w.Header().Set("Content-Type", ct)
	}
	http.ServeContent(w, r, p, c.modTime, bytes.NewReader(b))
}

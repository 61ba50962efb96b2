package server

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/hex"
	"errors"
	"mime"
	"net"
	"net/http"
	"net/url"
	"strings"
)

// Writes change the store, so a server that accepts them (--allow-writes)
// asks each write for a token, printed when the server starts, as
// Jupyter does: a page on another site cannot know it, and the guard
// keeps such pages from reading it out of the server (see guard.go).
// The console gets it as a cookie: opening the printed address,
// /?token=..., sets an HttpOnly, SameSite=Strict cookie, which scripts
// cannot read and other sites' requests do not carry.

// TokenHeader carries the write token, as does "Authorization: Bearer".
const TokenHeader = "X-Newsgraph-Token"

// writeType is the one content type writes accept. The two types a page
// on another site may post without asking first (a CORS "simple"
// request), text/plain and application/x-www-form-urlencoded, are
// refused, and so is a missing type, which Cayley would read as N-Quads.
const writeType = "application/n-quads"

func newToken() (string, error) {
	b := make([]byte, 24)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	return hex.EncodeToString(b), nil
}

// tokenCookie names the console's token cookie. Cookies are kept per
// host, not per port, so the port keeps two servers' tokens apart.
func tokenCookie(r *http.Request) string {
	_, port, _ := net.SplitHostPort(r.Host)
	return "newsgraph_token_" + port
}

// checkWrite admits a write, or says why not and with what status.
func (s *Server) checkWrite(r *http.Request) (int, error) {
	if !s.cfg.AllowWrites {
		return http.StatusForbidden, errors.New("this server is read-only; start it with --allow-writes to accept writes")
	}
	if !s.validToken(requestToken(r)) {
		return http.StatusUnauthorized, errors.New("writes need the token printed when the server started: send it as \"Authorization: Bearer TOKEN\" or " + TokenHeader + ", or open the console at /?token=TOKEN")
	}
	if mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type")); err != nil || mt != writeType {
		return http.StatusUnsupportedMediaType, errors.New("writes are N-Quads: send them as Content-Type: " + writeType)
	}
	return 0, nil
}

// requestToken is the token a request carries, by header or cookie.
func requestToken(r *http.Request) string {
	if t, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer "); ok {
		return strings.TrimSpace(t)
	}
	if t := r.Header.Get(TokenHeader); t != "" {
		return t
	}
	if c, err := r.Cookie(tokenCookie(r)); err == nil {
		return c.Value
	}
	return ""
}

func (s *Server) validToken(t string) bool {
	return s.cfg.WriteToken != "" && subtle.ConstantTimeCompare([]byte(t), []byte(s.cfg.WriteToken)) == 1
}

// serveConsole serves the console. Opened with a valid ?token=, it sets
// the token cookie and sends the browser on to the same page without the
// token, so that the token stays out of the address bar and history.
func (s *Server) serveConsole(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	if !q.Has("token") {
		s.console.ServeHTTP(w, r)
		return
	}
	if !s.validToken(q.Get("token")) {
		writeJSON(w, http.StatusUnauthorized, errorBody{Error: "wrong token: use the address the server printed when it started", Kind: "write"})
		return
	}
	http.SetCookie(w, &http.Cookie{Name: tokenCookie(r), Value: s.cfg.WriteToken, Path: "/",
		HttpOnly: true, SameSite: http.SameSiteStrictMode})
	q.Del("token")
	u := url.URL{Path: r.URL.Path, RawQuery: q.Encode()}
	http.Redirect(w, r, u.String(), http.StatusSeeOther)
}

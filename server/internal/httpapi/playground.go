package httpapi

import (
	"embed"
	"errors"
	"io/fs"
	"net/http"
	"strings"
)

// playgroundFiles holds the playground as `make playground` builds it:
// GraphiQL and React's browser builds and the page that starts them, all
// served from the binary because an on-premises machine may have no
// internet. The pattern starts with all: so that the committed
// placeholder dist/.keep matches and the package builds before the assets
// exist.
//
//go:embed all:playground/dist
var playgroundFiles embed.FS

// playgroundIndex is the page; the build writes it last, so its presence
// means the assets beside it are complete.
const playgroundIndex = "index.html"

// playgroundCSP lets the page load scripts, styles and fonts from this
// server only and send queries only here. GraphiQL sets inline styles and
// embeds its fonts and icons as data: URLs.
const playgroundCSP = "default-src 'self'; script-src 'self'; " +
	"style-src 'self' 'unsafe-inline'; font-src 'self' data:; " +
	"img-src 'self' data:; connect-src 'self'; base-uri 'none'; " +
	"form-action 'none'; frame-ancestors 'none'"

// notBuiltPage answers in place of the playground when the binary was
// built without its assets, and says how to fix that.
const notBuiltPage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>Throughline — playground not built</title></head>
<body><h1>The GraphQL playground is not built into this binary</h1>
<p>Run <code>make playground</code> (or <code>make build</code>) and rebuild
the server. The GraphQL API itself works: POST queries to /query.</p>
</body></html>
`

// playgroundDist is the embedded dist folder.
func playgroundDist() fs.FS {
	dist, err := fs.Sub(playgroundFiles, "playground/dist")
	if err != nil {
		panic(err) // the pattern above guarantees the folder exists
	}
	return dist
}

// playgroundPage serves the GraphiQL page at /.
func playgroundPage() http.Handler { return newPlaygroundPage(playgroundDist()) }

// playgroundAssets serves the page's scripts and styles under
// /playground/.
func playgroundAssets() http.Handler { return newPlaygroundAssets(playgroundDist()) }

// newPlaygroundPage serves dist's index.html, or a 503 page saying how to
// build it when dist holds no build.
func newPlaygroundPage(dist fs.FS) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		page, err := fs.ReadFile(dist, playgroundIndex)
		if errors.Is(err, fs.ErrNotExist) {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.WriteHeader(http.StatusServiceUnavailable)
			_, _ = w.Write([]byte(notBuiltPage))
			return
		}
		if err != nil {
			http.Error(w, "playground unavailable", http.StatusInternalServerError)
			return
		}
		h := w.Header()
		h.Set("Content-Type", "text/html; charset=utf-8")
		h.Set("Content-Security-Policy", playgroundCSP)
		h.Set("Cache-Control", "no-cache")
		noSniff(w)
		_, _ = w.Write(page)
	})
}

// newPlaygroundAssets serves dist's files by name under /playground/.
// The embedded files carry no modification time, so browsers are told to
// check again rather than keep a stale copy after an upgrade.
func newPlaygroundAssets(dist fs.FS) http.Handler {
	files := http.StripPrefix("/playground/", http.FileServerFS(dist))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, "/") {
			http.NotFound(w, r) // no folder listings
			return
		}
		w.Header().Set("Cache-Control", "no-cache")
		noSniff(w)
		files.ServeHTTP(w, r)
	})
}

// noSniff stops browsers from running a file as a type other than the one
// the server declared.
func noSniff(w http.ResponseWriter) {
	w.Header().Set("X-Content-Type-Options", "nosniff")
}

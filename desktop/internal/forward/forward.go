// Package forward sends the frontend's API requests on to the Throughline
// server the person connected to. The desktop app serves its frontend
// from the webview's own origin and mounts this handler behind it, so the
// frontend asks the same relative /query in the app as in a browser, no
// CORS is involved, and the token is added here, out of JavaScript's reach.
package forward

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/http/httputil"
	"net/url"
	"strings"
	"time"

	"throughline.dev/desktop/internal/connection"
)

// Source answers the current connection. It is asked on every request,
// so that a new connection applies to the very next one.
type Source func() (connection.Connection, error)

// DefaultTimeout bounds one request to the server, answer included.
const DefaultTimeout = 30 * time.Second

// Handler forwards the API's paths and answers 404 to every other.
type Handler struct {
	source    Source
	timeout   time.Duration
	transport http.RoundTripper
}

// New returns a handler that forwards to the connection source answers,
// giving each request timeout to complete (DefaultTimeout when zero).
func New(source Source, timeout time.Duration) *Handler {
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	return &Handler{source: source, timeout: timeout, transport: newTransport(timeout)}
}

// dialTimeout bounds connecting: a server that takes longer to accept a
// connection is as good as unreachable.
const dialTimeout = 10 * time.Second

func newTransport(timeout time.Duration) *http.Transport {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.DialContext = (&net.Dialer{Timeout: min(dialTimeout, timeout), KeepAlive: 30 * time.Second}).DialContext
	t.ResponseHeaderTimeout = timeout
	return t
}

// ServeHTTP implements http.Handler.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if !forwarded(r.URL.Path) {
		http.NotFound(w, r)
		return
	}
	if !methodAllowed(r) {
		w.Header().Set("Allow", allowed(r.URL.Path))
		plain(w, http.StatusMethodNotAllowed, r.Method+" is not allowed on "+r.URL.Path+".")
		return
	}

	conn, err := h.source()
	if err != nil {
		plain(w, http.StatusServiceUnavailable, "The connection settings cannot be read: "+err.Error())
		return
	}
	if conn.Server == "" {
		plain(w, http.StatusServiceUnavailable, "No Throughline server is set up yet: connect to one first.")
		return
	}
	target, err := url.Parse(conn.Server)
	if err != nil {
		plain(w, http.StatusServiceUnavailable,
			fmt.Sprintf("The stored server address %q is not valid: connect again.", conn.Server))
		return
	}

	ctx, cancel := context.WithTimeout(r.Context(), h.timeout)
	defer cancel()
	h.proxy(target, conn.Token).ServeHTTP(w, r.WithContext(ctx))
}

// forwarded reports whether the server has path: the GraphQL endpoint,
// and the handover packs it serves as Markdown files.
func forwarded(path string) bool {
	if path == "/query" {
		return true
	}
	file, ok := strings.CutPrefix(path, "/handover-packs/")
	return ok && file != "" && !strings.Contains(file, "/") && strings.HasSuffix(file, ".md")
}

func methodAllowed(r *http.Request) bool {
	if r.URL.Path == "/query" {
		return r.Method == http.MethodPost || r.Method == http.MethodGet
	}
	return r.Method == http.MethodGet
}

func allowed(path string) string {
	if path == "/query" {
		return "GET, POST"
	}
	return "GET"
}

// proxy returns a reverse proxy to target for one request. Whatever
// credentials the webview sent are dropped: the token from the stored
// connection is the only one the server sees.
func (h *Handler) proxy(target *url.URL, token string) *httputil.ReverseProxy {
	return &httputil.ReverseProxy{
		Rewrite: func(pr *httputil.ProxyRequest) {
			pr.SetURL(target)
			pr.Out.Header.Del("Authorization")
			pr.Out.Header.Del("Cookie")
			if token != "" {
				pr.Out.Header.Set("Authorization", "Bearer "+token)
			}
		},
		Transport: h.transport,
		ErrorHandler: func(w http.ResponseWriter, r *http.Request, err error) {
			h.failed(w, r, target, err)
		},
	}
}

// failed answers a request the server did not answer: 502 when no
// connection could be made, 504 when the server took too long to answer.
// The frontend shows these bodies to the person, so they name the
// address and say what to check.
func (h *Handler) failed(w http.ResponseWriter, r *http.Request, target *url.URL, err error) {
	if r.Context().Err() != nil && !errors.Is(r.Context().Err(), context.DeadlineExceeded) {
		return // the webview gave up on the request; nobody reads an answer
	}
	addr := target.Redacted()
	slog.Warn("forward: server did not answer", "server", addr, "path", r.URL.Path, "err", err)
	if !isDial(err) && (errors.Is(err, context.DeadlineExceeded) || isTimeout(err)) {
		plain(w, http.StatusGatewayTimeout, fmt.Sprintf(
			"The Throughline server at %s did not answer within %s. "+
				"Try again, or check that it is running well.",
			addr, h.timeout))
		return
	}
	plain(w, http.StatusBadGateway, fmt.Sprintf(
		"No Throughline server answers at %s (%v). Check the address, "+
			"and that the server is running and reachable from this computer.",
		addr, err))
}

func isDial(err error) bool {
	var op *net.OpError
	return errors.As(err, &op) && op.Op == "dial"
}

func isTimeout(err error) bool {
	var ne net.Error
	return errors.As(err, &ne) && ne.Timeout()
}

func plain(w http.ResponseWriter, status int, msg string) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	_, _ = fmt.Fprintln(w, msg)
}

package main

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"time"

	"throughline.dev/graph/gql"
	"throughline.dev/server/internal/app"
	"throughline.dev/server/internal/httpapi"
)

type serveCmd struct {
	Listen string `env:"THROUGHLINE_LISTEN" default:"127.0.0.1:8080" help:"Address to listen on."`
	NoSeed bool   `name:"no-seed" env:"THROUGHLINE_NO_SEED" help:"Start on an empty database without seeding the demo organisation, for admins who import their own data."`

	TLSCert string `name:"tls-cert" env:"THROUGHLINE_TLS_CERT" type:"existingfile" help:"PEM certificate (chain) to serve HTTPS with; needs --tls-key."`
	TLSKey  string `name:"tls-key" env:"THROUGHLINE_TLS_KEY" type:"existingfile" help:"PEM private key of --tls-cert."`

	// Limits on requests; the defaults are httpapi.DefaultMaxBodyBytes and
	// gql.DefaultLimits, where each is explained.
	MaxBodyBytes  int64 `name:"max-body-bytes" env:"THROUGHLINE_MAX_BODY_BYTES" default:"${max_body_bytes}" help:"Largest request body in bytes; a larger one gets 413."`
	MaxTokens     int   `name:"max-tokens" env:"THROUGHLINE_MAX_TOKENS" default:"${max_tokens}" help:"Most lexical tokens in one GraphQL document."`
	MaxFields     int   `name:"max-fields" env:"THROUGHLINE_MAX_FIELDS" default:"${max_fields}" help:"Most fields one GraphQL document selects, counted as written."`
	MaxAliases    int   `name:"max-aliases" env:"THROUGHLINE_MAX_ALIASES" default:"${max_aliases}" help:"Most aliases in one GraphQL document."`
	MaxDirectives int   `name:"max-directives" env:"THROUGHLINE_MAX_DIRECTIVES" default:"${max_directives}" help:"Most directives in one GraphQL document."`
	MaxDepth      int   `name:"max-depth" env:"THROUGHLINE_MAX_DEPTH" default:"${max_depth}" help:"Deepest nesting of fields in a query."`
	MaxComplexity int   `name:"max-complexity" env:"THROUGHLINE_MAX_COMPLEXITY" default:"${max_complexity}" help:"Highest cost of a query: 1 per field, with what a list selects counted once per item of its page."`
}

// httpOptions are the request limits the flags set.
func (s *serveCmd) httpOptions() httpapi.Options {
	return httpapi.Options{
		MaxBodyBytes: s.MaxBodyBytes,
		Limits: gql.Limits{
			Tokens: s.MaxTokens, Fields: s.MaxFields, Aliases: s.MaxAliases,
			Directives: s.MaxDirectives, Depth: s.MaxDepth, Complexity: s.MaxComplexity,
		},
	}
}

func (s *serveCmd) Run(ctx context.Context, c *cli) error {
	// The lock comes first, so that a second server on the same data
	// directory is refused before it migrates anything. On PostgreSQL each
	// server has a data directory of its own and they share the database.
	if err := holdDataDir(c.DataDir); err != nil {
		return err
	}
	a, err := c.open(ctx)
	if err != nil {
		return err
	}
	defer a.Close()
	if err := s.firstStart(ctx, a, c.place()); err != nil {
		return err
	}

	deps, err := a.HTTPDeps()
	if err != nil {
		return err
	}
	handler := httpapi.New(deps, s.httpOptions())
	ln, err := net.Listen("tcp", s.Listen)
	if err != nil {
		return err
	}
	// Timeouts keep a slow or stalled client from holding a connection:
	// bodies are at most a megabyte, so a minute to send one is generous.
	srv := &http.Server{
		Handler:           handler,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       time.Minute,
		WriteTimeout:      2 * time.Minute,
		IdleTimeout:       2 * time.Minute,
	}
	if ln, err = s.withTLS(ln); err != nil {
		return err
	}
	slog.Info("serving", "addr", s.scheme()+"://"+ln.Addr().String(), "data", c.DataDir,
		"database", c.place().String())
	return serveUntilDone(ctx, srv, ln)
}

// firstStart issues the bootstrap admin token and seeds the demo when the
// database is new. Servers started together on one PostgreSQL database
// take turns (storage.Store.Exclusively): the first does it, and the
// others find it done.
func (s *serveCmd) firstStart(ctx context.Context, a *app.App, place app.Place) error {
	return a.Store.Exclusively(ctx, func() error {
		if err := writeAdminTokenOnFirstStart(ctx, a, place.DataDir); err != nil {
			return err
		}
		if s.NoSeed {
			return nil
		}
		return seedOnFirstStart(ctx, place)
	})
}

// withTLS wraps the listener in TLS when a certificate and key are given.
// Both or neither: half a configuration is a mistake to report, not to
// guess around.
func (s *serveCmd) withTLS(ln net.Listener) (net.Listener, error) {
	if (s.TLSCert == "") != (s.TLSKey == "") {
		ln.Close()
		return nil, errors.New("--tls-cert and --tls-key go together: give both or neither")
	}
	if s.TLSCert == "" {
		return ln, nil
	}
	cert, err := tls.LoadX509KeyPair(s.TLSCert, s.TLSKey)
	if err != nil {
		ln.Close()
		return nil, fmt.Errorf("load TLS certificate: %w", err)
	}
	cfg := &tls.Config{Certificates: []tls.Certificate{cert}, MinVersion: tls.VersionTLS12}
	return tls.NewListener(ln, cfg), nil
}

func (s *serveCmd) scheme() string {
	if s.TLSCert != "" {
		return "https"
	}
	return "http"
}

// serveUntilDone serves until ctx ends, then lets requests in flight finish.
func serveUntilDone(ctx context.Context, srv *http.Server, ln net.Listener) error {
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	slog.Info("shutting down")
	shutdown, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdown); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

type migrateCmd struct{}

func (m *migrateCmd) Run(ctx context.Context, c *cli) error {
	a, err := c.open(ctx)
	if err != nil {
		return err
	}
	defer a.Close()
	v, err := a.Store.SchemaVersion(ctx)
	if err != nil {
		return err
	}
	slog.Info("database is up to date", "schema_version", v)
	return nil
}

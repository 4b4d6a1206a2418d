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

	"github.com/alecthomas/kong"

	throughline "throughline.dev/graph"
	"throughline.dev/graph/gql"
	"throughline.dev/graph/storage"
	"throughline.dev/server/internal/app"
	"throughline.dev/server/internal/httpapi"
)

type serveCmd struct {
	ServeSettings `embed:""`
}

// ServeSettings are the flags of serve. `config check` takes them too, so
// that it checks the very values serve would run with.
type ServeSettings struct {
	Listen string `name:"listen" env:"THROUGHLINE_LISTEN" default:"127.0.0.1:8080" help:"Address to listen on, host:port."`
	NoSeed bool   `name:"no-seed" env:"THROUGHLINE_NO_SEED" help:"Start on an empty database without seeding the demo organisation, for admins who import their own data."`

	TLSCert string `name:"tls-cert" env:"THROUGHLINE_TLS_CERT" type:"path" placeholder:"FILE" help:"PEM certificate (chain) to serve HTTPS with; needs --tls-key."`
	TLSKey  string `name:"tls-key" env:"THROUGHLINE_TLS_KEY" type:"path" placeholder:"FILE" help:"PEM private key of --tls-cert."`

	// Limits on requests; the defaults are httpapi.DefaultMaxBodyBytes and
	// gql.DefaultLimits, where each is explained.
	MaxBodyBytes  int64 `name:"max-body-bytes" env:"THROUGHLINE_MAX_BODY_BYTES" default:"${max_body_bytes}" help:"Largest request body in bytes; a larger one gets 413."`
	MaxTokens     int   `name:"max-tokens" env:"THROUGHLINE_MAX_TOKENS" default:"${max_tokens}" help:"Most lexical tokens in one GraphQL document."`
	MaxFields     int   `name:"max-fields" env:"THROUGHLINE_MAX_FIELDS" default:"${max_fields}" help:"Most fields one GraphQL document selects, counted as written."`
	MaxAliases    int   `name:"max-aliases" env:"THROUGHLINE_MAX_ALIASES" default:"${max_aliases}" help:"Most aliases in one GraphQL document."`
	MaxDirectives int   `name:"max-directives" env:"THROUGHLINE_MAX_DIRECTIVES" default:"${max_directives}" help:"Most directives in one GraphQL document."`
	MaxFragments  int   `name:"max-fragments" env:"THROUGHLINE_MAX_FRAGMENTS" default:"${max_fragments}" help:"Most fragment definitions in one GraphQL document."`
	MaxDepth      int   `name:"max-depth" env:"THROUGHLINE_MAX_DEPTH" default:"${max_depth}" help:"Deepest nesting of fields in a query."`
	MaxComplexity int   `name:"max-complexity" env:"THROUGHLINE_MAX_COMPLEXITY" default:"${max_complexity}" help:"Highest cost of a query: 1 per field, with what a list selects counted once per item of its page."`

	// Timeouts keep a slow or stalled client from holding a connection:
	// bodies are at most a megabyte, so a minute to send one is generous.
	ReadHeaderTimeout time.Duration `name:"read-header-timeout" env:"THROUGHLINE_READ_HEADER_TIMEOUT" default:"10s" help:"Longest wait for a request's headers."`
	ReadTimeout       time.Duration `name:"read-timeout" env:"THROUGHLINE_READ_TIMEOUT" default:"1m" help:"Longest wait for a whole request, body included."`
	WriteTimeout      time.Duration `name:"write-timeout" env:"THROUGHLINE_WRITE_TIMEOUT" default:"2m" help:"Longest time to answer a request."`
	IdleTimeout       time.Duration `name:"idle-timeout" env:"THROUGHLINE_IDLE_TIMEOUT" default:"2m" help:"How long an idle keep-alive connection stays open."`
	ShutdownDelay     time.Duration `name:"shutdown-delay" env:"THROUGHLINE_SHUTDOWN_DELAY" default:"0s" help:"On SIGTERM, how long to go on serving with /readyz answering 503 before closing the listener, so that load balancers stop sending requests first."`
	ShutdownTimeout   time.Duration `name:"shutdown-timeout" env:"THROUGHLINE_SHUTDOWN_TIMEOUT" default:"10s" help:"Then, how long requests in flight get to finish."`

	Metrics      bool   `name:"metrics" env:"THROUGHLINE_METRICS" default:"true" help:"Serve Prometheus metrics at /metrics; --metrics=false turns them off."`
	MetricsToken string `name:"metrics-token" env:"THROUGHLINE_METRICS_TOKEN" placeholder:"SECRET" help:"Bearer token a scrape of /metrics must send; without one, anyone who reaches the server may scrape."`
}

// httpOptions are the options of the HTTP API the flags set; stopping
// closes when the server begins to shut down.
func (s *ServeSettings) httpOptions(stopping <-chan struct{}) httpapi.Options {
	return httpapi.Options{
		MaxBodyBytes: s.MaxBodyBytes,
		Limits: gql.Limits{
			Tokens: s.MaxTokens, Fields: s.MaxFields, Aliases: s.MaxAliases,
			Directives: s.MaxDirectives, Fragments: s.MaxFragments, Depth: s.MaxDepth,
			Complexity: s.MaxComplexity,
		},
		Metrics: httpapi.MetricsOptions{
			Enabled: s.Metrics, Token: s.MetricsToken, Build: buildInfo().http(),
		},
		LogRequests: true,
		Stopping:    stopping,
	}
}

func (s *serveCmd) Run(ctx context.Context, c *cli, kctx *kong.Context) error {
	// Every mistake in the settings at once, before anything is touched.
	if err := problemsError(checkSettings(c, &s.ServeSettings, originsIn(kctx, c.file))); err != nil {
		return err
	}
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
	if deps.Schema, err = newSchemaCheck(ctx, a.Store); err != nil {
		return err
	}
	// ctx ends with SIGTERM or SIGINT: from then on /readyz says so.
	handler := httpapi.New(deps, s.httpOptions(ctx.Done()))
	ln, err := net.Listen("tcp", s.Listen)
	if err != nil {
		return err
	}
	srv := &http.Server{
		Handler:           handler,
		ReadHeaderTimeout: s.ReadHeaderTimeout,
		ReadTimeout:       s.ReadTimeout,
		WriteTimeout:      s.WriteTimeout,
		IdleTimeout:       s.IdleTimeout,
	}
	if ln, err = s.withTLS(ln); err != nil {
		return err
	}
	slog.Info("serving", "addr", s.scheme()+"://"+ln.Addr().String(), "data", c.DataDir,
		"database", c.place().String(), "version", throughline.Version)
	return serveUntilDone(ctx, srv, ln, s.ShutdownDelay, s.ShutdownTimeout)
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
// checkSettings has made sure they go together and load.
func (s *serveCmd) withTLS(ln net.Listener) (net.Listener, error) {
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

// serveUntilDone serves until ctx ends. Then, /readyz answering 503
// already, it goes on serving for delay, so that load balancers see it
// and send no more; and last it closes the listener and lets requests in
// flight finish, for at most timeout.
func serveUntilDone(ctx context.Context, srv *http.Server, ln net.Listener,
	delay, timeout time.Duration,
) error {
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	if delay > 0 {
		slog.Info("shutting down: not ready, still serving", "for", delay.String())
		time.Sleep(delay)
	}
	slog.Info("shutting down")
	shutdown, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	if err := srv.Shutdown(shutdown); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// schemaCheck tells /readyz whether the database's schema is still the
// version this server migrated it to when it started: a newer server on
// the same PostgreSQL database may have migrated it further.
type schemaCheck struct {
	store *storage.Store
	want  int64
}

func newSchemaCheck(ctx context.Context, store *storage.Store) (*schemaCheck, error) {
	v, err := store.SchemaVersion(ctx)
	if err != nil {
		return nil, err
	}
	return &schemaCheck{store: store, want: v}, nil
}

// CheckSchema implements httpapi.SchemaChecker.
func (c *schemaCheck) CheckSchema(ctx context.Context) error {
	v, err := c.store.SchemaVersion(ctx)
	if err != nil {
		return err
	}
	if v != c.want {
		return fmt.Errorf("the database schema is at version %d; this server runs on version %d", v, c.want)
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

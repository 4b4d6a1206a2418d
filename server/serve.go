package main

import (
	"context"
	"errors"
	"log/slog"
	"net"
	"net/http"
	"time"

	"throughline.dev/server/internal/app"
	"throughline.dev/server/internal/httpapi"
)

type serveCmd struct {
	Listen string `env:"THROUGHLINE_LISTEN" default:"127.0.0.1:8080" help:"Address to listen on."`
	NoSeed bool   `name:"no-seed" env:"THROUGHLINE_NO_SEED" help:"Start on an empty database without seeding the demo organisation, for admins who import their own data."`
}

func (s *serveCmd) Run(ctx context.Context, c *cli) error {
	a, err := app.Open(ctx, c.DataDir)
	if err != nil {
		return err
	}
	defer a.Close()
	if err := writeAdminTokenOnFirstStart(ctx, a, c.DataDir); err != nil {
		return err
	}
	if !s.NoSeed {
		if err := seedOnFirstStart(ctx, c.DataDir); err != nil {
			return err
		}
	}

	deps, err := a.HTTPDeps()
	if err != nil {
		return err
	}
	handler := httpapi.New(deps, httpapi.Options{})
	ln, err := net.Listen("tcp", s.Listen)
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: handler, ReadHeaderTimeout: 10 * time.Second}
	slog.Info("serving", "addr", "http://"+ln.Addr().String(), "data", c.DataDir)
	return serveUntilDone(ctx, srv, ln)
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
	a, err := app.Open(ctx, c.DataDir)
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

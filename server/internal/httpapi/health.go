package httpapi

import (
	"context"
	"encoding/json"
	"log/slog"
	"net/http"
	"sync"
	"time"
)

// SchemaChecker reports whether the database's schema is the one the
// server runs on: another server sharing the database may have migrated
// it further since this one started.
type SchemaChecker interface {
	CheckSchema(ctx context.Context) error
}

// readyTimeout bounds the checks behind /readyz: a database that takes
// longer to answer is as good as down for the requests a load balancer
// would send.
const readyTimeout = 2 * time.Second

// live answers /healthz: the process is up and serving HTTP. It asks
// nothing of the database, so that a supervisor never restarts a server
// only because its database is away; /readyz tells that.
func live() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		writeStatus(w, http.StatusOK, map[string]string{"status": "ok"})
	})
}

// ready answers /readyz: 200 while the server should get requests, 503
// with a reason while it should not: it is shutting down, the database
// does not answer, or its schema is not the one this server runs on.
func ready(d Deps, stopping <-chan struct{}) http.Handler {
	var state readiness
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		reason, err := notReady(r.Context(), d, stopping)
		state.note(reason, err)
		if reason != "" {
			writeStatus(w, http.StatusServiceUnavailable,
				map[string]string{"status": "not ready", "reason": reason})
			return
		}
		writeStatus(w, http.StatusOK, map[string]string{"status": "ready"})
	})
}

// notReady returns why the server should get no requests, "" when it
// should. The reason is for anyone who can reach /readyz; err, with the
// details, is for the log only.
func notReady(ctx context.Context, d Deps, stopping <-chan struct{}) (string, error) {
	select {
	case <-stopping:
		return "shutting down", nil
	default:
	}
	ctx, cancel := context.WithTimeout(ctx, readyTimeout)
	defer cancel()
	if err := d.DB.PingContext(ctx); err != nil {
		return "database unavailable", err
	}
	if d.Schema == nil {
		return "", nil
	}
	if err := d.Schema.CheckSchema(ctx); err != nil {
		return "database schema is not the one this server runs on", err
	}
	return "", nil
}

// readiness logs when the answer of /readyz changes, not at every probe:
// a load balancer asks every few seconds.
type readiness struct {
	mu   sync.Mutex
	last string
}

func (s *readiness) note(reason string, err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if reason == s.last {
		return
	}
	s.last = reason
	if reason == "" {
		slog.Info("ready again")
		return
	}
	if err != nil {
		slog.Warn("not ready", "reason", reason, "err", err)
		return
	}
	slog.Warn("not ready", "reason", reason)
}

func writeStatus(w http.ResponseWriter, status int, body map[string]string) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(body)
}

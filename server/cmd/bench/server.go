package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"os"
	"time"

	"throughline.dev/graph/gql"
	"throughline.dev/graph/storage"
	"throughline.dev/server/internal/app"
	"throughline.dev/server/internal/httpapi"
)

// today anchors the synthetic data and the server's clock, so runs agree.
var today = time.Date(2026, 11, 16, 9, 0, 0, 0, time.UTC)

// benchServer is the server under measurement: the server's own HTTP
// handler on a real listener, on a store that counts its statements. It
// adds one route, /bench/stats, for the figures only the server's process
// knows.
type benchServer struct {
	app     *app.App
	counter *storage.StatementCounter
	memory  *memoryWatch
	srv     *http.Server
	URL     string
}

// startServer does what `throughline serve` does before its first answer:
// it opens (and migrates) the store, builds the handler and listens on a
// free port of 127.0.0.1.
func startServer(ctx context.Context, p app.Place, slow time.Duration) (*benchServer, error) {
	s := &benchServer{counter: newCounter(slow), memory: watchMemory()}
	a, err := app.OpenAt(ctx, p, storage.Options{
		Logger: s.counter, Now: func() time.Time { return today },
	})
	if err != nil {
		return nil, err
	}
	s.app = a
	deps, err := a.HTTPDeps()
	if err != nil {
		a.Close()
		return nil, err
	}
	mux := http.NewServeMux()
	mux.Handle("/", httpapi.New(deps, httpapi.Options{Limits: benchLimits}))
	mux.HandleFunc("GET /bench/stats", s.stats)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		a.Close()
		return nil, err
	}
	s.srv = &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	s.URL = "http://" + ln.Addr().String()
	go s.srv.Serve(ln)
	return s, nil
}

// benchLimits are the server's default limits but for complexity: the
// 52 packs of the handover screen cost 9,101 by the server's rule, over
// the default 5,000. An admin raises it the same way (--max-complexity).
var benchLimits = gql.Limits{Complexity: 20000}

// newCounter counts statements and, with -slow, prints the slow ones.
func newCounter(slow time.Duration) *storage.StatementCounter {
	c := &storage.StatementCounter{Slow: slow}
	if slow > 0 {
		c.OnSlow = func(sql string, took time.Duration) {
			fmt.Fprintf(os.Stderr, "slow (%v): %.400s\n", took, sql)
		}
	}
	return c
}

// Close stops listening and closes the store.
func (s *benchServer) Close() error {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	s.srv.Shutdown(ctx)
	s.memory.stop()
	return s.app.Close()
}

// serverStats is what /bench/stats answers.
type serverStats struct {
	Statements  int64   `json:"statements"`
	SQLNanos    int64   `json:"sql_nanos"`
	PeakRSSMiB  float64 `json:"peak_rss_mib"`
	PeakHeapMiB float64 `json:"peak_heap_mib"`
}

func (s *benchServer) stats(w http.ResponseWriter, _ *http.Request) {
	n, took := s.counter.Counts()
	st := serverStats{Statements: n, SQLNanos: int64(took), PeakHeapMiB: s.memory.peakMiB()}
	st.PeakRSSMiB, _ = peakRSSMiB()
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(st)
}

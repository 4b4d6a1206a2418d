package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"throughline.dev/server/internal/app"
)

// The server runs in a process of its own, this program started again
// with -serve, so that its peak memory and its time from start to first
// answer are the server's alone, not the load generator's.

// listeningPrefix starts the line a server process prints once it listens.
const listeningPrefix = "listening "

// serveMain is the server process: it serves until its standard input
// closes (the parent ended, however it ended) or it is interrupted.
func serveMain(p app.Place, slow time.Duration) error {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	s, err := startServer(ctx, p, slow)
	if err != nil {
		return err
	}
	defer s.Close()
	fmt.Println(listeningPrefix + s.URL)
	stdinClosed := make(chan struct{})
	go func() {
		_, _ = io.Copy(io.Discard, os.Stdin)
		close(stdinClosed)
	}()
	select {
	case <-ctx.Done():
	case <-stdinClosed:
	}
	return nil
}

// serverProcess is a running server process, seen from the parent.
type serverProcess struct {
	cmd     *exec.Cmd
	stdin   io.WriteCloser
	URL     string
	started time.Time
}

// spawnServer starts a server process on the database and returns once it
// listens. started is taken just before the process is started. The
// server's log, a line per request, goes to log; with -slow it goes to
// stderr, with the statements.
func spawnServer(p app.Place, slow time.Duration, log io.Writer) (*serverProcess, error) {
	self, err := os.Executable()
	if err != nil {
		return nil, err
	}
	args := []string{"-serve", "-serve-data-dir", p.DataDir, "-slow", slow.String()}
	if p.DatabaseURL != "" {
		args = append(args, "-database-url", p.DatabaseURL)
	}
	cmd := exec.Command(self, args...)
	cmd.Stderr = log
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return nil, err
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	sp := &serverProcess{cmd: cmd, stdin: stdin, started: time.Now()}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	if sp.URL, err = readListening(stdout); err != nil {
		sp.Stop()
		return nil, err
	}
	return sp, nil
}

// readListening waits for the line that gives the server's address.
func readListening(r io.Reader) (string, error) {
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		if url, ok := strings.CutPrefix(sc.Text(), listeningPrefix); ok {
			go func() { _, _ = io.Copy(io.Discard, r) }()
			return url, nil
		}
	}
	return "", fmt.Errorf("server process ended before it listened")
}

// Stop ends the server process by closing its standard input, and waits.
func (sp *serverProcess) Stop() error {
	sp.stdin.Close()
	done := make(chan error, 1)
	go func() { done <- sp.cmd.Wait() }()
	select {
	case err := <-done:
		return err
	case <-time.After(10 * time.Second):
		sp.cmd.Process.Kill()
		return <-done
	}
}

// Package connection keeps the desktop app's one connection: the address
// of the Throughline server and the person's token for it. They live in a
// JSON file in the user's configuration directory, readable by the user
// only, so that the token never has to reach the frontend's JavaScript.
package connection

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
)

// Connection is where the app sends its requests, and with which token.
// A zero Connection means the person has not connected yet.
type Connection struct {
	Server string `json:"server"`
	Token  string `json:"token,omitempty"`
}

// The file and its folder hold a secret: only their owner may read them.
const (
	dirMode  fs.FileMode = 0o700
	fileMode fs.FileMode = 0o600
)

// DefaultPath is where the connection is kept for the current user:
// <user config dir>/throughline/connection.json.
func DefaultPath() (string, error) {
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", fmt.Errorf("connection: no configuration directory: %w", err)
	}
	return filepath.Join(dir, "throughline", "connection.json"), nil
}

// Store reads and writes the connection file. Its methods may be called
// from several goroutines: the bound App and the request forwarder.
type Store struct {
	path string
	mu   sync.Mutex
}

// NewStore returns a store for the file at path; the file and its folder
// are created on the first Save.
func NewStore(path string) *Store {
	return &Store{path: path}
}

// Path is the file the store keeps the connection in.
func (s *Store) Path() string { return s.path }

// Load answers the stored connection, or a zero one when none is stored.
// It tightens the permissions of the file and its folder when someone
// has loosened them.
func (s *Store) Load() (Connection, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.load()
}

// Save validates the server's address and stores it with the token.
func (s *Store) Save(server, token string) error {
	addr, err := ValidateServer(server)
	if err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.write(Connection{Server: addr, Token: strings.TrimSpace(token)})
}

// ClearToken forgets the token and keeps the server's address, so that
// the Connect view can offer it again.
func (s *Store) ClearToken() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	c, err := s.load()
	if err != nil {
		return err
	}
	if c == (Connection{}) {
		return nil
	}
	c.Token = ""
	return s.write(c)
}

func (s *Store) load() (Connection, error) {
	b, err := os.ReadFile(s.path)
	if errors.Is(err, fs.ErrNotExist) {
		return Connection{}, nil
	}
	if err != nil {
		return Connection{}, fmt.Errorf("connection: read %s: %w", s.path, err)
	}
	if err := s.tighten(); err != nil {
		return Connection{}, err
	}

	var c Connection
	if err := json.Unmarshal(b, &c); err != nil {
		return Connection{}, fmt.Errorf("connection: %s is damaged (%v): delete it and connect again", s.path, err)
	}
	if c.Server == "" {
		return c, nil
	}
	if c.Server, err = ValidateServer(c.Server); err != nil {
		return Connection{}, fmt.Errorf("%w (stored in %s: connect again)", err, s.path)
	}
	return c, nil
}

// write replaces the file in one step: the new content goes to a
// temporary file in the same folder, created readable by its owner only,
// which is then renamed over the old one. A crash leaves the old file or
// the new one, never half of either.
func (s *Store) write(c Connection) error {
	dir := filepath.Dir(s.path)
	if err := os.MkdirAll(dir, dirMode); err != nil {
		return fmt.Errorf("connection: create %s: %w", dir, err)
	}
	if err := s.tighten(); err != nil {
		return err
	}
	b, err := json.MarshalIndent(c, "", "  ")
	if err != nil {
		return fmt.Errorf("connection: encode: %w", err)
	}

	tmp, err := os.CreateTemp(dir, ".connection-*.json")
	if err != nil {
		return fmt.Errorf("connection: write %s: %w", dir, err)
	}
	defer os.Remove(tmp.Name()) // fails harmlessly once renamed
	if err := writeAndClose(tmp, append(b, '\n')); err != nil {
		return fmt.Errorf("connection: write %s: %w", tmp.Name(), err)
	}
	if err := os.Rename(tmp.Name(), s.path); err != nil {
		return fmt.Errorf("connection: replace %s: %w", s.path, err)
	}
	return nil
}

func writeAndClose(f *os.File, b []byte) error {
	_, err := f.Write(b)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// tighten takes away any access others have to the folder and the file.
// Windows has no such permission bits (its folders under the user's
// profile are private already), so there it does nothing.
func (s *Store) tighten() error {
	if runtime.GOOS == "windows" {
		return nil
	}
	if err := restrict(filepath.Dir(s.path), dirMode); err != nil {
		return err
	}
	return restrict(s.path, fileMode)
}

// restrict removes the permission bits beyond max from path, if it exists.
func restrict(path string, max fs.FileMode) error {
	info, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("connection: %w", err)
	}
	perm := info.Mode().Perm()
	if perm&^max == 0 {
		return nil
	}
	if err := os.Chmod(path, perm&max); err != nil {
		return fmt.Errorf("connection: %s is readable by others and cannot be restricted: %w", path, err)
	}
	return nil
}

// ValidateServer checks that addr is an http or https address naming a
// host, and answers it without surrounding spaces or a trailing slash.
func ValidateServer(addr string) (string, error) {
	addr = strings.TrimRight(strings.TrimSpace(addr), "/")
	u, err := url.Parse(addr)
	switch {
	case addr == "":
		return "", errors.New("enter the server's address, such as https://throughline.example.com")
	case err != nil:
		return "", fmt.Errorf("%q is not a server address: %v", addr, err)
	case u.Scheme != "http" && u.Scheme != "https":
		return "", fmt.Errorf("%q is not a server address: it must start with http:// or https://", addr)
	case u.Hostname() == "":
		return "", fmt.Errorf("%q is not a server address: it names no host", addr)
	case u.User != nil || u.RawQuery != "" || u.Fragment != "":
		return "", fmt.Errorf("%q is not a server address: leave out user names, queries and fragments", addr)
	}
	return addr, nil
}

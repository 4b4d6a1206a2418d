// Package trace records what the app's window shows, one JSON line per
// rendered view, so that a test driving the real window can check the
// window's content without reading pixels.
package trace

import (
	"encoding/json"
	"fmt"
	"os"
	"sync"
	"time"
)

// EnvVar names the file to append to; the app traces nothing without it.
const EnvVar = "THROUGHLINE_DESKTOP_TRACE"

// Entry is one rendered view.
type Entry struct {
	View  string    `json:"view"`
	Title string    `json:"title"`
	Text  string    `json:"text"`
	At    time.Time `json:"at"`
}

// File appends entries to a file. A nil *File traces nothing.
type File struct {
	path string
	mu   sync.Mutex
}

// FromEnv answers a File for the path in EnvVar, or nil when it is unset.
func FromEnv() *File {
	if p := os.Getenv(EnvVar); p != "" {
		return &File{path: p}
	}
	return nil
}

// Open answers a File that appends to path.
func Open(path string) *File { return &File{path: path} }

// Append adds one line for e. The line goes out in a single write to a
// file opened for appending, so a reader never sees half of one.
func (f *File) Append(e Entry) error {
	if f == nil {
		return nil
	}
	b, err := json.Marshal(e)
	if err != nil {
		return fmt.Errorf("trace: encode: %w", err)
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	out, err := os.OpenFile(f.path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o600)
	if err != nil {
		return fmt.Errorf("trace: %w", err)
	}
	_, err = out.Write(append(b, '\n'))
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("trace: write %s: %w", f.path, err)
	}
	return nil
}

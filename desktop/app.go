package main

import (
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"sync"
	"time"

	"github.com/wailsapp/wails/v2/pkg/runtime"

	"throughline.dev/desktop/internal/connection"
	"throughline.dev/desktop/internal/trace"
)

// App is what the frontend reaches as window.go.main.App: the few things
// a webview cannot do itself. Every exported method is bound, so helpers
// stay unexported.
//
// A panic in a bound method can take the whole app down on Linux, so each
// one recovers and answers the panic as an error.
type App struct {
	store   *connection.Store
	trace   *trace.File
	version string

	// The window's runtime calls, replaceable so tests need no window.
	setWindowTitle func(ctx context.Context, title string)
	saveDialog     func(ctx context.Context, opts runtime.SaveDialogOptions) (string, error)

	mu    sync.Mutex
	ctx   context.Context // the window's, from startup; nil before
	title string          // the last title the frontend set
}

// Connection is what the frontend may know of the stored connection: the
// token stays on the Go side.
type Connection struct {
	Server   string `json:"server"`
	HasToken bool   `json:"hasToken"`
}

// NewApp returns the App for a connection store, tracing rendered views
// to tr (nil for none).
func NewApp(store *connection.Store, tr *trace.File, version string) *App {
	return &App{
		store:          store,
		trace:          tr,
		version:        version,
		setWindowTitle: runtime.WindowSetTitle,
		saveDialog:     runtime.SaveFileDialog,
	}
}

// startup keeps the window's context, which the runtime calls need.
func (a *App) startup(ctx context.Context) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.ctx = ctx
}

// window answers the window's context. Calling the runtime without one
// would end the process, which no recover can stop.
func (a *App) window() (context.Context, error) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.ctx == nil {
		return nil, errors.New("the window is not ready yet")
	}
	return a.ctx, nil
}

// Connection answers the stored server and whether a token is stored.
func (a *App) Connection() (c Connection, err error) {
	defer recovered("Connection", &err)
	stored, err := a.store.Load()
	if err != nil {
		return Connection{}, err
	}
	return Connection{Server: stored.Server, HasToken: stored.Token != ""}, nil
}

// SetConnection checks the server's address and stores it with the
// token; the next forwarded request goes there.
func (a *App) SetConnection(server, token string) (err error) {
	defer recovered("SetConnection", &err)
	return a.store.Save(server, token)
}

// ClearToken forgets the token (signing out) and keeps the address.
func (a *App) ClearToken() (err error) {
	defer recovered("ClearToken", &err)
	return a.store.ClearToken()
}

// SaveFile asks where to save a file the frontend made, in the system's
// save dialog, and writes it there. It answers the path written, or ""
// when the person cancelled.
func (a *App) SaveFile(suggestedName, base64Content string) (path string, err error) {
	defer recovered("SaveFile", &err)
	content, err := base64.StdEncoding.DecodeString(base64Content)
	if err != nil {
		return "", fmt.Errorf("the file's content is not valid base64: %w", err)
	}
	ctx, err := a.window()
	if err != nil {
		return "", err
	}

	name := filepath.Base(suggestedName)
	path, err = a.saveDialog(ctx, runtime.SaveDialogOptions{
		DefaultDirectory:     documentsDir(),
		DefaultFilename:      name,
		Title:                "Save " + name,
		Filters:              filtersFor(name),
		CanCreateDirectories: true,
	})
	if err != nil {
		return "", fmt.Errorf("the save dialog failed: %w", err)
	}
	if path == "" {
		return "", nil
	}

	path = withExtension(path, name)
	// Packs hold confidential notes about people: readable by their owner
	// only, whatever the umask.
	if err := os.WriteFile(path, content, 0o600); err != nil {
		return "", fmt.Errorf("cannot save %s: %w", path, err)
	}
	return path, nil
}

// documentsDir is where the save dialog opens: the user's Documents
// folder when there is one, else their home; never the folder the app
// happened to start in.
func documentsDir() string {
	home, err := os.UserHomeDir()
	if err != nil {
		return ""
	}
	if docs := filepath.Join(home, "Documents"); isDir(docs) {
		return docs
	}
	return home
}

func isDir(path string) bool {
	info, err := os.Stat(path)
	return err == nil && info.IsDir()
}

// fileKinds are the kinds of file the frontend saves, by extension.
var fileKinds = map[string]string{
	".md":  "Markdown",
	".pdf": "PDF document",
}

// filtersFor offers the suggested file's own kind in the dialog.
func filtersFor(name string) []runtime.FileFilter {
	ext := strings.ToLower(filepath.Ext(name))
	kind, ok := fileKinds[ext]
	if !ok {
		return nil
	}
	return []runtime.FileFilter{{DisplayName: fmt.Sprintf("%s (*%s)", kind, ext), Pattern: "*" + ext}}
}

// withExtension puts back the suggested file's extension when the person
// typed a name without one; GTK's dialog does not add it.
func withExtension(path, suggested string) string {
	ext := filepath.Ext(suggested)
	if _, known := fileKinds[strings.ToLower(ext)]; !known || filepath.Ext(path) != "" {
		return path
	}
	return path + ext
}

// SetTitle shows the current view's name in the window's title bar.
func (a *App) SetTitle(title string) (err error) {
	defer recovered("SetTitle", &err)
	ctx, err := a.window()
	if err != nil {
		return err
	}
	a.mu.Lock()
	a.title = title
	a.mu.Unlock()
	a.setWindowTitle(ctx, title)
	return nil
}

// Version answers the app's release ("dev" for a build without one).
func (a *App) Version() (v string) {
	defer func() {
		if r := recover(); r != nil {
			logPanic("Version", r)
			v = "unknown"
		}
	}()
	return a.version
}

// Rendered records that a view's data has rendered, with the text it
// shows, when the app traces (see package trace); otherwise it does
// nothing. The window test reads the trace.
func (a *App) Rendered(view, text string) (err error) {
	defer recovered("Rendered", &err)
	a.mu.Lock()
	title := a.title
	a.mu.Unlock()
	return a.trace.Append(trace.Entry{View: view, Title: title, Text: text, At: time.Now().UTC()})
}

// recovered turns a panic in a bound method into the method's error.
func recovered(method string, err *error) {
	if r := recover(); r != nil {
		logPanic(method, r)
		*err = fmt.Errorf("%s failed unexpectedly: %v", method, r)
	}
}

func logPanic(method string, r any) {
	slog.Error("bound method panicked", "method", method, "panic", r, "stack", string(debug.Stack()))
}

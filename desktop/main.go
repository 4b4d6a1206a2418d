package main

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"

	"github.com/wailsapp/wails/v2"
	"github.com/wailsapp/wails/v2/pkg/options"
	"github.com/wailsapp/wails/v2/pkg/options/assetserver"
	"github.com/wailsapp/wails/v2/pkg/options/linux"

	"throughline.dev/desktop/internal/connection"
	"throughline.dev/desktop/internal/forward"
	"throughline.dev/desktop/internal/trace"
)

// version is the app's release, set at build time with
// -ldflags "-X main.version=...".
var version = "dev"

// dist is the frontend's build. "all:" takes the placeholder .gitkeep
// too, so the package compiles (and vets) before the frontend is built.
//
//go:embed all:dist
var dist embed.FS

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "throughline-desktop:", err)
		os.Exit(1)
	}
}

func run() error {
	assets, err := frontend()
	if err != nil {
		return err
	}
	path, err := connection.DefaultPath()
	if err != nil {
		return err
	}
	store := connection.NewStore(path)
	app := NewApp(store, trace.FromEnv(), version)

	return wails.Run(&options.App{
		Title:     "Throughline",
		Width:     1280,
		Height:    800,
		MinWidth:  900,
		MinHeight: 600,
		AssetServer: &assetserver.Options{
			Assets:  assets,
			Handler: forward.New(store.Load, forward.DefaultTimeout),
		},
		OnStartup: app.startup,
		Bind:      []any{app},
		Linux: &linux.Options{
			ProgramName: "throughline",
			// Passing Linux options would otherwise turn the GPU on always;
			// the views need none, and machines without one crash with it.
			WebviewGpuPolicy: linux.WebviewGpuPolicyNever,
		},
	})
}

// frontend answers the embedded build, or an error saying how to make
// one when the binary was built before the frontend was.
func frontend() (fs.FS, error) {
	assets, err := fs.Sub(dist, "dist")
	if err != nil {
		return nil, fmt.Errorf("embedded frontend: %w", err)
	}
	if _, err := fs.Stat(assets, "index.html"); errors.Is(err, fs.ErrNotExist) {
		return nil, errors.New("this build has no frontend: run `npm run build` in frontend/, then build the app again")
	}
	return assets, nil
}

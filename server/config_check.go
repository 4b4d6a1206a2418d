package main

import (
	"cmp"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"text/tabwriter"
	"time"

	"github.com/alecthomas/kong"

	"throughline.dev/graph/storage"
)

type configCmd struct {
	Check configCheckCmd `cmd:"" help:"Check the configuration file, environment and flags as serve would, report every mistake, and print the settings serve would run with and where each came from."`
}

// configCheckCmd takes serve's flags, so that it checks what serve would
// run with on the same command line.
type configCheckCmd struct {
	ServeSettings `embed:""`
}

func (cc *configCheckCmd) Run(c *cli, kctx *kong.Context) error {
	var problems []problem
	if c.file != nil {
		problems = append(problems, c.file.problems...)
	}
	problems = append(problems, checkSettings(c, &cc.ServeSettings, originsIn(kctx, c.file))...)
	// The file's mistakes first, in the order of its lines.
	slices.SortStableFunc(problems, func(a, b problem) int {
		return cmp.Compare(a.at.fileLine(), b.at.fileLine())
	})
	if err := problemsError(problems); err != nil {
		return err
	}
	printSettings(kctx.Stdout, kctx, c.file)
	return nil
}

// printSettings lists every setting with its value and where it came
// from, the database's password and the metrics token hidden.
func printSettings(w io.Writer, kctx *kong.Context, file *configFile) {
	if file != nil {
		fmt.Fprintf(w, "configuration file: %s\n\n", file.path)
	} else {
		fmt.Fprintf(w, "configuration file: none (--config or THROUGHLINE_CONFIG names one)\n\n")
	}
	flags := map[string]*kong.Flag{}
	for _, f := range kctx.Flags() {
		flags[f.Name] = f
	}
	at := originsIn(kctx, file)
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "KEY\tVALUE\tFROM")
	for _, f := range settingList(kctx.Model) {
		value := shown(f.Name, kctx.FlagValue(flags[f.Name]))
		fmt.Fprintf(tw, "%s\t%s\t%s\n", f.Name, value, at(f.Name))
	}
	tw.Flush()
	fmt.Fprintln(w, "\nThe configuration is valid.")
}

// shown is a setting's value as config check prints it.
func shown(key string, v any) string {
	s := fmt.Sprint(v)
	switch {
	case s == "":
		return "(none)"
	case key == "database-url":
		return storage.RedactedLocation(s)
	case key == "metrics-token":
		return "(set, hidden)"
	}
	if d, ok := v.(time.Duration); ok {
		return d.String()
	}
	return s
}

// checkSettings checks the settings serve runs with, each mistake named
// with where its value came from. Types were checked as the values were
// read; this checks what a type cannot say.
func checkSettings(c *cli, s *ServeSettings, at func(key string) origin) []problem {
	p := &problems{at: at}
	p.check("listen", checkListen(s.Listen))
	p.check("data-dir", checkDataDir(c.DataDir))
	p.check("database-url", checkDatabaseURL(c.DatabaseURL))
	checkTLS(p, s.TLSCert, s.TLSKey)
	p.check("max-body-bytes", between(s.MaxBodyBytes, 1024, 1<<30))
	for _, l := range []struct {
		key   string
		value int
	}{
		{"max-tokens", s.MaxTokens}, {"max-fields", s.MaxFields}, {"max-aliases", s.MaxAliases},
		{"max-directives", s.MaxDirectives}, {"max-fragments", s.MaxFragments},
		{"max-depth", s.MaxDepth},
		{"max-complexity", s.MaxComplexity},
	} {
		p.check(l.key, between(int64(l.value), 1, 1<<31-1))
	}
	for _, d := range []struct {
		key   string
		value time.Duration
	}{
		{"read-header-timeout", s.ReadHeaderTimeout}, {"read-timeout", s.ReadTimeout},
		{"write-timeout", s.WriteTimeout}, {"idle-timeout", s.IdleTimeout},
		{"shutdown-timeout", s.ShutdownTimeout},
	} {
		if d.value <= 0 {
			p.add(d.key, "must be longer than 0s")
		}
	}
	if s.ShutdownDelay < 0 {
		p.add("shutdown-delay", "cannot be negative")
	}
	if strings.ContainsAny(s.MetricsToken, " \t") {
		p.add("metrics-token", "cannot hold spaces: a bearer token is one word")
	}
	return p.list
}

// problems collects the mistakes of a configuration.
type problems struct {
	at   func(key string) origin
	list []problem
}

func (p *problems) add(key, msg string) {
	p.list = append(p.list, problem{key: key, at: p.at(key), msg: msg})
}

func (p *problems) check(key string, err error) {
	if err != nil {
		p.add(key, err.Error())
	}
}

// checkListen checks an address net.Listen takes: host:port, the host
// empty (every interface), an IP address or a name, the port a number.
func checkListen(addr string) error {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("%q is not host:port, such as 127.0.0.1:8080", addr)
	}
	if n, err := strconv.Atoi(port); err != nil || n < 0 || n > 65535 {
		return fmt.Errorf("%q: the port must be a number from 0 to 65535", addr)
	}
	if strings.ContainsAny(host, " /") {
		return fmt.Errorf("%q: %q is not a host name or IP address", addr, host)
	}
	return nil
}

// checkDataDir checks that the data directory can be written in, or, if
// it does not exist yet, created.
func checkDataDir(dir string) error {
	info, err := os.Stat(dir)
	switch {
	case err == nil && !info.IsDir():
		return fmt.Errorf("%s is not a directory", dir)
	case err == nil:
		return canWriteIn(dir)
	case !missing(err):
		return fmt.Errorf("%s: %w", dir, cause(err))
	}
	parent := filepath.Dir(dir)
	for {
		info, err := os.Stat(parent)
		if err == nil && !info.IsDir() {
			return fmt.Errorf("%s cannot be created: %s is not a directory", dir, parent)
		}
		if err == nil {
			if err := canWriteIn(parent); err != nil {
				return fmt.Errorf("%s cannot be created: %w", dir, err)
			}
			return nil
		}
		if next := filepath.Dir(parent); next != parent {
			parent = next
			continue
		}
		return fmt.Errorf("%s cannot be created: %w", dir, cause(err))
	}
}

// missing reports whether a path is not there: it does not exist, or a
// part of it is a file rather than a directory.
func missing(err error) bool {
	return errors.Is(err, fs.ErrNotExist) || errors.Is(err, syscall.ENOTDIR)
}

// canWriteIn creates and removes a file in dir: the one test of write
// access that holds for ACLs, read-only mounts and sandboxes alike.
func canWriteIn(dir string) error {
	f, err := os.CreateTemp(dir, ".throughline-check-*")
	if err != nil {
		return fmt.Errorf("cannot write in %s: %w", dir, cause(err))
	}
	f.Close()
	return os.Remove(f.Name())
}

// cause is the operating system's reason inside a path error, without
// the path the message names anyway.
func cause(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// checkDatabaseURL checks a PostgreSQL URL without connecting. Messages
// never repeat the URL: it may hold a password.
func checkDatabaseURL(u string) error {
	if u == "" {
		return nil
	}
	if !storage.IsPostgres(u) {
		return errors.New("must start with postgres:// or postgresql://")
	}
	if _, err := url.Parse(u); err != nil {
		return errors.New("is not a well-formed URL " +
			"(a password with @, : or / in it must be percent-encoded)")
	}
	return nil
}

// checkTLS checks that a certificate and key go together, can be read,
// and make a pair.
func checkTLS(p *problems, cert, key string) {
	if (cert == "") != (key == "") {
		given := "tls-cert"
		if cert == "" {
			given = "tls-key"
		}
		p.add(given, "--tls-cert and --tls-key go together: give both or neither")
		return
	}
	if cert == "" {
		return
	}
	readable := true
	for _, f := range []struct{ key, path string }{{"tls-cert", cert}, {"tls-key", key}} {
		if _, err := os.ReadFile(f.path); err != nil {
			p.add(f.key, fmt.Sprintf("%s cannot be read: %v", f.path, cause(err)))
			readable = false
		}
	}
	if !readable {
		return
	}
	if _, err := tls.LoadX509KeyPair(cert, key); err != nil {
		p.add("tls-cert", fmt.Sprintf("does not load with tls-key: %v", err))
	}
}

// between checks that a number is from lo to hi.
func between(v, lo, hi int64) error {
	if v < lo || v > hi {
		return fmt.Errorf("%d is out of range: it must be from %d to %d", v, lo, hi)
	}
	return nil
}

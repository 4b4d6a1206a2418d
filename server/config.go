package main

import (
	"fmt"
	"math"
	"os"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/alecthomas/kong"
)

// The configuration file holds one setting a line:
//
//	# A comment, on a line of its own.
//	listen = 127.0.0.1:8080
//	data-dir = "/var/lib/throughline"
//
// Keys are the long names of the global flags and of serve's. A value may
// be put in double quotes, inside which \" and \\ are escapes. Flags win
// over environment variables, which win over the file, which wins over
// the defaults.

// checkCommand is the command that reports a broken file rather than
// refusing to run with it.
const checkCommand = "config check"

// configFile is a configuration file as read: its well-formed settings,
// and the problems of the lines that were not.
type configFile struct {
	path     string
	entries  map[string]configEntry
	problems []problem
	// applies holds the flags the file may set: the global ones and those
	// of serve and of config check.
	applies map[*kong.Flag]bool
}

// configEntry is one setting of the file.
type configEntry struct {
	value string
	line  int
}

// BeforeResolve is a kong hook: after the command line and the
// environment are read and before the values are applied, it reads the
// configuration file (--config or THROUGHLINE_CONFIG) and adds it as a
// resolver. A file with mistakes stops every command but config check,
// which reports them with the rest.
func (c *cli) BeforeResolve(kctx *kong.Context) error {
	path := configPath(kctx)
	if path == "" || kctx.Command() == "version" {
		return nil
	}
	settings := settingFlags(kctx.Model)
	f, err := readConfigFile(path, settings)
	if err != nil {
		f = &configFile{path: path, problems: []problem{{
			key: "config", at: originsIn(kctx, nil)("config"), msg: err.Error(),
		}}}
	}
	f.applies = appliesTo(kctx.Model)
	c.file = f
	if len(f.problems) > 0 && kctx.Command() != checkCommand {
		return &configError{f.problems}
	}
	kctx.AddResolver(f)
	return nil
}

// configPath is the file --config or THROUGHLINE_CONFIG names, "" for
// none.
func configPath(kctx *kong.Context) string {
	for _, f := range kctx.Flags() {
		if f.Name == "config" {
			path, _ := kctx.FlagValue(f).(string)
			return path
		}
	}
	return ""
}

// Validate implements kong.Resolver; the file was checked as it was read.
func (f *configFile) Validate(*kong.Application) error { return nil }

// Resolve implements kong.Resolver. Kong asks only about flags the
// command line left out, but it would let the file override an
// environment variable: here the file gives way to the environment.
func (f *configFile) Resolve(_ *kong.Context, _ *kong.Path, flag *kong.Flag) (any, error) {
	e, ok := f.entries[flag.Name]
	if !ok || !f.applies[flag] || envName(flag) != "" {
		return nil, nil
	}
	return e.value, nil
}

// envName is the flag's environment variable when it is set, else "".
// Kong reads the same variables, in the same order.
func envName(flag *kong.Flag) string {
	for _, name := range flag.Tag.Envs {
		if _, ok := os.LookupEnv(name); ok {
			return name
		}
	}
	return ""
}

// settingFlags returns the flags the file may name, by name: the global
// flags and serve's, but --help and --config.
func settingFlags(app *kong.Application) map[string]*kong.Flag {
	flags := map[string]*kong.Flag{}
	for _, f := range settingList(app) {
		flags[f.Name] = f
	}
	return flags
}

// settingList is settingFlags in the order --help lists them.
func settingList(app *kong.Application) []*kong.Flag {
	var flags []*kong.Flag
	for _, f := range append(slices.Clone(app.Flags), childNamed(app.Node, "serve").Flags...) {
		if f.Name != "help" && f.Name != "config" {
			flags = append(flags, f)
		}
	}
	return flags
}

// appliesTo returns the flags the file sets: the global ones, and those
// of serve and of config check, which takes serve's.
func appliesTo(app *kong.Application) map[*kong.Flag]bool {
	applies := map[*kong.Flag]bool{}
	nodes := []*kong.Node{app.Node, childNamed(app.Node, "serve"),
		childNamed(childNamed(app.Node, "config"), "check")}
	for _, n := range nodes {
		for _, f := range n.Flags {
			applies[f] = true
		}
	}
	return applies
}

func childNamed(n *kong.Node, name string) *kong.Node {
	for _, c := range n.Children {
		if c.Name == name {
			return c
		}
	}
	panic("throughline: no command " + name) // the command line's definition is wrong
}

// readConfigFile reads and checks the file at path against the flags it
// may set.
func readConfigFile(path string, settings map[string]*kong.Flag) (*configFile, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return parseConfig(path, string(b), settings), nil
}

// parseConfig reads a file's text. Each line that is not a well-formed
// setting of a known key, with a value of the key's type, becomes a
// problem naming the file, the line and the key.
func parseConfig(path, text string, settings map[string]*kong.Flag) *configFile {
	f := &configFile{path: path, entries: map[string]configEntry{}}
	seen := map[string]int{}
	for i, line := range strings.Split(text, "\n") {
		n := i + 1
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		key, raw, ok := strings.Cut(line, "=")
		key = strings.TrimSpace(key)
		if !ok {
			key, _, _ = strings.Cut(line, " ")
			f.add(n, key, `has no "=": write key = value`)
			continue
		}
		if key == "" {
			f.add(n, "", "has no key before the =")
			continue
		}
		if first, dup := seen[key]; dup {
			f.add(n, key, fmt.Sprintf("is set twice, first on line %d", first))
			continue
		}
		seen[key] = n
		flag, known := settings[key]
		if !known {
			f.add(n, key, unknownKey(key, settings))
			continue
		}
		value, err := configValue(strings.TrimSpace(raw))
		if err != nil {
			f.add(n, key, err.Error())
			continue
		}
		if err := checkType(flag, value); err != nil {
			f.add(n, key, err.Error())
			continue
		}
		f.entries[key] = configEntry{value: value, line: n}
	}
	return f
}

func (f *configFile) add(line int, key, msg string) {
	at := origin{kind: fromFile, file: f.path, line: line}
	f.problems = append(f.problems, problem{key: key, at: at, msg: msg})
}

// configValue takes the value's quotes off. Comments have lines of
// their own: a # after the value is more likely a comment the server
// would take for part of the value than a part of it.
func configValue(raw string) (string, error) {
	if strings.HasPrefix(raw, `"`) {
		v, err := strconv.Unquote(raw)
		if err != nil {
			return "", fmt.Errorf(`%s: a quoted value ends at its closing " `+
				`and escapes only as \" and \\`, raw)
		}
		return v, nil
	}
	if strings.HasPrefix(raw, "#") || strings.Contains(raw, " #") || strings.Contains(raw, "\t#") {
		return "", fmt.Errorf("a comment needs a line of its own; " +
			"put the value in double quotes if the # belongs to it")
	}
	return raw, nil
}

// unknownKey explains a key that is not a setting, with the setting
// meant when the key is a flag or an environment variable written out.
func unknownKey(key string, settings map[string]*kong.Flag) string {
	if key == "config" {
		return "the configuration file cannot name another one"
	}
	guess := strings.TrimPrefix(key, "--")
	guess = strings.TrimPrefix(strings.ToLower(guess), "throughline_")
	guess = strings.ReplaceAll(guess, "_", "-")
	if _, ok := settings[guess]; ok {
		return fmt.Sprintf("is not a setting; did you mean %s?", guess)
	}
	return "is not a setting (the settings are the long names of the global flags " +
		"and of serve's: throughline serve --help)"
}

var durationType = reflect.TypeFor[time.Duration]()

// checkType reports a value the flag's type cannot take, in words an
// admin reading the file understands; kong would say it in Go's.
func checkType(flag *kong.Flag, value string) error {
	if flag.Enum != "" {
		if !flag.EnumMap()[value] {
			return fmt.Errorf("%q is not one of %s", value, strings.ReplaceAll(flag.Enum, ",", ", "))
		}
		return nil
	}
	t := flag.Target.Type()
	switch {
	case t == durationType:
		if _, err := time.ParseDuration(value); err != nil {
			return fmt.Errorf("%q is not a duration such as 30s, 2m or 1h30m", value)
		}
	case t.Kind() == reflect.Bool:
		if _, ok := parseBool(value); !ok {
			return fmt.Errorf("%q is not true or false", value)
		}
	case t.Kind() >= reflect.Int && t.Kind() <= reflect.Int64:
		if _, err := strconv.ParseInt(value, 10, t.Bits()); err != nil {
			return fmt.Errorf("%q is not a whole number", value)
		}
	}
	return nil
}

// parseBool takes the words kong takes for a boolean flag.
func parseBool(s string) (value, ok bool) {
	switch strings.ToLower(s) {
	case "true", "yes", "1":
		return true, true
	case "false", "no", "0":
		return false, true
	}
	return false, false
}

// originKind says where a setting's value came from.
type originKind int

const (
	fromDefault originKind = iota
	fromFile
	fromEnv
	fromFlag
)

// origin is where a setting's value came from: the command line, an
// environment variable, a line of the file, or the default.
type origin struct {
	kind originKind
	env  string
	file string
	line int
}

func (o origin) String() string {
	switch o.kind {
	case fromFlag:
		return "flag"
	case fromEnv:
		return "env " + o.env
	case fromFile:
		return fmt.Sprintf("file, line %d", o.line)
	}
	return "default"
}

// fileLine orders problems: those of the file by line, then the rest.
func (o origin) fileLine() int {
	if o.kind == fromFile {
		return o.line
	}
	return math.MaxInt
}

// originsIn returns where each setting's value came from in a parsed
// command line, with file the configuration file read (or nil).
func originsIn(kctx *kong.Context, file *configFile) func(key string) origin {
	flags := map[string]*kong.Flag{}
	for _, f := range kctx.Flags() {
		flags[f.Name] = f
	}
	given := map[*kong.Flag]bool{}
	for _, p := range kctx.Path {
		if p.Flag != nil && !p.Resolved {
			given[p.Flag] = true
		}
	}
	return func(key string) origin {
		f := flags[key]
		switch {
		case f == nil:
			return origin{}
		case given[f]:
			return origin{kind: fromFlag}
		case envName(f) != "":
			return origin{kind: fromEnv, env: envName(f)}
		}
		if file != nil {
			if e, ok := file.entries[key]; ok {
				return origin{kind: fromFile, file: file.path, line: e.line}
			}
		}
		return origin{kind: fromDefault}
	}
}

// problem is a mistake in one setting, told where the value came from.
type problem struct {
	key string
	at  origin
	msg string
}

func (p problem) String() string {
	switch p.at.kind {
	case fromFile:
		if p.key == "" {
			return fmt.Sprintf("%s:%d: %s", p.at.file, p.at.line, p.msg)
		}
		return fmt.Sprintf("%s:%d: %s: %s", p.at.file, p.at.line, p.key, p.msg)
	case fromEnv:
		return fmt.Sprintf("%s ($%s): %s", p.key, p.at.env, p.msg)
	case fromFlag:
		return fmt.Sprintf("--%s: %s", p.key, p.msg)
	}
	return fmt.Sprintf("%s: %s", p.key, p.msg)
}

// configError is the problems of a configuration, every one of them.
type configError struct{ problems []problem }

func (e *configError) Error() string {
	if len(e.problems) == 1 {
		return e.problems[0].String()
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s in the configuration:", countProblems(len(e.problems)))
	for _, p := range e.problems {
		b.WriteString("\n  " + p.String())
	}
	return b.String()
}

// problemsError is nil for no problems, else a configError.
func problemsError(problems []problem) error {
	if len(problems) == 0 {
		return nil
	}
	return &configError{problems}
}

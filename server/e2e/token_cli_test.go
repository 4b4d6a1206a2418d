package e2e_test

import (
	"bytes"
	"context"
	"database/sql"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	throughline "throughline.dev/graph"
	"throughline.dev/server/internal/app"
	"throughline.dev/server/internal/testserver"
)

// The token commands, run as an admin runs them: the binary, on the
// database of a server that is running.

var (
	tokSecret  = regexp.MustCompile(`tl_[A-Za-z0-9_-]{20,}`)
	tokCreated = regexp.MustCompile(`^token (\d+) \(MANAGER\): (tl_\S+)\n$`)
)

// TestTokenCommandsShowTheSecretOnce creates a token with `throughline
// token create`, uses it, lists it, revokes it with `throughline token
// revoke` and finds it refused. The secret is printed once, by create;
// the database keeps only a hash of it.
func TestTokenCommandsShowTheSecretOnce(t *testing.T) {
	bin := buildServer(t)
	s := testserver.Start(t, nil)
	ctx := context.Background()
	email, label := "cli@token.example", "laptop-of-cli-7f3a"
	if err := s.Store.CreatePerson(ctx, &throughline.Person{Email: email, Name: "Cli"}); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()

	made := runCLI(t, bin, dir, on(s.Place, "token", "create", "--person", email,
		"--role", "manager", "--label", label)...)
	m := tokCreated.FindStringSubmatch(made.stdout)
	if made.exitCode != 0 || m == nil {
		t.Fatalf("token create: exit %d\nstdout: %q\nstderr: %s", made.exitCode, made.stdout, made.stderr)
	}
	number, secret := m[1], m[2]
	if n := strings.Count(made.stdout+made.stderr, secret); n != 1 {
		t.Errorf("token create printed the secret %d times, want once", n)
	}
	if !strings.Contains(made.stderr, "cannot be shown again") {
		t.Errorf("token create does not warn that the secret is shown once: %q", made.stderr)
	}

	tokWantWorks(t, s.As(secret), email)
	list := runCLI(t, bin, dir, on(s.Place, "token", "list")...)
	row := tokListRow(t, list, number)
	if !strings.Contains(row, "MANAGER") || !strings.Contains(row, email) ||
		!strings.Contains(row, label) || !strings.HasSuffix(row, "-") {
		t.Errorf("token list shows the new token as %q, want its roles, person, label, not revoked", row)
	}
	tokWantNoSecret(t, "token list", list.stdout+list.stderr, secret)
	tokWantOnlyAHash(t, s, secret, label)

	revoked := runCLI(t, bin, dir, on(s.Place, "token", "revoke", number)...)
	if revoked.exitCode != 0 || !strings.HasPrefix(revoked.stdout, "token "+number+" revoked at ") {
		t.Fatalf("token revoke: exit %d\n%s%s", revoked.exitCode, revoked.stdout, revoked.stderr)
	}
	r := s.As(secret).Do(`{ viewer { roles person { email } } }`, nil)
	if r.Status != http.StatusUnauthorized || (len(r.Data) > 0 && string(r.Data) != "null") {
		t.Errorf("a revoked token: %d %s, want 401 and no data", r.Status, r.Body)
	}
	list = runCLI(t, bin, dir, on(s.Place, "token", "list")...)
	if row := tokListRow(t, list, number); strings.HasSuffix(row, "-") {
		t.Errorf("token list after revoke shows %q, want a revocation time", row)
	}
	tokWantNoSecret(t, "token list after revoke", list.stdout+list.stderr, secret)
	tokWantOnlyAHash(t, s, secret, label)
}

// tokWantWorks checks a token signs its person in as a manager.
func tokWantWorks(t *testing.T, s *testserver.Server, email string) {
	t.Helper()
	var v struct {
		Viewer struct {
			Roles  []string
			Person struct{ Email string }
		}
	}
	s.MustDo(`{ viewer { roles person { email } } }`, nil, &v)
	if len(v.Viewer.Roles) != 1 || v.Viewer.Roles[0] != "MANAGER" || v.Viewer.Person.Email != email {
		t.Errorf("the new token signs in as %+v, want %s as MANAGER", v.Viewer, email)
	}
}

// tokListRow finds the row of a token in `token list`.
func tokListRow(t *testing.T, list cliRun, number string) string {
	t.Helper()
	if list.exitCode != 0 {
		t.Fatalf("token list: exit %d\n%s", list.exitCode, list.stderr)
	}
	for _, line := range strings.Split(list.stdout, "\n") {
		if f := strings.Fields(line); len(f) > 0 && f[0] == number {
			return strings.TrimSpace(line)
		}
	}
	t.Fatalf("token list has no token %s:\n%s", number, list.stdout)
	return ""
}

func tokWantNoSecret(t *testing.T, where, text, secret string) {
	t.Helper()
	body := strings.TrimPrefix(secret, "tl_")
	if strings.Contains(text, body) || tokSecret.MatchString(text) {
		t.Errorf("%s shows a secret:\n%s", where, text)
	}
}

// tokWantOnlyAHash reads everything the database holds of tokens and the
// audit log, through SQL on either engine and as raw bytes of the SQLite
// file and its write-ahead log: the label is there, the secret is not.
func tokWantOnlyAHash(t *testing.T, s *testserver.Server, secret, label string) {
	t.Helper()
	body := []byte(strings.TrimPrefix(secret, "tl_"))
	for _, table := range []string{"tokens", "audit_log"} {
		text := tokTableText(t, s, table)
		if !strings.Contains(text, label) && table == "tokens" {
			t.Errorf("the tokens table does not hold the token labelled %s", label)
		}
		if bytes.Contains([]byte(text), body) {
			t.Errorf("the %s table holds the token's secret", table)
		}
	}
	if s.Place.Postgres() {
		return
	}
	var raw []byte
	for _, suffix := range []string{"", "-wal"} {
		b, err := os.ReadFile(filepath.Join(s.Place.DataDir, app.DatabaseFile+suffix))
		if err != nil && !(suffix != "" && os.IsNotExist(err)) {
			t.Fatal(err)
		}
		if bytes.Contains(b, body) {
			t.Errorf("%s%s holds the token's secret", app.DatabaseFile, suffix)
		}
		raw = append(raw, b...)
	}
	if !bytes.Contains(raw, []byte(label)) {
		t.Errorf("neither %s nor its -wal holds the label %s: the check read the wrong files",
			app.DatabaseFile, label)
	}
}

// tokTableText is every value of every row of a table, as text.
func tokTableText(t *testing.T, s *testserver.Server, table string) string {
	t.Helper()
	db, err := s.Store.SQL()
	if err != nil {
		t.Fatal(err)
	}
	rows, err := db.Query("SELECT * FROM " + table)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for rows.Next() {
		vals := make([]sql.RawBytes, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		for _, v := range vals {
			b.Write(v)
			b.WriteByte('\t')
		}
		b.WriteByte('\n')
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// TestTokensQueryIsForAdminsOnly lists tokens with each role: admins
// see them, and everyone else gets an UNAUTHORIZED error and no page,
// not even a count.
func TestTokensQueryIsForAdminsOnly(t *testing.T) {
	s := testserver.Start(t, nil)
	ctx := context.Background()
	p := &throughline.Person{Email: "roles@token.example", Name: "Roles"}
	if err := s.Store.CreatePerson(ctx, p); err != nil {
		t.Fatal(err)
	}
	const q = `{ tokens(first: 100) { totalCount nodes { label roles } } }`
	for _, roles := range [][]throughline.Role{
		{throughline.RoleHR}, {throughline.RoleManager}, {throughline.RoleEmployee},
		{throughline.RoleHR, throughline.RoleManager},
		{throughline.RoleAdmin}, {throughline.RoleAdmin, throughline.RoleHR},
	} {
		admin := roles[0] == throughline.RoleAdmin
		r := s.As(s.MustToken(p.ID, roles...)).Do(q, nil)
		switch {
		case admin && (r.Status != http.StatusOK || len(r.Errors) > 0 ||
			!strings.Contains(string(r.Data), `"label":"test"`)):
			t.Errorf("%v lists tokens: %d %s, want the list", roles, r.Status, r.Body)
		case !admin && (len(r.Errors) == 0 || r.Errors[0].Extensions["code"] != "UNAUTHORIZED"):
			t.Errorf("%v lists tokens: %s, want an UNAUTHORIZED error", roles, r.Body)
		case !admin && strings.Contains(string(r.Data), "totalCount"):
			t.Errorf("%v lists tokens: %s, want no page", roles, r.Data)
		}
	}
}

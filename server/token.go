package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"text/tabwriter"
	"time"

	throughline "throughline.dev/graph"
	"throughline.dev/server/internal/app"
)

// AdminTokenFile is where the first start leaves the bootstrap admin
// token, readable by the server's user only.
const AdminTokenFile = "admin-token"

// writeAdminTokenOnFirstStart issues the bootstrap admin token when the
// database has never held an admin token, and writes it to a file in the
// data directory. A revoked admin token counts: revoking the bootstrap
// token must not bring a new one at the next start (an admin on the
// server makes one with token create). The secret is never logged.
func writeAdminTokenOnFirstStart(ctx context.Context, a *app.App, dataDir string) error {
	found, err := everHadAdminToken(ctx, a)
	if err != nil || found {
		return err
	}
	t := &throughline.Token{Roles: []throughline.Role{throughline.RoleAdmin}, Label: "bootstrap"}
	secret, err := a.Store.CreateToken(ctx, t)
	if err != nil {
		return err
	}
	path := filepath.Join(dataDir, AdminTokenFile)
	if err := writePrivately(path, secret+"\n"); err != nil {
		return fmt.Errorf("write admin token: %w", err)
	}
	slog.Info("first start: admin token written", "file", path)
	return nil
}

// writePrivately replaces the file at path with text, readable by its
// owner only. os.WriteFile would keep the mode of a file already there,
// so a new file is made and renamed over it.
func writePrivately(path, text string) error {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+"-*")
	if err != nil {
		return err
	}
	defer os.Remove(f.Name()) // fails harmlessly once renamed
	if err := f.Chmod(0o600); err != nil {
		f.Close()
		return err
	}
	if _, err := f.WriteString(text); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(f.Name(), path)
}

func everHadAdminToken(ctx context.Context, a *app.App) (bool, error) {
	page := throughline.PageRequest{First: throughline.MaxPageSize}
	for {
		p, err := a.Store.FindTokens(ctx, page)
		if err != nil {
			return false, err
		}
		for _, t := range p.Items {
			if slices.Contains(t.Roles, throughline.RoleAdmin) {
				return true, nil
			}
		}
		if !p.HasNextPage {
			return false, nil
		}
		page.After = p.IDs[len(p.IDs)-1]
	}
}

type tokenCmd struct {
	Create tokenCreateCmd `cmd:"" help:"Issue a token and print its secret once."`
	List   tokenListCmd   `cmd:"" help:"List tokens (never their secrets)."`
	Revoke tokenRevokeCmd `cmd:"" help:"Revoke a token by its number from token list."`
}

type tokenCreateCmd struct {
	Person string   `help:"Email of the person the token acts for (not needed for ADMIN alone)."`
	Role   []string `required:"" help:"A role: ADMIN, HR, MANAGER or EMPLOYEE; repeat for several."`
	Label  string   `help:"What the token is for, such as a laptop's name."`
}

func (c *tokenCreateCmd) Run(ctx context.Context, cl *cli) error {
	a, err := cl.open(ctx)
	if err != nil {
		return err
	}
	defer a.Close()
	t := &throughline.Token{Label: c.Label}
	for _, r := range c.Role {
		t.Roles = append(t.Roles, throughline.Role(strings.ToUpper(r)))
	}
	if c.Person != "" {
		p, err := a.Store.FindPersonByEmail(ctx, c.Person)
		if err != nil {
			return fmt.Errorf("--person: %s", throughline.ErrorMessage(err))
		}
		t.PersonID = &p.ID
	}
	secret, err := a.Store.CreateToken(ctx, t)
	if err != nil {
		return userFacing(err)
	}
	fmt.Printf("token %d (%s): %s\n", t.ID, joinRoles(t.Roles), secret)
	fmt.Fprintln(os.Stderr, "Keep it now: the secret is not stored and cannot be shown again.")
	return nil
}

type tokenListCmd struct{}

func (c *tokenListCmd) Run(ctx context.Context, cl *cli) error {
	a, err := cl.open(ctx)
	if err != nil {
		return err
	}
	defer a.Close()
	w := tabwriter.NewWriter(os.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(w, "NUMBER\tROLES\tPERSON\tLABEL\tCREATED\tLAST USED\tREVOKED")
	page := throughline.PageRequest{First: throughline.MaxPageSize}
	for {
		p, err := a.Store.FindTokens(ctx, page)
		if err != nil {
			return err
		}
		for _, t := range p.Items {
			fmt.Fprintf(w, "%d\t%s\t%s\t%s\t%s\t%s\t%s\n", t.ID, joinRoles(t.Roles),
				personEmail(ctx, a, t.PersonID), t.Label, t.CreatedAt.Format("2006-01-02"),
				dateOrDash(t.LastUsedAt), dateOrDash(t.RevokedAt))
		}
		if !p.HasNextPage {
			return w.Flush()
		}
		page.After = p.IDs[len(p.IDs)-1]
	}
}

type tokenRevokeCmd struct {
	Number int64 `arg:"" help:"The token's number, from token list."`
}

func (c *tokenRevokeCmd) Run(ctx context.Context, cl *cli) error {
	a, err := cl.open(ctx)
	if err != nil {
		return err
	}
	defer a.Close()
	t, err := a.Store.RevokeToken(ctx, c.Number)
	if err != nil {
		return userFacing(err)
	}
	fmt.Printf("token %d revoked at %s\n", t.ID, t.RevokedAt.Format("2006-01-02 15:04:05 MST"))
	return nil
}

func joinRoles(roles []throughline.Role) string {
	s := make([]string, len(roles))
	for i, r := range roles {
		s[i] = string(r)
	}
	return strings.Join(s, ",")
}

func personEmail(ctx context.Context, a *app.App, id *int64) string {
	if id == nil {
		return "-"
	}
	p, err := a.Store.FindPersonByID(ctx, *id)
	if err != nil {
		return fmt.Sprintf("person %d", *id)
	}
	return p.Email
}

func dateOrDash(t *time.Time) string {
	if t == nil {
		return "-"
	}
	return t.Format("2006-01-02 15:04")
}

// userFacing turns a domain error into the message an admin reads at the
// command line, field by field.
func userFacing(err error) error {
	var ve *throughline.ValidationError
	if errors.As(err, &ve) {
		msgs := make([]string, len(ve.Problems))
		for i, p := range ve.Problems {
			msgs[i] = p.Field + ": " + p.Message
		}
		return errors.New(strings.Join(msgs, "; "))
	}
	if code := throughline.ErrorCode(err); code != throughline.EINTERNAL {
		return errors.New(throughline.ErrorMessage(err))
	}
	return err
}

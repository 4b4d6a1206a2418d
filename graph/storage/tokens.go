package storage

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"strings"
	"time"

	"gorm.io/gorm"

	throughline "throughline.dev/graph"
)

// Store implements throughline.TokenService.
var _ throughline.TokenService = (*Store)(nil)

// secretPrefix marks Throughline tokens, so that secret scanners and
// people recognise one.
const secretPrefix = "tl_"

// lastUsedEvery limits how often a token's last use is written: once a
// minute is precise enough and keeps reads from becoming writes.
const lastUsedEvery = time.Minute

// tokenRow is how a token is stored: roles as comma-separated text.
type tokenRow struct {
	ID          int64
	PersonID    *int64
	Roles       string
	Label       string
	SecretHash  string
	CreatedAt   time.Time
	CreatedByID *int64
	LastUsedAt  *time.Time
	RevokedAt   *time.Time
}

func (tokenRow) TableName() string { return "tokens" }

func (r *tokenRow) token() *throughline.Token {
	t := &throughline.Token{
		ID: r.ID, PersonID: r.PersonID, Label: r.Label, CreatedAt: r.CreatedAt,
		CreatedByID: r.CreatedByID, LastUsedAt: r.LastUsedAt, RevokedAt: r.RevokedAt,
	}
	for _, role := range strings.Split(r.Roles, ",") {
		t.Roles = append(t.Roles, throughline.Role(role))
	}
	return t
}

func hashSecret(secret string) string {
	sum := sha256.Sum256([]byte(secret))
	return hex.EncodeToString(sum[:])
}

func newSecret() string {
	b := make([]byte, 32)
	_, _ = rand.Read(b) // crypto/rand.Read never fails on supported platforms
	return secretPrefix + base64.RawURLEncoding.EncodeToString(b)
}

// CreateToken stores a new token and returns its secret.
func (s *Store) CreateToken(ctx context.Context, t *throughline.Token) (string, error) {
	if err := throughline.CheckToken(t); err != nil {
		return "", err
	}
	secret := newSecret()
	row := &tokenRow{
		PersonID: t.PersonID, Roles: joinRoles(t.Roles), Label: t.Label,
		SecretHash: hashSecret(secret), CreatedByID: t.CreatedByID,
	}
	err := s.tx(ctx, func(tx *gorm.DB) error {
		if err := mustExist[throughline.Person](tx, t.PersonID, "personId", "person"); err != nil {
			return err
		}
		if err := mustNotHaveLeft(tx, s.dia, t.PersonID); err != nil {
			return err
		}
		if err := tx.Create(row).Error; err != nil {
			return err
		}
		return s.audit(ctx, tx, "createToken", "Token", row.ID, nil, row.token())
	})
	if err != nil {
		return "", err
	}
	*t = *row.token()
	return secret, nil
}

func joinRoles(roles []throughline.Role) string {
	parts := make([]string, len(roles))
	for i, r := range roles {
		parts[i] = string(r)
	}
	return strings.Join(parts, ",")
}

// FindTokenByID returns a token, or ENOTFOUND.
func (s *Store) FindTokenByID(ctx context.Context, id int64) (*throughline.Token, error) {
	row, err := firstByID[tokenRow](s.read(ctx), id, "token")
	if err != nil {
		return nil, err
	}
	return row.token(), nil
}

// FindTokens lists tokens, revoked ones included, oldest first.
func (s *Store) FindTokens(ctx context.Context,
	page throughline.PageRequest,
) (*throughline.Page[*throughline.Token], error) {
	p, err := findPage(s.read(ctx), page, func(r *tokenRow) int64 { return r.ID })
	if err != nil {
		return nil, err
	}
	out := &throughline.Page[*throughline.Token]{
		HasNextPage: p.HasNextPage, TotalCount: p.TotalCount, IDs: p.IDs,
	}
	for _, r := range p.Items {
		out.Items = append(out.Items, r.token())
	}
	return out, nil
}

// RevokeToken marks a token revoked from now on.
func (s *Store) RevokeToken(ctx context.Context, id int64) (*throughline.Token, error) {
	var row *tokenRow
	err := s.tx(ctx, func(tx *gorm.DB) error {
		var err error
		if row, err = firstByID[tokenRow](s.forUpdate(tx), id, "token"); err != nil {
			return err
		}
		if row.RevokedAt != nil {
			return nil
		}
		before := row.token()
		now := s.Now()
		row.RevokedAt = &now
		if err := tx.Model(row).Update("revoked_at", now).Error; err != nil {
			return err
		}
		return s.audit(ctx, tx, "revokeToken", "Token", row.ID, before, row.token())
	})
	if err != nil {
		return nil, err
	}
	return row.token(), nil
}

// Authenticate finds the live token with a secret.
func (s *Store) Authenticate(ctx context.Context, secret string) (*throughline.Token, error) {
	denied := throughline.Errorf(throughline.EUNAUTHORIZED, "the token is unknown or revoked")
	if !strings.HasPrefix(secret, secretPrefix) {
		return nil, denied
	}
	// A token of someone who has left stops working on the day after
	// their last day, whatever its revocation says. NOT EXISTS looks up
	// the one person by key; NOT IN would scan every person who left.
	q := s.read(ctx).Where("secret_hash = ?", hashSecret(secret)).
		Where(`NOT EXISTS (SELECT 1 FROM people p WHERE p.id = tokens.person_id
			AND p.left_on IS NOT NULL AND `+s.dia.day("p.left_on")+` < `+s.dia.day("?")+`)`,
			s.Today())
	row, err := takeOne[tokenRow](q, "no such token")
	if throughline.ErrorCode(err) == throughline.ENOTFOUND || (err == nil && row.RevokedAt != nil) {
		return nil, denied
	}
	if err != nil {
		return nil, err
	}
	s.touchToken(ctx, row)
	return row.token(), nil
}

// touchToken records a token's use at most once a minute. A failure to
// record it must not refuse the request, so it is ignored.
func (s *Store) touchToken(ctx context.Context, row *tokenRow) {
	now := s.Now()
	if row.LastUsedAt != nil && now.Sub(*row.LastUsedAt) < lastUsedEvery {
		return
	}
	_ = s.read(ctx).Model(row).Update("last_used_at", now).Error
	row.LastUsedAt = &now
}

// reportsSQL selects everyone below a manager in the reporting line.
// UNION stops at people already seen, so bad data with a loop still ends.
const reportsSQL = `WITH RECURSIVE below(id) AS (
		SELECT id FROM people WHERE manager_id = ?
		UNION
		SELECT p.id FROM people p JOIN below b ON p.manager_id = b.id
	) SELECT id FROM below`

// ReportsOf walks the reporting line down from a manager in one query.
func (s *Store) ReportsOf(ctx context.Context, managerID int64) (map[int64]bool, error) {
	var ids []int64
	err := s.read(ctx).Raw(reportsSQL, managerID).Scan(&ids).Error
	if err != nil {
		return nil, mapError(err)
	}
	out := make(map[int64]bool, len(ids))
	for _, id := range ids {
		out[id] = true
	}
	return out, nil
}

package throughline

import (
	"context"
	"time"
)

// Token lets a person act through the API with its roles. Only a hash of
// its secret is stored; the secret is shown once, when it is made.
type Token struct {
	ID          int64
	PersonID    *int64 // nil only for the bootstrap admin token
	Roles       []Role
	Label       string
	CreatedAt   time.Time
	CreatedByID *int64
	LastUsedAt  *time.Time
	RevokedAt   *time.Time
}

// CheckToken applies the rules for a new token: at least one known role,
// and a person for every role but ADMIN.
func CheckToken(t *Token) error {
	var p Problems
	if len(t.Roles) == 0 {
		p.Add("roles", "a token needs at least one role")
	}
	for _, r := range t.Roles {
		if !r.Valid() {
			p.Add("roles", "%q is not a role (ADMIN, HR, MANAGER or EMPLOYEE)", r)
		}
		if r != RoleAdmin && t.PersonID == nil {
			p.Add("personId", "a %s token must act for a person", r)
		}
	}
	return p.Err()
}

// TokenService issues, checks and revokes tokens.
type TokenService interface {
	// CreateToken stores a token and returns its secret, which is not
	// kept and cannot be shown again.
	CreateToken(ctx context.Context, t *Token) (secret string, err error)
	FindTokenByID(ctx context.Context, id int64) (*Token, error)
	FindTokens(ctx context.Context, page PageRequest) (*Page[*Token], error)
	// RevokeToken stops a token from working; revoking twice is harmless.
	RevokeToken(ctx context.Context, id int64) (*Token, error)
	// Authenticate returns the live token with a secret, or EUNAUTHORIZED.
	Authenticate(ctx context.Context, secret string) (*Token, error)
	// ReportsOf returns everyone below a person in the reporting line.
	ReportsOf(ctx context.Context, managerID int64) (map[int64]bool, error)
}

// AuditEntry is one change in the audit log: who made it, what it was,
// and the object before and after, as JSON.
type AuditEntry struct {
	ID         int64
	At         time.Time
	ActorID    *int64
	TokenID    *int64
	Action     string
	ObjectKind string
	ObjectID   *int64
	Before     *string
	After      *string
}

// AuditFilter narrows the audit log. Zero values do not filter.
type AuditFilter struct {
	ObjectKind string
	ObjectID   *int64
	ActorID    *int64
}

// AuditService reads the audit log. Writes happen inside the storage
// transactions that make each change.
type AuditService interface {
	FindAuditEntries(ctx context.Context, f AuditFilter, page PageRequest) (*Page[*AuditEntry], error)
	// FindAuditEntryByID returns one entry, or ENOTFOUND.
	FindAuditEntryByID(ctx context.Context, id int64) (*AuditEntry, error)
}

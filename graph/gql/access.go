package gql

import (
	"context"

	throughline "throughline.dev/graph"
	"throughline.dev/graph/gql/model"
	"throughline.dev/graph/gql/scalar"
)

// actorFrom returns who the request acts for. The HTTP layer refuses
// requests without a token, so a missing actor is a wiring error that
// must still fail closed.
func actorFrom(ctx context.Context) (*throughline.Actor, error) {
	a, ok := throughline.ActorFrom(ctx)
	if !ok {
		return nil, throughline.Errorf(throughline.EUNAUTHORIZED, "sign in with a token first")
	}
	return a, nil
}

// require fails unless the actor passes check; what names the action for
// the error message.
func require(ctx context.Context, what string, check func(*throughline.Actor) bool) error {
	a, err := actorFrom(ctx)
	if err != nil {
		return err
	}
	if !check(a) {
		return throughline.Errorf(throughline.EUNAUTHORIZED, "you may not %s", what)
	}
	return nil
}

func isAdmin(a *throughline.Actor) bool { return a.Has(throughline.RoleAdmin) }

func isAuditor(a *throughline.Actor) bool {
	return a.Has(throughline.RoleAdmin) || a.Has(throughline.RoleHR)
}

func (r *Resolver) createToken(ctx context.Context,
	in model.CreateTokenInput,
) (*throughline.Token, string, error) {
	if err := require(ctx, "issue tokens", isAdmin); err != nil {
		return nil, "", err
	}
	person, err := decodeOptionalID("personId", throughline.KindPerson, in.PersonID)
	if err != nil {
		return nil, "", err
	}
	t := &throughline.Token{PersonID: person, Roles: in.Roles}
	if in.Label != nil {
		t.Label = *in.Label
	}
	if a, _ := actorFrom(ctx); a.PersonID != 0 {
		t.CreatedByID = &a.PersonID
	}
	secret, err := r.Tokens.CreateToken(ctx, t)
	return t, secret, err
}

func (r *Resolver) revokeToken(ctx context.Context, in model.RevokeTokenInput) (*throughline.Token, error) {
	if err := require(ctx, "revoke tokens", isAdmin); err != nil {
		return nil, err
	}
	id, err := decodeID("id", throughline.KindToken, in.ID)
	if err != nil {
		return nil, err
	}
	return r.Tokens.RevokeToken(ctx, id)
}

func (r *Resolver) findTokens(ctx context.Context,
	first *int32, after *string,
) (*model.TokenConnection, error) {
	if err := require(ctx, "list tokens", isAdmin); err != nil {
		return nil, err
	}
	page, err := pageRequest(first, after)
	if err != nil {
		return nil, err
	}
	p, err := r.Tokens.FindTokens(ctx, page)
	if err != nil {
		return nil, err
	}
	return &model.TokenConnection{
		Edges: edges(p, func(c string, n *throughline.Token) *model.TokenEdge {
			return &model.TokenEdge{Cursor: c, Node: n}
		}),
		Nodes:      nonNil(p.Items),
		PageInfo:   pageInfo(p, page.After),
		TotalCount: int32(p.TotalCount),
	}, nil
}

func (r *Resolver) findAuditEntries(ctx context.Context, objectID, actorID *string,
	first *int32, after *string,
) (*model.AuditEntryConnection, error) {
	if err := require(ctx, "read the audit log", isAuditor); err != nil {
		return nil, err
	}
	f, err := auditFilter(objectID, actorID)
	if err != nil {
		return nil, err
	}
	page, err := pageRequest(first, after)
	if err != nil {
		return nil, err
	}
	p, err := r.Audit.FindAuditEntries(ctx, f, page)
	if err != nil {
		return nil, err
	}
	if a, err := actorFrom(ctx); err != nil || !a.Has(throughline.RoleHR) {
		withoutPlanContent(p.Items)
	}
	return &model.AuditEntryConnection{
		Edges: edges(p, func(c string, n *throughline.AuditEntry) *model.AuditEntryEdge {
			return &model.AuditEntryEdge{Cursor: c, Node: n}
		}),
		Nodes:      nonNil(p.Items),
		PageInfo:   pageInfo(p, page.After),
		TotalCount: int32(p.TotalCount),
	}, nil
}

// planContentKinds are the kinds of audit entry whose before and after
// hold plan content: development plans, goals, actions, check-ins,
// assessments, and handovers with their packs (a pack freezes a plan and
// the outgoing manager's notes on risks).
var planContentKinds = map[string]bool{
	throughline.KindPlan: true, throughline.KindGoal: true, throughline.KindAction: true,
	throughline.KindCheckIn: true, throughline.KindAssessment: true,
	throughline.KindHandover: true, throughline.KindHandoverPack: true,
}

// withoutPlanContent blanks the before and after of plan content for an
// admin who is not HR: they audit who changed what and when, but read no
// plan, as everywhere else. The entries stay, so that counts and pages
// hold.
func withoutPlanContent(entries []*throughline.AuditEntry) {
	for i, e := range entries {
		if planContentKinds[e.ObjectKind] {
			blank := *e
			blank.Before, blank.After = nil, nil
			entries[i] = &blank
		}
	}
}

func auditFilter(objectID, actorID *string) (throughline.AuditFilter, error) {
	var f throughline.AuditFilter
	if objectID != nil {
		kind, id, ok := parseGlobalID(*objectID)
		if !ok {
			return f, throughline.FieldErrorf(throughline.EINVALID, "objectId",
				"%q is not an ID from this server", *objectID)
		}
		f.ObjectKind, f.ObjectID = kind, &id
	}
	var err error
	f.ActorID, err = decodeOptionalID("actorId", throughline.KindPerson, actorID)
	return f, err
}

// tokenNode is a token for node(id:): for admins, who list tokens; null
// for everyone else, as for a token that does not exist.
func (r *Resolver) tokenNode(ctx context.Context, id int64) (scalar.Node, error) {
	if a, err := actorFrom(ctx); err != nil || !isAdmin(a) {
		return nil, nil
	}
	return nilIfMissing(r.Tokens.FindTokenByID(ctx, id))
}

// auditEntryNode is an audit entry for node(id:): for those who read the
// audit log, with plan content blanked for an admin who is not HR, as the
// log shows it.
func (r *Resolver) auditEntryNode(ctx context.Context, id int64) (scalar.Node, error) {
	a, err := actorFrom(ctx)
	if err != nil || !isAuditor(a) {
		return nil, nil
	}
	e, err := orNotFound(r.Audit.FindAuditEntryByID(ctx, id))
	if err != nil || e == nil {
		return nil, err
	}
	entries := []*throughline.AuditEntry{e}
	if !a.Has(throughline.RoleHR) {
		withoutPlanContent(entries)
	}
	return entries[0], nil
}

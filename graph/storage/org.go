package storage

import (
	"context"
	"strings"

	"gorm.io/gorm"

	throughline "throughline.dev/graph"
)

// Store implements throughline.OrgService.
var _ throughline.OrgService = (*Store)(nil)

// FindCycleByID returns a cycle, or ENOTFOUND.
func (s *Store) FindCycleByID(ctx context.Context, id int64) (*throughline.Cycle, error) {
	return firstByID[throughline.Cycle](s.read(ctx), id, "cycle")
}

// FindCycleByName returns the cycle with a name, or ENOTFOUND.
func (s *Store) FindCycleByName(ctx context.Context, name string) (*throughline.Cycle, error) {
	q := s.read(ctx).Where("name = ?", name)
	return takeOne[throughline.Cycle](q, "no cycle named %q", name)
}

// FindCycles lists cycles in the order they were made.
func (s *Store) FindCycles(ctx context.Context,
	page throughline.PageRequest,
) (*throughline.Page[*throughline.Cycle], error) {
	return findPage(s.read(ctx), page, func(c *throughline.Cycle) int64 { return c.ID })
}

// CreateCycle stores a new cycle; a name of the form YYYY-Qn gets its
// quarter's dates when it has none.
func (s *Store) CreateCycle(ctx context.Context, c *throughline.Cycle) error {
	if start, end, ok := throughline.QuarterDates(c.Name); ok && c.StartsOn.IsZero() && c.EndsOn.IsZero() {
		c.StartsOn, c.EndsOn = start, end
	}
	if err := c.Validate(); err != nil {
		return err
	}
	return s.tx(ctx, func(tx *gorm.DB) error {
		err := conflictOn(tx.Create(c).Error, "name", "a cycle named %q already exists", c.Name)
		if err != nil {
			return err
		}
		return s.audit(ctx, tx, "createCycle", throughline.KindCycle, c.ID, nil, c)
	})
}

// FindTeamByID returns a team, or ENOTFOUND.
func (s *Store) FindTeamByID(ctx context.Context, id int64) (*throughline.Team, error) {
	return firstByID[throughline.Team](s.read(ctx), id, "team")
}

// FindTeams lists teams, optionally the roots or the children of one.
func (s *Store) FindTeams(ctx context.Context,
	f throughline.TeamFilter, page throughline.PageRequest,
) (*throughline.Page[*throughline.Team], error) {
	q := s.read(ctx)
	if f.ParentID != nil {
		q = q.Where("parent_id = ?", *f.ParentID)
	}
	if f.RootOnly {
		q = q.Where("parent_id IS NULL")
	}
	return findPage(q, page, func(t *throughline.Team) int64 { return t.ID })
}

// CreateTeam stores a new team.
func (s *Store) CreateTeam(ctx context.Context, t *throughline.Team) error {
	if strings.TrimSpace(t.Name) == "" {
		return throughline.FieldErrorf(throughline.EINVALID, "name", "a team needs a name")
	}
	return s.tx(ctx, func(tx *gorm.DB) error {
		if err := mustExist[throughline.Team](tx, t.ParentID, "parentId", "team"); err != nil {
			return err
		}
		if err := mustExist[throughline.Person](tx, t.LeadID, "leadId", "person"); err != nil {
			return err
		}
		err := conflictOn(tx.Create(t).Error, "name", "a team named %q already exists", t.Name)
		if err != nil {
			return err
		}
		return s.audit(ctx, tx, "createTeam", throughline.KindTeam, t.ID, nil, t)
	})
}

// UpdateTeam changes a team; a new parent may not be the team itself or
// one of its sub-teams. Writers of the team tree take turns, so that two
// moves checked at once cannot make a loop together.
func (s *Store) UpdateTeam(ctx context.Context,
	id int64, u throughline.TeamUpdate,
) (*throughline.Team, error) {
	var t *throughline.Team
	err := s.tx(ctx, func(tx *gorm.DB) error {
		if err := s.dia.serialize(tx, guardTeamTree); err != nil {
			return err
		}
		var err error
		if t, err = firstByID[throughline.Team](tx, id, "team"); err != nil {
			return err
		}
		before := *t
		if err := applyTeamUpdate(tx, t, u); err != nil {
			return err
		}
		err = conflictOn(tx.Save(t).Error, "name", "a team named %q already exists", t.Name)
		if err != nil {
			return err
		}
		return s.audit(ctx, tx, "updateTeam", throughline.KindTeam, t.ID, &before, t)
	})
	return t, err
}

func applyTeamUpdate(tx *gorm.DB, t *throughline.Team, u throughline.TeamUpdate) error {
	if u.Name != nil {
		if strings.TrimSpace(*u.Name) == "" {
			return throughline.FieldErrorf(throughline.EINVALID, "name", "a team needs a name")
		}
		t.Name = *u.Name
	}
	if u.LeadID != nil {
		if err := mustExist[throughline.Person](tx, u.LeadID, "leadId", "person"); err != nil {
			return err
		}
		t.LeadID = u.LeadID
	}
	if u.ClearParent {
		t.ParentID = nil
	} else if u.ParentID != nil {
		if err := mustExist[throughline.Team](tx, u.ParentID, "parentId", "team"); err != nil {
			return err
		}
		err := throughline.CheckNoLoop("parentId", t.ID, []int64{*u.ParentID},
			parentColumn(tx, "teams", "parent_id"))
		if err != nil {
			return err
		}
		t.ParentID = u.ParentID
	}
	return nil
}

// FindPersonByID returns a person, or ENOTFOUND.
func (s *Store) FindPersonByID(ctx context.Context, id int64) (*throughline.Person, error) {
	return firstByID[throughline.Person](s.read(ctx), id, "person")
}

// FindPersonByEmail returns the person with an email, ignoring case, or
// ENOTFOUND.
func (s *Store) FindPersonByEmail(ctx context.Context, email string) (*throughline.Person, error) {
	q := s.read(ctx).Where("email = ?", strings.ToLower(strings.TrimSpace(email)))
	return takeOne[throughline.Person](q, "nobody has the email %q", email)
}

// FindPeople lists people, optionally in a team, under a manager or
// matching a search.
func (s *Store) FindPeople(ctx context.Context,
	f throughline.PersonFilter, page throughline.PageRequest,
) (*throughline.Page[*throughline.Person], error) {
	q := s.read(ctx)
	if f.TeamID != nil {
		q = q.Where("team_id = ?", *f.TeamID)
	}
	if f.ManagerID != nil {
		q = q.Where("manager_id = ?", *f.ManagerID)
	}
	if f.Search != "" {
		pat := likePattern(f.Search)
		q = q.Where(`(LOWER(name) LIKE ? ESCAPE '\' OR LOWER(email) LIKE ? ESCAPE '\'
			OR LOWER(title) LIKE ? ESCAPE '\')`, pat, pat, pat)
	}
	return findPage(q, page, func(p *throughline.Person) int64 { return p.ID })
}

// CreatePerson stores a new person; emails are kept in lower case.
func (s *Store) CreatePerson(ctx context.Context, p *throughline.Person) error {
	p.Email = strings.ToLower(strings.TrimSpace(p.Email))
	if err := checkPerson(p); err != nil {
		return err
	}
	return s.tx(ctx, func(tx *gorm.DB) error {
		if err := mustExist[throughline.Team](tx, p.TeamID, "teamId", "team"); err != nil {
			return err
		}
		if err := mustExist[throughline.Person](tx, p.ManagerID, "managerId", "person"); err != nil {
			return err
		}
		err := conflictOn(tx.Create(p).Error, "email", "someone already has the email %q", p.Email)
		if err != nil {
			return err
		}
		return s.audit(ctx, tx, "createPerson", throughline.KindPerson, p.ID, nil, p)
	})
}

func checkPerson(p *throughline.Person) error {
	var probs throughline.Problems
	if !strings.Contains(p.Email, "@") {
		probs.Add("email", "%q is not an email address", p.Email)
	}
	if strings.TrimSpace(p.Name) == "" {
		probs.Add("name", "a person needs a name")
	}
	return probs.Err()
}

// UpdatePerson changes a person; a new manager may not be the person or
// anyone who reports to them, directly or not. Writers of reporting lines
// take turns, so that two changes checked at once cannot make a loop
// together, and the whole row saved is the one just read.
func (s *Store) UpdatePerson(ctx context.Context,
	id int64, u throughline.PersonUpdate,
) (*throughline.Person, error) {
	var p *throughline.Person
	err := s.tx(ctx, func(tx *gorm.DB) error {
		if err := s.dia.serialize(tx, guardReporting); err != nil {
			return err
		}
		var err error
		if p, err = firstByID[throughline.Person](tx, id, "person"); err != nil {
			return err
		}
		before := *p
		if err := applyPersonUpdate(tx, p, u); err != nil {
			return err
		}
		if err := s.savePerson(tx, &before, p); err != nil {
			return err
		}
		return s.audit(ctx, tx, "updatePerson", throughline.KindPerson, p.ID, &before, p)
	})
	return p, err
}

func applyPersonUpdate(tx *gorm.DB, p *throughline.Person, u throughline.PersonUpdate) error {
	if u.Name != nil {
		p.Name = *u.Name
	}
	if u.Title != nil {
		p.Title = *u.Title
	}
	if err := checkPerson(p); err != nil {
		return err
	}
	if u.TeamID != nil {
		if err := mustExist[throughline.Team](tx, u.TeamID, "teamId", "team"); err != nil {
			return err
		}
		p.TeamID = u.TeamID
	}
	if u.ClearManager {
		p.ManagerID = nil
	} else if u.ManagerID != nil {
		if err := mustExist[throughline.Person](tx, u.ManagerID, "managerId", "person"); err != nil {
			return err
		}
		err := throughline.CheckNoLoop("managerId", p.ID, []int64{*u.ManagerID},
			parentColumn(tx, "people", "manager_id"))
		if err != nil {
			return err
		}
		p.ManagerID = u.ManagerID
	}
	return nil
}

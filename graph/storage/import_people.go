package storage

import (
	"context"

	"gorm.io/gorm"

	throughline "throughline.dev/graph"
	"throughline.dev/graph/importer"
)

// ApplyPeopleImport writes a checked people file in one transaction:
// missing teams and people are created, rows whose values differ are
// updated, and the rest are not touched. It checks again, inside the
// transaction, that every manager exists and that neither the team tree
// nor the reporting lines loop, since the data may have changed since the
// file was checked. Each row created or updated gets an audit entry,
// importPeople; unchanged rows get none.
//
// It takes turns with the other writers of the team tree and of reporting
// lines, so that what it checks again holds until it commits.
func (s *Store) ApplyPeopleImport(
	ctx context.Context, plan *importer.PeoplePlan,
) (importer.Summary, error) {
	var sum importer.Summary
	err := s.tx(ctx, func(tx *gorm.DB) error {
		if err := s.dia.serialize(tx, guardTeamTree, guardReporting); err != nil {
			return err
		}
		im := s.newImportTx(ctx, tx, "importPeople")
		teams, err := im.applyTeamTree(plan.Teams, &sum.Teams)
		if err != nil {
			return err
		}
		if err := im.applyPeople(plan.People, teams, &sum.People); err != nil {
			return err
		}
		if err := im.checkNoLoops("teams", "parent_id", "team tree"); err != nil {
			return err
		}
		if err := im.checkNoLoops("people", "manager_id", "reporting lines"); err != nil {
			return err
		}
		return im.log.flush()
	})
	if err != nil {
		return importer.Summary{}, err
	}
	return sum, nil
}

// applyTeamTree creates the teams the file names that do not exist, parents
// first, and re-parents those the file gives another parent. It returns
// every team's ID by name.
func (im *importTx) applyTeamTree(
	want []importer.PlanTeam, n *importer.Counts,
) (map[string]int64, error) {
	ids, stored, err := loadKeyed(im.tx, func(t *throughline.Team) (string, int64) {
		return t.Name, t.ID
	})
	if err != nil {
		return nil, err
	}
	if err := im.createTeams(want, ids, n); err != nil {
		return nil, err
	}
	var changed [][]any
	for _, t := range want {
		old, ok := stored[t.Name]
		switch {
		case !ok: // created above
		case t.Parent == "" || sameRef(old.ParentID, ids[t.Parent]):
			n.Unchanged++
		default:
			changed = append(changed, []any{old.ID, ids[t.Parent]})
			im.log.add(throughline.KindTeam, old.ID, old, im.reparented(old, ids[t.Parent]))
		}
	}
	n.Updated = len(changed)
	return ids, im.setRows("teams", []string{"parent_id"}, changed)
}

// reparented is a team as the import leaves it under a new parent.
func (im *importTx) reparented(old *throughline.Team, parent int64) *throughline.Team {
	t := *old
	t.ParentID, t.UpdatedAt = &parent, im.now
	return &t
}

// createTeams inserts the teams not in ids, a new parent before its
// children, and adds their IDs to ids.
func (im *importTx) createTeams(want []importer.PlanTeam, ids map[string]int64,
	n *importer.Counts,
) error {
	fresh, index := missing(want, ids, func(t importer.PlanTeam) string { return t.Name })
	groups, err := byDepth(len(fresh), func(i int) int { return indexOr(index, fresh[i].Parent) })
	if err != nil {
		return err
	}
	for _, g := range groups {
		rows := make([]*throughline.Team, len(g))
		for k, i := range g {
			rows[k] = &throughline.Team{Name: fresh[i].Name,
				ParentID: optionalID(ids, fresh[i].Parent)}
		}
		if err := im.tx.CreateInBatches(rows, chunk).Error; err != nil {
			return conflictOn(err, "team", "a team the file names was created meanwhile; try again")
		}
		for _, r := range rows {
			ids[r.Name] = r.ID
			im.log.add(throughline.KindTeam, r.ID, nil, r)
		}
	}
	n.Created = len(fresh)
	return nil
}

// applyPeople creates the people not stored yet, managers before their
// reports, and updates those whose name, title, team or manager differ.
func (im *importTx) applyPeople(want []importer.PlanPerson, teams map[string]int64,
	n *importer.Counts,
) error {
	ids, stored, err := loadKeyed(im.tx, func(p *throughline.Person) (string, int64) {
		return p.Email, p.ID
	})
	if err != nil {
		return err
	}
	if err := im.createPeople(want, ids, teams, n); err != nil {
		return err
	}
	var changed [][]any
	var moved []managerMove
	for _, p := range want {
		old, ok := stored[p.Email]
		if !ok {
			continue // created above
		}
		row, err := personRow(p, ids, teams)
		switch {
		case err != nil:
			return err
		case samePerson(old, row):
			n.Unchanged++
		default:
			changed = append(changed, []any{old.ID, row.Name, row.Title, row.TeamID, row.ManagerID})
			row.ID, row.CreatedAt, row.UpdatedAt = old.ID, old.CreatedAt, im.now
			im.log.add(throughline.KindPerson, old.ID, old, row)
			if !sameManager(old.ManagerID, row.ManagerID) {
				moved = append(moved, managerMove{row, old.ManagerID})
			}
		}
	}
	n.Updated = len(changed)
	err = im.setRows("people", []string{"name", "title", "team_id", "manager_id"}, changed)
	if err != nil {
		return err
	}
	return im.keepHistory(moved)
}

// managerMove is a person whose manager an import changes, and the
// manager they had.
type managerMove struct {
	person *throughline.Person
	from   *int64
}

// keepHistory records the manager changes of an import in each person's
// history, from the day of the import, as a move through the API is.
func (im *importTx) keepHistory(moved []managerMove) error {
	for _, m := range moved {
		if err := keepHistory(im.tx, m.person, m.from, im.now, nil); err != nil {
			return err
		}
	}
	return nil
}

// createPeople inserts the people not in ids in groups, each group's
// managers stored before it, so that no new row needs a second write.
func (im *importTx) createPeople(want []importer.PlanPerson, ids, teams map[string]int64,
	n *importer.Counts,
) error {
	fresh, index := missing(want, ids, func(p importer.PlanPerson) string { return p.Email })
	groups, err := byDepth(len(fresh), func(i int) int {
		return indexOr(index, fresh[i].ManagerEmail)
	})
	if err != nil {
		return err
	}
	for _, g := range groups {
		if err := im.insertPeople(fresh, g, ids, teams); err != nil {
			return err
		}
	}
	n.Created = len(fresh)
	return nil
}

func (im *importTx) insertPeople(fresh []importer.PlanPerson, group []int,
	ids, teams map[string]int64,
) error {
	rows := make([]*throughline.Person, len(group))
	for k, i := range group {
		var err error
		if rows[k], err = personRow(fresh[i], ids, teams); err != nil {
			return err
		}
	}
	if err := im.tx.CreateInBatches(rows, chunk).Error; err != nil {
		return conflictOn(err, "email", "someone in the file was added meanwhile; try again")
	}
	for _, r := range rows {
		ids[r.Email] = r.ID
		im.log.add(throughline.KindPerson, r.ID, nil, r)
	}
	return nil
}

// personRow is a person as the file wants them, with team and manager
// resolved to IDs.
func personRow(p importer.PlanPerson, ids, teams map[string]int64) (*throughline.Person, error) {
	manager := optionalID(ids, p.ManagerEmail)
	if p.ManagerEmail != "" && manager == nil {
		return nil, missingManager(p)
	}
	return &throughline.Person{Email: p.Email, Name: p.Name, Title: p.Title,
		TeamID: optionalID(teams, p.Team), ManagerID: manager}, nil
}

func samePerson(a, b *throughline.Person) bool {
	return a.Name == b.Name && a.Title == b.Title &&
		sameID(a.TeamID, b.TeamID) && sameID(a.ManagerID, b.ManagerID)
}

func missingManager(p importer.PlanPerson) error {
	return throughline.FieldErrorf(throughline.ECONFLICT, "manager_email",
		"%s's manager %s is no longer stored; try again", p.Email, p.ManagerEmail)
}

package storage

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"maps"

	"gorm.io/gorm"

	throughline "throughline.dev/graph"
)

// Store implements throughline.HandoverService.
var _ throughline.HandoverService = (*Store)(nil)

// FindHandoverByID returns a handover, or ENOTFOUND.
func (s *Store) FindHandoverByID(ctx context.Context, id int64) (*throughline.Handover, error) {
	return firstByID[throughline.Handover](s.read(ctx), id, "handover")
}

// FindHandovers lists handovers newest first, optionally those involving
// someone, moving someone, or with packs still to acknowledge.
func (s *Store) FindHandovers(ctx context.Context, f throughline.HandoverFilter,
	page throughline.PageRequest,
) (*throughline.Page[*throughline.Handover], error) {
	q := s.read(ctx)
	if id := f.Involving; id != nil {
		q = q.Where(`(from_manager_id = ? OR to_manager_id = ? OR created_by_id = ?
			OR id IN (SELECT handover_id FROM handover_packs
				WHERE person_id = ? OR from_manager_id = ?))`,
			*id, *id, *id, *id, *id)
	}
	if f.PersonID != nil {
		q = q.Where("id IN (SELECT handover_id FROM handover_packs WHERE person_id = ?)",
			*f.PersonID)
	}
	if f.PendingOnly {
		q = q.Where(`id IN (SELECT handover_id FROM handover_packs
			WHERE handover_id IS NOT NULL AND acknowledged_at IS NULL)`)
	}
	return newestFirst(q, page, func(h *throughline.Handover) int64 { return h.ID })
}

// newestFirst loads one page of T, newest (highest ID) first; the cursor
// is the ID of the last item seen, so items added meanwhile do not shift
// the pages after it.
func newestFirst[T any](q *gorm.DB, page throughline.PageRequest,
	id func(*T) int64,
) (*throughline.Page[*T], error) {
	p := &throughline.Page[*T]{}
	if err := q.Session(&gorm.Session{}).Model(new(T)).Count(&p.TotalCount).Error; err != nil {
		return nil, mapError(err)
	}
	q = q.Session(&gorm.Session{})
	if page.After > 0 {
		q = q.Where("id < ?", page.After)
	}
	var items []*T
	if err := q.Order("id DESC").Limit(page.First + 1).Find(&items).Error; err != nil {
		return nil, mapError(err)
	}
	trimPage(p, items, page.First, id)
	return p, nil
}

// FindPackByID returns a handover pack, or ENOTFOUND.
func (s *Store) FindPackByID(ctx context.Context, id int64) (*throughline.HandoverPack, error) {
	return firstByID[throughline.HandoverPack](s.read(ctx), id, "handover pack")
}

// FindPacks lists a handover's packs in the order they were made.
func (s *Store) FindPacks(ctx context.Context, handoverID int64) ([]*throughline.HandoverPack, error) {
	var packs []*throughline.HandoverPack
	err := s.read(ctx).Where("handover_id = ?", handoverID).Order("id").Find(&packs).Error
	return packs, mapError(err)
}

// HandOver moves people to a new manager in one transaction. It checks the
// move, freezes each person's contents before the transaction (they are
// read through the API's own lookups), then checks the move again inside
// the transaction, where nothing can change under it (writers of
// reporting lines take turns), and writes.
func (s *Store) HandOver(ctx context.Context, h *throughline.Handover, personIDs []int64,
	contents func(ctx context.Context, personID int64) (*throughline.HandoverContents, error),
) ([]*throughline.HandoverPack, error) {
	ids := distinctIDs(personIDs)
	if h.EffectiveOn.IsZero() {
		h.EffectiveOn = s.Today()
	}
	h.EffectiveOn = throughline.Day(h.EffectiveOn)
	if _, err := s.checkMove(s.read(ctx), h, ids); err != nil {
		return nil, err
	}
	for attempt := 1; ; attempt++ {
		packs, err := s.handOverOnce(ctx, h, ids, contents)
		if !errors.Is(err, errPlansMoved) {
			return packs, err
		}
		if attempt == handOverAttempts {
			return nil, throughline.Errorf(throughline.ECONFLICT, "the plans of the people "+
				"handed over kept changing while their packs were written; try again")
		}
	}
}

// handOverAttempts is how often a move is tried while the plans it packs
// keep changing under it.
const handOverAttempts = 3

// errPlansMoved says a plan changed between freezing the packs and the
// move's transaction.
var errPlansMoved = errors.New("storage: plans changed while packs were frozen")

// handOverOnce freezes the packs, then moves the people in one
// transaction if no plan of theirs changed meanwhile: the contents are
// built outside the transaction (through the API's loaders), and every
// write to a plan raises its version, so equal versions mean the frozen
// packs are what the move finds.
func (s *Store) handOverOnce(ctx context.Context, h *throughline.Handover, ids []int64,
	contents func(ctx context.Context, personID int64) (*throughline.HandoverContents, error),
) ([]*throughline.HandoverPack, error) {
	seen, err := planVersions(s.read(ctx), ids)
	if err != nil {
		return nil, err
	}
	frozen, err := freezeContents(ctx, ids, contents)
	if err != nil {
		return nil, err
	}
	var packs []*throughline.HandoverPack
	err = s.tx(ctx, func(tx *gorm.DB) error {
		if err := s.dia.serialize(tx, guardReporting); err != nil {
			return err
		}
		now, err := planVersions(s.forUpdate(tx), ids)
		if err != nil {
			return err
		}
		if !maps.Equal(seen, now) {
			return errPlansMoved
		}
		m, err := s.checkMove(tx, h, ids)
		if err != nil {
			return err
		}
		if packs, err = s.writeMove(ctx, tx, m, frozen); err != nil {
			return err
		}
		return s.raisePlanVersions(tx, ids)
	})
	return packs, err
}

// raisePlanVersions makes every plan of the people moved a version newer.
// Who may edit a plan is decided before a write's transaction, so an edit
// by the old manager racing the move could land after it; the edit names
// the version it read, so a raised version refuses it as stale.
func (s *Store) raisePlanVersions(tx *gorm.DB, personIDs []int64) error {
	return mapError(eachChunk(personIDs, func(part []int64) error {
		return tx.Model(&throughline.DevelopmentPlan{}).Where("person_id IN ?", part).
			Updates(map[string]any{"version": gorm.Expr("version + 1"), "updated_at": s.Now()}).Error
	}))
}

// planVersions maps the plans of some people to their versions.
func planVersions(db *gorm.DB, personIDs []int64) (map[int64]int32, error) {
	versions := map[int64]int32{}
	err := eachChunk(personIDs, func(part []int64) error {
		var rows []struct {
			ID      int64
			Version int32
		}
		err := db.Model(&throughline.DevelopmentPlan{}).Select("id, version").
			Where("person_id IN ?", part).Scan(&rows).Error
		for _, r := range rows {
			versions[r.ID] = r.Version
		}
		return err
	})
	return versions, mapError(err)
}

func distinctIDs(ids []int64) []int64 {
	seen := make(map[int64]bool, len(ids))
	out := make([]int64, 0, len(ids))
	for _, id := range ids {
		if !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	return out
}

// freezeContents renders each person's pack contents as the JSON a pack
// keeps.
func freezeContents(ctx context.Context, ids []int64,
	contents func(ctx context.Context, personID int64) (*throughline.HandoverContents, error),
) (map[int64]string, error) {
	out := make(map[int64]string, len(ids))
	for _, id := range ids {
		c, err := contents(ctx, id)
		if err != nil {
			return nil, err
		}
		b, err := json.Marshal(c)
		if err != nil {
			return nil, fmt.Errorf("storage: handover contents: %w", err)
		}
		out[id] = string(b)
	}
	return out, nil
}

// writeMove records a checked move: the handover, then for each person
// the new manager, the history and the pack.
func (s *Store) writeMove(ctx context.Context, tx *gorm.DB, m *move,
	frozen map[int64]string,
) ([]*throughline.HandoverPack, error) {
	h := m.h
	h.ID, h.CreatedAt, h.FromManagerID = 0, s.Now(), commonManager(m.people)
	if err := tx.Create(h).Error; err != nil {
		return nil, mapError(err)
	}
	if err := s.audit(ctx, tx, "handOver", throughline.KindHandover, h.ID, nil, h); err != nil {
		return nil, err
	}
	packs := make([]*throughline.HandoverPack, 0, len(m.people))
	for _, p := range m.people {
		pack, err := s.movePerson(ctx, tx, h, p, frozen[p.ID])
		if err != nil {
			return nil, err
		}
		packs = append(packs, pack)
	}
	return packs, nil
}

// commonManager is the manager every person moved had, or nil when they
// had different managers or none.
func commonManager(people []*throughline.Person) *int64 {
	first := people[0].ManagerID
	for _, p := range people[1:] {
		if !sameManager(first, p.ManagerID) {
			return nil
		}
	}
	return first
}

func (s *Store) movePerson(ctx context.Context, tx *gorm.DB, h *throughline.Handover,
	p *throughline.Person, snapshot string,
) (*throughline.HandoverPack, error) {
	before, to, handoverID := *p, h.ToManagerID, h.ID
	p.ManagerID, p.UpdatedAt = &to, s.Now()
	err := tx.Model(&throughline.Person{}).Where("id = ?", p.ID).
		Updates(map[string]any{"manager_id": to, "updated_at": p.UpdatedAt}).Error
	if err != nil {
		return nil, mapError(err)
	}
	if err := keepHistory(tx, p, before.ManagerID, h.EffectiveOn, &handoverID); err != nil {
		return nil, err
	}
	if err := s.audit(ctx, tx, "handOver", throughline.KindPerson, p.ID, &before, p); err != nil {
		return nil, err
	}
	return s.freezePack(ctx, tx, handoverID, &before, snapshot)
}

// freezePack makes a person's pack part of a handover with its contents
// frozen: their draft when the outgoing manager wrote one, else a new
// pack with no notes.
func (s *Store) freezePack(ctx context.Context, tx *gorm.DB, handoverID int64,
	p *throughline.Person, snapshot string,
) (*throughline.HandoverPack, error) {
	pack, err := findDraft(tx, p.ID)
	if err != nil {
		return nil, err
	}
	now := s.Now()
	if pack == nil {
		pack = &throughline.HandoverPack{PersonID: p.ID, FromManagerID: p.ManagerID, CreatedAt: now}
		return pack, s.savePack(ctx, tx, nil, pack, handoverID, snapshot)
	}
	before := *pack
	if p.ManagerID != nil {
		// A person whose manager left keeps the leaver as the author of
		// the notes they drafted.
		pack.FromManagerID = p.ManagerID
	}
	return pack, s.savePack(ctx, tx, &before, pack, handoverID, snapshot)
}

func (s *Store) savePack(ctx context.Context, tx *gorm.DB, before, pack *throughline.HandoverPack,
	handoverID int64, snapshot string,
) error {
	pack.HandoverID, pack.Snapshot, pack.UpdatedAt = &handoverID, &snapshot, s.Now()
	if err := tx.Save(pack).Error; err != nil {
		return conflictOn(err, "personIds",
			"person %d is already in a handover waiting for acknowledgement", pack.PersonID)
	}
	return s.audit(ctx, tx, "handOver", throughline.KindHandoverPack, pack.ID, before, pack)
}

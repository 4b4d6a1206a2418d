package storage

import (
	"context"
	"strings"
	"time"

	"gorm.io/gorm"

	throughline "throughline.dev/graph"
)

// DraftPack creates the draft pack of a person, or changes the notes of
// the one they have. The draft names the person's manager as it stands.
// It takes turns with the writers of reporting lines: a handover turns
// the draft into its pack, and a draft saved over it would undo that.
func (s *Store) DraftPack(ctx context.Context,
	d throughline.HandoverDraft,
) (*throughline.HandoverPack, error) {
	var pack *throughline.HandoverPack
	err := s.tx(ctx, func(tx *gorm.DB) error {
		if err := s.dia.serialize(tx, guardReporting); err != nil {
			return err
		}
		p, err := findNamed[throughline.Person](tx, d.PersonID, "personId", "person")
		if err != nil {
			return err
		}
		if p.LeftOn != nil {
			return throughline.FieldErrorf(throughline.EINVALID, "personId",
				"%s left on %s and will not be handed over", p.Name, isoDay(*p.LeftOn))
		}
		pack, err = s.writeDraft(ctx, tx, p, d)
		return err
	})
	return pack, err
}

func (s *Store) writeDraft(ctx context.Context, tx *gorm.DB, p *throughline.Person,
	d throughline.HandoverDraft,
) (*throughline.HandoverPack, error) {
	pack, err := findDraft(tx, p.ID)
	if err != nil {
		return nil, err
	}
	if err := checkDraftVersion(pack, d.Version); err != nil {
		return nil, err
	}
	now := s.Now()
	if pack == nil {
		pack = &throughline.HandoverPack{PersonID: p.ID, CreatedAt: now, Version: 1}
		applyDraft(pack, p, d, now)
		if err := tx.Create(pack).Error; err != nil {
			return nil, mapError(err)
		}
		return pack, s.audit(ctx, tx, "draftHandoverPack", throughline.KindHandoverPack, pack.ID, nil, pack)
	}
	before := *pack
	applyDraft(pack, p, d, now)
	pack.Version++
	if err := tx.Save(pack).Error; err != nil {
		return nil, mapError(err)
	}
	return pack, s.audit(ctx, tx, "draftHandoverPack", throughline.KindHandoverPack, pack.ID, &before, pack)
}

// checkDraftVersion refuses an edit made on another version of the draft
// than the one stored, and a first draft for someone who has one: either
// way the editor has not read what is there. The writer's transaction
// holds the lock on reporting lines, so two edits cannot both pass.
func checkDraftVersion(pack *throughline.HandoverPack, read *int32) error {
	switch {
	case pack == nil && read != nil:
		return throughline.FieldErrorf(throughline.ECONFLICT, "version",
			"there is no draft to edit (none was written, or it went with a handover): "+
				"leave version out to start one")
	case pack != nil && read == nil:
		return throughline.FieldErrorf(throughline.ECONFLICT, "version",
			"a draft already exists (version %d): read it and send its version with the edit",
			pack.Version)
	case pack != nil:
		return throughline.CheckVersion("draft", *read, pack.Version)
	}
	return nil
}

func applyDraft(pack *throughline.HandoverPack, p *throughline.Person,
	d throughline.HandoverDraft, now time.Time,
) {
	if d.Risks != nil {
		pack.Risks = strings.TrimSpace(*d.Risks)
	}
	if d.StakeholderPriorities != nil {
		pack.StakeholderPriorities = strings.TrimSpace(*d.StakeholderPriorities)
	}
	pack.FromManagerID, pack.DraftedByID, pack.UpdatedAt = p.ManagerID, d.DraftedByID, now
}

// FindDraftPack returns a person's draft pack, or ENOTFOUND.
func (s *Store) FindDraftPack(ctx context.Context, personID int64) (*throughline.HandoverPack, error) {
	p, err := findDraft(s.read(ctx), personID)
	if err == nil && p == nil {
		return nil, throughline.Errorf(throughline.ENOTFOUND, "no draft pack")
	}
	return p, err
}

// findDraft returns a person's draft pack, or nil when they have none.
func findDraft(tx *gorm.DB, personID int64) (*throughline.HandoverPack, error) {
	var packs []*throughline.HandoverPack
	err := tx.Where("person_id = ? AND handover_id IS NULL", personID).Limit(1).Find(&packs).Error
	if err != nil || len(packs) == 0 {
		return nil, mapError(err)
	}
	return packs[0], nil
}

// AcknowledgePack records that the incoming manager read a pack. The pack
// is locked as it is read, so that of two acknowledgements at once the
// second finds the first.
func (s *Store) AcknowledgePack(ctx context.Context,
	packID, by int64,
) (*throughline.HandoverPack, error) {
	return s.acknowledgePack(ctx, packID, by, true)
}

// AcknowledgePackForManager acknowledges a pack for its incoming manager;
// the pack names who did.
func (s *Store) AcknowledgePackForManager(ctx context.Context,
	packID, by int64,
) (*throughline.HandoverPack, error) {
	return s.acknowledgePack(ctx, packID, by, false)
}

// acknowledgePack marks a pack read by a person: the incoming manager
// only, when incoming says so.
func (s *Store) acknowledgePack(ctx context.Context, packID, by int64,
	incoming bool,
) (*throughline.HandoverPack, error) {
	var pack *throughline.HandoverPack
	err := s.tx(ctx, func(tx *gorm.DB) error {
		var err error
		pack, err = findNamed[throughline.HandoverPack](s.forUpdate(tx), packID, "packId",
			"handover pack")
		if err != nil {
			return err
		}
		if err := checkAcknowledge(tx, pack, by, incoming); err != nil {
			return err
		}
		before, now := *pack, s.Now()
		pack.AcknowledgedAt, pack.AcknowledgedByID, pack.UpdatedAt = &now, &by, now
		if err := tx.Save(pack).Error; err != nil {
			return mapError(err)
		}
		return s.audit(ctx, tx, "acknowledgeHandoverPack", throughline.KindHandoverPack, pack.ID,
			&before, pack)
	})
	return pack, err
}

func checkAcknowledge(tx *gorm.DB, pack *throughline.HandoverPack, by int64,
	incoming bool,
) error {
	if pack.HandoverID == nil {
		return throughline.FieldErrorf(throughline.EINVALID, "packId",
			"this pack is a draft: the incoming manager acknowledges it after the move")
	}
	h, err := firstByID[throughline.Handover](tx, *pack.HandoverID, "handover")
	if err != nil {
		return err
	}
	if incoming && h.ToManagerID != by {
		return throughline.Errorf(throughline.EUNAUTHORIZED,
			"only the incoming manager acknowledges a handover pack")
	}
	if pack.AcknowledgedAt != nil {
		return throughline.FieldErrorf(throughline.EINVALID, "packId",
			"this pack was acknowledged on %s", isoDay(*pack.AcknowledgedAt))
	}
	return nil
}

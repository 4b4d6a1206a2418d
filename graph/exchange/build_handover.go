package exchange

import (
	"cmp"
	"encoding/json"
	"slices"

	throughline "throughline.dev/graph"
)

// handoverList writes handovers sorted by the day they took effect, the
// moment they were made and the incoming manager, each with its packs
// sorted by person. It returns each handover's position in the list by
// ID, for the stints that name one.
func (b *builder) handoverList() ([]Handover, map[int64]int) {
	packs := map[int64][]Pack{}
	for _, p := range b.d.Packs {
		if p.HandoverID != nil {
			packs[*p.HandoverID] = append(packs[*p.HandoverID], b.pack(p))
		}
	}
	type made struct {
		id int64
		h  Handover
	}
	list := make([]made, 0, len(b.d.Handovers))
	for _, h := range b.d.Handovers {
		ps := packs[h.ID]
		slices.SortStableFunc(ps, func(x, y Pack) int { return cmp.Compare(x.Person, y.Person) })
		list = append(list, made{h.ID, Handover{FromManager: b.email(h.FromManagerID),
			ToManager: b.emails[h.ToManagerID], EffectiveOn: DateOf(h.EffectiveOn),
			Note: h.Note, CreatedBy: b.email(h.CreatedByID), CreatedAt: h.CreatedAt.UTC(),
			Packs: ps}})
	}
	slices.SortStableFunc(list, func(x, y made) int {
		return cmp.Or(x.h.EffectiveOn.Compare(y.h.EffectiveOn.Time),
			x.h.CreatedAt.Compare(y.h.CreatedAt), cmp.Compare(x.h.ToManager, y.h.ToManager))
	})
	out := make([]Handover, len(list))
	positions := make(map[int64]int, len(list))
	for i, m := range list {
		out[i], positions[m.id] = m.h, i
	}
	return out, positions
}

func (b *builder) notes(p *throughline.HandoverPack) PackNotes {
	return PackNotes{Person: b.emails[p.PersonID], FromManager: b.email(p.FromManagerID),
		Risks: p.Risks, StakeholderPriorities: p.StakeholderPriorities,
		DraftedBy: b.email(p.DraftedByID), Version: p.Version,
		CreatedAt: p.CreatedAt.UTC(), UpdatedAt: p.UpdatedAt.UTC()}
}

func (b *builder) pack(p *throughline.HandoverPack) Pack {
	out := Pack{PackNotes: b.notes(p), AcknowledgedBy: b.email(p.AcknowledgedByID)}
	if p.Snapshot != nil {
		out.Snapshot = json.RawMessage(*p.Snapshot)
	}
	if p.AcknowledgedAt != nil {
		at := p.AcknowledgedAt.UTC()
		out.AcknowledgedAt = &at
	}
	return out
}

// draftList writes the packs not yet part of a handover, sorted by
// person: a person has one draft at most.
func (b *builder) draftList() []PackNotes {
	out := []PackNotes{}
	for _, p := range b.d.Packs {
		if p.HandoverID == nil {
			out = append(out, b.notes(p))
		}
	}
	slices.SortStableFunc(out, func(x, y PackNotes) int { return cmp.Compare(x.Person, y.Person) })
	return out
}

// stintList writes the manager history sorted by person and first day,
// the order stints were recorded breaking ties.
func (b *builder) stintList(positions map[int64]int) []Stint {
	out := make([]Stint, 0, len(b.d.Stints))
	for _, s := range b.d.Stints {
		st := Stint{Person: b.emails[s.PersonID], Manager: b.email(s.ManagerID),
			FromOn: DateOf(s.FromOn), UntilOn: DateOfPtr(s.UntilOn)}
		if s.HandoverID != nil {
			pos := positions[*s.HandoverID]
			st.Handover = &pos
		}
		out = append(out, st)
	}
	slices.SortStableFunc(out, func(x, y Stint) int {
		return cmp.Or(cmp.Compare(x.Person, y.Person), x.FromOn.Compare(y.FromOn.Time))
	})
	return out
}

// departureList writes the last day of everyone who left, by email.
func (b *builder) departureList() []Departure {
	out := []Departure{}
	for _, p := range b.d.People {
		if p.LeftOn != nil {
			out = append(out, Departure{Person: p.Email, LeftOn: DateOf(*p.LeftOn)})
		}
	}
	slices.SortFunc(out, func(x, y Departure) int { return cmp.Compare(x.Person, y.Person) })
	return out
}

func (b *builder) rhythm() *ReviewRhythm {
	if b.d.Rhythm == nil {
		return nil
	}
	r := *b.d.Rhythm
	r.UpdatedAt = r.UpdatedAt.UTC()
	return &r
}

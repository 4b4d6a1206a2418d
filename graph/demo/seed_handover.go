package demo

import (
	"fmt"
	"strings"
	"time"

	throughline "throughline.dev/graph"
)

// moves queues the handovers and departures of the demo's history on
// their days, through the handover service as managers and HR make them.
func (s *seeder) moves() error {
	for _, row := range handovers {
		events, err := s.handover(row)
		if err != nil {
			return fail(err, "handover to %q", row.to)
		}
		s.history.add(events...)
	}
	for _, row := range departures {
		s.history.add(s.departure(row))
	}
	return nil
}

// handover returns the events of one handover: the outgoing manager
// drafts the packs, then the move takes effect.
func (s *seeder) handover(row handoverRow) ([]event, error) {
	to, err := s.person(row.to)
	if err != nil {
		return nil, err
	}
	ids := make([]int64, len(row.packs))
	keys := make([]string, len(row.packs))
	for i, p := range row.packs {
		if ids[i], err = s.person(p.person); err != nil {
			return nil, err
		}
		keys[i] = p.person
	}
	what := fmt.Sprintf("handover of %s to %q", strings.Join(keys, ", "), row.to)
	draft := event{on: s.date(row.drafted, s.current), run: func() ([]event, error) {
		return nil, s.draftPacks(ids, row.packs)
	}}
	effective := s.date(row.effective, s.current)
	move := event{on: effective, run: func() ([]event, error) {
		return s.handOver(to, ids, effective, row)
	}}
	return named(what, []event{draft, move}), nil
}

// draftPacks writes the outgoing manager's notes on each person.
func (s *seeder) draftPacks(ids []int64, rows []packRow) error {
	for i, id := range ids {
		by, err := s.managerNow(id)
		if err != nil {
			return err
		}
		d := throughline.HandoverDraft{
			PersonID: id, Risks: &rows[i].risks,
			StakeholderPriorities: &rows[i].stakeholders, DraftedByID: by,
		}
		if _, err := s.svc.Handovers.DraftPack(s.ctx, d); err != nil {
			return fmt.Errorf("draft the pack of %q: %w", rows[i].person, err)
		}
	}
	return nil
}

// handOver moves the people, made by their outgoing manager, and freezes
// each pack with their plan as it stands on the day. It returns the
// incoming manager's reading of the packs when the data has one.
func (s *seeder) handOver(to int64, ids []int64, on time.Time,
	row handoverRow,
) ([]event, error) {
	from, err := s.managerNow(ids[0])
	if err != nil {
		return nil, err
	}
	h := &throughline.Handover{ToManagerID: to, EffectiveOn: on, Note: row.note, CreatedByID: from}
	packs, err := s.svc.Handovers.HandOver(s.ctx, h, ids, s.packContents(on))
	if err != nil {
		return nil, err
	}
	s.sum.Handovers++
	s.sum.Packs += len(packs)
	if !row.acknowledged.set {
		return nil, nil
	}
	read := event{on: s.date(row.acknowledged, s.current), run: func() ([]event, error) {
		return nil, s.acknowledge(packs, to)
	}}
	return named(fmt.Sprintf("acknowledgement of the handover to %q", row.to),
		[]event{read}), nil
}

func (s *seeder) acknowledge(packs []*throughline.HandoverPack, by int64) error {
	for _, p := range packs {
		if _, err := s.svc.Handovers.AcknowledgePack(s.ctx, p.ID, by); err != nil {
			return err
		}
	}
	return nil
}

// departure returns the event of a person leaving, which leaves their
// reports waiting for a handover. HR records it the morning after the
// last day, as it usually hears of it.
func (s *seeder) departure(row departureRow) event {
	leftOn := s.date(row.left, s.current)
	return event{on: leftOn.AddDate(0, 0, 1), what: fmt.Sprintf("departure of %q", row.person),
		run: func() ([]event, error) {
			id, err := s.person(row.person)
			if err != nil {
				return nil, err
			}
			if _, err := s.svc.Handovers.RecordDeparture(s.ctx, id, leftOn); err != nil {
				return nil, err
			}
			s.sum.Departures++
			return nil, nil
		}}
}

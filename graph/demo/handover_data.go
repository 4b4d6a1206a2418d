package demo

// handoverRow moves people to a new manager. Their manager as the data
// creates them drafts each pack on the day drafted, the move takes effect
// on the day effective, and the new manager acknowledges the packs on the
// day acknowledged; unset, the handover is still waiting for them.
type handoverRow struct {
	to                               string // the incoming manager's key
	note                             string
	drafted, effective, acknowledged when
	packs                            []packRow
}

// packRow is one person moved, with the outgoing manager's notes.
type packRow struct {
	person, risks, stakeholders string
}

// Twelve days ago (after the quarter's reviews, whatever the day of
// seeding) the two customer success managers who still reported to Sophie
// moved to Nomvula, who leads Customer Success; she read both packs within
// days. Three days ago Leila moved to Rafael, who has not read her pack
// yet.
var handovers = []handoverRow{
	{to: "nomvula.dlamini", drafted: ago(14), effective: ago(12), acknowledged: ago(9),
		note: "Nomvula now leads Customer Success, so its managers report to her. " +
			"I keep the renewal calls I already joined until they close.",
		packs: []packRow{
			{person: "pedro.santos",
				risks: "Finance at his large fleets does not answer him, and two renewals " +
					"this half depend on reaching them.",
				stakeholders: "The COO of the 200-vehicle fleet first, then finance at the " +
					"six accounts over €30k."},
			{person: "hana.novak",
				risks: "She carries the handover template alone: if sales stops filling it " +
					"in, onboarding slips back to three weeks.",
				stakeholders: "Marcus and his account executives, who fill in the template; " +
					"Pedro, who takes over her accounts."},
		}},
	{to: "rafael.mendes", drafted: ago(5), effective: ago(3),
		note: "Security becomes a company-wide function under the CTO. " +
			"Leila stays on the PCI work in Payments.",
		packs: []packRow{
			{person: "leila.ahmadi",
				risks: "She is the only one who writes the card-data decisions, and no " +
					"development goal builds that capability in anyone else; the PCI " +
					"self-assessment is due this quarter.",
				stakeholders: "The PCI assessor, Camille for the payment flows, and finance " +
					"for the evidence."},
		}},
}

// departureRow is a person who left on a day; their reports wait for a
// handover.
type departureRow struct {
	person string
	left   when
}

// Olivia, Emily's manager, left two weeks before the quarterly review;
// the new Head of Onboarding has not started.
var departures = []departureRow{
	{person: "olivia.bennett", left: beforeReview(14)},
}

package demo

import throughline "throughline.dev/graph"

// levelNames name the five levels of every capability's scale; each
// capability says what a level looks like in its own descriptors.
var levelNames = [5]string{"Learning", "Developing", "Proficient", "Advanced", "Role model"}

// capabilityRow is a capability with a descriptor per level, lowest first.
type capabilityRow struct {
	name, description string
	levels            [5]string
}

var framework = []capabilityRow{
	{"Discovery interviewing",
		"Finding out how a customer works and what they need before proposing anything.",
		[5]string{
			"Follows a discovery script; moves to the demo when the script runs out.",
			"Asks open questions but accepts the first answer; notes list features asked for.",
			"Uncovers the customer's current process and who decides; notes say what hurts and why.",
			"Finds the problem behind the request and tests it with the customer; others use the notes.",
			"Teaches discovery; the team's playbook and call reviews carry their practice.",
		}},
	{"Technical decision writing",
		"Writing a technical decision so that others can review it, challenge it and understand it later.",
		[5]string{
			"Describes what was built, rarely why.",
			"Writes decisions when asked; options and trade-offs are thin.",
			"Writes a short decision record before building, with options, trade-offs and who is affected.",
			"Records make reviews faster; people outside the team act on them without a meeting.",
			"Sets the standard for decision records and coaches others to write them.",
		}},
	{"Incident handling",
		"Running an incident from the first page to a published review that changes something.",
		[5]string{
			"Joins incidents to help when asked.",
			"Handles a known failure on call with the runbook.",
			"Leads an incident in their own area: assigns roles, keeps status updates going, restores.",
			"Leads incidents across teams and runs reviews that end in owned actions.",
			"Shapes how the company handles incidents; others learn incident command from them.",
		}},
	{"Stakeholder management",
		"Keeping the people who depend on your work informed, aligned and able to plan.",
		[5]string{
			"Answers stakeholders who ask.",
			"Knows the main stakeholders; tells them about changes after the fact.",
			"Tells stakeholders early about changes that affect them and agrees what happens next.",
			"Aligns stakeholders with competing needs before decisions are made.",
			"Builds relationships that make hard trade-offs across the company easy to agree.",
		}},
	{"Estimation and planning",
		"Breaking work down, sizing it honestly and saying early when a date moves.",
		[5]string{
			"Gives estimates for small tasks when asked.",
			"Estimates own work; surprises surface late.",
			"Breaks work into pieces under two days, forecasts a range and re-forecasts weekly.",
			"Plans work across people and dependencies; dates others can commit to.",
			"Plans programmes across teams and partners; the company plans around their forecasts.",
		}},
	{"Handover quality",
		"Passing work to another person or team so that it continues without loss.",
		[5]string{
			"Hands over by conversation; details live in their head.",
			"Writes handover notes that cover the obvious but miss context.",
			"Handovers carry status, open risks, contacts and next steps; the receiver starts without questions.",
			"Designs handovers between teams, such as sales to onboarding, that others follow.",
			"Makes good handover a habit across the company.",
		}},
	{"Coaching",
		"Helping someone get better at their work through questions, feedback and practice.",
		[5]string{
			"Shares how they would do it.",
			"Gives feedback when asked; often solves the problem for the person.",
			"Asks questions that let the person find the answer; gives specific, timely feedback.",
			"Builds a development plan with each person tied to their real work and holds to its rhythm.",
			"Develops other coaches; their teams grow leaders.",
		}},
}

// requirementRow says a key result of the current cycle needs a
// capability at a level, and why.
type requirementRow struct {
	kr, capability string
	level          int32
	reason         string
}

var requirements = []requirementRow{
	{"C2.2", "Technical decision writing", 3,
		"Caching and query changes touch every team's screens; they must be written and reviewed first."},
	{"C2.3", "Handover quality", 3,
		"Tickets bounce between support and engineering when the handover lacks steps to reproduce."},
	{"PE1.1", "Incident handling", 3,
		"Fewer customer-facing incidents needs every team able to lead its own incidents."},
	{"PE1.2", "Estimation and planning", 4,
		"Each country launch depends on a bank partner's dates; sales needs forecasts it can promise."},
	{"PE1.3", "Stakeholder management", 3,
		"Offline mode depends on Platform's sync API and on Customer Success's rollout plan."},
	{"PE1.3", "Estimation and planning", 3,
		"Offline sync has many unknowns; the team must size spikes and say early when a date moves."},
	{"GTM1.1", "Discovery interviewing", 3,
		"Pipeline from fleets we do not understand does not close."},
	{"GTM1.1", "Handover quality", 3,
		"What presales learns about a fleet must reach onboarding intact."},
	{"PPL1.1", "Coaching", 3,
		"Check-ins help only when managers coach rather than collect status."},
	{"PLT1.1", "Incident handling", 4,
		"Restoring in 30 minutes needs an incident lead who coordinates, not only the engineer who fixes."},
	{"PLT1.2", "Handover quality", 3,
		"A runbook is a handover to whoever is paged at 3 a.m."},
	{"PLT1.3", "Estimation and planning", 3,
		"The queue move blocks two other teams; they plan around our dates."},
	{"PAY1.1", "Technical decision writing", 3,
		"Retry and idempotency choices move money; they must be reviewed before they ship."},
	{"PAY1.1", "Handover quality", 3,
		"Releases pass from QA to engineering to support; a missing note leaves a failed payout unexplained."},
	{"PAY1.2", "Stakeholder management", 3,
		"A dispute involves the fleet, the bank and our finance team; someone must keep all three informed."},
	{"PAY1.3", "Technical decision writing", 4,
		"The assessor reads our decision records for card data; a gap there is a finding."},
	{"MOB1.1", "Estimation and planning", 3,
		"Sync work is full of unknowns; the team must forecast in ranges and re-plan weekly."},
	{"MOB1.1", "Discovery interviewing", 3,
		"Only drivers can tell us where signal drops and which sync failures hurt."},
	{"MOB1.2", "Technical decision writing", 3,
		"Crash fixes touch shared code; Android must be able to follow what iOS decided."},
	{"SAL1.1", "Discovery interviewing", 4,
		"Calls with large fleets must uncover how dispatch works there before anyone demos."},
	{"SAL1.2", "Stakeholder management", 3,
		"Deals over 50 vehicles have four to six people deciding; we lose when we meet only one."},
	{"SAL1.2", "Discovery interviewing", 3,
		"We win when the proposal answers the problem the operations lead described."},
	{"CS1.1", "Handover quality", 4,
		"Onboarding restarts from zero when the sales handover misses the fleet's depot constraints."},
	{"CS1.2", "Stakeholder management", 3,
		"A success plan needs the fleet's operations lead and finance to agree on it."},
	{"IND-MLC.1", "Incident handling", 4,
		"Leading a review well needs someone who has led the incident."},
	{"IND-MLC.1", "Technical decision writing", 3,
		"A review is only useful if its write-up says what we decided to change and why."},
	{"IND-KA.1", "Technical decision writing", 3,
		"Auditors and finance must be able to follow how reconciliation decides a match."},
	{"IND-EY.1", "Discovery interviewing", 4,
		"A playbook is only as good as the discovery practice it writes down."},
}

// assessmentRow is a person's level in a capability, judged by someone on
// a day, with the evidence from delivery behind it. An assessment with no
// evidence below a requirement shows the GAP_WITHOUT_EVIDENCE warning.
type assessmentRow struct {
	person, capability string
	level              int32
	by                 string
	on                 when
	note               string
	evidence           []evidenceRow
}

type evidenceRow struct {
	kind        throughline.EvidenceKind
	description string
	observed    when
}

const (
	missedDeadline    = throughline.EvidenceMissedDeadline
	weakDiscoveryCall = throughline.EvidenceWeakDiscoveryCall
	poorHandover      = throughline.EvidencePoorHandover
	unclearDecision   = throughline.EvidenceUnclearDecision
	avoidableRework   = throughline.EvidenceAvoidableRework
	otherEvidence     = throughline.EvidenceOther
)

// Oldest first, so that a person's latest assessment comes last.
var assessments = []assessmentRow{
	{"meilin.chen", "Incident handling", 2, "grace.mwangi", ago(150),
		"Reliable on call; had not yet led an incident.", nil},
	{"meilin.chen", "Incident handling", 3, "grace.mwangi", ago(55),
		"Led the queue outage well inside Platform; lost the thread when Payments joined.",
		[]evidenceRow{{poorHandover,
			"Handed the payout-queue incident to the next on-call without a written status; " +
				"the team re-investigated for forty minutes.", ago(60)}}},
	{"meilin.chen", "Technical decision writing", 2, "yusuf.demir", ago(50),
		"Write-ups describe the timeline well and stop short of a decision.",
		[]evidenceRow{{unclearDecision,
			"The queue outage review listed five causes and no decision on the retry limit; " +
				"the same limit failed again two weeks later.", ago(52)}}},
	{"oleksandr.petrenko", "Handover quality", 2, "grace.mwangi", ago(48),
		"Knows every service; little of it is written down.",
		[]evidenceRow{{poorHandover,
			"During his leave the geocoder failed and nobody found the restart steps; " +
				"they were in his notes, not the runbook.", ago(70)}}},
	{"diego.herrera", "Estimation and planning", 2, "grace.mwangi", ago(45),
		"Strong engineer; estimates are single dates and slips surface late.",
		[]evidenceRow{
			{missedDeadline,
				"The job-queue move was estimated at two weeks and took five; the slip was raised on the due day.",
				ago(47)},
			{avoidableRework,
				"The worker pool was rebuilt after load testing that had not been planned in.", ago(58)},
		}},
	{"aisha.bello", "Incident handling", 2, "grace.mwangi", ago(30),
		"New to on-call; level set from her interviews, not yet from incidents.", nil},
	{"viktor.sokolov", "Technical decision writing", 2, "yusuf.demir", ago(40),
		"Good designs that live in his head and in chat threads.",
		[]evidenceRow{{avoidableRework,
			"The events table was partitioned twice because the first design was never reviewed.",
			ago(44)}}},
	{"kwame.asante", "Technical decision writing", 2, "siddharth.iyer", ago(52),
		"Makes sound calls on money flows; the rest of the company finds out late.",
		[]evidenceRow{{unclearDecision,
			"The payout retry policy changed in a pull-request comment; support learned of it " +
				"from a customer.", ago(56)}}},
	{"sara.nilsson", "Estimation and planning", 3, "siddharth.iyer", ago(60),
		"Forecasts in ranges; working on dates that depend on partners.",
		[]evidenceRow{{otherEvidence,
			"Forecast for the Germany launch held to the day, once the bank's test window was known.",
			ago(65)}}},
	{"hiroshi.tanaka", "Stakeholder management", 2, "siddharth.iyer", ago(46),
		"Solves disputes well; finance hears about them last.",
		[]evidenceRow{{otherEvidence,
			"Finance escalated two disputes to the CEO before Payments had told them of either.",
			ago(50)}}},
	{"fatima.elidrissi", "Handover quality", 2, "siddharth.iyer", ago(42),
		"Thorough testing; release notes leave out what support needs.",
		[]evidenceRow{{poorHandover,
			"The release note for the payouts release left out the changed retry window; " +
				"support answered thirty tickets blind.", ago(49)}}},
	{"camille.dubois", "Stakeholder management", 3, "priya.raman", ago(38),
		"Keeps fleets and finance aligned; the bank relationship is next.", nil},
	{"nadia.haddad", "Estimation and planning", 2, "ana.kovac", ago(44),
		"Gives dates before the unknowns are known.",
		[]evidenceRow{{missedDeadline,
			"Offline photo upload was promised for the spring release and moved twice without warning.",
			ago(53)}}},
	{"liam.oconnor", "Technical decision writing", 3, "ana.kovac", ago(40),
		"Writes clear decision records for iOS; wants to grow toward leading people.", nil},
	{"mateo.rossi", "Estimation and planning", 2, "ana.kovac", ago(41),
		"Builds fast; edge cases arrive after the estimate.",
		[]evidenceRow{{avoidableRework,
			"The sync retry screen was built twice because the offline edge cases were not sized up front.",
			ago(43)}}},
	{"zainab.yusuf", "Discovery interviewing", 2, "lena.fischer", ago(39),
		"Great at usability tests; discovery interviews drift to feature wishes.",
		[]evidenceRow{{weakDiscoveryCall,
			"Driver interviews asked which features they wanted; we learned nothing about where signal drops.",
			ago(45)}}},
	{"elif.yilmaz", "Discovery interviewing", 3, "marcus.johnson", ago(54),
		"Good with operations leads; demos too early on large calls.",
		[]evidenceRow{{weakDiscoveryCall,
			"Call with a 120-vehicle fleet went to the demo in minute six; we never learned who plans routes.",
			ago(57)}}},
	{"elif.yilmaz", "Stakeholder management", 3, "marcus.johnson", ago(54),
		"Maps buyers well once she knows the account.", nil},
	{"tariq.rahman", "Stakeholder management", 2, "marcus.johnson", ago(36),
		"Strong with champions; meets legal and finance too late.",
		[]evidenceRow{{missedDeadline,
			"The proposal to a 90-vehicle fleet went out a week late because legal was brought in on the last day.",
			ago(40)}}},
	{"chloe.martin", "Discovery interviewing", 2, "marcus.johnson", ago(35),
		"Books the calls; qualification questions stay on the surface.",
		[]evidenceRow{{weakDiscoveryCall,
			"Three qualified meetings turned out to be fleets under twenty vehicles.", ago(38)}}},
	{"bjorn.halvorsen", "Handover quality", 3, "marcus.johnson", ago(33),
		"Technical notes are good; depot constraints sometimes missing.", nil},
	{"pedro.santos", "Stakeholder management", 2, "nomvula.dlamini", ago(37),
		"Close to day-to-day users; rarely meets the people who renew.",
		[]evidenceRow{{otherEvidence,
			"Renewal risk at a 200-vehicle fleet surfaced only when their COO emailed Sophie.", ago(42)}}},
	{"hana.novak", "Handover quality", 3, "nomvula.dlamini", ago(34),
		"Takes over accounts cleanly; the handovers she writes are thinner.",
		[]evidenceRow{{poorHandover,
			"Handed two accounts to Pedro without the open integration issues.", ago(39)}}},
	{"arjun.mehta", "Handover quality", 2, "nomvula.dlamini", ago(32),
		"Fixes a lot himself; escalations lack the details engineers need.",
		[]evidenceRow{{avoidableRework,
			"Three escalations were re-opened because the ticket lacked the fleet ID and the route.",
			ago(35)}}},
	{"emily.walsh", "Handover quality", 2, "nomvula.dlamini", ago(30),
		"Owns onboarding well; starts without what sales knew.",
		[]evidenceRow{{missedDeadline,
			"Two onboardings ran past 21 days because depot details arrived from sales a week late.",
			ago(33)}}},
	{"maria.gonzalez", "Coaching", 2, "kenji.watanabe", ago(47),
		"Reviews check-ins carefully; feedback to managers stays general.",
		[]evidenceRow{{otherEvidence,
			"Check-in reviews went back to managers with 'be more specific' and no example.", ago(51)}}},
	{"grace.mwangi", "Coaching", 2, "rafael.mendes", ago(49),
		"Excellent engineer-manager; takes the keyboard under pressure.",
		[]evidenceRow{{otherEvidence,
			"Took over from the on-call engineer in two incidents instead of coaching them through.",
			ago(55)}}},
	{"siddharth.iyer", "Estimation and planning", 3, "rafael.mendes", ago(46),
		"Plans the team well; partner dates are promised before they are known.",
		[]evidenceRow{{missedDeadline,
			"The France launch date promised to sales slipped twice with the bank's test window.",
			ago(48)}}},
	{"ana.kovac", "Stakeholder management", 2, "rafael.mendes", ago(43),
		"Protects her team; cross-team decisions stall.",
		[]evidenceRow{{unclearDecision,
			"Nobody decided who owns the sync API contract; Mobile and Platform each waited for the other.",
			ago(47)}}},
}

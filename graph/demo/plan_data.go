package demo

import throughline "throughline.dev/graph"

// planRow is one person's development plan. status and reason are where
// the plan ends up; each check-in also moves it, as check-ins do.
//
// A plan of the previous cycle may end in review: the quarterly review,
// held on the current cycle's review day, that decides each of its goals
// (see goalRow.decision) and makes the person's plan for the current
// cycle. That plan's row says fromReview, comes after this one, and fills
// the plan once the review has made it.
type planRow struct {
	person     string
	previous   bool // a plan of the previous cycle, not the current one
	status     throughline.PlanStatus
	reason     string
	created    when // unset: ten days before the cycle, or before its first record
	goals      []goalRow
	checkIns   []checkInRow
	review     *checkInRow
	fromReview bool
}

// goalRow is a goal. Execution goals name a key result of the plan's
// cycle and a capability; career goals name a horizon in quarters after
// the current one. An empty state is ACTIVE.
//
// In a plan that ends in a review, decision is what the review does with
// the goal, and carryTo the key result of the current cycle a goal carried
// over serves. In a plan made by a review, a carried goal is the one the
// review carried over under its title: the row gives only its actions.
type goalRow struct {
	lane           throughline.Lane
	title, change  string
	kr, capability string
	target         int32
	horizon        int
	state          throughline.GoalState
	decision       throughline.GoalDecision
	carryTo        string
	carried        bool
	actions        []actionRow
}

type actionRow struct {
	kind    throughline.ActionKind
	title   string
	by      string // the supporter's key
	role    throughline.SupporterRole
	due     when
	done    when
	outcome string
}

// checkInRow is a check-in. The answers follow the five coaching prompts:
// the capability being built, the real work building it, what is still
// hard, the support needed and what improved in the output. The author is
// the person's manager unless named. An empty status is ON_TRACK.
type checkInRow struct {
	kind    throughline.CheckInKind
	held    when
	author  string
	answers [5]string
	change  throughline.ObservedChange
	status  throughline.PlanStatus
	reason  string
	note    string
	private bool
}

const (
	executionLane = throughline.LaneExecution
	careerLane    = throughline.LaneCareer

	experience = throughline.ActionExperience
	exposure   = throughline.ActionExposure
	education  = throughline.ActionEducation

	manager = throughline.SupporterManager
	coach   = throughline.SupporterCoach
	mentor  = throughline.SupporterMentor

	monthly   = throughline.CheckInMonthly
	quarterly = throughline.CheckInQuarterly

	declined   = throughline.ChangeDeclined
	noChange   = throughline.ChangeNone
	someBetter = throughline.ChangeSomeImprovement
	muchBetter = throughline.ChangeClearImprovement

	blocked    = throughline.StatusBlocked
	completed  = throughline.StatusCompleted
	needsReset = throughline.StatusNeedsReset
	achieved   = throughline.GoalAchieved

	closeAchieved = throughline.DecisionCloseAchieved
	carryOver     = throughline.DecisionCarryOver
)

// Most plans are on rhythm: a quarterly review and a monthly check-in in
// the last month. Diego's, Fatima's and Ana's last check-ins are six to
// eight weeks old; Ryan joined last week and has a plan with only a
// course; Aisha's gap was never backed by evidence; nobody builds the
// capability the PCI key result needs. Tariq's plan was made by last
// quarter's review, which carried one of his goals over.
var plans = []planRow{
	{person: "meilin.chen",
		goals: []goalRow{
			{lane: executionLane, kr: "PLT1.1", capability: "Incident handling", target: 4,
				title:  "Lead incidents from the first page to restore",
				change: "Platform incidents have one named lead who runs roles and status updates; on my rotations that is me.",
				actions: []actionRow{
					{kind: experience, by: "grace.mwangi", role: manager, due: ago(20), done: ago(22),
						title:   "Be incident lead for the next two P1 incidents, with Grace shadowing",
						outcome: "Led the geocoder and queue-lag incidents; restored in 34 and 41 minutes."},
					{kind: exposure, by: "yusuf.demir", role: mentor, due: ago(30), done: ago(27),
						title:   "Shadow Yusuf as incident commander on a cross-team incident",
						outcome: "Saw how he hands the customer updates to someone outside engineering."},
					{kind: education, by: "tomasz.wojcik", role: coach, due: ahead(21),
						title: "Incident command workshop (two days)"},
				}},
			{lane: executionLane, kr: "IND-MLC.1", capability: "Technical decision writing", target: 3,
				title:  "Write incident reviews that change what we do",
				change: "Each review I publish ends in a decision with an owner and a date.",
				actions: []actionRow{
					{kind: exposure, by: "yusuf.demir", role: mentor, due: ago(8), done: ago(9),
						title:   "Have Yusuf review my first two write-ups before they are published",
						outcome: "The second write-up needed one round of comments instead of three."},
					{kind: experience, by: "grace.mwangi", role: manager, due: ahead(30),
						title: "Write and publish the review of every incident I lead"},
				}},
			{lane: careerLane, horizon: 6,
				title:  "Grow into a staff site reliability engineer",
				change: "Sets reliability practice across teams, not only in Platform.",
				actions: []actionRow{
					{kind: exposure, by: "yusuf.demir", role: mentor, due: ahead(60),
						title: "Monthly mentoring with Yusuf on cross-team reliability work"},
				}},
		},
		checkIns: []checkInRow{
			{kind: quarterly, held: onReview, change: someBetter,
				answers: [5]string{
					"Incident handling. I can fix things; I want to run the incident while others fix.",
					"My two P1 rotations this quarter and the reviews after them.",
					"Letting go of the keyboard when I already know the fix.",
					"Grace shadowing my first incident as lead and telling me afterwards what she saw.",
					"My status updates in the queue outage went out every fifteen minutes; Payments noticed.",
				},
				note: "Agreed two execution goals and the workshop date."},
			{kind: monthly, held: ago(12), change: muchBetter,
				answers: [5]string{
					"Incident command, and writing reviews that end in decisions.",
					"I led the geocoder incident and wrote its review with Yusuf's comments.",
					"Deciding in the first ten minutes when to pull in another team.",
					"A place in the next incident command workshop.",
					"Restore times on my rotations were 34 and 41 minutes, down from over an hour.",
				},
				note:    "Ready to lead cross-team incidents next quarter; talk to Rafael about the staff path.",
				private: true},
		}},

	{person: "oleksandr.petrenko",
		goals: []goalRow{
			{lane: executionLane, kr: "PLT1.2", capability: "Handover quality", target: 3,
				title:  "Write runbooks someone else can follow at 3 a.m.",
				change: "Whoever is on call can restore the services I own without calling me.",
				actions: []actionRow{
					{kind: experience, by: "grace.mwangi", role: manager, due: ago(10), done: ago(14),
						title:   "Write runbooks for the geocoder, tile server and route cache, each tested by someone new to it",
						outcome: "Aisha restored the tile server from the runbook alone in a game day."},
					{kind: exposure, by: "meilin.chen", role: mentor, due: ahead(12),
						title: "Review two of Mei-Lin's incident handovers to see what the receiver needs"},
				}},
			{lane: careerLane, horizon: 4,
				title:  "Become the tech lead for Platform",
				change: "Leads design reviews and planning for the team's larger pieces of work.",
				actions: []actionRow{
					{kind: exposure, by: "yusuf.demir", role: mentor, due: ago(35), done: ago(33),
						title:   "Co-lead the design review of the new job queue with Yusuf",
						outcome: "Led the second half of the review; Yusuf only summarised."},
				}},
		},
		checkIns: []checkInRow{
			{kind: quarterly, held: onReview, change: someBetter, answers: [5]string{
				"Handover quality. Too much of Platform lives in my head.",
				"The runbook key result, starting with three of my services.",
				"Writing for someone who knows less than I do without writing a novel.",
				"Someone new to the services to test each runbook with me.",
				"The geocoder runbook already saved one night page.",
			}},
			{kind: monthly, held: ago(20), change: muchBetter, answers: [5]string{
				"Handover quality, through runbooks.",
				"Runbooks for the geocoder, tile server and route cache, each tested in a game day.",
				"Keeping them current after changes; nobody owns that yet.",
				"A code review rule: a changed alert needs a changed runbook.",
				"Aisha restored the tile server alone from my runbook.",
			}},
		}},

	{person: "diego.herrera",
		goals: []goalRow{
			{lane: executionLane, kr: "PLT1.3", capability: "Estimation and planning", target: 3,
				title:  "Forecast in ranges and say early when a date moves",
				change: "My estimates are ranges re-forecast every week, and I raise a slip when I see it, not on the due day.",
				actions: []actionRow{
					{kind: experience, by: "grace.mwangi", role: manager, due: ago(40), done: ago(33),
						title:   "Break the remaining queue work into tasks under two days and re-forecast every Monday",
						outcome: "The forecast held within three days for the last two weeks of the move."},
					{kind: education, due: ago(10),
						title: "Estimation and forecasting course"},
				}},
		},
		checkIns: []checkInRow{
			{kind: monthly, held: ago(78), change: noChange, answers: [5]string{
				"Estimation. The queue move taught me that the hard way.",
				"The rest of the queue move.",
				"I don't know what I don't know until load testing.",
				"Grace checking my forecast every Monday for a month.",
				"Nothing yet; this is our first conversation about it.",
			}},
			{kind: monthly, held: ago(48), change: someBetter, answers: [5]string{
				"Estimation and planning.",
				"The queue move, now broken into two-day tasks.",
				"Saying a date has moved before I'm sure it has.",
				"Time for the estimation course; it keeps getting pushed back.",
				"The Monday forecasts have been right for two weeks.",
			},
				note: "Course still not booked. Next check-in slipped twice because of the on-call rota."},
		}},

	{person: "aisha.bello",
		goals: []goalRow{
			{lane: executionLane, kr: "PLT1.1", capability: "Incident handling", target: 3,
				title:  "Handle incidents as secondary on-call",
				change: "On my rotations I take an incident from page to restore with the runbook and hand it over cleanly.",
				actions: []actionRow{
					{kind: experience, by: "oleksandr.petrenko", role: mentor, due: ago(14), done: ago(14),
						title:   "Run the tile server game day from its runbook",
						outcome: "Restored in 22 minutes with no help."},
					{kind: exposure, by: "meilin.chen", role: mentor, due: ahead(10),
						title: "Pair with Mei-Lin as secondary on-call for two rotations"},
				}},
			{lane: careerLane, horizon: 4,
				title:  "Work across the stack on offline sync",
				change: "Can pick up sync work in the driver app as well as in the API.",
				actions: []actionRow{
					{kind: exposure, by: "ana.kovac", role: mentor, due: ahead(45),
						title: "Spend a sprint with the Mobile team on the sync client"},
				}},
		},
		checkIns: []checkInRow{
			{kind: quarterly, held: onReview, change: noChange, answers: [5]string{
				"Incident handling; I have never been on call before.",
				"Secondary on-call rotations and the game days.",
				"Knowing which dashboards matter when everything is red.",
				"Pairing with Mei-Lin on her rotations.",
				"Too early to say.",
			}},
			{kind: monthly, held: ago(8), change: someBetter, answers: [5]string{
				"Incident handling.",
				"The tile server game day and my first secondary rotation with Mei-Lin.",
				"Writing in the incident channel while I'm still reading logs.",
				"Another game day, with a failure I haven't seen.",
				"I restored the tile server in 22 minutes on my own.",
			},
				note:    "Her level 2 came from interviews; reassess after her first real incident.",
				private: true},
		}},

	{person: "viktor.sokolov",
		goals: []goalRow{
			{lane: executionLane, kr: "C2.2", capability: "Technical decision writing", target: 3,
				title:  "Write data design decisions before building",
				change: "Changes to the events pipeline start with a reviewed decision record.",
				actions: []actionRow{
					{kind: experience, by: "yusuf.demir", role: mentor, due: ago(18), done: ago(21),
						title:   "Write the decision record for caching dispatch board queries and get two reviews",
						outcome: "Reviewed by Platform and Mobile; the cache shipped with no rework."},
					{kind: education, by: "tomasz.wojcik", role: coach, due: ago(5), done: ago(2),
						title:   "Technical writing workshop",
						outcome: "Uses the one-page decision template now."},
				}},
		},
		checkIns: []checkInRow{
			{kind: quarterly, held: onReview, change: noChange, answers: [5]string{
				"Writing decisions down.",
				"Caching for the dispatch board.",
				"Deciding how much to write before people stop reading.",
				"A template, and a reviewer who says what was unclear.",
				"Nothing yet.",
			}},
			{kind: monthly, held: ago(15), change: muchBetter, answers: [5]string{
				"Technical decision writing.",
				"The caching decision record.",
				"Writing down options I had already rejected in my head.",
				"Yusuf's review on the next record too.",
				"The cache went out with no rework, a first for this year.",
			}},
		}},

	{person: "kwame.asante",
		goals: []goalRow{
			{lane: executionLane, kr: "PAY1.1", capability: "Technical decision writing", target: 3,
				title:  "Write retry and idempotency decisions before the code",
				change: "Every change to how money moves has a decision record support and finance can read.",
				actions: []actionRow{
					{kind: experience, by: "siddharth.iyer", role: manager, due: ago(30), done: ago(31),
						title:   "Write the decision record for payout retries on bank timeouts",
						outcome: "Support read it before the release; no surprise tickets."},
					{kind: exposure, by: "yusuf.demir", role: mentor, due: ahead(40),
						title: "Join the architecture review as second reviewer for a quarter"},
				}},
			{lane: careerLane, horizon: 6,
				title:  "Staff engineer for payments",
				change: "Sets the technical direction for how money moves at Northwind.",
				actions: []actionRow{
					{kind: exposure, by: "yusuf.demir", role: mentor, due: ahead(20),
						title: "Monthly session with Yusuf on staff-level scope"},
				}},
		},
		checkIns: []checkInRow{
			{kind: quarterly, held: onReview, change: noChange, answers: [5]string{
				"Writing decisions down, not only making them.",
				"Payout retries on bank timeouts.",
				"Finding the right audience; finance and support read differently.",
				"Siddharth reading my drafts early.",
				"Nothing yet.",
			}},
			{kind: monthly, held: ago(40), change: someBetter, answers: [5]string{
				"Technical decision writing.",
				"The retry decision record, now in review.",
				"Keeping it short enough that support reads it.",
				"A support lead to review it.",
				"Support asked their questions before the release, not after.",
			}},
			{kind: monthly, held: ago(9), change: muchBetter, answers: [5]string{
				"Decision writing for money flows.",
				"The retry record shipped; the reconciliation record is started.",
				"Saying what we chose not to do.",
				"Time in the architecture review.",
				"No support surprises at the last release.",
			},
				note:    "Ready for staff-level scope next half; talk to Rafael.",
				private: true},
		}},

	{person: "sara.nilsson", status: completed,
		goals: []goalRow{
			{lane: executionLane, kr: "PE1.2", capability: "Estimation and planning", target: 4,
				state:  achieved,
				title:  "Forecast each country launch around the bank's dates",
				change: "Sales gets launch dates from me that hold.",
				actions: []actionRow{
					{kind: experience, by: "siddharth.iyer", role: manager, due: ago(40), done: ago(41),
						title:   "Own the forecast for the Netherlands launch",
						outcome: "Launched on the forecast day."},
					{kind: exposure, by: "camille.dubois", role: mentor, due: ago(30), done: ago(30),
						title:   "Join Camille's planning calls with the bank partner",
						outcome: "Now gets test windows from the bank directly."},
				}},
		},
		checkIns: []checkInRow{
			{kind: quarterly, held: onReview, change: someBetter, answers: [5]string{
				"Planning around partners' dates.",
				"The Netherlands and France launches.",
				"The bank's dates move and I hear about it late.",
				"A seat in the bank calls.",
				"The Germany forecast held to the day.",
			}},
			{kind: monthly, held: ago(25), change: muchBetter, answers: [5]string{
				"Estimation with outside dependencies.",
				"The Netherlands launched on the forecast day.",
				"France: the bank has not given us a test window.",
				"Nothing new.",
				"Sales stopped asking me for dates twice.",
			}},
			{kind: monthly, held: ago(4), change: muchBetter, status: completed, answers: [5]string{
				"Done with this one; I forecast partner launches reliably now.",
				"Two launches on the forecast day.",
				"Nothing on this goal.",
				"A new goal at the next review; I'd like to work on decision writing.",
				"My forecasts hold and sales plans around them.",
			},
				note: "Plan completed early; set a new goal at the quarterly review."},
		}},

	{person: "hiroshi.tanaka", status: needsReset,
		reason: "Moved to the PCI workstream in week six; his dispute goal no longer matches his work.",
		goals: []goalRow{
			{lane: executionLane, kr: "PAY1.2", capability: "Stakeholder management", target: 3,
				title:  "Keep finance and fleets informed on disputes",
				change: "Finance hears about every dispute from Payments first.",
				actions: []actionRow{
					{kind: exposure, by: "camille.dubois", role: mentor, due: ago(35), done: ago(36),
						title:   "Shadow Camille in a dispute call with a fleet and the bank",
						outcome: "Saw how she agrees next steps with all three in one call."},
					{kind: experience, by: "siddharth.iyer", role: manager, due: ago(25),
						title: "Send finance a weekly dispute summary"},
				}},
		},
		checkIns: []checkInRow{
			{kind: quarterly, held: onReview, change: noChange, answers: [5]string{
				"Stakeholder management.",
				"Dispute resolution for the instant payout launch.",
				"Knowing who in finance needs what.",
				"An introduction to the finance lead.",
				"Nothing yet.",
			}},
			{kind: monthly, held: ago(18), change: declined, status: needsReset,
				reason: "Moved to the PCI workstream in week six; his dispute goal no longer matches his work.",
				answers: [5]string{
					"Stakeholder management, but I hardly work on disputes now.",
					"Collecting PCI evidence since week six.",
					"My goal doesn't fit my work any more.",
					"A reset; maybe decision writing for the PCI records.",
					"On disputes, nothing; I stopped the weekly summary.",
				},
				note:    "My fault: I moved him without moving his plan.",
				private: true},
		}},

	{person: "fatima.elidrissi",
		goals: []goalRow{
			{lane: executionLane, kr: "PAY1.1", capability: "Handover quality", target: 3,
				title:  "Write release notes support can act on",
				change: "Each payouts release has a note saying what changed for fleets and what support should answer.",
				actions: []actionRow{
					{kind: experience, by: "siddharth.iyer", role: manager, due: ago(20), done: ago(24),
						title:   "Write the notes for the next two payouts releases with support's lead",
						outcome: "Support had the answers ready; no blind tickets."},
					{kind: exposure, by: "arjun.mehta", role: mentor, due: ago(15),
						title: "Sit with support for a day after a release"},
				}},
		},
		checkIns: []checkInRow{
			{kind: monthly, held: ago(50), change: noChange, answers: [5]string{
				"Handover quality, from QA to support.",
				"Release notes for payouts.",
				"Knowing what support needs to know.",
				"A day with support to see the tickets.",
				"Nothing yet.",
			},
				note: "Fatima asked for a check-in every two weeks while this is new."},
		}},

	{person: "leila.ahmadi",
		goals: []goalRow{
			{lane: careerLane, horizon: 8,
				title:  "Lead security for a regulated product",
				change: "Owns the security programme, not only the findings.",
				actions: []actionRow{
					{kind: exposure, by: "rafael.mendes", role: mentor, due: ahead(25),
						title: "Monthly sessions with Rafael on security strategy"},
					{kind: education, by: "tomasz.wojcik", role: coach, due: ahead(50),
						title: "Information security management course"},
				}},
		},
		checkIns: []checkInRow{
			{kind: quarterly, held: onReview, change: someBetter, answers: [5]string{
				"Security leadership.",
				"The PCI self-assessment.",
				"I'm the only one who can write the card data decisions, and there is no time.",
				"Someone else on the team who can write them.",
				"The assessor's pre-check found fewer gaps than last year.",
			},
				note:    "PCI has no development goal behind it; raise it at calibration.",
				private: true},
			{kind: monthly, held: ago(22), change: noChange, answers: [5]string{
				"Leadership.",
				"PCI, still.",
				"Hiroshi helps, but the decision records are the gap.",
				"Time.",
				"The pre-check findings are closed.",
			}},
		}},

	{person: "camille.dubois",
		goals: []goalRow{
			{lane: executionLane, kr: "PAY1.2", capability: "Stakeholder management", target: 4,
				title:  "Align fleets, the bank and finance on every dispute",
				change: "Disputes close with all three agreeing on the next step in one call.",
				actions: []actionRow{
					{kind: experience, by: "priya.raman", role: manager, due: ago(28), done: ago(28),
						title:   "Run a weekly dispute review with finance and the bank",
						outcome: "Disputes now close in 3.5 days."},
				}},
		},
		checkIns: []checkInRow{
			{kind: quarterly, held: onReview, change: someBetter, answers: [5]string{
				"Stakeholder management across companies.",
				"Dispute resolution.",
				"The bank's contacts change every month.",
				"A named contact at the bank.",
				"Finance joins the weekly review now.",
			}},
			{kind: monthly, held: ago(11), change: muchBetter, answers: [5]string{
				"Stakeholder management.",
				"The weekly dispute review.",
				"Getting the bank to commit to dates.",
				"Priya's help escalating at the bank.",
				"Disputes close in 3.5 days, down from 6.",
			}},
		}},

	{person: "nadia.haddad", status: blocked,
		reason: "The conflict-resolution spike waits on the sync API contract; nobody owns it yet.",
		goals: []goalRow{
			{lane: executionLane, kr: "MOB1.1", capability: "Estimation and planning", target: 3,
				title:  "Forecast offline sync work in ranges",
				change: "My sync estimates are ranges with the unknowns named, and I raise slips early.",
				actions: []actionRow{
					{kind: experience, by: "ana.kovac", role: manager, due: ago(6),
						title: "Run a one-week spike on conflict resolution and publish the estimate"},
					{kind: exposure, by: "oleksandr.petrenko", role: mentor, due: ahead(7),
						title: "Pair with Oleksandr on the sync API contract"},
				}},
		},
		checkIns: []checkInRow{
			{kind: quarterly, held: onReview, change: someBetter, answers: [5]string{
				"Estimation.",
				"Offline sync for the driver app.",
				"Every estimate depends on an API that doesn't exist yet.",
				"A decision on who owns the sync API.",
				"I say 'two to four weeks' now instead of 'two weeks'.",
			}},
			{kind: monthly, held: ago(10), change: noChange, status: blocked,
				reason: "The conflict-resolution spike waits on the sync API contract; nobody owns it yet.",
				answers: [5]string{
					"Estimation and planning.",
					"The conflict-resolution spike, which I can't start.",
					"Waiting without a date.",
					"Someone to decide who owns the sync API contract.",
					"Nothing new; I'm blocked.",
				},
				note:    "Escalate the API ownership to Rafael this week.",
				private: true},
		}},

	{person: "liam.oconnor",
		goals: []goalRow{
			{lane: executionLane, kr: "MOB1.2", capability: "Technical decision writing", target: 4,
				title:  "Write crash-fix decisions Android can follow",
				change: "Android fixes the same crash without asking iOS what we did.",
				actions: []actionRow{
					{kind: experience, by: "ana.kovac", role: manager, due: ago(15), done: ago(19),
						title:   "Write decision records for the three most common crash fixes",
						outcome: "Nadia applied two of them on Android unaided."},
				}},
			{lane: careerLane, horizon: 5,
				title:  "Move into engineering management",
				change: "Leads a small team through planning, one-to-ones and hiring.",
				actions: []actionRow{
					{kind: exposure, by: "ana.kovac", role: manager, due: ago(7), done: ago(7),
						title:   "Run Mobile's sprint planning twice with Ana observing",
						outcome: "Ran both; Ana's feedback was to timebox estimation."},
					{kind: education, by: "tomasz.wojcik", role: coach, due: ahead(30),
						title: "First-time manager course"},
				}},
		},
		checkIns: []checkInRow{
			{kind: quarterly, held: onReview, change: someBetter, answers: [5]string{
				"Decision writing, and a start toward management.",
				"Crash-fix records and sprint planning.",
				"Writing for Android engineers, who know the problem but not our code.",
				"Ana's feedback on how I run planning.",
				"Crash-free sessions are up to 99.4%.",
			}},
			{kind: monthly, held: ago(14), change: muchBetter, answers: [5]string{
				"Decision writing; leading planning.",
				"Two sprint plannings and three crash records.",
				"Saying no to scope in planning.",
				"The manager course before next quarter.",
				"Android shipped two fixes from my records.",
			}},
		}},

	{person: "mateo.rossi",
		goals: []goalRow{
			{lane: executionLane, kr: "MOB1.1", capability: "Estimation and planning", target: 3,
				title:  "Size sync edge cases before building",
				change: "I list a feature's offline edge cases and size them before I start.",
				actions: []actionRow{
					{kind: experience, by: "ana.kovac", role: manager, due: ago(12), done: ago(12),
						title:   "Write the edge-case list for offline photo upload before estimating it",
						outcome: "Found six cases; the estimate went from 3 to 8 days and held."},
					{kind: exposure, by: "nadia.haddad", role: mentor, due: ahead(14),
						title: "Pair with Nadia on estimating the conflict-resolution spike"},
				}},
		},
		checkIns: []checkInRow{
			{kind: quarterly, held: onReview, change: noChange, answers: [5]string{
				"Estimation.",
				"Offline photo upload.",
				"Edge cases show up after I start.",
				"Someone to challenge my list.",
				"Nothing yet.",
			}},
			{kind: monthly, held: ago(21), change: declined, answers: [5]string{
				"Estimation.",
				"The edge-case list for photo upload.",
				"Two releases had scope cut on release day.",
				"Ana reviewing my lists for a month.",
				"The photo upload estimate held.",
			},
				note: "The edge-case list worked; the two cut releases were planned before it."},
		}},

	{person: "zainab.yusuf",
		goals: []goalRow{
			{lane: executionLane, kr: "MOB1.1", capability: "Discovery interviewing", target: 3,
				title:  "Run discovery interviews with drivers",
				change: "Driver interviews tell us where and why sync fails, not which features drivers want.",
				actions: []actionRow{
					{kind: education, by: "tomasz.wojcik", role: coach, due: ago(30), done: ago(32),
						title:   "Discovery interviewing workshop",
						outcome: "A new interview guide built around the driver's last shift."},
					{kind: exposure, by: "elif.yilmaz", role: mentor, due: ago(16), done: ago(16),
						title:   "Listen to two of Elif's discovery calls with fleets",
						outcome: "Borrowed her 'walk me through yesterday' opening."},
					{kind: experience, by: "lena.fischer", role: manager, due: ahead(9),
						title: "Interview eight drivers about their last shift without signal"},
				}},
		},
		checkIns: []checkInRow{
			{kind: quarterly, held: onReview, change: noChange, answers: [5]string{
				"Discovery interviewing.",
				"Driver interviews for offline mode.",
				"Drivers tell me what they want, not what happened.",
				"The workshop, and someone to listen in.",
				"Nothing yet.",
			}},
			{kind: monthly, held: ago(6), change: muchBetter, answers: [5]string{
				"Discovery interviewing.",
				"Four of eight driver interviews, with the new guide.",
				"Staying quiet long enough.",
				"Lena listening to one interview.",
				"We found two depots where signal drops at loading; Mobile changed the sync order.",
			}},
		}},

	{person: "elif.yilmaz",
		goals: []goalRow{
			{lane: executionLane, kr: "SAL1.1", capability: "Discovery interviewing", target: 4,
				title:  "Lead discovery calls with large fleets",
				change: "On large-fleet calls I learn how dispatch works and who plans routes before anyone demos.",
				actions: []actionRow{
					{kind: education, by: "tomasz.wojcik", role: coach, due: ago(40), done: ago(42),
						title:   "Discovery interviewing workshop",
						outcome: "Opens every call with 'walk me through yesterday'."},
					{kind: exposure, by: "bjorn.halvorsen", role: mentor, due: ago(25), done: ago(20),
						title:   "Listen to three of Bjørn's technical discovery calls",
						outcome: "Learned to ask for the depot list on the first call."},
					{kind: experience, by: "marcus.johnson", role: manager, due: ahead(14),
						title: "Run discovery on the next five large-fleet calls with the new guide"},
				}},
			{lane: executionLane, kr: "SAL1.2", capability: "Stakeholder management", target: 4,
				title:  "Map every buyer in deals over 50 vehicles",
				change: "Every large deal has a buyer map naming the operations lead, finance and IT.",
				actions: []actionRow{
					{kind: experience, by: "marcus.johnson", role: manager, due: ago(5), done: ago(5),
						title:   "Build buyer maps for my three largest deals and review them with Marcus",
						outcome: "Found that finance, not operations, signs at two of them."},
				}},
			{lane: careerLane, horizon: 6,
				title:  "Grow into an enterprise account executive",
				change: "Runs deals of more than 200 vehicles end to end.",
				actions: []actionRow{
					{kind: exposure, by: "sophie.laurent", role: mentor, due: ahead(60),
						title: "Co-sell one enterprise deal with Sophie"},
				}},
		},
		checkIns: []checkInRow{
			{kind: quarterly, held: onReview, change: someBetter, answers: [5]string{
				"Discovery on large calls.",
				"The large-fleet pipeline and my playbook.",
				"I jump to the demo as soon as they sound interested.",
				"Listening to Bjørn, and the workshop.",
				"Last quarter's pipeline target landed.",
			}},
			{kind: monthly, held: ago(38), change: someBetter, answers: [5]string{
				"Discovery interviewing.",
				"Five large calls since the workshop.",
				"Staying in discovery when they ask for a demo.",
				"Marcus on two calls as a silent listener.",
				"My calls now end with a second meeting booked.",
			}},
			{kind: monthly, held: ago(7), change: muchBetter, answers: [5]string{
				"Discovery, and mapping buyers.",
				"Large-fleet calls and buyer maps.",
				"Getting finance into the room early.",
				"A way in to finance at the fleets.",
				"Marcus heard me run a whole discovery with a 150-vehicle fleet and no demo.",
			},
				note:    "Candidate for enterprise AE next year.",
				private: true},
		}},

	// Last quarter's plan of Tariq, closed by the review that opened this
	// quarter: the pipeline goal was achieved, and the goal on large deals
	// carried over to this quarter's win rate, since the deal it was about
	// slipped. The review made his plan below.
	{person: "tariq.rahman", previous: true,
		goals: []goalRow{
			{lane: executionLane, kr: "GTM1.1", capability: "Discovery interviewing", target: 3,
				decision: closeAchieved,
				title:    "Qualify mid-size fleets before the first demo",
				change:   "Every demo I give is to a fleet whose planning problem I have written down.",
				actions: []actionRow{
					{kind: experience, by: "marcus.johnson", role: manager,
						due: beforeReview(30), done: beforeReview(33),
						title:   "Write down each fleet's planning problem before booking its demo",
						outcome: "A third fewer demos, and twice the pipeline from them."},
				}},
			{lane: executionLane, kr: "C1.2", capability: "Stakeholder management", target: 3,
				decision: carryOver, carryTo: "SAL1.2",
				title:  "Bring legal and finance in early on large deals",
				change: "Proposals go out on the promised date because legal and finance have already seen them.",
				actions: []actionRow{
					{kind: experience, by: "marcus.johnson", role: manager,
						due: beforeReview(20), done: beforeReview(12),
						title:   "Send the 120-vehicle proposal to the fleet's legal team before the price",
						outcome: "Legal still took three weeks; the deal slipped into the next quarter."},
				}},
		},
		checkIns: []checkInRow{
			{kind: quarterly, held: onReview, change: noChange, answers: [5]string{
				"Discovery, and large deals.",
				"The mid-size pipeline and one 120-vehicle deal.",
				"I demo before I know what the fleet plans and how.",
				"Marcus on my first calls.",
				"Nothing yet.",
			}},
			{kind: monthly, held: beforeReview(40), change: someBetter, answers: [5]string{
				"Discovery, then stakeholders on the large deal.",
				"Qualifying calls, and the 120-vehicle proposal.",
				"The fleet's legal team is a black box.",
				"An introduction to their legal team.",
				"My demos now go to fleets with a planning problem we solve.",
			}},
		},
		review: &checkInRow{kind: quarterly, held: onReview, change: someBetter,
			answers: [5]string{
				"Stakeholder management in large deals; discovery is done for now.",
				"Two large proposals this quarter, one of them the deal that slipped.",
				"Legal takes weeks and I still ask too late.",
				"A checklist for large proposals.",
				"The pipeline goal landed: every demo goes to a qualified fleet.",
			},
			note: "Closed the pipeline goal as achieved; carried the large-deals goal over to the win rate."}},
	{person: "tariq.rahman", fromReview: true,
		goals: []goalRow{
			{carried: true, title: "Bring legal and finance in early on large deals",
				actions: []actionRow{
					{kind: exposure, by: "elif.yilmaz", role: mentor, due: ago(5), done: ago(5),
						title:   "Sit in on Elif's buyer-map review with Marcus",
						outcome: "Started buyer maps for his two largest deals."},
					{kind: experience, by: "marcus.johnson", role: manager, due: ahead(20),
						title: "Bring legal in at the first proposal on every deal over 50 vehicles"},
				}},
		},
		checkIns: []checkInRow{
			{kind: monthly, held: ago(16), change: someBetter, answers: [5]string{
				"Stakeholder management.",
				"A 90-vehicle proposal with legal involved from day one.",
				"Finance at the fleet, still.",
				"An introduction through Elif's contact there.",
				"The proposal went out on the date I promised.",
			}},
		}},

	{person: "ryan.cho", created: ago(6),
		goals: []goalRow{
			{lane: executionLane, kr: "SAL1.1", capability: "Discovery interviewing", target: 3,
				title:  "Learn how Northwind runs discovery",
				change: "Runs discovery calls with mid-size fleets on his own.",
				actions: []actionRow{
					{kind: education, due: ahead(10), title: "Northwind discovery course"},
				}},
		}},

	{person: "chloe.martin",
		goals: []goalRow{
			{lane: executionLane, kr: "SAL1.1", capability: "Discovery interviewing", target: 3,
				title:  "Qualify fleets properly before booking a meeting",
				change: "The meetings I book are with fleets over 50 vehicles that have a planning problem we solve.",
				actions: []actionRow{
					{kind: experience, by: "marcus.johnson", role: manager, due: ago(3), done: ago(3),
						title:   "Ask the five qualification questions on every outbound call for a month",
						outcome: "Twelve meetings booked, all with fleets over 50 vehicles."},
					{kind: exposure, by: "elif.yilmaz", role: mentor, due: ahead(10),
						title: "Listen to two of Elif's discovery calls"},
				}},
			{lane: careerLane, horizon: 4,
				title:  "Become an account executive",
				change: "Runs her own deals from the first call to signature.",
				actions: []actionRow{
					{kind: exposure, by: "tariq.rahman", role: mentor, due: ahead(35),
						title: "Run the second meeting on one of Tariq's deals"},
				}},
		},
		checkIns: []checkInRow{
			{kind: quarterly, held: onReview, change: noChange, answers: [5]string{
				"Discovery, the qualifying part.",
				"Outbound calls.",
				"Asking about fleet size without sounding like a form.",
				"Marcus's five questions.",
				"Nothing yet.",
			}},
			{kind: monthly, held: ago(19), change: muchBetter, answers: [5]string{
				"Discovery interviewing.",
				"Outbound calls with the five questions.",
				"Getting past reception to the person who plans routes.",
				"A few openings for gatekeepers.",
				"No more small fleets among my booked meetings.",
			}},
		}},

	{person: "bjorn.halvorsen",
		goals: []goalRow{
			{lane: executionLane, kr: "GTM1.1", capability: "Handover quality", target: 4,
				title:  "Hand presales findings to onboarding intact",
				change: "Every fleet that signs reaches onboarding with its depots, constraints and integrations written down.",
				actions: []actionRow{
					{kind: exposure, by: "emily.walsh", role: mentor, due: ago(22), done: ago(22),
						title:   "Sit in on an onboarding kickoff",
						outcome: "Saw that depot opening hours matter more than fleet size."},
					{kind: experience, by: "marcus.johnson", role: manager, due: ahead(25),
						title: "Write the presales handover for every deal signed this quarter and ask Emily what was missing"},
				}},
		},
		checkIns: []checkInRow{
			{kind: quarterly, held: onReview, change: noChange, answers: [5]string{
				"Handover quality.",
				"Presales handovers.",
				"I don't know what onboarding needs.",
				"Time with Emily.",
				"Nothing yet.",
			}},
			{kind: monthly, held: ago(11), change: someBetter, answers: [5]string{
				"Handover quality.",
				"Two handovers with the new template.",
				"Getting depot details before the contract is signed.",
				"A depots field in the CRM.",
				"Emily started an onboarding with no questions back to sales.",
			}},
		}},

	{person: "pedro.santos",
		goals: []goalRow{
			{lane: executionLane, kr: "CS1.2", capability: "Stakeholder management", target: 3,
				title:  "Meet the people who renew",
				change: "Each of my large accounts has a success plan agreed with the operations lead and finance.",
				actions: []actionRow{
					{kind: exposure, by: "sophie.laurent", role: mentor, due: ago(26), done: ago(26),
						title:   "Join Sophie's renewal call with the 200-vehicle fleet",
						outcome: "Saw how she frames the renewal around the COO's numbers."},
					{kind: experience, by: "nomvula.dlamini", role: manager, due: ahead(18),
						title: "Agree success plans with my six accounts over €30k"},
				}},
		},
		checkIns: []checkInRow{
			{kind: quarterly, held: onReview, change: noChange, answers: [5]string{
				"Stakeholder management.",
				"Success plans for large accounts.",
				"I know the dispatchers, not the COO.",
				"Introductions from Sophie.",
				"Nothing yet.",
			}},
			{kind: monthly, held: ago(13), change: someBetter, answers: [5]string{
				"Stakeholder management.",
				"Four success plans agreed.",
				"Finance at the fleets never answers my emails.",
				"A joint call with Nomvula at the next renewal.",
				"No renewal surprises this month.",
			}},
		}},

	{person: "hana.novak",
		goals: []goalRow{
			{lane: executionLane, kr: "CS1.1", capability: "Handover quality", target: 4,
				title:  "Write handovers as good as the ones I ask for",
				change: "Accounts I hand over arrive with open issues, contacts and next steps written down.",
				actions: []actionRow{
					{kind: experience, by: "nomvula.dlamini", role: mentor, due: ago(30), done: ago(29),
						title:   "Design the sales-to-onboarding handover template with Bjørn",
						outcome: "The template is used for every new deal."},
					{kind: education, by: "tomasz.wojcik", role: coach, due: ahead(21),
						title: "Customer onboarding course"},
				}},
			{lane: careerLane, horizon: 6,
				title:  "Lead a customer success team",
				change: "Manages three to five customer success managers.",
				actions: []actionRow{
					{kind: exposure, by: "nomvula.dlamini", role: mentor, due: ahead(40),
						title: "Lead the team's weekly account review with Nomvula as mentor"},
				}},
		},
		checkIns: []checkInRow{
			{kind: quarterly, held: onReview, change: noChange, answers: [5]string{
				"Handover quality.",
				"The sales-to-onboarding handover.",
				"My own handovers are thin.",
				"Feedback from Pedro on the ones I gave him.",
				"Nothing yet.",
			}},
			{kind: monthly, held: ago(35), change: someBetter, answers: [5]string{
				"Handover quality.",
				"The handover template with Bjørn.",
				"Getting sales to fill it in.",
				"Sophie asking sales to use it.",
				"The template is in use.",
			}},
			{kind: monthly, held: ago(3), change: muchBetter, answers: [5]string{
				"Handover quality.",
				"Two accounts handed to Pedro with the template.",
				"Writing down the politics at an account.",
				"Nothing new.",
				"Pedro had no questions after either handover.",
			}},
		}},

	{person: "arjun.mehta",
		goals: []goalRow{
			{lane: executionLane, kr: "C2.3", capability: "Handover quality", target: 3,
				title:  "Escalate tickets engineers can act on the first time",
				change: "Every ticket I escalate has the fleet, the route, the steps and what I already tried.",
				actions: []actionRow{
					{kind: experience, by: "nomvula.dlamini", role: manager, due: ago(2), done: ago(2),
						title:   "Use the escalation template on every ticket sent to engineering for a month",
						outcome: "No escalation re-opened this month."},
					{kind: exposure, by: "meilin.chen", role: mentor, due: ahead(16),
						title: "Spend a day with Platform's on-call engineer"},
				}},
		},
		checkIns: []checkInRow{
			{kind: quarterly, held: onReview, change: noChange, answers: [5]string{
				"Handover quality.",
				"Escalations to engineering.",
				"I fix most things myself, so I'm not used to writing them down.",
				"A template.",
				"Nothing yet.",
			}},
			{kind: monthly, held: ago(9), change: muchBetter, answers: [5]string{
				"Handover quality.",
				"The escalation template.",
				"Reproducing driver app bugs.",
				"A test phone with the driver app.",
				"No re-opened escalations this month.",
			}},
		}},

	{person: "emily.walsh",
		goals: []goalRow{
			{lane: executionLane, kr: "CS1.1", capability: "Handover quality", target: 4,
				title:  "Start every onboarding with what sales knew",
				change: "Onboarding starts with the fleet's depots and constraints in hand, so the first route is planned within ten days.",
				actions: []actionRow{
					{kind: exposure, by: "hana.novak", role: mentor, due: ago(20), done: ago(18),
						title:   "Shadow Hana's handover of two accounts",
						outcome: "Took her template into onboarding kickoffs."},
					{kind: experience, by: "nomvula.dlamini", role: mentor, due: ahead(15),
						title: "Hold a handover meeting with sales before each kickoff"},
				}},
		},
		checkIns: []checkInRow{
			{kind: quarterly, held: onReview, author: "nomvula.dlamini", change: noChange,
				answers: [5]string{
					"Handover quality, from the receiving side.",
					"Onboarding kickoffs.",
					"Sales notes arrive late.",
					"A manager; until then, Nomvula.",
					"Nothing yet.",
				}},
			{kind: monthly, held: ago(26), author: "nomvula.dlamini", change: someBetter,
				answers: [5]string{
					"Handover quality.",
					"Two kickoffs with the sales handover meeting first.",
					"With no manager, I have nobody to escalate to when sales is late.",
					"The new Head of Onboarding to start.",
					"The first route at the last fleet was planned in 12 days.",
				},
				note: "Nomvula holds Emily's check-ins until the new Head of Onboarding starts."},
		}},

	{person: "maria.gonzalez",
		goals: []goalRow{
			{lane: executionLane, kr: "PPL1.1", capability: "Coaching", target: 3,
				title:  "Give managers check-in feedback they can use",
				change: "My feedback on a check-in names one thing to change, with an example from it.",
				actions: []actionRow{
					{kind: exposure, by: "tomasz.wojcik", role: coach, due: ago(21), done: ago(21),
						title:   "Co-facilitate Tomasz's coaching clinic for managers",
						outcome: "Ran the role-play section alone."},
					{kind: experience, by: "kenji.watanabe", role: manager, due: ahead(11),
						title: "Review ten check-ins a month and send each manager one specific suggestion"},
				}},
		},
		checkIns: []checkInRow{
			{kind: quarterly, held: onReview, change: noChange, answers: [5]string{
				"Coaching.",
				"Check-in reviews.",
				"Being specific without being harsh.",
				"Tomasz's clinic.",
				"Nothing yet.",
			}},
			{kind: monthly, held: ago(17), change: someBetter, answers: [5]string{
				"Coaching.",
				"Ten check-in reviews and the clinic.",
				"Managers who don't reply.",
				"Kenji raising check-in quality at the leadership meeting.",
				"Two managers changed how they write check-ins after my notes.",
			}},
		}},

	{person: "ngozi.eze",
		goals: []goalRow{
			{lane: careerLane, horizon: 8,
				title:  "Lead talent acquisition at a scale-up",
				change: "Owns hiring plans with the leadership team, not only the pipelines.",
				actions: []actionRow{
					{kind: education, by: "tomasz.wojcik", role: coach, due: ago(10), done: ago(9),
						title:   "Workforce planning course",
						outcome: "Built the first hiring forecast by team."},
					{kind: exposure, by: "kenji.watanabe", role: manager, due: ahead(30),
						title: "Join the executive team's quarterly headcount planning"},
				}},
		},
		checkIns: []checkInRow{
			{kind: quarterly, held: onReview, change: noChange, answers: [5]string{
				"Workforce planning.",
				"Hiring for Payments and Sales.",
				"Hiring managers change their minds.",
				"A seat in headcount planning.",
				"Nothing yet.",
			}},
			{kind: monthly, held: ago(22), change: someBetter, answers: [5]string{
				"Workforce planning.",
				"The hiring forecast by team.",
				"Getting budget numbers early.",
				"Kenji's introduction to the board pack.",
				"Hiring managers used my forecast in their planning.",
			}},
		}},

	{person: "grace.mwangi",
		goals: []goalRow{
			{lane: executionLane, kr: "PPL1.1", capability: "Coaching", target: 3,
				title:  "Coach on-call engineers through incidents instead of taking over",
				change: "In incidents I ask questions and let the on-call engineer lead.",
				actions: []actionRow{
					{kind: experience, by: "rafael.mendes", role: manager, due: ago(20), done: ago(20),
						title:   "Observe Mei-Lin's incidents with hands off the keyboard",
						outcome: "Stayed hands-off in two incidents and gave feedback after each."},
					{kind: exposure, by: "tomasz.wojcik", role: coach, due: ahead(8),
						title: "Monthly coaching sessions with Tomasz"},
				}},
		},
		checkIns: []checkInRow{
			{kind: quarterly, held: onReview, change: noChange, answers: [5]string{
				"Coaching.",
				"Incidents and one-to-ones.",
				"Not fixing it myself when the clock is running.",
				"Sessions with Tomasz.",
				"Nothing yet.",
			}},
			{kind: monthly, held: ago(19), change: muchBetter, answers: [5]string{
				"Coaching.",
				"Two incidents as an observer.",
				"Staying silent when I know the fix.",
				"Rafael backing me when a restore takes longer.",
				"Mei-Lin leads incidents now.",
			}},
		}},

	{person: "siddharth.iyer",
		goals: []goalRow{
			{lane: executionLane, kr: "PE1.2", capability: "Estimation and planning", target: 4,
				title:  "Promise launch dates only when the bank's dates are known",
				change: "Launch dates I give sales are ranges tied to the bank's test window.",
				actions: []actionRow{
					{kind: experience, by: "rafael.mendes", role: manager, due: ago(15), done: ago(17),
						title:   "Forecast the France launch as a range tied to the bank's test window",
						outcome: "The range held; sales planned around its late end."},
					{kind: exposure, by: "sara.nilsson", role: mentor, due: ahead(12),
						title: "Monthly planning review with Sara"},
				}},
		},
		checkIns: []checkInRow{
			{kind: quarterly, held: onReview, change: noChange, answers: [5]string{
				"Estimation with partners.",
				"Instant payouts in France.",
				"Sales wants one date.",
				"Rafael explaining ranges to Sophie.",
				"Nothing yet.",
			}},
			{kind: monthly, held: ago(28), change: someBetter, answers: [5]string{
				"Estimation and planning.",
				"The France forecast.",
				"The bank still hasn't confirmed its window.",
				"An escalation path at the bank.",
				"Sales planned around my range for the first time.",
			}},
		}},

	{person: "ana.kovac",
		goals: []goalRow{
			{lane: executionLane, kr: "PE1.3", capability: "Stakeholder management", target: 3,
				title:  "Get cross-team decisions made",
				change: "A decision that blocks Mobile has an owner and a date within a week of being raised.",
				actions: []actionRow{
					{kind: exposure, by: "tomasz.wojcik", role: coach, due: ago(40), done: ago(38),
						title:   "Coaching with Tomasz on influencing peers",
						outcome: "Rehearsed asking for an owner of the sync API."},
					{kind: experience, by: "rafael.mendes", role: manager, due: ago(20),
						title: "Agree the owner of the sync API contract with Grace and Rafael"},
				}},
		},
		checkIns: []checkInRow{
			{kind: monthly, held: ago(55), change: noChange, answers: [5]string{
				"Stakeholder management.",
				"Offline mode.",
				"Platform and Mobile each wait for the other.",
				"Rafael to chair the first sync API meeting.",
				"Nothing yet.",
			},
				note:    "Our check-ins keep being cancelled; fix the rhythm.",
				private: true},
		}},

	// Last quarter's plans, closed at its final review.
	{person: "meilin.chen", previous: true, status: completed,
		goals: []goalRow{
			{lane: executionLane, kr: "PLT1.1", capability: "Incident handling", target: 3,
				state:  achieved,
				title:  "Handle known failures on call without escalating",
				change: "Known failures are restored from the runbook on my rotations.",
				actions: []actionRow{
					{kind: experience, by: "grace.mwangi", role: manager, due: onClosing, done: onClosing,
						title:   "Take the primary on-call rota for six weeks",
						outcome: "Six weeks with no escalation of a known failure."},
				}},
		},
		checkIns: []checkInRow{
			{kind: quarterly, held: onReview, change: noChange, answers: [5]string{
				"Incident handling.",
				"The primary on-call rota.",
				"Night pages.",
				"A better runbook for the queue.",
				"Nothing yet.",
			}},
			{kind: quarterly, held: onClosing, change: muchBetter, status: completed,
				answers: [5]string{
					"Incident handling, done for this level.",
					"Six weeks of primary on-call.",
					"Leading, not only fixing.",
					"Next quarter: lead incidents.",
					"No escalations of known failures.",
				}},
		}},
	{person: "elif.yilmaz", previous: true, status: completed,
		goals: []goalRow{
			{lane: executionLane, kr: "GTM1.1", capability: "Discovery interviewing", target: 3,
				state:  achieved,
				title:  "Qualify mid-size fleets on the first call",
				change: "First calls end with fleet size, planning process and decision maker known.",
				actions: []actionRow{
					{kind: exposure, by: "marcus.johnson", role: manager, due: onClosing, done: onClosing,
						title:   "Run first calls with Marcus listening for a month",
						outcome: "Every first call ended with the three facts known."},
				}},
		},
		checkIns: []checkInRow{
			{kind: quarterly, held: onReview, change: noChange, answers: [5]string{
				"Discovery on first calls.",
				"The mid-size pipeline.",
				"Knowing when to stop asking.",
				"Marcus listening in.",
				"Nothing yet.",
			}},
			{kind: quarterly, held: onClosing, change: muchBetter, status: completed,
				answers: [5]string{
					"Discovery, first calls.",
					"The mid-size pipeline target.",
					"Large fleets, next.",
					"The discovery workshop next quarter.",
					"Pipeline target landed at €1.32M.",
				}},
		}},
}

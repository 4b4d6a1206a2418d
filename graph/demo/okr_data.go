package demo

import throughline "throughline.dev/graph"

// objectiveRow is an objective with its key results. alignTo names
// parents in the same cycle by ref: a key result's (with a dot, C2.1) or
// an objective's (C3). Parents come before their children.
type objectiveRow struct {
	ref                string
	level              throughline.ObjectiveLevel
	title, description string
	owner, team        string
	alignTo            []string
	krs                []krRow
}

// krRow is a key result: a metric, or done / not done when metric is nil.
type krRow struct {
	ref, title, owner string
	critical          bool
	metric            *metric
	track             []point
}

type metric struct {
	start, target float64
	unit          string
}

// point is one progress update, at a share of the cycle's days so far
// (1 is today, or the last day of a past cycle). For a done / not done
// result a value of 1 is done.
type point struct {
	at         float64
	value      float64
	confidence int32
	note       string
}

const (
	company    = throughline.LevelCompany
	team       = throughline.LevelTeam
	individual = throughline.LevelIndividual
)

// currentOKRs cascade four levels deep: company (C), group (PE, GTM,
// PPL), team (PLT, PAY, MOB, SAL, CS) and individual (IND). PAY1 aligns
// to two parents: the instant-payout launch and revenue retention.
var currentOKRs = []objectiveRow{
	{ref: "C1", level: company, owner: "amara.okafor", team: "Executive",
		title:       "Become the default planning tool for mid-size delivery fleets",
		description: "Fleets of 50 to 300 vehicles outgrow spreadsheets; we want to be what they move to.",
		krs: []krRow{
			{ref: "C1.1", title: "Grow annual recurring revenue from €4.2M to €5.0M",
				owner: "sophie.laurent", critical: true, metric: &metric{4.2, 5.0, "€M ARR"},
				track: []point{{.25, 4.31, 70, ""}, {.55, 4.42, 65, "Two renewals slipped into next month."},
					{.9, 4.55, 65, "Both slipped renewals signed."}}},
			{ref: "C1.2", title: "Win 12 new fleets with more than 50 vehicles",
				owner: "marcus.johnson", metric: &metric{0, 12, "fleets"},
				track: []point{{.3, 2, 60, ""}, {.6, 4, 55, "Procurement takes longer than planned at large fleets."},
					{.9, 5, 50, ""}}},
			{ref: "C1.3", title: "Raise gross revenue retention from 91% to 95%",
				owner: "nomvula.dlamini", critical: true, metric: &metric{91, 95, "%"},
				track: []point{{.1, 91.1, 70, ""}, {.3, 91.4, 70, ""}, {.7, 92.5, 70, "Instant payouts stopped two churn risks."}}},
		}},
	{ref: "C2", level: company, owner: "rafael.mendes", team: "Executive",
		title:       "Be the most dependable tool a dispatcher opens in the morning",
		description: "Dispatchers plan the day at 6 a.m.; if we are slow or down, trucks leave late.",
		krs: []krRow{
			{ref: "C2.1", title: "Keep the route-planning API available 99.95% of the time",
				owner: "rafael.mendes", critical: true, metric: &metric{99.7, 99.95, "% availability"},
				track: []point{{.3, 99.82, 60, ""}, {.6, 99.86, 55, "Two incidents in one week."},
					{.9, 99.91, 65, ""}}},
			{ref: "C2.2", title: "Cut p95 load time of the dispatch board from 2.4 s to 1.2 s",
				owner: "priya.raman", metric: &metric{2.4, 1.2, "s"},
				track: []point{{.15, 2.3, 60, ""}, {.4, 2.0, 70, "Board queries now cached."}, {.9, 1.7, 60, ""}}},
			{ref: "C2.3", title: "Bring support tickets below 18 per 100 active fleets",
				owner: "nomvula.dlamini", metric: &metric{26, 18, "tickets per 100 fleets"},
				track: []point{{.2, 25, 60, ""}, {.5, 23, 65, ""}, {.9, 22, 60, "Offline sync tickets are most of the rest."}}},
		}},
	{ref: "C3", level: company, owner: "amara.okafor", team: "Executive",
		title: "Grow the people who will lead our next stage",
		krs: []krRow{
			{ref: "C3.1", title: "Every manager of three or more holds monthly development check-ins",
				owner: "kenji.watanabe",
				track: []point{{.5, 0, 60, "Two managers still skip months."}}},
			{ref: "C3.2", title: "Publish career frameworks for engineering and go-to-market",
				owner: "kenji.watanabe",
				track: []point{{.4, 0, 80, "Engineering framework in review."},
					{.8, 1, 100, "Both frameworks published on the wiki."}}},
		}},

	{ref: "PE1", level: team, owner: "rafael.mendes", team: "Product & Engineering",
		title:   "Ship a platform fleets can run their whole day on",
		alignTo: []string{"C2.1"},
		krs: []krRow{
			{ref: "PE1.1", title: "Cut incidents with customer impact from 9 to 3 a quarter",
				owner: "yusuf.demir", critical: true, metric: &metric{9, 3, "incidents"},
				track: []point{{.4, 6, 55, ""}, {.8, 5, 60, "The queue outage counts twice: two regions."}}},
			{ref: "PE1.2", title: "Launch instant payouts to every EU fleet",
				owner: "siddharth.iyer", critical: true,
				track: []point{{.5, 0, 60, "Germany and the Netherlands live; France waits on the bank."}}},
			{ref: "PE1.3", title: "Make offline mode for the driver app generally available",
				owner: "ana.kovac",
				track: []point{{.6, 0, 55, "Blocked on the sync API contract."}}},
		}},
	{ref: "GTM1", level: team, owner: "sophie.laurent", team: "Go-to-market",
		title:   "Land and grow mid-size fleets",
		alignTo: []string{"C1.1"},
		krs: []krRow{
			{ref: "GTM1.1", title: "Build €1.8M of qualified pipeline with fleets over 50 vehicles",
				owner: "marcus.johnson", critical: true, metric: &metric{0, 1800, "€k pipeline"},
				track: []point{{.3, 520, 70, ""}, {.6, 980, 60, ""}, {.9, 1150, 55, "Needs more first calls."}}},
			{ref: "GTM1.2", title: "Raise net revenue retention from 101% to 108%",
				owner: "nomvula.dlamini", metric: &metric{101, 108, "%"},
				track: []point{{.2, 102, 65, ""}, {.5, 103, 65, ""}, {.9, 104, 60, ""}}},
		}},
	{ref: "PPL1", level: team, owner: "kenji.watanabe", team: "People",
		title:   "Make development part of everyday work",
		alignTo: []string{"C3"},
		krs: []krRow{
			{ref: "PPL1.1", title: "90% of development plans had a check-in in the last 31 days",
				owner: "maria.gonzalez", critical: true, metric: &metric{55, 90, "% of plans"},
				track: []point{{.15, 58, 65, ""}, {.4, 66, 70, ""}, {.85, 72, 60, "Mobile and Payments are behind."}}},
			{ref: "PPL1.2", title: "Every team uses the capability framework in its reviews",
				owner: "tomasz.wojcik",
				track: []point{{.3, 0, 75, ""}, {.7, 1, 100, "Last two teams ran their reviews with it."}}},
		}},

	{ref: "PLT1", level: team, owner: "grace.mwangi", team: "Platform",
		title:   "Make the routing API boringly reliable",
		alignTo: []string{"PE1.1"},
		krs: []krRow{
			{ref: "PLT1.1", title: "Bring mean time to restore from 95 to 30 minutes",
				owner: "grace.mwangi", critical: true, metric: &metric{95, 30, "minutes"},
				track: []point{{.2, 80, 55, ""}, {.5, 61, 60, ""},
					{.85, 48, 65, "Paging runbooks cut the first twenty minutes."}}},
			{ref: "PLT1.2", title: "Give all 22 services a runbook and an on-call owner",
				owner: "oleksandr.petrenko", metric: &metric{4, 22, "services"},
				track: []point{{.3, 9, 70, ""}, {.6, 13, 70, ""}, {.9, 15, 65, ""}}},
			{ref: "PLT1.3", title: "Move route optimisation onto the new job queue",
				owner: "diego.herrera",
				track: []point{{.4, 0, 50, "Took longer than the two weeks estimated."},
					{.8, 1, 100, "All optimisation jobs run on the new queue."}}},
		}},
	{ref: "PAY1", level: team, owner: "siddharth.iyer", team: "Payments",
		title:       "Make payouts instant and trustworthy",
		description: "Fleets pay drivers daily; a late payout costs them drivers and costs us renewals.",
		alignTo:     []string{"PE1.2", "C1.3"},
		krs: []krRow{
			{ref: "PAY1.1", title: "Raise the instant payout success rate from 96% to 99.5%",
				owner: "kwame.asante", critical: true, metric: &metric{96, 99.5, "%"},
				track: []point{{.3, 97.0, 65, ""}, {.6, 96.8, 50, "Bank timeouts on Mondays."},
					{.9, 97.2, 55, ""}}},
			{ref: "PAY1.2", title: "Resolve payout disputes within 2 business days",
				owner: "camille.dubois", metric: &metric{6, 2, "business days"},
				track: []point{{.2, 5.2, 60, ""}, {.5, 4.1, 65, ""}, {.9, 3.5, 60, ""}}},
			{ref: "PAY1.3", title: "Pass the PCI DSS self-assessment",
				owner: "leila.ahmadi", critical: true,
				track: []point{{.5, 0, 45, "Decision records for card data flows are missing."}}},
		}},
	{ref: "MOB1", level: team, owner: "ana.kovac", team: "Mobile",
		title:   "Drivers can finish a shift without signal",
		alignTo: []string{"PE1.3"},
		krs: []krRow{
			{ref: "MOB1.1", title: "95% of shifts complete with no sync failure",
				owner: "ana.kovac", critical: true, metric: &metric{62, 95, "% of shifts"},
				track: []point{{.3, 70, 60, ""}, {.6, 76, 50, ""}, {.9, 80, 45, "Conflict handling still open."}}},
			{ref: "MOB1.2", title: "Raise crash-free sessions from 99.1% to 99.8%",
				owner: "liam.oconnor", metric: &metric{99.1, 99.8, "% of sessions"},
				track: []point{{.5, 99.4, 70, ""}, {.9, 99.5, 70, ""}}},
		}},
	{ref: "SAL1", level: team, owner: "marcus.johnson", team: "Sales",
		title:   "Fill the pipeline with the right fleets",
		alignTo: []string{"GTM1.1"},
		krs: []krRow{
			{ref: "SAL1.1", title: "Run 60 discovery calls with fleets of more than 50 vehicles",
				owner: "chloe.martin", metric: &metric{0, 60, "calls"},
				track: []point{{.3, 14, 70, ""}, {.6, 29, 70, ""}, {.9, 38, 65, ""}}},
			{ref: "SAL1.2", title: "Raise the win rate on qualified deals from 19% to 28%",
				owner: "marcus.johnson", critical: true, metric: &metric{19, 28, "%"},
				track: []point{{.5, 21, 55, ""}, {.9, 22, 50, "Losing at the ops-lead stage."}}},
		}},
	{ref: "CS1", level: team, owner: "nomvula.dlamini", team: "Customer Success",
		title:   "Keep every fleet we win",
		alignTo: []string{"GTM1.2"},
		krs: []krRow{
			{ref: "CS1.1", title: "Cut onboarding to the first planned route from 21 to 10 days",
				owner: "emily.walsh", critical: true, metric: &metric{21, 10, "days"},
				track: []point{{.15, 19, 55, ""}, {.4, 17, 60, ""}, {.85, 14, 55, "Sales handovers still miss depot constraints."}}},
			{ref: "CS1.2", title: "Agree a success plan with each of the 24 accounts over €30k",
				owner: "pedro.santos", metric: &metric{0, 24, "accounts"},
				track: []point{{.25, 5, 70, ""}, {.5, 11, 70, ""}, {.9, 17, 70, ""}}},
		}},

	{ref: "IND-MLC", level: individual, owner: "meilin.chen", team: "Platform",
		title:   "Shorten our incidents by running them well",
		alignTo: []string{"PLT1.1"},
		krs: []krRow{
			{ref: "IND-MLC.1", title: "Lead four incident reviews and publish their write-ups",
				owner: "meilin.chen", metric: &metric{0, 4, "reviews"},
				track: []point{{.5, 1, 70, ""}, {.9, 2, 75, ""}}},
		}},
	{ref: "IND-KA", level: individual, owner: "kwame.asante", team: "Payments",
		title:   "Make the payout ledger auditable end to end",
		alignTo: []string{"PAY1.1"},
		krs: []krRow{
			{ref: "IND-KA.1", title: "Reconcile every payout against the bank file each day",
				owner: "kwame.asante", metric: &metric{70, 100, "% of payouts"},
				track: []point{{.15, 78, 65, ""}, {.4, 85, 70, ""}, {.9, 92, 75, ""}}},
		}},
	{ref: "IND-EY", level: individual, owner: "elif.yilmaz", team: "Sales",
		title:   "Own the discovery playbook for large fleets",
		alignTo: []string{"SAL1.1"},
		krs: []krRow{
			{ref: "IND-EY.1", title: "Publish the large-fleet discovery playbook",
				owner: "elif.yilmaz",
				track: []point{{.6, 0, 80, "Draft reviewed by Marcus and Bjørn."}}},
		}},
}

// previousOKRs are last quarter's, closed: final values, some missed.
var previousOKRs = []objectiveRow{
	{ref: "C1", level: company, owner: "amara.okafor", team: "Executive",
		title: "Prove mid-size fleets will pay for planning",
		krs: []krRow{
			{ref: "C1.1", title: "Grow annual recurring revenue from €3.6M to €4.2M",
				owner: "sophie.laurent", critical: true, metric: &metric{3.6, 4.2, "€M ARR"},
				track: []point{{.3, 3.75, 60, ""}, {.6, 3.95, 65, ""}, {1, 4.2, 100, "Landed."}}},
			{ref: "C1.2", title: "Sign 8 fleets with more than 50 vehicles",
				owner: "marcus.johnson", metric: &metric{0, 8, "fleets"},
				track: []point{{.3, 1, 60, ""}, {.6, 3, 55, ""},
					{1, 7, 0, "Missed by one; carried into the next quarter."}}},
		}},
	{ref: "C2", level: company, owner: "rafael.mendes", team: "Executive",
		title: "Stop losing dispatchers to downtime",
		krs: []krRow{
			{ref: "C2.1", title: "Keep the route-planning API available 99.9% of the time",
				owner: "rafael.mendes", critical: true, metric: &metric{99.5, 99.9, "% availability"},
				track: []point{{.3, 99.65, 60, ""}, {.6, 99.6, 45, ""},
					{1, 99.7, 0, "Missed: two long queue outages."}}},
			{ref: "C2.2", title: "Launch the Android driver app",
				owner: "ana.kovac",
				track: []point{{.3, 0, 70, ""}, {.6, 0, 75, "In beta with four fleets."},
					{1, 1, 100, "In the Play Store."}}},
		}},
	{ref: "PE1", level: team, owner: "rafael.mendes", team: "Product & Engineering",
		title:   "Rebuild the routing core for larger fleets",
		alignTo: []string{"C2.1"},
		krs: []krRow{
			{ref: "PE1.1", title: "Solve a 500-stop route in under 4 s",
				owner: "yusuf.demir", metric: &metric{11, 4, "s"},
				track: []point{{.3, 9, 60, ""}, {.6, 6.2, 65, ""}, {1, 3.8, 100, ""}}},
			{ref: "PE1.2", title: "Move every customer to the new routing core",
				owner: "yusuf.demir", critical: true,
				track: []point{{.3, 0, 70, ""}, {.6, 0, 80, "Half the fleets moved."},
					{1, 1, 100, "Last fleet moved in week 12."}}},
		}},
	{ref: "GTM1", level: team, owner: "sophie.laurent", team: "Go-to-market",
		title:   "Open the mid-size segment",
		alignTo: []string{"C1.1"},
		krs: []krRow{
			{ref: "GTM1.1", title: "Build €1.2M of qualified pipeline",
				owner: "marcus.johnson", metric: &metric{0, 1200, "€k pipeline"},
				track: []point{{.3, 340, 65, ""}, {.6, 610, 70, ""}, {1, 1320, 100, ""}}},
		}},
	{ref: "PLT1", level: team, owner: "grace.mwangi", team: "Platform",
		title:   "Put on-call on a sustainable footing",
		alignTo: []string{"PE1"},
		krs: []krRow{
			{ref: "PLT1.1", title: "Page no engineer more than twice a week",
				owner: "grace.mwangi", metric: &metric{7, 2, "pages per week"},
				track: []point{{.3, 6, 50, ""}, {.6, 5, 55, ""}, {1, 3.5, 0, "Halved, but not at target."}}},
		}},
}

package demo

// Northwind Labs makes route planning and dispatch software for delivery
// fleets of ten to a few hundred vehicles. Forty people, and one who has
// left, in three groups: Product & Engineering, Go-to-market and the
// People team, all under the Executive team.

// teamRow is a team; parent and lead name other rows (a team name, a
// person's key).
type teamRow struct {
	name, parent, lead string
}

// Parents come before their children.
var teams = []teamRow{
	{"Executive", "", "amara.okafor"},
	{"Product & Engineering", "Executive", "rafael.mendes"},
	{"Platform", "Product & Engineering", "grace.mwangi"},
	{"Payments", "Product & Engineering", "siddharth.iyer"},
	{"Mobile", "Product & Engineering", "ana.kovac"},
	{"Go-to-market", "Executive", "sophie.laurent"},
	{"Sales", "Go-to-market", "marcus.johnson"},
	{"Customer Success", "Go-to-market", "nomvula.dlamini"},
	{"People", "Executive", "kenji.watanabe"},
}

// personRow is a person. The key is the local part of their email
// address; manager is another person's key, empty for nobody.
type personRow struct {
	key, name, title, team, manager string
}

// Managers come before the people who report to them, as they were when
// the organisation was set up; the handovers and the departure in
// handover_data.go change that later. Pedro and Hana move from Sophie to
// Nomvula, Leila from Siddharth to Rafael. Olivia, Emily Walsh's manager,
// leaves and the new Head of Onboarding has not started, so Emily has no
// manager: she waits for a handover and her plan shows NO_MANAGER.
var people = []personRow{
	{"amara.okafor", "Amara Okafor", "Chief Executive Officer", "Executive", ""},
	{"rafael.mendes", "Rafael Mendes", "Chief Technology Officer", "Executive", "amara.okafor"},
	{"priya.raman", "Priya Raman", "Chief Product Officer", "Executive", "amara.okafor"},
	{"sophie.laurent", "Sophie Laurent", "VP Go-to-market", "Executive", "amara.okafor"},
	{"kenji.watanabe", "Kenji Watanabe", "Head of People", "People", "amara.okafor"},

	{"lena.fischer", "Lena Fischer", "Head of Design", "Product & Engineering", "priya.raman"},
	{"yusuf.demir", "Yusuf Demir", "Staff Engineer", "Product & Engineering", "rafael.mendes"},

	{"grace.mwangi", "Grace Mwangi", "Engineering Manager, Platform", "Platform", "rafael.mendes"},
	{"oleksandr.petrenko", "Oleksandr Petrenko", "Senior Backend Engineer", "Platform", "grace.mwangi"},
	{"meilin.chen", "Mei-Lin Chen", "Site Reliability Engineer", "Platform", "grace.mwangi"},
	{"diego.herrera", "Diego Herrera", "Backend Engineer", "Platform", "grace.mwangi"},
	{"aisha.bello", "Aisha Bello", "Backend Engineer", "Platform", "grace.mwangi"},
	{"viktor.sokolov", "Viktor Sokolov", "Data Engineer", "Platform", "grace.mwangi"},

	{"siddharth.iyer", "Siddharth Iyer", "Engineering Manager, Payments", "Payments", "rafael.mendes"},
	{"camille.dubois", "Camille Dubois", "Product Manager, Payments", "Payments", "priya.raman"},
	{"kwame.asante", "Kwame Asante", "Senior Backend Engineer", "Payments", "siddharth.iyer"},
	{"sara.nilsson", "Sara Nilsson", "Backend Engineer", "Payments", "siddharth.iyer"},
	{"hiroshi.tanaka", "Hiroshi Tanaka", "Backend Engineer", "Payments", "siddharth.iyer"},
	{"fatima.elidrissi", "Fatima Zahra El Idrissi", "QA Engineer", "Payments", "siddharth.iyer"},
	{"leila.ahmadi", "Leila Ahmadi", "Security Engineer", "Payments", "siddharth.iyer"},

	{"ana.kovac", "Ana Kovač", "Engineering Manager, Mobile", "Mobile", "rafael.mendes"},
	{"liam.oconnor", "Liam O'Connor", "iOS Engineer", "Mobile", "ana.kovac"},
	{"nadia.haddad", "Nadia Haddad", "Android Engineer", "Mobile", "ana.kovac"},
	{"mateo.rossi", "Mateo Rossi", "Mobile Engineer", "Mobile", "ana.kovac"},
	{"zainab.yusuf", "Zainab Yusuf", "Product Designer", "Mobile", "lena.fischer"},

	{"ines.carvalho", "Inês Carvalho", "Product Marketing Manager", "Go-to-market", "sophie.laurent"},

	{"marcus.johnson", "Marcus Johnson", "Head of Sales", "Sales", "sophie.laurent"},
	{"elif.yilmaz", "Elif Yılmaz", "Account Executive", "Sales", "marcus.johnson"},
	{"tariq.rahman", "Tariq Rahman", "Account Executive", "Sales", "marcus.johnson"},
	{"ryan.cho", "Ryan Cho", "Account Executive", "Sales", "marcus.johnson"},
	{"chloe.martin", "Chloé Martin", "Sales Development Representative", "Sales", "marcus.johnson"},
	{"bjorn.halvorsen", "Bjørn Halvorsen", "Solutions Engineer", "Sales", "marcus.johnson"},

	{"nomvula.dlamini", "Nomvula Dlamini", "Head of Customer Success", "Customer Success", "sophie.laurent"},
	{"pedro.santos", "Pedro Santos", "Customer Success Manager", "Customer Success", "sophie.laurent"},
	{"hana.novak", "Hana Novák", "Customer Success Manager", "Customer Success", "sophie.laurent"},
	{"arjun.mehta", "Arjun Mehta", "Support Engineer", "Customer Success", "nomvula.dlamini"},
	{"olivia.bennett", "Olivia Bennett", "Head of Onboarding", "Customer Success", "nomvula.dlamini"},
	{"emily.walsh", "Emily Walsh", "Onboarding Specialist", "Customer Success", "olivia.bennett"},

	{"maria.gonzalez", "María González", "People Partner", "People", "kenji.watanabe"},
	{"ngozi.eze", "Ngozi Eze", "Talent Partner", "People", "kenji.watanabe"},
	{"tomasz.wojcik", "Tomasz Wójcik", "Learning and Development Lead", "People", "kenji.watanabe"},
}

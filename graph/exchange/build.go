package exchange

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	throughline "throughline.dev/graph"
)

// Build turns a dump into an export. Every reference becomes a natural
// key, and every list is sorted by natural keys, with the order records
// were made breaking ties; so the export of a database and the export of
// that export imported elsewhere are the same bytes.
func Build(d *Dump) *Export {
	b := newBuilder(d)
	handovers, positions := b.handoverList()
	g := &Graph{
		Format: Format, FormatVersion: FormatVersion,
		Cycles: b.cycleList(), Teams: b.teamList(),
		Objectives: b.objectiveList(), KeyResults: b.keyResultList(),
		Capabilities: b.capabilityList(), Requirements: b.requirementList(),
		Assessments: b.assessmentList(), Plans: b.planList(),
		Handovers: handovers, DraftPacks: b.draftList(),
		ManagerHistory: b.stintList(positions), Departures: b.departureList(),
		ReviewRhythm: b.rhythm(),
	}
	return &Export{People: b.peopleRows(), OKRs: b.okrFiles(), Graph: g}
}

// builder indexes a dump by ID, for the lookups that turn IDs into keys.
type builder struct {
	d            *Dump
	emails       map[int64]string
	teams        map[int64]*throughline.Team
	cycles       map[int64]*throughline.Cycle
	objectives   map[int64]*throughline.Objective
	keyResults   map[int64]*throughline.KeyResult
	capabilities map[int64]string
	objRefs      map[int64]string // the ref each objective is exported under
	krRefs       map[int64]string
	files        map[int64]string // each cycle's OKR file
	goalRefs     map[int64]GoalRef
	cycleOrder   []*throughline.Cycle
}

func newBuilder(d *Dump) *builder {
	b := &builder{
		d:            d,
		emails:       index(d.People, personEmail),
		teams:        byID(d.Teams, func(t *throughline.Team) int64 { return t.ID }),
		cycles:       byID(d.Cycles, func(c *throughline.Cycle) int64 { return c.ID }),
		objectives:   byID(d.Objectives, objID),
		keyResults:   byID(d.KeyResults, krID),
		capabilities: index(d.Capabilities, capabilityName),
	}
	b.cycleOrder = slices.Clone(d.Cycles)
	slices.SortStableFunc(b.cycleOrder, func(x, y *throughline.Cycle) int {
		return cmp.Or(x.StartsOn.Compare(y.StartsOn), cmp.Compare(x.Name, y.Name))
	})
	b.nameFiles()
	b.assignRefs()
	b.nameGoals()
	return b
}

func personEmail(p *throughline.Person) (int64, string)        { return p.ID, p.Email }
func capabilityName(c *throughline.Capability) (int64, string) { return c.ID, c.Name }

func byID[T any](items []*T, id func(*T) int64) map[int64]*T {
	m := make(map[int64]*T, len(items))
	for _, it := range items {
		m[id(it)] = it
	}
	return m
}

func index[T any](items []*T, kv func(*T) (int64, string)) map[int64]string {
	m := make(map[int64]string, len(items))
	for _, it := range items {
		k, v := kv(it)
		m[k] = v
	}
	return m
}

// nameFiles gives each cycle an OKR file named after it, with characters
// that are unsafe in file names replaced, and a counter against clashes.
func (b *builder) nameFiles() {
	b.files = make(map[int64]string, len(b.cycleOrder))
	taken := map[string]bool{}
	for _, c := range b.cycleOrder {
		base := "okrs-" + safeName(c.Name)
		name := base + ".csv"
		for i := 2; taken[name]; i++ {
			name = fmt.Sprintf("%s-%d.csv", base, i)
		}
		taken[name] = true
		b.files[c.ID] = name
	}
}

func safeName(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9',
			r == '-', r == '_', r == '.':
			return r
		}
		return '_'
	}, s)
}

// assignRefs keeps each objective's and key result's ref where the OKR
// file can carry it, and gives the others a ref of their own: records
// made through the API have none, and a ref must be unique within its
// cycle's file and free of the ";" that separates parents.
func (b *builder) assignRefs() {
	b.objRefs = map[int64]string{}
	b.krRefs = map[int64]string{}
	taken := map[Ref]bool{}
	keep := func(refs map[int64]string, id, cycle int64, ref string) {
		k := Ref{b.cycles[cycle].Name, ref}
		if usableRef(ref) && !taken[k] {
			taken[k], refs[id] = true, ref
		}
	}
	for _, o := range b.d.Objectives {
		keep(b.objRefs, o.ID, o.CycleID, o.Ref)
	}
	for _, k := range b.d.KeyResults {
		keep(b.krRefs, k.ID, b.objectives[k.ObjectiveID].CycleID, k.Ref)
	}
	invent := func(refs map[int64]string, id, cycle int64, prefix string) {
		if _, ok := refs[id]; ok {
			return
		}
		name := b.cycles[cycle].Name
		ref := fmt.Sprintf("%s%d", prefix, id)
		for i := 2; taken[Ref{name, ref}]; i++ {
			ref = fmt.Sprintf("%s%d-%d", prefix, id, i)
		}
		taken[Ref{name, ref}], refs[id] = true, ref
	}
	for _, o := range b.d.Objectives {
		invent(b.objRefs, o.ID, o.CycleID, "objective-")
	}
	for _, k := range b.d.KeyResults {
		invent(b.krRefs, k.ID, b.objectives[k.ObjectiveID].CycleID, "key-result-")
	}
}

// usableRef reports whether the OKR importer reads ref back as it is.
func usableRef(ref string) bool {
	return ref != "" && ref == strings.TrimSpace(ref) && !strings.Contains(ref, ";")
}

func (b *builder) objectiveKey(id int64) Ref {
	return Ref{b.cycles[b.objectives[id].CycleID].Name, b.objRefs[id]}
}

func (b *builder) keyResultKey(id int64) Ref {
	return Ref{b.cycles[b.objectives[b.keyResults[id].ObjectiveID].CycleID].Name, b.krRefs[id]}
}

func compareRefs(x, y Ref) int {
	return cmp.Or(cmp.Compare(x.Cycle, y.Cycle), cmp.Compare(x.Ref, y.Ref))
}

// email returns a person's email, "" for none.
func (b *builder) email(id *int64) string {
	if id == nil {
		return ""
	}
	return b.emails[*id]
}

func (b *builder) teamName(id *int64) string {
	if id == nil {
		return ""
	}
	return b.teams[*id].Name
}

func (b *builder) peopleRows() []PersonRow {
	rows := make([]PersonRow, 0, len(b.d.People))
	for _, p := range b.d.People {
		r := PersonRow{Email: p.Email, Name: p.Name, Title: p.Title,
			Team: b.teamName(p.TeamID), ManagerEmail: b.email(p.ManagerID)}
		if p.TeamID != nil {
			r.ParentTeam = b.teamName(b.teams[*p.TeamID].ParentID)
		}
		rows = append(rows, r)
	}
	slices.SortFunc(rows, func(x, y PersonRow) int { return cmp.Compare(x.Email, y.Email) })
	return rows
}

// okrFiles writes each cycle's objectives sorted by ref, each followed by
// its key results sorted by ref.
func (b *builder) okrFiles() []OKRFile {
	objectives := groupBy(b.d.Objectives, func(o *throughline.Objective) int64 { return o.CycleID })
	krs := groupBy(b.d.KeyResults, func(k *throughline.KeyResult) int64 { return k.ObjectiveID })
	parents := b.sameCycleParents()
	files := make([]OKRFile, 0, len(b.cycleOrder))
	for _, c := range b.cycleOrder {
		f := OKRFile{Name: b.files[c.ID]}
		for _, o := range sortedByRef(objectives[c.ID], b.objRefs, objID) {
			f.Rows = append(f.Rows, b.objectiveRow(c, o, parents[o.ID]))
			for _, k := range sortedByRef(krs[o.ID], b.krRefs, krID) {
				f.Rows = append(f.Rows, b.keyResultRow(c, o, k))
			}
		}
		files = append(files, f)
	}
	return files
}

func objID(o *throughline.Objective) int64 { return o.ID }
func krID(k *throughline.KeyResult) int64  { return k.ID }

func groupBy[T any](items []*T, key func(*T) int64) map[int64][]*T {
	m := map[int64][]*T{}
	for _, it := range items {
		m[key(it)] = append(m[key(it)], it)
	}
	return m
}

// sortedByRef returns items sorted by the refs they are exported under.
func sortedByRef[T any](items []*T, refs map[int64]string, id func(*T) int64) []*T {
	out := slices.Clone(items)
	slices.SortFunc(out, func(x, y *T) int { return cmp.Compare(refs[id(x)], refs[id(y)]) })
	return out
}

func (b *builder) objectiveRow(c *throughline.Cycle, o *throughline.Objective,
	parents []string,
) OKRRow {
	r := b.cycleRow(c, b.objRefs[o.ID], TypeObjective, o.Title, o.OwnerID)
	r.Parents, r.Level, r.Team = parents, o.Level, b.teamName(o.TeamID)
	return r
}

func (b *builder) keyResultRow(c *throughline.Cycle, o *throughline.Objective,
	k *throughline.KeyResult,
) OKRRow {
	r := b.cycleRow(c, b.krRefs[k.ID], TypeKeyResult, k.Title, k.OwnerID)
	r.Parents, r.Critical = []string{b.objRefs[o.ID]}, k.Critical
	if k.IsMetric() {
		r.Start, r.Target, r.Current, r.Unit = k.StartValue, k.TargetValue, k.CurrentValue, k.Unit
	}
	return r
}

// cycleRow is a row of cycle c with the columns objectives and key
// results share. Every row gives its cycle's dates, so that a cycle
// whose name is not a quarter, or whose dates differ from its quarter's,
// comes back as it was.
func (b *builder) cycleRow(c *throughline.Cycle, ref, typ, title string, owner *int64) OKRRow {
	return OKRRow{Cycle: c.Name, CycleStart: DateOf(c.StartsOn), CycleEnd: DateOf(c.EndsOn),
		Ref: ref, Type: typ, Title: title, Owner: b.email(owner)}
}

// parent returns the key and type of an alignment's parent.
func (b *builder) parent(a *throughline.Alignment) Parent {
	if a.ParentKeyResultID != nil {
		return Parent{Ref: b.keyResultKey(*a.ParentKeyResultID), Type: TypeKeyResult}
	}
	return Parent{Ref: b.objectiveKey(*a.ParentObjectiveID), Type: TypeObjective}
}

// sameCycleParents lists, per objective, the sorted refs of the parents in
// its own cycle: those the OKR file's parent column can name.
func (b *builder) sameCycleParents() map[int64][]string {
	out := map[int64][]string{}
	for _, a := range b.d.Alignments {
		p := b.parent(a)
		if p.Cycle == b.objectiveKey(a.ObjectiveID).Cycle {
			out[a.ObjectiveID] = append(out[a.ObjectiveID], p.Ref.Ref)
		}
	}
	for _, refs := range out {
		slices.Sort(refs)
	}
	return out
}

func (b *builder) cycleList() []Cycle {
	out := make([]Cycle, 0, len(b.cycleOrder))
	for _, c := range b.cycleOrder {
		out = append(out, Cycle{Name: c.Name, StartsOn: DateOf(c.StartsOn),
			EndsOn: DateOf(c.EndsOn), OKRFile: b.files[c.ID]})
	}
	return out
}

func (b *builder) teamList() []Team {
	out := make([]Team, 0, len(b.d.Teams))
	for _, t := range b.d.Teams {
		out = append(out, Team{Name: t.Name, Parent: b.teamName(t.ParentID), Lead: b.email(t.LeadID)})
	}
	slices.SortFunc(out, func(x, y Team) int { return cmp.Compare(x.Name, y.Name) })
	return out
}

// objectiveList gives every objective its description and the parents
// its OKR file cannot name: those in other cycles.
func (b *builder) objectiveList() []Objective {
	others := map[int64][]Parent{}
	for _, a := range b.d.Alignments {
		if p := b.parent(a); p.Cycle != b.objectiveKey(a.ObjectiveID).Cycle {
			others[a.ObjectiveID] = append(others[a.ObjectiveID], p)
		}
	}
	out := make([]Objective, 0, len(b.d.Objectives))
	for _, o := range b.d.Objectives {
		ps := others[o.ID]
		slices.SortFunc(ps, func(x, y Parent) int {
			return cmp.Or(compareRefs(x.Ref, y.Ref), cmp.Compare(x.Type, y.Type))
		})
		out = append(out, Objective{Ref: b.objectiveKey(o.ID), Description: o.Description,
			OtherCycleParents: ps})
	}
	slices.SortFunc(out, func(x, y Objective) int { return compareRefs(x.Ref, y.Ref) })
	return out
}

func (b *builder) keyResultList() []KeyResult {
	progress := map[int64][]ProgressUpdate{}
	for _, u := range b.d.Progress {
		progress[u.KeyResultID] = append(progress[u.KeyResultID], ProgressUpdate{
			RecordedAt: u.RecordedAt.UTC(), RecordedBy: b.email(u.RecordedByID), Value: u.Value,
			Done: u.Done, Confidence: u.Confidence, Note: u.Note,
		})
	}
	out := make([]KeyResult, 0, len(b.d.KeyResults))
	for _, k := range b.d.KeyResults {
		history := progress[k.ID]
		slices.SortStableFunc(history, func(x, y ProgressUpdate) int {
			return x.RecordedAt.Compare(y.RecordedAt)
		})
		out = append(out, KeyResult{Ref: b.keyResultKey(k.ID), Done: k.Done,
			Confidence: k.Confidence, Progress: history})
	}
	slices.SortFunc(out, func(x, y KeyResult) int { return compareRefs(x.Ref, y.Ref) })
	return out
}

func (b *builder) capabilityList() []Capability {
	levels := map[int64][]Level{}
	for _, l := range b.d.Levels {
		levels[l.CapabilityID] = append(levels[l.CapabilityID],
			Level{Level: l.Level, Name: l.Name, Descriptor: l.Descriptor})
	}
	out := make([]Capability, 0, len(b.d.Capabilities))
	for _, c := range b.d.Capabilities {
		scale := levels[c.ID]
		slices.SortFunc(scale, func(x, y Level) int { return cmp.Compare(x.Level, y.Level) })
		out = append(out, Capability{Name: c.Name, Description: c.Description, Levels: scale,
			CreatedAt: c.CreatedAt.UTC(), UpdatedAt: c.UpdatedAt.UTC()})
	}
	slices.SortFunc(out, func(x, y Capability) int { return cmp.Compare(x.Name, y.Name) })
	return out
}

func (b *builder) requirementList() []Requirement {
	out := make([]Requirement, 0, len(b.d.Requirements))
	for _, r := range b.d.Requirements {
		out = append(out, Requirement{KeyResult: b.keyResultKey(r.KeyResultID),
			Capability: b.capabilities[r.CapabilityID], Level: r.Level, Reason: r.Reason,
			CreatedAt: r.CreatedAt.UTC()})
	}
	slices.SortFunc(out, func(x, y Requirement) int {
		return cmp.Or(compareRefs(x.KeyResult, y.KeyResult), cmp.Compare(x.Capability, y.Capability))
	})
	return out
}

// assessmentList keeps assessments of the same person, capability and
// day in the order they were made: the later one is the current one.
func (b *builder) assessmentList() []Assessment {
	evidence := map[int64][]Evidence{}
	for _, e := range b.d.Evidence {
		evidence[e.AssessmentID] = append(evidence[e.AssessmentID], Evidence{
			Kind: e.Kind, Description: e.Description, ObservedOn: DateOfPtr(e.ObservedOn)})
	}
	out := make([]Assessment, 0, len(b.d.Assessments))
	for _, a := range b.d.Assessments {
		out = append(out, Assessment{Person: b.emails[a.PersonID],
			Capability: b.capabilities[a.CapabilityID], Level: a.Level,
			AssessedBy: b.email(a.AssessedByID), AssessedOn: DateOf(a.AssessedOn),
			Note: a.Note, CreatedAt: a.CreatedAt.UTC(), Evidence: evidence[a.ID]})
	}
	slices.SortStableFunc(out, func(x, y Assessment) int {
		return cmp.Or(cmp.Compare(x.Person, y.Person), cmp.Compare(x.Capability, y.Capability),
			x.AssessedOn.Compare(y.AssessedOn.Time))
	})
	return out
}

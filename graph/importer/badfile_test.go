package importer_test

import (
	"bytes"
	"context"
	"strings"
	"testing"

	throughline "throughline.dev/graph"
	"throughline.dev/graph/importer"
)

const (
	peopleHeader = "email,name,title,team,parent_team,manager_email\n"
	okrHeader    = "cycle,ref,type,parent,level,team,owner,title,start,target,current,unit,critical\n"
)

// Every bad file is refused whole: the error lists each problem with its
// line and column, and the database is exactly as before, row for row.
func TestBadFilesWriteNothing(t *testing.T) {
	for _, tc := range []struct {
		name string
		okrs bool // an OKR file; else a people file
		file string
		want []importer.Problem // Message holds a part of the message
	}{
		{
			name: "people: missing column",
			file: "email,name,title,team\nx@example.org,X,Analyst,Finance\n",
			want: []importer.Problem{{1, "manager_email", "no manager_email column"}},
		},
		{
			name: "people: unknown and repeated columns",
			file: "email,name,title,team,manager_email,name,mangaer\n",
			want: []importer.Problem{
				{1, "name", "appears twice"},
				{1, "mangaer", "unknown column"},
			},
		},
		{
			name: "people: text that is not UTF-8, holds a NUL or is too long",
			file: peopleHeader +
				"jose@example.org,Jos\xe9,Analyst,Finance,,cfo@example.org\n" +
				"nul@example.org,A\x00B,Analyst,Finance,,cfo@example.org\n" +
				"long@example.org," + strings.Repeat("n", 301) + ",Analyst,Finance,,cfo@example.org\n",
			want: []importer.Problem{
				{2, "name", "the text is not UTF-8 text; save the file as UTF-8"},
				{3, "name", "the text holds a NUL character"},
				{4, "name", "the text is longer than 300 characters"},
			},
		},
		{
			name: "people: empty file",
			file: "",
			want: []importer.Problem{{1, "", "the file is empty"}},
		},
		{
			name: "people: row problems",
			file: peopleHeader +
				"new1@example.org,New One,Analyst,Finance,,cfo@example.org\n" +
				"NEW1@example.org,Again,Analyst,Finance,,cfo@example.org\n" +
				"new2@example.org,,Analyst,Finance,,ghost@example.org\n" +
				"not-an-email,Nobody,Analyst,Finance,,\n" +
				"new3@example.org,Short Row,Analyst,Finance\n" +
				"new4@example.org,No Team,Analyst,,Finance,\n",
			want: []importer.Problem{
				{3, "email", `"new1@example.org" is already on line 2`},
				{4, "name", "a name is required"},
				{4, "manager_email", `"ghost@example.org" is neither in the file nor in the database`},
				{5, "email", `"not-an-email" is not an email address`},
				{6, "", "the row has 4 fields; the header has 6"},
				{7, "parent_team", "needs a team"},
			},
		},
		{
			name: "people: manager loops, in the file and through the database",
			file: peopleHeader +
				"ceo@example.org,Avery Lindqvist,CEO,Executive,,cmo@example.org\n" +
				"a@example.org,A,Analyst,Finance,,b@example.org\n" +
				"b@example.org,B,Analyst,Finance,,a@example.org\n" +
				"c@example.org,C,Analyst,Finance,,c@example.org\n",
			want: []importer.Problem{
				{2, "manager_email", `"cmo@example.org" makes a loop in the reporting line`},
				{3, "manager_email", "makes a loop"},
				{4, "manager_email", "makes a loop"},
				{5, "manager_email", "c@example.org would report to themselves"},
			},
		},
		{
			name: "people: team tree loop and two parents for one team",
			file: peopleHeader +
				"x@example.org,X,Analyst,Executive,Content,ceo@example.org\n" +
				"y@example.org,Y,Analyst,Executive,Finance,ceo@example.org\n" +
				"z@example.org,Z,Analyst,Audit,Audit,ceo@example.org\n",
			want: []importer.Problem{
				{2, "parent_team", `putting "Executive" under "Content" makes a loop`},
				{3, "parent_team", `team "Executive" already has the parent "Content" on line 2`},
				{4, "parent_team", `putting "Audit" under "Audit" makes a loop`},
			},
		},
		{
			name: "people: not valid CSV",
			file: peopleHeader + "q@example.org,\"Q,Analyst,Finance,,\n",
			want: []importer.Problem{{2, "", "not valid CSV"}},
		},
		{
			name: "okrs: missing column",
			okrs: true,
			file: "cycle,ref,type,parent,level,team,title\n",
			want: []importer.Problem{{1, "owner", "no owner column"}},
		},
		{
			name: "okrs: row problems",
			okrs: true,
			file: okrHeader +
				"2019-Q1,X1,objective,,company,Executive,CEO,Company goal,,,,,\n" +
				"2019-Q1,X1.1,key_result,X1,,,CEO,Revenue,0,12%,,%,yes\n" +
				"2019-Q1,X1.1,key_result,X1,,,CEO,Repeated ref,0,10,,%,no\n" +
				"2019-Q1,X2,objective,NOPE,team,Sales,VP Sales,Aligned to nothing,,,,,\n" +
				"2019-Q1,X2.1,key_result,X1.1,,,Account Executive,Under a key result,,,,,maybe\n" +
				"2019-Q1,X3,goal,,team,Sales,CRO,Wrong type,,,,,\n" +
				"2019-Q1,X4,objective,,division,Sales,CRO,Wrong level,,,,,\n" +
				"FY19,X5,objective,,company,Executive,CEO,Cycle without dates,,,,,\n" +
				"2019-Q1,X6.1,key_result,X1,,,CEO,Start without target,5,,,,\n" +
				"2019-Q1,X7,objective,X1.1,company,Executive,ceo@example.org,Company with parent,,,,,\n" +
				"2019-Q1,X8.1,key_result,,,,nobody@example.org,Orphan,,,,,\n" +
				"2019-Q1,X9,objective,,team,Sales,CRO,Objective with a metric,0,10,,,\n",
			want: []importer.Problem{
				{3, "target", `"12%" is not a number`},
				{4, "ref", `"X1.1" is already on line 3`},
				{5, "parent", `no objective or key result in cycle 2019-Q1 has the ref "NOPE"`},
				{5, "owner", `"VP Sales" matches nobody`},
				{6, "parent", `"X1.1" is a key result; a key result's parent must be an objective`},
				{6, "owner", `"Account Executive" matches 2 people`},
				{6, "critical", `"maybe" is not yes or no`},
				{7, "type", `"goal" is not a type`},
				{8, "level", `"division" is not a level`},
				{9, "cycle_start", `cycle "FY19" is not a quarter`},
				{10, "start", "a metric needs a target"},
				{11, "parent", "a company objective aligns to nothing"},
				{12, "parent", "a key result needs the ref of its objective"},
				{12, "owner", `nobody in the database has the email "nobody@example.org"`},
				{13, "start", "applies to key results only"},
				{13, "target", "applies to key results only"},
			},
		},
		{
			name: "okrs: alignment loops, in the file and through stored rows",
			okrs: true,
			file: okrHeader +
				"2018-Q2,D1,objective,S1.1,team,Marketing and Sales Development,CMO,Demand,,,,,\n" +
				"2018-Q2,L1,objective,L2.1,team,Sales,CRO,Loop one,,,,,\n" +
				"2018-Q2,L1.1,key_result,L1,,,CRO,Loop one result,,,,,\n" +
				"2018-Q2,L2,objective,L1.1,team,Sales,CRO,Loop two,,,,,\n" +
				"2018-Q2,L2.1,key_result,L2,,,CRO,Loop two result,,,,,\n" +
				"2018-Q2,L3,objective,L3,team,Sales,CRO,Its own parent,,,,,\n",
			want: []importer.Problem{
				{2, "parent", `aligning to "S1.1" makes a loop`},
				{3, "parent", `aligning to "L2.1" makes a loop`},
				{5, "parent", `aligning to "L1.1" makes a loop`},
				{7, "parent", `aligning to "L3" makes a loop`},
			},
		},
		{
			name: "okrs: a ref keeps its kind, and parents stay in the cycle",
			okrs: true,
			file: okrHeader +
				"2018-Q2,C1.1,objective,,company,Executive,CEO,Now an objective,,,,,\n" +
				"2018-Q2,C1,key_result,M1,,,CEO,Now a key result,,,,,\n" +
				"2018-Q3,N1,objective,Q1,team,Sales,CRO,Next quarter,,,,,\n" +
				"2018-Q2,Q1,objective,,company,Executive,CEO,This quarter,,,,,\n",
			want: []importer.Problem{
				{2, "type", `"C1.1" is a key result in the database`},
				{3, "type", `"C1" is an objective in the database`},
				{4, "parent", `"Q1" is in cycle 2018-Q2`},
			},
		},
		{
			name: "okrs: cycle dates",
			okrs: true,
			file: "cycle,cycle_start,cycle_end,ref,type,parent,level,team,owner,title\n" +
				"FY19,2018-02-01,2019-01-31,F1,objective,,company,Executive,CEO,Year\n" +
				"FY19,2018-02-01,2019-01-30,F2,objective,,company,Executive,CEO,Other end\n" +
				"FY20,2019-02-31,2020-01-31,F3,objective,,company,Executive,CEO,Bad date\n" +
				"FY21,2021-02-01,,F4,objective,,company,Executive,CEO,No end\n" +
				"FY22,2022-02-01,2021-01-31,F5,objective,,company,Executive,CEO,Backwards\n" +
				"2018-Q2,2018-04-02,2018-06-30,F6,objective,,company,Executive,CEO,Moved\n",
			want: []importer.Problem{
				{3, "cycle_start", `cycle "FY19" runs from 2018-02-01 to 2019-01-31 on line 2`},
				{4, "cycle_start", `"2019-02-31" is not a date`},
				{5, "cycle_end", "a cycle_start needs a cycle_end"},
				{6, "cycle_end", "the cycle ends before it starts"},
				{7, "cycle_start", `cycle "2018-Q2" is stored as running from 2018-04-01 to 2018-06-30`},
			},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := mustOpen(t)
			mustImportPublic(t, s)
			before := dump(t, s)

			run, name := importer.ImportPeople, "people.csv"
			if tc.okrs {
				run, name = importer.ImportOKRs, "okrs.csv"
			}
			_, err := run(context.Background(), s, strings.NewReader(tc.file), name)

			checkProblems(t, mustProblems(t, err), tc.want)
			if code := throughline.ErrorCode(err); code != throughline.EINVALID {
				t.Errorf("error code %s, want %s", code, throughline.EINVALID)
			}
			if after := dump(t, s); after != before {
				t.Errorf("the refused file changed the database:\nbefore:\n%s\nafter:\n%s", before, after)
			}
		})
	}
}

func checkProblems(t *testing.T, got, want []importer.Problem) {
	t.Helper()
	for i := range max(len(got), len(want)) {
		switch {
		case i >= len(got):
			t.Errorf("missing problem %+v", want[i])
		case i >= len(want):
			t.Errorf("unexpected problem %+v", got[i])
		case got[i].Line != want[i].Line || got[i].Column != want[i].Column ||
			!strings.Contains(got[i].Message, want[i].Message):
			t.Errorf("problem %d = %+v, want %+v", i, got[i], want[i])
		}
	}
}

// The error reads as one problem per line, file:line: column: message,
// the form editors jump to.
func TestProblemLines(t *testing.T) {
	s := mustOpen(t)
	mustImportPeople(t, s, mustRead(t, "people.csv"))
	file := mustRead(t, "okrs-2018-Q2.csv")
	file = edit(t, file, "C1.3,key_result,C1,,,CEO,", "C1.3,key_result,C1,,,VP Sales,")
	file = edit(t, file, "M1.1,key_result,M1,,,CMO,Percentage of pipeline plan achieved,0,100,",
		"M1.1,key_result,M1,,,CMO,Percentage of pipeline plan achieved,0,1OO,")

	_, err := importer.ImportOKRs(context.Background(), s, bytes.NewReader(file), "okrs.csv")

	want := "okrs.csv:5: owner: \"VP Sales\" matches nobody\n" +
		"okrs.csv:7: target: \"1OO\" is not a number"
	if err == nil || err.Error() != want {
		t.Errorf("error:\n%v\nwant:\n%s", err, want)
	}
	if n := count(t, s, "objectives"); n != 0 {
		t.Errorf("%d objectives written by a refused file", n)
	}
}

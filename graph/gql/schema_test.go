package gql_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"

	"throughline.dev/graph/gql"
)

// HR reads the schema in the playground's docs panel, so every type,
// field, argument, input field and enum value carries a description.
func TestSchemaIsDescribed(t *testing.T) {
	schema := loadSchema(t)
	for _, def := range schema.Types {
		if def.BuiltIn || strings.HasPrefix(def.Name, "__") {
			continue
		}
		if def.Description == "" && def.Name != "Query" {
			t.Errorf("type %s has no description", def.Name)
		}
		for _, f := range def.Fields {
			if strings.HasPrefix(f.Name, "__") {
				continue
			}
			if f.Description == "" {
				t.Errorf("%s.%s has no description", def.Name, f.Name)
			}
			for _, a := range f.Arguments {
				if a.Description == "" {
					t.Errorf("%s.%s(%s) has no description", def.Name, f.Name, a.Name)
				}
			}
		}
		for _, v := range def.EnumValues {
			if v.Description == "" {
				t.Errorf("enum value %s.%s has no description", def.Name, v.Name)
			}
		}
	}
}

// Every list that can grow is a connection with a bounded page: a field
// returning a connection takes first and after.
func TestConnectionsArePaged(t *testing.T) {
	schema := loadSchema(t)
	for _, def := range schema.Types {
		for _, f := range def.Fields {
			if !strings.HasSuffix(f.Type.Name(), "Connection") {
				continue
			}
			if f.Arguments.ForName("first") == nil || f.Arguments.ForName("after") == nil {
				t.Errorf("%s.%s returns a connection without first/after", def.Name, f.Name)
			}
		}
	}
}

func loadSchema(t *testing.T) *ast.Schema {
	t.Helper()
	files, err := filepath.Glob("schema/*.graphqls")
	if err != nil || len(files) == 0 {
		t.Fatalf("no schema files: %v", err)
	}
	var sources []*ast.Source
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		sources = append(sources, &ast.Source{Name: f, Input: string(b)})
	}
	schema, gerr := gqlparser.LoadSchema(sources...)
	if gerr != nil {
		t.Fatalf("schema: %v", gerr)
	}
	return schema
}

// Every mutation has an access rule and every rule a mutation: a mutation
// without one would be refused to everyone, a rule without one is stale.
func TestEveryMutationHasAnAccessRule(t *testing.T) {
	schema := loadSchema(t)
	rules := map[string]bool{}
	for _, name := range gql.MutationRules() {
		rules[name] = true
	}
	for _, f := range schema.Mutation.Fields {
		if strings.HasPrefix(f.Name, "__") {
			continue
		}
		if !rules[f.Name] {
			t.Errorf("mutation %s has no access rule", f.Name)
		}
		delete(rules, f.Name)
	}
	for name := range rules {
		t.Errorf("access rule for %s, which is not a mutation", name)
	}
}

// The README's example queries are valid against the schema, so that the
// examples a newcomer copies keep working as the schema changes.
func TestReadmeExamplesAreValid(t *testing.T) {
	schema := loadSchema(t)
	b, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	blocks := strings.Split(string(b), "```graphql\n")[1:]
	if len(blocks) < 5 {
		t.Fatalf("found %d GraphQL examples in the README, want at least 5", len(blocks))
	}
	for _, block := range blocks {
		query, _, _ := strings.Cut(block, "```")
		doc, errs := gqlparser.LoadQuery(schema, query)
		if errs != nil {
			t.Errorf("README example is invalid: %v\n%s", errs, query)
			continue
		}
		if err := gql.CheckDocument(doc, gql.DefaultLimits); err != nil {
			t.Errorf("README example exceeds the server's limits: %v\n%s", err, query)
		}
	}
}

package gql_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"

	throughline "throughline.dev/graph"
)

// The desktop app refuses a server whose schema is older than the one it
// needs; it must never need one newer than this server speaks, or it
// would refuse the server it ships with.
func TestFrontendNeedsNoNewerSchemaThanTheServers(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "..", "frontend", "src", "api", "compat.ts"))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`requiredSchemaVersion = (\d+);`).FindSubmatch(b)
	if m == nil {
		t.Fatal("no requiredSchemaVersion in frontend/src/api/compat.ts")
	}
	needed, _ := strconv.Atoi(string(m[1]))
	if needed > throughline.SchemaVersion {
		t.Errorf("the frontend needs schema version %d; this server speaks %d",
			needed, throughline.SchemaVersion)
	}
	if needed < throughline.SchemaVersion {
		t.Logf("the frontend accepts servers from schema version %d; this one speaks %d",
			needed, throughline.SchemaVersion)
	}
}

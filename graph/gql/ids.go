package gql

import (
	"encoding/base64"
	"strconv"
	"strings"

	throughline "throughline.dev/graph"
)

// globalID makes the opaque ID clients see: the kind and the row ID,
// base64-encoded so that nobody builds IDs by hand.
func globalID(kind string, id int64) string {
	return base64.RawURLEncoding.EncodeToString([]byte(kind + ":" + strconv.FormatInt(id, 10)))
}

// parseGlobalID splits a global ID into its kind and row ID.
func parseGlobalID(gid string) (kind string, id int64, ok bool) {
	raw, err := base64.RawURLEncoding.DecodeString(gid)
	if err != nil {
		return "", 0, false
	}
	kind, num, found := strings.Cut(string(raw), ":")
	if !found {
		return "", 0, false
	}
	id, err = strconv.ParseInt(num, 10, 64)
	if err != nil || id <= 0 {
		return "", 0, false
	}
	return kind, id, true
}

// decodeID reads a global ID that must be of one kind; field names the
// input field for the error.
func decodeID(field, kind, gid string) (int64, error) {
	k, id, ok := parseGlobalID(gid)
	if !ok || k != kind {
		return 0, throughline.FieldErrorf(throughline.EINVALID, field,
			"%q is not the ID of a %s", gid, kind)
	}
	return id, nil
}

// decodeOptionalID reads an optional global ID: nil in, nil out.
func decodeOptionalID(field, kind string, gid *string) (*int64, error) {
	if gid == nil {
		return nil, nil
	}
	id, err := decodeID(field, kind, *gid)
	if err != nil {
		return nil, err
	}
	return &id, nil
}

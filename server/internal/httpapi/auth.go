package httpapi

import (
	"encoding/json"
	"net/http"
	"strings"

	throughline "throughline.dev/graph"
)

// authenticate turns the request's bearer token into the actor the
// GraphQL layer decides access for. Requests without a live token get 401
// before any GraphQL is parsed, so nothing about the schema or the data
// reaches someone who has not signed in.
func authenticate(tokens throughline.TokenService, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		secret, ok := bearer(r)
		if !ok {
			unauthorized(w, "send a token: Authorization: Bearer <token>")
			return
		}
		t, err := tokens.Authenticate(r.Context(), secret)
		if err != nil {
			unauthorized(w, "the token is unknown or revoked")
			return
		}
		a := throughline.NewActor(personOf(t), t.ID, t.Roles, tokens.ReportsOf)
		next.ServeHTTP(w, r.WithContext(throughline.WithActor(r.Context(), a)))
	})
}

func bearer(r *http.Request) (string, bool) {
	scheme, secret, ok := strings.Cut(r.Header.Get("Authorization"), " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") || strings.TrimSpace(secret) == "" {
		return "", false
	}
	return strings.TrimSpace(secret), true
}

func personOf(t *throughline.Token) int64 {
	if t.PersonID == nil {
		return 0
	}
	return *t.PersonID
}

// unauthorized answers 401 in the GraphQL response shape, so that clients
// show the message like any other error.
func unauthorized(w http.ResponseWriter, msg string) {
	w.Header().Set("WWW-Authenticate", `Bearer realm="throughline"`)
	writeError(w, http.StatusUnauthorized, "UNAUTHENTICATED", msg)
}

// writeError answers with a status and one GraphQL-shaped error.
func writeError(w http.ResponseWriter, status int, code, msg string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(map[string]any{
		"errors": []map[string]any{{"message": msg, "extensions": map[string]string{"code": code}}},
	})
}

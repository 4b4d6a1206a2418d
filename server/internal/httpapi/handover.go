package httpapi

import (
	"log/slog"
	"net/http"
	"strings"

	throughline "throughline.dev/graph"
	"throughline.dev/graph/gql"
	"throughline.dev/graph/loaders"
)

// handoverPackFile serves a handover pack as a Markdown file at
// /handover-packs/{packGlobalID}.md, for sharing and printing. It takes
// the same bearer token as /query and applies the same access: a pack
// that does not exist and one the caller may not read are both 404.
func handoverPackFile(d Deps) http.Handler {
	return authenticate(d.Tokens, loaders.Middleware(d.Loaders, packMarkdown(d.Resolver)))
}

func packMarkdown(r *gql.Resolver) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		gid, ok := strings.CutSuffix(req.PathValue("file"), ".md")
		if !ok || gid == "" {
			writeError(w, http.StatusNotFound, throughline.ENOTFOUND, "no such handover pack")
			return
		}
		md, err := r.PackMarkdown(req.Context(), gid)
		if err != nil {
			packError(w, req, err)
			return
		}
		w.Header().Set("Content-Type", "text/markdown; charset=utf-8")
		w.Header().Set("Content-Disposition", `inline; filename="handover-pack.md"`)
		w.Header().Set("X-Content-Type-Options", "nosniff")
		w.Header().Set("Cache-Control", "no-store")
		_, _ = w.Write([]byte(md))
	})
}

// packError answers a failed pack request: 404 for a pack one may not
// see, and for anything else 500 with the request's id, the cause going
// to the log only.
func packError(w http.ResponseWriter, req *http.Request, err error) {
	if throughline.ErrorCode(err) == throughline.ENOTFOUND {
		writeError(w, http.StatusNotFound, throughline.ENOTFOUND, "no such handover pack")
		return
	}
	id := gql.RequestID(req.Context())
	slog.ErrorContext(req.Context(), "internal error", "request_id", id,
		"path", req.URL.Path, "err", err)
	writeError(w, http.StatusInternalServerError, throughline.EINTERNAL,
		"internal error (request "+id+")")
}

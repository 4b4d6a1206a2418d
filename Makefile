# Throughline's build and run commands. `make run` and `make test` work on a
# fresh clone: every target installs or builds what it needs first.

# Where `make run` listens and keeps its database; the server's own
# environment variables are the defaults, so `make run` and the binary agree.
LISTEN   ?= $(or $(THROUGHLINE_LISTEN),127.0.0.1:8080)
DATA_DIR ?= $(or $(THROUGHLINE_DATA_DIR),./data)

GO  ?= go
NPM ?= npm
BIN := bin/throughline

# Modules whose packages are vetted, tested and benchmarked. The desktop
# module is left out: building it needs GTK and WebKit.
PACKAGES := ./graph/... ./server/...

# The offline GraphQL playground: GraphiQL and React copied out of
# node_modules into dist/, which the server embeds.
PLAYGROUND       := server/internal/httpapi/playground
PLAYGROUND_DEPS  := $(PLAYGROUND)/node_modules/.package-lock.json
PLAYGROUND_INDEX := $(PLAYGROUND)/dist/index.html
PLAYGROUND_SRC   := $(addprefix $(PLAYGROUND)/,build.mjs index.html init.js playground.css examples.json)

# The GraphQL-over-HTTP conformance audit: graphql-http's auditServer,
# run by a Go test in httpapi against the real server.
AUDIT      := server/internal/httpapi/audit
AUDIT_DEPS := $(AUDIT)/node_modules/.package-lock.json

FRESHNESS_TEST := ^TestGeneratedCodeIsFresh$$

.DEFAULT_GOAL := help

.PHONY: help
help: ## List the targets.
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | \
		awk -F':.*## ' '{ printf "  make %-11s %s\n", $$1, $$2 }'

.PHONY: run
run: build ## Build and serve on LISTEN (127.0.0.1:8080) with data in DATA_DIR (./data).
	$(BIN) serve --listen '$(LISTEN)' --data-dir '$(DATA_DIR)'

.PHONY: build
build: playground ## Build the server, playground included, into bin/throughline.
	$(GO) build -o $(BIN) ./server

.PHONY: test
test: playground audit-deps ## Vet, check the generated code is fresh, and run every test once.
	$(GO) vet $(PACKAGES)
	$(GO) test -count=1 -run '$(FRESHNESS_TEST)' ./graph/gql
	THROUGHLINE_REQUIRE_PLAYGROUND=1 THROUGHLINE_REQUIRE_AUDIT=1 \
		$(GO) test -count=1 -skip '$(FRESHNESS_TEST)' $(PACKAGES)

.PHONY: generate
generate: ## Regenerate GraphQL code from graph/gql/schema/*.graphqls.
	$(GO) tool gqlgen generate
	cd graph && $(GO) mod tidy

# Sizes of the synthetic organisations bench measures, in people.
BENCH_SIZES ?= 1000,10000

.PHONY: bench
bench: ## Measure the API on synthetic organisations; results in bench-results/.
	mkdir -p bench-results
	$(GO) run ./server/cmd/bench -sizes '$(BENCH_SIZES)' -out bench-results
	$(GO) test -run '^$$' -bench . -benchtime 3x ./graph/importer

.PHONY: playground
playground: $(PLAYGROUND_INDEX) ## Copy GraphiQL and React into the server's embedded assets.

# npm ci installs exactly what package-lock.json pins; it writes the hidden
# lockfile that stands for node_modules here.
$(PLAYGROUND_DEPS): $(PLAYGROUND)/package.json $(PLAYGROUND)/package-lock.json
	cd $(PLAYGROUND) && $(NPM) ci --no-audit --no-fund
	touch $@

$(PLAYGROUND_INDEX): $(PLAYGROUND_DEPS) $(PLAYGROUND_SRC)
	cd $(PLAYGROUND) && $(NPM) run --silent build

.PHONY: audit-deps
audit-deps: $(AUDIT_DEPS) ## Install the GraphQL-over-HTTP audit's npm packages.

$(AUDIT_DEPS): $(AUDIT)/package.json $(AUDIT)/package-lock.json
	cd $(AUDIT) && $(NPM) ci --no-audit --no-fund
	touch $@

.PHONY: clean
clean: ## Remove the binary and the built playground (node_modules stays).
	rm -rf bin
	find $(PLAYGROUND)/dist -mindepth 1 -maxdepth 1 ! -name .keep -exec rm -rf {} +

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

# The desktop app: the React frontend, built by Vite into desktop/dist,
# embedded by the Wails shell. The tags select Wails' production build and
# the WebKitGTK 4.0 asset server that passes POST bodies through.
FRONTEND       := frontend
FRONTEND_DEPS  := $(FRONTEND)/node_modules/.package-lock.json
FRONTEND_INDEX := desktop/dist/index.html
FRONTEND_SRC   := $(shell find $(FRONTEND)/src -type f 2>/dev/null) \
	$(addprefix $(FRONTEND)/,index.html vite.config.ts tsconfig.json package.json)
DESKTOP_BIN    := bin/throughline-desktop
DESKTOP_TAGS   := desktop,production,webkit2_40
VERSION        ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)

# Debian packages the build and tests need beyond Go and Node.js: gcc for
# cgo (SQLite), Chromium for the browser tests, GTK and WebKitGTK for the
# desktop app, and Xvfb, xauth, xdotool and ImageMagick to run its window,
# type into it and take its screenshot. For the release packages: the
# arm64 C cross-compiler (cgo) and rsvg, through which ImageMagick reads
# the app's SVG icon.
DEBIAN_PACKAGES := build-essential pkg-config ca-certificates chromium \
	libgtk-3-dev libwebkit2gtk-4.0-dev xvfb xauth xdotool imagemagick \
	gcc-aarch64-linux-gnu libc6-dev-arm64-cross librsvg2-bin
SUDO := $(shell [ "$$(id -u)" -eq 0 ] || echo sudo)

# A PostgreSQL database URL: when set, the Go tests run a second time on
# PostgreSQL, each test in a fresh schema of that database.
TEST_POSTGRES ?= $(THROUGHLINE_TEST_POSTGRES)

# Where tests leave screenshots for people to look at (CI keeps them).
ARTIFACTS ?= $(CURDIR)/.ci/artifacts

.DEFAULT_GOAL := help

.PHONY: help
help: ## List the targets.
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | \
		awk -F':.*## ' '{ printf "  make %-14s %s\n", $$1, $$2 }'

.PHONY: run
run: build ## Build and serve on LISTEN (127.0.0.1:8080) with data in DATA_DIR (./data).
	$(BIN) serve --listen '$(LISTEN)' --data-dir '$(DATA_DIR)'

.PHONY: build
build: playground ## Build the server, playground included, into bin/throughline.
	$(GO) build -ldflags '$(SERVER_LDFLAGS)' -o $(BIN) ./server

.PHONY: test
test: deps test-server test-frontend test-desktop ## Run every test once: server, frontend in Chromium, desktop window under Xvfb.

.PHONY: test-server
test-server: playground audit-deps ## Vet, check the generated code is fresh, and run the Go tests on SQLite (and PostgreSQL, given TEST_POSTGRES).
	$(GO) vet $(PACKAGES)
	$(GO) test -count=1 -run '$(FRESHNESS_TEST)' ./graph/gql
	THROUGHLINE_TEST_POSTGRES= THROUGHLINE_REQUIRE_PLAYGROUND=1 THROUGHLINE_REQUIRE_AUDIT=1 \
		$(GO) test -count=1 -skip '$(FRESHNESS_TEST)' $(PACKAGES)
ifneq ($(TEST_POSTGRES),)
	THROUGHLINE_TEST_POSTGRES='$(TEST_POSTGRES)' THROUGHLINE_REQUIRE_PLAYGROUND=1 THROUGHLINE_REQUIRE_AUDIT=1 \
		$(GO) test -count=1 -skip '$(FRESHNESS_TEST)' $(PACKAGES)
endif

.PHONY: test-frontend
test-frontend: build frontend ## Check the generated types, then run component tests and end-to-end tests in Chromium.
	cd $(FRONTEND) && $(NPM) run --silent codegen:check
	cd $(FRONTEND) && $(NPM) run --silent test
	mkdir -p '$(ARTIFACTS)'
	cd $(FRONTEND) && THROUGHLINE_BIN='$(abspath $(BIN))' THROUGHLINE_ARTIFACTS='$(ARTIFACTS)' \
		$(NPM) run --silent e2e

.PHONY: test-desktop
test-desktop: desktop ## Test the desktop's Go side and the real app window under Xvfb.
	$(GO) vet -tags '$(DESKTOP_TAGS)' ./desktop/...
	mkdir -p '$(ARTIFACTS)'
	THROUGHLINE_DESKTOP_BIN='$(abspath $(DESKTOP_BIN))' \
		THROUGHLINE_ARTIFACTS='$(ARTIFACTS)' $(GO) test -count=1 ./desktop/...

# Installs only what is missing, so that `make test` can depend on it and
# cost nothing once the packages are there.
.PHONY: deps
deps: ## Install the Debian packages the build and tests need, if missing (uses sudo unless root).
	@missing=$$(for p in $(DEBIAN_PACKAGES); do \
		dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		echo "installing Debian packages:" $$missing; \
		$(SUDO) apt-get update -q && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q --no-install-recommends $$missing; \
	fi

.PHONY: generate
generate: ## Regenerate GraphQL code from graph/gql/schema/*.graphqls.
	$(GO) tool gqlgen generate
	cd graph && $(GO) mod tidy

# Sizes of the synthetic organisations bench measures, in people.
BENCH_SIZES ?= 1000,10000

# A PostgreSQL database URL: when set, bench measures on PostgreSQL too,
# in a fresh schema of that database that it drops afterwards.
BENCH_POSTGRES ?= $(TEST_POSTGRES)

.PHONY: bench
bench: ## Measure five screens against their SQL floor on SQLite (and PostgreSQL, given BENCH_POSTGRES); results in bench-results/.
	mkdir -p bench-results
	$(GO) run ./server/cmd/bench -sizes '$(BENCH_SIZES)' -out bench-results
ifneq ($(BENCH_POSTGRES),)
	mkdir -p bench-results/postgres
	$(GO) run ./server/cmd/bench -sizes '$(BENCH_SIZES)' -out bench-results/postgres \
		-database-url '$(BENCH_POSTGRES)'
endif
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

.PHONY: frontend
frontend: $(FRONTEND_INDEX) ## Type-check the frontend and build it into desktop/dist.

$(FRONTEND_DEPS): $(FRONTEND)/package.json $(FRONTEND)/package-lock.json
	cd $(FRONTEND) && $(NPM) ci --no-audit --no-fund
	touch $@

# Vite empties desktop/dist before it writes; the placeholder that lets
# go vet embed the folder before any build is put back.
$(FRONTEND_INDEX): $(FRONTEND_DEPS) $(FRONTEND_SRC)
	cd $(FRONTEND) && $(NPM) run --silent build
	touch desktop/dist/.gitkeep

.PHONY: desktop
desktop: frontend ## Build the desktop app into bin/throughline-desktop (needs GTK and WebKitGTK).
	$(GO) build -tags '$(DESKTOP_TAGS)' -ldflags '-X main.version=$(VERSION)' -o $(DESKTOP_BIN) ./desktop

.PHONY: desktop-run
desktop-run: desktop ## Start the desktop app; connect it to `make run`'s server at http://127.0.0.1:8080.
	$(DESKTOP_BIN)

# Release packages, written into DIST (dist/): the server for each of
# SERVER_ARCHES as a tarball and a Debian package, the desktop app as a
# Debian package for this machine's architecture and as a Windows .exe,
# and SHA256SUMS over whatever DIST holds. nfpm builds the packages.
DIST          ?= dist
DIST_BUILD    ?= bin/dist
SERVER_ARCHES ?= amd64 arm64
NFPM          ?= $(GO) run github.com/goreleaser/nfpm/v2/cmd/nfpm@v2.48.0
# Debian versions start with a digit: the tag v1.2.0 gives 1.2.0, three
# commits past it 1.2.0+3.gabc1234, and a tree with no tag 0.0.0+git.abc1234.
PKG_VERSION   ?= $(shell echo '$(VERSION)' | sed -E \
	'/^v?[0-9]+\.[0-9]/{s/^v//;s/-/+/;s/-/./g;b};s/^/0.0.0+git./;s/-/./g')
COMMIT        ?= $(shell git describe --always --dirty --abbrev=40 --exclude='*' 2>/dev/null || echo unknown)
BUILD_DATE    ?= $(shell date -u +%Y-%m-%dT%H:%M:%SZ)
# Worked out once, not at every use: every file of a run carries the same.
PKG_VERSION   := $(PKG_VERSION)
COMMIT        := $(COMMIT)
BUILD_DATE    := $(BUILD_DATE)
# What `throughline version` prints.
SERVER_LDFLAGS := -s -w -X throughline.dev/graph.Version=$(VERSION) \
	-X main.commit=$(COMMIT) -X main.buildDate=$(BUILD_DATE)
# cgo's C compiler for each architecture; the arm64 one comes from make deps.
CC_amd64 ?= x86_64-linux-gnu-gcc
CC_arm64 ?= aarch64-linux-gnu-gcc
SERVER_DIST_FILES := README.md server/packaging/throughline.conf \
	server/packaging/throughline.service $(wildcard LICENSE)
SERVER_PACKAGING  := $(addprefix server/packaging/,nfpm.yaml throughline.service \
	throughline.conf postinstall.sh preremove.sh postremove.sh) README.md
SERVER_DEBS := $(foreach a,$(SERVER_ARCHES),$(DIST)/throughline_$(PKG_VERSION)_$(a).deb)
SERVER_TARS := $(foreach a,$(SERVER_ARCHES),$(DIST)/throughline-$(VERSION)-linux-$(a).tar.gz)
DESKTOP_ARCH := $(shell $(GO) env GOARCH)
DESKTOP_DEB  := $(DIST)/throughline-desktop_$(PKG_VERSION)_$(DESKTOP_ARCH).deb
DESKTOP_EXE  := $(DIST)/throughline-desktop-$(VERSION)-windows-amd64.exe
ICON_SIZES   := 16 24 32 48 64 128 256 512
ICONS        := $(DIST_BUILD)/icons
DIST_SUMS = cd '$(DIST)' && find . -maxdepth 1 -type f ! -name SHA256SUMS -printf '%P\n' | \
	LC_ALL=C sort | xargs sha256sum > SHA256SUMS

.PHONY: dist
dist: $(SERVER_TARS) $(SERVER_DEBS) ## Build the server's tarballs and Debian packages for linux/amd64 and arm64 into dist/.
	$(DIST_SUMS)

# The playground prerequisite is phony: the binary is built every time,
# and Go's cache decides what that costs.
$(DIST_BUILD)/linux-%/throughline: playground
	CGO_ENABLED=1 GOOS=linux GOARCH=$* CC=$(CC_$*) \
		$(GO) build -trimpath -ldflags '$(SERVER_LDFLAGS)' -o $@ ./server

$(DIST)/throughline_$(PKG_VERSION)_%.deb: $(DIST_BUILD)/linux-%/throughline $(SERVER_PACKAGING)
	mkdir -p '$(DIST)'
	ARCH=$* PKG_VERSION='$(PKG_VERSION)' SERVER_BIN='$<' \
		$(NFPM) pkg --packager deb --config server/packaging/nfpm.yaml --target '$@'

$(DIST)/throughline-$(VERSION)-linux-%.tar.gz: $(DIST_BUILD)/linux-%/throughline $(SERVER_DIST_FILES)
	rm -rf '$(DIST_BUILD)/throughline-$(VERSION)-linux-$*'
	mkdir -p '$(DIST_BUILD)/throughline-$(VERSION)-linux-$*' '$(DIST)'
	cp $^ '$(DIST_BUILD)/throughline-$(VERSION)-linux-$*/'
	tar -C '$(DIST_BUILD)' --owner=0 --group=0 --numeric-owner -czf '$@' \
		'throughline-$(VERSION)-linux-$*'

.PHONY: desktop-dist
desktop-dist: $(DESKTOP_DEB) $(DESKTOP_EXE) ## Build the desktop app's Debian package and Windows .exe into dist/.
	$(DIST_SUMS)

$(DIST_BUILD)/desktop-linux/throughline-desktop: frontend
	$(GO) build -trimpath -tags '$(DESKTOP_TAGS)' -ldflags '-s -w -X main.version=$(VERSION)' \
		-o $@ ./desktop

# The icons: PNGs of every size from the one SVG, in the hicolor layout.
$(DESKTOP_DEB): $(DIST_BUILD)/desktop-linux/throughline-desktop $(wildcard desktop/packaging/*)
	rm -rf '$(ICONS)'
	$(foreach s,$(ICON_SIZES),mkdir -p '$(ICONS)/$(s)x$(s)/apps' && \
		convert -background none desktop/packaging/throughline.svg -resize $(s)x$(s) \
		'$(ICONS)/$(s)x$(s)/apps/throughline.png' &&) true
	mkdir -p '$(ICONS)/scalable/apps' '$(DIST)'
	cp desktop/packaging/throughline.svg '$(ICONS)/scalable/apps/throughline.svg'
	ARCH=$(DESKTOP_ARCH) PKG_VERSION='$(PKG_VERSION)' DESKTOP_BIN='$<' ICONS='$(ICONS)' \
		$(NFPM) pkg --packager deb --config desktop/packaging/nfpm.yaml --target '$@'

# Wails needs no cgo on Windows, so the app cross-builds here; -H windowsgui
# keeps a console window from opening beside it.
$(DESKTOP_EXE): frontend
	mkdir -p '$(DIST)'
	CGO_ENABLED=0 GOOS=windows GOARCH=amd64 $(GO) build -trimpath -tags desktop,production \
		-ldflags '-s -w -H windowsgui -X main.version=$(VERSION)' -o '$@' ./desktop

.PHONY: clean
clean: ## Remove the binaries, packages and built assets (node_modules stays).
	rm -rf bin $(DIST)
	find desktop/dist -mindepth 1 -maxdepth 1 ! -name .gitkeep -exec rm -rf {} +
	find $(PLAYGROUND)/dist -mindepth 1 -maxdepth 1 ! -name .keep -exec rm -rf {} +

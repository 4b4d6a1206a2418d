// Package e2e holds end-to-end tests through the real HTTP API: each test
// starts the server on a fresh SQLite file and speaks GraphQL to it over
// HTTP, as the desktop app and HR's playground do.
package e2e

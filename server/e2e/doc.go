// Package e2e holds end-to-end tests through the real HTTP API: each test
// starts the server on a fresh database and speaks GraphQL to it over
// HTTP, as the desktop app and HR's playground do. The database is a
// SQLite file, or a PostgreSQL schema of its own when
// THROUGHLINE_TEST_POSTGRES names a PostgreSQL database.
package e2e

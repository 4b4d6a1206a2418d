// Package exchange writes a whole Throughline database to a directory of
// files and reads such a directory back into an empty database: the
// export an admin keeps, moves to another server or reads with other
// tools. docs/export-format.md describes the files for people who read
// them without this code.
//
// An export is three kinds of file:
//
//   - people.csv, in the people import format of package importer;
//   - one okrs-<cycle>.csv per cycle, in the OKR import format;
//   - graph.json, everything else: teams with their parents and leads,
//     objective descriptions, key results' state and progress history,
//     the capability framework, requirements, assessments with evidence,
//     development plans with goals (and the goal each carried-over goal
//     continues), actions and check-ins, handovers with their packs,
//     draft packs, the manager history, departures and the review rhythm.
//
// The CSV files are in the import formats on purpose: they open in a
// spreadsheet, and they import on their own with `throughline import
// people` and `import okrs`. Every reference is by natural key (an email,
// a team or capability name, a cycle and a ref), never by database ID, so
// an export imports into any database. Lists are sorted by those keys, so
// exporting the same data twice gives the same bytes. Two kinds of record
// have no natural key and are named by position instead: a handover by
// its place in graph.json's handovers, a goal by its plan's person and
// cycle and its place among the plan's goals, which keep the order they
// were made in.
//
// graph.json carries a format version; ReadGraph reads every version up
// to FormatVersion, so an older export still imports without the records
// its version lacks.
//
// Tokens, calendar feeds and the audit log are not exported: tokens and
// the secrets of calendar feeds are credentials of one server, and the
// audit log refers to its records by ID. A backup (storage.Store.Backup)
// keeps all three.
package exchange

// Package importer reads people and OKRs from CSV files into Throughline.
//
// An import is all or nothing. The file is read whole and checked, in
// memory, against one snapshot of the database; any problem refuses the
// whole file, and every problem is reported with its line and column so
// that an admin can fix them in one pass. Only a clean file becomes a plan,
// which the store applies in one transaction. Importing the same file again
// changes nothing: people are keyed by email and OKRs by cycle and ref, and
// only rows whose values differ are written.
//
// # People
//
// One row per person. Columns, matched by name in any order:
//
//   - email: the key, compared in lower case.
//   - name, title.
//   - team: the person's team, created when it does not exist yet.
//   - parent_team (optional column): the parent of team. Teams named only
//     here are created too. Left empty, the team keeps the parent it has.
//   - manager_email: the person's manager, in the file or already in the
//     database; empty for the top of the tree.
//
// People not in the file are left as they are.
//
// # OKRs
//
// One row per objective or key result. Columns:
//
//   - cycle: YYYY-Qn names a calendar quarter; any other name needs the
//     optional columns cycle_start and cycle_end (ISO dates) on its rows.
//   - ref: a key unique within the file; with the cycle it identifies the
//     objective or key result on the next import.
//   - type: objective or key_result.
//   - parent: for a key result, the ref of its objective; for an
//     objective, the refs of the key results or objectives it aligns to,
//     separated by ";" (empty for a company objective). Refs name rows of
//     the file, or rows of the same cycle already in the database.
//   - level: company, team or individual (objectives only).
//   - team: the objective's team, created when it does not exist yet.
//   - owner: an email, or a title that names exactly one person. Owners
//     are looked up among the people already in the database, so import
//     people first.
//   - title.
//   - start, target, current, unit (optional columns): the metric of a key
//     result. Without a target the key result is done or not done; start
//     defaults to 0; an empty current leaves the recorded value alone.
//   - critical (optional column): yes or no (key results only; empty is no).
//
// An imported objective's alignments are replaced by the file's.
package importer

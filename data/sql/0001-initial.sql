-- Soteria Workbench schema, version 1: the whole first version of the data model.
-- Copyright 2026 Soteria Workbench developers
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Facts of a case live apart from personal identifiers (names, dates of birth, addresses,
-- phone numbers, free-text accounts), which sit in *_identity tables so that an export can
-- leave them behind by construction. Victims, suspects and witnesses are kept in separate
-- tables (DPA 2018 Part 3). Every record carries a random UUID besides its integer key.
-- Times are ISO 8601 in UTC ("2024-03-01T22:30:00Z"); calendar dates are "YYYY-MM-DD".
-- Code lists are checked with "x = 'a' OR x = 'b'" rather than "x IN ('a', 'b')": SQLite builds
-- a temporary index for an IN list on every insert, which made bulk writes a fifth slower.

PRAGMA application_id = 1399813207; -- "SotW": marks the file as a workspace

CREATE TABLE workspace (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE investigation (
  id              INTEGER PRIMARY KEY,
  uuid            TEXT NOT NULL UNIQUE,
  crime_reference TEXT NOT NULL UNIQUE COLLATE NOCASE,
  offence_type    TEXT NOT NULL,
  offence_from    TEXT NOT NULL,
  offence_until   TEXT,
  reported_on     TEXT NOT NULL,
  recorded_on     TEXT,
  officer         TEXT NOT NULL,
  status          TEXT NOT NULL DEFAULT 'open'
                  CHECK ((status = 'open' OR status = 'with-cps' OR status = 'charged' OR
                          status = 'finalised')),
  outcome_code    TEXT,
  outcome_date    TEXT,
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL
) STRICT;
CREATE INDEX investigation_reported_on ON investigation (reported_on);

-- Deadlines a rule has computed for a case (Victims' Code, CPS, forensic); met_at closes one.
CREATE TABLE deadline (
  id               INTEGER PRIMARY KEY,
  uuid             TEXT NOT NULL UNIQUE,
  investigation_id INTEGER NOT NULL REFERENCES investigation (id) ON DELETE CASCADE,
  kind             TEXT NOT NULL,
  source_uuid      TEXT,
  due_at           TEXT NOT NULL,
  met_at           TEXT
) STRICT;
CREATE INDEX deadline_open ON deadline (investigation_id, due_at) WHERE met_at IS NULL;

CREATE TABLE victim (
  id               INTEGER PRIMARY KEY,
  uuid             TEXT NOT NULL UNIQUE,
  investigation_id INTEGER NOT NULL REFERENCES investigation (id) ON DELETE CASCADE,
  sex              TEXT CHECK ((sex = 'female' OR sex = 'male' OR sex = 'other' OR
                                sex = 'unknown')),
  age_at_offence   INTEGER CHECK (age_at_offence BETWEEN 0 AND 120),
  ethnicity        TEXT CHECK ((ethnicity = 'white' OR ethnicity = 'black' OR ethnicity = 'asian' OR
                                ethnicity = 'other' OR ethnicity = 'unknown')),
  enhanced_rights  INTEGER NOT NULL DEFAULT 1,
  enhanced_opt_out_on TEXT
) STRICT;
CREATE INDEX victim_investigation ON victim (investigation_id);

CREATE TABLE victim_identity (
  victim_id     INTEGER PRIMARY KEY REFERENCES victim (id) ON DELETE CASCADE,
  given_name    TEXT,
  family_name   TEXT,
  date_of_birth TEXT,
  address       TEXT,
  phone         TEXT,
  account       TEXT
) STRICT;

-- One row per distinct person suspected, so that a repeat suspect links several cases.
CREATE TABLE suspect_person (
  id   INTEGER PRIMARY KEY,
  uuid TEXT NOT NULL UNIQUE
) STRICT;

CREATE TABLE suspect (
  id                INTEGER PRIMARY KEY,
  uuid              TEXT NOT NULL UNIQUE,
  investigation_id  INTEGER NOT NULL REFERENCES investigation (id) ON DELETE CASCADE,
  suspect_person_id INTEGER REFERENCES suspect_person (id) ON DELETE SET NULL,
  sex               TEXT CHECK ((sex = 'female' OR sex = 'male' OR sex = 'other' OR
                                 sex = 'unknown')),
  age_at_offence    INTEGER CHECK (age_at_offence BETWEEN 0 AND 120),
  ethnicity         TEXT CHECK ((ethnicity = 'white' OR ethnicity = 'black' OR ethnicity = 'asian' OR
                                 ethnicity = 'other' OR ethnicity = 'unknown')),
  relationship      TEXT NOT NULL DEFAULT 'unknown'
                    CHECK ((relationship = 'stranger' OR relationship = 'family' OR
                            relationship = 'acquaintance' OR relationship = 'intimate' OR
                            relationship = 'other' OR relationship = 'unknown')),
  arrested_at       TEXT,
  interviewed_at    TEXT,
  bailed_at         TEXT,
  released_at       TEXT
) STRICT;
CREATE INDEX suspect_investigation ON suspect (investigation_id);
CREATE INDEX suspect_by_person ON suspect (suspect_person_id);

CREATE TABLE suspect_identity (
  suspect_id      INTEGER PRIMARY KEY REFERENCES suspect (id) ON DELETE CASCADE,
  given_name      TEXT,
  family_name     TEXT,
  date_of_birth   TEXT,
  local_person_id TEXT,
  address         TEXT,
  phone           TEXT,
  account         TEXT
) STRICT;
CREATE INDEX suspect_identity_match ON suspect_identity (family_name, date_of_birth);
CREATE INDEX suspect_identity_local ON suspect_identity (local_person_id);

CREATE TABLE witness (
  id               INTEGER PRIMARY KEY,
  uuid             TEXT NOT NULL UNIQUE,
  investigation_id INTEGER NOT NULL REFERENCES investigation (id) ON DELETE CASCADE,
  kind             TEXT NOT NULL DEFAULT 'other'
                   CHECK ((kind = 'first-account' OR kind = 'eyewitness' OR kind = 'professional' OR
                           kind = 'other'))
) STRICT;
CREATE INDEX witness_investigation ON witness (investigation_id);

CREATE TABLE witness_identity (
  witness_id    INTEGER PRIMARY KEY REFERENCES witness (id) ON DELETE CASCADE,
  given_name    TEXT,
  family_name   TEXT,
  date_of_birth TEXT,
  address       TEXT,
  phone         TEXT,
  account       TEXT
) STRICT;

-- DPA 2018 s.62 log. Append-only: the triggers below refuse any change, and each row's hash
-- covers the previous row's hash, so `soteria-cli audit verify` finds an edit made around them.
CREATE TABLE audit_log (
  id              INTEGER PRIMARY KEY,
  ts_utc          TEXT NOT NULL,
  operator        TEXT NOT NULL,
  action          TEXT NOT NULL
                  CHECK ((action = 'collect' OR action = 'alter' OR action = 'consult' OR
                          action = 'disclose' OR action = 'combine' OR action = 'erase')),
  entity_type     TEXT NOT NULL,
  entity_uuid     TEXT,
  reason          TEXT,
  recipient       TEXT,
  program_version TEXT NOT NULL,
  prev_hash       TEXT NOT NULL,
  hash            TEXT NOT NULL
) STRICT;

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
  SELECT RAISE (ABORT, 'the audit log is append-only');
END;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
  SELECT RAISE (ABORT, 'the audit log is append-only');
END;

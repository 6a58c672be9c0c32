-- Soteria Workbench schema, version 3. Forensics: exhibits, continuity, devices, third-party material.
-- Copyright 2026 Soteria Workbench developers
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Times are ISO 8601 in UTC ("2024-03-01T22:30:00Z"); calendar dates are "YYYY-MM-DD".
-- Every write goes through src/core (sot-exhibit.c, sot-device.c) with an audit row.

-- Exhibits, referenced in the national convention: the producing officer's initials, "/", a
-- number the program allots per officer across the workspace (AP/1, AP/2, BC/1); a sub-exhibit
-- appends a number under its parent (AP/1/1). The alias (AP_1, AP_1-1) is the same reference
-- made safe for file names, kept beside the canonical one so no one invents their own.
CREATE TABLE exhibit (
  id                   INTEGER PRIMARY KEY,
  uuid                 TEXT NOT NULL UNIQUE,
  investigation_id     INTEGER NOT NULL REFERENCES investigation (id) ON DELETE CASCADE,
  parent_id            INTEGER REFERENCES exhibit (id) ON DELETE CASCADE,
  officer_initials     TEXT NOT NULL
                       CHECK (length (officer_initials) BETWEEN 1 AND 5
                              AND officer_initials NOT GLOB '*[^A-Z]*'),
  sequence             INTEGER NOT NULL CHECK (sequence > 0),
  sub_sequence         INTEGER CHECK (sub_sequence > 0),
  reference            TEXT NOT NULL UNIQUE,
  alias                TEXT NOT NULL,   -- unique as the reference is
  description          TEXT NOT NULL CHECK (description <> ''),
  sample_type          TEXT,            -- a forensic catalogue id, NULL when not a sample
  sampled_from         TEXT CHECK ((sampled_from = 'complainant' OR sampled_from = 'suspect')),
  seized_by            TEXT NOT NULL CHECK (seized_by <> ''),
  seized_at            TEXT NOT NULL,
  seized_place         TEXT,
  seal_number          TEXT,
  lab_name             TEXT,
  lab_submitted_at     TEXT,
  lab_result           TEXT,
  lab_result_at        TEXT,
  retention            TEXT CHECK ((retention = 'retain' OR retention = 'dispose' OR
                                    retention = 'return-to-owner')),
  retention_note       TEXT,
  retention_decided_on TEXT,
  created_at           TEXT NOT NULL,
  CHECK ((parent_id IS NULL) = (sub_sequence IS NULL))
) STRICT;
CREATE INDEX exhibit_investigation ON exhibit (investigation_id);
CREATE INDEX exhibit_officer_sequence ON exhibit (officer_initials, sequence);
CREATE INDEX exhibit_parent ON exhibit (parent_id);

-- Continuity (chain of custody). Append-only: a mistake is put right by a new entry that
-- names the entry it corrects (corrects_movement_uuid) and takes its place in the chain
-- (same position); the corrected entry stays, visibly superseded.
CREATE TABLE exhibit_movement (
  id                     INTEGER PRIMARY KEY,
  uuid                   TEXT NOT NULL UNIQUE,
  exhibit_id             INTEGER NOT NULL REFERENCES exhibit (id) ON DELETE CASCADE,
  position               INTEGER NOT NULL CHECK (position > 0),
  from_holder            TEXT NOT NULL CHECK (from_holder <> ''),
  to_holder              TEXT NOT NULL CHECK (to_holder <> ''),
  moved_at               TEXT NOT NULL,
  place                  TEXT,
  purpose                TEXT NOT NULL
                         CHECK ((purpose = 'storage' OR purpose = 'transfer' OR
                                 purpose = 'laboratory' OR purpose = 'examination' OR
                                 purpose = 'court' OR purpose = 'return-to-owner' OR
                                 purpose = 'disposal' OR purpose = 'other')),
  note                   TEXT,
  corrects_movement_uuid TEXT,
  correction_reason      TEXT,
  recorded_at            TEXT NOT NULL,
  recorded_by            TEXT NOT NULL,
  CHECK ((corrects_movement_uuid IS NULL) = (correction_reason IS NULL))
) STRICT;
CREATE INDEX exhibit_movement_chain ON exhibit_movement (exhibit_id, position, id);

-- A correction must name an entry of the same exhibit, at the same position.
CREATE TRIGGER exhibit_movement_correction BEFORE INSERT ON exhibit_movement
WHEN NEW.corrects_movement_uuid IS NOT NULL
 AND NOT EXISTS (SELECT 1 FROM exhibit_movement m
                 WHERE m.uuid = NEW.corrects_movement_uuid
                   AND m.exhibit_id = NEW.exhibit_id
                   AND m.position = NEW.position)
BEGIN
  SELECT RAISE (ABORT, 'a correction must name an entry of the same exhibit');
END;

CREATE TRIGGER exhibit_movement_no_update BEFORE UPDATE ON exhibit_movement
BEGIN
  SELECT RAISE (ABORT, 'continuity entries are append-only: record a correction');
END;

-- Erasing an investigation (or an exhibit with it) cascades here after the exhibit row is
-- gone, and must go through; any other deletion is refused.
CREATE TRIGGER exhibit_movement_no_delete BEFORE DELETE ON exhibit_movement
WHEN EXISTS (SELECT 1 FROM exhibit e WHERE e.id = OLD.exhibit_id)
BEGIN
  SELECT RAISE (ABORT, 'continuity entries are append-only: record a correction');
END;

-- Digital devices (DOMAIN.md §3.4): whose, on what legal basis, with which notices, for which
-- line of enquiry and scope, and how long the owner was without it.
CREATE TABLE device (
  id                  INTEGER PRIMARY KEY,
  uuid                TEXT NOT NULL UNIQUE,
  investigation_id    INTEGER NOT NULL REFERENCES investigation (id) ON DELETE CASCADE,
  owner_role          TEXT NOT NULL CHECK ((owner_role = 'victim' OR owner_role = 'witness' OR
                                            owner_role = 'suspect')),
  description         TEXT NOT NULL CHECK (description <> ''),
  legal_basis         TEXT NOT NULL
                      CHECK ((legal_basis = 'pcsc-s37-agreement' OR legal_basis = 'pcsc-s41' OR
                              legal_basis = 'seizure-power' OR legal_basis = 'other')),
  legal_basis_note    TEXT,
  written_notice_on   TEXT,
  dpn_variant         TEXT CHECK ((dpn_variant = 'dpn-a' OR dpn_variant = 'dpn-c')),
  dpn_given_on        TEXT,
  line_of_enquiry     TEXT,
  scope_data_types    TEXT,
  scope_from          TEXT,
  scope_until         TEXT,
  extraction_level    TEXT
                      CHECK ((extraction_level = 'none' OR extraction_level = 'selective' OR
                              extraction_level = 'logical' OR extraction_level = 'file-system' OR
                              extraction_level = 'physical' OR extraction_level = 'other')),
  taken_at            TEXT NOT NULL,
  returned_at         TEXT,
  swap_out_given      INTEGER NOT NULL DEFAULT 0 CHECK (swap_out_given IN (0, 1)),
  created_at          TEXT NOT NULL,
  CHECK (returned_at IS NULL OR returned_at >= taken_at),
  CHECK (scope_until IS NULL OR scope_from IS NULL OR scope_until >= scope_from)
) STRICT;
CREATE INDEX device_investigation ON device (investigation_id);

-- Third-party material (victim information) requests: PCSC Act ss.44A-44E tests, the
-- Police-CPS protocol's form, the notice to the victim, and the outcome.
CREATE TABLE third_party_request (
  id                  INTEGER PRIMARY KEY,
  uuid                TEXT NOT NULL UNIQUE,
  investigation_id    INTEGER NOT NULL REFERENCES investigation (id) ON DELETE CASCADE,
  holder              TEXT NOT NULL CHECK (holder <> ''),
  material            TEXT NOT NULL CHECK (material <> ''),
  reason              TEXT NOT NULL CHECK (reason <> ''),
  necessity_note      TEXT NOT NULL CHECK (necessity_note <> ''),
  counselling         INTEGER NOT NULL DEFAULT 0 CHECK (counselling IN (0, 1)),
  probative_value_note TEXT,
  npcc_form_used      INTEGER NOT NULL DEFAULT 0 CHECK (npcc_form_used IN (0, 1)),
  requested_on        TEXT,
  victim_notified_on  TEXT,
  outcome             TEXT NOT NULL DEFAULT 'pending'
                      CHECK ((outcome = 'pending' OR outcome = 'received' OR outcome = 'partial' OR
                              outcome = 'refused' OR outcome = 'withdrawn')),
  outcome_on          TEXT,
  outcome_note        TEXT,
  created_at          TEXT NOT NULL,
  CHECK (counselling = 0 OR probative_value_note IS NOT NULL)
) STRICT;
CREATE INDEX third_party_request_investigation ON third_party_request (investigation_id);

-- Soteria Workbench schema, version 2. Suspect focus: suspects' investigative dates, lines of enquiry, checklist proposals, disruption.
-- Copyright 2026 Soteria Workbench developers
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Nothing here identifies a person: names, dates of birth and local person IDs stay in
-- suspect_identity. Titles, notes and rationales are facts of the case written by officers;
-- the evaluators' export drops free text by construction.

-- How a suspect left custody: on pre-charge bail, or released under investigation (RUI).
-- bailed_at (version 1) is the time of that release; bail_until is the bail return date.
ALTER TABLE suspect ADD COLUMN bail_type TEXT CHECK ((bail_type = 'bail' OR bail_type = 'rui'));
ALTER TABLE suspect ADD COLUMN bail_until TEXT;

-- Match suggestions look up suspects by date of birth first, then compare names.
CREATE INDEX suspect_identity_dob ON suspect_identity (date_of_birth);

-- The offender-centric evidence list: one row per line of enquiry.
CREATE TABLE line_of_enquiry (
  id               INTEGER PRIMARY KEY,
  uuid             TEXT NOT NULL UNIQUE,
  investigation_id INTEGER NOT NULL REFERENCES investigation (id) ON DELETE CASCADE,
  suspect_id       INTEGER REFERENCES suspect (id) ON DELETE SET NULL,
  category         TEXT NOT NULL
                   CHECK ((category = 'behaviour-before' OR category = 'behaviour-during' OR
                           category = 'behaviour-after' OR category = 'previous-allegations' OR
                           category = 'intelligence-local' OR category = 'intelligence-pnc' OR
                           category = 'intelligence-pnd' OR category = 'intelligence-scas' OR
                           category = 'intelligence-other-forces' OR category = 'digital-footprint' OR
                           category = 'third-party' OR category = 'witnesses' OR
                           category = 'forensic' OR category = 'bad-character' OR
                           category = 'disruption' OR category = 'other')),
  focus            TEXT NOT NULL CHECK ((focus = 'suspect' OR focus = 'victim' OR
                                         focus = 'context')),
  title            TEXT NOT NULL CHECK (length (trim (title)) > 0),
  owner            TEXT,
  due_on           TEXT,
  status           TEXT NOT NULL DEFAULT 'proposed'
                   CHECK ((status = 'proposed' OR status = 'planned' OR status = 'requested' OR
                           status = 'obtained' OR status = 'reviewed' OR status = 'not-pursued')),
  -- Why a line was not pursued: required for that status, so the decision can be reviewed.
  rationale        TEXT,
  notes            TEXT,
  -- The CPS early-advice action point the line answers (its text or reference), if any.
  cps_advice_point TEXT,
  -- The checklist item the line came from, if it was accepted from a proposal.
  checklist_item   TEXT,
  created_at       TEXT NOT NULL,
  updated_at       TEXT NOT NULL,
  CHECK (status <> 'not-pursued' OR length (trim (coalesce (rationale, ''))) > 0)
) STRICT;
CREATE INDEX line_of_enquiry_investigation ON line_of_enquiry (investigation_id);

-- The force's suspect-focused checklist, proposed item by item when a suspect is added. The
-- item's wording is copied so that a later edition of the checklist does not rewrite history.
CREATE TABLE checklist_proposal (
  id                 INTEGER PRIMARY KEY,
  uuid               TEXT NOT NULL UNIQUE,
  investigation_id   INTEGER NOT NULL REFERENCES investigation (id) ON DELETE CASCADE,
  suspect_id         INTEGER REFERENCES suspect (id) ON DELETE CASCADE,
  item_key           TEXT NOT NULL,
  checklist_version  TEXT NOT NULL,
  category           TEXT NOT NULL,
  focus              TEXT NOT NULL CHECK ((focus = 'suspect' OR focus = 'victim' OR
                                           focus = 'context')),
  title              TEXT NOT NULL,
  description        TEXT,
  state              TEXT NOT NULL DEFAULT 'open'
                     CHECK ((state = 'open' OR state = 'accepted' OR state = 'dismissed')),
  reason             TEXT,
  line_of_enquiry_id INTEGER REFERENCES line_of_enquiry (id) ON DELETE SET NULL,
  created_at         TEXT NOT NULL,
  decided_at         TEXT,
  CHECK (state <> 'dismissed' OR length (trim (coalesce (reason, ''))) > 0),
  UNIQUE (suspect_id, item_key)
) STRICT;
CREATE INDEX checklist_proposal_investigation ON checklist_proposal (investigation_id);

-- Disruption options considered against a suspect, and where each stands.
CREATE TABLE disruption (
  id               INTEGER PRIMARY KEY,
  uuid             TEXT NOT NULL UNIQUE,
  investigation_id INTEGER NOT NULL REFERENCES investigation (id) ON DELETE CASCADE,
  suspect_id       INTEGER REFERENCES suspect (id) ON DELETE CASCADE,
  kind             TEXT NOT NULL
                   CHECK ((kind = 'sexual-risk-order' OR kind = 'sexual-harm-prevention-order' OR
                           kind = 'bail-conditions' OR kind = 'other-offences' OR
                           kind = 'safeguarding-referral')),
  status           TEXT NOT NULL DEFAULT 'considered'
                   CHECK ((status = 'considered' OR status = 'applied' OR status = 'granted' OR
                           status = 'refused' OR status = 'not-pursued')),
  status_on        TEXT,
  outcome          TEXT,
  created_at       TEXT NOT NULL,
  updated_at       TEXT NOT NULL
) STRICT;
CREATE INDEX disruption_investigation ON disruption (investigation_id);

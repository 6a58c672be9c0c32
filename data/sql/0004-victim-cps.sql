-- Soteria Workbench schema, version 4. Victim engagement and CPS joint working.
-- Copyright 2026 Soteria Workbench developers
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Victims' Code (Right 6) events and the contact kept with the victim; early advice, charging
-- files, decisions and action plans of the Crown Prosecution Service. Every record has a UUID
-- and belongs to an investigation (erased with it). No identifier of the victim goes in these
-- tables: the names kept here (an ISVA, the officer who made a contact) are staff names. The
-- free-text summary of a contact sits in its own table, as the *_identity tables do, so that
-- an export leaves it behind by construction.
-- Times are ISO 8601 in UTC ("2024-03-01T22:30:00Z"); calendar dates are "YYYY-MM-DD".
-- The deadlines computed from these records go to the `deadline` table of version 1:
--   kind "right6:<event>" (source_uuid = right6_event.uuid), "cadence" (source_uuid =
--   victim.uuid), "cps-action" (source_uuid = cps_action_item.uuid); due_at is the end of the
--   due day in UK time, as UTC.

-- The update frequency and channel agreed with the victim. Append-only: the current agreement
-- is the latest row; the earlier rows are its history.
CREATE TABLE victim_contact_preference (
  id               INTEGER PRIMARY KEY,
  uuid             TEXT NOT NULL UNIQUE,
  investigation_id INTEGER NOT NULL REFERENCES investigation (id) ON DELETE CASCADE,
  victim_id        INTEGER NOT NULL REFERENCES victim (id) ON DELETE CASCADE,
  frequency_days   INTEGER NOT NULL CHECK (frequency_days BETWEEN 1 AND 365),
  channel          TEXT NOT NULL
                   CHECK ((channel = 'phone' OR channel = 'email' OR channel = 'letter' OR
                           channel = 'in-person' OR channel = 'video' OR channel = 'text' OR
                           channel = 'via-isva')),
  changed_at       TEXT NOT NULL,
  changed_by       TEXT NOT NULL
) STRICT;
CREATE INDEX victim_contact_preference_victim ON victim_contact_preference (victim_id, changed_at);

-- Independent Sexual Violence Advisers supporting a victim.
CREATE TABLE isva (
  id               INTEGER PRIMARY KEY,
  uuid             TEXT NOT NULL UNIQUE,
  investigation_id INTEGER NOT NULL REFERENCES investigation (id) ON DELETE CASCADE,
  victim_id        INTEGER NOT NULL REFERENCES victim (id) ON DELETE CASCADE,
  service          TEXT NOT NULL CHECK (length (service) > 0),
  name             TEXT,
  consent_to_share INTEGER NOT NULL DEFAULT 0 CHECK (consent_to_share IN (0, 1)),
  consent_on       TEXT,
  referred_on      TEXT,
  ended_on         TEXT,
  CHECK (ended_on IS NULL OR referred_on IS NULL OR ended_on >= referred_on)
) STRICT;
CREATE INDEX isva_investigation ON isva (investigation_id);

-- A Victims' Code Right 6 event, with the rights the victim had when it happened and the day by
-- whose end the victim must be told.
CREATE TABLE right6_event (
  id               INTEGER PRIMARY KEY,
  uuid             TEXT NOT NULL UNIQUE,
  investigation_id INTEGER NOT NULL REFERENCES investigation (id) ON DELETE CASCADE,
  event            TEXT NOT NULL
                   CHECK ((event = 'arrest' OR event = 'interview' OR event = 'released' OR
                           event = 'bail' OR event = 'bail-change' OR event = 'no-investigation')),
  occurred_at      TEXT NOT NULL,
  suspect_id       INTEGER REFERENCES suspect (id) ON DELETE SET NULL,
  enhanced         INTEGER NOT NULL CHECK (enhanced IN (0, 1)),
  due_on           TEXT NOT NULL,
  recorded_at      TEXT NOT NULL
) STRICT;
CREATE INDEX right6_event_investigation ON right6_event (investigation_id, occurred_at);

-- The contact log: each time the victim was told something, by whom and how.
CREATE TABLE victim_contact (
  id               INTEGER PRIMARY KEY,
  uuid             TEXT NOT NULL UNIQUE,
  investigation_id INTEGER NOT NULL REFERENCES investigation (id) ON DELETE CASCADE,
  victim_id        INTEGER REFERENCES victim (id) ON DELETE SET NULL,
  contact_at       TEXT NOT NULL,
  channel          TEXT NOT NULL
                   CHECK ((channel = 'phone' OR channel = 'email' OR channel = 'letter' OR
                           channel = 'in-person' OR channel = 'video' OR channel = 'text' OR
                           channel = 'via-isva')),
  who              TEXT NOT NULL CHECK (length (who) > 0),
  isva_present     INTEGER NOT NULL DEFAULT 0 CHECK (isva_present IN (0, 1)),
  recorded_at      TEXT NOT NULL
) STRICT;
CREATE INDEX victim_contact_investigation ON victim_contact (investigation_id, contact_at);
CREATE INDEX victim_contact_victim ON victim_contact (victim_id, contact_at);

-- What was communicated, in words: free text, kept apart like the identity tables.
CREATE TABLE victim_contact_note (
  contact_id INTEGER PRIMARY KEY REFERENCES victim_contact (id) ON DELETE CASCADE,
  summary    TEXT NOT NULL
) STRICT;

-- The deadlines (events) a contact covered; the contact set their met_at.
CREATE TABLE victim_contact_covers (
  id               INTEGER PRIMARY KEY,
  uuid             TEXT NOT NULL UNIQUE,
  investigation_id INTEGER NOT NULL REFERENCES investigation (id) ON DELETE CASCADE,
  contact_id       INTEGER NOT NULL REFERENCES victim_contact (id) ON DELETE CASCADE,
  deadline_id      INTEGER NOT NULL REFERENCES deadline (id) ON DELETE CASCADE,
  UNIQUE (contact_id, deadline_id)
) STRICT;
CREATE INDEX victim_contact_covers_deadline ON victim_contact_covers (deadline_id);

-- The JNAP victim letters.
CREATE TABLE victim_letter (
  id               INTEGER PRIMARY KEY,
  uuid             TEXT NOT NULL UNIQUE,
  investigation_id INTEGER NOT NULL REFERENCES investigation (id) ON DELETE CASCADE,
  victim_id        INTEGER REFERENCES victim (id) ON DELETE SET NULL,
  kind             TEXT NOT NULL CHECK ((kind = 'hello' OR kind = 'point-of-charge' OR
                                         kind = 'nfa')),
  sent_on          TEXT NOT NULL,
  sent_by          TEXT NOT NULL
) STRICT;
CREATE INDEX victim_letter_investigation ON victim_letter (investigation_id);

-- Early advice: the 21-day flag is computed from these dates (sot-cps.h), never stored.
CREATE TABLE cps_early_advice (
  id               INTEGER PRIMARY KEY,
  uuid             TEXT NOT NULL UNIQUE,
  investigation_id INTEGER NOT NULL REFERENCES investigation (id) ON DELETE CASCADE,
  requested_on     TEXT NOT NULL,
  given_on         TEXT,
  CHECK (given_on IS NULL OR given_on >= requested_on)
) STRICT;
CREATE INDEX cps_early_advice_investigation ON cps_early_advice (investigation_id);

-- The points of the advice. line_of_enquiry_uuid names a line of enquiry of the suspect-focus
-- schema by UUID; it is deliberately not a foreign key, so that the two can be migrated apart.
CREATE TABLE cps_advice_point (
  id                   INTEGER PRIMARY KEY,
  uuid                 TEXT NOT NULL UNIQUE,
  investigation_id     INTEGER NOT NULL REFERENCES investigation (id) ON DELETE CASCADE,
  advice_id            INTEGER NOT NULL REFERENCES cps_early_advice (id) ON DELETE CASCADE,
  summary              TEXT NOT NULL CHECK (length (summary) > 0),
  line_of_enquiry_uuid TEXT
) STRICT;
CREATE INDEX cps_advice_point_advice ON cps_advice_point (advice_id);

CREATE TABLE cps_charging_file (
  id               INTEGER PRIMARY KEY,
  uuid             TEXT NOT NULL UNIQUE,
  investigation_id INTEGER NOT NULL REFERENCES investigation (id) ON DELETE CASCADE,
  submitted_on     TEXT NOT NULL
) STRICT;
CREATE INDEX cps_charging_file_investigation ON cps_charging_file (investigation_id);

-- The CPS decision per suspect (the CPS counts suspects). A later row supersedes an earlier one
-- for the same suspect (an administratively finalised file resubmitted, for instance).
CREATE TABLE cps_decision (
  id               INTEGER PRIMARY KEY,
  uuid             TEXT NOT NULL UNIQUE,
  investigation_id INTEGER NOT NULL REFERENCES investigation (id) ON DELETE CASCADE,
  suspect_id       INTEGER NOT NULL REFERENCES suspect (id) ON DELETE CASCADE,
  decision         TEXT NOT NULL
                   CHECK ((decision = 'charge' OR decision = 'nfa-evidential' OR
                           decision = 'nfa-public-interest' OR decision = 'out-of-court-disposal' OR
                           decision = 'administratively-finalised' OR decision = 'other')),
  decided_on       TEXT NOT NULL
) STRICT;
CREATE INDEX cps_decision_investigation ON cps_decision (investigation_id);
CREATE INDEX cps_decision_suspect ON cps_decision (suspect_id, decided_on);

CREATE TABLE cps_action_item (
  id               INTEGER PRIMARY KEY,
  uuid             TEXT NOT NULL UNIQUE,
  investigation_id INTEGER NOT NULL REFERENCES investigation (id) ON DELETE CASCADE,
  description      TEXT NOT NULL CHECK (length (description) > 0),
  created_on       TEXT NOT NULL,
  due_on           TEXT,
  status           TEXT NOT NULL DEFAULT 'open' CHECK ((status = 'open' OR status = 'done' OR
                                                        status = 'cancelled')),
  closed_on        TEXT
) STRICT;
CREATE INDEX cps_action_item_investigation ON cps_action_item (investigation_id);

-- The day a suspect was charged.
CREATE TABLE cps_charge (
  id               INTEGER PRIMARY KEY,
  uuid             TEXT NOT NULL UNIQUE,
  investigation_id INTEGER NOT NULL REFERENCES investigation (id) ON DELETE CASCADE,
  suspect_id       INTEGER REFERENCES suspect (id) ON DELETE SET NULL,
  charged_on       TEXT NOT NULL
) STRICT;
CREATE INDEX cps_charge_investigation ON cps_charge (investigation_id);

-- The "Due" view reads open deadlines of every investigation by due time.
CREATE INDEX deadline_open_due ON deadline (due_at) WHERE met_at IS NULL;
CREATE INDEX deadline_source ON deadline (source_uuid);

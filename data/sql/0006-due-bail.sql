-- Soteria Workbench schema, version 6. Pre-charge bail and Right 6 decisions.
-- Copyright 2026 Soteria Workbench developers
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Pre-charge bail (PACE ss.47ZA-47ZM as amended by the Police, Crime, Sentencing and Courts Act
-- 2022): the bail start date is the day after the arrest, the applicable bail period 3 months
-- beginning with it; each extension (inspector to 6 months, superintendent to 9, a court to 12
-- and 18) is recorded with its authority and date. The periods are computed (sot-bail.h), never
-- stored. The victim's views on the bail conditions are sought: victim_views_on records when.
-- Right 6 events gain the decisions of the CPS framework (charge, nfa, oocd, discontinuance).

CREATE TABLE pre_charge_bail (
  id               INTEGER PRIMARY KEY,
  uuid             TEXT NOT NULL UNIQUE,
  investigation_id INTEGER NOT NULL REFERENCES investigation (id) ON DELETE CASCADE,
  suspect_id       INTEGER REFERENCES suspect (id) ON DELETE SET NULL,
  arrested_on      TEXT NOT NULL,
  bailed_on        TEXT NOT NULL,
  victim_views_on  TEXT,
  ended_on         TEXT,
  recorded_at      TEXT NOT NULL,
  CHECK (bailed_on >= arrested_on),
  CHECK (ended_on IS NULL OR ended_on >= bailed_on)
) STRICT;
CREATE INDEX pre_charge_bail_investigation ON pre_charge_bail (investigation_id);

CREATE TABLE pre_charge_bail_extension (
  id               INTEGER PRIMARY KEY,
  uuid             TEXT NOT NULL UNIQUE,
  investigation_id INTEGER NOT NULL REFERENCES investigation (id) ON DELETE CASCADE,
  bail_id          INTEGER NOT NULL REFERENCES pre_charge_bail (id) ON DELETE CASCADE,
  authority        TEXT NOT NULL
                   CHECK ((authority = 'inspector' OR authority = 'superintendent' OR
                           authority = 'court-12' OR authority = 'court-18')),
  authorised_on    TEXT NOT NULL,
  authorised_by    TEXT,
  UNIQUE (bail_id, authority)
) STRICT;
CREATE INDEX pre_charge_bail_extension_bail ON pre_charge_bail_extension (bail_id);

-- SQLite cannot widen a CHECK: the table is rebuilt with the same rows. Nothing refers to it
-- by foreign key (deadline.source_uuid names it by UUID).
CREATE TABLE right6_event_v5 (
  id               INTEGER PRIMARY KEY,
  uuid             TEXT NOT NULL UNIQUE,
  investigation_id INTEGER NOT NULL REFERENCES investigation (id) ON DELETE CASCADE,
  event            TEXT NOT NULL
                   CHECK ((event = 'arrest' OR event = 'interview' OR event = 'released' OR
                           event = 'bail' OR event = 'bail-change' OR event = 'no-investigation' OR
                           event = 'charge' OR event = 'nfa' OR event = 'oocd' OR
                           event = 'discontinuance')),
  occurred_at      TEXT NOT NULL,
  suspect_id       INTEGER REFERENCES suspect (id) ON DELETE SET NULL,
  enhanced         INTEGER NOT NULL CHECK (enhanced IN (0, 1)),
  due_on           TEXT NOT NULL,
  recorded_at      TEXT NOT NULL
) STRICT;
INSERT INTO right6_event_v5 (id, uuid, investigation_id, event, occurred_at, suspect_id, enhanced,
                             due_on, recorded_at)
  SELECT id, uuid, investigation_id, event, occurred_at, suspect_id, enhanced, due_on, recorded_at
  FROM right6_event;
DROP TABLE right6_event;
ALTER TABLE right6_event_v5 RENAME TO right6_event;
CREATE INDEX right6_event_investigation ON right6_event (investigation_id, occurred_at);

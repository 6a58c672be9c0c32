-- Soteria Workbench schema, version 5: the language a victim reads what the police give them.
-- Copyright 2026 Soteria Workbench developers
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- English or Welsh: the victim's recorded choice, used for the digital walkthrough of their
-- case every time it is made.

ALTER TABLE victim ADD COLUMN language TEXT NOT NULL DEFAULT 'en'
  CHECK ((language = 'en' OR language = 'cy'));

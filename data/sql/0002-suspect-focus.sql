-- Soteria Workbench schema, version 2. Suspect focus: suspects' investigative dates, lines of enquiry, checklist proposals, disruption.
-- Copyright 2026 Soteria Workbench developers
-- SPDX-License-Identifier: GPL-3.0-or-later

SELECT 1;

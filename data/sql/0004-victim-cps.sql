-- Soteria Workbench schema, version 4. Victim engagement and CPS joint working.
-- Copyright 2026 Soteria Workbench developers
-- SPDX-License-Identifier: GPL-3.0-or-later

SELECT 1;

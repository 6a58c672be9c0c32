-- Soteria Workbench schema, version 3. Forensics: exhibits, continuity, devices, third-party material.
-- Copyright 2026 Soteria Workbench developers
-- SPDX-License-Identifier: GPL-3.0-or-later

SELECT 1;

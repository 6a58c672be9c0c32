/* sot-entity.h: the names of the kinds of record, as the audit log and change notices spell them
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

/* One constant a kind, so that a write, its audit row, a change notice and the export can
 * never spell the same kind two ways. The values are stored in audit_log.entity_type and must
 * not change. */
#define SOT_ENTITY_WORKSPACE                 "workspace"
#define SOT_ENTITY_INVESTIGATION             "investigation"
#define SOT_ENTITY_VICTIM                    "victim"
#define SOT_ENTITY_SUSPECT                   "suspect"
#define SOT_ENTITY_WITNESS                   "witness"
#define SOT_ENTITY_LINE_OF_ENQUIRY           "line_of_enquiry"
#define SOT_ENTITY_CHECKLIST_PROPOSAL        "checklist_proposal"
#define SOT_ENTITY_DISRUPTION                "disruption"
#define SOT_ENTITY_EXHIBIT                   "exhibit"
#define SOT_ENTITY_EXHIBIT_MOVEMENT          "exhibit_movement"
#define SOT_ENTITY_DEVICE                    "device"
#define SOT_ENTITY_THIRD_PARTY_REQUEST       "third_party_request"
#define SOT_ENTITY_ISVA                      "isva"
#define SOT_ENTITY_RIGHT6_EVENT              "right6_event"
#define SOT_ENTITY_DEADLINE                  "deadline"
#define SOT_ENTITY_VICTIM_CONTACT            "victim_contact"
#define SOT_ENTITY_VICTIM_CONTACT_PREFERENCE "victim_contact_preference"
#define SOT_ENTITY_VICTIM_LETTER             "victim_letter"
#define SOT_ENTITY_CPS_EARLY_ADVICE          "cps_early_advice"
#define SOT_ENTITY_CPS_ADVICE_POINT          "cps_advice_point"
#define SOT_ENTITY_CPS_CHARGING_FILE         "cps_charging_file"
#define SOT_ENTITY_CPS_DECISION              "cps_decision"
#define SOT_ENTITY_CPS_CHARGE                "cps_charge"
#define SOT_ENTITY_CPS_ACTION_ITEM           "cps_action_item"
#define SOT_ENTITY_PRE_CHARGE_BAIL           "pre_charge_bail"
#define SOT_ENTITY_BAIL_EXTENSION            "pre_charge_bail_extension"
#define SOT_ENTITY_DATASET_EXPORT            "dataset_export"

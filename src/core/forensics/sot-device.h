/* sot-device.h: digital devices taken in an investigation, and third-party material requests
 *
 * Copyright 2026 Soteria Workbench developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * See DOMAIN.md §3.4: PCSC Act 2022 s.37 (agreement, with written notice) and s.41, the
 * Digital Processing Notice (DPN-a for victims and witnesses, DPN-c for suspects), the Rape
 * Review ambition that no victim is left without their phone for more than 24 hours, and
 * victim information (third-party material) requests under PCSC Act ss.44A–44E.
 */

#pragma once

#include "sot-store.h"

G_BEGIN_DECLS

#define SOT_DEVICE_OWNER_VICTIM  "victim"
#define SOT_DEVICE_OWNER_WITNESS "witness"
#define SOT_DEVICE_OWNER_SUSPECT "suspect"

#define SOT_LEGAL_BASIS_S37_AGREEMENT "pcsc-s37-agreement"
#define SOT_LEGAL_BASIS_S41           "pcsc-s41"
#define SOT_LEGAL_BASIS_SEIZURE       "seizure-power"
#define SOT_LEGAL_BASIS_OTHER         "other"

#define SOT_DPN_A "dpn-a"   /* devices from victims and witnesses */
#define SOT_DPN_C "dpn-c"   /* devices from suspects */

/* Extraction levels, as stored: how deep the examination went. */
#define SOT_EXTRACTION_NONE        "none"
#define SOT_EXTRACTION_SELECTIVE   "selective"
#define SOT_EXTRACTION_LOGICAL     "logical"
#define SOT_EXTRACTION_FILE_SYSTEM "file-system"
#define SOT_EXTRACTION_PHYSICAL    "physical"
#define SOT_EXTRACTION_OTHER       "other"

/* A victim's device held longer than this is flagged. */
#define SOT_DEVICE_VICTIM_LIMIT_HOURS 24

/* Third-party request outcomes, as stored. */
#define SOT_TPM_PENDING   "pending"
#define SOT_TPM_RECEIVED  "received"
#define SOT_TPM_PARTIAL   "partial"
#define SOT_TPM_REFUSED   "refused"
#define SOT_TPM_WITHDRAWN "withdrawn"

/**
 * SotDeviceDetails:
 * A device to record. Times are ISO 8601 (no zone: UK local time); dates are YYYY-MM-DD.
 * Strings may be %NULL unless noted.
 */
typedef struct {
  const char *uuid;                /* %NULL: a random one */
  const char *owner_role;          /* required: SOT_DEVICE_OWNER_* */
  const char *description;         /* required: "Victim's mobile phone" */
  const char *legal_basis;         /* required: SOT_LEGAL_BASIS_* */
  const char *legal_basis_note;
  const char *written_notice_on;   /* required for an s.37 agreement */
  const char *dpn_variant;         /* SOT_DPN_A for victims and witnesses, SOT_DPN_C for suspects */
  const char *dpn_given_on;
  const char *line_of_enquiry;     /* the reasonable line of enquiry */
  const char *scope_data_types;    /* "messages; photos" */
  const char *scope_from;          /* the date range the examination is limited to */
  const char *scope_until;
  const char *extraction_level;    /* SOT_EXTRACTION_* */
  const char *taken_at;            /* required */
  const char *returned_at;
  gboolean    swap_out_given;      /* a like-for-like phone was given meanwhile */
} SotDeviceDetails;

/* A third-party material request to record. Dates are YYYY-MM-DD. */
typedef struct {
  const char *uuid;
  const char *holder;              /* required: who holds the material */
  const char *material;            /* required: what is sought */
  const char *reason;              /* required: why: the line of enquiry */
  const char *necessity_note;      /* required: why necessary and proportionate */
  gboolean    counselling;         /* counselling records: need substantial probative value */
  const char *probative_value_note;
  gboolean    npcc_form_used;
  const char *requested_on;
  const char *victim_notified_on;
} SotThirdPartyDetails;

/* A device as stored: read-only properties named as its getters ("taken-at"). Times are
 * ISO 8601 UTC, dates YYYY-MM-DD; strings are %NULL when not recorded. */
#define SOT_TYPE_DEVICE (sot_device_get_type ())
G_DECLARE_FINAL_TYPE (SotDevice, sot_device, SOT, DEVICE, GObject)

/* A third-party material request as stored, read-only as a device. */
#define SOT_TYPE_THIRD_PARTY_REQUEST (sot_third_party_request_get_type ())
G_DECLARE_FINAL_TYPE (SotThirdPartyRequest, sot_third_party_request, SOT, THIRD_PARTY_REQUEST,
                      GObject)

gint64                sot_device_get_id                (SotDevice *self);
const char           *sot_device_get_uuid              (SotDevice *self);
gint64                sot_device_get_investigation_id  (SotDevice *self);
/* SOT_DEVICE_OWNER_* */
const char           *sot_device_get_owner_role        (SotDevice *self);
const char           *sot_device_get_description       (SotDevice *self);
/* SOT_LEGAL_BASIS_* and its note */
const char           *sot_device_get_legal_basis       (SotDevice *self);
const char           *sot_device_get_legal_basis_note  (SotDevice *self);
const char           *sot_device_get_written_notice_on (SotDevice *self);
/* SOT_DPN_* and the date it was given */
const char           *sot_device_get_dpn_variant       (SotDevice *self);
const char           *sot_device_get_dpn_given_on      (SotDevice *self);
const char           *sot_device_get_line_of_enquiry   (SotDevice *self);
const char           *sot_device_get_scope_data_types  (SotDevice *self);
const char           *sot_device_get_scope_from        (SotDevice *self);
const char           *sot_device_get_scope_until       (SotDevice *self);
/* SOT_EXTRACTION_* */
const char           *sot_device_get_extraction_level  (SotDevice *self);
const char           *sot_device_get_taken_at          (SotDevice *self);
/* %NULL while the owner is still without it */
const char           *sot_device_get_returned_at       (SotDevice *self);
gboolean              sot_device_get_swap_out_given    (SotDevice *self);

gint64                sot_third_party_request_get_id                 (SotThirdPartyRequest *self);
const char           *sot_third_party_request_get_uuid               (SotThirdPartyRequest *self);
gint64                sot_third_party_request_get_investigation_id   (SotThirdPartyRequest *self);
const char           *sot_third_party_request_get_holder             (SotThirdPartyRequest *self);
const char           *sot_third_party_request_get_material           (SotThirdPartyRequest *self);
const char           *sot_third_party_request_get_reason             (SotThirdPartyRequest *self);
const char           *sot_third_party_request_get_necessity_note     (SotThirdPartyRequest *self);
gboolean              sot_third_party_request_get_counselling        (SotThirdPartyRequest *self);
const char           *sot_third_party_request_get_probative_value_note (SotThirdPartyRequest *self);
gboolean              sot_third_party_request_get_npcc_form_used     (SotThirdPartyRequest *self);
const char           *sot_third_party_request_get_requested_on       (SotThirdPartyRequest *self);
const char           *sot_third_party_request_get_victim_notified_on (SotThirdPartyRequest *self);
/* SOT_TPM_* */
const char           *sot_third_party_request_get_outcome            (SotThirdPartyRequest *self);
const char           *sot_third_party_request_get_outcome_on         (SotThirdPartyRequest *self);
const char           *sot_third_party_request_get_outcome_note       (SotThirdPartyRequest *self);

/**
 * sot_device_add:
 * @out_device: (out) (optional) (transfer full): the device as stored
 *
 * Validates and records a device under @investigation_id with a *collect* audit row. Refused
 * with %SOT_STORE_ERROR_INVALID: an s.37 agreement without its written notice date, a DPN
 * variant that does not fit the owner (DPN-a for victims and witnesses, DPN-c for suspects),
 * a return before the taking, a time in the future, an unknown code.
 */
gboolean              sot_device_add                   (SotStore               *store,
                                                        gint64                  investigation_id,
                                                        const SotDeviceDetails *details,
                                                        SotDevice             **out_device,
                                                        GError                **error);

/* Records that @device went back to its owner at @returned_at, with an *alter* audit row. */
gboolean              sot_device_record_return         (SotStore               *store,
                                                        SotDevice              *device,
                                                        const char             *returned_at,
                                                        GError                **error);

/* Returns: (transfer full): a #GListModel of #SotDevice by time taken, or %NULL with @error. */
GListModel           *sot_device_list                  (SotStore               *store,
                                                        gint64                  investigation_id,
                                                        GError                **error);

/**
 * sot_device_held_for:
 * How long the owner has been (or was) without the device: returned − taken, or @now − taken
 * while it has not been returned.
 */
GTimeSpan             sot_device_held_for              (SotDevice              *device,
                                                        GDateTime              *now);

/**
 * sot_device_is_flagged:
 * Whether @device is a victim's held for more than %SOT_DEVICE_VICTIM_LIMIT_HOURS hours (24 h
 * exactly is not flagged). A swap-out phone does not clear the flag; the UI says it was given.
 */
gboolean              sot_device_is_flagged            (SotDevice              *device,
                                                        GDateTime              *now);

/* Returns: translated labels of the stored codes. */
const char           *sot_device_owner_label           (const char             *owner_role);
const char           *sot_device_legal_basis_label     (const char             *legal_basis);
const char           *sot_device_extraction_label      (const char             *level);
const char           *sot_third_party_outcome_label    (const char             *outcome);

/**
 * sot_third_party_request_add:
 * Validates and records a request with a *collect* audit row. Counselling records need the
 * note on substantial probative value (PCSC Act s.44A as inserted by VPA 2024).
 */
gboolean              sot_third_party_request_add      (SotStore                   *store,
                                                        gint64                      investigation_id,
                                                        const SotThirdPartyDetails *details,
                                                        SotThirdPartyRequest      **out_request,
                                                        GError                    **error);

/* Records the outcome of @request (SOT_TPM_*) on @outcome_on, with an *alter* audit row. */
gboolean              sot_third_party_request_set_outcome (SotStore                   *store,
                                                           SotThirdPartyRequest       *request,
                                                           const char                 *outcome,
                                                           const char                 *outcome_on,
                                                           const char                 *note,
                                                           GError                    **error);

/* Returns: (transfer full): a #GListModel of #SotThirdPartyRequest, oldest first, or %NULL
 * with @error set. */
GListModel           *sot_third_party_request_list     (SotStore                   *store,
                                                        gint64                      investigation_id,
                                                        GError                    **error);

G_END_DECLS

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

/* A device as stored (reference-counted; read the fields). Times are ISO 8601 UTC. */
typedef struct {
  gint64    id;
  char     *uuid;
  gint64    investigation_id;
  char     *owner_role;
  char     *description;
  char     *legal_basis;
  char     *legal_basis_note;
  char     *written_notice_on;
  char     *dpn_variant;
  char     *dpn_given_on;
  char     *line_of_enquiry;
  char     *scope_data_types;
  char     *scope_from;
  char     *scope_until;
  char     *extraction_level;
  char     *taken_at;
  char     *returned_at;
  gboolean  swap_out_given;
} SotDevice;

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

typedef struct {
  gint64    id;
  char     *uuid;
  gint64    investigation_id;
  char     *holder;
  char     *material;
  char     *reason;
  char     *necessity_note;
  gboolean  counselling;
  char     *probative_value_note;
  gboolean  npcc_form_used;
  char     *requested_on;
  char     *victim_notified_on;
  char     *outcome;               /* SOT_TPM_* */
  char     *outcome_on;
  char     *outcome_note;
} SotThirdPartyRequest;

#define SOT_TYPE_DEVICE (sot_device_get_type ())
#define SOT_TYPE_THIRD_PARTY_REQUEST (sot_third_party_request_get_type ())

GType                 sot_device_get_type              (void) G_GNUC_CONST;
GType                 sot_third_party_request_get_type (void) G_GNUC_CONST;

SotDevice            *sot_device_ref                   (SotDevice            *self);
void                  sot_device_unref                 (SotDevice            *self);
SotThirdPartyRequest *sot_third_party_request_ref      (SotThirdPartyRequest *self);
void                  sot_third_party_request_unref    (SotThirdPartyRequest *self);

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
                                                        const SotDevice        *device,
                                                        const char             *returned_at,
                                                        GError                **error);

/* Returns: (transfer full) (element-type SotDevice): the devices by time taken. */
GPtrArray            *sot_device_list                  (SotStore               *store,
                                                        gint64                  investigation_id,
                                                        GError                **error);

/**
 * sot_device_held_for:
 * How long the owner has been (or was) without the device: returned − taken, or @now − taken
 * while it has not been returned.
 */
GTimeSpan             sot_device_held_for              (const SotDevice        *device,
                                                        GDateTime              *now);

/**
 * sot_device_is_flagged:
 * Whether @device is a victim's held for more than %SOT_DEVICE_VICTIM_LIMIT_HOURS hours (24 h
 * exactly is not flagged). A swap-out phone does not clear the flag; the UI says it was given.
 */
gboolean              sot_device_is_flagged            (const SotDevice        *device,
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
                                                           const SotThirdPartyRequest *request,
                                                           const char                 *outcome,
                                                           const char                 *outcome_on,
                                                           const char                 *note,
                                                           GError                    **error);

/* Returns: (transfer full) (element-type SotThirdPartyRequest): the requests, oldest first. */
GPtrArray            *sot_third_party_request_list     (SotStore                   *store,
                                                        gint64                      investigation_id,
                                                        GError                    **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SotDevice, sot_device_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SotThirdPartyRequest, sot_third_party_request_unref)

G_END_DECLS

/**
 * CX-as-Code call table for DID pools, outbound (contact lists, campaigns, DNC lists), quality forms
 * (survey, evaluation), media retention policies and external contacts: the Platform API calls each
 * resource's create, update and delete make, read from terraform-provider-genesyscloud v1.84.1 (commit in
 * src/plan/sources.ts `PROVIDER`), packages `genesyscloud/{telephony_providers_edges_did_pool,
 * outbound_contact_list, outbound_campaign, outbound_dnclist, quality_forms_survey, quality_forms_evaluation,
 * recording_media_retention_policy, external_contacts}`. The read-back every create/update ends with and the
 * GET each delete polls are included; list calls used only by the exporter, data sources or tests are not.
 */
import type { CallCondition, ProviderCall, ProviderTable } from './types.js';

const DID = 'telephony_providers_edges_did_pool/resource_genesyscloud_telephony_providers_edges_did_pool.go';
const DID_P = 'telephony_providers_edges_did_pool/genesyscloud_telephony_providers_edges_did_pool_proxy.go';
const CL = 'outbound_contact_list/resource_genesyscloud_outbound_contact_list.go';
const CL_P = 'outbound_contact_list/genesyscloud_outbound_contact_list_proxy.go';
const CAMP = 'outbound_campaign/resource_genesyscloud_outbound_campaign.go';
const CAMP_P = 'outbound_campaign/genesyscloud_outbound_campaign_proxy.go';
const DNC = 'outbound_dnclist/resource_genesyscloud_outbound_dnclist.go';
const DNC_P = 'outbound_dnclist/genesyscloud_outbound_dnclist_proxy.go';
const SURV = 'quality_forms_survey/resource_genesyscloud_quality_forms_survey.go';
const SURV_P = 'quality_forms_survey/genesyscloud_quality_forms_survey_proxy.go';
const EVAL = 'quality_forms_evaluation/resource_genesyscloud_quality_forms_evaluation.go';
const EVAL_P = 'quality_forms_evaluation/genesyscloud_quality_forms_evaluation_proxy.go';
const MRP = 'recording_media_retention_policy/resource_genesyscloud_recording_media_retention_policy.go';
const MRP_P = 'recording_media_retention_policy/genesyscloud_recording_media_retention_policy_proxy.go';
const EXT = 'external_contacts/resource_genesyscloud_externalcontacts_contact.go';
const EXT_P = 'external_contacts/genesyscloud_externalcontacts_contact_proxy.go';

// --- DID pool ------------------------------------------------------------------------------------

const readDidPool: ProviderCall = {
  call: 'GET /api/v2/telephony/providers/edges/didpools/{didPoolId}',
  purpose: 'read the DID pool back',
  at: `${DID_P}#L128`,
  via: `${DID}#L86`,
};

// --- Outbound contact list -----------------------------------------------------------------------

const CL_GET = 'GET /api/v2/outbound/contactlists/{contactListId}';
const CL_SEARCH = 'POST /api/v2/outbound/contactlists/{contactListId}/contacts/search';
const readContactList: ProviderCall[] = [
  { call: CL_GET, purpose: 'read the contact list back', at: `${CL_P}#L252`, via: `${CL}#L167` },
  {
    call: CL_SEARCH,
    purpose: 'count the contacts on the list (contacts_record_count)',
    at: `${CL_P}#L261`,
    via: `${CL}#L233`,
  },
];
/**
 * The contacts upload (uploadOutboundContactListBulkContacts), run when contacts_filepath is set and the file's
 * content hash differs from contacts_file_content_hash (on update: the hash is planned as unknown, CustomizeDiff
 * ComputedIf); `upload` is that condition.
 */
function contactsUpload(upload: CallCondition, uploadWords: string, clear: boolean): ProviderCall[] {
  const rows: CallCondition = { all: [upload, { server: 'the CSV file holds at least one contact row' }] };
  const rowsWords = `${uploadWords}, and the CSV file holds contact rows`;
  const calls: ProviderCall[] = [
    {
      call: CL_SEARCH,
      purpose: 'count the contacts before the upload (again after a clear, after the import, and to validate)',
      at: `${CL_P}#L261`,
      via: `${CL}#L305`,
      if: upload,
      when: uploadWords,
    },
  ];
  if (clear) {
    calls.push({
      call: 'POST /api/v2/outbound/contactlists/{contactListId}/clear',
      purpose: 'clear the existing contacts before uploading the new file',
      at: `${CL_P}#L317`,
      via: `${CL}#L311`,
      if: { all: [upload, { server: 'the contact list already holds contacts' }] },
      when: `${uploadWords}, and the contact list already holds contacts`,
    });
  }
  calls.push({
    call: 'GET /api/v2/outbound/contactlists/{contactListId}/importstatus',
    purpose: 'poll the import status after uploading the CSV (upload itself: POST apps host /uploads/v2/contactlist)',
    at: `${CL_P}#L383`,
    via: `${CL}#L335`,
    if: rows,
    when: rowsWords,
  });
  return calls;
}

// --- Outbound campaign ---------------------------------------------------------------------------

const CAMP_GET = 'GET /api/v2/outbound/campaigns/{campaignId}';
const CAMP_PUT = 'PUT /api/v2/outbound/campaigns/{campaignId}';
const readCampaign: ProviderCall = {
  call: CAMP_GET,
  purpose: 'read the campaign back (retried while it is stopping)',
  at: `${CAMP_P}#L217`,
  via: `${CAMP}#L106`,
};

// --- Outbound DNC list ---------------------------------------------------------------------------

const DNC_GET = 'GET /api/v2/outbound/dnclists/{dncListId}';
const DNC_RDS: CallCondition = { equals: ['dnc_source_type', 'rds'] };
const readDncList: ProviderCall[] = [
  { call: DNC_GET, purpose: 'read the DNC list back', at: `${DNC_P}#L214`, via: `${DNC}#L213` },
  {
    call: 'POST /api/v2/outbound/dnclists/{dncListId}/export',
    purpose: "start an export of the list's phone numbers (to read entries back)",
    at: `${DNC_P}#L235`,
    via: `${DNC}#L182`,
    if: DNC_RDS,
    when: "if dnc_source_type is 'rds'",
  },
  {
    call: 'GET /api/v2/outbound/dnclists/{dncListId}/export',
    purpose: 'poll for the export URI, then download the CSV from it',
    at: `${DNC_P}#L239`,
    via: `${DNC}#L189`,
    if: DNC_RDS,
    when: "if dnc_source_type is 'rds'",
  },
];

// --- Survey form ---------------------------------------------------------------------------------

const readSurvey: ProviderCall[] = [
  {
    call: 'GET /api/v2/quality/forms/surveys/{formId}',
    purpose: 'read the survey form back',
    at: `${SURV_P}#L170`,
    via: `${SURV}#L141`,
  },
  {
    call: 'GET /api/v2/quality/forms/surveys/{formId}/versions',
    purpose: 'read the form versions to set published',
    at: `${SURV_P}#L234`,
    via: `${SURV}#L172`,
  },
];
const SURVEY_PUBLISH: ProviderCall = {
  call: 'POST /api/v2/quality/publishedforms/surveys',
  purpose: 'publish the survey form',
  at: `${SURV_P}#L220`,
  via: `${SURV}#L123`,
  if: { equals: ['published', true] },
  when: 'if published is true',
};

// --- Evaluation form -----------------------------------------------------------------------------

const EVAL_GET = 'GET /api/v2/quality/forms/evaluations/{formId}';
const EVAL_VERSIONS = 'GET /api/v2/quality/forms/evaluations/{formId}/versions';
const readEvaluation: ProviderCall[] = [
  { call: EVAL_GET, purpose: 'read the evaluation form back', at: `${EVAL_P}#L245`, via: `${EVAL}#L110` },
  {
    call: 'GET /api/v2/quality/forms/evaluations/bulk/contexts',
    purpose: 'read the latest published version of the form (published_id)',
    at: `${EVAL_P}#L286`,
    via: `${EVAL}#L119`,
  },
];

// --- Media retention policy ----------------------------------------------------------------------

/** Where policy actions sit: top-level `actions`, and `actions` of each media policy. */
const MEDIA_ACTIONS = ['call_policy', 'chat_policy', 'email_policy', 'message_policy'].map(
  (p) => `media_policies.${p}.actions`,
);
const EVAL_ASSIGNMENTS = [
  'assign_evaluations',
  'assign_metered_evaluations',
  'assign_metered_assignment_by_agent',
  'assign_calibrations',
];
function evalFormSet(prefixes: string[]): CallCondition {
  return { any: prefixes.flatMap((p) => EVAL_ASSIGNMENTS.map((a) => ({ set: `${p}.${a}.evaluation_form_id` }))) };
}
function surveySet(prefixes: string[]): CallCondition {
  return { any: prefixes.map((p) => ({ set: `${p}.assign_surveys.survey_form_name` })) };
}
const EVAL_IN_MEDIA = evalFormSet(MEDIA_ACTIONS);
const EVAL_IN_ACTIONS = evalFormSet(['actions']);
const EVAL_MEDIA_WORDS = 'if an assignment under media_policies.*.actions names an evaluation_form_id';
const EVAL_ACTIONS_WORDS = 'if an assignment under actions names an evaluation_form_id';
/** Lookups made while building the request body (buildMediaPolicies, then buildPolicyActionsFromResource). */
function policyLookups(mediaVia: string, actionsVia: string): ProviderCall[] {
  return [
    {
      call: EVAL_GET,
      purpose: "read each assigned evaluation form's context id (media policies)",
      at: `${MRP_P}#L250`,
      via: `${MRP}#${mediaVia}`,
      if: EVAL_IN_MEDIA,
      when: EVAL_MEDIA_WORDS,
      org: true,
    },
    {
      call: 'GET /api/v2/quality/forms/surveys',
      purpose: 'find each assigned survey form by name (media policies)',
      at: `${MRP_P}#L279`,
      via: `${MRP}#${mediaVia}`,
      if: surveySet(MEDIA_ACTIONS),
      when: 'if an assign_surveys under media_policies.*.actions names a survey_form_name',
      org: true,
    },
    {
      call: EVAL_GET,
      purpose: "read each assigned evaluation form's context id (actions)",
      at: `${MRP_P}#L250`,
      via: `${MRP}#${actionsVia}`,
      if: EVAL_IN_ACTIONS,
      when: EVAL_ACTIONS_WORDS,
      org: true,
    },
    {
      call: 'GET /api/v2/quality/forms/surveys',
      purpose: 'find each assigned survey form by name (actions)',
      at: `${MRP_P}#L279`,
      via: `${MRP}#${actionsVia}`,
      if: surveySet(['actions']),
      when: 'if an assign_surveys under actions names a survey_form_name',
      org: true,
    },
  ];
}
const readPolicy: ProviderCall[] = [
  {
    call: 'GET /api/v2/recording/mediaretentionpolicies/{policyId}',
    purpose: 'read the policy back',
    at: `${MRP_P}#L191`,
    via: `${MRP}#L119`,
  },
  {
    call: EVAL_VERSIONS,
    purpose: 'read the latest version id of each assigned evaluation form (media policies)',
    at: `${MRP_P}#L262`,
    via: `${MRP}#L134`,
    if: EVAL_IN_MEDIA,
    when: EVAL_MEDIA_WORDS,
    org: true,
  },
  {
    call: EVAL_VERSIONS,
    purpose: 'read the latest version id of each assigned evaluation form (actions)',
    at: `${MRP_P}#L262`,
    via: `${MRP}#L142`,
    if: EVAL_IN_ACTIONS,
    when: EVAL_ACTIONS_WORDS,
    org: true,
  },
];

// --- External contact ----------------------------------------------------------------------------

const readExternalContact: ProviderCall = {
  call: 'GET /api/v2/externalcontacts/contacts/{contactId}',
  purpose: 'read the external contact back',
  at: `${EXT_P}#L190`,
  via: `${EXT}#L126`,
};

/** The table. */
export const TELEPHONY_OUTBOUND: ProviderTable = {
  genesyscloud_telephony_providers_edges_did_pool: {
    file: DID,
    create: [
      {
        call: 'POST /api/v2/telephony/providers/edges/didpools',
        purpose: 'create the DID pool',
        at: `${DID_P}#L116`,
        via: `${DID}#L66`,
      },
      readDidPool,
    ],
    update: [
      {
        call: 'PUT /api/v2/telephony/providers/edges/didpools/{didPoolId}',
        purpose: 'update the DID pool',
        at: `${DID_P}#L140`,
        via: `${DID}#L131`,
      },
      readDidPool,
    ],
    delete: [
      {
        call: 'DELETE /api/v2/telephony/providers/edges/didpools/{didPoolId}',
        purpose: 'delete the DID pool (retried on 409 while a number is assigned)',
        at: `${DID_P}#L152`,
        via: `${DID}#L149`,
      },
      {
        call: 'GET /api/v2/telephony/providers/edges/didpools/{didPoolId}',
        purpose: "poll until the pool is gone or in state 'deleted'",
        at: `${DID_P}#L128`,
        via: `${DID}#L160`,
      },
    ],
  },

  genesyscloud_outbound_contact_list: {
    file: CL,
    create: [
      {
        call: 'POST /api/v2/outbound/contactlists',
        purpose: 'create the contact list',
        at: `${CL_P}#L179`,
        via: `${CL}#L79`,
      },
      ...contactsUpload({ set: 'contacts_filepath' }, 'if contacts_filepath is set', false),
      ...readContactList,
    ],
    update: [
      {
        call: CL_GET,
        purpose: "read the list's current version",
        at: `${CL_P}#L273`,
        via: `${CL}#L137`,
      },
      {
        call: 'PUT /api/v2/outbound/contactlists/{contactListId}',
        purpose: 'update the contact list (retried on version mismatch)',
        at: `${CL_P}#L279`,
        via: `${CL}#L137`,
      },
      ...contactsUpload(
        { all: [{ set: 'contacts_filepath' }, { changed: 'contacts_file_content_hash' }] },
        "if contacts_filepath is set and the file's content hash changed",
        true,
      ),
      ...readContactList,
    ],
    delete: [
      {
        call: 'DELETE /api/v2/outbound/contactlists/{contactListId}',
        purpose: 'delete the contact list (retried on 400)',
        at: `${CL_P}#L287`,
        via: `${CL}#L251`,
      },
      { call: CL_GET, purpose: 'poll until the contact list is gone', at: `${CL_P}#L252`, via: `${CL}#L262` },
    ],
    notes:
      'The contacts file is uploaded by a multipart POST to the apps host (`https://apps.<region>/uploads/v2/' +
      'contactlist`, proxy L296-L310, bearer token), not a /api/v2 operation, so it is not listed; it is made ' +
      'whenever the import-status poll is. On create the clear (POST .../clear) is never reached: the new list ' +
      'holds no contacts. contacts/search is repeated after a clear, inside the import poll (L357) and to ' +
      'validate the count (L393); the list GET reads a cache filled only by the exporter.',
  },

  genesyscloud_outbound_campaign: {
    file: CAMP,
    create: [
      {
        call: 'POST /api/v2/outbound/campaigns',
        purpose: 'create the campaign',
        at: `${CAMP_P}#L144`,
        via: `${CAMP}#L77`,
      },
      {
        call: CAMP_GET,
        purpose: "read the campaign's version before switching it on",
        at: `${CAMP_P}#L217`,
        via: `${CAMP}#L87`,
        if: { equals: ['campaign_status', 'on'] },
        when: "if campaign_status is 'on'",
      },
      {
        call: CAMP_PUT,
        purpose: "switch the campaign on (campaign_status 'on')",
        at: `${CAMP_P}#L239`,
        via: `${CAMP}#L87`,
        if: { equals: ['campaign_status', 'on'] },
        when: "if campaign_status is 'on'",
      },
      readCampaign,
    ],
    update: [
      {
        call: CAMP_GET,
        purpose: "read the campaign's version and current status",
        at: `${CAMP_P}#L217`,
        via: `${CAMP}#L188`,
      },
      {
        call: CAMP_PUT,
        purpose: 'update the campaign (status kept as on the server)',
        at: `${CAMP_P}#L239`,
        via: `${CAMP}#L188`,
      },
      {
        call: CAMP_GET,
        purpose: "read the campaign's version again before changing its status",
        at: `${CAMP_P}#L217`,
        via: `${CAMP}#L194`,
        if: { any: [{ equals: ['campaign_status', 'on'] }, { changed: 'campaign_status' }] },
        when: "if campaign_status is 'on' (re-sent on every update) or changes (on → off)",
      },
      {
        call: CAMP_PUT,
        purpose: 'set the campaign status',
        at: `${CAMP_P}#L239`,
        via: `${CAMP}#L194`,
        if: { any: [{ equals: ['campaign_status', 'on'] }, { changed: 'campaign_status' }] },
        when: "if campaign_status is 'on' (re-sent on every update) or changes (on → off)",
      },
      readCampaign,
    ],
    delete: [
      {
        call: CAMP_GET,
        purpose: "read the campaign's status before deleting it",
        at: `${CAMP_P}#L217`,
        via: `${CAMP}#L208`,
      },
      {
        call: CAMP_PUT,
        purpose: 'switch the campaign off before deleting it',
        at: `${CAMP_P}#L239`,
        via: `${CAMP}#L219`,
        if: { equals: ['campaign_status', 'on'] },
        when: "if the campaign is on (campaign_status 'on' in state; the code tests the live status)",
      },
      {
        call: CAMP_GET,
        purpose: 'read the campaign (and its version) and poll until it is off',
        at: `${CAMP_P}#L217`,
        via: `${CAMP}#L219`,
        if: { equals: ['campaign_status', 'on'] },
        when: "if the campaign is on (campaign_status 'on' in state; the code tests the live status)",
      },
      {
        call: 'DELETE /api/v2/outbound/campaigns/{campaignId}',
        purpose: 'delete the campaign',
        at: `${CAMP_P}#L251`,
        via: `${CAMP}#L227`,
      },
      { call: CAMP_GET, purpose: 'poll until the campaign is gone', at: `${CAMP_P}#L217`, via: `${CAMP}#L235` },
    ],
    notes:
      'Status changes go through updateOutboundCampaignStatus (outbound_campaign/' +
      'resource_genesyscloud_outbound_campaign_utils.go#L101-L116): a PUT only when the new status is on, or ' +
      'when on → off. On delete the turn-off is decided by the status read from the server at delete time ' +
      '(a campaign rule or schedule may have switched it on since the plan).',
  },

  genesyscloud_outbound_dnclist: {
    file: DNC,
    create: [
      {
        call: 'POST /api/v2/outbound/dnclists',
        purpose: 'create the DNC list',
        at: `${DNC_P}#L134`,
        via: `${DNC}#L83`,
      },
      {
        call: 'POST /api/v2/outbound/dnclists/{dncListId}/phonenumbers',
        purpose: 'add the phone numbers of each entry',
        at: `${DNC_P}#L189`,
        via: `${DNC}#L93`,
        if: { all: [{ set: 'entries' }, DNC_RDS] },
        when: "if entries is set and dnc_source_type is 'rds'",
      },
      ...readDncList,
    ],
    update: [
      { call: DNC_GET, purpose: "read the list's current version", at: `${DNC_P}#L214`, via: `${DNC}#L145` },
      {
        call: 'PUT /api/v2/outbound/dnclists/{dncListId}',
        purpose: 'update the DNC list (retried on version mismatch)',
        at: `${DNC_P}#L175`,
        via: `${DNC}#L150`,
      },
      {
        call: 'DELETE /api/v2/outbound/dnclists/{dncListId}/phonenumbers',
        purpose: 'remove all phone numbers before re-adding the entries',
        at: `${DNC_P}#L200`,
        via: `${DNC}#L159`,
        if: { all: [{ changed: 'entries' }, DNC_RDS] },
        when: "if entries changes (dnc_source_type 'rds'; other types fail)",
      },
      {
        call: 'POST /api/v2/outbound/dnclists/{dncListId}/phonenumbers',
        purpose: 'add the phone numbers of each entry',
        at: `${DNC_P}#L189`,
        via: `${DNC}#L165`,
        if: { all: [{ changed: 'entries' }, { set: 'entries' }, DNC_RDS] },
        when: "if entries changes and is not empty (dnc_source_type 'rds')",
      },
      ...readDncList,
    ],
    delete: [
      {
        call: 'DELETE /api/v2/outbound/dnclists/{dncListId}/phonenumbers',
        purpose: 'remove all phone numbers before deleting the list',
        at: `${DNC_P}#L200`,
        via: `${DNC}#L275`,
        if: DNC_RDS,
        when: "if dnc_source_type is 'rds'",
      },
      {
        call: 'DELETE /api/v2/outbound/dnclists/{dncListId}',
        purpose: 'delete the DNC list (retried on 400)',
        at: `${DNC_P}#L207`,
        via: `${DNC}#L281`,
      },
      { call: DNC_GET, purpose: 'poll until the DNC list is gone', at: `${DNC_P}#L214`, via: `${DNC}#L292` },
    ],
    notes:
      "The read-back's export and download follow the dnc_source_type the server returns (same as configured: " +
      'ForceNew). The export CSV is downloaded from the returned URI with the bearer token ' +
      '(files.DownloadAndReadCSVFromURI), not a /api/v2 operation.',
  },

  genesyscloud_quality_forms_survey: {
    file: SURV,
    create: [
      {
        call: 'POST /api/v2/quality/forms/surveys',
        purpose: 'create the survey form',
        at: `${SURV_P}#L125`,
        via: `${SURV}#L100`,
      },
      SURVEY_PUBLISH,
      ...readSurvey,
    ],
    update: [
      {
        call: 'GET /api/v2/quality/forms/surveys/{formId}/versions',
        purpose: 'find the latest unpublished version of the form',
        at: `${SURV}#L214`,
      },
      {
        call: 'PUT /api/v2/quality/forms/surveys/{formId}',
        purpose: 'update the latest unpublished version (retried on version mismatch)',
        at: `${SURV_P}#L198`,
        via: `${SURV}#L239`,
      },
      { ...SURVEY_PUBLISH, purpose: 'publish the survey form (on every update while published)', via: `${SURV}#L257` },
      {
        call: 'PATCH /api/v2/quality/forms/surveys/{formId}',
        purpose: 'disable the survey form',
        at: `${SURV_P}#L245`,
        via: `${SURV}#L268`,
        if: { equals: ['disabled', true] },
        when: 'if disabled is true',
      },
      ...readSurvey,
    ],
    delete: [
      {
        call: 'GET /api/v2/quality/forms/surveys/{formId}/versions',
        purpose: 'find the latest unpublished version of the form',
        at: `${SURV_P}#L234`,
        via: `${SURV}#L293`,
      },
      {
        call: 'DELETE /api/v2/quality/forms/surveys/{formId}',
        purpose: 'delete the survey form',
        at: `${SURV_P}#L209`,
        via: `${SURV}#L316`,
      },
      {
        call: 'GET /api/v2/quality/forms/surveys/{formId}',
        purpose: 'poll until the survey form is gone',
        at: `${SURV_P}#L170`,
        via: `${SURV}#L321`,
      },
    ],
    notes:
      'disabled is sent in the create body; on update it is only PATCHed when true (setting it back to false ' +
      'makes no call).',
  },

  genesyscloud_quality_forms_evaluation: {
    file: EVAL,
    create: [
      {
        call: 'POST /api/v2/quality/forms/evaluations',
        purpose: 'create the evaluation form',
        at: `${EVAL_P}#L174`,
        via: `${EVAL}#L68`,
      },
      {
        call: EVAL_GET,
        purpose: 'check whether the form is already published',
        at: `${EVAL_P}#L146`,
        via: `${EVAL}#L83`,
        if: { equals: ['published', true] },
        when: 'if published is true',
      },
      {
        call: 'POST /api/v2/quality/publishedforms/evaluations',
        purpose: 'publish the evaluation form',
        at: `${EVAL_P}#L157`,
        via: `${EVAL}#L83`,
        if: { equals: ['published', true] },
        when: 'if published is true',
      },
      ...readEvaluation,
    ],
    update: [
      {
        call: EVAL_VERSIONS,
        purpose: 'find the latest unpublished version (an error is only logged)',
        at: `${EVAL_P}#L303`,
        via: `${EVAL}#L161`,
      },
      {
        call: EVAL_GET,
        purpose: 'read the form before updating it',
        at: `${EVAL_P}#L245`,
        via: `${EVAL}#L180`,
        if: { any: [{ changed: 'name' }, { changed: 'question_groups' }] },
        when: 'if anything but published changes',
      },
      {
        call: 'PUT /api/v2/quality/forms/evaluations/{formId}',
        purpose: 'update the evaluation form',
        at: `${EVAL_P}#L262`,
        via: `${EVAL}#L180`,
        if: { any: [{ changed: 'name' }, { changed: 'question_groups' }] },
        when: 'if anything but published changes',
      },
      {
        call: EVAL_GET,
        purpose: 'check whether the form is already published',
        at: `${EVAL_P}#L146`,
        via: `${EVAL}#L193`,
        if: { all: [{ changed: 'published' }, { equals: ['published', true] }] },
        when: 'if published changes to true',
      },
      {
        call: 'POST /api/v2/quality/publishedforms/evaluations',
        purpose: 'publish the evaluation form (skipped if that version is already published)',
        at: `${EVAL_P}#L157`,
        via: `${EVAL}#L193`,
        if: { all: [{ changed: 'published' }, { equals: ['published', true] }] },
        when: 'if published changes to true',
      },
      ...readEvaluation,
    ],
    delete: [
      {
        call: EVAL_VERSIONS,
        purpose: 'find the latest unpublished version to delete (an error is only logged)',
        at: `${EVAL_P}#L303`,
        via: `${EVAL}#L218`,
      },
      {
        call: 'DELETE /api/v2/quality/forms/evaluations/{formId}',
        purpose: 'delete the evaluation form',
        at: `${EVAL_P}#L274`,
        via: `${EVAL}#L226`,
      },
      { call: EVAL_GET, purpose: 'poll until the evaluation form is gone', at: `${EVAL_P}#L245`, via: `${EVAL}#L232` },
    ],
    notes:
      'The versions GET on update and delete tolerates failure (falls back to the id in state). Setting published ' +
      'back to false makes no call (the id is switched to the unpublished version).',
  },

  genesyscloud_recording_media_retention_policy: {
    file: MRP,
    create: [
      ...policyLookups('L71', 'L78'),
      {
        call: 'POST /api/v2/recording/mediaretentionpolicies',
        purpose: 'create the policy',
        at: `${MRP_P}#L179`,
        via: `${MRP}#L97`,
      },
      ...readPolicy,
    ],
    update: [
      ...policyLookups('L162', 'L168'),
      {
        call: 'PUT /api/v2/recording/mediaretentionpolicies/{policyId}',
        purpose: 'update the policy',
        at: `${MRP_P}#L226`,
        via: `${MRP}#L188`,
      },
      ...readPolicy,
    ],
    delete: [
      {
        call: 'DELETE /api/v2/recording/mediaretentionpolicies/{policyId}',
        purpose: 'delete the policy',
        at: `${MRP_P}#L238`,
        via: `${MRP}#L205`,
      },
      {
        call: 'GET /api/v2/recording/mediaretentionpolicies/{policyId}',
        purpose: 'poll until the policy is gone',
        at: `${MRP_P}#L191`,
        via: `${MRP}#L211`,
      },
    ],
    notes:
      'The evaluation-form and survey lookups are in recording_media_retention_policy/' +
      'resource_genesyscloud_recording_media_retention_policy_utils.go (build* L43, L196, L282, L364, L457; ' +
      'flatten* L71, L230, L316, L407), one call per assignment. The read-back reads versions of the forms the ' +
      'server returns in the policy (those configured).',
  },

  genesyscloud_externalcontacts_contact: {
    file: EXT,
    create: [
      {
        call: 'POST /api/v2/externalcontacts/contacts',
        purpose: 'create the external contact',
        at: `${EXT_P}#L169`,
        via: `${EXT}#L102`,
      },
      readExternalContact,
    ],
    update: [
      {
        call: 'PUT /api/v2/externalcontacts/contacts/{contactId}',
        purpose: 'update the external contact',
        at: `${EXT_P}#L226`,
        via: `${EXT}#L170`,
      },
      readExternalContact,
    ],
    delete: [
      {
        call: 'DELETE /api/v2/externalcontacts/contacts/{contactId}',
        purpose: 'delete the external contact',
        at: `${EXT_P}#L177`,
        via: `${EXT}#L185`,
      },
      {
        call: 'GET /api/v2/externalcontacts/contacts/{contactId}',
        purpose: 'poll until the external contact is gone',
        at: `${EXT_P}#L190`,
        via: `${EXT}#L191`,
      },
    ],
  },
};

/**
 * CX-as-Code call table for the Architect family (data tables and rows, IVRs, schedules, schedule groups,
 * emergency groups, user prompts, flow outcomes and milestones): the Platform API calls each resource's
 * create, update and delete make, read from terraform-provider-genesyscloud v1.84.1 (commit in
 * src/plan/sources.ts `PROVIDER`), packages `genesyscloud/architect_*` and `genesyscloud/flow_{outcome,milestone}`.
 * The read-back every create/update ends with and the GET each delete polls until 404 are included;
 * list calls used only by the exporter or data sources are not.
 */
import type { ProviderTable } from './types.js';

const DT = 'architect_datatable/resource_genesyscloud_architect_datatable';
const ROW = 'architect_datatable_row/resource_genesyscloud_architect_datatable_row';
const ROW_UTILS = 'architect_datatable_row/genesyscloud_architect_datatable_row_utils.go';
const IVR = 'architect_ivr/resource_genesyscloud_architect_ivr.go';
const IVR_P = 'architect_ivr/genesyscloud_architect_ivr_proxy.go';
const SCH = 'architect_schedules/resource_genesyscloud_architect_schedules.go';
const SCH_P = 'architect_schedules/genesyscloud_architect_schedules_proxy.go';
const SG = 'architect_schedulegroups/resource_genesyscloud_architect_schedulegroups.go';
const SG_P = 'architect_schedulegroups/genesyscloud_architect_schedulegroups_proxy.go';
const EG = 'architect_emergencygroup/resource_genesyscloud_architect_emergencygroup.go';
const EG_P = 'architect_emergencygroup/genesyscloud_architect_emergencygroup_proxy.go';
const UP = 'architect_user_prompt/resource_genesyscloud_architect_user_prompt.go';
const UP_P = 'architect_user_prompt/genesyscloud_architect_user_prompt_proxy.go';
const FO = 'flow_outcome/resource_genesyscloud_flow_outcome.go';
const FO_P = 'flow_outcome/genesyscloud_flow_outcome_proxy.go';
const FM = 'flow_milestone/resource_genesyscloud_flow_milestone.go';
const FM_P = 'flow_milestone/genesyscloud_flow_milestone_proxy.go';

/** Read-backs shared by create and update. */
const readDatatable = {
  call: 'GET /api/v2/flows/datatables/{datatableId}',
  purpose: 'read the data table back (expand=schema)',
  at: `${DT}_proxy.go#L93`,
  via: `${DT}.go#L112`,
};
const rowParentSchema = {
  call: 'GET /api/v2/flows/datatables/{datatableId}',
  purpose: "read the parent data table's schema for property defaults (CustomizeDiff, at plan and apply)",
  at: `${ROW}_proxy.go#L154`,
  via: `${ROW_UTILS}#L128`,
  org: true as const,
};
const readRow = {
  call: 'GET /api/v2/flows/datatables/{datatableId}/rows/{rowId}',
  purpose: 'read the row back',
  at: `${ROW}_proxy.go#L209`,
  via: `${ROW}.go#L117`,
};
const readIvr = {
  call: 'GET /api/v2/architect/ivrs/{ivrId}',
  purpose: 'read the IVR back',
  at: `${IVR_P}#L143`,
  via: `${IVR}#L83`,
};
const readSchedule = {
  call: 'GET /api/v2/architect/schedules/{scheduleId}',
  purpose: 'read the schedule back',
  at: `${SCH_P}#L204`,
  via: `${SCH}#L112`,
};
const readScheduleGroup = {
  call: 'GET /api/v2/architect/schedulegroups/{scheduleGroupId}',
  purpose: 'read the schedule group back',
  at: `${SG_P}#L165`,
  via: `${SG}#L76`,
};
const readEmergencyGroup = {
  call: 'GET /api/v2/architect/emergencygroups/{emergencyGroupId}',
  purpose: 'read the emergency group back',
  at: `${EG_P}#L119`,
  via: `${EG}#L86`,
};
const readPrompt = {
  call: 'GET /api/v2/architect/prompts/{promptId}',
  purpose: 'read the prompt and its resources back',
  at: `${UP_P}#L173`,
  via: `${UP}#L102`,
};
const readOutcome = {
  call: 'GET /api/v2/flows/outcomes/{flowOutcomeId}',
  purpose: 'read the flow outcome back',
  at: `${FO_P}#L159`,
  via: `${FO}#L84`,
};
const readMilestone = {
  call: 'GET /api/v2/flows/milestones/{milestoneId}',
  purpose: 'read the milestone back',
  at: `${FM_P}#L172`,
  via: `${FM}#L71`,
};

/** What the Architect resources' create/update/delete call, per `genesyscloud_*` type. */
export const ARCHITECT: ProviderTable = {
  genesyscloud_architect_datatable: {
    file: `${DT}.go`,
    create: [
      {
        call: 'POST /api/v2/flows/datatables',
        purpose: 'create the data table (raw request; division_id in the body)',
        at: `${DT}_proxy.go#L77-L84`,
        via: `${DT}.go#L93`,
      },
      readDatatable,
    ],
    update: [
      {
        call: 'PUT /api/v2/flows/datatables/{datatableId}',
        purpose: 'update the data table, schema and division (raw request)',
        at: `${DT}_proxy.go#L77-L84`,
        via: `${DT}.go#L171`,
      },
      readDatatable,
    ],
    delete: [
      {
        call: 'DELETE /api/v2/flows/datatables/{datatableId}',
        purpose: 'delete the data table (force=true, rows too)',
        at: `${DT}_proxy.go#L100`,
        via: `${DT}.go#L187`,
      },
      {
        call: 'GET /api/v2/flows/datatables/{datatableId}',
        purpose: 'poll until the data table is gone (404)',
        at: `${DT}_proxy.go#L93`,
        via: `${DT}.go#L194`,
      },
    ],
    notes:
      'Create and update send the table through the custom API client (customapi.Do), not the SDK method; ' +
      'a division change travels in the PUT body, there is no separate division move.',
  },

  genesyscloud_architect_datatable_row: {
    file: `${ROW}.go`,
    create: [
      rowParentSchema,
      {
        call: 'POST /api/v2/flows/datatables/{datatableId}/rows',
        purpose: 'add the row',
        at: `${ROW}_proxy.go#L216`,
        via: `${ROW}.go#L93`,
      },
      readRow,
    ],
    update: [
      rowParentSchema,
      {
        call: 'PUT /api/v2/flows/datatables/{datatableId}/rows/{rowId}',
        purpose: 'update the row ({rowId} = key_value)',
        at: `${ROW}_proxy.go#L223`,
        via: `${ROW}.go#L157`,
      },
      readRow,
    ],
    delete: [
      {
        call: 'DELETE /api/v2/flows/datatables/{datatableId}/rows/{rowId}',
        purpose: 'delete the row (a 404 counts as done)',
        at: `${ROW}_proxy.go#L230`,
        via: `${ROW}.go#L176`,
      },
      {
        call: 'GET /api/v2/flows/datatables/{datatableId}/rows/{rowId}',
        purpose: 'poll until the row is gone (404)',
        at: `${ROW}_proxy.go#L209`,
        via: `${ROW}.go#L187`,
      },
    ],
    notes:
      "The parent table's GET comes from CustomizeDiff (customizeDatatableRowDiff), so it runs whenever the " +
      'row is planned for create or update (skipped only while datatable_id is unknown, then made at apply); ' +
      'it is cached per provider process. If DELETE answers 404 (table already gone) no poll follows.',
  },

  genesyscloud_architect_ivr: {
    file: IVR,
    create: [
      {
        call: 'POST /api/v2/architect/ivrs',
        purpose: 'create the IVR with the first 50 DNIS numbers (retried on 400)',
        at: `${IVR_P}#L155`,
        via: `${IVR}#L57`,
      },
      {
        call: 'PUT /api/v2/architect/ivrs/{ivrId}',
        purpose: 'add the remaining DNIS numbers, 50 per PUT',
        at: `${IVR_P}#L162`,
        via: `${IVR}#L57`,
        if: { set: 'dnis' },
        when: 'if dnis holds more than 50 numbers',
      },
      readIvr,
    ],
    update: [
      {
        call: 'GET /api/v2/architect/ivrs/{ivrId}',
        purpose: "read the IVR's current version",
        at: `${IVR_P}#L143`,
        via: `${IVR}#L125`,
      },
      {
        call: 'GET /api/v2/architect/ivrs/{ivrId}',
        purpose: 're-read the IVR in the chunked upload (current DNIS list, copy kept for rollback)',
        at: `${IVR_P}#L143`,
        via: `${IVR}#L139`,
      },
      {
        call: 'PUT /api/v2/architect/ivrs/{ivrId}',
        purpose: 'update the IVR (retried on version mismatch)',
        at: `${IVR_P}#L162`,
        via: `${IVR}#L139`,
      },
      {
        call: 'PUT /api/v2/architect/ivrs/{ivrId}',
        purpose: 'add the remaining new DNIS numbers, 50 per PUT',
        at: `${IVR_P}#L162`,
        via: `${IVR}#L139`,
        if: { changed: 'dnis' },
        when: 'if more than 50 DNIS numbers are added',
      },
      readIvr,
    ],
    delete: [
      {
        call: 'DELETE /api/v2/architect/ivrs/{ivrId}',
        purpose: 'delete the IVR',
        at: `${IVR_P}#L168`,
        via: `${IVR}#L164`,
      },
      {
        call: 'GET /api/v2/architect/ivrs/{ivrId}',
        purpose: 'poll until the IVR is gone (404 or state deleted)',
        at: `${IVR_P}#L143`,
        via: `${IVR}#L170`,
      },
    ],
    notes:
      'The extra DNIS PUTs depend on a count (more than maxDnisPerRequest = 50 numbers, new ones on update), ' +
      'which the conditions cannot test; they are kept whenever dnis is set/changed. On a failed chunk PUT ' +
      'the provider deletes the new IVR (create, DELETE /api/v2/architect/ivrs/{ivrId}) or PUTs the saved ' +
      'copy back (update): error paths, not listed. The proxy reaches the SDK as `a.api`, not `architectApi`.',
  },

  genesyscloud_architect_schedules: {
    file: SCH,
    create: [
      {
        call: 'POST /api/v2/architect/schedules',
        purpose: 'create the schedule',
        at: `${SCH_P}#L128`,
        via: `${SCH}#L88`,
      },
      readSchedule,
    ],
    update: [
      {
        call: 'GET /api/v2/architect/schedules/{scheduleId}',
        purpose: "read the schedule's current version",
        at: `${SCH_P}#L204`,
        via: `${SCH}#L177`,
      },
      {
        call: 'GET /api/v2/architect/schedules/{scheduleId}',
        purpose: 'read the version again inside the proxy update',
        at: `${SCH_P}#L204`,
        via: `${SCH}#L184`,
      },
      {
        call: 'PUT /api/v2/architect/schedules/{scheduleId}',
        purpose: 'update the schedule (retried on version mismatch)',
        at: `${SCH_P}#L221`,
        via: `${SCH}#L184`,
      },
      readSchedule,
    ],
    delete: [
      {
        call: 'DELETE /api/v2/architect/schedules/{scheduleId}',
        purpose: 'delete the schedule (retried on 409 while a schedule group uses it)',
        at: `${SCH_P}#L233`,
        via: `${SCH}#L220`,
      },
      {
        call: 'GET /api/v2/architect/schedules/{scheduleId}',
        purpose: 'poll until the schedule is gone (404 or state deleted)',
        at: `${SCH_P}#L204`,
        via: `${SCH}#L232`,
      },
    ],
    notes:
      'The by-id GET first checks a per-process cache filled only by the list call (exporter or data source ' +
      'lookups), so some GETs may be skipped. The provider hints that routing:schedule:add failures need all ' +
      'divisions selected in the OAuth client role.',
  },

  genesyscloud_architect_schedulegroups: {
    file: SG,
    create: [
      {
        call: 'POST /api/v2/architect/schedulegroups',
        purpose: 'create the schedule group',
        at: `${SG_P}#L101`,
        via: `${SG}#L52`,
      },
      readScheduleGroup,
    ],
    update: [
      {
        call: 'GET /api/v2/architect/schedulegroups/{scheduleGroupId}',
        purpose: "read the schedule group's current version",
        at: `${SG_P}#L165`,
        via: `${SG}#L120`,
      },
      {
        call: 'PUT /api/v2/architect/schedulegroups/{scheduleGroupId}',
        purpose: 'update the schedule group',
        at: `${SG_P}#L182`,
        via: `${SG}#L120`,
      },
      readScheduleGroup,
    ],
    delete: [
      {
        call: 'DELETE /api/v2/architect/schedulegroups/{scheduleGroupId}',
        purpose: 'delete the schedule group (retried on 409)',
        at: `${SG_P}#L194`,
        via: `${SG}#L143`,
      },
      {
        call: 'GET /api/v2/architect/schedulegroups/{scheduleGroupId}',
        purpose: 'poll until the schedule group is gone (404 or state deleted)',
        at: `${SG_P}#L165`,
        via: `${SG}#L154`,
      },
    ],
    notes: 'The open/closed/holiday schedule ids are sent as references in the body; no schedule is read.',
  },

  genesyscloud_architect_emergencygroup: {
    file: EG,
    create: [
      {
        call: 'POST /api/v2/architect/emergencygroups',
        purpose: 'create the emergency group',
        at: `${EG_P}#L150`,
        via: `${EG}#L67`,
      },
      readEmergencyGroup,
    ],
    update: [
      {
        call: 'GET /api/v2/architect/emergencygroups/{emergencyGroupId}',
        purpose: "read the emergency group's current version and state",
        at: `${EG_P}#L119`,
        via: `${EG}#L127`,
      },
      {
        call: 'PUT /api/v2/architect/emergencygroups/{emergencyGroupId}',
        purpose: 'update the emergency group (retried on version mismatch)',
        at: `${EG_P}#L136`,
        via: `${EG}#L143`,
      },
      readEmergencyGroup,
    ],
    delete: [
      {
        call: 'DELETE /api/v2/architect/emergencygroups/{emergencyGroupId}',
        purpose: 'delete the emergency group',
        at: `${EG_P}#L143`,
        via: `${EG}#L163`,
      },
      {
        call: 'GET /api/v2/architect/emergencygroups/{emergencyGroupId}',
        purpose: 'poll until the emergency group is gone (404 or state deleted)',
        at: `${EG_P}#L119`,
        via: `${EG}#L168`,
      },
    ],
  },

  genesyscloud_architect_user_prompt: {
    file: UP,
    create: [
      {
        call: 'POST /api/v2/architect/prompts',
        purpose: 'create the prompt',
        at: `${UP_P}#L163`,
        via: `${UP}#L67`,
      },
      {
        call: 'POST /api/v2/architect/prompts/{promptId}/resources',
        purpose: 'add one prompt resource per language (then upload its file, if any)',
        at: `${UP_P}#L288`,
        via: `${UP}#L73`,
        if: { set: 'resources' },
        when: 'if resources is set (one call per language)',
      },
      {
        call: 'GET /api/v2/architect/prompts/{promptId}',
        purpose: 'poll until the uploaded files are transcoded (errors only logged)',
        at: `${UP_P}#L173`,
        via: `${UP}#L73`,
      },
      readPrompt,
    ],
    update: [
      {
        call: 'PUT /api/v2/architect/prompts/{promptId}',
        purpose: 'update the prompt name and description',
        at: `${UP_P}#L180`,
        via: `${UP}#L127`,
      },
      {
        call: 'GET /api/v2/architect/prompts/{promptId}',
        purpose: "read the prompt's existing resources (languages)",
        at: `${UP_P}#L173`,
        via: `${UP}#L133`,
      },
      {
        call: 'POST /api/v2/architect/prompts/{promptId}/resources',
        purpose: 'add a resource for each language the prompt lacks (then upload its file, if any)',
        at: `${UP_P}#L288`,
        via: `${UP}#L133`,
        if: { changed: 'resources' },
        when: 'if resources adds a language',
      },
      {
        call: 'PUT /api/v2/architect/prompts/{promptId}/resources/{languageCode}',
        purpose: 'rewrite each resource whose language the prompt already has (then upload its file, if any)',
        at: `${UP_P}#L295`,
        via: `${UP}#L133`,
        if: { set: 'resources' },
        when: 'if resources is set (every update, one call per existing language)',
      },
      {
        call: 'DELETE /api/v2/architect/prompts/{promptId}/resources/{languageCode}',
        purpose: 'remove the resources of languages no longer configured',
        at: `${UP_P}#L302`,
        via: `${UP}#L133`,
        if: { changed: 'resources' },
        when: 'if resources drops a language',
      },
      {
        call: 'GET /api/v2/architect/prompts/{promptId}',
        purpose: 'poll until the uploaded files are transcoded (errors only logged)',
        at: `${UP_P}#L173`,
        via: `${UP}#L133`,
      },
      readPrompt,
    ],
    delete: [
      {
        call: 'DELETE /api/v2/architect/prompts/{promptId}',
        purpose: 'delete the prompt with all its resources (allResources=true)',
        at: `${UP_P}#L187`,
        via: `${UP}#L153`,
      },
      {
        call: 'GET /api/v2/architect/prompts/{promptId}',
        purpose: 'poll until the prompt is gone (404)',
        at: `${UP_P}#L173`,
        via: `${UP}#L157`,
      },
    ],
    notes:
      'Audio files (resources.filename) are POSTed as multipart to the uploadUri the resource call returns ' +
      '(uploadPromptFileFn, proxy L598-L634), with the access token; that host path is not a /api/v2 ' +
      'operation. Which resources are POSTed vs PUT on update depends on the languages the prompt holds on ' +
      'the server (read first); a single resources block with an empty language counts as none. If adding ' +
      'resources fails on create, the provider deletes the new prompt (error path, not listed).',
  },

  genesyscloud_flow_outcome: {
    file: FO,
    create: [
      {
        call: 'GET /api/v2/flows/outcomes',
        purpose: 'look for an existing flow outcome with the same name',
        at: `${FO_P}#L136`,
        via: `${FO}#L52`,
        org: true,
      },
      {
        call: 'PUT /api/v2/flows/outcomes/{flowOutcomeId}',
        purpose: 'adopt and update the existing flow outcome',
        at: `${FO_P}#L171`,
        via: `${FO}#L55`,
        if: { server: 'a flow outcome with this name already exists' },
        when: 'if a flow outcome with this name already exists',
      },
      {
        call: 'POST /api/v2/flows/outcomes',
        purpose: 'create the flow outcome',
        at: `${FO_P}#L93`,
        via: `${FO}#L65`,
        if: { server: 'no flow outcome with this name exists' },
        when: 'if no flow outcome with this name exists',
      },
      readOutcome,
    ],
    update: [
      {
        call: 'PUT /api/v2/flows/outcomes/{flowOutcomeId}',
        purpose: 'update the flow outcome',
        at: `${FO_P}#L171`,
        via: `${FO}#L117`,
      },
      readOutcome,
    ],
    delete: [],
    notes:
      'Delete makes no API call (deleteFlowOutcome returns nil): the outcome stays in the org and is only ' +
      'dropped from state. A failing name lookup other than "not found" aborts the create.',
  },

  genesyscloud_flow_milestone: {
    file: FM,
    create: [
      {
        call: 'POST /api/v2/flows/milestones',
        purpose: 'create the milestone',
        at: `${FM_P}#L101`,
        via: `${FM}#L52`,
      },
      readMilestone,
    ],
    update: [
      {
        call: 'PUT /api/v2/flows/milestones/{milestoneId}',
        purpose: 'update the milestone',
        at: `${FM_P}#L184`,
        via: `${FM}#L96`,
      },
      readMilestone,
    ],
    delete: [
      {
        call: 'DELETE /api/v2/flows/milestones/{milestoneId}',
        purpose: 'delete the milestone',
        at: `${FM_P}#L196`,
        via: `${FM}#L110`,
      },
      {
        call: 'GET /api/v2/flows/milestones/{milestoneId}',
        purpose: 'poll until the milestone is gone (404, up to 180 s)',
        at: `${FM_P}#L172`,
        via: `${FM}#L116`,
      },
    ],
  },
};

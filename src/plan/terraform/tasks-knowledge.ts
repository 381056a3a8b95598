/**
 * CX-as-Code call table for task management (workbins, worktypes, worktype statuses and status
 * transitions, on-attribute-change flow rules, workitem schemas) and knowledge (knowledge bases,
 * documents, document variations): the Platform API calls each resource's create, update and delete
 * make in terraform-provider-genesyscloud v1.84.1 (commit f955430e6bd4c0b56708d3abc06fb25a1e9031b7),
 * read from the Go code under `genesyscloud/task_management_*` and `genesyscloud/knowledge_*`.
 */
import type { ProviderTable } from './types.js';

const WB = 'task_management_workbin/genesyscloud_task_management_workbin_proxy.go';
const WBR = 'task_management_workbin/resource_genesyscloud_task_management_workbin.go';
const WT = 'task_management_worktype/genesyscloud_task_management_worktype_proxy.go';
const WTR = 'task_management_worktype/resource_genesyscloud_task_management_worktype.go';
const ST = 'task_management_worktype_status/genesyscloud_task_management_worktype_status_proxy.go';
const STR = 'task_management_worktype_status/resource_genesyscloud_task_management_worktype_status.go';
const TRD = 'task_management_worktype_status_transition';
const TR = `${TRD}/genesyscloud_task_management_worktype_status_transition_proxy.go`;
const TRR = `${TRD}/resource_genesyscloud_task_management_worktype_status_transition.go`;
const OAD = 'task_management_worktype_flow_onattributechange_rule';
const OA = `${OAD}/genesyscloud_task_management_onattributechange_rule_proxy.go`;
const OAR = `${OAD}/resource_genesyscloud_task_management_onattributechange_rule.go`;
const WS = 'task_management_workitem_schema/genesyscloud_task_management_workitem_schema_proxy.go';
const WSR = 'task_management_workitem_schema/resource_genesyscloud_task_management_workitem_schema.go';
const KB = 'knowledge_knowledgebase/genesyscloud_knowledge_knowledgebase_proxy.go';
const KBR = 'knowledge_knowledgebase/resource_genesyscloud_knowledge_knowledgebase.go';
const KD = 'knowledge_document/genesyscloud_knowledge_document_proxy.go';
const KDR = 'knowledge_document/resource_genesyscloud_knowledge_document.go';
const KV = 'knowledge_document_variation/genesyscloud_knowledge_document_variation_proxy.go';
const KVR = 'knowledge_document_variation/resource_genesyscloud_knowledge_document_variation.go';

const WORKBIN = '/api/v2/taskmanagement/workbins/{workbinId}';
const WORKTYPE = '/api/v2/taskmanagement/worktypes/{worktypeId}';
const STATUS = '/api/v2/taskmanagement/worktypes/{worktypeId}/statuses/{statusId}';
const OA_RULES = '/api/v2/taskmanagement/worktypes/{worktypeId}/flows/onattributechange/rules';
const SCHEMA = '/api/v2/taskmanagement/workitems/schemas/{schemaId}';
const KBASE = '/api/v2/knowledge/knowledgebases/{knowledgeBaseId}';
const DOC = `${KBASE}/documents/{documentId}`;
const VARIATION = `${DOC}/variations/{documentVariationId}`;
const BUILD = '/api/v2/architect/dependencytracking/build';
const BOT_IN_USE =
  'the delete fails with "in use by Bot flow status unknown" (dependency rebuild, then one more delete)';

export const TASKS_KNOWLEDGE: ProviderTable = {
  genesyscloud_task_management_workbin: {
    file: WBR,
    create: [
      {
        call: 'POST /api/v2/taskmanagement/workbins',
        purpose: 'create the workbin (in division_id)',
        at: `${WB}#L104`,
        via: `${WBR}#L58`,
      },
      { call: `GET ${WORKBIN}`, purpose: 'read the workbin back', at: `${WB}#L169`, via: `${WBR}#L77` },
    ],
    update: [
      { call: `PATCH ${WORKBIN}`, purpose: 'update name and description', at: `${WB}#L177`, via: `${WBR}#L105` },
      { call: `GET ${WORKBIN}`, purpose: 'read the workbin back', at: `${WB}#L169`, via: `${WBR}#L77` },
    ],
    delete: [
      { call: `DELETE ${WORKBIN}`, purpose: 'delete the workbin', at: `${WB}#L189`, via: `${WBR}#L119` },
      { call: `GET ${WORKBIN}`, purpose: 'poll until the workbin is gone (404)', at: `${WB}#L169`, via: `${WBR}#L125` },
    ],
    notes: 'division_id is ForceNew: a division change is a delete + create, no division move call.',
  },

  genesyscloud_task_management_worktype: {
    file: WTR,
    // The update does not send the division: a changed division_id makes no call (resource file, updateWorktype).
    divisionChange: 'none',
    create: [
      {
        call: 'POST /api/v2/taskmanagement/worktypes',
        purpose: 'create the worktype (retried on 409)',
        at: `${WT}#L113`,
        via: `${WTR}#L55`,
      },
      { call: `GET ${WORKTYPE}`, purpose: 'read the worktype back', at: `${WT}#L224`, via: `${WTR}#L81` },
    ],
    update: [
      {
        call: `PATCH ${WORKTYPE}`,
        purpose: 'update the worktype (changed fields only; retried on 409)',
        at: `${WT}#L232`,
        via: `${WTR}#L147`,
      },
      { call: `GET ${WORKTYPE}`, purpose: 'read the worktype back', at: `${WT}#L224`, via: `${WTR}#L81` },
    ],
    delete: [
      { call: `DELETE ${WORKTYPE}`, purpose: 'delete the worktype', at: `${WT}#L240`, via: `${WTR}#L166` },
      {
        call: `GET ${WORKTYPE}`,
        purpose: 'poll until the worktype is gone (404)',
        at: `${WT}#L224`,
        via: `${WTR}#L172`,
      },
    ],
    notes:
      'The create body names a workbin, queue, skills, language, script and schema by id; the provider makes no call ' +
      'on them (whether the API checks the caller can see them is not in the code). division_id is neither ForceNew ' +
      'nor sent by the update (utils getWorktypeupdateFromResourceData): a division change makes no call.',
  },

  genesyscloud_task_management_worktype_status: {
    file: STR,
    create: [
      {
        call: 'POST /api/v2/taskmanagement/worktypes/{worktypeId}/statuses',
        purpose: 'create the status (retried on 409 / cancelled transaction)',
        at: `${ST}#L111`,
        via: `${STR}#L107`,
      },
      {
        call: `PATCH ${WORKTYPE}`,
        purpose: "make the status the worktype's default status (updateWorktypeDefaultStatus, util L53)",
        at: `${WT}#L232`,
        via: `${STR}#L130`,
        if: { set: 'default' },
        when: 'if default is true',
        org: true,
      },
      { call: `GET ${STATUS}`, purpose: 'read the status back', at: `${ST}#L149`, via: `${STR}#L150` },
      {
        call: `GET ${WORKTYPE}`,
        purpose: 'read the parent worktype (is this status its default?)',
        at: `${WT}#L224`,
        via: `${STR}#L179`,
        org: true,
      },
    ],
    update: [
      {
        call: `PATCH ${STATUS}`,
        purpose: 'update the status (retried on 409 / cancelled transaction)',
        at: `${ST}#L155`,
        via: `${STR}#L238`,
      },
      {
        call: `PATCH ${WORKTYPE}`,
        purpose: "make the status the worktype's default status (updateWorktypeDefaultStatus, util L53)",
        at: `${WT}#L232`,
        via: `${STR}#L260`,
        if: { set: 'default' },
        when: 'if default is true (on every update, not only when it changes)',
        org: true,
      },
      { call: `GET ${STATUS}`, purpose: 'read the status back', at: `${ST}#L149`, via: `${STR}#L150` },
      {
        call: `GET ${WORKTYPE}`,
        purpose: 'read the parent worktype (is this status its default?)',
        at: `${WT}#L224`,
        via: `${STR}#L179`,
        org: true,
      },
    ],
    delete: [
      {
        call: `GET ${STATUS}`,
        purpose: 'check the status still exists (404: done)',
        at: `${ST}#L149`,
        via: `${STR}#L277`,
      },
      {
        call: `DELETE ${STATUS}`,
        purpose: 'delete the status (retried on 409 / cancelled transaction)',
        at: `${ST}#L161`,
        via: `${STR}#L294`,
        if: { all: [{ not: { set: 'default' } }, { server: 'the status still exists' }] },
        when: 'unless default is true (a default status is left in place) and if the status still exists',
      },
      {
        call: `GET ${STATUS}`,
        purpose: 'poll until the status is gone (404)',
        at: `${ST}#L149`,
        via: `${STR}#L313`,
        if: { all: [{ not: { set: 'default' } }, { server: 'the status still exists' }] },
        when: 'unless default is true and if the status still exists',
      },
    ],
    notes:
      'Worktype GET/PATCH go through the worktype package proxy (proxy.worktypeProxy). The delete of a default ' +
      'status makes no DELETE: the status stays in the org.',
  },

  genesyscloud_task_management_worktype_status_transition: {
    file: TRR,
    create: [
      {
        call: `GET ${STATUS}`,
        purpose: 'read the existing status (name, description)',
        at: `${TR}#L135`,
        via: `${TRR}#L90`,
      },
      {
        call: `PATCH ${STATUS}`,
        purpose: "set the status's destination statuses and auto-transition (retried on 409 / cancelled transaction)",
        at: `${TR}#L140`,
        via: `${TRR}#L131`,
      },
      { call: `GET ${STATUS}`, purpose: 'read the status transitions back', at: `${TR}#L135`, via: `${TRR}#L165` },
    ],
    update: [
      {
        call: `GET ${STATUS}`,
        purpose: 'read the existing status (name, description)',
        at: `${TR}#L135`,
        via: `${TRR}#L90`,
      },
      {
        call: `PATCH ${STATUS}`,
        purpose: "set the status's destination statuses and auto-transition (retried on 409 / cancelled transaction)",
        at: `${TR}#L140`,
        via: `${TRR}#L131`,
      },
      { call: `GET ${STATUS}`, purpose: 'read the status transitions back', at: `${TR}#L135`, via: `${TRR}#L165` },
    ],
    delete: [
      {
        call: `GET ${STATUS}`,
        purpose: 'read the status (404: nothing to undo)',
        at: `${TR}#L135`,
        via: `${TRR}#L219`,
      },
      {
        call: `PATCH ${STATUS}`,
        purpose: 'remove the managed destination statuses and default destination (raw request, custom client)',
        at: `${TR}#L159-L160`,
        via: `${TRR}#L268`,
        if: { server: 'the status still exists' },
        when: 'if the status still exists',
      },
    ],
    notes:
      'The resource never creates or deletes a status: create, update and delete all PATCH the existing status named ' +
      'by status_id. The delete PATCH is a raw request through custom_api_client (same credentials).',
  },

  genesyscloud_task_management_worktype_flow_onattributechange_rule: {
    file: OAR,
    create: [
      { call: `POST ${OA_RULES}`, purpose: 'create the rule', at: `${OA}#L108`, via: `${OAR}#L67` },
      { call: `GET ${OA_RULES}/{ruleId}`, purpose: 'read the rule back', at: `${OA}#L186`, via: `${OAR}#L88` },
    ],
    update: [
      { call: `PATCH ${OA_RULES}/{ruleId}`, purpose: 'update the rule', at: `${OA}#L194`, via: `${OAR}#L114` },
      { call: `GET ${OA_RULES}/{ruleId}`, purpose: 'read the rule back', at: `${OA}#L186`, via: `${OAR}#L88` },
    ],
    delete: [
      { call: `DELETE ${OA_RULES}/{ruleId}`, purpose: 'delete the rule', at: `${OA}#L202`, via: `${OAR}#L131` },
      {
        call: `GET ${OA_RULES}/{ruleId}`,
        purpose: 'poll until the rule is gone (404)',
        at: `${OA}#L186`,
        via: `${OAR}#L137`,
      },
    ],
  },

  genesyscloud_task_management_workitem_schema: {
    file: WSR,
    create: [
      {
        call: 'POST /api/v2/taskmanagement/workitems/schemas',
        purpose: 'create the schema',
        at: `${WS}#L117`,
        via: `${WSR}#L58`,
      },
      {
        call: `PUT ${SCHEMA}`,
        purpose: 'disable the new schema (version 1)',
        at: `${WS}#L177`,
        via: `${WSR}#L69`,
        if: { equals: ['enabled', false] },
        when: 'if enabled is false',
      },
      { call: `GET ${SCHEMA}`, purpose: 'read the schema back', at: `${WS}#L171`, via: `${WSR}#L89` },
    ],
    update: [
      { call: `GET ${SCHEMA}`, purpose: "read the schema's current version", at: `${WS}#L171`, via: `${WSR}#L124` },
      { call: `PUT ${SCHEMA}`, purpose: 'replace the schema', at: `${WS}#L177`, via: `${WSR}#L135` },
      { call: `GET ${SCHEMA}`, purpose: 'read the schema back', at: `${WS}#L171`, via: `${WSR}#L89` },
    ],
    delete: [
      { call: `DELETE ${SCHEMA}`, purpose: 'delete the schema', at: `${WS}#L187`, via: `${WSR}#L149` },
      {
        call: `GET ${SCHEMA}`,
        purpose: 'poll until the schema reads deleted (raw request, custom client)',
        at: `${WS}#L198`,
        via: `${WSR}#L155`,
      },
    ],
  },

  genesyscloud_knowledge_knowledgebase: {
    file: KBR,
    create: [
      {
        call: 'POST /api/v2/knowledge/knowledgebases',
        purpose: 'create the knowledge base',
        at: `${KB}#L132`,
        via: `${KBR}#L65`,
      },
      { call: `GET ${KBASE}`, purpose: 'read the knowledge base back', at: `${KB}#L125`, via: `${KBR}#L84` },
    ],
    update: [
      {
        call: `GET ${KBASE}`,
        purpose: 'read the knowledge base before the patch',
        at: `${KB}#L125`,
        via: `${KBR}#L111`,
      },
      {
        call: `PATCH ${KBASE}`,
        purpose: 'update name and description (retried on version mismatch)',
        at: `${KB}#L139`,
        via: `${KBR}#L122`,
      },
      { call: `GET ${KBASE}`, purpose: 'read the knowledge base back', at: `${KB}#L125`, via: `${KBR}#L84` },
    ],
    delete: [
      { call: `DELETE ${KBASE}`, purpose: 'delete the knowledge base', at: `${KB}#L146`, via: `${KBR}#L184` },
      {
        call: `POST ${BUILD}`,
        purpose: 'rebuild Architect dependency tracking (rebuildDatabase)',
        at: `${KBR}#L141`,
        via: `${KBR}#L187`,
        if: { server: BOT_IN_USE },
        when: `if ${BOT_IN_USE}`,
        org: true,
      },
      {
        call: `GET ${BUILD}`,
        purpose: 'poll the dependency tracking build status',
        at: `${KBR}#L153`,
        via: `${KBR}#L187`,
        if: { server: BOT_IN_USE },
        when: `if ${BOT_IN_USE}`,
        org: true,
      },
      {
        call: `GET ${KBASE}`,
        purpose: 'poll until the knowledge base is gone (404)',
        at: `${KB}#L125`,
        via: `${KBR}#L202`,
      },
    ],
    notes:
      'rebuildDatabase uses platformclientv2.NewArchitectApi() (the default SDK configuration, which the provider ' +
      'initialises with its own credentials), not the resource client.',
  },

  genesyscloud_knowledge_document: {
    file: KDR,
    create: [
      {
        call: `GET ${KBASE}/categories`,
        purpose: 'look up the category id by name (buildKnowledgeDocumentCategoryId, utils L103)',
        at: `${KD}#L155`,
        via: `${KDR}#L79`,
        if: { set: 'knowledge_document.category_name' },
        when: 'if knowledge_document.category_name is set',
        org: true,
      },
      {
        call: `GET ${KBASE}/labels`,
        purpose: 'look up each label id by name (buildKnowledgeDocumentLabelIds, utils L120)',
        at: `${KD}#L163`,
        via: `${KDR}#L79`,
        if: { set: 'knowledge_document.label_names' },
        when: 'if knowledge_document.label_names is set (one call per label)',
        org: true,
      },
      { call: `POST ${KBASE}/documents`, purpose: 'create the document (draft)', at: `${KD}#L508`, via: `${KDR}#L88` },
      {
        call: `GET ${DOC}/variations`,
        purpose: "read the document's Draft and Published variations to pick the state to read (fetchPublished)",
        at: `${KD}#L378`,
        via: `${KDR}#L117`,
        if: { set: 'published' },
        when: 'if published is true (the read then asks for the state instead of Draft)',
      },
      { call: `GET ${DOC}`, purpose: 'read the document back', at: `${KD}#L197`, via: `${KDR}#L117` },
      {
        call: `GET ${KBASE}/categories/{categoryId}`,
        purpose: "read the document's category name (flattenKnowledgeDocument, utils L220)",
        at: `${KD}#L147`,
        via: `${KDR}#L139`,
        if: { set: 'knowledge_document.category_name' },
        when: 'if the document has a category (category_name set and found)',
        org: true,
      },
      {
        call: `GET ${KBASE}/labels/{labelId}`,
        purpose: "read each of the document's label names (flattenKnowledgeDocument, utils L232)",
        at: `${KD}#L175`,
        via: `${KDR}#L139`,
        if: { set: 'knowledge_document.label_names' },
        when: 'if the document has labels (label_names set and found; one call per label)',
        org: true,
      },
    ],
    update: [
      {
        call: `GET ${KBASE}/categories`,
        purpose: 'look up the category id by name (buildKnowledgeDocumentCategoryId, utils L103)',
        at: `${KD}#L155`,
        via: `${KDR}#L166`,
        if: { set: 'knowledge_document.category_name' },
        when: 'if knowledge_document.category_name is set',
        org: true,
      },
      {
        call: `GET ${KBASE}/labels`,
        purpose: 'look up each label id by name (buildKnowledgeDocumentLabelIds, utils L120)',
        at: `${KD}#L163`,
        via: `${KDR}#L166`,
        if: { set: 'knowledge_document.label_names' },
        when: 'if knowledge_document.label_names is set (one call per label)',
        org: true,
      },
      {
        call: `PATCH ${DOC}`,
        purpose: 'update the document (retried on version mismatch)',
        at: `${KD}#L533`,
        via: `${KDR}#L172`,
      },
      { call: `GET ${DOC}`, purpose: 'read the document back (Draft state)', at: `${KD}#L197`, via: `${KDR}#L117` },
      {
        call: `GET ${KBASE}/categories/{categoryId}`,
        purpose: "read the document's category name (flattenKnowledgeDocument, utils L220)",
        at: `${KD}#L147`,
        via: `${KDR}#L139`,
        if: { any: [{ set: 'knowledge_document.category_name' }, { changed: 'knowledge_document.category_name' }] },
        when: 'if the document has a category (category_name set now, or before: the patch does not clear it)',
        org: true,
      },
      {
        call: `GET ${KBASE}/labels/{labelId}`,
        purpose: "read each of the document's label names (flattenKnowledgeDocument, utils L232)",
        at: `${KD}#L175`,
        via: `${KDR}#L139`,
        if: { any: [{ set: 'knowledge_document.label_names' }, { changed: 'knowledge_document.label_names' }] },
        when: 'if the document has labels (label_names set now, or before: the patch does not clear them)',
        org: true,
      },
    ],
    delete: [
      { call: `DELETE ${DOC}`, purpose: 'delete the document', at: `${KD}#L522`, via: `${KDR}#L203` },
      {
        call: `POST ${BUILD}`,
        purpose: 'rebuild Architect dependency tracking (rebuildDatabase)',
        at: `${KDR}#L240`,
        via: `${KDR}#L206`,
        if: { server: BOT_IN_USE },
        when: `if ${BOT_IN_USE}`,
        org: true,
      },
      {
        call: `GET ${BUILD}`,
        purpose: 'poll the dependency tracking build status',
        at: `${KDR}#L252`,
        via: `${KDR}#L206`,
        if: { server: BOT_IN_USE },
        when: `if ${BOT_IN_USE}`,
        org: true,
      },
      {
        call: `GET ${DOC}/variations`,
        purpose: "poll: read the document's variations to pick the state (fetchPublished; 404 tolerated)",
        at: `${KD}#L378`,
        via: `${KDR}#L221`,
      },
      { call: `GET ${DOC}`, purpose: 'poll until the document is gone (404)', at: `${KD}#L197`, via: `${KDR}#L221` },
    ],
    notes:
      'Category and label lookups take only the first match of a name search (pageSize 1); a name not found sends no ' +
      'id and then the read makes no category/label GET. The read-back after create asks for Draft unless published ' +
      'is true; published is deprecated, Optional+Computed, and the create never publishes (the versions POST of the ' +
      'proxy is used by no create/update/delete). The update sets published=false before its read-back.',
  },

  genesyscloud_knowledge_document_variation: {
    file: KVR,
    create: [
      { call: `POST ${DOC}/variations`, purpose: 'create the variation (draft)', at: `${KV}#L173`, via: `${KVR}#L136` },
      {
        call: `POST ${DOC}/versions`,
        purpose: 'publish the document (new document version)',
        at: `${KV}#L298`,
        via: `${KVR}#L142`,
        if: { set: 'published' },
        when: 'if published is true',
        org: true,
      },
      {
        call: `GET ${VARIATION}`,
        purpose: 'read the variation back (Published and/or Draft state)',
        at: `${KV}#L230`,
        via: `${KVR}#L182`,
      },
    ],
    update: [
      {
        call: `GET ${VARIATION}`,
        purpose: 'read the Draft variation before the patch',
        at: `${KV}#L230`,
        via: `${KVR}#L238`,
      },
      {
        call: `PATCH ${VARIATION}`,
        purpose: 'update the variation (retried on version mismatch)',
        at: `${KV}#L278`,
        via: `${KVR}#L248`,
      },
      {
        call: `POST ${DOC}/versions`,
        purpose: 'publish the document (new document version)',
        at: `${KV}#L298`,
        via: `${KVR}#L253`,
        if: { set: 'published' },
        when: 'if published is true (on every update, not only when it changes)',
        org: true,
      },
      {
        call: `GET ${VARIATION}`,
        purpose: 'read the variation back (Published and/or Draft state)',
        at: `${KV}#L230`,
        via: `${KVR}#L182`,
      },
    ],
    delete: [
      { call: `DELETE ${VARIATION}`, purpose: 'delete the (draft) variation', at: `${KV}#L286`, via: `${KVR}#L286` },
      {
        call: `POST ${BUILD}`,
        purpose: 'rebuild Architect dependency tracking (rebuildDatabase)',
        at: `${KVR}#L342`,
        via: `${KVR}#L289`,
        if: { server: BOT_IN_USE },
        when: `if ${BOT_IN_USE}`,
        org: true,
      },
      {
        call: `GET ${BUILD}`,
        purpose: 'poll the dependency tracking build status',
        at: `${KVR}#L354`,
        via: `${KVR}#L289`,
        if: { server: BOT_IN_USE },
        when: `if ${BOT_IN_USE}`,
        org: true,
      },
      {
        call: `GET ${DOC}/variations`,
        purpose: "list the document's remaining Draft variations",
        at: `${KV}#L190`,
        via: `${KVR}#L310`,
        if: { set: 'published' },
        when: 'if published is true',
      },
      {
        call: `POST ${DOC}/versions`,
        purpose: 'republish the document without the variation',
        at: `${KV}#L298`,
        via: `${KVR}#L316`,
        if: { all: [{ set: 'published' }, { server: 'the document has other draft variations' }] },
        when: 'if published is true and the document has other draft variations',
        org: true,
      },
      {
        call: `GET ${VARIATION}`,
        purpose: 'poll until the Draft variation is gone (404)',
        at: `${KV}#L230`,
        via: `${KVR}#L325`,
      },
    ],
    notes:
      'The read-back asks for state Published when published is true, else (GetOk of false) reads Published (up to 3 ' +
      'tries on 404) then Draft: the same GET either way. Variation GETs answer from the proxy cache when it holds ' +
      'the variation (filled by the variations list, e.g. in the delete of a published variation).',
  },
};

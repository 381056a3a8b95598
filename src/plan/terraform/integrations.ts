/**
 * CX-as-Code call table for the integrations family: integrations, their data actions, credentials
 * and custom-auth actions, Process Automation triggers and web deployments (configurations and
 * deployments), read from terraform-provider-genesyscloud v1.84.1 (commit f955430e6bd4…, packages
 * genesyscloud/integration*, process_automation_trigger, webdeployments_*).
 *
 * `genesyscloud_widget_deployment` has no entry: the provider removed the resource in v1.60.0
 * ("removed widget resource (#1654)", release commit e865a3662), so v1.84.1 has no code for it and
 * rejects the type at plan time.
 */
import type { CallCondition, ProviderTable } from './types.js';

const INT_P = 'integration/genesyscloud_integration_proxy.go';
const INT_R = 'integration/resource_genesyscloud_integration.go';
const INT_U = 'integration/resource_genesyscloud_integration_utils.go';
const ACT_P = 'integration_action/genesyscloud_integration_action_proxy.go';
const ACT_R = 'integration_action/resource_genesyscloud_integration_action.go';
const CRED_P = 'integration_credential/genesyscloud_integration_credential_proxy.go';
const CRED_R = 'integration_credential/resource_genesyscloud_integration_credential.go';
const CAA_P = 'integration_custom_auth_action/genesyscloud_integration_custom_auth_action_proxy.go';
const CAA_R = 'integration_custom_auth_action/resource_genesyscloud_integration_custom_auth_action.go';
const CAA_U = 'integration_custom_auth_action/resource_genesyscloud_integration_custom_auth_action_utils.go';
const PAT_P = 'process_automation_trigger/process_automation_triggers_proxy.go';
const PAT_R = 'process_automation_trigger/resource_genesyscloud_processautomation_trigger.go';
const WDC_P = 'webdeployments_configuration/genesyscloud_webdeployments_configuration_proxy.go';
const WDC_R = 'webdeployments_configuration/resource_genesyscloud_webdeployments_configuration.go';
const WDD_P = 'webdeployments_deployment/genesyscloud_webdeployments_deployment_proxy.go';
const WDD_R = 'webdeployments_deployment/resource_genesyscloud_webdeployments_deployment.go';

/**
 * The provider treats an action as a function data action when `category` *contains* "function data
 * action" (case-insensitive, `_` and `-` read as spaces; containsFunctionDataAction,
 * resource_genesyscloud_integration_action.go#L190-L195). A condition can only test equality, so
 * the exact spellings are tested and, for the function path, `function_config` too (a function
 * create without function_config.file_path fails before any call, #L361-L364).
 */
const FDA_CATEGORY: CallCondition = {
  any: [
    { equals: ['category', 'function data action'] },
    { equals: ['category', 'function_data_action'] },
    { equals: ['category', 'function-data-action'] },
  ],
};
const FDA: CallCondition = { any: [FDA_CATEGORY, { set: 'function_config' }] };
const FDA_WHEN = 'if the action is a function data action (category "function data action", or function_config set)';
const NOT_FDA: CallCondition = { not: FDA_CATEGORY };
const NOT_FDA_WHEN = 'unless category is "function data action" (a plain data action)';

/** The integrations family's table. */
export const INTEGRATIONS: ProviderTable = {
  genesyscloud_integration: {
    file: INT_R,
    create: [
      {
        call: 'POST /api/v2/integrations',
        purpose: 'create the integration (type only)',
        at: `${INT_P}#L158`,
        via: `${INT_R}#L77`,
      },
      {
        call: 'GET /api/v2/integrations/{integrationId}/config/current',
        purpose: 'read the current config to merge into',
        at: `${INT_P}#L241`,
        via: `${INT_U}#L95`,
        if: { set: 'config' },
        when: 'if config is set',
      },
      {
        call: 'GET /api/v2/integrations/{integrationId}/config/current',
        purpose: 'read the config version before the PUT',
        at: `${INT_P}#L241`,
        via: `${INT_U}#L136`,
        if: { set: 'config' },
        when: 'if config is set',
      },
      {
        call: 'PUT /api/v2/integrations/{integrationId}/config/current',
        purpose: 'write the integration config',
        at: `${INT_P}#L253`,
        via: `${INT_U}#L141`,
        if: { set: 'config' },
        when: 'if config is set',
      },
      {
        call: 'PATCH /api/v2/integrations/{integrationId}',
        purpose: 'set intended_state',
        at: `${INT_P}#L217`,
        via: `${INT_R}#L93`,
      },
      {
        call: 'GET /api/v2/integrations/{integrationId}',
        purpose: 'read the integration back',
        at: `${INT_P}#L172`,
        via: `${INT_R}#L115`,
      },
      {
        call: 'GET /api/v2/integrations/{integrationId}/config/current',
        purpose: 'read the config back',
        at: `${INT_P}#L241`,
        via: `${INT_R}#L127`,
      },
    ],
    update: [
      {
        call: 'GET /api/v2/integrations/{integrationId}/config/current',
        purpose: 'read the current config to merge into',
        at: `${INT_P}#L241`,
        via: `${INT_U}#L95`,
        if: { changed: 'config' },
        when: 'if config changed',
      },
      {
        call: 'GET /api/v2/integrations/{integrationId}/config/current',
        purpose: 'read the config version before the PUT',
        at: `${INT_P}#L241`,
        via: `${INT_U}#L136`,
        if: { changed: 'config' },
        when: 'if config changed',
      },
      {
        call: 'PUT /api/v2/integrations/{integrationId}/config/current',
        purpose: 'write the integration config',
        at: `${INT_P}#L253`,
        via: `${INT_U}#L141`,
        if: { changed: 'config' },
        when: 'if config changed',
      },
      {
        call: 'PATCH /api/v2/integrations/{integrationId}',
        purpose: 'set intended_state',
        at: `${INT_P}#L217`,
        via: `${INT_R}#L152`,
        if: { changed: 'intended_state' },
        when: 'if intended_state changed',
      },
      {
        call: 'GET /api/v2/integrations/{integrationId}',
        purpose: 'read the integration back',
        at: `${INT_P}#L172`,
        via: `${INT_R}#L115`,
      },
      {
        call: 'GET /api/v2/integrations/{integrationId}/config/current',
        purpose: 'read the config back',
        at: `${INT_P}#L241`,
        via: `${INT_R}#L127`,
      },
    ],
    delete: [
      {
        call: 'DELETE /api/v2/integrations/{integrationId}',
        purpose: 'delete the integration',
        at: `${INT_P}#L229`,
        via: `${INT_R}#L168`,
      },
      {
        call: 'GET /api/v2/integrations/{integrationId}',
        purpose: 'poll until the integration is gone (404)',
        at: `${INT_P}#L172`,
        via: `${INT_R}#L174`,
      },
    ],
    notes:
      'The create PATCH runs on every create: intended_state defaults to "DISABLED", so HasChange is true ' +
      '(resource_genesyscloud_integration.go#L91). Config is Optional+Computed; on create the config calls run ' +
      'when HasChange("config"), i.e. when a config block is written.',
  },

  genesyscloud_integration_action: {
    file: ACT_R,
    create: [
      {
        call: 'POST /api/v2/integrations/actions',
        purpose: 'create the data action (raw request)',
        at: `${ACT_P}#L611`,
        via: `${ACT_R}#L167`,
        if: NOT_FDA,
        when: NOT_FDA_WHEN,
      },
      {
        call: 'POST /api/v2/integrations/actions/drafts',
        purpose: 'create the function data action as a draft',
        at: `${ACT_P}#L626`,
        via: `${ACT_R}#L372`,
        if: FDA,
        when: FDA_WHEN,
      },
      {
        call: 'POST /api/v2/integrations/actions/{actionId}/draft/function/upload',
        purpose: 'get a signed URL for the function zip (raw request)',
        at: `${ACT_P}#L280-L301`,
        via: `${ACT_R}#L393`,
        if: FDA,
        when: FDA_WHEN,
      },
      {
        call: 'GET /api/v2/integrations/actions/{actionId}/draft/function',
        purpose: 'wait for the uploaded zip id',
        at: `${ACT_P}#L451`,
        via: `${ACT_R}#L406`,
        if: FDA,
        when: FDA_WHEN,
      },
      {
        call: 'PUT /api/v2/integrations/actions/{actionId}/draft/function',
        purpose: "set the draft's function settings",
        at: `${ACT_P}#L486`,
        via: `${ACT_R}#L440`,
        if: FDA,
        when: FDA_WHEN,
      },
      {
        call: 'GET /api/v2/integrations/actions/{actionId}/draft',
        purpose: 'read the draft version',
        at: `${ACT_P}#L525`,
        via: `${ACT_R}#L455`,
        if: FDA,
        when: FDA_WHEN,
      },
      {
        call: 'POST /api/v2/integrations/actions/{actionId}/draft/publish',
        purpose: 'publish the draft',
        at: `${ACT_P}#L499`,
        via: `${ACT_R}#L472`,
        if: FDA,
        when: FDA_WHEN,
      },
      {
        call: 'GET /api/v2/integrations/actions/{actionId}',
        purpose: 'read the action back (raw request)',
        at: `${ACT_P}#L619`,
        via: `${ACT_R}#L629`,
      },
      {
        call: 'GET /api/v2/integrations/actions/{actionId}/templates/{fileName}',
        purpose: 'read the request and success templates back (raw request)',
        at: `${ACT_P}#L633`,
        via: `${ACT_R}#L638`,
      },
      {
        call: 'GET /api/v2/integrations/actions/{actionId}/function',
        purpose: 'read the published function back',
        at: `${ACT_P}#L473`,
        via: `${ACT_R}#L700`,
        if: FDA,
        when: FDA_WHEN,
      },
    ],
    update: [
      {
        call: 'GET /api/v2/integrations/actions/{actionId}',
        purpose: 'read the action version before the PATCH',
        at: `${ACT_P}#L619`,
        via: `${ACT_R}#L739`,
      },
      {
        call: 'PATCH /api/v2/integrations/actions/{actionId}',
        purpose: 'update name, category and config',
        at: `${ACT_P}#L576`,
        via: `${ACT_R}#L744`,
      },
      {
        call: 'POST /api/v2/integrations/actions/drafts',
        purpose: 'create a draft of the function data action',
        at: `${ACT_P}#L626`,
        via: `${ACT_R}#L228`,
        if: FDA,
        when: FDA_WHEN,
      },
      {
        call: 'POST /api/v2/integrations/actions/{actionId}/draft/function/upload',
        purpose: 'get a signed URL for the function zip (raw request)',
        at: `${ACT_P}#L280-L301`,
        via: `${ACT_R}#L250`,
        if: FDA,
        when: FDA_WHEN,
      },
      {
        call: 'GET /api/v2/integrations/actions/{actionId}/draft/function',
        purpose: 'wait for the uploaded zip id',
        at: `${ACT_P}#L451`,
        via: `${ACT_R}#L263`,
        if: FDA,
        when: FDA_WHEN,
      },
      {
        call: 'PUT /api/v2/integrations/actions/{actionId}/draft/function',
        purpose: "set the draft's function settings",
        at: `${ACT_P}#L486`,
        via: `${ACT_R}#L294`,
        if: FDA,
        when: FDA_WHEN,
      },
      {
        call: 'GET /api/v2/integrations/actions/{actionId}/draft',
        purpose: 'read the draft version',
        at: `${ACT_P}#L525`,
        via: `${ACT_R}#L310`,
        if: FDA,
        when: FDA_WHEN,
      },
      {
        call: 'POST /api/v2/integrations/actions/{actionId}/draft/publish',
        purpose: 'publish the draft',
        at: `${ACT_P}#L499`,
        via: `${ACT_R}#L323`,
        if: FDA,
        when: FDA_WHEN,
      },
      {
        call: 'GET /api/v2/integrations/actions/{actionId}',
        purpose: 'read the action back (raw request)',
        at: `${ACT_P}#L619`,
        via: `${ACT_R}#L629`,
        if: NOT_FDA,
        when: NOT_FDA_WHEN,
      },
      {
        call: 'GET /api/v2/integrations/actions/{actionId}',
        purpose: 'read the published function action back',
        at: `${ACT_R}#L524`,
        if: FDA,
        when: FDA_WHEN,
      },
      {
        call: 'GET /api/v2/integrations/actions/{actionId}/templates/{fileName}',
        purpose: 'read the request and success templates back (raw request)',
        at: `${ACT_P}#L633`,
        via: `${ACT_R}#L638`,
      },
      {
        call: 'GET /api/v2/integrations/actions/{actionId}/function',
        purpose: 'read the published function back',
        at: `${ACT_P}#L473`,
        via: `${ACT_R}#L595`,
        if: FDA,
        when: FDA_WHEN,
      },
    ],
    delete: [
      {
        call: 'DELETE /api/v2/integrations/actions/{actionId}',
        purpose: 'delete the action',
        at: `${ACT_P}#L588`,
        via: `${ACT_R}#L775`,
      },
      {
        call: 'GET /api/v2/integrations/actions/{actionId}',
        purpose: 'poll until the action is gone (404)',
        at: `${ACT_P}#L619`,
        via: `${ACT_R}#L789`,
        if: { server: 'the DELETE did not answer 404' },
        when: 'unless the action was already gone (DELETE 404, e.g. its integration was deleted)',
      },
    ],
    notes:
      'Function data action = category containing "function data action" (case-insensitive, _/- as spaces), ' +
      'which a condition cannot test; the exact spellings and function_config are tested instead (fail closed ' +
      'for other spellings only via function_config). The function zip upload also PUTs the zip to the signed URL ' +
      'returned by the upload call (proxy #L367, #L416): not a Platform API call. The function-path update read-back ' +
      '(readIntegrationActionFunction) fetches templates at #L534/#L543; the plain path at #L638/#L647. ' +
      'POST actions, GET action and GET templates are raw requests through custom_api_client.',
  },

  genesyscloud_integration_credential: {
    file: CRED_R,
    create: [
      {
        call: 'POST /api/v2/integrations/credentials',
        purpose: 'create the credential',
        at: `${CRED_P}#L168`,
        via: `${CRED_R}#L99`,
      },
      {
        call: 'GET /api/v2/integrations/credentials/{credentialId}',
        purpose: 'read the credential back',
        at: `${CRED_P}#L180`,
        via: `${CRED_R}#L118`,
      },
    ],
    update: [
      {
        call: 'PUT /api/v2/integrations/credentials/{credentialId}',
        purpose: 'update the credential',
        at: `${CRED_P}#L238`,
        via: `${CRED_R}#L147`,
        if: { any: [{ changed: 'name' }, { changed: 'credential_type_name' }, { changed: 'fields' }] },
        when: 'if name, credential_type_name or fields changed',
      },
      {
        call: 'GET /api/v2/integrations/credentials/{credentialId}',
        purpose: 'read the credential back',
        at: `${CRED_P}#L180`,
        via: `${CRED_R}#L118`,
      },
    ],
    delete: [
      {
        call: 'DELETE /api/v2/integrations/credentials/{credentialId}',
        purpose: 'delete the credential',
        at: `${CRED_P}#L250`,
        via: `${CRED_R}#L167`,
      },
      {
        call: 'GET /api/v2/integrations/credentials/{credentialId}',
        purpose: 'poll until the credential is gone (404)',
        at: `${CRED_P}#L180`,
        via: `${CRED_R}#L173`,
      },
    ],
    notes:
      'For credential_type_name "pureCloudOAuthClient" without fields.clientSecret the secret is filled from the ' +
      "provider's in-memory cache of OAuth clients it created, or from a local cache file (no API call; " +
      'resource_genesyscloud_integration_credential_utils.go#L69-L78).',
  },

  genesyscloud_integration_custom_auth_action: {
    file: CAA_R,
    create: [
      {
        call: 'GET /api/v2/integrations/{integrationId}',
        purpose: 'check the integration is custom-rest-actions',
        at: `${CAA_P}#L198`,
        via: `${CAA_U}#L45`,
        org: true,
      },
      {
        call: 'GET /api/v2/integrations/{integrationId}/config/current',
        purpose: "find the integration's credential",
        at: `${CAA_P}#L210`,
        via: `${CAA_U}#L54`,
        org: true,
      },
      {
        call: 'GET /api/v2/integrations/credentials/{credentialId}',
        purpose: 'check the credential is userDefinedOAuth',
        at: `${CAA_P}#L223`,
        via: `${CAA_U}#L54`,
        org: true,
        if: { server: 'the integration config holds a basicAuth credential' },
        when: "if the integration's config holds a basicAuth credential (otherwise create fails)",
      },
      {
        call: 'GET /api/v2/integrations/actions/{actionId}',
        purpose: 'wait for the generated custom auth action',
        at: `${CAA_P}#L162`,
        via: `${CAA_R}#L90`,
      },
      {
        call: 'GET /api/v2/integrations/actions/{actionId}',
        purpose: 'read the action version before the PATCH',
        at: `${CAA_P}#L162`,
        via: `${CAA_R}#L116`,
      },
      {
        call: 'PATCH /api/v2/integrations/actions/{actionId}',
        purpose: 'write name and request/response config',
        at: `${CAA_P}#L174`,
        via: `${CAA_R}#L121`,
      },
      {
        call: 'GET /api/v2/integrations/actions/{actionId}',
        purpose: 'read the action back',
        at: `${CAA_P}#L162`,
        via: `${CAA_R}#L151`,
      },
      {
        call: 'GET /api/v2/integrations/actions/{actionId}/templates/{fileName}',
        purpose: 'read the request and success templates back',
        at: `${CAA_P}#L186`,
        via: `${CAA_R}#L160`,
      },
    ],
    update: [
      {
        call: 'GET /api/v2/integrations/actions/{actionId}',
        purpose: 'read the action version before the PATCH',
        at: `${CAA_P}#L162`,
        via: `${CAA_R}#L214`,
      },
      {
        call: 'PATCH /api/v2/integrations/actions/{actionId}',
        purpose: 'write name and request/response config',
        at: `${CAA_P}#L174`,
        via: `${CAA_R}#L222`,
      },
      {
        call: 'GET /api/v2/integrations/actions/{actionId}',
        purpose: 'read the action back',
        at: `${CAA_P}#L162`,
        via: `${CAA_R}#L151`,
      },
      {
        call: 'GET /api/v2/integrations/actions/{actionId}/templates/{fileName}',
        purpose: 'read the request and success templates back',
        at: `${CAA_P}#L186`,
        via: `${CAA_R}#L160`,
      },
    ],
    delete: [],
    notes:
      'Create creates nothing: it adopts the action Genesys generates for a custom-rest-actions integration ' +
      '(id customAuth_-_<integration_id>) and PATCHes it. Delete makes no call, only drops the resource from ' +
      'state (#L241-L246).',
  },

  genesyscloud_processautomation_trigger: {
    file: PAT_R,
    create: [
      {
        call: 'POST /api/v2/processautomation/triggers',
        purpose: 'create the trigger (raw request)',
        at: `${PAT_P}#L25`,
        via: `${PAT_R}#L193`,
      },
      {
        call: 'GET /api/v2/processautomation/triggers/{triggerId}',
        purpose: 'read the trigger back (raw request)',
        at: `${PAT_P}#L35`,
        via: `${PAT_R}#L217`,
      },
    ],
    update: [
      {
        call: 'GET /api/v2/processautomation/triggers/{triggerId}',
        purpose: 'read the trigger version before the PUT',
        at: `${PAT_P}#L35`,
        via: `${PAT_R}#L286`,
      },
      {
        call: 'PUT /api/v2/processautomation/triggers/{triggerId}',
        purpose: 'update the trigger (raw request)',
        at: `${PAT_P}#L54`,
        via: `${PAT_R}#L313`,
      },
      {
        call: 'GET /api/v2/processautomation/triggers/{triggerId}',
        purpose: 'read the trigger back (raw request)',
        at: `${PAT_P}#L35`,
        via: `${PAT_R}#L217`,
      },
    ],
    delete: [
      {
        call: 'DELETE /api/v2/processautomation/triggers/{triggerId}',
        purpose: 'delete the trigger (raw request)',
        at: `${PAT_P}#L64`,
        via: `${PAT_R}#L337`,
      },
    ],
    notes:
      'All calls are raw requests through custom_api_client to /api/v2/processAutomation/triggers (capital A, ' +
      'the swagger spells it processautomation). Delete does not poll for the 404.',
  },

  genesyscloud_webdeployments_configuration: {
    file: WDC_R,
    create: [
      {
        call: 'POST /api/v2/webdeployments/configurations',
        purpose: 'create the configuration (draft)',
        at: `${WDC_P}#L209`,
        via: `${WDC_R}#L69`,
      },
      {
        call: 'GET /api/v2/webdeployments/configurations/{configurationId}/versions/draft',
        purpose: 'wait for the draft to be Active',
        at: `${WDC_P}#L204`,
        via: `${WDC_R}#L45`,
      },
      {
        call: 'POST /api/v2/webdeployments/configurations/{configurationId}/versions/draft/publish',
        purpose: 'publish the draft',
        at: `${WDC_P}#L214`,
        via: `${WDC_R}#L96`,
      },
      {
        call: 'GET /api/v2/webdeployments/configurations/{configurationId}/versions',
        purpose: 'find the latest version to read',
        at: `${WDC_P}#L151`,
        via: `${WDC_R}#L125`,
        if: { server: 'the publish answer carries no version' },
        when: 'only if the publish answer carried no version',
      },
      {
        call: 'GET /api/v2/webdeployments/configurations/{configurationId}/versions/{versionId}',
        purpose: 'read the published version back',
        at: `${WDC_P}#L139`,
        via: `${WDC_R}#L127`,
      },
    ],
    update: [
      {
        call: 'PUT /api/v2/webdeployments/configurations/{configurationId}/versions/draft',
        purpose: 'write the draft',
        at: `${WDC_P}#L219`,
        via: `${WDC_R}#L170`,
      },
      {
        call: 'GET /api/v2/webdeployments/configurations/{configurationId}/versions/draft',
        purpose: 'wait for the draft to be Active',
        at: `${WDC_P}#L204`,
        via: `${WDC_R}#L45`,
      },
      {
        call: 'POST /api/v2/webdeployments/configurations/{configurationId}/versions/draft/publish',
        purpose: 'publish the draft',
        at: `${WDC_P}#L214`,
        via: `${WDC_R}#L189`,
      },
      {
        call: 'GET /api/v2/webdeployments/configurations/{configurationId}/versions',
        purpose: 'find the latest version to read',
        at: `${WDC_P}#L151`,
        via: `${WDC_R}#L125`,
        if: { server: 'the publish answer carries no version' },
        when: 'only if the publish answer carried no version',
      },
      {
        call: 'GET /api/v2/webdeployments/configurations/{configurationId}/versions/{versionId}',
        purpose: 'read the published version back',
        at: `${WDC_P}#L139`,
        via: `${WDC_R}#L127`,
      },
    ],
    delete: [
      {
        call: 'DELETE /api/v2/webdeployments/configurations/{configurationId}',
        purpose: 'delete the configuration',
        at: `${WDC_P}#L199`,
        via: `${WDC_R}#L215`,
      },
      {
        call: 'GET /api/v2/webdeployments/configurations/{configurationId}/versions/draft',
        purpose: 'poll until the configuration is gone (404)',
        at: `${WDC_P}#L204`,
        via: `${WDC_R}#L223`,
      },
    ],
    notes:
      'Every create and update publishes a new version. The draft wait (waitForConfigurationDraftToBeActive) ' +
      'is called at #L90 (create) and #L183 (update).',
  },

  genesyscloud_webdeployments_deployment: {
    file: WDD_R,
    create: [
      {
        call: 'GET /api/v2/webdeployments/configurations/{configurationId}/versions',
        purpose: "list the configuration's versions (latest, and check configuration.version exists)",
        at: `${WDD_P}#L150`,
        via: `${WDD_R}#L61`,
        org: true,
      },
      {
        call: 'POST /api/v2/webdeployments/deployments',
        purpose: 'create the deployment',
        at: `${WDD_P}#L127`,
        via: `${WDD_R}#L105`,
      },
      {
        call: 'GET /api/v2/webdeployments/deployments/{deploymentId}',
        purpose: 'wait for the deployment to be Active',
        at: `${WDD_P}#L122`,
        via: `${WDD_R}#L134`,
      },
      {
        call: 'GET /api/v2/webdeployments/deployments/{deploymentId}',
        purpose: 'read the deployment back',
        at: `${WDD_P}#L122`,
        via: `${WDD_R}#L157`,
      },
    ],
    update: [
      {
        call: 'GET /api/v2/webdeployments/configurations/{configurationId}/versions',
        purpose: "find the configuration's latest version (always deployed on update)",
        at: `${WDD_P}#L150`,
        via: `${WDD_R}#L220`,
        org: true,
      },
      {
        call: 'PUT /api/v2/webdeployments/deployments/{deploymentId}',
        purpose: 'update the deployment',
        at: `${WDD_P}#L132`,
        via: `${WDD_R}#L254`,
      },
      {
        call: 'GET /api/v2/webdeployments/deployments/{deploymentId}',
        purpose: 'wait for the deployment to be Active',
        at: `${WDD_P}#L122`,
        via: `${WDD_R}#L134`,
      },
      {
        call: 'GET /api/v2/webdeployments/deployments/{deploymentId}',
        purpose: 'read the deployment back',
        at: `${WDD_P}#L122`,
        via: `${WDD_R}#L157`,
      },
    ],
    delete: [
      {
        call: 'DELETE /api/v2/webdeployments/deployments/{deploymentId}',
        purpose: 'delete the deployment',
        at: `${WDD_P}#L137`,
        via: `${WDD_R}#L285`,
      },
      {
        call: 'GET /api/v2/webdeployments/deployments/{deploymentId}',
        purpose: 'poll until the deployment is gone (404)',
        at: `${WDD_P}#L122`,
        via: `${WDD_R}#L291`,
      },
    ],
    notes:
      'The versions listing reads the referenced genesyscloud_webdeployments_configuration ' +
      '(configuration.0.id), needing webDeployments:configuration:view. Update ignores configuration.version and ' +
      'always deploys the latest published version (#L219-L228).',
  },
};

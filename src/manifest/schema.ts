/**
 * JSON Schema (draft-07) of manifest v1. Source of truth for schema/manifest.schema.json,
 * which `npm run schema` writes (a test checks the two agree) for editors (yaml-language-server):
 * every property and definition has a `description` (editors show it on hover; a test checks it).
 */

/**
 * Where the schema is published (its `$id`): the raw file at the action's major tag, in the
 * repository the README's workflows use (`uses: genesys-preflight/genesys-preflight@v0`).
 */
export const MANIFEST_SCHEMA_ID =
  'https://raw.githubusercontent.com/genesys-preflight/genesys-preflight/v0/schema/manifest.schema.json';

/** A `$ref` to a definition, with the description editors show for this use of it. */
const ref = (name: string, description: string) => ({ $ref: `#/definitions/${name}`, description }) as const;

/** What every resource entry may say: its action, deployer, target orgs and whether it exists. */
const resourceCommon = {
  action: ref(
    'action',
    'What the deploy does to this object: deploy (default: create-or-update, then publish), create, update, publish ' +
      'or delete.',
  ),
  deployer: ref(
    'deployer',
    'The tool that deploys this object (default: defaults.deployer): archy, cx-as-code or api.',
  ),
  orgs: ref('orgRefs', 'Org names this object is deployed to (default: every org).'),
  exists: {
    type: 'boolean',
    description:
      'The object already exists (true) or not yet (false): a deploy then needs only that branch (update, or create). Default: unknown, both.',
  },
} as const;

/** A resource definition: its own properties plus the common ones, no other keys. */
function resource(properties: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return {
    type: 'object',
    additionalProperties: false,
    ...extra,
    properties: { ...properties, ...resourceCommon },
  } as const;
}

export const MANIFEST_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: MANIFEST_SCHEMA_ID,
  title: 'genesys-preflight manifest v1',
  description: 'What a Genesys Cloud deployment deploys, to which orgs, and with which principal.',
  type: 'object',
  additionalProperties: false,
  required: ['version', 'orgs'],
  properties: {
    $schema: {
      type: 'string',
      description: 'The schema editors validate this file with (its URL); ignored by the check.',
    },
    version: {
      const: 1,
      description: 'Manifest format version: 1.',
    },
    defaults: {
      type: 'object',
      additionalProperties: false,
      description: 'Values for resources that do not set their own.',
      properties: {
        deployer: ref('deployer', 'The tool that deploys resources that name none (default: archy).'),
        division: ref(
          'division',
          'The division of resources that name none (default: Home); a file flow goes to the division its Archy ' +
            'file names.',
        ),
      },
    },
    orgs: {
      type: 'array',
      minItems: 1,
      description:
        'The Genesys Cloud orgs deployed to, each with its region and, offline, the principal the deploy runs as.',
      items: {
        $ref: '#/definitions/org',
      },
    },
    roles: {
      type: 'object',
      additionalProperties: {
        $ref: '#/definitions/role',
      },
      description: 'Role definitions referenced by principal.roles[].role.',
    },
    flows: {
      type: 'array',
      description: 'Architect flows deployed: an Archy flow file, or a name and type.',
      items: {
        $ref: '#/definitions/flow',
      },
    },
    scripts: {
      type: 'array',
      description: 'Agent scripts deployed (imported, optionally published).',
      items: {
        $ref: '#/definitions/script',
      },
    },
    scheduleGroups: {
      type: 'array',
      description: 'Architect schedule groups deployed.',
      items: {
        $ref: '#/definitions/scheduleGroup',
      },
    },
    wfm: {
      type: 'object',
      additionalProperties: false,
      description: 'Workforce management changes deployed.',
      properties: {
        agentAssignments: {
          type: 'array',
          description: 'Agents moved into a management unit.',
          items: {
            $ref: '#/definitions/agentAssignment',
          },
        },
        schedules: {
          type: 'array',
          description: 'Schedules imported into a business unit, optionally published.',
          items: {
            $ref: '#/definitions/wfmSchedule',
          },
        },
      },
    },
    premiumApps: {
      type: 'array',
      description: 'Premium apps (AppFoundry) installed with the premium-app wizard.',
      items: {
        $ref: '#/definitions/premiumApp',
      },
    },
    terraform: {
      type: 'object',
      additionalProperties: false,
      required: ['plan'],
      description: 'A CX-as-Code (Terraform) plan whose changes are checked like the resources listed here.',
      properties: {
        plan: {
          type: 'string',
          minLength: 1,
          description: 'Path to `terraform show -json PLAN` output.',
        },
        baseDir: {
          type: 'string',
          minLength: 1,
          description:
            "Terraform root module directory: relative flow and script filepaths resolve here (default: the plan's directory).",
        },
        orgs: ref('orgRefs', 'Org names the plan is applied to (default: every org).'),
      },
    },
    accept: {
      type: 'array',
      description:
        'Accepted findings: each entry names what it accepts (code, org, resource, operation and/or permission) and why; the findings it matches become notices with the reason (also read from .genesys-preflight-accept.yml beside the manifest).',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['reason'],
        properties: {
          code: { type: 'string', minLength: 1, description: 'The finding code to accept (e.g. missing-permission).' },
          org: { type: 'string', minLength: 1, description: 'Only in this org.' },
          resource: {
            type: 'string',
            minLength: 1,
            description: 'Only for this resource, as findings name it (e.g. flow:Main IVR).',
          },
          operation: {
            type: 'string',
            minLength: 1,
            description: 'Only for this call (e.g. GET /api/v2/routing/queues).',
          },
          permission: { type: 'string', minLength: 1, description: 'Only findings that name this missing permission.' },
          reason: { type: 'string', minLength: 1, description: 'Why the finding is accepted (shown with it).' },
          expires: {
            type: 'string',
            pattern: '^\\d{4}-\\d{2}-\\d{2}$',
            description: 'YYYY-MM-DD: after this day the acceptance lapses and the findings count again.',
          },
          owner: { type: 'string', minLength: 1, description: 'Who answers for the acceptance (a team or a person).' },
        },
      },
    },
  },
  definitions: {
    org: {
      type: 'object',
      additionalProperties: false,
      required: ['name', 'region'],
      description: 'One Genesys Cloud org deployed to.',
      properties: {
        name: {
          type: 'string',
          minLength: 1,
          pattern: '^[A-Za-z0-9_-]{1,64}$',
          description:
            "Org name: 1 to 64 letters, digits, _ and - (it names the org's credential variables GENESYS_<ORG>_..., and appears in reports and workflow matrices).",
        },
        region: {
          type: 'string',
          minLength: 1,
          description: 'Region id (us-east-1) or host (mypurecloud.com).',
        },
        orgId: {
          type: 'string',
          pattern: '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$',
          description: 'Genesys org id; the token must belong to it.',
        },
        credentials: {
          type: 'object',
          additionalProperties: false,
          description:
            "Live mode. The credentials are read from environment variables whose names the org name fixes (GENESYS_<ORG>_CLIENT_ID, _CLIENT_SECRET, or _ACCESS_TOKEN); the manifest cannot choose them. apiBase/loginBase override the region's hosts.",
          properties: {
            clientId: {
              type: 'string',
              pattern: '^(?!GITHUB_|ACTIONS_|RUNNER_|INPUT_)[A-Z_][A-Z0-9_]{0,127}$',
              description:
                'Optional, informative: the environment variable holding the client id is always GENESYS_<ORG>_CLIENT_ID (<ORG> = the org name in upper case, - as _); any other name is refused. A one-org manifest may also write GENESYSCLOUD_OAUTHCLIENT_ID.',
            },
            clientSecret: {
              type: 'string',
              pattern: '^(?!GITHUB_|ACTIONS_|RUNNER_|INPUT_)[A-Z_][A-Z0-9_]{0,127}$',
              description:
                'Optional, informative: the environment variable holding the client secret is always GENESYS_<ORG>_CLIENT_SECRET; any other name is refused. A one-org manifest may also write GENESYSCLOUD_OAUTHCLIENT_SECRET.',
            },
            accessToken: {
              type: 'string',
              pattern: '^(?!GITHUB_|ACTIONS_|RUNNER_|INPUT_)[A-Z_][A-Z0-9_]{0,127}$',
              description:
                'Optional, informative: the environment variable holding a pre-issued access token is always ' +
                'GENESYS_<ORG>_ACCESS_TOKEN; any other name is refused. A one-org manifest may also write ' +
                'GENESYSCLOUD_ACCESS_TOKEN.',
            },
            apiBase: {
              type: 'string',
              description:
                'Override of https://api.{host}: a Genesys Cloud host; any other host (loopback included) must be named in GENESYS_PREFLIGHT_ALLOW_HOSTS.',
            },
            loginBase: {
              type: 'string',
              description:
                'Override of https://login.{host}: a Genesys Cloud host; any other host (loopback included) must be named in GENESYS_PREFLIGHT_ALLOW_HOSTS.',
            },
          },
        },
        principal: ref(
          'principal',
          'Offline mode: what the deploy principal is declared to hold in this org (live mode reads it from Genesys ' +
            'Cloud instead).',
        ),
      },
    },
    principal: {
      type: 'object',
      additionalProperties: false,
      required: ['grant'],
      description:
        'The deploy principal: its OAuth grant, its scopes (user tokens) and its roles, each granted in divisions.',
      properties: {
        grant: {
          type: 'string',
          enum: ['client-credentials', 'user'],
          description:
            "OAuth grant of the deploy's token: client-credentials (roles and divisions decide; scopes do not apply) " +
            "or user (the token's scopes matter too).",
        },
        scopes: {
          type: 'array',
          items: {
            type: 'string',
            minLength: 1,
          },
          uniqueItems: true,
          description:
            'OAuth scopes of a user token (e.g. architect, scripts:readonly); ignored for client-credentials.',
        },
        roles: {
          type: 'array',
          description: 'Roles the principal holds, each with the divisions it is granted in.',
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['role'],
            properties: {
              role: {
                type: 'string',
                minLength: 1,
                description: "Role name: a key of the manifest's roles.",
              },
              divisions: {
                type: 'array',
                items: {
                  type: 'string',
                  minLength: 1,
                },
                minItems: 1,
                uniqueItems: true,
                description: "Divisions the role is granted in; '*' = all. Default: Home.",
              },
            },
          },
        },
      },
    },
    role: {
      type: 'object',
      additionalProperties: false,
      required: ['permissions'],
      description: 'A role definition: its permissions, as in Genesys Cloud (domain:entity:action).',
      properties: {
        description: {
          type: 'string',
          description: 'What the role is for (informative).',
        },
        permissions: {
          type: 'array',
          description:
            'Permissions of the role: domain:entity:action (wildcards allowed, e.g. architect:flow:*), or an object ' +
            'with a condition.',
          items: {
            oneOf: [
              {
                type: 'string',
                minLength: 1,
              },
              {
                type: 'object',
                additionalProperties: false,
                required: ['permission'],
                properties: {
                  permission: {
                    type: 'string',
                    minLength: 1,
                    description: 'The permission: domain:entity:action (wildcards allowed).',
                  },
                  condition: {
                    type: 'string',
                    description:
                      "The policy's condition (e.g. queue-based); conditional policies cannot be verified statically.",
                  },
                },
              },
            ],
          },
        },
      },
    },
    flow: resource(
      {
        file: {
          type: 'string',
          minLength: 1,
          description: 'Archy flow YAML: type, name and division are read from it.',
        },
        name: {
          type: 'string',
          minLength: 1,
          description: 'Flow name (with type, when there is no file).',
        },
        type: {
          type: 'string',
          minLength: 1,
          description: 'Flow type (inboundcall, inboundemail, workflow, ...).',
        },
        division: ref(
          'division',
          'Division of the flow (default: the division its Archy file names, else defaults.division, else Home).',
        ),
        optionsFile: {
          type: 'string',
          minLength: 1,
          description: "Archy options file: its substitutions fill the flow file's {{placeholders}}.",
        },
        substitutions: {
          type: 'object',
          description:
            "Archy substitutions (name: value) for the flow file's {{placeholders}}; they win over the optionsFile's.",
          additionalProperties: {
            type: ['string', 'number', 'boolean'],
          },
        },
        forceUnlock: {
          type: 'boolean',
          description:
            'The deploy force-unlocks a flow someone else has locked (adds the unlock call and its permission).',
        },
      },
      {
        description:
          'An Architect flow: an Archy flow file (type, name and division read from it), or a name and type.',
        anyOf: [
          {
            required: ['file'],
          },
          {
            required: ['name', 'type'],
          },
        ],
      },
    ),
    script: resource(
      {
        name: {
          type: 'string',
          minLength: 1,
          description: 'Script name.',
        },
        file: {
          type: 'string',
          description: 'The exported script (JSON) the deploy imports.',
        },
        division: ref('division', 'Division of the script (default: defaults.division, else Home).'),
        publish: {
          type: 'boolean',
          description: 'Publish after the import (default true): adds the publish call and its permission.',
        },
        substitutions: {
          type: 'object',
          description:
            'CX-as-Code script substitutions; accepted for parity with the provider, they do not change the calls checked.',
          additionalProperties: {
            type: ['string', 'number', 'boolean'],
          },
        },
      },
      {
        description: 'An agent script.',
        required: ['name'],
      },
    ),
    scheduleGroup: resource(
      {
        name: {
          type: 'string',
          minLength: 1,
          description: 'Schedule group name.',
        },
        division: ref('division', 'Division of the schedule group (default: defaults.division, else Home).'),
      },
      {
        description: 'An Architect schedule group.',
        required: ['name'],
      },
    ),
    agentAssignment: resource(
      {
        businessUnit: {
          type: 'string',
          minLength: 1,
          description: 'WFM business unit name.',
        },
        managementUnit: {
          type: 'string',
          minLength: 1,
          description: 'WFM management unit the agents move into.',
        },
        agents: {
          type: 'array',
          items: {
            type: 'string',
            minLength: 1,
          },
          minItems: 1,
          description: 'The agents moved, by email (the deploy looks them up).',
        },
        division: ref('division', 'Division of the management unit (default: defaults.division, else Home).'),
      },
      {
        description: 'Agents moved into a WFM management unit.',
        required: ['businessUnit', 'managementUnit', 'agents'],
      },
    ),
    wfmSchedule: resource(
      {
        businessUnit: {
          type: 'string',
          minLength: 1,
          description: 'WFM business unit name.',
        },
        weekDate: {
          type: 'string',
          pattern: '^\\d{4}-\\d{2}-\\d{2}$',
          description: 'YYYY-MM-DD: the start of the week the schedule covers.',
        },
        publish: {
          type: 'boolean',
          description:
            'Publish the schedule: the published flag rides on the import/update request (no separate call or permission).',
        },
        division: ref('division', 'Division of the business unit (default: defaults.division, else Home).'),
      },
      {
        description: 'A WFM schedule imported into a business unit.',
        required: ['businessUnit'],
      },
    ),
    premiumApp: resource(
      {
        integrationType: {
          type: 'string',
          minLength: 1,
          description: "The app's integration type id (the org must have it: entitlement-missing otherwise).",
        },
        name: {
          type: 'string',
          minLength: 1,
          description: 'Name of the app in findings and reports (default: the integration type).',
        },
        provision: {
          type: 'array',
          items: {
            type: 'string',
            minLength: 1,
          },
          uniqueItems: true,
          description:
            'Premium-app wizard modules the install provisions (role, group, app-instance, oauth-client, ...).',
        },
        config: {
          type: 'string',
          description: "JSON export of the wizard's provisioningInfo.",
        },
      },
      {
        description: 'A premium app (AppFoundry) installed with the premium-app wizard.',
        required: ['integrationType'],
      },
    ),
    action: {
      type: 'string',
      enum: ['deploy', 'create', 'update', 'delete', 'publish'],
      description: 'What the deploy does to the object. deploy = create-or-update, then publish.',
    },
    deployer: {
      type: 'string',
      enum: ['archy', 'cx-as-code', 'api'],
      description: 'The tool that performs the deploy; it decides the API calls made.',
    },
    orgRefs: {
      type: 'array',
      items: {
        type: 'string',
        minLength: 1,
      },
      minItems: 1,
      uniqueItems: true,
      description: 'Org names this resource is deployed to (default: every org).',
    },
    division: {
      type: 'string',
      minLength: 1,
      description: 'Division name (Genesys default: Home).',
    },
  },
} as const;

/**
 * JSON Schema (draft-07) of manifest v1. Source of truth for schema/manifest.schema.json,
 * which `npm run schema` writes (a test checks the two agree) for editors (yaml-language-server).
 */

const ref = (name: string) => ({ $ref: `#/definitions/${name}` }) as const;

/** What every resource entry may say: its action, deployer, target orgs and whether it exists. */
const resourceCommon = {
  action: ref('action'),
  deployer: ref('deployer'),
  orgs: ref('orgRefs'),
  exists: { type: 'boolean', description: 'The object already exists (true) or not yet (false): a deploy then needs only that branch (update, or create). Default: unknown, both.' },
} as const;

/** A resource definition: its own properties plus the common ones, no other keys. */
function resource(properties: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return { type: 'object', additionalProperties: false, ...extra, properties: { ...properties, ...resourceCommon } } as const;
}

export const MANIFEST_SCHEMA = {
  "$schema": "http://json-schema.org/draft-07/schema#",
  "$id": "https://github.com/genesys-preflight/genesys-preflight/schema/manifest.schema.json",
  "title": "genesys-preflight manifest v1",
  "description": "What a Genesys Cloud deployment deploys, to which orgs, and with which principal.",
  "type": "object",
  "additionalProperties": false,
  "required": ["version", "orgs"],
  "properties": {
    "$schema": {
      "type": "string"
    },
    "version": {
      "const": 1
    },
    "defaults": {
      "type": "object",
      "additionalProperties": false,
      "properties": {
        "deployer": {
          "$ref": "#/definitions/deployer"
        },
        "division": {
          "$ref": "#/definitions/division"
        }
      }
    },
    "orgs": {
      "type": "array",
      "minItems": 1,
      "items": {
        "$ref": "#/definitions/org"
      }
    },
    "roles": {
      "type": "object",
      "additionalProperties": {
        "$ref": "#/definitions/role"
      },
      "description": "Role definitions referenced by principal.roles[].role."
    },
    "flows": {
      "type": "array",
      "items": {
        "$ref": "#/definitions/flow"
      }
    },
    "scripts": {
      "type": "array",
      "items": {
        "$ref": "#/definitions/script"
      }
    },
    "scheduleGroups": {
      "type": "array",
      "items": {
        "$ref": "#/definitions/scheduleGroup"
      }
    },
    "wfm": {
      "type": "object",
      "additionalProperties": false,
      "properties": {
        "agentAssignments": {
          "type": "array",
          "items": {
            "$ref": "#/definitions/agentAssignment"
          }
        },
        "schedules": {
          "type": "array",
          "items": {
            "$ref": "#/definitions/wfmSchedule"
          }
        }
      }
    },
    "premiumApps": {
      "type": "array",
      "items": {
        "$ref": "#/definitions/premiumApp"
      }
    },
    "terraform": {
      "type": "object",
      "additionalProperties": false,
      "required": ["plan"],
      "properties": {
        "plan": {
          "type": "string",
          "minLength": 1,
          "description": "Path to `terraform show -json PLAN` output."
        },
        "baseDir": {
          "type": "string",
          "minLength": 1,
          "description": "Terraform root module directory: relative flow and script filepaths resolve here (default: the plan's directory)."
        },
        "orgs": {
          "$ref": "#/definitions/orgRefs"
        }
      }
    },
    "accept": {
      "type": "array",
      "description": "Accepted findings: each entry names what it accepts (code, org, resource, operation and/or permission) and why; the findings it matches become notices with the reason (also read from .genesys-preflight-accept.yml beside the manifest).",
      "items": {
        "type": "object",
        "additionalProperties": false,
        "required": ["reason"],
        "properties": {
          "code": { "type": "string", "minLength": 1, "description": "The finding code to accept (e.g. missing-permission)." },
          "org": { "type": "string", "minLength": 1, "description": "Only in this org." },
          "resource": { "type": "string", "minLength": 1, "description": "Only for this resource, as findings name it (e.g. flow:Main IVR)." },
          "operation": { "type": "string", "minLength": 1, "description": "Only for this call (e.g. GET /api/v2/routing/queues)." },
          "permission": { "type": "string", "minLength": 1, "description": "Only findings that name this missing permission." },
          "reason": { "type": "string", "minLength": 1, "description": "Why the finding is accepted (shown with it)." },
          "expires": { "type": "string", "pattern": "^\\d{4}-\\d{2}-\\d{2}$", "description": "YYYY-MM-DD: after this day the acceptance lapses and the findings count again." },
          "owner": { "type": "string", "minLength": 1, "description": "Who answers for the acceptance (a team or a person)." }
        }
      }
    }
  },
  "definitions": {
    "org": {
      "type": "object",
      "additionalProperties": false,
      "required": ["name", "region"],
      "properties": {
        "name": {
          "type": "string",
          "minLength": 1,
          "pattern": "^[A-Za-z0-9_-]{1,64}$",
          "description": "Org name: 1 to 64 letters, digits, _ and - (it names the org's credential variables GENESYS_<ORG>_..., and appears in reports and workflow matrices)."
        },
        "region": {
          "type": "string",
          "minLength": 1,
          "description": "Region id (us-east-1) or host (mypurecloud.com)."
        },
        "orgId": {
          "type": "string",
          "pattern": "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$",
          "description": "Genesys org id; the token must belong to it."
        },
        "credentials": {
          "type": "object",
          "additionalProperties": false,
          "description": "Live mode. The credentials are read from environment variables whose names the org name fixes (GENESYS_<ORG>_CLIENT_ID, _CLIENT_SECRET, or _ACCESS_TOKEN); the manifest cannot choose them. apiBase/loginBase override the region's hosts.",
          "properties": {
            "clientId": {
              "type": "string",
              "pattern": "^(?!GITHUB_|ACTIONS_|RUNNER_|INPUT_)[A-Z_][A-Z0-9_]{0,127}$",
              "description": "Optional, informative: the environment variable holding the client id is always GENESYS_<ORG>_CLIENT_ID (<ORG> = the org name in upper case, - as _); any other name is refused. A one-org manifest may also write GENESYSCLOUD_OAUTHCLIENT_ID."
            },
            "clientSecret": {
              "type": "string",
              "pattern": "^(?!GITHUB_|ACTIONS_|RUNNER_|INPUT_)[A-Z_][A-Z0-9_]{0,127}$",
              "description": "Optional, informative: the environment variable holding the client secret is always GENESYS_<ORG>_CLIENT_SECRET; any other name is refused. A one-org manifest may also write GENESYSCLOUD_OAUTHCLIENT_SECRET."
            },
            "accessToken": {
              "type": "string",
              "pattern": "^(?!GITHUB_|ACTIONS_|RUNNER_|INPUT_)[A-Z_][A-Z0-9_]{0,127}$",
              "description": "Optional, informative: the environment variable holding a pre-issued access token is always GENESYS_<ORG>_ACCESS_TOKEN; any other name is refused."
            },
            "apiBase": {
              "type": "string",
              "description": "Override of https://api.{host}: a Genesys Cloud host; any other host (loopback included) must be named in GENESYS_PREFLIGHT_ALLOW_HOSTS."
            },
            "loginBase": {
              "type": "string",
              "description": "Override of https://login.{host}: a Genesys Cloud host; any other host (loopback included) must be named in GENESYS_PREFLIGHT_ALLOW_HOSTS."
            }
          }
        },
        "principal": {
          "$ref": "#/definitions/principal"
        }
      }
    },
    "principal": {
      "type": "object",
      "additionalProperties": false,
      "required": ["grant"],
      "properties": {
        "grant": {
          "type": "string",
          "enum": ["client-credentials", "user"]
        },
        "scopes": {
          "type": "array",
          "items": {
            "type": "string",
            "minLength": 1
          },
          "uniqueItems": true
        },
        "roles": {
          "type": "array",
          "items": {
            "type": "object",
            "additionalProperties": false,
            "required": ["role"],
            "properties": {
              "role": {
                "type": "string",
                "minLength": 1
              },
              "divisions": {
                "type": "array",
                "items": {
                  "type": "string",
                  "minLength": 1
                },
                "minItems": 1,
                "uniqueItems": true,
                "description": "Divisions the role is granted in; '*' = all. Default: Home."
              }
            }
          }
        }
      }
    },
    "role": {
      "type": "object",
      "additionalProperties": false,
      "required": ["permissions"],
      "properties": {
        "description": {
          "type": "string"
        },
        "permissions": {
          "type": "array",
          "items": {
            "oneOf": [
              {
                "type": "string",
                "minLength": 1
              },
              {
                "type": "object",
                "additionalProperties": false,
                "required": ["permission"],
                "properties": {
                  "permission": {
                    "type": "string",
                    "minLength": 1
                  },
                  "condition": {
                    "type": "string",
                    "description": "The policy's condition (e.g. queue-based); conditional policies cannot be verified statically."
                  }
                }
              }
            ]
          }
        }
      }
    },
    "flow": resource({
      "file": {
        "type": "string",
        "minLength": 1,
        "description": "Archy flow YAML: type, name and division are read from it."
      },
      "name": {
        "type": "string",
        "minLength": 1
      },
      "type": {
        "type": "string",
        "minLength": 1,
        "description": "Flow type (inboundcall, inboundemail, workflow, ...)."
      },
      "division": {
        "$ref": "#/definitions/division"
      },
      "optionsFile": {
        "type": "string",
        "minLength": 1
      },
      "substitutions": {
        "type": "object",
        "additionalProperties": {
          "type": ["string", "number", "boolean"]
        }
      },
      "forceUnlock": {
        "type": "boolean"
      }
    }, {
      "anyOf": [
        {
          "required": ["file"]
        },
        {
          "required": ["name", "type"]
        }
      ]
    }),
    "script": resource({
      "name": {
        "type": "string",
        "minLength": 1
      },
      "file": {
        "type": "string"
      },
      "division": {
        "$ref": "#/definitions/division"
      },
      "publish": {
        "type": "boolean",
        "description": "Publish after the import (default true): adds the publish call and its permission."
      },
      "substitutions": {
        "type": "object",
        "description": "CX-as-Code script substitutions; accepted for parity with the provider, they do not change the calls checked.",
        "additionalProperties": {
          "type": ["string", "number", "boolean"]
        }
      }
    }, {
      "required": ["name"]
    }),
    "scheduleGroup": resource({
      "name": {
        "type": "string",
        "minLength": 1
      },
      "division": {
        "$ref": "#/definitions/division"
      }
    }, {
      "required": ["name"]
    }),
    "agentAssignment": resource({
      "businessUnit": {
        "type": "string",
        "minLength": 1
      },
      "managementUnit": {
        "type": "string",
        "minLength": 1
      },
      "agents": {
        "type": "array",
        "items": {
          "type": "string",
          "minLength": 1
        },
        "minItems": 1
      },
      "division": {
        "$ref": "#/definitions/division"
      }
    }, {
      "required": ["businessUnit", "managementUnit", "agents"]
    }),
    "wfmSchedule": resource({
      "businessUnit": {
        "type": "string",
        "minLength": 1
      },
      "weekDate": {
        "type": "string",
        "pattern": "^\\d{4}-\\d{2}-\\d{2}$"
      },
      "publish": {
        "type": "boolean",
        "description": "Publish the schedule: the published flag rides on the import/update request (no separate call or permission)."
      },
      "division": {
        "$ref": "#/definitions/division"
      }
    }, {
      "required": ["businessUnit"]
    }),
    "premiumApp": resource({
      "integrationType": {
        "type": "string",
        "minLength": 1
      },
      "name": {
        "type": "string",
        "minLength": 1
      },
      "provision": {
        "type": "array",
        "items": {
          "type": "string",
          "minLength": 1
        },
        "uniqueItems": true
      },
      "config": {
        "type": "string",
        "description": "JSON export of the wizard's provisioningInfo."
      }
    }, {
      "required": ["integrationType"]
    }),
    "action": {
      "type": "string",
      "enum": ["deploy", "create", "update", "delete", "publish"],
      "description": "What the deploy does to the object. deploy = create-or-update, then publish."
    },
    "deployer": {
      "type": "string",
      "enum": ["archy", "cx-as-code", "api"],
      "description": "The tool that performs the deploy; it decides the API calls made."
    },
    "orgRefs": {
      "type": "array",
      "items": {
        "type": "string",
        "minLength": 1
      },
      "minItems": 1,
      "uniqueItems": true,
      "description": "Org names this resource is deployed to (default: every org)."
    },
    "division": {
      "type": "string",
      "minLength": 1,
      "description": "Division name (Genesys default: Home)."
    }
  }
} as const;

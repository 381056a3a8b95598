/**
 * Reads an Archy flow file: flow type (the top-level key), name and division.
 *
 * Archy YAML shape (Genesys Archy docs, "Flow YAML"): a single top-level key naming the flow
 * type, e.g. `inboundCall:`, with `name:` and optional `division:` (default: Home) under it.
 */
import type { Finding, SourceLocation } from '../types.js';
import { fatal } from '../util/errors.js';
import { readTextFile } from '../util/read-file.js';
import { parseYamlSource, type SourceDocument } from '../util/yaml-source.js';
import { didYouMean } from '../util/suggest.js';
import { substitute } from './substitute.js';

/**
 * Archy flow type keys → Genesys flow type (the `type` of `GET /api/v2/flows`, SDK `Flow.type`).
 */
export const ARCHY_FLOW_TYPES: Record<string, string> = {
  inboundCall: 'INBOUNDCALL',
  inboundEmail: 'INBOUNDEMAIL',
  inboundShortMessage: 'INBOUNDSHORTMESSAGE',
  inboundChat: 'INBOUNDCHAT',
  inqueueCall: 'INQUEUECALL',
  inqueueEmail: 'INQUEUEEMAIL',
  inqueueShortMessage: 'INQUEUESHORTMESSAGE',
  outboundCall: 'OUTBOUNDCALL',
  secureCall: 'SECURECALL',
  surveyInvite: 'SURVEY',
  voiceSurvey: 'VOICESURVEY',
  voicemail: 'VOICEMAIL',
  workflow: 'WORKFLOW',
  workitem: 'WORKITEM',
  botFlow: 'BOT',
  digitalBot: 'DIGITALBOT',
  voiceBot: 'VOICE',
  commonModule: 'COMMONMODULE',
  inboundCallback: 'INBOUNDCALLBACK',
};

const TYPE_BY_LOWER = new Map(
  Object.entries(ARCHY_FLOW_TYPES).flatMap(
    ([k, v]) =>
      [
        [k.toLowerCase(), v],
        [v.toLowerCase(), v],
      ] as const,
  ),
);

/** True when `key` is an Archy flow-type key (own keys only: `constructor` is not a flow type). */
export function isArchyFlowType(key: string): boolean {
  return Object.hasOwn(ARCHY_FLOW_TYPES, key);
}

/** Normalises a flow type as users write it (`inboundcall`, `inboundCall`, `INBOUNDCALL`); undefined if unknown. */
export function normaliseFlowType(type: string): string | undefined {
  return TYPE_BY_LOWER.get(type.toLowerCase());
}

/** A flow read from an Archy file. */
export interface ArchyFlow {
  type: string;
  name: string;
  division: string | null;
  typeLocation: SourceLocation;
  nameLocation: SourceLocation;
  divisionLocation?: SourceLocation;
  /** The parsed document (after substitution), for reference scanning. */
  doc: SourceDocument;
}

/** Where a flow file may be read from and how it is named (see readTextFile). */
export interface FlowReadOptions {
  /** Workspace root the file must resolve inside (default: workspaceRoot(path)); see src/util/paths.ts. */
  root?: string;
  /** How the path is named in messages about reading it (default: `displayPath`). */
  shown?: string;
}

/**
 * Reads, substitutes and parses one flow file. The path is confined to the workspace root.
 * @param path the file's path (absolute, or relative to the working directory)
 * @param displayPath the file as locations inside it name it
 * @param substitutions placeholder key → text (own keys only count: pass a null-prototype object or plain map)
 * @param from where the manifest references the file (errors about reading it point there)
 * @returns the flow, or the located problems (missing file, unfilled placeholders, not an Archy flow)
 */
export function readArchyFlow(
  path: string,
  displayPath: string,
  substitutions: Record<string, string>,
  from: SourceLocation,
  options: FlowReadOptions = {},
): { flow: ArchyFlow } | { errors: Finding[] } {
  const read = readTextFile(path, 'flow file', from, {
    shown: options.shown ?? displayPath,
    file: displayPath,
    ...(options.root !== undefined ? { root: options.root } : {}),
  });
  if ('error' in read) return { errors: [read.error] };
  const sub = substitute(read.text, substitutions, displayPath);
  if (sub.unfilled.length) return { errors: sub.unfilled };
  const parsed = parseYamlSource(sub.text, displayPath, sub.mapping);
  if ('errors' in parsed) return { errors: parsed.errors.map((e) => ({ ...e, message: `flow file: ${e.message}` })) };
  const doc = parsed.doc;
  const root = doc.value;
  if (!root || typeof root !== 'object' || Array.isArray(root)) {
    return {
      errors: [
        fatal(
          'manifest-invalid',
          `${displayPath} is not an Archy flow file: expected a map with one flow-type key such as inboundCall:`,
          doc.locate([]),
        ),
      ],
    };
  }
  const keys = Object.keys(root as object);
  const typeKey = keys.find(isArchyFlowType);
  if (!typeKey) {
    // The key failed: it is not quoted (it may be anything); the hint is a known flow type.
    const first = keys[0];
    if (first === undefined) {
      return {
        errors: [
          fatal(
            'manifest-invalid',
            `${displayPath} is not an Archy flow file: expected a map with one flow-type key such as inboundCall:`,
            doc.locate([]),
          ),
        ],
      };
    }
    return {
      errors: [
        fatal(
          'manifest-invalid',
          `${displayPath} is not an Archy flow file: its top-level key is not a flow type${didYouMean(first, Object.keys(ARCHY_FLOW_TYPES))}`,
          doc.locate([first], true),
        ),
      ],
    };
  }
  const second = keys.find((k) => k !== typeKey && isArchyFlowType(k));
  if (second) {
    return {
      errors: [
        fatal(
          'manifest-invalid',
          `${displayPath}: a flow file holds one flow, but it has both "${typeKey}" and "${second}"; put each flow in its own file`,
          doc.locate([second], true),
        ),
      ],
    };
  }
  const body = (root as Record<string, unknown>)[typeKey];
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    return {
      errors: [
        fatal(
          'manifest-invalid',
          `${displayPath}: "${typeKey}" must be a map with name: and the flow's settings`,
          doc.locate([typeKey], true),
        ),
      ],
    };
  }
  const b = body as Record<string, unknown>;
  if (b.name !== undefined && b.name !== null && typeof b.name !== 'string') {
    const got = Array.isArray(b.name) ? 'a list' : typeof b.name === 'object' ? 'a map' : `a ${typeof b.name}`;
    return {
      errors: [
        fatal(
          'manifest-invalid',
          `${displayPath}: ${typeKey}.name must be text, not ${got} (quote it)`,
          doc.locate([typeKey, 'name']),
        ),
      ],
    };
  }
  if (typeof b.name !== 'string' || b.name.trim() === '') {
    return {
      errors: [
        fatal(
          'manifest-invalid',
          `${displayPath}: the flow has no name (${typeKey}.name)`,
          doc.locate([typeKey], true),
        ),
      ],
    };
  }
  const flow: ArchyFlow = {
    type: ARCHY_FLOW_TYPES[typeKey]!,
    name: b.name,
    division: null,
    typeLocation: doc.locate([typeKey], true),
    nameLocation: doc.locate([typeKey, 'name']),
    doc,
  };
  if (b.division !== undefined && b.division !== null) {
    if (typeof b.division !== 'string' || b.division.trim() === '') {
      return {
        errors: [
          fatal(
            'manifest-invalid',
            `${displayPath}: ${typeKey}.division must be a division name`,
            doc.locate([typeKey, 'division']),
          ),
        ],
      };
    }
    flow.division = b.division;
    flow.divisionLocation = doc.locate([typeKey, 'division']);
  }
  return { flow };
}

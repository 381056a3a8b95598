/**
 * Objects an Archy flow file references by name (design card §1, "Archy flow files"): queues, data
 * actions, data tables, prompts, schedule groups, other flows... Architect resolves each literal name
 * when the flow is published, so the deploy principal needs view access to every one of them.
 *
 * Syntax facts come from three kinds of source, cited on each rule below:
 * - the Archy flow YAML format (Genesys Archy docs: a typed value is a map with one of `lit:`,
 *   `exp:`, `var:` or `noValue: true`; objects are written `lit: {name: ...}`);
 * - the corpus of published Archy flows in `../shared/corpus` ("corpus: <file>", abbreviated
 *   to the repository and file name);
 * - the Platform API's Architect models (SDK enum of flow action types: `actionFindQueue`,
 *   `actionFindScheduleGroup`, ...) and public third-party Archy tooling, for shapes the corpus
 *   does not show (marked "not in the corpus").
 *
 * Only literal names can be checked before the deploy. A reference computed at run time (an
 * expression, a variable, a `Find...` lookup) is returned with `dynamic: true`; the planner leaves
 * those out, since the running flow resolves them, not the deploy.
 */
import type { FlowReference, ReferenceKind, SourceLocation } from '../types.js';
import type { NodePath, SourceDocument } from '../util/yaml-source.js';

/**
 * A lookup table keyed by the flow file's keys: null prototype and frozen, so a key named
 * `constructor`, `toString` or `__proto__` finds nothing (read it with `lookup`).
 */
function table<T>(entries: Record<string, T>): Readonly<Record<string, T>> {
  return Object.freeze(Object.assign(Object.create(null) as Record<string, T>, entries));
}

/** `t[key]` for own keys only (a user's key never reaches an inherited property). */
function lookup<T>(t: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(t, key) ? t[key] : undefined;
}

/** Internal: a prompt field holds a user prompt (`Prompt.X`) or a system prompt (`PromptSystem.X`). */
type FieldKind = ReferenceKind | 'prompt';

/**
 * Keys whose value is a typed value (`lit:` / `exp:` / `var:` / `noValue:`, or a plain string) naming
 * an object of the given kind.
 */
const TYPED_FIELDS: Readonly<Record<string, FieldKind>> = table({
  // transferToAcd / menuTransferToAcd, settingsErrorHandling.errorHandling.queue, transferToVoicemail
  // destination.queue: `targetQueue: {lit: {name: Q}}` (corpus: simple-ivr SimpleFinancialIvr_v2-0,
  // dr-fallback-ivr DR-Emergency-IVR, deploy-webchat DudeWheresMyStuffChat).
  targetQueue: 'queue',
  // transferToAcd `languageSkill:`; supportedLanguages.<lang>.defaultLanguageSkill (corpus: every
  // call flow, always `noValue: true` except terraform-provider outboundcall_flow_example: a plain string).
  languageSkill: 'language',
  defaultLanguageSkill: 'language',
  // evaluateScheduleGroup (corpus: dr-fallback-ivr DR-Emergency-IVR, dr-webmessaging MyWebMessenger).
  scheduleGroup: 'scheduleGroup',
  emergencyGroup: 'emergencyGroup',
  // evaluateSchedule.evaluationType.schedule.selectedSchedule (corpus: webmessaging-chatbot-that-
  // differentiates... del-webmessage_flow).
  selectedSchedule: 'schedule',
  // settingsOutboundCall (corpus: automated-callback "Proactive callback connect", terraform-provider
  // outboundcall_flow_example).
  contactList: 'contactList',
  wrapupCode: 'wrapupCode',
  // transferToUser / transferToGroup, transferToVoicemail destination.user / destination.group (not in
  // the corpus; Archy action properties).
  targetUser: 'user',
  targetGroup: 'group',
  // settingsActionDefaults.callData.processingPrompt `lit: {name: PromptSystem.processing}` (corpus:
  // set-emergency-group main_flow); settingsInQueueCall.holdMusic (corpus: call-park default-in-queue-flow);
  // `prompt: PromptSystem.voicemail_greeting` (corpus: dr-fallback-ivr DR-Fallback-Ivr), `prompt: exp:
  // Flow.HoldPrompt` (corpus: switch-voice-to-web-messaging); `audio: {prompt: Prompt.X}` (not in the corpus).
  processingPrompt: 'prompt',
  holdMusic: 'prompt',
  prompt: 'prompt',
});

/**
 * Data types of variables (`<type>Variable`, `<type>CollectionVariable`, `initialValue:`) and of
 * updateData statements (`- <type>: {variable: ..., value: ...}`) that name an object.
 * Seen in the corpus: `queueVariable` with `initialValue: {lit: {name: Services}}` (design-architect-
 * flow-data-actions CacheExampleFlow) and `- queue: {variable: ..., value: {lit: {name: GeneralSupport}}}`
 * (cx-as-code-cicd EmailComprehendFlow). The other types follow Architect's data types.
 */
const DATA_TYPES: Readonly<Record<string, FieldKind>> = table({
  queue: 'queue',
  user: 'user',
  group: 'group',
  skill: 'skill',
  acdSkill: 'skill',
  language: 'language',
  languageSkill: 'language',
  scheduleGroup: 'scheduleGroup',
  emergencyGroup: 'emergencyGroup',
  schedule: 'schedule',
  wrapupCode: 'wrapupCode',
  prompt: 'prompt',
});

/**
 * Keys whose value is a map keyed by the referenced object's name.
 * - `dataTableLookup.dataTable: {<table>: {foundOutputs...}}` (corpus: CacheExampleFlow, ani-blacklist).
 * - `callBotFlow.botFlow: {<bot flow>: {ver_latestPublished: ...}}` (corpus: DudeWheresMyStuffChat,
 *   MyWebMessenger, BasicMessageFlow).
 * - `callDigitalBotFlow.digitalBotFlow: {<flow>: ...}` (corpus: MakingChatbots inbound-msg).
 * - `callCommonModule.commonModule: {<module>: {ver_latestPublished: ...}}` (corpus:
 *   merge-ephemeral-message MergeExternalContactMessageFlow).
 * - `setScreenPop.screenPopScript: {<script>: {inputs...}}` (corpus: del-webmessage_flow).
 * - `settingsKnowledge: {<knowledge base>: {...}}` or `none: true` (corpus: web-messaging-chatbot-with-
 *   knowledge-base DevOpsKnowledgeChatBot_v2-0).
 */
const NAMED_BY_KEY: Readonly<Record<string, ReferenceKind>> = table({
  dataTable: 'dataTable',
  botFlow: 'botFlow',
  digitalBotFlow: 'digitalBotFlow',
  commonModule: 'commonModule',
  screenPopScript: 'script',
  settingsKnowledge: 'knowledgeBase',
});

/**
 * Keys whose value is `{name: X}` (or a typed value).
 * - `transferToFlow.targetFlow: {name: F}` (corpus: automated-callback "Proactive callback offer");
 *   `transferToFlowSecure.targetFlow` (corpus: process-participant-attributes EventOrchestrator_Flow).
 * - `transferToAcd.overrideInQueueFlow: {name: F}` (not in the corpus; public Archy tooling).
 * - `workitem.worktype: {name: W}` (corpus: process-automation-workitem WorkitemFlow).
 * - `flowOutcome: {name: O}`, `milestone: {name: M}` (not in the corpus; public Archy tooling).
 */
const NAME_SHAPED: Readonly<Record<string, ReferenceKind>> = table({
  targetFlow: 'flow',
  overrideInQueueFlow: 'inqueueFlow',
  worktype: 'worktype',
  flowOutcome: 'flowOutcome',
  milestone: 'flowMilestone',
});

/**
 * Find actions look an object up at run time, by name or id: `findQueue: {findName: {lit: Q},
 * findResult: {var: ...}}` (corpus: architect-flow-public-api archy_flow, MyWebMessenger,
 * DudeWheresMyStuffChat `findQueueById.findId`). Action names from the Platform API's flow action
 * type enum (actionFindEmergencyGroup, actionFindGroup, actionFindLanguageSkill, actionFindQueue,
 * actionFindQueueById, actionFindSchedule, actionFindScheduleGroup, ...). Publishing does not resolve them.
 */
const FIND_ACTIONS: Readonly<Record<string, ReferenceKind>> = table({
  findQueue: 'queue',
  findQueueById: 'queue',
  findUser: 'user',
  findUserById: 'user',
  findGroup: 'group',
  findSkill: 'skill',
  findLanguageSkill: 'language',
  findScheduleGroup: 'scheduleGroup',
  findSchedule: 'schedule',
  findEmergencyGroup: 'emergencyGroup',
  findUserPrompt: 'userPrompt',
  findSystemPrompt: 'systemPrompt',
});

/**
 * Expression functions that look an object up at run time, e.g. `exp: FindEmergencyGroup("My
 * Group")` (corpus: dr-webmessaging MyWebMessenger). `FindFirst`, `FindString`... are string
 * functions and are not listed.
 */
const FIND_FUNCTIONS: Readonly<Record<string, ReferenceKind>> = table({
  FindQueue: 'queue',
  FindQueueById: 'queue',
  FindUser: 'user',
  FindUserById: 'user',
  FindGroup: 'group',
  FindSkill: 'skill',
  FindLanguageSkill: 'language',
  FindScheduleGroup: 'scheduleGroup',
  FindSchedule: 'schedule',
  FindEmergencyGroup: 'emergencyGroup',
  FindUserPrompt: 'userPrompt',
  FindSystemPrompt: 'systemPrompt',
});

/** `NOT_SET`, or `ToQueue(NOT_SET)`-style: no object at all (corpus: `scheduleGroup: exp: ToScheduleGroup(NOT_SET)`). */
const NOT_SET = /^\s*(?:[A-Za-z]+\s*\(\s*NOT_SET\s*\)|NOT_SET)\s*$/;

/** Prompt references inside expressions: `Prompt.Welcome`, `PromptSystem.on_hold_music` (Architect expression syntax). */
const PROMPT_TOKEN = /(?<![A-Za-z0-9_.])(Prompt|PromptSystem)\.([A-Za-z0-9_]+)/g;

/** A call of a run-time lookup function: `FindQueue(`. */
const FIND_CALL = /(?<![A-Za-z0-9_.])(Find[A-Za-z]+)\s*\(/g;

/** A variable name (Architect scopes: `Flow.`, `Task.`, `State.`...), written where a name was expected. */
const VARIABLE_NAME =
  /^(?:Flow|Task|State|Common|Slot|Call|Message|Email|Chat|Workitem|Survey|Session|Memory|System|Interaction)\.[A-Za-z_]/;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const has = (o: Obj, k: string) => Object.hasOwn(o, k);
/** Keys that make a map a typed value rather than a map of names. */
const VALUE_KEYS = new Set(['lit', 'exp', 'var', 'noValue', 'none']);

/** Blanks out the string literals of an expression ("Prompt.X" inside quotes is text, not a reference). */
function withoutStrings(exp: string): string {
  return exp.replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g, (s) => ' '.repeat(s.length));
}

/** A literal prompt name: `PromptSystem.X` → system prompt X, `Prompt.X` → user prompt X, else a user prompt. */
function promptRef(name: string): { kind: ReferenceKind; name: string } {
  const m = /^(Prompt|PromptSystem)\.(.+)$/.exec(name);
  if (!m) return { kind: 'userPrompt', name };
  return { kind: m[1] === 'PromptSystem' ? 'systemPrompt' : 'userPrompt', name: m[2]! };
}

class Scanner {
  readonly refs: FlowReference[] = [];
  private readonly seen = new Set<string>();
  /** `exp:` nodes already reported as a dynamic reference of their field (no second report from FIND_CALL). */
  private readonly consumed = new Set<string>();

  constructor(private readonly doc: SourceDocument) {}

  private add(
    kind: ReferenceKind,
    name: string,
    path: NodePath,
    opts: { key?: boolean; integration?: string; dynamic?: boolean } = {},
  ): void {
    // Names are kept exactly as written (Architect matches them exactly; a corpus data action is
    // named "DR Create Callback " with a trailing space), but a blank name is no reference.
    if (!name.trim()) return;
    const id = JSON.stringify([opts.dynamic ? 1 : 0, kind, opts.integration ?? '', name]);
    if (this.seen.has(id)) return;
    this.seen.add(id);
    const ref: FlowReference = { kind, name, location: this.doc.locate(path, opts.key ?? false) };
    if (opts.integration !== undefined) ref.integration = opts.integration;
    if (opts.dynamic) ref.dynamic = true;
    this.refs.push(ref);
  }

  private literal(kind: FieldKind, name: string, path: NodePath): void {
    if (kind === 'prompt') {
      const p = promptRef(name);
      this.add(p.kind, p.name, path);
    } else this.add(kind, name, path);
  }

  private dynamicRef(kind: FieldKind, text: string, path: NodePath): void {
    this.add(kind === 'prompt' ? 'userPrompt' : kind, text.replace(/\s+/g, ' ').trim(), path, { dynamic: true });
  }

  /** A literal: a string, `{name: X}` (users: `{email: X}`), or a list of either (collections). */
  private lit(kind: FieldKind, lit: unknown, path: NodePath): void {
    if (typeof lit === 'string') this.literal(kind, lit, path);
    else if (Array.isArray(lit))
      lit.forEach((item, i) =>
        isObj(item) && has(item, 'lit') ? this.typed(kind, item, [...path, i]) : this.lit(kind, item, [...path, i]),
      );
    else if (isObj(lit)) {
      if (typeof lit.name === 'string') this.literal(kind, lit.name, [...path, 'name']);
      else if (kind === 'user' && typeof lit.email === 'string') this.literal(kind, lit.email, [...path, 'email']);
    }
  }

  /** A typed value naming an object: `lit:`, `exp:`, `var:`, `noValue:`, a plain string, or a list of them. */
  typed(kind: FieldKind, v: unknown, path: NodePath): void {
    // A plain string naming a variable (`prompt: Flow.HoldPrompt`) is a run-time value, not a name.
    if (typeof v === 'string') {
      if (VARIABLE_NAME.test(v)) this.dynamicRef(kind, v, path);
      else this.literal(kind, v, path);
    } else if (Array.isArray(v)) v.forEach((item, i) => this.typed(kind, item, [...path, i]));
    else if (isObj(v)) {
      if (v.noValue === true) return;
      if (has(v, 'lit')) this.lit(kind, v.lit, [...path, 'lit']);
      else if (typeof v.exp === 'string') this.expressionValue(kind, v.exp, [...path, 'exp']);
      else if (typeof v.var === 'string') this.dynamicRef(kind, v.var, [...path, 'var']);
    }
  }

  /** The expression of a typed field: no object (NOT_SET), prompts named in it, or a run-time choice. */
  private expressionValue(kind: FieldKind, exp: string, path: NodePath): void {
    const id = JSON.stringify(path);
    this.consumed.add(id);
    if (NOT_SET.test(exp)) return;
    // `ToAudio(Prompt.Welcome)`: the prompts it names are literal references, reported by expression().
    if (kind === 'prompt' && new RegExp(PROMPT_TOKEN.source).test(withoutStrings(exp))) return;
    this.dynamicRef(kind, exp, path);
  }

  /** Any `exp:` text: prompt references in it, and run-time lookups not already reported by their field. */
  private expression(exp: string, path: NodePath): void {
    const code = withoutStrings(exp);
    for (const m of code.matchAll(PROMPT_TOKEN))
      this.add(m[1] === 'PromptSystem' ? 'systemPrompt' : 'userPrompt', m[2]!, path);
    if (this.consumed.has(JSON.stringify(path))) return;
    for (const m of code.matchAll(FIND_CALL)) {
      const kind = lookup(FIND_FUNCTIONS, m[1]!);
      if (kind) this.dynamicRef(kind, exp, path);
    }
  }

  /** A find action's input (`findName:`, `findId:`...): always a run-time lookup. */
  private runtimeLookup(kind: ReferenceKind, v: unknown, path: NodePath): void {
    if (typeof v === 'string') this.dynamicRef(kind, v, path);
    else if (isObj(v)) {
      if (typeof v.lit === 'string') this.dynamicRef(kind, v.lit, [...path, 'lit']);
      else if (isObj(v.lit) && typeof v.lit.name === 'string')
        this.dynamicRef(kind, v.lit.name, [...path, 'lit', 'name']);
      else if (typeof v.exp === 'string') {
        this.consumed.add(JSON.stringify([...path, 'exp']));
        if (!NOT_SET.test(v.exp)) this.dynamicRef(kind, v.exp, [...path, 'exp']);
      } else if (typeof v.var === 'string') this.dynamicRef(kind, v.var, [...path, 'var']);
    }
  }

  /** A map keyed by names (`dataTable: {<table>: ...}`). */
  private namedByKey(kind: ReferenceKind, v: unknown, path: NodePath): void {
    if (!isObj(v)) return;
    if (typeof v.exp === 'string') {
      this.expressionValue(kind, v.exp, [...path, 'exp']);
      return;
    }
    for (const name of Object.keys(v)) if (!VALUE_KEYS.has(name)) this.add(kind, name, [...path, name], { key: true });
  }

  /** `callData.category: {<integration>: {dataAction: {<action>: {inputs...}}}}` (corpus: archy_flow, CacheExampleFlow, EmailComprehendFlow...). */
  private dataActions(v: unknown, path: NodePath): void {
    if (!isObj(v)) return;
    for (const [integration, body] of Object.entries(v)) {
      if (!isObj(body) || !isObj(body.dataAction)) continue;
      for (const action of Object.keys(body.dataAction)) {
        if (VALUE_KEYS.has(action)) continue;
        this.add('dataAction', action, [...path, integration, 'dataAction', action], { key: true, integration });
      }
    }
  }

  /** The rules for one map entry `key: v` of the map at `path`. */
  private entry(key: string, v: unknown, path: NodePath): void {
    const at = [...path, key];
    const parentKey = path[path.length - 1];
    const typedField = lookup(TYPED_FIELDS, key);
    if (typedField) this.typed(typedField, v, at);

    const named = lookup(NAMED_BY_KEY, key);
    if (named) this.namedByKey(named, v, at);

    const nameShaped = lookup(NAME_SHAPED, key);
    if (nameShaped) {
      const kind = key === 'targetFlow' && parentKey === 'transferToFlowSecure' ? 'secureFlow' : nameShaped;
      if (isObj(v) && typeof v.name === 'string' && !has(v, 'lit') && !has(v, 'exp'))
        this.literal(kind, v.name, [...at, 'name']);
      else this.typed(kind, v, at);
    }

    if (key === 'category') this.dataActions(v, at);

    // transferToAcd `acdSkills:` — a list of skills, each a typed value or `{acdSkill: <typed>}`.
    if (key === 'acdSkills') {
      if (Array.isArray(v))
        v.forEach((item, i) =>
          isObj(item) && has(item, 'acdSkill')
            ? this.typed('skill', item.acdSkill, [...at, i, 'acdSkill'])
            : this.typed('skill', item, [...at, i]),
        );
      else this.typed('skill', v, at);
    }

    if (isObj(v)) {
      // Variables: `queueVariable: {name: Task.Q, initialValue: {lit: {name: Services}}}`.
      const variable = /^(.+?)(?:Collection)?Variable$/.exec(key);
      const varKind = variable ? lookup(DATA_TYPES, variable[1]!) : undefined;
      if (varKind && has(v, 'initialValue')) this.typed(varKind, v.initialValue, [...at, 'initialValue']);
      // updateData statements: `- queue: {variable: Task.Q, value: {lit: {name: X}}}` (collections: `queueCollection`).
      const statement = /^(.+?)(?:Collection)?$/.exec(key);
      const stKind =
        statement && typeof v.variable === 'string' && has(v, 'value') ? lookup(DATA_TYPES, statement[1]!) : undefined;
      if (stKind) this.typed(stKind, v.value, [...at, 'value']);
      // Find actions: every `find...` input except the result variable.
      const find = lookup(FIND_ACTIONS, key);
      if (find)
        for (const [k, input] of Object.entries(v))
          if (/^find[A-Z]/.test(k) && k !== 'findResult') this.runtimeLookup(find, input, [...at, k]);
    }

    if (key === 'exp' && typeof v === 'string') this.expression(v, at);
  }

  /** Walks a node in document order, applying the rules to each map entry before descending into it. */
  walk(node: unknown, path: NodePath): void {
    if (Array.isArray(node)) node.forEach((item, i) => this.walk(item, [...path, i]));
    else if (isObj(node)) {
      for (const [key, v] of Object.entries(node)) {
        this.entry(key, v, path);
        this.walk(v, [...path, key]);
      }
    }
  }
}

/**
 * Finds the objects a parsed Archy flow file references by name, in document order, with the
 * line/column of each (the name's scalar, or its key when the name is a map key such as a data
 * action or a data table). Same kind + name (+ integration for data actions) is reported once, at
 * its first place. Run-time choices come back with `dynamic: true` (see FlowReference.name).
 * @param doc the flow file after substitution (`readArchyFlow(...).flow.doc`)
 * @param flowTypeKey the top-level key, e.g. `inboundCall`
 */
export function scanFlowReferences(doc: SourceDocument, flowTypeKey: string): FlowReference[] {
  const root = doc.value;
  if (!isObj(root) || !has(root, flowTypeKey)) return [];
  const scanner = new Scanner(doc);
  scanner.walk(root[flowTypeKey], [flowTypeKey]);
  return scanner.refs;
}

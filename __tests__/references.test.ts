/**
 * Names an Archy flow references (src/resources/references.ts). Every snippet here is written for the
 * test; the shapes follow the Archy flow YAML format and what the published corpus flows use.
 */
import { describe, it, expect } from '@jest/globals';
import { parseYamlSource, type SourceDocument } from '../src/util/yaml-source.js';
import { substitute } from '../src/resources/substitute.js';
import { bundledCatalog } from '../src/catalog/bundled.js';
import { scanFlowReferences } from '../src/resources/references.js';
import { REFERENCE_LOOKUPS } from '../src/plan/references.js';
import { REFERENCE_KINDS, type FlowReference, type ReferenceKind } from '../src/types.js';

const FILE = 'flows/test.yaml';

function parse(text: string, file = FILE): SourceDocument {
  const parsed = parseYamlSource(text, file);
  if ('errors' in parsed) throw new Error(parsed.errors.map((e) => e.message).join('; '));
  return parsed.doc;
}

/** References of a flow written as text (top-level key read from the first line). */
function scan(text: string): FlowReference[] {
  const typeKey = /^(\w+):/.exec(text)![1]!;
  return scanFlowReferences(parse(text), typeKey);
}

/** 1-based line and column of the `n`th occurrence of `needle` in `text`. */
function pos(text: string, needle: string, n = 1): { file: string; line: number; column: number } {
  let at = -1;
  for (let i = 0; i < n; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`"${needle}" not found ${n} times`);
  }
  const before = text.slice(0, at);
  const line = before.split('\n').length;
  return { file: FILE, line, column: at - before.lastIndexOf('\n') };
}

const literal = (refs: FlowReference[], kind: ReferenceKind) => refs.filter((r) => r.kind === kind && !r.dynamic);
const dynamic = (refs: FlowReference[]) => refs.filter((r) => r.dynamic);

const CALL_FLOW = `inboundCall:
  name: Main IVR
  defaultLanguage: en-us
  supportedLanguages:
    en-us:
      defaultLanguageSkill:
        lit:
          name: English
  settingsActionDefaults:
    callData:
      processingPrompt:
        lit:
          name: PromptSystem.processing
  settingsErrorHandling:
    errorHandling:
      queue:
        targetQueue:
          lit:
            name: Fallback Queue
  startUpRef: ./tasks/task[main]
  tasks:
    - task:
        name: Main
        refId: main
        variables:
          - queueVariable:
              name: Task.Default
              initialValue:
                lit:
                  name: Default Queue
        actions:
          - playAudio:
              name: Welcome
              audio:
                prompt: Prompt.Welcome_Message
          - playAudio:
              name: Goodbye
              audio:
                exp: AudioPlaybackOptions(Append(ToAudio(Prompt.Goodbye), ToAudioTTS("Prompt.NotAPrompt")), true)
          - callData:
              name: Look up the customer
              category:
                Web Services Data Actions:
                  dataAction:
                    Get Customer By Phone:
                      inputs:
                        phone:
                          exp: Call.Ani
          - dataTableLookup:
              name: Hours
              lookupValue:
                exp: Call.CalledAddress
              dataTable:
                Opening Hours:
                  foundOutputs: {}
          - evaluateScheduleGroup:
              name: Open?
              evaluate:
                now: true
              scheduleGroup:
                lit:
                  name: Support Hours
              emergencyGroup:
                lit:
                  name: Building Evacuation
          - evaluateSchedule:
              name: Holiday?
              evaluationType:
                schedule:
                  selectedSchedule:
                    lit:
                      name: Christmas Day
          - updateData:
              name: Pick queue
              statements:
                - queue:
                    variable: Task.Default
                    value:
                      lit:
                        name: Sales Queue
          - callCommonModule:
              name: Log
              commonModule:
                Logging Module:
                  ver_latestPublished: {}
          - transferToAcd:
              name: To sales
              targetQueue:
                lit:
                  name: Sales Queue
              overrideInQueueFlow:
                name: Sales In-Queue
              acdSkills:
                - acdSkill:
                    lit:
                      name: Spanish Billing
              languageSkill:
                lit:
                  name: Spanish
          - transferToUser:
              name: To the manager
              targetUser:
                lit:
                  name: Ada Lovelace
          - transferToGroup:
              name: To the desk
              targetGroup:
                lit:
                  name: Service Desk
          - transferToFlow:
              name: To survey
              targetFlow:
                name: Post Call Survey
          - transferToFlowSecure:
              name: To payment
              targetFlow:
                name: Card Payment
          - disconnect:
              name: Bye
`;

describe('scanFlowReferences: literal names with their line and column', () => {
  const refs = scan(CALL_FLOW);
  const one = (kind: ReferenceKind, name: string) => {
    const found = refs.filter((r) => r.kind === kind && r.name === name && !r.dynamic);
    expect(found).toHaveLength(1);
    return found[0]!;
  };

  it.each([
    ['queue', 'Fallback Queue'],
    ['queue', 'Default Queue'],
    ['queue', 'Sales Queue'],
    ['language', 'English'],
    ['language', 'Spanish'],
    ['scheduleGroup', 'Support Hours'],
    ['emergencyGroup', 'Building Evacuation'],
    ['schedule', 'Christmas Day'],
    ['skill', 'Spanish Billing'],
    ['user', 'Ada Lovelace'],
    ['group', 'Service Desk'],
    ['flow', 'Post Call Survey'],
    ['secureFlow', 'Card Payment'],
    ['inqueueFlow', 'Sales In-Queue'],
  ] as Array<[ReferenceKind, string]>)('%s "%s" at the name', (kind, name) => {
    const at = pos(CALL_FLOW, `name: ${name}\n`);
    expect(one(kind, name).location).toEqual({ ...at, column: at.column + 'name: '.length });
  });

  it('queue: the first of two uses of the same queue (updateData), not the transfer', () => {
    expect(one('queue', 'Sales Queue').location).toEqual({ file: FILE, line: 80, column: 31 });
  });

  it('data action: the action name (a key) and its category as the integration', () => {
    const r = one('dataAction', 'Get Customer By Phone');
    expect(r.integration).toBe('Web Services Data Actions');
    expect(r.location).toEqual({ file: FILE, line: 45, column: 21 });
    expect(r.location).toEqual(pos(CALL_FLOW, 'Get Customer By Phone:'));
  });

  it('data table and common module: the name is a key', () => {
    expect(one('dataTable', 'Opening Hours').location).toEqual(pos(CALL_FLOW, 'Opening Hours:'));
    expect(one('commonModule', 'Logging Module').location).toEqual({ file: FILE, line: 84, column: 17 });
  });

  it('prompts: system prompt by lit name, user prompt by `prompt:` and inside an expression (not inside a string)', () => {
    expect(one('systemPrompt', 'processing').location).toEqual({ file: FILE, line: 13, column: 17 });
    expect(one('userPrompt', 'Welcome_Message').location).toEqual(pos(CALL_FLOW, 'Prompt.Welcome_Message'));
    expect(one('userPrompt', 'Goodbye').location).toEqual(pos(CALL_FLOW, 'AudioPlaybackOptions('));
    expect(refs.some((r) => r.name === 'NotAPrompt')).toBe(false);
  });

  it('reports in document order and nothing dynamic', () => {
    expect(refs.map((r) => `${r.kind}:${r.name}`)).toEqual([
      'language:English',
      'systemPrompt:processing',
      'queue:Fallback Queue',
      'queue:Default Queue',
      'userPrompt:Welcome_Message',
      'userPrompt:Goodbye',
      'dataAction:Get Customer By Phone',
      'dataTable:Opening Hours',
      'scheduleGroup:Support Hours',
      'emergencyGroup:Building Evacuation',
      'schedule:Christmas Day',
      'queue:Sales Queue',
      'commonModule:Logging Module',
      'inqueueFlow:Sales In-Queue',
      'skill:Spanish Billing',
      'language:Spanish',
      'user:Ada Lovelace',
      'group:Service Desk',
      'flow:Post Call Survey',
      'secureFlow:Card Payment',
    ]);
    expect(dynamic(refs)).toEqual([]);
  });
});

describe('scanFlowReferences: the other kinds', () => {
  it('bot flows, digital bot flows and screen-pop scripts are named by a key', () => {
    const text = `inboundShortMessage:
  name: Messaging
  states:
    - state:
        name: Start
        actions:
          - callBotFlow:
              name: Bot
              botFlow:
                Order Bot:
                  ver_latestPublished:
                    inputs: {}
          - callDigitalBotFlow:
              name: Digital bot
              digitalBotFlow:
                "Returns Bot":
                  ver_latestPublished:
                    none: true
          - setScreenPop:
              name: Pop
              screenPopScript:
                Order Script:
                  inputs: {}
`;
    const refs = scan(text);
    expect(refs).toEqual([
      { kind: 'botFlow', name: 'Order Bot', location: { file: FILE, line: 10, column: 17 } },
      { kind: 'digitalBotFlow', name: 'Returns Bot', location: { file: FILE, line: 16, column: 17 } },
      { kind: 'script', name: 'Order Script', location: { file: FILE, line: 22, column: 17 } },
    ]);
  });

  it('outbound settings: contact list and wrap-up code; in-queue hold music (system prompt)', () => {
    const text = `outboundCall:
  name: Campaign
  settingsOutboundCall:
    contactList:
      lit:
        name: Spring Renewals
    wrapupCode:
      lit:
        name: No Answer
`;
    expect(scan(text)).toEqual([
      { kind: 'contactList', name: 'Spring Renewals', location: { file: FILE, line: 6, column: 15 } },
      { kind: 'wrapupCode', name: 'No Answer', location: { file: FILE, line: 9, column: 15 } },
    ]);
    const inqueue = `inqueueCall:
  name: Waiting
  settingsInQueueCall:
    holdMusic:
      lit:
        name: PromptSystem.on_hold_music
  startUpTaskActions:
    - holdMusic:
        name: Hold Music
        prompt:
          lit:
            name: Prompt.Jazz_Loop
`;
    expect(scan(inqueue)).toEqual([
      { kind: 'systemPrompt', name: 'on_hold_music', location: { file: FILE, line: 6, column: 15 } },
      { kind: 'userPrompt', name: 'Jazz_Loop', location: { file: FILE, line: 12, column: 19 } },
    ]);
  });

  it('knowledge base of a bot (none: true is no reference), worktype of a workitem flow', () => {
    const bot = `botFlow:
  name: Helper
  settingsKnowledge:
    Product FAQ:
      maxNumOfAnswersReturned:
        lit: 3
`;
    expect(scan(bot)).toEqual([
      { kind: 'knowledgeBase', name: 'Product FAQ', location: { file: FILE, line: 4, column: 5 } },
    ]);
    expect(scan(`botFlow:\n  name: Helper\n  settingsKnowledge:\n    none: true\n`)).toEqual([]);
    const workitem = `workitem:
  name: Claims
  worktype:
    name: Insurance Claim
`;
    expect(scan(workitem)).toEqual([
      { kind: 'worktype', name: 'Insurance Claim', location: { file: FILE, line: 4, column: 11 } },
    ]);
  });

  it('flow outcomes and milestones', () => {
    const text = `inboundCall:
  name: Tracked
  tasks:
    - task:
        name: Main
        actions:
          - initializeFlowOutcome:
              flowOutcome:
                name: Self Service
          - addFlowMilestone:
              milestone:
                name: Authenticated
`;
    expect(scan(text)).toEqual([
      { kind: 'flowOutcome', name: 'Self Service', location: { file: FILE, line: 9, column: 23 } },
      { kind: 'flowMilestone', name: 'Authenticated', location: { file: FILE, line: 12, column: 23 } },
    ]);
  });

  it('the same action name under two integrations is two data actions', () => {
    const text = `workflow:
  name: Sync
  states:
    - state:
        name: Start
        actions:
          - callData:
              category:
                CRM Sandbox:
                  dataAction:
                    Get Contact: {}
          - callData:
              category:
                CRM Production:
                  dataAction:
                    Get Contact: {}
`;
    expect(scan(text).map((r) => [r.integration, r.name, r.location.line])).toEqual([
      ['CRM Sandbox', 'Get Contact', 11],
      ['CRM Production', 'Get Contact', 16],
    ]);
  });

  it('names are kept exactly as written (a trailing space inside quotes is part of the name)', () => {
    const text = `workflow:
  name: Exact
  states:
    - state:
        actions:
          - callData:
              category:
                Callbacks:
                  dataAction:
                    "Create Callback ": {}
`;
    expect(scan(text)[0]!.name).toBe('Create Callback ');
  });
});

describe('scanFlowReferences: dynamic references', () => {
  const text = `inboundCall:
  name: Dynamic
  tasks:
    - task:
        name: Main
        actions:
          - findQueue:
              name: Find Queue
              findName:
                lit: Overflow Queue
              findResult:
                var: Task.Found
          - transferToAcd:
              targetQueue:
                exp: Task.Found
          - transferToAcd:
              targetQueue:
                var: Flow.Target
          - evaluateScheduleGroup:
              scheduleGroup:
                exp: ToScheduleGroup(NOT_SET)
              emergencyGroup:
                exp: FindEmergencyGroup("Storm Group")
          - updateData:
              statements:
                - skill:
                    variable: Task.Skill
                    value:
                      exp: FindSkill(Task.SkillName)
          - holdMusic:
              name: Hold Music
              prompt:
                exp: Flow.HoldPrompt
          - dataTableLookup:
              dataTable:
                exp: Task.TableName
          - decision:
              condition:
                exp: IsSet(FindGroup("Night Shift"))
`;
  const refs = scan(text);

  it('expressions, variables and run-time lookups are dynamic, located at what the file says', () => {
    expect(dynamic(refs)).toEqual([
      { kind: 'queue', name: 'Overflow Queue', location: pos(text, 'Overflow Queue'), dynamic: true },
      { kind: 'queue', name: 'Task.Found', location: pos(text, 'Task.Found', 2), dynamic: true },
      { kind: 'queue', name: 'Flow.Target', location: pos(text, 'Flow.Target'), dynamic: true },
      {
        kind: 'emergencyGroup',
        name: 'FindEmergencyGroup("Storm Group")',
        location: pos(text, 'FindEmergencyGroup'),
        dynamic: true,
      },
      { kind: 'skill', name: 'FindSkill(Task.SkillName)', location: pos(text, 'FindSkill'), dynamic: true },
      { kind: 'userPrompt', name: 'Flow.HoldPrompt', location: pos(text, 'Flow.HoldPrompt'), dynamic: true },
      { kind: 'dataTable', name: 'Task.TableName', location: pos(text, 'Task.TableName'), dynamic: true },
      { kind: 'group', name: 'IsSet(FindGroup("Night Shift"))', location: pos(text, 'IsSet('), dynamic: true },
    ]);
  });

  it('NOT_SET is no reference, and nothing dynamic is reported as a literal', () => {
    expect(refs.filter((r) => r.kind === 'scheduleGroup')).toEqual([]);
    expect(refs.filter((r) => !r.dynamic)).toEqual([]);
  });

  it('a plain string naming a variable is dynamic, a plain prompt name is literal', () => {
    const t = `inqueueCall:
  name: Plain
  startUpTaskActions:
    - holdMusic:
        prompt: Flow.HoldPrompt
    - playAudio:
        audio:
          prompt: PromptSystem.voicemail_greeting
`;
    expect(scan(t)).toEqual([
      { kind: 'userPrompt', name: 'Flow.HoldPrompt', location: { file: FILE, line: 5, column: 17 }, dynamic: true },
      { kind: 'systemPrompt', name: 'voicemail_greeting', location: { file: FILE, line: 8, column: 19 } },
    ]);
  });
});

describe('scanFlowReferences: dedupe, empty flows, things that are not references', () => {
  it('same kind + name once, at its first place; other kinds and dynamic uses stay separate', () => {
    const text = `inboundCall:
  name: Repeats
  tasks:
    - task:
        actions:
          - transferToAcd:
              targetQueue:
                lit:
                  name: Support
          - transferToAcd:
              targetQueue:
                lit:
                  name: Support
          - findQueue:
              findName:
                lit: Support
          - transferToGroup:
              targetGroup:
                lit:
                  name: Support
`;
    expect(scan(text)).toEqual([
      { kind: 'queue', name: 'Support', location: { file: FILE, line: 9, column: 25 } },
      { kind: 'queue', name: 'Support', location: { file: FILE, line: 16, column: 22 }, dynamic: true },
      { kind: 'group', name: 'Support', location: { file: FILE, line: 20, column: 25 } },
    ]);
  });

  it('a flow with no references', () => {
    const text = `inboundCall:
  name: Closed
  defaultLanguage: en-us
  supportedLanguages:
    en-us:
      defaultLanguageSkill:
        noValue: true
  initialGreeting:
    tts: We are closed.
  tasks:
    - task:
        name: Closed
        actions:
          - playAudio:
              name: Play Audio
              audio:
                exp: AudioPlaybackOptions(ToAudioTTS("Goodbye"), true)
          - disconnect:
              name: Disconnect
`;
    expect(scan(text)).toEqual([]);
  });

  it('action labels, flow languages, NLU settings and internal refs are not references', () => {
    const text = `digitalBot:
  name: Helper
  description: Calls Prompt.Nothing in a description
  defaultLanguage: en-us
  supportedLanguages:
    en-us:
      none: true
  startUpRef: /digitalBot/bots/bot[Main_1]
  bots:
    - bot:
        name: Main
        refId: Main_1
        actions:
          - askForSlot:
              name: Ask
              slot:
                name: OrderNumber
          - exitBotFlow:
              name: Exit
  settingsNaturalLanguageUnderstanding:
    nluDomainVersion:
      language: en-us
      entities:
        - name: OrderNumber
          type: builtin:number
`;
    expect(scan(text)).toEqual([]);
  });

  it('an unknown top-level key or a non-map document gives no references', () => {
    expect(scanFlowReferences(parse('inboundCall:\n  name: X\n'), 'workflow')).toEqual([]);
    expect(scanFlowReferences(parse('- a\n- b\n'), 'inboundCall')).toEqual([]);
  });

  it('after {{placeholder}} substitution, a reference points at the placeholder in the file', () => {
    const text = `inboundCall:
  name: Templated
  tasks:
    - task:
        actions:
          - transferToAcd:
              targetQueue:
                lit:
                  name: {{queue_name}}
          - callData:
              category:
                {{integration}}:
                  dataAction:
                    Get Order: {}
`;
    const sub = substitute(text, { queue_name: 'Billing Queue', integration: 'Orders API' }, FILE);
    const parsed = parseYamlSource(sub.text, FILE, sub.mapping);
    if ('errors' in parsed) throw new Error('parse');
    expect(scanFlowReferences(parsed.doc, 'inboundCall')).toEqual([
      { kind: 'queue', name: 'Billing Queue', location: pos(text, '{{queue_name}}') },
      {
        kind: 'dataAction',
        name: 'Get Order',
        integration: 'Orders API',
        location: { file: FILE, line: 14, column: 21 },
      },
    ]);
  });
});

describe('REFERENCE_LOOKUPS', () => {
  const catalog = bundledCatalog();
  /** Reads Genesys documents as open to any authenticated token (swagger: no x-inin-requires-permissions). */
  const OPEN_READS = new Set(['GET /api/v2/routing/languages', 'GET /api/v2/groups']);

  it('has one lookup for every kind, and nothing else', () => {
    expect(Object.keys(REFERENCE_LOOKUPS).sort()).toEqual([...REFERENCE_KINDS].sort());
  });

  it.each(REFERENCE_KINDS.map((k) => [k, REFERENCE_LOOKUPS[k].call] as const))(
    '%s: %s is in the catalog, read-only, needing a view permission',
    (_kind, call) => {
      const [method, path] = call.split(' ') as [string, string];
      const op = catalog.lookup(method, path);
      expect(op).toBeDefined();
      expect(op!.path).toBe(path);
      // A read: admitted by a `*:readonly` scope.
      expect(op!.scopes.some((s) => s.endsWith(':readonly'))).toBe(true);
      if (OPEN_READS.has(call)) {
        expect(op!.permissions).toBeNull();
      } else {
        expect(op!.permissions).not.toBeNull();
        for (const p of op!.permissions!.values) expect(p).toMatch(/^[a-zA-Z]+:[a-zA-Z]+:view$/);
      }
    },
  );

  it('every purpose says what it resolves', () => {
    for (const k of REFERENCE_KINDS) expect(REFERENCE_LOOKUPS[k].purpose).toMatch(/^resolve /);
  });
});

/**
 * The benchmark's manifest generator: R resources (60% flows, 15% schedule groups, 10% scripts,
 * 10% WFM moves, 5% WFM schedules) across O orgs, every resource deployed to every org; every
 * third org lacks the Ops division grant and the schedule-group role (findings to report).
 * Write one to a file with `npx tsx bench/make-manifest.ts RESOURCES ORGS OUT.yml`.
 */

/** The manifest's YAML text for `resources` resources and `orgs` orgs. */
export function generateManifest(resources: number, orgs: number): string {
  const divisions = ['Home', 'Support', 'Sales', 'Billing', 'Ops'];
  const lines = ['version: 1', 'defaults: {deployer: archy}', 'orgs:'];
  for (let o = 0; o < orgs; o++) {
    const full = o % 3 !== 2;
    lines.push(`  - name: org${o}`, '    region: us-east-1');
    lines.push('    principal:', '      grant: client-credentials', '      roles:');
    const granted = full ? divisions : divisions.slice(0, 4);
    lines.push(`        - {role: Flow Deployer, divisions: [${granted.join(', ')}]}`);
    if (full) lines.push(`        - {role: Ops, divisions: ['*']}`);
  }
  lines.push(
    'roles:',
    '  Flow Deployer: {permissions: [architect:ui:view, architect:flow:*, architect:job:*, routing:queue:view]}',
  );
  const ops = 'routing:scheduleGroup:*, scripter:*:*, wfm:agent:edit, wfm:schedule:*, directory:user:view';
  lines.push(`  Ops: {permissions: [${ops}]}`);
  const flows: string[] = [];
  const groups: string[] = [];
  const scripts: string[] = [];
  const moves: string[] = [];
  const schedules: string[] = [];
  for (let i = 0; i < resources; i++) {
    const d = divisions[i % divisions.length];
    const k = i % 20;
    if (k < 12) flows.push(`  - {name: Flow ${i}, type: inboundcall, division: ${d}}`);
    else if (k < 15) groups.push(`  - {name: Group ${i}, division: ${d}}`);
    else if (k < 17) scripts.push(`  - {name: Script ${i}, division: ${d}}`);
    else if (k < 19) {
      moves.push(`    - {businessUnit: BU, managementUnit: MU ${i}, agents: [a${i}@example.com], division: ${d}}`);
    } else schedules.push(`    - {businessUnit: BU ${i}, publish: true, division: ${d}}`);
  }
  lines.push('flows:', ...flows, 'scheduleGroups:', ...groups, 'scripts:', ...scripts);
  lines.push('wfm:', '  agentAssignments:', ...moves, '  schedules:', ...schedules);
  return lines.join('\n') + '\n';
}

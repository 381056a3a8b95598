/** SARIF 2.1.0 output (GitHub code scanning), one result per located finding. */
import { FINDING_CODES } from '../types.js';
import { allFindings, type Report } from './model.js';

/** Renders SARIF 2.1.0 as a JSON string. */
export function renderSarif(r: Report, toolVersion: string): string {
  const results = allFindings(r).map((f) => ({
    ruleId: f.code,
    level: f.severity === 'notice' ? 'note' : f.severity,
    message: { text: f.fix ? `${f.message}. Fix: ${f.fix}` : f.message },
    ...(f.location
      ? { locations: [{ physicalLocation: { artifactLocation: { uri: f.location.file.replace(/\\/g, '/') }, region: { startLine: f.location.line, startColumn: f.location.column } } }] }
      : {}),
  }));
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'genesys-preflight', version: toolVersion, rules: FINDING_CODES.map((id) => ({ id, shortDescription: { text: id.replace(/-/g, ' ') } })) } },
        results,
      },
    ],
  };
  return JSON.stringify(sarif, null, 2);
}

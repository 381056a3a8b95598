/**
 * SARIF 2.1.0 output (GitHub code scanning), one result per located finding. Messages are plain
 * text (`sarifText`: no control characters, no embedded links from names); file paths are URI
 * references (`sarifUri`).
 */
import { FINDING_CODES } from '../types.js';
import { allFindings, type Report } from './model.js';
import { sarifText, sarifUri } from './escape.js';

/** Renders SARIF 2.1.0 as a JSON string. */
export function renderSarif(r: Report, toolVersion: string): string {
  const results = allFindings(r).map((f) => ({
    ruleId: f.code,
    level: f.severity === 'notice' ? 'note' : f.severity,
    message: { text: f.fix ? `${sarifText(f.message)}. Fix: ${sarifText(f.fix)}` : sarifText(f.message) },
    ...(f.location
      ? {
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: sarifUri(f.location.file) },
                region: { startLine: f.location.line, startColumn: f.location.column },
              },
            },
          ],
        }
      : {}),
  }));
  const rules = FINDING_CODES.map((id) => ({ id, shortDescription: { text: id.replace(/-/g, ' ') } }));
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{ tool: { driver: { name: 'genesys-preflight', version: toolVersion, rules } }, results }],
  };
  return JSON.stringify(sarif, null, 2);
}

/** Errors a user can cause: they carry located findings and end the run with exit code 2. */
import type { Finding, FindingCode, SourceLocation } from '../types.js';

/** Thrown when the check cannot be done; `findings` say where and why (all `fatal`). */
export class PreflightError extends Error {
  readonly findings: Finding[];
  constructor(findings: Finding[]) {
    super(findings.map((f) => f.message).join('; '));
    this.name = 'PreflightError';
    this.findings = findings;
  }
}

/** A fatal, located error finding. */
export function fatal(code: FindingCode, message: string, location?: SourceLocation, fix?: string): Finding {
  const f: Finding = { severity: 'error', code, message, fatal: true };
  if (location) f.location = location;
  if (fix) f.fix = fix;
  return f;
}

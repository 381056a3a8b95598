/**
 * Archy / CX-as-Code substitutions: `{{key}}` placeholders replaced by plain text *before* YAML
 * parsing (Archy `--optionsFile` with a `substitutions:` map; Terraform provider `substitutions`).
 */
import type { Finding, SourceLocation } from '../types.js';
import { fatal } from '../util/errors.js';

const PLACEHOLDER = /\{\{\s*([A-Za-z0-9_.\-]+)\s*\}\}/g;

/** Result of filling placeholders: the text, and one located error per unfilled placeholder. */
export interface Substituted {
  text: string;
  unfilled: Finding[];
  /** Keys that were used. */
  used: Set<string>;
}

/**
 * Fills `{{key}}` with `values[key]`. Unfilled placeholders are reported at their line and column
 * in `file` (the original text's positions), and left in place.
 */
export function substitute(text: string, values: Record<string, string>, file: string): Substituted {
  const unfilled: Finding[] = [];
  const used = new Set<string>();
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lineStarts.push(i + 1);
  const locate = (offset: number): SourceLocation => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { file, line: lo + 1, column: offset - lineStarts[lo]! + 1 };
  };
  const out = text.replace(PLACEHOLDER, (match, key: string, offset: number) => {
    if (Object.prototype.hasOwnProperty.call(values, key)) {
      used.add(key);
      return values[key]!;
    }
    unfilled.push(
      fatal('manifest-invalid', `placeholder {{${key}}} is not filled`, locate(offset), `add "${key}" to the flow's substitutions (or its optionsFile's substitutions: map)`),
    );
    return match;
  });
  return { text: out, unfilled, used };
}

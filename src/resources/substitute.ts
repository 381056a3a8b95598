/**
 * Archy / CX-as-Code substitutions: `{{key}}` placeholders replaced by plain text *before* YAML
 * parsing (Archy `--optionsFile` with a `substitutions:` map; Terraform provider `substitutions`).
 */
import type { Finding, SourceLocation } from '../types.js';
import { fatal } from '../util/errors.js';
import { lineStartsOf, positionIn } from '../util/positions.js';
import { suggester } from '../util/suggest.js';
import type { SourceMapping } from '../util/yaml-source.js';

const PLACEHOLDER = /\{\{\s*([A-Za-z0-9_.\-]+)\s*\}\}/g;

/** Result of filling placeholders: the text, and one located error per unfilled placeholder. */
export interface Substituted {
  text: string;
  unfilled: Finding[];
  /** Keys that were used. */
  used: Set<string>;
  /** Maps positions in `text` back to the file's own text (for errors found after substitution). */
  mapping: SourceMapping;
}

/** One filled placeholder: where it was in the original text and where its value is in the result. */
interface Replacement {
  key: string;
  from: number;
  length: number;
  to: number;
  valueLength: number;
}

/**
 * Fills `{{key}}` with `values[key]` (own keys only). Unfilled placeholders are reported at their
 * line and column in `file` (the original text's positions), without their name, and left in place.
 */
export function substitute(text: string, values: Record<string, string>, file: string): Substituted {
  const unfilled: Finding[] = [];
  const used = new Set<string>();
  const lineStarts = lineStartsOf(text);
  const locate = (offset: number): SourceLocation => positionIn(lineStarts, offset, file);
  const replacements: Replacement[] = [];
  const hint = suggester(Object.keys(values));
  let shift = 0;
  const out = text.replace(PLACEHOLDER, (match, key: string, offset: number) => {
    if (Object.hasOwn(values, key)) {
      used.add(key);
      const value = values[key]!;
      replacements.push({ key, from: offset, length: match.length, to: offset + shift, valueLength: value.length });
      shift += value.length - match.length;
      return value;
    }
    // The placeholder failed (nothing fills it): its name is not quoted; the hint is a defined key.
    unfilled.push(
      fatal(
        'manifest-invalid',
        `this {{placeholder}} is not filled${hint(key)}`,
        locate(offset),
        "add its key to the flow's substitutions (or its optionsFile's substitutions: map)",
      ),
    );
    return match;
  });
  const find = (offset: number): Replacement | undefined => {
    let lo = 0;
    let hi = replacements.length - 1;
    let found: Replacement | undefined;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (replacements[mid]!.to <= offset) {
        found = replacements[mid];
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  };
  const mapping: SourceMapping = {
    originalText: text,
    toOriginal(offset) {
      const r = find(offset);
      if (!r) return offset;
      // Inside a filled-in value: the placeholder itself. After it: shifted by the size difference.
      if (offset < r.to + r.valueLength) return r.from;
      return offset - (r.to + r.valueLength) + (r.from + r.length);
    },
    describe(offset) {
      const r = find(offset);
      return r && offset < r.to + r.valueLength ? `in the value substituted for {{${r.key}}}` : undefined;
    },
  };
  return { text: out, unfilled, used, mapping };
}

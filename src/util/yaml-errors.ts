/**
 * YAML error messages that never quote the file: the `yaml` library's message when it holds no
 * text of the file, else a message per error code; errors reported at their symptom are moved
 * to their cause (the quote or bracket never closed).
 */
import type { TokenShape } from './yaml-scan.js';

/** A parser that gave up (it recursed too deep): a message without the library's text. */
export function unparsable(e: unknown): string {
  return e instanceof RangeError
    ? 'YAML syntax: collections are nested too deeply'
    : 'YAML syntax: the file cannot be parsed';
}

/**
 * YAML library messages that hold no text of the file (fixed sentences, or fixed words filled in
 * from the library's own vocabulary: token types, "flow map"/"flow sequence"). Anything else is
 * replaced by a message per error code: library messages can quote the file (`Unexpected ${source}`,
 * `Invalid escape sequence ${raw}`, tags, directives), and the file may hold secrets.
 */
const SAFE_YAML_MESSAGES: readonly RegExp[] = [
  /^Implicit keys need to be on a single line$/,
  /^Implicit keys of flow sequence pairs need to be on a single line$/,
  /^Implicit map keys need to be followed by map values$/,
  /^All (sequence|mapping) items must start at the same column$/,
  /^Nested mappings are not allowed in compact mappings$/,
  /^A block sequence may not be used as an implicit map key$/,
  /^Block collections are not allowed within flow collections$/,
  /^Block scalars with more-indented leading empty lines must use an explicit indentation indicator$/,
  /^Block scalar values in collections must be indented$/,
  /^Block scalar lines must not be less indented than their (explicit indentation indicator|first line)$/,
  /^Comments must be separated from other tokens by white space characters$/,
  /^Tags and anchors must be separated from the next token by white space$/,
  /^An alias node must not specify any properties$/,
  /^A node can have at most one (anchor|tag)$/,
  /^(Alias|Anchor) cannot be an empty string$/,
  /^(Alias|Anchor) ending in : is ambiguous$/,
  /^The : indicator must be at most 1024 chars after the start of an implicit (block mapping|flow sequence) key$/,
  /^Block collection cannot start on same line with directives-end marker$/,
  /^Missing directives-end(\/doc-start)? indicator line$/,
  /^Missing newline after block sequence props$/,
  /^Flow end indicator should be more indented than parent$/,
  /^Insufficient indentation in flow collection$/,
  /^Missing (,|, or :) between flow (map|sequence) items$/,
  /^Missing space after : in flow (map|sequence)$/,
  /^Unexpected (empty item|,) in flow (map|sequence)$/,
  /^Unexpected [a-z-]{1,30} (token|at node end)$/,
  /^Expected a flow scalar value, but found: [a-z-]{1,30}$/,
  /^Each pair must have its own sequence indicator$/,
  /^Expected a (mapping|sequence) for this tag$/,
  /^Unexpected doc-end without preceding document$/,
];

/** What each YAML error code means, for messages the library words with the file's text. */
const YAML_CODE_MESSAGES: Record<string, string> = {
  BAD_DQ_ESCAPE: 'invalid escape sequence in a double-quoted string (write \\\\ for a backslash, or use single quotes)',
  BAD_SCALAR_START: 'a plain value cannot start with this character; quote the value',
  BAD_INDENT: 'bad indentation',
  BAD_DIRECTIVE: 'bad % directive line',
  BAD_ALIAS: 'bad alias or anchor name',
  BAD_PROP_ORDER: 'anchors (&) and tags (!) must come after the - or ? indicator',
  BAD_COLLECTION_TYPE: 'this tag (!) does not fit the collection it is on',
  TAG_RESOLVE_FAILED: 'unknown or unsupported tag (!); remove it',
  NON_STRING_KEY: 'keys must be plain text',
  MULTILINE_IMPLICIT_KEY: 'a key must be on a single line',
  MISSING_CHAR: 'something is missing here (a closing quote or bracket, a ":" after a key, or a "," between items)',
  UNEXPECTED_TOKEN: 'unexpected text here (check quotes, brackets, ":" and indentation)',
  BLOCK_AS_IMPLICIT_KEY: 'a block collection cannot be used as a key',
  BLOCK_IN_FLOW: 'block collections are not allowed inside [ ] or { }',
  KEY_OVER_1024_CHARS: 'a key longer than 1024 characters must be written as an explicit key (? key)',
  MULTIPLE_ANCHORS: 'a node can have at most one anchor',
  MULTIPLE_TAGS: 'a node can have at most one tag',
  MULTIPLE_DOCS: 'the file holds more than one YAML document',
  ALIAS_PROPS: 'an alias must not have an anchor or a tag',
  RESOURCE_EXHAUSTION: 'the document expands to too many nodes',
};

/** The library's message when it quotes nothing of the file, else the message for its error code. */
function safeYamlMessage(code: string, message: string): string {
  if (SAFE_YAML_MESSAGES.some((re) => re.test(message))) return message;
  return Object.hasOwn(YAML_CODE_MESSAGES, code) ? YAML_CODE_MESSAGES[code]! : 'the YAML is not well formed here';
}

/**
 * Rewords a YAML error and moves it to its cause where the library reports the symptom.
 * The message never quotes the file (see SAFE_YAML_MESSAGES).
 */
export function explainYamlError(
  code: string,
  message: string,
  offset: number,
  text: string,
  shape: TokenShape,
): { message: string; offset: number } {
  if (/^Missing closing .quote/.test(message)) {
    const q = shape.quoted
      .filter((s) => s.end === offset || (s.start <= offset && offset <= s.end))
      .sort((a, b) => b.start - a.start)[0];
    if (q)
      return {
        message: `the ${q.quote === '"' ? 'double' : 'single'} quote opened here is never closed`,
        offset: q.start,
      };
    return { message: 'a quoted value is never closed', offset };
  }
  if (/^Flow (sequence|mapping) .*end with a/.test(message)) {
    const open = shape.unclosed.filter((u) => u.start < offset).sort((a, b) => b.start - a.start)[0];
    if (open)
      return {
        message: `the "${open.bracket}" opened here is never closed with "${open.bracket === '[' ? ']' : '}'}"`,
        offset: open.start,
      };
    return { message: 'a [ or { is never closed', offset };
  }
  if (code === 'DUPLICATE_KEY') return { message: 'duplicate key: each key may appear once in a map', offset };
  if (code === 'TAB_AS_INDENT')
    return { message: 'tabs are not allowed for indentation in YAML; indent with spaces', offset };
  if (/Maximum call stack/i.test(message)) return { message: `collections are nested too deeply`, offset };
  // Point at the line's content, not at the indentation before it.
  let at = offset;
  while (text[at] === ' ') at++;
  if (text[at] === '\n' || text[at] === '\r' || at >= text.length) at = offset;
  if (/^Sequence item without - indicator/.test(message)) {
    return {
      message:
        'this line is indented as an item of the list above but does not start with "- " (check its indentation)',
      offset: at,
    };
  }
  return { message: lowerFirst(safeYamlMessage(code, message)), offset: at };
}

function lowerFirst(s: string): string {
  return /^[A-Z][a-z]/.test(s) ? s[0]!.toLowerCase() + s.slice(1) : s;
}

/** The library's message without its trailing position and excerpt of the file. */
export function cleanYamlMessage(msg: string): string {
  return msg.replace(/\s+at line \d+, column \d+:?[\s\S]*$/, '').trim();
}

/**
 * Strict JSON syntax check (RFC 8259: no comments, no trailing commas) with `jsonc-parser`
 * (microsoft/node-jsonc-parser, the parser of VS Code's JSON support), reporting the first error
 * as an offset and a message that never quotes the file: the file may hold secrets, so a character
 * is named by its kind ("a letter") unless it is JSON punctuation.
 */
import { printParseErrorCode, visit, type ParseErrorCode, type ParseOptions } from 'jsonc-parser';
import { MAX_NESTING_DEPTH } from './nesting.js';

/** Strict JSON: the parser's JSONC extensions off. */
const STRICT: ParseOptions = { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false };

/** The first syntax error of a JSON text. */
export interface JsonSyntaxError {
  /** Character offset in the text. */
  offset: number;
  /** What is wrong, without any text of the file. */
  message: string;
}

/** Ends the parse at the first error (jsonc-parser would go on, recovering). */
class Stop {
  constructor(readonly error: JsonSyntaxError) {}
}

const A_VALUE = 'a value ("string", number, true, false, null, { or [)';

/** jsonc-parser's error codes by name (its ParseErrorCode is a const enum, not usable under isolatedModules). */
type ErrorName = ReturnType<typeof printParseErrorCode>;

/** The last thing the parser reported, to say what was expected where a stray character stands. */
type Last = 'start' | 'open' | 'key' | 'colon' | 'comma' | 'value';

/**
 * The first syntax error of `text` as strict JSON, or undefined when it is JSON. Collections nested
 * more than MAX_NESTING_DEPTH levels are an error (the parser recurses; nothing downstream has to
 * hold a deeper tree): the parse stops there, so the stack stays shallow.
 */
export function jsonSyntaxError(text: string): JsonSyntaxError | undefined {
  const n = text.length;
  /** Open collections, innermost last. */
  const open: Array<'{' | '['> = [];
  let last: Last = 'start';
  let lastComma = 0;
  const stop = (message: string, offset: number): Stop => new Stop({ offset: Math.min(offset, n), message });
  const found = (at: number) => (at >= n ? 'the end of the file' : describeChar(text[at]!));
  const inObject = () => open[open.length - 1] === '{';
  const begin = (bracket: '{' | '[') => (offset: number) => {
    if (open.length >= MAX_NESTING_DEPTH) {
      throw stop(`collections are nested more than ${MAX_NESTING_DEPTH} levels deep`, offset);
    }
    open.push(bracket);
    last = 'open';
  };
  const end = (offset: number) => {
    // At the end of the text the collection is not closed: the parser reports that next.
    if (offset >= n) return;
    open.pop();
    last = 'value';
  };
  /** What the parser expects after the last thing it reported. */
  const next = (): string | undefined => {
    if (last === 'key') return '":" after the key';
    if (last === 'value') return open.length === 0 ? undefined : `"," or "${inObject() ? '}' : ']'}"`;
    if ((last === 'open' || last === 'comma') && inObject()) return 'a "quoted" key';
    return A_VALUE;
  };
  /** The error at `offset` (a token of `length` characters), worded without the file's text. */
  const explain = (code: ErrorName, offset: number, length: number): Stop => {
    switch (code) {
      case 'InvalidSymbol': {
        // A character that starts no JSON token (a letter, a single quote, ...).
        const wanted = next();
        return stop(wanted ? `expected ${wanted}, found ${found(offset)}` : afterEnd(found(offset)), offset);
      }
      case 'EndOfFileExpected':
        return stop(afterEnd(found(offset)), offset);
      case 'InvalidCommentToken':
      case 'UnexpectedEndOfComment':
        return stop(
          'comments are not allowed in JSON (remove the // or /* */ comment, or use a YAML manifest)',
          offset,
        );
      case 'UnexpectedEndOfString': {
        // The string token ends at a line break, or at the end of the text.
        const stopped = offset + length;
        if (stopped < n) return stop('a string is not closed before the end of the line', stopped);
        return stop('a string is never closed', offset);
      }
      case 'InvalidCharacter': {
        let at = offset + 1;
        while (at < offset + length - 1 && text.charCodeAt(at) >= 0x20) at++;
        return stop('control characters (tabs, newlines) in strings must be escaped', at);
      }
      case 'InvalidUnicode':
        return stop('bad \\u escape in this string (4 hex digits expected)', offset);
      case 'InvalidEscapeCharacter':
        return stop('bad escape sequence in this string (after \\ only " \\ / b f n r t u may follow)', offset);
      case 'UnexpectedEndOfNumber':
      case 'InvalidNumberFormat':
        return stop('a number is not complete (a digit must follow "." and "e")', offset);
      default:
        break;
    }
    if (last === 'comma' && (text[offset] === '}' || text[offset] === ']')) {
      return stop(`trailing comma before "${text[offset]}" (JSON does not allow it)`, lastComma);
    }
    // ValueExpected, PropertyNameExpected, ColonExpected, CommaExpected, Close{Brace,Bracket}Expected.
    const wanted = next();
    return stop(wanted ? `expected ${wanted}, found ${found(offset)}` : 'the JSON is not well formed here', offset);
  };
  try {
    visit(
      text,
      {
        onObjectBegin: begin('{'),
        onArrayBegin: begin('['),
        onObjectEnd: end,
        onArrayEnd: end,
        onObjectProperty: () => {
          last = 'key';
        },
        onLiteralValue: () => {
          last = 'value';
        },
        onSeparator: (sep: string, offset: number) => {
          last = sep === ',' ? 'comma' : 'colon';
          if (sep === ',') lastComma = offset;
        },
        onError: (code: ParseErrorCode, offset: number, length: number) => {
          throw explain(printParseErrorCode(code), offset, length);
        },
      },
      STRICT,
    );
  } catch (e) {
    if (e instanceof Stop) return e.error;
    throw e;
  }
  return undefined;
}

function afterEnd(what: string): string {
  return `found ${what} after the end of the JSON value (a file holds one value)`;
}

/** A character named without showing it, unless it is JSON punctuation or quoting it is harmless. */
function describeChar(c: string): string {
  if ('{}[],:"'.includes(c)) return `"${c}"`;
  if (c === "'") return 'a single quote (JSON strings use double quotes)';
  if (/[A-Za-z]/.test(c)) return 'a letter';
  if (/[0-9]/.test(c)) return 'a digit';
  if (/\s/.test(c)) return 'a space character';
  return 'a character that cannot start a JSON value';
}

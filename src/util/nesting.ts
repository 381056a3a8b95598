/**
 * How deep parsed YAML/JSON documents may nest, and a linear pre-scan that finds YAML text nested
 * far beyond it before any parser builds a tree of it.
 */

/**
 * Deepest nesting of YAML/JSON collections accepted. Deeper documents are rejected before they are
 * composed (composition is recursive and would exhaust the stack); real manifests and Archy flows
 * stay far below it.
 */
export const MAX_NESTING_DEPTH = 200;

/**
 * A linear pre-scan for pathological nesting, without building anything. It counts a lower bound
 * of the nesting depth: flow collections (`[`, `{` where a node can start, outside quotes, comments
 * and block scalars) plus compact block sequences and explicit keys (`- - - x`, `? ? x`) at the
 * start of a line. When that bound passes `limit`, returns the offset where it first passed
 * `report` (the error is located there); otherwise undefined. Undercounting is safe (the exact
 * token scan runs next); it never counts what is not a collection.
 */
export function nestingBeyond(text: string, limit: number, report: number): number | undefined {
  const n = text.length;
  let flow = 0;
  let compact = 0; // `- ` / `? ` indicators opening the current line (block context)
  let lineIndent = 0;
  let atLineStart = true;
  let nodeStart = true; // a node (and so a collection or a quoted scalar) may start here
  let first: number | undefined;
  const isBlank = (c: string | undefined) => c === undefined || c === ' ' || c === '\t' || c === '\n' || c === '\r';
  const deeper = (at: number): boolean => {
    const depth = compact + flow;
    if (depth > report && first === undefined) first = at;
    return depth > limit;
  };
  for (let i = 0; i < n; i++) {
    const c = text[i]!;
    if (c === '\n') {
      atLineStart = true;
      nodeStart = true;
      lineIndent = 0;
      if (flow === 0) compact = 0;
      continue;
    }
    if (atLineStart && flow === 0 && c === ' ') {
      lineIndent++;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r') continue;
    if (c === '#' && (i === 0 || isBlank(text[i - 1]))) {
      const eol = text.indexOf('\n', i);
      i = (eol < 0 ? n : eol) - 1;
      continue;
    }
    if (flow === 0 && (c === '-' || c === '?') && nodeStart && isBlank(text[i + 1]) && (atLineStart || compact > 0)) {
      compact++;
      atLineStart = false;
      if (deeper(i)) return first;
      continue;
    }
    atLineStart = false;
    if (nodeStart && (c === '"' || c === "'")) {
      // A quoted scalar: skip to its end (backslash escapes in double quotes, '' in single quotes).
      let j = i + 1;
      for (; j < n; j++) {
        const d = text[j];
        if (c === '"' && d === '\\') j++;
        else if (d === c) {
          if (c === "'" && text[j + 1] === "'") j++;
          else break;
        }
      }
      i = j;
      nodeStart = false;
      continue;
    }
    if (flow === 0 && nodeStart && (c === '|' || c === '>')) {
      // A block scalar: its content is the following lines indented deeper than this one.
      const indent = lineIndent;
      let eol = text.indexOf('\n', i);
      while (eol >= 0) {
        let k = eol + 1;
        let spaces = 0;
        while (text[k] === ' ') {
          k++;
          spaces++;
        }
        if (k < n && text[k] !== '\n' && text[k] !== '\r' && spaces <= indent) break;
        eol = text.indexOf('\n', k);
      }
      i = (eol < 0 ? n : eol) - 1;
      continue;
    }
    if (c === '[' || c === '{') {
      if (flow > 0 || nodeStart) {
        flow++;
        nodeStart = true;
        if (deeper(i)) return first;
      } else nodeStart = false;
      continue;
    }
    if (flow > 0 && (c === ']' || c === '}')) {
      flow--;
      nodeStart = false;
      continue;
    }
    if (c === ':' && isBlank(text[i + 1])) {
      nodeStart = true;
      continue;
    }
    if (flow > 0 && (c === ',' || c === ':')) {
      nodeStart = true;
      continue;
    }
    nodeStart = false;
  }
  return undefined;
}

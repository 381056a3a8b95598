/**
 * Line and column arithmetic: where a character (or byte) offset of a file is, 1-based, in
 * characters as editors count them.
 */
import type { SourceLocation } from '../types.js';

/** Offsets at which each line of `text` starts (line 1 at offset 0). */
export function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** 1-based line and column of a character offset, given `lineStartsOf(text)`. */
export function positionIn(lineStarts: number[], offset: number, file: string): SourceLocation {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { file, line: lo + 1, column: offset - lineStarts[lo]! + 1 };
}

/**
 * Line and column of a byte offset in UTF-8 `bytes`, whose first `skip` bytes (a BOM) are not part
 * of the text. The column counts the characters decoded from the line's bytes before the offset.
 */
export function bytePositionIn(bytes: Buffer, offset: number, file: string, skip = 0): SourceLocation {
  let line = 1;
  let lineStart = skip;
  for (let i = skip; i < offset; i++)
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  return { file, line, column: bytes.toString('utf8', lineStart, offset).length + 1 };
}

/** util/memo.ts: `perList` shares one result among lists of the same objects, never among different ones. */
import { describe, it, expect } from '@jest/globals';
import { perList } from '../src/util/memo.js';

describe('perList', () => {
  const a = { id: 'a' };
  const b = { id: 'b' };
  const c = { id: 'c' };

  it('computes once for the same list and for another list holding the same objects in the same order', () => {
    const calls: string[][] = [];
    const f = perList((l: readonly { id: string }[]) => {
      calls.push(l.map((x) => x.id));
      return l.map((x) => x.id).join('+');
    });
    const list = [a, b];
    expect([f(list), f(list), f([a, b])]).toEqual(['a+b', 'a+b', 'a+b']);
    expect(calls).toEqual([['a', 'b']]);
  });

  it('tells apart lists of one length with other objects, another order, or equal-looking copies', () => {
    const f = perList((l: readonly { id: string }[]) => l.map((x) => x.id).join('+'));
    expect([f([a, b]), f([a, c]), f([b, a]), f([{ id: 'a' }, b]), f([a]), f([])]).toEqual([
      'a+b',
      'a+c',
      'b+a',
      'a+b',
      'a',
      '',
    ]);
    const seen: number[] = [];
    const g = perList((l: readonly { id: string }[]) => seen.push(l.length));
    g([a, b]);
    g([{ id: 'a' }, b]); // same text, another object: its own result
    expect(seen).toEqual([2, 2]);
  });
});

import { describe, expect, it } from 'vitest';
import { listKey, productFieldKey, quantityFieldKey, saveShortcut } from './keys.ts';

const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {}) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
});
const list = { count: 3, highlight: 0, loading: false };

describe('listKey', () => {
  it('takes the highlighted suggestion on Enter, the first by default', () => {
    expect(listKey(key('Enter'), list)).toEqual({ type: 'take', index: 0 });
    expect(listKey(key('Enter'), { ...list, highlight: 2 })).toEqual({ type: 'take', index: 2 });
  });
  it('moves the highlight within the list', () => {
    expect(listKey(key('ArrowDown'), list)).toEqual({ type: 'highlight', index: 1 });
    expect(listKey(key('ArrowDown'), { ...list, highlight: 2 })).toEqual({ type: 'highlight', index: 2 });
    expect(listKey(key('ArrowUp'), list)).toEqual({ type: 'highlight', index: 0 });
  });
  it('waits for the answer when Enter comes before it', () => {
    expect(listKey(key('Enter'), { count: 0, highlight: 0, loading: true })).toEqual({ type: 'wait' });
  });
  it('leaves Ctrl+Enter to the save shortcut', () => {
    expect(listKey(key('Enter', { ctrlKey: true }), list)).toBeNull();
  });
});

describe('productFieldKey', () => {
  const field = { ...list, query: 't65', chosen: false };
  it('takes the first match, then Enter goes on to the quantity', () => {
    expect(productFieldKey(key('Enter'), field)).toEqual({ type: 'take', index: 0 });
    expect(productFieldKey(key('Enter'), { ...field, chosen: true })).toEqual({ type: 'toQuantity' });
  });
  it('goes to the footer on Enter in an empty product field', () => {
    expect(productFieldKey(key('Enter'), { ...field, query: ' ', count: 0 })).toEqual({ type: 'toFooter' });
  });
  it('says when nothing matches', () => {
    expect(productFieldKey(key('Enter'), { ...field, query: 'zzz', count: 0 })).toEqual({ type: 'noMatch' });
  });
  it('moves between lines with the arrows when no list is open', () => {
    expect(productFieldKey(key('ArrowDown'), { ...field, chosen: true })).toEqual({ type: 'line', delta: 1 });
    expect(productFieldKey(key('ArrowUp'), { ...field, query: '', count: 0 })).toEqual({ type: 'line', delta: -1 });
    expect(productFieldKey(key('ArrowDown'), field)).toEqual({ type: 'highlight', index: 1 });
  });
  it('removes an empty line with Backspace or Delete, and lets them edit text otherwise', () => {
    expect(productFieldKey(key('Backspace'), { ...field, query: '' })).toEqual({ type: 'removeLine' });
    expect(productFieldKey(key('Delete'), { ...field, query: '' })).toEqual({ type: 'removeLine' });
    expect(productFieldKey(key('Backspace'), field)).toBeNull();
  });
});

describe('quantityFieldKey and saveShortcut', () => {
  it('commits the line on Enter and moves between lines with the arrows', () => {
    expect(quantityFieldKey(key('Enter'))).toEqual({ type: 'commit' });
    expect(quantityFieldKey(key('ArrowUp'))).toEqual({ type: 'line', delta: -1 });
    expect(quantityFieldKey(key('Enter', { ctrlKey: true }))).toBeNull();
  });
  it('saves with Ctrl+Enter (confirm) and Ctrl+S (draft)', () => {
    expect(saveShortcut(key('Enter', { ctrlKey: true }))).toBe('confirm');
    expect(saveShortcut(key('s', { ctrlKey: true }))).toBe('draft');
    expect(saveShortcut(key('S', { metaKey: true }))).toBe('draft');
    expect(saveShortcut(key('Enter'))).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { globalShortcut } from './shortcuts.ts';

const key = (k: string, mods: Partial<{ altKey: boolean; ctrlKey: boolean; metaKey: boolean; code: string }> = {}) => ({
  key: k,
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  ...mods,
});

describe('globalShortcut', () => {
  it('opens a new order with Alt+N, even when the layout turns it into another character', () => {
    expect(globalShortcut(key('n', { altKey: true, code: 'KeyN' }), true)).toBe('newOrder');
    expect(globalShortcut(key('˜', { altKey: true, code: 'KeyN' }), false)).toBe('newOrder');
  });
  it('answers an inbound call with Alt+A from anywhere, by its physical key', () => {
    expect(globalShortcut(key('a', { altKey: true, code: 'KeyA' }), true)).toBe('inboundCall');
    expect(globalShortcut(key('å', { altKey: true, code: 'KeyA' }), false)).toBe('inboundCall');
    expect(globalShortcut(key('q', { altKey: true, code: 'KeyA' }), false)).toBe('inboundCall');
    expect(globalShortcut(key('a', { code: 'KeyA' }), false)).toBeNull();
    expect(globalShortcut(key('a', { altKey: true, ctrlKey: true, code: 'KeyA' }), false)).toBeNull();
  });
  it('focuses the search with Ctrl+K anywhere, and with / outside a field', () => {
    expect(globalShortcut(key('k', { ctrlKey: true, code: 'KeyK' }), true)).toBe('search');
    expect(globalShortcut(key('/'), false)).toBe('search');
    expect(globalShortcut(key('/'), true)).toBeNull();
  });
  it('lists the shortcuts with ? outside a field, where it stays a question mark', () => {
    expect(globalShortcut(key('?'), false)).toBe('help');
    expect(globalShortcut(key('?'), true)).toBeNull();
  });
  it('leaves other keys alone', () => {
    expect(globalShortcut(key('n', { code: 'KeyN' }), false)).toBeNull();
    expect(globalShortcut(key('k', { code: 'KeyK' }), false)).toBeNull();
  });
});

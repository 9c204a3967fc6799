import { describe, expect, it } from 'vitest';
import { keyToCommand, type KeyLike } from '../../../src/app/components/keyboard-commands';

const key = (k: string, extra: Partial<KeyLike> = {}): KeyLike => ({ key: k, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...extra });

describe('keyToCommand', () => {
  it('maps undo and redo chords', () => {
    expect(keyToCommand(key('z', { ctrlKey: true }))).toBe('undo');
    expect(keyToCommand(key('Z', { ctrlKey: true, shiftKey: true }))).toBe('redo');
    expect(keyToCommand(key('y', { ctrlKey: true }))).toBe('redo');
    expect(keyToCommand(key('z', { metaKey: true }))).toBe('undo');
  });
  it('maps tool keys and brush size', () => {
    expect(['l', 'b', 'c', '[', ']', 'Escape'].map((k) => keyToCommand(key(k)))).toEqual(['lasso', 'brush', 'cell', 'brush-smaller', 'brush-larger', 'cancel']);
  });
  it('ignores tool keys while typing in a field, but not Escape', () => {
    expect(keyToCommand(key('l', { targetTag: 'INPUT' }))).toBeNull();
    expect(keyToCommand(key('Escape', { targetTag: 'SELECT' }))).toBe('cancel');
    expect(keyToCommand(key('x'))).toBeNull();
  });
});

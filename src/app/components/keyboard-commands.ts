/**
 * Keyboard shortcuts → commands. Pure: the listener in app.tsx dispatches the command.
 * Shortcuts are ignored while typing in a text field or a select.
 */

export type Command = 'undo' | 'redo' | 'lasso' | 'brush' | 'cell' | 'pan' | 'brush-smaller' | 'brush-larger' | 'cancel';

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
  /** Tag name of the focused element, upper case ("INPUT"). */
  targetTag?: string;
}

export function keyToCommand(e: KeyLike): Command | null {
  const mod = e.ctrlKey || e.metaKey;
  const key = e.key.toLowerCase();
  if (mod && !e.altKey) {
    if (key === 'z') return e.shiftKey ? 'redo' : 'undo';
    if (key === 'y') return 'redo';
    return null;
  }
  if (e.key === 'Escape') return 'cancel';
  if (e.altKey || ['INPUT', 'TEXTAREA', 'SELECT'].includes(e.targetTag ?? '')) return null;
  switch (key) {
    case 'l':
      return 'lasso';
    case 'b':
      return 'brush';
    case 'c':
      return 'cell';
    case 'v':
    case 'h':
      return 'pan';
    case '[':
      return 'brush-smaller';
    case ']':
      return 'brush-larger';
    default:
      return null;
  }
}

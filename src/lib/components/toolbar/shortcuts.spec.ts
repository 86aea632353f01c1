import { describe, expect, it } from 'vitest';
import { isCheckShortcut, isRunShortcut } from './shortcuts';

const key = (over: Partial<KeyboardEvent>) => ({
  key: 'Enter',
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...over,
});

describe('shortcuts', () => {
  it('runs on Ctrl+Enter and Cmd+Enter', () => {
    expect(isRunShortcut(key({ ctrlKey: true }))).toBe(true);
    expect(isRunShortcut(key({ metaKey: true }))).toBe(true);
    expect(isRunShortcut(key({}))).toBe(false);
    expect(isRunShortcut(key({ ctrlKey: true, shiftKey: true }))).toBe(false);
  });

  it('checks on Ctrl+Shift+Enter and Cmd+Shift+Enter', () => {
    expect(isCheckShortcut(key({ ctrlKey: true, shiftKey: true }))).toBe(true);
    expect(isCheckShortcut(key({ metaKey: true, shiftKey: true }))).toBe(true);
    expect(isCheckShortcut(key({ shiftKey: true }))).toBe(false);
    expect(isCheckShortcut(key({ ctrlKey: true, shiftKey: true, key: 'a' }))).toBe(false);
  });
});

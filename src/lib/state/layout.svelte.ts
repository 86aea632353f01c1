/**
 * Pane sizes the learner dragged, remembered across reloads (`prodready:v1:layout`): the lesson
 * and side columns' widths and the terminal's share of the work column, in percent; and whether
 * the terminal is maximised.
 */
import { browserStore, loadJson, saveJson, storageKey } from './storage';

const store = browserStore();
const KEY = storageKey('layout');

export interface LayoutSizes {
  lessonWidth: number;
  sideWidth: number;
  terminalShare: number;
}

const DEFAULTS: LayoutSizes = { lessonWidth: 24, sideWidth: 27, terminalShare: 40 };
/** How far each size may go, in percent. */
export const LIMITS: Record<keyof LayoutSizes, [number, number]> = {
  lessonWidth: [14, 45],
  sideWidth: [16, 50],
  terminalShare: [15, 85],
};

function isSizes(value: unknown): value is LayoutSizes {
  return (
    typeof value === 'object' &&
    value !== null &&
    (Object.keys(DEFAULTS) as Array<keyof LayoutSizes>).every((k) => typeof (value as LayoutSizes)[k] === 'number')
  );
}

export function clampSize(key: keyof LayoutSizes, value: number): number {
  const [min, max] = LIMITS[key];
  return Math.round(Math.min(max, Math.max(min, value)) * 10) / 10;
}

class Layout {
  sizes = $state<LayoutSizes>(loadJson(store, KEY, isSizes, DEFAULTS));
  terminalMaximised = $state(false);

  set(key: keyof LayoutSizes, value: number): void {
    this.sizes = { ...this.sizes, [key]: clampSize(key, value) };
    saveJson(store, KEY, this.sizes);
  }
}

export const layout = new Layout();

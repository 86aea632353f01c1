/**
 * How the learner last acted on the page: with the keyboard or with a pointer. The editor asks it
 * when it gains focus, to decide what Tab does there (see Editor.svelte): a learner who tabbed in
 * must be able to tab out (WCAG 2.1.2, no keyboard trap); one who clicked in gets Tab to indent.
 */
export type Modality = 'keyboard' | 'pointer';

let last: Modality = 'pointer';
let listening = false;

/** Start following the page's input (once; capture phase, before any widget handles the event). */
export function followInputModality(target: Pick<Document, 'addEventListener'> = document): void {
  if (listening) return;
  listening = true;
  target.addEventListener('keydown', () => (last = 'keyboard'), true);
  target.addEventListener('pointerdown', () => (last = 'pointer'), true);
}

export function lastInputModality(): Modality {
  return last;
}

/** Asks the compare view (editor/CompareView.svelte) to open; any button may ask. */
class CompareRequest {
  /** Bumped by every request, so asking twice opens twice. */
  seq = $state(0);

  open(): void {
    this.seq++;
  }
}

export const compareRequest = new CompareRequest();

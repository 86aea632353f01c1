/**
 * One confirmation dialog for the page (ConfirmDialog.svelte renders it). `ask` resolves true when
 * the learner confirms; a second question while one is open answers the first with false.
 */
export interface Question {
  title: string;
  message: string;
  confirmLabel: string;
}

class Confirm {
  question = $state<Question | null>(null);
  private resolve: ((ok: boolean) => void) | null = null;

  ask(question: Question): Promise<boolean> {
    this.answer(false);
    this.question = question;
    return new Promise((resolve) => {
      this.resolve = resolve;
    });
  }

  answer(ok: boolean): void {
    const resolve = this.resolve;
    this.resolve = null;
    this.question = null;
    resolve?.(ok);
  }
}

export const confirmation = new Confirm();

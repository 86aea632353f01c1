/**
 * One launch of the course inside an LMS, through its SCORM 1.2 API: initialise, restore progress
 * from `cmi.suspend_data`, report status, score and progress as lessons pass, commit, finish.
 * Element names and vocabularies: SCORM 1.2 Run-Time Environment (ADL 2001), section 3.4.
 */
import type { ProgressRecord } from '../state/progress';
import { courseStatus } from './course-status';
import type { Scorm12Api } from './scorm12-api';
import { decodeSuspendData, encodeSuspendData } from './suspend-data';

/** CMITimespan: HHHH:MM:SS.SS (section 3.4.2). */
export function cmiTimespan(ms: number): string {
  const total = Math.max(0, ms) / 1000;
  const hours = Math.min(9999, Math.floor(total / 3600));
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = (total % 60).toFixed(2).padStart(5, '0');
  return `${String(hours).padStart(4, '0')}:${String(minutes).padStart(2, '0')}:${seconds}`;
}

export class Scorm12Session {
  private started = 0;
  private open = false;
  /** What was last sent, so a grade that changes nothing costs the LMS no commit. */
  private sent = '';

  constructor(
    private readonly api: Scorm12Api,
    /** The lessons of the package's track, in course order. */
    private readonly lessonIds: readonly string[],
    private readonly now: () => number = Date.now,
  ) {}

  /** Initialises the session; the progress the LMS kept, or null when the LMS refused to start. */
  start(): ProgressRecord | null {
    if (this.api.LMSInitialize('') !== 'true') {
      this.warn('LMSInitialize');
      return null;
    }
    this.open = true;
    this.started = this.now();
    if (this.api.LMSGetValue('cmi.core.lesson_status') === 'not attempted') {
      this.set('cmi.core.lesson_status', 'incomplete');
    }
    return decodeSuspendData(this.api.LMSGetValue('cmi.suspend_data'));
  }

  report(record: ProgressRecord): void {
    if (!this.open) return;
    const { status, score } = courseStatus(record, this.lessonIds);
    const suspendData = encodeSuspendData(record);
    const message = JSON.stringify([status, score, suspendData]);
    if (message === this.sent) return;
    this.sent = message;
    this.set('cmi.suspend_data', suspendData);
    this.set('cmi.core.score.min', '0');
    this.set('cmi.core.score.max', '100');
    this.set('cmi.core.score.raw', String(score));
    this.set('cmi.core.lesson_status', status);
    // "suspend" asks the LMS to resume this attempt (suspend_data included) next time; a finished
    // course exits normally.
    this.set('cmi.core.exit', status === 'incomplete' ? 'suspend' : '');
    if (this.api.LMSCommit('') !== 'true') this.warn('LMSCommit');
  }

  /** Sends the session time and finishes; once (unload fires more than one event). */
  finish(): void {
    if (!this.open) return;
    this.open = false;
    this.api.LMSSetValue('cmi.core.session_time', cmiTimespan(this.now() - this.started));
    this.api.LMSCommit('');
    if (this.api.LMSFinish('') !== 'true') this.warn('LMSFinish');
  }

  private set(element: string, value: string): void {
    if (this.api.LMSSetValue(element, value) !== 'true') this.warn(`LMSSetValue ${element}`);
  }

  private warn(call: string): void {
    const code = this.api.LMSGetLastError();
    console.warn(`prodready: the LMS refused ${call}: ${code} ${this.api.LMSGetErrorString(code)}`);
  }
}

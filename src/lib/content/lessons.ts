/** Every lesson, parsed and validated at build time (scripts/vite-lessons-plugin.ts). */
import lessonData from 'virtual:prodready-lessons';
import type { Lesson } from './lesson';

export const lessons: Lesson[] = lessonData;

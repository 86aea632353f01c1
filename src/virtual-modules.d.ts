declare module 'virtual:prodready-lessons' {
  import type { Lesson } from './lib/content/lesson';
  const lessons: Lesson[];
  export default lessons;
}

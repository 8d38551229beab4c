import type { Locale } from '@enlace/shared';

/**
 * What a new board starts with, in the language of whoever creates it: a team working in Spanish gets
 * "Por hacer / En curso / Hecho", not English it then has to rename. The workspace's first board takes
 * `title`; a board created later keeps the title it was given.
 */
export const DEFAULT_BOARD: Record<Locale, { title: string; columns: readonly string[] }> = {
  en: { title: 'Board', columns: ['To do', 'In progress', 'Done'] },
  es: { title: 'Tablero', columns: ['Por hacer', 'En curso', 'Hecho'] },
  pt: { title: 'Quadro', columns: ['A fazer', 'Em andamento', 'Concluído'] },
  fr: { title: 'Tableau', columns: ['À faire', 'En cours', 'Terminé'] },
};

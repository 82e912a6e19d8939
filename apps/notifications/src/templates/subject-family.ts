/**
 * What a message is to its reader, said first in its subject ("Rappel : …") so that a mail rule or a
 * person scanning an inbox can tell a reminder from an acknowledgment without reading further. One family
 * per template; no label is the beginning of another, so a rule matching "Rappel :" catches reminders only.
 */
export const SUBJECT_FAMILIES = {
  /** A date ahead by which someone must act (file, decide, comply, review). */
  reminder: 'Rappel',
  /** A date passed without the step that was expected. */
  alert: 'Alerte',
  /** An authority decided: agrément granted or refused, mise en demeure, shortening, withdrawal. */
  decision: 'Décision',
  /** Someone is asked for something (an opinion before a CPOM). */
  request: 'Demande',
  /** A document or a step a party filed on the platform was recorded (application, project, opinion…). */
  acknowledgment: 'Accusé de réception',
  /** A fact the reader should know, with nothing to do by a date. */
  information: 'Information',
} as const;

export type SubjectFamily = keyof typeof SUBJECT_FAMILIES;

/** "Rappel : " — how every subject of the family begins. */
export function subjectPrefixOf(family: SubjectFamily): string {
  return `${SUBJECT_FAMILIES[family]} : `;
}

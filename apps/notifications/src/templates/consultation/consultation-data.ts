import type { CommonTemplateData } from '../notification-template';

/** What every consultation message shows: the body asked, the CPOM version, its service and its parties. */
export interface ConsultationData extends CommonTemplateData {
  consultationId: string;
  contractId: string;
  /** The CPOM's content version the opinion bears on. */
  contractVersion: number;
  /** The kind of body, as a title: "formation restreinte du comité régional…" or "agence régionale de santé (ARS)". */
  body: string;
  /** The body's own name ("CRPST de Bretagne"). */
  bodyName: string;
  /** The organisation that answers for the body (its secretariat, or the ARS), from the directory. */
  consulted: string;
  service: string;
  caisse: string;
  direccte: string;
}

/** "la CRPST de Bretagne (commission régionale…)" as a sentence names the body. */
export const BODY_TEXT = '{{bodyName}} ({{body}})';
export const BODY_HTML = '<strong>{{bodyName}}</strong> ({{body}})';

import type { CommonTemplateData } from '../notification-template';

/** What every consultation message shows: the body asked, the CPOM's service and its parties. */
export interface ConsultationData extends CommonTemplateData {
  consultationId: string;
  contractId: string;
  /** The kind of body, as a title: "formation restreinte du comité régional…" or "agence régionale de santé (ARS)". */
  body: string;
  /** The organisation asked, from the directory. */
  consulted: string;
  service: string;
  caisse: string;
  direccte: string;
}

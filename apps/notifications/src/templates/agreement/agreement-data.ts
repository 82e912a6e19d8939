import type { CommonTemplateData } from '../notification-template';

/** What every agrément message shows: the service, its DIRECCTE, its regions. */
export interface AgreementData extends CommonTemplateData {
  agreementId: string;
  /** The service's name, as the event states it. */
  service: string;
  /** The DIRECCTE (DREETS) in charge, from the directory. */
  direccte: string;
  regionLabel: string;
  regionList: string;
}

/** Grounds of a compliance notice, a shortening or a withdrawal, in words (D.4622-51). */
export interface GroundsData {
  grounds: string;
}

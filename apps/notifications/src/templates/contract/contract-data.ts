import { type CommonTemplateData, SAMPLE } from '../notification-template';

/** What every CPOM message shows: the contract and its three parties, named from the directory. */
export interface ContractData extends CommonTemplateData {
  contractId: string;
  service: string;
  caisse: string;
  direccte: string;
  regionLabel: string;
  regionList: string;
}

export const contractSample = {
  recipient: SAMPLE.recipient,
  link: `${SAMPLE.base}/api/v1/cpoms/${SAMPLE.contractId}`,
  contractId: SAMPLE.contractId,
  service: SAMPLE.service,
  caisse: SAMPLE.caisse,
  direccte: SAMPLE.direccte,
  regionLabel: SAMPLE.regionLabel,
  regionList: SAMPLE.regionList,
};

/** The three parties, one line of text (and of HTML: no markup in it, so it is escaped like any value). */
export const PARTIES_TEXT = 'Parties au contrat : {{service}}, {{caisse}} et {{direccte}}';

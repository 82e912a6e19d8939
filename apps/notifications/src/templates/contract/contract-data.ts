import type { CommonTemplateData } from '../notification-template';

/** What every CPOM message shows: the contract and its three parties, named from the directory. */
export interface ContractData extends CommonTemplateData {
  contractId: string;
  service: string;
  caisse: string;
  direccte: string;
  regionLabel: string;
  regionList: string;
}

/** The three parties, one line of text (and of HTML: no markup in it, so it is escaped like any value). */
export const PARTIES_TEXT = 'Parties au contrat : {{service}}, {{caisse}} et {{direccte}}';

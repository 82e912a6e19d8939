/**
 * The three parties of a CPOM, as the contracts service named them in the events that carry them
 * (`contract.submitted`, `ready_to_sign`, `signed`, `review_due`, `review_overdue`). Kept so that the
 * events that name only the service (`contract.amended`, `review_completed`, `evaluated`,
 * `consultation.*`) still reach the Caisse and the DIRECCTE of that contract.
 */
export interface ContractParties {
  contractId: string;
  serviceId: string;
  caisseId: string;
  direccteId: string;
  regions: string[];
}

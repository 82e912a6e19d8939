/** An organisation as the contracts service knows it from the directory's `organisation.*` events. */
export interface DirectoryOrganisation {
  id: string;
  /** SSTI, SSTA, DIRECCTE, CAISSE, ARS, CRPRP, OPPBTP, DGT, DRP. */
  type: string;
  name: string;
  regions: string[];
  /** A service's competent Caisse (null for other organisations and while none is known). */
  caisseId: string | null;
  /** A construction-industry (BTP) service: its CPOM should annex the OPPBTP quadripartite convention. */
  btp: boolean;
  /** Employees followed by a service (null for other organisations). */
  employeesFollowed: number | null;
  /** The aggregate version of the event that told this state: an older one arriving late changes nothing. */
  version: number;
}

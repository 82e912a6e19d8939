/** Domain errors of the directory; codes are stable, the http library maps them to problem+json. */
export class OrganisationNotFoundError extends Error {
  readonly code = 'ORGANISATION.NOT_FOUND';
  readonly status = 404;
  constructor(id: string) {
    super(`No organisation ${id}`);
  }
}

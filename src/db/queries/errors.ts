/**
 * Input that passed schema validation but cannot be used by a query, such as a
 * cursor from another listing. The API maps it to a 400 naming `field`.
 */
export class QueryInputError extends Error {
  override readonly name = "QueryInputError";

  constructor(
    /** Request field the problem is in, e.g. `cursor`. */
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

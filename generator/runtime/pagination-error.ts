/** The error pagination throws: a page the client cannot continue from. */
import { KalshiError, named } from './errors.js';

/** The server sent a page the client cannot continue from: a repeated cursor, or a malformed page. */
export class KalshiPaginationError extends KalshiError {
  /** 1-based number of the page (counted in the walk that failed) whose response was rejected. */
  readonly page: number;

  constructor(message: string, options: { page: number; cause?: unknown }) {
    super(message, 'cause' in options ? { cause: options.cause } : undefined);
    this.page = options.page;
  }
}
named(KalshiPaginationError, 'KalshiPaginationError');

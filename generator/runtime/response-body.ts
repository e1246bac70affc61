/**
 * Reading a successful response's JSON body, handed over unread by the transport (to the operation functions,
 * and through openapi-fetch to `ClientCore.unwrap`, see `ClientCore.init`). Reading and parsing are told apart: a body that breaks off or times out is a
 * connection failure (`KalshiConnectionError`, `KalshiTimeoutError`), one that arrives whole but is not JSON (an
 * HTML page, a truncated text) is `KalshiResponseParseError` with the status, content type and a snippet.
 */
import { bodyReadError, describe, responseRecord } from './attempt.js';
import { KalshiResponseParseError } from './request-errors.js';

/** The parsed body; undefined for an empty one. */
export async function readJsonBody(response: Response): Promise<unknown> {
  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    throw bodyReadError(error, response);
  }
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const contentType = response.headers.get('content-type') ?? undefined;
    const kind = /^\s*</.test(text) ? 'HTML or XML' : 'not valid JSON';
    const method = responseRecord(response)?.method ?? 'The request';
    const target = response.url ? describe({ method, url: response.url }) : method;
    throw new KalshiResponseParseError(
      `${target} answered ${response.status} with a body that is ${kind} (content type ${contentType ?? 'none'}); ` +
        'expected JSON. A proxy, captive portal or wrong baseUrl can cause this.',
      { status: response.status, contentType, body: text, cause: error },
    );
  }
}

/**
 * Request bodies that are not JSON, for the operation functions whose body has another media type (each
 * imports only the encoder it needs). `multipart/form-data`: the plain object becomes `FormData` (`fetch` then
 * sets the content type and boundary); a `Blob` or `File` is sent as a file part, an array as one part per
 * element, any other object as JSON text and anything else as text; `undefined` and `null` are left out.
 * `application/x-www-form-urlencoded`: the object's fields as a query string, arrays repeated. Anything else is
 * sent as given (a string, a Blob, bytes).
 */
/** What an encoder gives `fetch` as the body (the kinds both the DOM and Node typings know). */
export type EncodedBody = string | Blob | FormData | URLSearchParams | ArrayBuffer;

export function formDataBody(body: unknown): FormData {
  const form = new FormData();
  if (typeof body !== 'object' || body === null) return form;
  for (const [name, value] of Object.entries(body)) {
    for (const item of Array.isArray(value) ? value : [value]) appendPart(form, name, item);
  }
  return form;
}

export function urlEncodedBody(body: unknown): URLSearchParams {
  const form = new URLSearchParams();
  if (typeof body !== 'object' || body === null) return form;
  for (const [name, value] of Object.entries(body)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item !== undefined && item !== null)
        form.append(name, typeof item === 'object' ? JSON.stringify(item) : String(item));
    }
  }
  return form;
}

export function rawBody(body: unknown): EncodedBody {
  return body as EncodedBody;
}

function appendPart(form: FormData, name: string, value: unknown): void {
  if (value === undefined || value === null) return;
  if (value instanceof Blob) form.append(name, value);
  else if (typeof value === 'object') form.append(name, JSON.stringify(value));
  else form.append(name, String(value));
}

/**
 * Request bodies of `multipart/form-data` operations: the wrapper's plain object becomes `FormData` (openapi-fetch
 * then lets `fetch` set the content type and boundary). A `Blob` or `File` is sent as a file part, an array as one
 * part per element, any other object as JSON text and anything else as text; `undefined` and `null` are left out.
 */
export function formDataBody(body: unknown): FormData {
  const form = new FormData();
  if (typeof body !== 'object' || body === null) return form;
  for (const [name, value] of Object.entries(body)) {
    for (const item of Array.isArray(value) ? value : [value]) appendPart(form, name, item);
  }
  return form;
}

function appendPart(form: FormData, name: string, value: unknown): void {
  if (value === undefined || value === null) return;
  if (value instanceof Blob) form.append(name, value);
  else if (typeof value === 'object') form.append(name, JSON.stringify(value));
  else form.append(name, String(value));
}

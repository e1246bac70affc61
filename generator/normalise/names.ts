/** Naming helpers shared by the normalisers. */

/** Splits `Get Order - API Documentation`, `get-order`, `getOrder`, `order_id` into words. */
export function words(text: string): string[] {
  return text
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
}

/** `KALSHI-ACCESS-KEY` → `KalshiAccessKey`, `Delete API Key` → `DeleteApiKey`, `getOrders` → `GetOrders`. */
export function pascalCase(text: string): string {
  return words(text)
    .map((w) => (w === w.toUpperCase() ? w[0]! + w.slice(1).toLowerCase() : w[0]!.toUpperCase() + w.slice(1)))
    .join('');
}

export function camelCase(text: string): string {
  const p = pascalCase(text);
  return p ? p[0]!.toLowerCase() + p.slice(1) : p;
}

/** `orderId` → `order_id` (SDK parameter names back to the wire names). */
export function snakeCase(text: string): string {
  return words(text)
    .map((w) => w.toLowerCase())
    .join('_');
}

/** An operationId from a page title such as `Get Order - API Documentation` → `GetOrder`. */
export function operationIdFromTitle(title: string): string {
  return pascalCase(title.replace(/\s+[-–|]\s+.*$/, ''));
}

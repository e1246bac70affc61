import { readFileSync, writeFileSync } from 'node:fs';

/**
 * The three edits of the drift demo, on a copy of `api-reference/orders/amend-order-v2.md`: remove a response
 * property (`AmendOrderV2Response.client_order_id`), add a required request property (`AmendOrderV2Request.reason`),
 * rename the operationId (`AmendOrderV2` → `ModifyOrderV2`).
 */
export function editAmendOrderPage(path: string): void {
  let text = readFileSync(path, 'utf8');
  const replace = (from: string, to: string) => {
    if (!text.includes(from)) throw new Error(`the page no longer contains: ${from}`);
    text = text.replace(from, to);
  };
  replace('      operationId: AmendOrderV2\n', '      operationId: ModifyOrderV2\n');
  replace(
    '      required:\n        - ticker\n        - side\n        - price\n        - count\n',
    '      required:\n        - ticker\n        - side\n        - price\n        - count\n        - reason\n',
  );
  replace(
    '      properties:\n        ticker:\n',
    '      properties:\n        reason:\n          type: string\n          description: Why the order is amended\n        ticker:\n',
  );
  const response = text.indexOf('    AmendOrderV2Response:');
  const property = text.indexOf('        client_order_id:\n          type: string\n', response);
  if (response < 0 || property < 0) throw new Error('the page no longer has AmendOrderV2Response.client_order_id');
  text = text.slice(0, property) + text.slice(property + '        client_order_id:\n          type: string\n'.length);
  writeFileSync(path, text);
}

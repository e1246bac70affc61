import { readFileSync, writeFileSync } from 'node:fs';

/**
 * The three edits of the drift demo, on a copy of `api-reference/orders/amend-order.md`: remove a response
 * property (`AmendOrderResponse.old_order`), add a required request property (`AmendOrderRequest.reason`),
 * rename the operationId (`AmendOrder` → `ModifyOrder`).
 */
export function editAmendOrderPage(path: string): void {
  let text = readFileSync(path, 'utf8');
  const replace = (from: string, to: string) => {
    if (!text.includes(from)) throw new Error(`the page no longer contains: ${from}`);
    text = text.replace(from, to);
  };
  replace('      operationId: AmendOrder\n', '      operationId: ModifyOrder\n');
  replace(
    '      required:\n        - ticker\n        - side\n        - action\n      properties:\n',
    '      required:\n        - ticker\n        - side\n        - action\n        - reason\n      properties:\n        reason:\n          type: string\n          description: Why the order is amended\n',
  );
  replace('      required:\n        - old_order\n        - order\n', '      required:\n        - order\n');
  replace("        old_order:\n          $ref: '#/components/schemas/Order'\n          description: The order before amendment\n", '');
  writeFileSync(path, text);
}

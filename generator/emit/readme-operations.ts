import type { ApiNames } from './api-names.ts';
import type { OperationModel } from './operation-model.ts';

/** The README table of one API's operations: HTTP line, name (method and function), authentication, listing. */
export function operationTable(names: ApiNames, operations: readonly OperationModel[], from: string): string {
  const rows = operations.map(
    (op) =>
      `| \`${op.method.toUpperCase()}\` | \`${escapeCell(op.path)}\` | \`${op.wrapperName}\` | ${op.signed ? 'signed' : 'public'}${op.removed ? ', removed from the docs' : op.deprecated ? ', deprecated' : ''} | ${listing(op)} |`,
  );
  return [
    `## ${names.title}: operations (${operations.length})`,
    '',
    `Methods of \`${names.className}\` (\`${names.factoryName}()\`) and functions taking a client first, from \`${from}\`. ` +
      'Listing: what `for await` walks (items of one array), or "pages" where a page holds several arrays and only ' +
      '`.iterPages()` applies.',
    '',
    '| method | path | name | auth | listing |',
    '|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}

function listing(op: OperationModel): string {
  const pagination = op.pagination;
  if (!pagination) return '';
  const code = (key: string) => `\`${escapeCell(key)}\``;
  if (pagination.itemsKey === undefined) return `pages (${pagination.arrays.map(code).join(', ')})`;
  const others = pagination.arrays.filter((key) => key !== pagination.itemsKey);
  return `items ${code(pagination.itemsKey)}${others.length > 0 ? ` (pages also hold ${others.map(code).join(', ')})` : ''}`;
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/`/g, "'");
}

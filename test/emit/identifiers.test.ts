import { describe, expect, it } from 'vitest';
import { parameterIdentifier, typeStem, wrapperName } from '../../generator/emit/identifiers.ts';
import { docText, operationDoc } from '../../generator/emit/jsdoc.ts';

describe('names from the spec become plain identifiers', () => {
  it.each([
    ['GetBalance', 'getBalance', 'GetBalance'],
    ['get-orders', 'getOrders', 'GetOrders'],
    ['CreateRFQ', 'createRFQ', 'CreateRFQ'],
    ['delete API key', 'deleteApiKey', 'DeleteApiKey'],
    ['2fa_reset', '_2faReset', '_2faReset'],
    ['raw', 'rawOperation', 'Raw'],
    ['GetFCMOrders', 'getFCMOrders', 'GetFCMOrders'],
    ['constructor', 'constructorOperation', 'Constructor'],
    ['a`${process.exit()}`b', 'aProcessExitB', 'AProcessExitB'],
    ['x*/ evil(); /*', 'xEvil', 'XEvil'],
  ])('%j → %s / %s', (operationId, method, stem) => {
    expect(wrapperName(operationId)).toBe(method);
    expect(typeStem(operationId)).toBe(stem);
    expect(method).toMatch(/^[A-Za-z_][A-Za-z0-9_]*$/);
  });

  it('an operation function never takes a reserved word or another value of the package entry', () => {
    expect(wrapperName('Delete')).toBe('deleteOperation');
    expect(wrapperName('CreateKalshiClient', new Set(['createKalshiClient']))).toBe('createKalshiClientOperation');
    expect(wrapperName('ErrorFromResponse', new Set(['errorFromResponse']))).toBe('errorFromResponseOperation');
    expect(wrapperName('GetMarket', new Set(['createKalshiClient']))).toBe('getMarket');
  });

  it.each([
    ['order_id', new Set<string>(), 'orderId'],
    ['default', new Set<string>(), 'defaultParam'],
    ['class', new Set<string>(), 'classParam'],
    ['params', new Set(['params']), 'params_'],
    ['9lives', new Set<string>(), '_9lives'],
  ])('parameter %j → %s', (name, taken, want) => expect(parameterIdentifier(name, taken)).toBe(want));
});

describe('spec text in comments', () => {
  it('cannot close the comment or start a tag', () => {
    expect(docText('ends */ here')).toBe('ends *\\/ here');
    expect(docText('line\n@param x injected')).toBe('line\n\\@param x injected');
    expect(docText('keeps `code` and ${x}')).toBe('keeps `code` and ${x}');
  });

  it('says whether the operation is signed and marks deprecation', () => {
    const doc = operationDoc({ summary: 'Get X', description: 'Long.', deprecated: true, signed: true, method: 'get', path: '/x' });
    expect(doc).toBe('Get X\n\nLong.\n\n`GET /x` — signed: needs `apiKeyId` and a private key.\n\n@deprecated This operation is deprecated by Kalshi.');
    expect(operationDoc({ summary: 'P', signed: false, method: 'get', path: '/p' })).toMatch(/public: sent unsigned/);
  });
});

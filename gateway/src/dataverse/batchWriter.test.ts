import { describe, expect, it } from 'vitest';
import { parseBatch } from '../sandbox/dataverse/batch.js';
import { DataverseRequestError } from './errors.js';
import { MAX_BATCH_OPERATIONS, writeBatch, type BatchItem, type BatchOperation } from './batchWriter.js';

const ROOT = 'https://contoso.crm4.dynamics.com/api/data/v9.2/';
const ACCOUNT = '0f3d9b6e-5a21-4c8f-b7d4-2e9a6c1f8b05';

const createAccount = (name: string, contentId?: string): BatchOperation => ({
  method: 'POST',
  path: 'accounts',
  body: { name },
  idempotent: false,
  operation: 'create accounts',
  ...(contentId ? { contentId } : {}),
});

function sequentialIds(): () => string {
  let n = 0;
  return () => `id${++n}`;
}

describe('$batch request bodies', () => {
  it('writes parts with CRLF, absolute URLs, change sets with Content-IDs and $ references', () => {
    const items: BatchItem[] = [
      {
        changeSet: [
          createAccount("O'Brien & Sons"),
          { method: 'POST', path: 'contacts', body: { lastname: 'Hill', 'parentcustomerid_account@odata.bind': '$1' }, idempotent: false, operation: 'create contacts' },
          { method: 'PATCH', path: '$1', body: { telephone1: '555' }, headers: { 'If-Match': '*' }, idempotent: true, operation: 'update accounts' },
        ],
      },
      { method: 'GET', path: `accounts(${ACCOUNT})?$select=name`, idempotent: true, operation: 'retrieve accounts' },
    ];
    const written = writeBatch(items, ROOT, sequentialIds());
    expect(written.contentType).toBe('multipart/mixed; boundary=batch_id1');
    expect(written.body).toBe(
      [
        '--batch_id1',
        'Content-Type: multipart/mixed; boundary=changeset_id2',
        '',
        '--changeset_id2',
        'Content-Type: application/http',
        'Content-Transfer-Encoding: binary',
        'Content-ID: 1',
        '',
        `POST ${ROOT}accounts HTTP/1.1`,
        'Content-Type: application/json; type=entry',
        '',
        '{"name":"O\'Brien & Sons"}',
        '--changeset_id2',
        'Content-Type: application/http',
        'Content-Transfer-Encoding: binary',
        'Content-ID: 2',
        '',
        `POST ${ROOT}contacts HTTP/1.1`,
        'Content-Type: application/json; type=entry',
        '',
        '{"lastname":"Hill","parentcustomerid_account@odata.bind":"$1"}',
        '--changeset_id2',
        'Content-Type: application/http',
        'Content-Transfer-Encoding: binary',
        'Content-ID: 3',
        '',
        'PATCH $1 HTTP/1.1',
        'Content-Type: application/json; type=entry',
        'If-Match: *',
        '',
        '{"telephone1":"555"}',
        '--changeset_id2--',
        '',
        '--batch_id1',
        'Content-Type: application/http',
        'Content-Transfer-Encoding: binary',
        '',
        `GET ${ROOT}accounts(${ACCOUNT})?$select=name HTTP/1.1`,
        'Accept: application/json',
        '',
        '',
        '--batch_id1--',
        '',
      ].join('\r\n'),
    );
  });

  it('is read back request by request by the simulated Dataverse', () => {
    const written = writeBatch([{ changeSet: [createAccount('A'), createAccount('B')] }, { method: 'DELETE', path: `accounts(${ACCOUNT})`, idempotent: true, operation: 'delete accounts' }], ROOT);
    const parsed = parseBatch(written.body, written.contentType);
    expect(parsed).toMatchObject([
      {
        kind: 'changeSet',
        requests: [
          { method: 'POST', url: `${ROOT}accounts`, contentId: '1', body: '{"name":"A"}' },
          { method: 'POST', url: `${ROOT}accounts`, contentId: '2', body: '{"name":"B"}' },
        ],
      },
      { kind: 'request', request: { method: 'DELETE', url: `${ROOT}accounts(${ACCOUNT})`, contentId: undefined } },
    ]);
  });

  it('gives Content-IDs around the ones the caller chose, across change sets', () => {
    const written = writeBatch([{ changeSet: [createAccount('A', '2'), createAccount('B')] }, { changeSet: [createAccount('C'), createAccount('D', 'x')] }], ROOT);
    expect(written.items.flatMap((item) => ('changeSet' in item ? item.changeSet.map((operation) => operation.contentId) : []))).toEqual(['2', '1', '3', 'x']);
  });

  it('refuses what Dataverse would: a GET in a change set, a Content-ID used twice, an empty batch or change set, more than 1000 requests', () => {
    const get: BatchOperation = { method: 'GET', path: 'accounts', idempotent: true, operation: 'retrieve accounts' };
    expect(() => writeBatch([{ changeSet: [get] }], ROOT)).toThrow(DataverseRequestError);
    expect(() => writeBatch([{ changeSet: [createAccount('A', '1')] }, { changeSet: [createAccount('B', '1')] }], ROOT)).toThrow(/used twice/);
    expect(() => writeBatch([], ROOT)).toThrow(DataverseRequestError);
    expect(() => writeBatch([{ changeSet: [] }], ROOT)).toThrow(DataverseRequestError);
    const many = Array.from({ length: MAX_BATCH_OPERATIONS + 1 }, () => get);
    expect(() => writeBatch(many, ROOT)).toThrow(/at most 1000/);
    expect(() => writeBatch(many.slice(1), ROOT)).not.toThrow();
  });
});

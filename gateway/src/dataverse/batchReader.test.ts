import { describe, expect, it } from 'vitest';
import { DataverseResponseError } from './errors.js';
import { readBatch } from './batchReader.js';

const ORG = 'https://contoso.crm4.dynamics.com/api/data/v9.2';
const TASK = 'a59c24f3-fafc-e411-80dd-00155d2a68cb';

/**
 * Shaped like the answers in Dataverse's "Execute batch operations" documentation: LF line endings,
 * a header written without a space after the colon, a change set part and a plain part.
 */
const documentedAnswer = [
  '--batchresponse_c1bd45c1',
  'Content-Type: multipart/mixed; boundary=changesetresponse_ff83b4f1',
  '',
  '--changesetresponse_ff83b4f1',
  'Content-Type: application/http',
  'Content-Transfer-Encoding: binary',
  'Content-ID: 1',
  '',
  'HTTP/1.1 204 No Content',
  'OData-Version: 4.0',
  `Location:${ORG}/tasks(${TASK})`,
  `OData-EntityId:${ORG}/tasks(${TASK})`,
  '',
  '',
  '--changesetresponse_ff83b4f1',
  'Content-Type: application/http',
  'Content-Transfer-Encoding: binary',
  'Content-ID: 2',
  '',
  'HTTP/1.1 204 No Content',
  'OData-Version: 4.0',
  '',
  '--changesetresponse_ff83b4f1--',
  '--batchresponse_c1bd45c1',
  'Content-Type: application/http',
  'Content-Transfer-Encoding: binary',
  '',
  'HTTP/1.1 200 OK',
  'Content-Type: application/json; odata.metadata=minimal',
  'OData-Version: 4.0',
  '',
  '{"@odata.context":"…","value":[{"subject":"Task 1 in batch"},{"subject":"Task 2 in batch"}]}',
  '--batchresponse_c1bd45c1--',
].join('\n');

describe('$batch answers', () => {
  it('reads change set answers with their Content-IDs and a plain answer with its JSON body', () => {
    const items = readBatch('multipart/mixed; boundary=batchresponse_c1bd45c1', documentedAnswer);
    expect(items).toHaveLength(2);
    expect(items[0]).toEqual({
      kind: 'changeSet',
      answers: [
        { status: 204, contentId: '1', body: '', headers: { 'odata-version': '4.0', location: `${ORG}/tasks(${TASK})`, 'odata-entityid': `${ORG}/tasks(${TASK})` } },
        { status: 204, contentId: '2', body: '', headers: { 'odata-version': '4.0' } },
      ],
    });
    expect(items[1]).toMatchObject({ kind: 'answer', answer: { status: 200, contentId: undefined } });
    const answer = items[1]!.kind === 'answer' ? items[1]!.answer : undefined;
    expect(JSON.parse(answer!.body)).toMatchObject({ value: [{ subject: 'Task 1 in batch' }, { subject: 'Task 2 in batch' }] });
  });

  it('reads CRLF and a quoted boundary alike, and a failed change set answered by its failing request', () => {
    const body = [
      '--batchresponse_x',
      'Content-Type: application/http',
      'Content-Transfer-Encoding: binary',
      'Content-ID: 2',
      '',
      'HTTP/1.1 412 Precondition Failed',
      'Content-Type: application/json; odata.metadata=minimal',
      '',
      '{"error":{"code":"0x80040237","message":"A record with matching key values already exists."}}',
      '--batchresponse_x--',
      '',
    ].join('\r\n');
    expect(readBatch('multipart/mixed; boundary="batchresponse_x"', body)).toEqual([
      {
        kind: 'answer',
        answer: {
          status: 412,
          contentId: '2',
          headers: { 'content-type': 'application/json; odata.metadata=minimal' },
          body: '{"error":{"code":"0x80040237","message":"A record with matching key values already exists."}}',
        },
      },
    ]);
  });

  it('reports an answer it cannot read as Dataverse misbehaving', () => {
    expect(() => readBatch('application/json', '{}')).toThrow(DataverseResponseError);
    expect(() => readBatch('multipart/mixed; boundary=b', '--b\nContent-Type: application/http\n\nHTTP/1.1 200 OK\n\n{}')).toThrow(/closing boundary/);
    expect(() => readBatch('multipart/mixed; boundary=b', '--b\nContent-Type: application/http\n\nnot a status line\n--b--')).toThrow(/not an HTTP status line/);
  });
});

/**
 * The record's last sync results: what ran, when, whether it succeeded, SAP's document number,
 * the message and the correlation id to quote to support; filters by status and text; and Retry
 * for failed runs, which the gateway allows integration admins only (others see its refusal).
 * Pure React: data comes from the injected gateway client.
 */

import { DefaultButton, MessageBarType, Stack } from '@fluentui/react';
import * as React from 'react';
import type { FormRecord, SyncResult } from '../shared/api/panelApi';
import type { Formatter } from '../shared/format/formatter';
import type { GatewayClient } from '../shared/gateway/gatewayClient';
import { filterRows } from '../shared/list/rows';
import { fill } from '../shared/pcf/strings';
import { ListToolbar } from '../shared/ui/ListToolbar';
import { PanelFrame } from '../shared/ui/PanelFrame';
import { SapTable, type TableColumn } from '../shared/ui/SapTable';
import { GatewayErrorView, LoadingState, NoticeState } from '../shared/ui/States';
import { useGatewayAction } from '../shared/ui/useGatewayAction';
import { usePanelData } from '../shared/ui/usePanelData';
import type { SyncStrings } from './manifest';
import { syncResultTexts, syncStatusOptions, syncStatusText, withStatus, type SyncStatusFilter } from './syncRows';

export interface SyncStatusViewProps {
  gateway: Pick<GatewayClient, 'syncResults' | 'retrySyncResult' | 'signIn'>;
  /** The form's record; undefined on a new, unsaved record. */
  record: FormRecord | undefined;
  /** The bound column's value: when it changes, the sync results are read again. */
  refreshKey?: string;
  formatter: Formatter;
  locale: string;
  strings: SyncStrings;
}

export function SyncStatusView(props: SyncStatusViewProps): React.ReactElement {
  if (props.record === undefined) {
    return (
      <PanelFrame title={props.strings.title} strings={props.strings} formatter={props.formatter}>
        <NoticeState message={props.strings.notSaved} />
      </PanelFrame>
    );
  }
  return <SyncResultsPanel {...props} record={props.record} />;
}

function SyncResultsPanel(props: SyncStatusViewProps & { record: FormRecord }): React.ReactElement {
  const { gateway, record, strings, formatter, locale } = props;
  const results = usePanelData((signal) => gateway.syncResults(record, signal), [gateway, record.table, record.id, props.refreshKey], { signIn: gateway.signIn });
  const retry = useGatewayAction(
    React.useCallback(
      async (result: SyncResult, signal: AbortSignal) => {
        await gateway.retrySyncResult(result.id, signal);
        return result;
      },
      [gateway],
    ),
  );
  const [status, setStatus] = React.useState<SyncStatusFilter>('all');
  const [text, setText] = React.useState('');
  const texts = React.useMemo(() => syncResultTexts(strings), [strings]);
  const options = React.useMemo(() => syncStatusOptions(strings), [strings]);
  const { reload } = results;
  const retryAndReload = React.useCallback(
    async (row: SyncResult) => {
      if (await retry.run(row)) reload();
    },
    [retry, reload],
  );

  const columns = React.useMemo<TableColumn<SyncResult>[]>(
    () => [
      { key: 'started', name: strings.columnStarted, minWidth: 110, maxWidth: 150, sortValue: (row) => row.startedAt, render: (row) => formatter.dateTime(row.startedAt) },
      { key: 'flow', name: strings.columnFlow, minWidth: 90, maxWidth: 140, sortValue: (row) => row.flow, render: (row) => row.flow },
      { key: 'status', name: strings.columnStatus, minWidth: 80, maxWidth: 140, sortValue: (row) => syncStatusText(row.status, strings), render: (row) => syncStatusText(row.status, strings) },
      { key: 'message', name: strings.columnMessage, minWidth: 200, isMultiline: true, sortValue: (row) => row.message, render: (row) => row.message },
      { key: 'document', name: strings.columnSapDocument, minWidth: 90, maxWidth: 120, sortValue: (row) => row.sapDocumentNumber, render: (row) => row.sapDocumentNumber },
      { key: 'finished', name: strings.columnFinished, minWidth: 110, maxWidth: 150, sortValue: (row) => row.finishedAt, render: (row) => formatter.dateTime(row.finishedAt) },
      { key: 'correlation', name: strings.columnCorrelationId, minWidth: 120, sortValue: (row) => row.correlationId, render: (row) => row.correlationId },
      {
        key: 'action',
        name: strings.columnAction,
        minWidth: 80,
        maxWidth: 100,
        render: (row) =>
          row.retryable ? (
            <DefaultButton
              ariaLabel={fill(strings.retryLabel, row.flow, formatter.dateTime(row.startedAt))}
              onClick={() => void retryAndReload(row)}
              disabled={retry.running}
            >
              {strings.retryRow}
            </DefaultButton>
          ) : null,
      },
    ],
    [strings, formatter, retry.running, retryAndReload],
  );

  const all = results.data?.results ?? [];
  const rows = filterRows(withStatus(all, status), text, texts);
  return (
    <PanelFrame title={strings.title} strings={strings} formatter={formatter} refreshing={results.loading && results.data !== undefined} onRefresh={reload}>
      <ListToolbar statusLabel={strings.statusFilter} statusOptions={options} status={status} onStatusChange={setStatus} textLabel={strings.textFilter} text={text} onTextChange={setText} />
      {retry.result ? <NoticeState message={fill(strings.retryStarted, retry.result.flow)} type={MessageBarType.success} /> : null}
      {retry.error?.kind === 'notAuthorized' ? <NoticeState message={`${strings.retryNotAllowed} ${retry.error.message}`} type={MessageBarType.blocked} /> : null}
      {retry.error && retry.error.kind !== 'notAuthorized' ? <GatewayErrorView error={retry.error} strings={strings} /> : null}
      {results.error ? <GatewayErrorView error={results.error} strings={strings} onRetry={reload} onSignIn={results.signIn} /> : null}
      {!results.error && results.data === undefined ? <LoadingState label={strings.loading} /> : null}
      {!results.error && results.data !== undefined ? (
        <Stack tokens={{ childrenGap: 8 }}>
          {all.length === 0 ? <NoticeState message={strings.empty} /> : null}
          {all.length > 0 && rows.length === 0 ? <NoticeState message={strings.noMatch} /> : null}
          {rows.length > 0 ? (
            <SapTable rows={rows} columns={columns} rowKey={(row) => row.id} ariaLabel={strings.listLabel} locale={locale} initialSort={{ columnKey: 'started', descending: true }} />
          ) : null}
        </Stack>
      ) : null}
    </PanelFrame>
  );
}

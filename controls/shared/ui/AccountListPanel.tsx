/**
 * The body the account list panels share (orders, deliveries, invoices): status and text
 * filters, loading, error and empty states, the sortable list, paging, and room for what a panel
 * adds around its list (totals above, the selected order's lines or open items below).
 */

import * as React from 'react';
import type { ListQuery, Page } from '../api/panelApi';
import { filterRows } from '../list/rows';
import type { SortOrder } from '../list/rows';
import { customerSubtitle, statusOptions, useListQuery, type AccountPanelProps, type AccountPanelStrings } from './accountPanel';
import { ListToolbar } from './ListToolbar';
import { MoreRows } from './MoreRows';
import { PanelFrame } from './PanelFrame';
import { SapTable, type TableColumn } from './SapTable';
import { GatewayErrorView, LoadingState, NoticeState } from './States';
import { usePanelData } from './usePanelData';

interface ListAnswer {
  page: Page;
  retrievedAt: string;
  fromCache: boolean;
}

export interface AccountListPanelProps<Answer extends ListAnswer, Row, S extends AccountPanelStrings> {
  panel: AccountPanelProps<{ signIn: () => Promise<void> }, S> & { accountId: string };
  load: (accountId: string, query: ListQuery, signal: AbortSignal) => Promise<Answer>;
  rowsOf: (answer: Answer) => Row[];
  /** What the text filter searches in a row. */
  textsOf: (row: Row) => readonly string[];
  columns: readonly TableColumn<Row>[];
  rowKey: (row: Row) => string;
  listLabel: string;
  emptyMessage: string;
  initialSort: SortOrder;
  onSelect?: (row: Row | undefined) => void;
  /** Shown above the list once data is there, e.g. totals. */
  renderSummary?: (answer: Answer) => React.ReactNode;
  /** Shown below the list, e.g. the selected row's details; gets the rows the filter kept. */
  renderDetails?: (answer: Answer, shownRows: Row[]) => React.ReactNode;
}

export function AccountListPanel<Answer extends ListAnswer, Row, S extends AccountPanelStrings>(props: AccountListPanelProps<Answer, Row, S>): React.ReactElement {
  const { panel, load, rowsOf, textsOf } = props;
  const { strings, formatter, accountId } = panel;
  const list = useListQuery();
  const data = usePanelData((signal) => load(accountId, list.query, signal), [load, accountId, list.query], { signIn: panel.gateway.signIn });
  const answer = data.data;
  const allRows = React.useMemo(() => (answer ? rowsOf(answer) : []), [answer, rowsOf]);
  const rows = React.useMemo(() => filterRows(allRows, list.text, textsOf), [allRows, list.text, textsOf]);

  return (
    <PanelFrame
      title={strings.title}
      subtitle={customerSubtitle(strings, panel.customerNumber)}
      strings={strings}
      formatter={formatter}
      freshness={answer}
      refreshing={data.loading && answer !== undefined}
      onRefresh={data.reload}
    >
      <ListToolbar
        statusLabel={strings.statusFilter}
        statusOptions={statusOptions(strings)}
        status={list.query.status}
        onStatusChange={list.setStatus}
        textLabel={strings.textFilter}
        text={list.text}
        onTextChange={list.setText}
      />
      {data.error ? <GatewayErrorView error={data.error} strings={strings} onRetry={data.reload} onSignIn={data.signIn} /> : null}
      {!data.error && answer === undefined ? <LoadingState label={strings.loading} /> : null}
      {!data.error && answer !== undefined ? (
        <>
          {props.renderSummary?.(answer)}
          {allRows.length === 0 ? <NoticeState message={props.emptyMessage} /> : null}
          {allRows.length > 0 && rows.length === 0 ? <NoticeState message={strings.noMatch} /> : null}
          {rows.length > 0 ? (
            <SapTable
              rows={rows}
              columns={props.columns}
              rowKey={props.rowKey}
              ariaLabel={props.listLabel}
              locale={panel.locale}
              initialSort={props.initialSort}
              onSelect={props.onSelect}
            />
          ) : null}
          <MoreRows
            returned={answer.page.returned}
            hasMore={answer.page.hasMore}
            top={list.query.top}
            strings={strings}
            disabled={data.loading}
            onShowMore={list.showMore}
          />
          {props.renderDetails?.(answer, rows)}
        </>
      ) : null}
    </PanelFrame>
  );
}

export type { TableColumn };

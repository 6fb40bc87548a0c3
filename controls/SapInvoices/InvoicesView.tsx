/**
 * The account's SAP invoices and open items: open balance and overdue amount, each invoice with
 * amounts, due date, payment status and what is still open, and the open receivables in
 * accounting. Pure React: data comes from the injected gateway client.
 */

import { Stack, Text } from '@fluentui/react';
import * as React from 'react';
import type { Invoice, InvoicesPanel, ListQuery, OpenItem } from '../shared/api/panelApi';
import type { Formatter } from '../shared/format/formatter';
import type { GatewayClient } from '../shared/gateway/gatewayClient';
import { fill } from '../shared/pcf/strings';
import { AccountListPanel, type TableColumn } from '../shared/ui/AccountListPanel';
import { AccountPanelGate, type AccountPanelProps } from '../shared/ui/accountPanel';
import { KeyFigures } from '../shared/ui/KeyFigures';
import { SapTable } from '../shared/ui/SapTable';
import { NoticeState } from '../shared/ui/States';
import { invoiceTexts, paymentStatusText } from './invoiceRows';
import type { InvoicesStrings } from './manifest';

export type InvoicesViewProps = AccountPanelProps<Pick<GatewayClient, 'invoices' | 'signIn'>, InvoicesStrings>;

export function InvoicesView(props: InvoicesViewProps): React.ReactElement {
  return <AccountPanelGate props={props} render={(accountId) => <InvoicesPanelBody {...props} accountId={accountId} />} />;
}

const invoicesOf = (answer: InvoicesPanel): Invoice[] => answer.invoices;
const invoiceKey = (invoice: Invoice): string => invoice.invoiceNumber;

function InvoicesPanelBody(props: InvoicesViewProps & { accountId: string }): React.ReactElement {
  const { gateway, strings, formatter, locale } = props;
  const load = React.useCallback((accountId: string, query: ListQuery, signal: AbortSignal) => gateway.invoices(accountId, query, signal), [gateway]);
  const columns = React.useMemo(() => invoiceColumns(strings, formatter), [strings, formatter]);
  const texts = React.useMemo(() => invoiceTexts(strings), [strings]);
  const openItemColumnList = React.useMemo(() => openItemColumns(strings, formatter), [strings, formatter]);

  return (
    <AccountListPanel
      panel={props}
      load={load}
      rowsOf={invoicesOf}
      textsOf={texts}
      columns={columns}
      rowKey={invoiceKey}
      listLabel={fill(strings.listLabel, props.customerNumber)}
      emptyMessage={strings.empty}
      initialSort={{ columnKey: 'billingDate', descending: true }}
      renderSummary={(answer) => (
        <KeyFigures
          label={strings.totalsLabel}
          figures={[
            { label: strings.totalOpenBalance, value: formatter.amount(answer.totals.openBalance, answer.totals.currency) },
            { label: strings.totalOverdue, value: formatter.amount(answer.totals.overdueAmount, answer.totals.currency), warning: answer.totals.overdueAmount > 0 },
          ]}
        />
      )}
      renderDetails={(answer) => (
        <Stack tokens={{ childrenGap: 4 }}>
          <Text as="h3" variant="mediumPlus">
            {strings.openItemsTitle}
          </Text>
          {answer.openItems.length === 0 ? (
            <NoticeState message={strings.openItemsEmpty} />
          ) : (
            <SapTable
              rows={answer.openItems}
              columns={openItemColumnList}
              rowKey={(item) => `${item.documentNumber}/${item.fiscalYear}/${item.invoiceNumber}/${item.dueDate}/${item.amount}`}
              ariaLabel={fill(strings.openItemsLabel, props.customerNumber)}
              locale={locale}
              initialSort={{ columnKey: 'dueDate', descending: false }}
            />
          )}
        </Stack>
      )}
    />
  );
}

function invoiceColumns(strings: InvoicesStrings, formatter: Formatter): TableColumn<Invoice>[] {
  return [
    { key: 'invoice', name: strings.columnInvoice, minWidth: 80, maxWidth: 110, sortValue: (row) => row.invoiceNumber, render: (row) => row.invoiceNumber },
    { key: 'billingDate', name: strings.columnBillingDate, minWidth: 80, maxWidth: 110, sortValue: (row) => row.billingDate, render: (row) => formatter.date(row.billingDate) },
    { key: 'dueDate', name: strings.columnDueDate, minWidth: 80, maxWidth: 110, sortValue: (row) => row.dueDate, render: (row) => formatter.date(row.dueDate) },
    { key: 'net', name: strings.columnNetValue, minWidth: 90, numeric: true, sortValue: (row) => row.netValue, render: (row) => formatter.amount(row.netValue, row.currency) },
    { key: 'tax', name: strings.columnTax, minWidth: 80, numeric: true, sortValue: (row) => row.taxAmount, render: (row) => formatter.amount(row.taxAmount, row.currency) },
    { key: 'gross', name: strings.columnGrossValue, minWidth: 90, numeric: true, sortValue: (row) => row.grossValue, render: (row) => formatter.amount(row.grossValue, row.currency) },
    {
      key: 'payment',
      name: strings.columnPaymentStatus,
      minWidth: 100,
      sortValue: (row) => paymentStatusText(row.paymentStatus, strings),
      render: (row) => paymentStatusText(row.paymentStatus, strings),
    },
    { key: 'open', name: strings.columnOpenBalance, minWidth: 90, numeric: true, sortValue: (row) => row.openBalance, render: (row) => formatter.amount(row.openBalance, row.currency) },
  ];
}

function openItemColumns(strings: InvoicesStrings, formatter: Formatter): TableColumn<OpenItem>[] {
  return [
    { key: 'document', name: strings.columnDocument, minWidth: 90, maxWidth: 120, sortValue: (row) => row.documentNumber, render: (row) => row.documentNumber },
    { key: 'year', name: strings.columnFiscalYear, minWidth: 50, maxWidth: 70, sortValue: (row) => row.fiscalYear, render: (row) => row.fiscalYear },
    { key: 'invoice', name: strings.columnInvoice, minWidth: 80, maxWidth: 110, sortValue: (row) => row.invoiceNumber, render: (row) => row.invoiceNumber },
    { key: 'postingDate', name: strings.columnPostingDate, minWidth: 80, maxWidth: 110, sortValue: (row) => row.postingDate, render: (row) => formatter.date(row.postingDate) },
    { key: 'dueDate', name: strings.columnDueDate, minWidth: 80, maxWidth: 110, sortValue: (row) => row.dueDate, render: (row) => formatter.date(row.dueDate) },
    { key: 'amount', name: strings.columnAmount, minWidth: 90, numeric: true, sortValue: (row) => row.amount, render: (row) => formatter.amount(row.amount, row.currency) },
    { key: 'overdue', name: strings.columnDaysOverdue, minWidth: 70, maxWidth: 100, numeric: true, sortValue: (row) => row.daysOverdue, render: (row) => formatter.number(row.daysOverdue) },
  ];
}

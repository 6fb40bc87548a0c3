/**
 * The account's SAP sales orders: filter by status (in SAP) and text, sort by any column, show
 * more, and the lines of the order the user selects. Pure React: data comes from the injected
 * gateway client.
 */

import { Stack, Text } from '@fluentui/react';
import * as React from 'react';
import type { ListQuery, OrderLine, OrdersPanel, SalesOrder } from '../shared/api/panelApi';
import type { Formatter } from '../shared/format/formatter';
import type { GatewayClient } from '../shared/gateway/gatewayClient';
import { fill } from '../shared/pcf/strings';
import { AccountListPanel, type TableColumn } from '../shared/ui/AccountListPanel';
import { AccountPanelGate, type AccountPanelProps } from '../shared/ui/accountPanel';
import { SapTable } from '../shared/ui/SapTable';
import { orderBlocks, orderTexts, processingStatusText } from './orderRows';
import type { OrdersStrings } from './manifest';

export type OrdersViewProps = AccountPanelProps<Pick<GatewayClient, 'orders' | 'signIn'>, OrdersStrings>;

export function OrdersView(props: OrdersViewProps): React.ReactElement {
  return <AccountPanelGate props={props} render={(accountId) => <OrdersPanelBody {...props} accountId={accountId} />} />;
}

const ordersOf = (answer: OrdersPanel): SalesOrder[] => answer.orders;
const orderKey = (order: SalesOrder): string => order.documentNumber;
/** SAP's name of the document type where it gives one (Standard Order), else its key (TA). */
const typeOf = (order: SalesOrder): string => order.documentTypeName || order.documentType;

function OrdersPanelBody(props: OrdersViewProps & { accountId: string }): React.ReactElement {
  const { gateway, strings, formatter } = props;
  const [selected, setSelected] = React.useState<SalesOrder | undefined>(undefined);
  const load = React.useCallback((accountId: string, query: ListQuery, signal: AbortSignal) => gateway.orders(accountId, query, signal), [gateway]);
  const columns = React.useMemo(() => orderColumns(strings, formatter), [strings, formatter]);

  return (
    <AccountListPanel
      panel={props}
      load={load}
      rowsOf={ordersOf}
      textsOf={orderTexts}
      columns={columns}
      rowKey={orderKey}
      listLabel={fill(strings.listLabel, props.customerNumber)}
      emptyMessage={strings.empty}
      initialSort={{ columnKey: 'date', descending: true }}
      onSelect={setSelected}
      renderDetails={(_answer, shownOrders) => {
        const order = selected && shownOrders.find((candidate) => candidate.documentNumber === selected.documentNumber);
        return order ? <OrderLines order={order} {...props} /> : <Text variant="small">{strings.selectHint}</Text>;
      }}
    />
  );
}

function orderColumns(strings: OrdersStrings, formatter: Formatter): TableColumn<SalesOrder>[] {
  const status = (value: SalesOrder['status']['overall']) => processingStatusText(value, strings);
  return [
    { key: 'order', name: strings.columnOrder, minWidth: 80, maxWidth: 110, sortValue: (order) => order.documentNumber, render: (order) => order.documentNumber },
    { key: 'type', name: strings.columnType, minWidth: 60, maxWidth: 120, sortValue: typeOf, render: typeOf },
    { key: 'date', name: strings.columnDate, minWidth: 80, maxWidth: 110, sortValue: (order) => order.documentDate, render: (order) => formatter.date(order.documentDate) },
    { key: 'reference', name: strings.columnCustomerReference, minWidth: 100, sortValue: (order) => order.customerReference, render: (order) => order.customerReference },
    {
      key: 'requested',
      name: strings.columnRequestedDelivery,
      minWidth: 80,
      maxWidth: 110,
      sortValue: (order) => order.requestedDeliveryDate,
      render: (order) => formatter.date(order.requestedDeliveryDate),
    },
    {
      key: 'netValue',
      name: strings.columnNetValue,
      minWidth: 100,
      maxWidth: 140,
      numeric: true,
      sortValue: (order) => order.netValue,
      render: (order) => formatter.amount(order.netValue, order.currency),
    },
    {
      key: 'status',
      name: strings.columnStatus,
      minWidth: 100,
      sortValue: (order) => status(order.status.overall),
      render: (order) => [status(order.status.overall), ...orderBlocks(order, strings)].join(' · '),
    },
    { key: 'delivery', name: strings.columnDeliveryStatus, minWidth: 90, sortValue: (order) => status(order.status.delivery), render: (order) => status(order.status.delivery) },
    { key: 'billing', name: strings.columnBillingStatus, minWidth: 90, sortValue: (order) => status(order.status.billing), render: (order) => status(order.status.billing) },
  ];
}

function OrderLines({ order, strings, formatter, locale }: { order: SalesOrder } & OrdersViewProps): React.ReactElement {
  const columns = React.useMemo<TableColumn<OrderLine>[]>(
    () => [
      { key: 'item', name: strings.columnItem, minWidth: 40, maxWidth: 60, numeric: true, sortValue: (line) => line.itemNumber, render: (line) => line.itemNumber },
      { key: 'material', name: strings.columnMaterial, minWidth: 80, maxWidth: 140, sortValue: (line) => line.materialNumber, render: (line) => line.materialNumber },
      { key: 'description', name: strings.columnDescription, minWidth: 120, sortValue: (line) => line.description, render: (line) => line.description },
      {
        key: 'quantity',
        name: strings.columnQuantity,
        minWidth: 70,
        maxWidth: 100,
        numeric: true,
        sortValue: (line) => line.quantity,
        render: (line) => formatter.quantity(line.quantity, line.unit),
      },
      {
        key: 'requested',
        name: strings.columnRequestedDate,
        minWidth: 80,
        maxWidth: 110,
        sortValue: (line) => line.requestedDate,
        render: (line) => formatter.date(line.requestedDate),
      },
      {
        key: 'netValue',
        name: strings.columnNetValue,
        minWidth: 90,
        maxWidth: 130,
        numeric: true,
        sortValue: (line) => line.netValue,
        render: (line) => formatter.amount(line.netValue, order.currency),
      },
      {
        key: 'delivery',
        name: strings.columnDeliveryStatus,
        minWidth: 90,
        sortValue: (line) => processingStatusText(line.deliveryStatus, strings),
        render: (line) => (line.rejected ? strings.lineRejected : processingStatusText(line.deliveryStatus, strings)),
      },
    ],
    [strings, formatter, order.currency],
  );
  const title = fill(strings.linesOf, order.documentNumber);
  return (
    <Stack tokens={{ childrenGap: 4 }}>
      <Text as="h3" variant="mediumPlus">
        {title}
      </Text>
      <SapTable rows={order.lines} columns={columns} rowKey={(line) => String(line.itemNumber)} ariaLabel={title} locale={locale} initialSort={{ columnKey: 'item', descending: false }} />
    </Stack>
  );
}

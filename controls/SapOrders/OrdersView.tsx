/**
 * The account's SAP sales orders: filter by status (server) and text, sort by any column, show
 * more, and the lines of the order the user selects. Pure React: data comes from the injected
 * gateway client.
 */

import { Stack, Text } from '@fluentui/react';
import * as React from 'react';
import type { OrderLine, SalesOrder } from '../shared/api/panelApi';
import type { GatewayClient } from '../shared/gateway/gatewayClient';
import { filterRows } from '../shared/list/rows';
import { fill } from '../shared/pcf/strings';
import { AccountPanelGate, customerSubtitle, statusOptions, useListQuery, type AccountPanelProps } from '../shared/ui/accountPanel';
import { ListToolbar } from '../shared/ui/ListToolbar';
import { MoreRows } from '../shared/ui/MoreRows';
import { PanelFrame } from '../shared/ui/PanelFrame';
import { SapTable, type TableColumn } from '../shared/ui/SapTable';
import { GatewayErrorView, LoadingState, NoticeState } from '../shared/ui/States';
import { usePanelData } from '../shared/ui/usePanelData';
import { orderBlocks, orderTexts, processingStatusText } from './orderRows';
import type { OrdersStrings } from './strings';

export type OrdersViewProps = AccountPanelProps<Pick<GatewayClient, 'orders' | 'signIn'>, OrdersStrings>;

export function OrdersView(props: OrdersViewProps): React.ReactElement {
  return <AccountPanelGate props={props} render={(accountId) => <OrdersPanel {...props} accountId={accountId} />} />;
}

function OrdersPanel(props: OrdersViewProps & { accountId: string }): React.ReactElement {
  const { gateway, accountId, strings, formatter, locale } = props;
  const list = useListQuery();
  const panel = usePanelData((signal) => gateway.orders(accountId, list.query, signal), [gateway, accountId, list.query], { signIn: gateway.signIn });
  const [selected, setSelected] = React.useState<SalesOrder | undefined>(undefined);

  const orderColumns = React.useMemo<TableColumn<SalesOrder>[]>(
    () => [
      { key: 'order', name: strings.columnOrder, minWidth: 80, maxWidth: 110, sortValue: (order) => order.documentNumber, render: (order) => order.documentNumber },
      { key: 'type', name: strings.columnType, minWidth: 40, maxWidth: 60, sortValue: (order) => order.documentType, render: (order) => order.documentType },
      { key: 'date', name: strings.columnDate, minWidth: 80, maxWidth: 110, sortValue: (order) => order.documentDate, render: (order) => formatter.date(order.documentDate) },
      {
        key: 'reference',
        name: strings.columnCustomerReference,
        minWidth: 100,
        sortValue: (order) => order.customerReference,
        render: (order) => order.customerReference,
      },
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
        sortValue: (order) => processingStatusText(order.status.overall, strings),
        render: (order) => [processingStatusText(order.status.overall, strings), ...orderBlocks(order, strings)].join(' · '),
      },
      {
        key: 'delivery',
        name: strings.columnDeliveryStatus,
        minWidth: 90,
        sortValue: (order) => processingStatusText(order.status.delivery, strings),
        render: (order) => processingStatusText(order.status.delivery, strings),
      },
      {
        key: 'billing',
        name: strings.columnBillingStatus,
        minWidth: 90,
        sortValue: (order) => processingStatusText(order.status.billing, strings),
        render: (order) => processingStatusText(order.status.billing, strings),
      },
    ],
    [strings, formatter],
  );

  const data = panel.data;
  const rows = React.useMemo(() => filterRows(data?.orders ?? [], list.text, orderTexts), [data, list.text]);
  const shownSelection = selected && rows.find((order) => order.documentNumber === selected.documentNumber);

  return (
    <PanelFrame
      title={strings.title}
      subtitle={customerSubtitle(strings, props.customerNumber)}
      strings={strings}
      formatter={formatter}
      freshness={data}
      refreshing={panel.loading && data !== undefined}
      onRefresh={panel.reload}
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
      {panel.error ? <GatewayErrorView error={panel.error} strings={strings} onRetry={panel.reload} onSignIn={panel.signIn} /> : null}
      {!panel.error && data === undefined ? <LoadingState label={strings.loading} /> : null}
      {!panel.error && data !== undefined ? (
        data.orders.length === 0 ? (
          <NoticeState message={strings.empty} />
        ) : (
          <>
            {rows.length === 0 ? (
              <NoticeState message={strings.noMatch} />
            ) : (
              <SapTable
                rows={rows}
                columns={orderColumns}
                rowKey={(order) => order.documentNumber}
                ariaLabel={fill(strings.listLabel, props.customerNumber)}
                locale={locale}
                initialSort={{ columnKey: 'date', descending: true }}
                onSelect={setSelected}
              />
            )}
            <MoreRows
              returned={data.page.returned}
              hasMore={data.page.hasMore}
              top={list.query.top}
              strings={strings}
              disabled={panel.loading}
              onShowMore={list.showMore}
            />
            {shownSelection ? <OrderLines order={shownSelection} {...props} /> : <Text variant="small">{strings.selectHint}</Text>}
          </>
        )
      ) : null}
    </PanelFrame>
  );
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

/**
 * The account's SAP outbound deliveries: dispatch dates, how far each has got (created, picking,
 * picked, shipped, billed), carrier and tracking reference, and the orders it ships. Pure React:
 * data comes from the injected gateway client.
 */

import { ProgressIndicator } from '@fluentui/react';
import * as React from 'react';
import type { DeliveriesPanel, Delivery, ListQuery } from '../shared/api/panelApi';
import type { Formatter } from '../shared/format/formatter';
import type { GatewayClient } from '../shared/gateway/gatewayClient';
import { fill } from '../shared/pcf/strings';
import { AccountListPanel, type TableColumn } from '../shared/ui/AccountListPanel';
import { AccountPanelGate, type AccountPanelProps } from '../shared/ui/accountPanel';
import { deliveryTexts, PROGRESS_STEP_COUNT, progressStep, progressText } from './deliveryRows';
import type { DeliveriesStrings } from './manifest';

export type DeliveriesViewProps = AccountPanelProps<Pick<GatewayClient, 'deliveries' | 'signIn'>, DeliveriesStrings>;

export function DeliveriesView(props: DeliveriesViewProps): React.ReactElement {
  return <AccountPanelGate props={props} render={(accountId) => <DeliveriesPanelBody {...props} accountId={accountId} />} />;
}

const deliveriesOf = (answer: DeliveriesPanel): Delivery[] => answer.deliveries;
const deliveryKey = (delivery: Delivery): string => delivery.deliveryNumber;

function DeliveriesPanelBody(props: DeliveriesViewProps & { accountId: string }): React.ReactElement {
  const { gateway, strings, formatter } = props;
  const load = React.useCallback((accountId: string, query: ListQuery, signal: AbortSignal) => gateway.deliveries(accountId, query, signal), [gateway]);
  const columns = React.useMemo(() => deliveryColumns(strings, formatter), [strings, formatter]);
  return (
    <AccountListPanel
      panel={props}
      load={load}
      rowsOf={deliveriesOf}
      textsOf={deliveryTexts}
      columns={columns}
      rowKey={deliveryKey}
      listLabel={fill(strings.listLabel, props.customerNumber)}
      emptyMessage={strings.empty}
      initialSort={{ columnKey: 'date', descending: true }}
    />
  );
}

function deliveryColumns(strings: DeliveriesStrings, formatter: Formatter): TableColumn<Delivery>[] {
  return [
    { key: 'delivery', name: strings.columnDelivery, minWidth: 80, maxWidth: 110, sortValue: (row) => row.deliveryNumber, render: (row) => row.deliveryNumber },
    { key: 'date', name: strings.columnDeliveryDate, minWidth: 80, maxWidth: 110, sortValue: (row) => row.deliveryDate, render: (row) => formatter.date(row.deliveryDate) },
    {
      key: 'plannedGoodsIssue',
      name: strings.columnPlannedGoodsIssue,
      minWidth: 80,
      maxWidth: 110,
      sortValue: (row) => row.plannedGoodsIssueDate,
      render: (row) => formatter.date(row.plannedGoodsIssueDate),
    },
    {
      key: 'goodsIssue',
      name: strings.columnGoodsIssue,
      minWidth: 80,
      maxWidth: 110,
      sortValue: (row) => row.actualGoodsIssueDate,
      render: (row) => formatter.date(row.actualGoodsIssueDate),
    },
    {
      key: 'progress',
      name: strings.columnProgress,
      minWidth: 110,
      sortValue: (row) => progressStep(row.progress),
      render: (row) => (
        <ProgressIndicator
          label={progressText(row.progress, strings)}
          percentComplete={progressStep(row.progress) / PROGRESS_STEP_COUNT}
          ariaValueText={progressText(row.progress, strings)}
          barHeight={4}
        />
      ),
    },
    { key: 'carrier', name: strings.columnCarrier, minWidth: 90, sortValue: (row) => row.carrier, render: (row) => row.carrier },
    { key: 'tracking', name: strings.columnTracking, minWidth: 110, sortValue: (row) => row.trackingReference, render: (row) => row.trackingReference },
    { key: 'shippingPoint', name: strings.columnShippingPoint, minWidth: 60, maxWidth: 90, sortValue: (row) => row.shippingPoint, render: (row) => row.shippingPoint },
    { key: 'orders', name: strings.columnOrders, minWidth: 90, sortValue: (row) => row.salesOrders.join(', '), render: (row) => row.salesOrders.join(', ') },
  ];
}

/**
 * SAP's price for the quote: every line's net price, value and tax, the conditions behind it
 * (price, discounts, surcharges, tax), the totals beside the quote's total in CRM, SAP's
 * messages, and the action that writes SAP's prices onto the quote lines. Pure React: data
 * comes from the injected gateway client.
 */

import { MessageBarType, PrimaryButton, Stack, Text } from '@fluentui/react';
import * as React from 'react';
import type { PriceCondition, PricedLine, QuotePrice } from '../shared/api/panelApi';
import type { Formatter } from '../shared/format/formatter';
import type { GatewayClient } from '../shared/gateway/gatewayClient';
import { fill } from '../shared/pcf/strings';
import { ConfirmDialog } from '../shared/ui/ConfirmDialog';
import { KeyFigures, type KeyFigure } from '../shared/ui/KeyFigures';
import { PanelFrame } from '../shared/ui/PanelFrame';
import { SapTable, type TableColumn } from '../shared/ui/SapTable';
import { GatewayErrorView, LoadingState, NoticeState, SapMessageList } from '../shared/ui/States';
import { useGatewayAction } from '../shared/ui/useGatewayAction';
import { usePanelData } from '../shared/ui/usePanelData';
import { conditionKindText, conditionRateText } from './priceRows';
import type { PricingStrings } from './manifest';

export interface PricingViewProps {
  gateway: Pick<GatewayClient, 'price' | 'signIn'>;
  /** The quote's Dataverse id; undefined on a new, unsaved quote. */
  quoteId: string | undefined;
  /** The quote's total in CRM as the form formats it (the bound column); '' when not known. */
  crmTotal: string;
  /** The form is read-only (e.g. an active quote): SAP's prices cannot be written onto it. */
  readOnly: boolean;
  formatter: Formatter;
  locale: string;
  strings: PricingStrings;
}

export function PricingView(props: PricingViewProps): React.ReactElement {
  if (props.quoteId === undefined) {
    return (
      <PanelFrame title={props.strings.title} strings={props.strings} formatter={props.formatter}>
        <NoticeState message={props.strings.notSaved} />
      </PanelFrame>
    );
  }
  return <PricingPanel {...props} quoteId={props.quoteId} />;
}

function PricingPanel(props: PricingViewProps & { quoteId: string }): React.ReactElement {
  const { gateway, quoteId, strings, formatter } = props;
  const simulation = usePanelData((signal) => gateway.price(quoteId, false, signal), [gateway, quoteId], { signIn: gateway.signIn });
  const apply = useGatewayAction(
    React.useCallback(
      async ({ signInFirst }: { signInFirst: boolean }, signal: AbortSignal) => {
        if (signInFirst) await gateway.signIn();
        return gateway.price(quoteId, true, signal);
      },
      [gateway, quoteId],
    ),
  );
  const [confirming, setConfirming] = React.useState(false);
  const price = apply.result ?? simulation.data;

  const refresh = () => {
    apply.reset();
    simulation.reload();
  };
  const confirmApply = () => {
    setConfirming(false);
    void apply.run({ signInFirst: false });
  };

  return (
    <PanelFrame
      title={strings.title}
      strings={strings}
      formatter={formatter}
      freshness={price ? { retrievedAt: price.pricedAt, fromCache: false } : undefined}
      refreshing={simulation.loading && price !== undefined}
      onRefresh={refresh}
    >
      {simulation.error && !apply.result ? <GatewayErrorView error={simulation.error} strings={strings} onRetry={simulation.reload} onSignIn={simulation.signIn} /> : null}
      {!simulation.error && price === undefined ? <LoadingState label={strings.loading} /> : null}
      {price !== undefined && !(simulation.error && !apply.result) ? (
        <Stack tokens={{ childrenGap: 12 }}>
          {apply.result?.applied ? <NoticeState message={strings.applied} type={MessageBarType.success} /> : null}
          {apply.error ? <GatewayErrorView error={apply.error} strings={strings} onSignIn={() => void apply.run({ signInFirst: true })} /> : null}
          <SapMessageList messages={price.messages} label={strings.sapMessages} />
          <KeyFigures label={strings.totalsLabel} figures={totals(price, props)} />
          {price.lines.length === 0 ? <NoticeState message={strings.empty} /> : <PricedLines price={price} {...props} />}
          <Stack horizontal verticalAlign="center" tokens={{ childrenGap: 12 }}>
            <PrimaryButton onClick={() => setConfirming(true)} disabled={props.readOnly || apply.running || price.lines.length === 0}>
              {apply.running ? strings.applying : strings.apply}
            </PrimaryButton>
            {props.readOnly ? <Text variant="small">{strings.readOnly}</Text> : null}
          </Stack>
        </Stack>
      ) : null}
      <ConfirmDialog
        open={confirming}
        title={strings.applyConfirmTitle}
        message={strings.applyConfirmText}
        confirmText={strings.applyConfirm}
        cancelText={strings.cancel}
        onConfirm={confirmApply}
        onCancel={() => setConfirming(false)}
      />
    </PanelFrame>
  );
}

function totals(price: QuotePrice, { strings, formatter, crmTotal }: PricingViewProps): KeyFigure[] {
  const figures: KeyFigure[] = [
    { label: strings.netValue, value: formatter.amount(price.netValue, price.currency) },
    { label: strings.taxAmount, value: formatter.amount(price.taxAmount, price.currency) },
    { label: strings.grossValue, value: formatter.amount(price.grossValue, price.currency) },
  ];
  if (crmTotal !== '') figures.push({ label: strings.crmTotal, value: crmTotal });
  return figures;
}

function PricedLines({ price, strings, formatter, locale }: { price: QuotePrice } & PricingViewProps): React.ReactElement {
  const [selected, setSelected] = React.useState<PricedLine | undefined>(undefined);
  const currency = price.currency;
  const columns = React.useMemo<TableColumn<PricedLine>[]>(
    () => [
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
      { key: 'netPrice', name: strings.columnNetPrice, minWidth: 90, numeric: true, sortValue: (line) => line.netPrice, render: (line) => formatter.amount(line.netPrice, currency) },
      { key: 'netValue', name: strings.columnNetValue, minWidth: 90, numeric: true, sortValue: (line) => line.netValue, render: (line) => formatter.amount(line.netValue, currency) },
      { key: 'tax', name: strings.columnTax, minWidth: 80, numeric: true, sortValue: (line) => line.taxAmount, render: (line) => formatter.amount(line.taxAmount, currency) },
    ],
    [strings, formatter, currency],
  );
  const shown = selected && price.lines.find((line) => line.quoteDetailId === selected.quoteDetailId);
  return (
    <Stack tokens={{ childrenGap: 8 }}>
      <SapTable
        rows={price.lines}
        columns={columns}
        rowKey={(line) => line.quoteDetailId}
        ariaLabel={strings.listLabel}
        locale={locale}
        onSelect={setSelected}
      />
      {shown ? <Conditions line={shown} currency={currency} strings={strings} formatter={formatter} locale={locale} /> : <Text variant="small">{strings.selectHint}</Text>}
    </Stack>
  );
}

function Conditions({ line, currency, strings, formatter, locale }: { line: PricedLine; currency: string; strings: PricingStrings; formatter: Formatter; locale: string }): React.ReactElement {
  const columns = React.useMemo<TableColumn<PriceCondition>[]>(
    () => [
      { key: 'condition', name: strings.columnCondition, minWidth: 60, maxWidth: 90, render: (condition) => condition.conditionType },
      { key: 'kind', name: strings.columnKind, minWidth: 80, render: (condition) => conditionKindText(condition.kind, strings) },
      { key: 'rate', name: strings.columnRate, minWidth: 90, numeric: true, render: (condition) => conditionRateText(condition, currency, formatter) },
      { key: 'value', name: strings.columnValue, minWidth: 90, numeric: true, render: (condition) => formatter.amount(condition.value, currency) },
    ],
    [strings, formatter, currency],
  );
  const title = fill(strings.conditionsOf, line.materialNumber);
  return (
    <Stack tokens={{ childrenGap: 4 }}>
      <Text as="h3" variant="mediumPlus">
        {title}
      </Text>
      {/* SAP's order of conditions is its pricing procedure's: price first, then discounts, then tax. */}
      <SapTable rows={line.conditions} columns={columns} rowKey={(condition) => `${condition.conditionType}-${line.conditions.indexOf(condition)}`} ariaLabel={title} locale={locale} />
    </Stack>
  );
}

/**
 * The account's credit situation in SAP: limit, exposure, available credit, how much of the
 * limit is used, overdue amount, risk category, payment terms, and whether credit management or
 * a central block stops orders, deliveries, billing or postings. Pure React: data comes from the
 * injected gateway client.
 */

import { MessageBarType, ProgressIndicator, Stack } from '@fluentui/react';
import * as React from 'react';
import type { CreditPanel } from '../shared/api/panelApi';
import type { GatewayClient } from '../shared/gateway/gatewayClient';
import { fill } from '../shared/pcf/strings';
import { AccountPanelGate, customerSubtitle, type AccountPanelProps } from '../shared/ui/accountPanel';
import { KeyFigures } from '../shared/ui/KeyFigures';
import { PanelFrame } from '../shared/ui/PanelFrame';
import { GatewayErrorView, LoadingState, NoticeState } from '../shared/ui/States';
import { usePanelData } from '../shared/ui/usePanelData';
import { centralBlocks } from './creditFigures';
import type { CreditStrings } from './manifest';

export type CreditViewProps = AccountPanelProps<Pick<GatewayClient, 'credit' | 'signIn'>, CreditStrings>;

export function CreditView(props: CreditViewProps): React.ReactElement {
  return <AccountPanelGate props={props} render={(accountId) => <CreditPanelBody {...props} accountId={accountId} />} />;
}

function CreditPanelBody(props: CreditViewProps & { accountId: string }): React.ReactElement {
  const { gateway, accountId, strings, formatter } = props;
  const data = usePanelData((signal) => gateway.credit(accountId, signal), [gateway, accountId], { signIn: gateway.signIn });
  const credit = data.data;
  return (
    <PanelFrame
      title={strings.title}
      subtitle={customerSubtitle(strings, props.customerNumber)}
      strings={strings}
      formatter={formatter}
      freshness={credit}
      refreshing={data.loading && credit !== undefined}
      onRefresh={data.reload}
    >
      {data.error ? <GatewayErrorView error={data.error} strings={strings} onRetry={data.reload} onSignIn={data.signIn} /> : null}
      {!data.error && credit === undefined ? <LoadingState label={strings.loading} /> : null}
      {!data.error && credit !== undefined ? <CreditSituation credit={credit} {...props} /> : null}
    </PanelFrame>
  );
}

function CreditSituation({ credit, strings, formatter }: { credit: CreditPanel } & CreditViewProps): React.ReactElement {
  const amount = (value: number) => formatter.amount(value, credit.currency);
  const blocks = centralBlocks(credit, strings);
  const utilization =
    credit.utilizationPercent === null ? (
      strings.noCreditLimit
    ) : (
      <ProgressIndicator
        label={formatter.percent(credit.utilizationPercent)}
        percentComplete={Math.min(credit.utilizationPercent, 100) / 100}
        ariaValueText={formatter.percent(credit.utilizationPercent)}
        barHeight={6}
      />
    );
  return (
    <Stack tokens={{ childrenGap: 12 }}>
      {credit.creditBlocked ? <NoticeState message={strings.creditBlocked} type={MessageBarType.severeWarning} /> : null}
      {blocks.length > 0 ? <NoticeState message={fill(strings.blockedFor, blocks.join(', '))} type={MessageBarType.warning} /> : null}
      {!credit.creditBlocked && blocks.length === 0 ? <NoticeState message={strings.noBlocks} type={MessageBarType.success} /> : null}
      <KeyFigures
        label={strings.figuresLabel}
        figures={[
          { label: strings.creditLimit, value: amount(credit.creditLimit) },
          { label: strings.exposure, value: amount(credit.exposure) },
          { label: strings.availableCredit, value: amount(credit.availableCredit), warning: credit.availableCredit < 0 },
          { label: strings.utilization, value: utilization, warning: (credit.utilizationPercent ?? 0) > 100 },
          { label: strings.overdueAmount, value: amount(credit.overdueAmount), warning: credit.overdueAmount > 0 },
          { label: strings.riskCategory, value: credit.riskCategory },
          { label: strings.paymentTerms, value: credit.paymentTermsText === '' ? credit.paymentTerms : `${credit.paymentTermsText} (${credit.paymentTerms})` },
          { label: strings.nextReview, value: formatter.date(credit.nextReviewDate) },
          { label: strings.creditControlArea, value: credit.creditControlArea },
        ]}
      />
    </Stack>
  );
}

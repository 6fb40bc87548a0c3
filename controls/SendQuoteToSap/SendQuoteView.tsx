/**
 * Sends the quote to SAP as a sales order or a quotation, after the user confirms: shows whether
 * the quote was sent already, SAP's new document number, its status and SAP's messages, or
 * why SAP or the gateway refused (not approved, products not sellable). A second press returns
 * the same SAP document. Pure React: the injected gateway client does the sending.
 */

import { DefaultButton, MessageBarType, PrimaryButton, Spinner, SpinnerSize, Stack } from '@fluentui/react';
import * as React from 'react';
import type { SubmitAs, SubmitResult } from '../shared/api/panelApi';
import type { Formatter } from '../shared/format/formatter';
import type { GatewayClient } from '../shared/gateway/gatewayClient';
import { fill } from '../shared/pcf/strings';
import { ConfirmDialog } from '../shared/ui/ConfirmDialog';
import { KeyFigures, type KeyFigure } from '../shared/ui/KeyFigures';
import { PanelFrame } from '../shared/ui/PanelFrame';
import { GatewayErrorView, NoticeState, SapMessageList } from '../shared/ui/States';
import { useGatewayAction } from '../shared/ui/useGatewayAction';
import type { SendStrings } from './manifest';

export interface SendQuoteViewProps {
  gateway: Pick<GatewayClient, 'submit' | 'signIn'>;
  /** The quote's Dataverse id; undefined on a new, unsaved quote. */
  quoteId: string | undefined;
  /** The SAP document the quote was sent as (the bound column); '' when not sent. */
  sapDocumentNumber: string;
  formatter: Formatter;
  strings: SendStrings;
  /** SAP created (or returned) the document: the control writes its number to the form. */
  onSubmitted: (result: SubmitResult) => void;
}

export function SendQuoteView(props: SendQuoteViewProps): React.ReactElement {
  const { strings } = props;
  if (props.quoteId === undefined) {
    return (
      <PanelFrame title={strings.title} strings={strings} formatter={props.formatter}>
        <NoticeState message={strings.notSaved} />
      </PanelFrame>
    );
  }
  return <SendQuotePanel {...props} quoteId={props.quoteId} />;
}

function SendQuotePanel(props: SendQuoteViewProps & { quoteId: string }): React.ReactElement {
  const { gateway, quoteId, strings, onSubmitted } = props;
  const [asking, setAsking] = React.useState<SubmitAs | undefined>(undefined);
  const send = useGatewayAction(
    React.useCallback(
      async ({ as, signInFirst }: { as: SubmitAs; signInFirst: boolean }, signal: AbortSignal) => {
        if (signInFirst) await gateway.signIn();
        return gateway.submit(quoteId, as, signal);
      },
      [gateway, quoteId],
    ),
  );
  const [lastAs, setLastAs] = React.useState<SubmitAs>('order');

  const start = async (as: SubmitAs, signInFirst: boolean) => {
    setAsking(undefined);
    setLastAs(as);
    const result = await send.run({ as, signInFirst });
    if (result) onSubmitted(result);
  };

  const result = send.result;
  const documentNumber = result?.documentNumber ?? props.sapDocumentNumber;

  return (
    <PanelFrame title={strings.title} strings={strings} formatter={props.formatter}>
      <Stack tokens={{ childrenGap: 12 }}>
        {result ? <SubmitOutcome result={result} strings={strings} /> : null}
        {!result && documentNumber !== '' ? <NoticeState message={fill(strings.sentAlready, documentNumber)} /> : null}
        {!result && documentNumber === '' ? <NoticeState message={strings.notSent} /> : null}
        {send.error ? <GatewayErrorView error={send.error} strings={strings} onSignIn={() => void start(lastAs, true)} /> : null}
        <Stack horizontal wrap verticalAlign="center" tokens={{ childrenGap: 8 }}>
          <PrimaryButton onClick={() => setAsking('order')} disabled={send.running}>
            {strings.sendAsOrder}
          </PrimaryButton>
          <DefaultButton onClick={() => setAsking('quotation')} disabled={send.running}>
            {strings.sendAsQuotation}
          </DefaultButton>
          {send.running ? <Spinner size={SpinnerSize.small} label={strings.sending} labelPosition="right" ariaLive="polite" /> : null}
        </Stack>
      </Stack>
      <ConfirmDialog
        open={asking !== undefined}
        title={asking === 'quotation' ? strings.confirmQuotationTitle : strings.confirmOrderTitle}
        message={strings.confirmText}
        confirmText={strings.confirmSend}
        cancelText={strings.cancel}
        onConfirm={() => void start(asking ?? 'order', false)}
        onCancel={() => setAsking(undefined)}
      />
    </PanelFrame>
  );
}

function SubmitOutcome({ result, strings }: { result: SubmitResult; strings: SendStrings }): React.ReactElement {
  const headline = result.alreadySubmitted
    ? fill(strings.alreadySubmitted, result.documentNumber)
    : fill(result.category === 'order' ? strings.createdOrder : strings.createdQuotation, result.documentNumber);
  const figures: KeyFigure[] = [
    { label: strings.documentNumber, value: result.documentNumber },
    { label: strings.category, value: result.category === 'order' ? strings.categoryOrder : strings.categoryQuotation },
    { label: strings.documentType, value: result.documentTypeName ? `${result.documentTypeName} (${result.documentType})` : result.documentType },
    { label: strings.status, value: result.status },
  ];
  if (result.referenceQuotation !== '') figures.push({ label: strings.referenceQuotation, value: result.referenceQuotation });
  return (
    <Stack tokens={{ childrenGap: 8 }}>
      <NoticeState message={headline} type={result.alreadySubmitted ? MessageBarType.info : MessageBarType.success} />
      <KeyFigures label={strings.resultLabel} figures={figures} />
      <SapMessageList messages={result.messages} label={strings.sapMessages} />
    </Stack>
  );
}

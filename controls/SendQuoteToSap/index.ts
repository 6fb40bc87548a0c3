/**
 * SendQuoteToSap (quote form): PCF glue only. Reads the form's quote and its SAP document number
 * (the bound column), hands the view its gateway client and strings, and gives the form SAP's
 * document number back through getOutputs once SAP created it.
 */

import * as React from 'react';
import type { SubmitResult } from '../shared/api/panelApi';
import { createFormatter, type Formatter } from '../shared/format/formatter';
import type { GatewayClient } from '../shared/gateway/gatewayClient';
import { createControlGateway } from '../shared/pcf/controlGateway';
import { formRecordOf } from '../shared/pcf/formRecord';
import { readStrings } from '../shared/pcf/strings';
import { localeOf } from '../shared/pcf/userLocale';
import { SendQuoteView, type SendQuoteViewProps } from './SendQuoteView';
import { SEND_STRING_KEYS, type IInputs, type IOutputs, type SendStrings } from './manifest';

export class SendQuoteToSap implements ComponentFramework.ReactControl<IInputs, IOutputs> {
  private gateway!: GatewayClient;
  private formatter!: Formatter;
  private strings!: SendStrings;
  private notifyOutputChanged!: () => void;
  /** SAP's document number from the last send, until the form has taken it. */
  private submittedDocumentNumber: string | undefined;
  private boundDocumentNumber = '';

  public init(context: ComponentFramework.Context<IInputs>, notifyOutputChanged: () => void): void {
    this.gateway = createControlGateway(context);
    this.formatter = createFormatter(context.formatting, localeOf(context.userSettings.languageId));
    this.strings = readStrings(context.resources, SEND_STRING_KEYS);
    this.notifyOutputChanged = notifyOutputChanged;
  }

  public updateView(context: ComponentFramework.Context<IInputs>): React.ReactElement {
    this.boundDocumentNumber = context.parameters.sapDocumentNumber.raw?.trim() ?? '';
    const props: SendQuoteViewProps = {
      gateway: this.gateway,
      quoteId: formRecordOf(context.mode)?.id,
      sapDocumentNumber: this.boundDocumentNumber,
      formatter: this.formatter,
      strings: this.strings,
      onSubmitted: this.onSubmitted,
    };
    return React.createElement(SendQuoteView, props);
  }

  public getOutputs(): IOutputs {
    return this.submittedDocumentNumber === undefined ? {} : { sapDocumentNumber: this.submittedDocumentNumber };
  }

  public destroy(): void {
    // React unmounts the view, which cancels its requests.
  }

  private readonly onSubmitted = (result: SubmitResult): void => {
    // The gateway has written the number to the quote; the form shows it without a reload.
    if (result.documentNumber === '' || result.documentNumber === this.boundDocumentNumber) return;
    this.submittedDocumentNumber = result.documentNumber;
    this.notifyOutputChanged();
  };
}

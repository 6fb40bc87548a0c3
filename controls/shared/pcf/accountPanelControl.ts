/**
 * The PCF glue of the account panels (SapOrders, SapDeliveries, SapInvoices, SapCredit): reads
 * the bound SAP customer number and the form's record, and hands the panel's view its gateway
 * client, formatter and strings. Each panel's index.ts names its view and strings in a subclass,
 * because PCF constructs the control by its own class name.
 */

import * as React from 'react';
import { createFormatter, type Formatter } from '../format/formatter';
import type { GatewayClient } from '../gateway/gatewayClient';
import type { AccountPanelProps, AccountPanelStrings } from '../ui/accountPanel';
import { createControlGateway } from './controlGateway';
import { formRecordOf } from './formRecord';
import type { InputsOf } from './properties';
import { localeOf } from './userLocale';

/** The account panels' one bound property: the account's SAP customer number (account.ecc_customernumber). */
export const ACCOUNT_PANEL_PROPERTIES = { customerNumber: 'SingleLine.Text' } as const;

export type AccountPanelInputs = InputsOf<typeof ACCOUNT_PANEL_PROPERTIES>;
export type AccountPanelOutputs = Record<string, never>;

export abstract class AccountPanelControl<S extends AccountPanelStrings> implements ComponentFramework.ReactControl<AccountPanelInputs, AccountPanelOutputs> {
  private gateway!: GatewayClient;
  private formatter!: Formatter;
  private locale!: string;
  private strings!: S;

  protected constructor(
    private readonly view: React.ComponentType<AccountPanelProps<GatewayClient, S>>,
    private readonly readStrings: (resources: ComponentFramework.Resources) => S,
  ) {}

  public init(context: ComponentFramework.Context<AccountPanelInputs>): void {
    this.gateway = createControlGateway(context);
    this.locale = localeOf(context.userSettings.languageId);
    this.formatter = createFormatter(context.formatting, this.locale);
    this.strings = this.readStrings(context.resources);
  }

  public updateView(context: ComponentFramework.Context<AccountPanelInputs>): React.ReactElement {
    return React.createElement(this.view, {
      gateway: this.gateway,
      accountId: formRecordOf(context.mode)?.id,
      customerNumber: context.parameters.customerNumber.raw?.trim() ?? '',
      customerNumberReadable: context.parameters.customerNumber.security?.readable !== false,
      formatter: this.formatter,
      locale: this.locale,
      strings: this.strings,
    });
  }

  public getOutputs(): AccountPanelOutputs {
    return {};
  }

  public destroy(): void {
    // React unmounts the view, which cancels its requests.
  }
}

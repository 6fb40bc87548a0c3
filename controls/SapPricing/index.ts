/**
 * SapPricing (quote form): PCF glue only. Reads the form's quote, its total in CRM (the bound
 * column) and whether the form is read-only, and hands the pricing view its gateway client,
 * formatter and strings.
 */

import * as React from 'react';
import { createFormatter, type Formatter } from '../shared/format/formatter';
import type { GatewayClient } from '../shared/gateway/gatewayClient';
import { createControlGateway } from '../shared/pcf/controlGateway';
import { formRecordOf } from '../shared/pcf/formRecord';
import { readStrings } from '../shared/pcf/strings';
import { localeOf } from '../shared/pcf/userLocale';
import { PricingView, type PricingViewProps } from './PricingView';
import { PRICING_STRING_KEYS, type IInputs, type IOutputs, type PricingStrings } from './manifest';

export class SapPricing implements ComponentFramework.ReactControl<IInputs, IOutputs> {
  private gateway!: GatewayClient;
  private formatter!: Formatter;
  private locale!: string;
  private strings!: PricingStrings;

  public init(context: ComponentFramework.Context<IInputs>): void {
    this.gateway = createControlGateway(context);
    this.locale = localeOf(context.userSettings.languageId);
    this.formatter = createFormatter(context.formatting, this.locale);
    this.strings = readStrings(context.resources, PRICING_STRING_KEYS);
  }

  public updateView(context: ComponentFramework.Context<IInputs>): React.ReactElement {
    const quoteTotal = context.parameters.quoteTotal;
    const props: PricingViewProps = {
      gateway: this.gateway,
      quoteId: formRecordOf(context.mode)?.id,
      crmTotal: quoteTotal.raw === null ? '' : quoteTotal.formatted ?? '',
      readOnly: context.mode.isControlDisabled,
      formatter: this.formatter,
      locale: this.locale,
      strings: this.strings,
    };
    return React.createElement(PricingView, props);
  }

  public getOutputs(): IOutputs {
    return {};
  }

  public destroy(): void {
    // React unmounts the view, which cancels its requests.
  }
}

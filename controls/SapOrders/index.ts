/**
 * SapOrders (account form): PCF glue only. Reads the bound SAP customer number and the form's
 * record, and hands the orders view its gateway client, formatter and strings.
 */

import * as React from 'react';
import { createFormatter, type Formatter } from '../shared/format/formatter';
import type { GatewayClient } from '../shared/gateway/gatewayClient';
import { createControlGateway } from '../shared/pcf/controlGateway';
import { formRecordOf } from '../shared/pcf/formRecord';
import { readStrings } from '../shared/pcf/strings';
import { localeOf } from '../shared/pcf/userLocale';
import { OrdersView, type OrdersViewProps } from './OrdersView';
import { ORDERS_STRING_KEYS, type IInputs, type IOutputs, type OrdersStrings } from './manifest';

export class SapOrders implements ComponentFramework.ReactControl<IInputs, IOutputs> {
  private gateway!: GatewayClient;
  private formatter!: Formatter;
  private locale!: string;
  private strings!: OrdersStrings;

  public init(context: ComponentFramework.Context<IInputs>): void {
    this.gateway = createControlGateway(context);
    this.locale = localeOf(context.userSettings.languageId);
    this.formatter = createFormatter(context.formatting, this.locale);
    this.strings = readStrings(context.resources, ORDERS_STRING_KEYS);
  }

  public updateView(context: ComponentFramework.Context<IInputs>): React.ReactElement {
    const props: OrdersViewProps = {
      gateway: this.gateway,
      accountId: formRecordOf(context.mode)?.id,
      customerNumber: context.parameters.customerNumber.raw?.trim() ?? '',
      customerNumberReadable: context.parameters.customerNumber.security?.readable !== false,
      formatter: this.formatter,
      locale: this.locale,
      strings: this.strings,
    };
    return React.createElement(OrdersView, props);
  }

  public getOutputs(): IOutputs {
    return {};
  }

  public destroy(): void {
    // React unmounts the view, which cancels its requests.
  }
}

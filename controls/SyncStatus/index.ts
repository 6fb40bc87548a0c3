/**
 * SyncStatus (any form): PCF glue only. Reads the form's record (table and id) and hands the
 * sync status view its gateway client, formatter and strings. The bound column places the control
 * on the form, and when its value changes the view reads the sync results again: bound to a
 * column a sync writes (the quote's SAP document number), it shows a send's result at once.
 */

import * as React from 'react';
import { createFormatter, type Formatter } from '../shared/format/formatter';
import type { GatewayClient } from '../shared/gateway/gatewayClient';
import { createControlGateway } from '../shared/pcf/controlGateway';
import { formRecordOf } from '../shared/pcf/formRecord';
import { readStrings } from '../shared/pcf/strings';
import { localeOf } from '../shared/pcf/userLocale';
import { SYNC_STRING_KEYS, type IInputs, type IOutputs, type SyncStrings } from './manifest';
import { SyncStatusView, type SyncStatusViewProps } from './SyncStatusView';

export class SyncStatus implements ComponentFramework.ReactControl<IInputs, IOutputs> {
  private gateway!: GatewayClient;
  private formatter!: Formatter;
  private locale!: string;
  private strings!: SyncStrings;

  public init(context: ComponentFramework.Context<IInputs>): void {
    this.gateway = createControlGateway(context);
    this.locale = localeOf(context.userSettings.languageId);
    this.formatter = createFormatter(context.formatting, this.locale);
    this.strings = readStrings(context.resources, SYNC_STRING_KEYS);
  }

  public updateView(context: ComponentFramework.Context<IInputs>): React.ReactElement {
    const props: SyncStatusViewProps = {
      gateway: this.gateway,
      record: formRecordOf(context.mode),
      refreshKey: context.parameters.recordLabel.raw ?? '',
      formatter: this.formatter,
      locale: this.locale,
      strings: this.strings,
    };
    return React.createElement(SyncStatusView, props);
  }

  public getOutputs(): IOutputs {
    return {};
  }

  public destroy(): void {
    // React unmounts the view, which cancels its requests.
  }
}

/**
 * The solution's feature switches of the quote use cases, environment variables of type Boolean
 * an admin sets in CRM: ecc_FeatureSendToSap (sending quotes to SAP and retrying submissions) and
 * ecc_FeaturePricingWriteBack (writing SAP's prices onto a draft quote's lines). A switch is on
 * unless set to no (or false); one without a definition or value in the environment is on, as the
 * solution's defaults are. Values are read as the application user and kept for a minute, so a
 * press costs no extra Dataverse request and a change takes effect within that minute.
 */

import type { DataverseClient } from '../dataverse/client.js';
import { readEnvironmentVariable } from '../dataverse/environmentVariables.js';
import { QuoteError } from './errors.js';

export const FEATURE_SWITCHES = {
  sendToSap: { schemaName: 'ecc_FeatureSendToSap', refusal: 'Sending quotes to SAP' },
  pricingWriteBack: { schemaName: 'ecc_FeaturePricingWriteBack', refusal: "Writing SAP's prices onto quote lines" },
} as const;

export type FeatureSwitch = keyof typeof FEATURE_SWITCHES;

const CACHE_MILLISECONDS = 60_000;

export class FeatureSwitches {
  private readonly read = new Map<FeatureSwitch, { on: Promise<boolean>; at: number }>();

  constructor(
    private readonly dataverse: DataverseClient,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async isOn(feature: FeatureSwitch): Promise<boolean> {
    const at = this.now().getTime();
    const cached = this.read.get(feature);
    if (cached && at - cached.at < CACHE_MILLISECONDS) return cached.on;
    const on = readEnvironmentVariable(this.dataverse, FEATURE_SWITCHES[feature].schemaName).then((value) => !/^(no|false)$/i.test(value ?? ''));
    const entry = { on, at };
    this.read.set(feature, entry);
    // A failed read is not kept: the next call asks Dataverse again.
    on.catch(() => {
      if (this.read.get(feature) === entry) this.read.delete(feature);
    });
    return on;
  }

  /** FEATURE_SWITCHED_OFF when the admin switched the feature off. */
  async assertOn(feature: FeatureSwitch): Promise<void> {
    if (await this.isOn(feature)) return;
    const { schemaName, refusal } = FEATURE_SWITCHES[feature];
    throw new QuoteError('FEATURE_SWITCHED_OFF', `${refusal} is switched off in this CRM environment (its environment variable ${schemaName} is no). Ask your CRM administrator.`, {
      details: { environmentVariable: schemaName },
    });
  }
}

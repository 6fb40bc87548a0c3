#!/usr/bin/env node
/**
 * The ecc365 command. `ecc365 start` runs the gateway (on the embedded sandbox unless the
 * configuration names a real SAP system); `ecc365 sandbox` runs the simulated systems alone;
 * `ecc365 solution import` imports the Dataverse solution into an environment.
 */

import { readFileSync } from 'node:fs';
import { builtSolutionZip } from '@ecc365/solution';
import { Command, InvalidArgumentError, Option } from 'commander';
import { ConfigError, DEFAULT_CONFIG_FILE, loadConfig } from '../config/load.js';
import { createLogger } from '../log/logger.js';
import { AppError } from '../model/errors.js';
import { createDataverseConnection } from './dataverseClient.js';
import { onTerminationSignal } from './httpServer.js';
import { startGateway } from './gateway.js';
import { startSandboxServer } from './sandboxServer.js';
import { sandboxDataverseConnection } from './sandboxDataverse.js';
import { importExitCode, importSolutionFile } from './solutionImport.js';

const packageJson = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

const integer = (name: string, min: number, max: number) => (value: string): number => {
  const number = Number(value);
  if (!Number.isInteger(number) || number < min || number > max) throw new InvalidArgumentError(`${name} must be a whole number from ${min} to ${max}.`);
  return number;
};

function printEndpoints(title: string, endpoints: { label: string; url: string; note?: string }[]): void {
  const width = Math.max(...endpoints.map((e) => e.label.length));
  const lines = endpoints.map((e) => `  ${`${e.label}:`.padEnd(width + 2)}${e.url}${e.note ? `  (${e.note})` : ''}`);
  process.stdout.write(`\n${title}\n${lines.join('\n')}\n\n`);
}

/** Configuration problems get their message and exit code 2; anything unexpected its stack and 1. */
function fail(error: unknown): never {
  if (error instanceof ConfigError || (error instanceof AppError && error.category === 'config')) {
    const code = error instanceof AppError ? ` [${error.code}]` : '';
    process.stderr.write(`ecc365 could not start${code}: ${error.message}\n`);
    process.exit(2);
  }
  process.stderr.write(`ecc365 could not start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
}

const program = new Command('ecc365')
  .description('ecc365 gateway: SAP ECC inside Dynamics 365 CRM.')
  .version(packageJson.version)
  .addHelpText('after', `
Quick start (no SAP or Dataverse needed):
  npm install && npm start          runs the gateway with the simulated systems on http://127.0.0.1:4365

Configuration is read from ./${DEFAULT_CONFIG_FILE} (or --config / ECC365_CONFIG) and ECC365_* environment
variables; see docs/configuration.md. Without a file, the gateway runs on the sandbox.`);

program
  .command('start')
  .description('Start the gateway (on the embedded sandbox unless the configuration names an SAP system).')
  .option('-c, --config <file>', `configuration file (default ./${DEFAULT_CONFIG_FILE})`)
  .addOption(new Option('-p, --port <port>', 'port to listen on; 0 picks a free one (overrides PORT)').argParser(integer('port', 0, 65_535)))
  .action(async (options: { config?: string; port?: number }) => {
    try {
      const { config, file } = loadConfig(options.config !== undefined ? { file: options.config } : {});
      if (options.port !== undefined) config.server.port = options.port;
      const logger = createLogger({ level: config.log.level });
      const gateway = await startGateway(config, logger);
      printEndpoints(`ecc365 gateway ${packageJson.version} is running (configuration: ${file ?? 'defaults, sandbox'})`, gateway.endpoints);
      onTerminationSignal(async (signal) => {
        logger.info('stop requested', { signal });
        await gateway.close();
      });
    } catch (error) {
      fail(error);
    }
  });

program
  .command('sandbox')
  .description('Run only the simulated systems (SAP ECC over SOAP-RFC, Dataverse, identity provider), for a gateway started in another process.')
  .option('-c, --config <file>', 'configuration file whose "sandbox" section to use')
  .addOption(new Option('-p, --port <port>', 'port to listen on; 0 picks a free one').argParser(integer('port', 0, 65_535)).default(4366))
  .addOption(new Option('--host <host>', 'interface to listen on').default('127.0.0.1'))
  .addOption(new Option('--customers <n>', 'sold-to customers in the seed data').argParser(integer('customers', 1, 1_000_000)))
  .addOption(new Option('--seed <n>', 'seed of the data set').argParser(integer('seed', 0, 2 ** 31)))
  .option('--state-file <file>', 'keep the simulated data in this file across restarts')
  .addOption(new Option('--latency <ms>', 'time each SAP call takes').argParser(integer('latency', 0, 60_000)))
  .addOption(new Option('--idp-https-port <port>', 'port of the identity provider\'s HTTPS listener (MSAL needs HTTPS); 0 picks a free one').argParser(integer('idp-https-port', 0, 65_535)))
  .action(async (options: { config?: string; port: number; host: string; customers?: number; seed?: number; stateFile?: string; latency?: number; idpHttpsPort?: number }) => {
    try {
      const { config } = loadConfig(options.config !== undefined ? { file: options.config } : {});
      const logger = createLogger({ level: config.log.level });
      const sandboxOptions = {
        ...config.sandbox,
        ...(options.customers !== undefined ? { customers: options.customers } : {}),
        ...(options.seed !== undefined ? { seed: options.seed } : {}),
        ...(options.stateFile !== undefined ? { stateFile: options.stateFile } : {}),
        ...(options.idpHttpsPort !== undefined ? { idpHttpsPort: options.idpHttpsPort } : {}),
        ecc: { ...config.sandbox.ecc, ...(options.latency !== undefined ? { latencyMs: options.latency } : {}) },
        host: options.host,
        port: options.port,
      };
      const running = await startSandboxServer(sandboxOptions, logger);
      printEndpoints(`ecc365 sandbox is running (simulated systems for development and tests only)`, running.endpoints);
      onTerminationSignal(async () => running.close());
    } catch (error) {
      fail(error);
    }
  });

const solution = program.command('solution').description('The ecc365 Dataverse solution.');

interface SolutionImportCommandOptions {
  managed?: boolean;
  unmanaged?: boolean;
  file?: string;
  config?: string;
  sandbox?: string;
  overwriteUnmanagedCustomizations?: boolean;
  holdingSolution?: boolean;
  upgrade?: boolean;
  timeout: number;
}

solution
  .command('import')
  .description('Import the solution into the Dataverse environment of the configuration (or a running sandbox) and wait until Dataverse has finished.')
  .addOption(new Option('--managed', 'the managed package: for test and production environments').conflicts('unmanaged'))
  .addOption(new Option('--unmanaged', 'the unmanaged package: for a development environment'))
  .option('-f, --file <zip>', 'the solution zip (default: the one `npm run build:solution` wrote into solution/dist)')
  .option('-c, --config <file>', `configuration file whose "dataverse" section names the environment (default ./${DEFAULT_CONFIG_FILE})`)
  .option('--sandbox <origin>', 'import into the simulated Dataverse of a sandbox running at this origin instead, e.g. http://127.0.0.1:4366 (ecc365 sandbox)')
  .option('--overwrite-unmanaged-customizations', 'replace unmanaged changes made in the environment over the solution\'s components')
  .addOption(new Option('--upgrade', 'upgrade the installed version in one step, removing what the new version no longer has (managed only)').conflicts('holdingSolution'))
  .option('--holding-solution', 'stage an upgrade as a holding solution, applied later with "Apply upgrade"')
  .addOption(new Option('--timeout <minutes>', 'longest wait for Dataverse to finish the import').argParser(integer('timeout', 1, 24 * 60)).default(30))
  .addHelpText('after', `
Exit codes: 0 imported; 2 configuration, options or file wrong; 3 Dataverse refused or failed the import;
4 still importing when the wait ended (the import goes on in Dataverse); 1 anything else.`)
  .action(async (options: SolutionImportCommandOptions) => {
    const report = (line: string) => process.stdout.write(`${line}\n`);
    let close = () => {};
    try {
      if (options.managed === options.unmanaged) throw new InvalidArgumentError('Say which package to import: --managed or --unmanaged.');
      const managed = options.managed === true;
      const { config } = loadConfig(options.config !== undefined ? { file: options.config } : {});
      const logger = createLogger({ level: config.log.level });
      const connection =
        options.sandbox !== undefined
          ? sandboxDataverseConnection(options.sandbox, logger)
          : config.dataverse.target === 'environment'
            ? createDataverseConnection(config.dataverse, undefined, logger)
            : undefined;
      if (!connection) {
        throw new ConfigError(
          'The configuration\'s Dataverse is the embedded sandbox, which imports the solution itself at every start. Import into a Dataverse environment with dataverse.target "environment" (docs/configuration.md), or into a sandbox running in another process with --sandbox <origin>.',
        );
      }
      close = () => connection.close();
      const client = connection.client;
      await importSolutionFile(client, options.file ?? builtSolutionZip(managed), {
        managed,
        overwriteUnmanagedCustomizations: options.overwriteUnmanagedCustomizations === true,
        holdingSolution: options.holdingSolution === true,
        upgrade: options.upgrade === true,
        maxWaitMs: options.timeout * 60_000,
        report,
      });
    } catch (error) {
      const code = error instanceof AppError || error instanceof ConfigError ? ` [${error.code}]` : '';
      const message = error instanceof InvalidArgumentError ? error.message : error instanceof AppError || error instanceof ConfigError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error);
      process.stderr.write(`ecc365 solution import failed${code}: ${message}\n`);
      process.exitCode = error instanceof InvalidArgumentError ? 2 : importExitCode(error);
    } finally {
      close();
    }
  });

await program.parseAsync(process.argv);

/**
 * The in-process transport: RFC connections to an RFC server living in this process (the
 * sandbox's simulated ECC, handed in by the CLI). Each borrowed connection is a fresh logon.
 */

import { ConnectionRfcClient, type RfcConnection, type RfcConnector } from './connectionClient.js';

/** What an in-process RFC server offers: logon, then calls on a stateful connection. */
export interface InProcessRfcServer {
  connect(user: string, password: string): InProcessConnection;
}

export interface InProcessConnection {
  call(functionModule: string, parameters: Record<string, unknown>, options: { signal?: AbortSignal }): Promise<Record<string, unknown>>;
  close(): void;
}

type Connection = RfcConnection & { target: InProcessConnection };

class InProcessConnector implements RfcConnector<Connection> {
  constructor(private readonly server: InProcessRfcServer, private readonly user: string, private readonly password: string) {}

  async acquire(): Promise<Connection> {
    const target = this.server.connect(this.user, this.password);
    return {
      target,
      call: async (functionModule, parameters, { signal }) => (await target.call(functionModule, parameters, { signal })),
    };
  }

  async release(connection: Connection): Promise<void> {
    connection.target.close();
  }

  async close(): Promise<void> {}
}

export function createInProcessRfcClient(server: InProcessRfcServer, options: { user: string; password: string; timeoutMs: number }): ConnectionRfcClient<Connection> {
  return new ConnectionRfcClient(new InProcessConnector(server, options.user, options.password), {
    description: `sandbox (in process) user ${options.user}`,
    timeoutMs: options.timeoutMs,
  });
}

/**
 * The identity provider's TLS certificate, made at start: a throwaway certificate authority and a
 * server certificate it signs for 127.0.0.1, ::1 and localhost. Clients trust the sandbox by
 * trusting the CA's PEM (MSAL insists on an HTTPS authority); nothing is written to disk and no
 * openssl binary is needed.
 */

import { generate } from 'selfsigned';

export interface SandboxTlsCertificate {
  /** PEM of the certificate authority to give clients. */
  caCertificatePem: string;
  /** The server's certificate and private key, for https.createServer. */
  certificatePem: string;
  privateKeyPem: string;
}

const VALIDITY_DAYS = 30;

export async function generateSandboxTlsCertificate(): Promise<SandboxTlsCertificate> {
  const notBeforeDate = new Date(Date.now() - 60_000);
  const notAfterDate = new Date(notBeforeDate.getTime() + VALIDITY_DAYS * 86_400_000);
  const ca = await generate([{ name: 'commonName', value: 'ecc365 sandbox certificate authority' }], {
    keySize: 2048,
    algorithm: 'sha256',
    notBeforeDate,
    notAfterDate,
    extensions: [
      { name: 'basicConstraints', cA: true, pathLenConstraint: 0, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    ],
  });
  const server = await generate([{ name: 'commonName', value: '127.0.0.1' }], {
    keySize: 2048,
    algorithm: 'sha256',
    notBeforeDate,
    notAfterDate,
    ca: { key: ca.private, cert: ca.cert },
    extensions: [
      { name: 'basicConstraints', cA: false, critical: true },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 7, ip: '127.0.0.1' },
          { type: 7, ip: '::1' },
          { type: 2, value: 'localhost' },
        ],
      },
    ],
  });
  return { caCertificatePem: ca.cert, certificatePem: server.cert, privateKeyPem: server.private };
}

import {mkdir, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {execa} from 'execa';

/** A throwaway certificate authority and the certificate it signed for 127.0.0.1 and localhost. */
export type LabTls = {
	/** The CA certificate (PEM): what a client must trust to reach the lab's https server. */
	caFile: string;
	certFile: string;
	keyFile: string;
};

const openssl = (args: string[], cwd: string) => execa('openssl', args, {cwd, timeout: 60_000});

/**
 * Makes the lab's CA with openssl (EC keys: fast), then a server certificate for 127.0.0.1 and
 * localhost. Nothing is added to the machine's trust store: clients are told of caFile one by one.
 */
export async function createLabTls(workDir: string): Promise<LabTls> {
	const dir = path.join(workDir, 'tls');
	// Readable by apt's _apt user, for a test that gives apt the CA (Acquire::https::CaInfo).
	await mkdir(dir, {recursive: true, mode: 0o755});
	await openssl(['ecparam', '-name', 'prime256v1', '-genkey', '-noout', '-out', 'ca.key'], dir);
	await openssl(['req', '-x509', '-new', '-key', 'ca.key', '-sha256', '-days', '2', '-subj', '/CN=mesos-setup lab CA',
		'-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign', '-out', 'ca.pem'], dir);
	await openssl(['ecparam', '-name', 'prime256v1', '-genkey', '-noout', '-out', 'server.key'], dir);
	await openssl(['req', '-new', '-key', 'server.key', '-subj', '/CN=127.0.0.1', '-out', 'server.csr'], dir);
	await writeFile(path.join(dir, 'server.ext'), [
		'basicConstraints=CA:FALSE', 'keyUsage=critical,digitalSignature', 'extendedKeyUsage=serverAuth',
		'subjectAltName=IP:127.0.0.1,DNS:localhost', '',
	].join('\n'));
	await openssl(['x509', '-req', '-in', 'server.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-days', '2',
		'-sha256', '-extfile', 'server.ext', '-out', 'server.pem'], dir);
	return {caFile: path.join(dir, 'ca.pem'), certFile: path.join(dir, 'server.pem'), keyFile: path.join(dir, 'server.key')};
}

/** Downloads the compiled gazetteer, telling the bytes received as they arrive. */
import { GazetteerLoadError } from './service';

export async function fetchGazetteer(
  url: string,
  onBytes: (received: number, total: number | null) => void,
): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) {
    throw new GazetteerLoadError(
      `the broad gazetteer (${url}) could not be loaded: the server answered ${response.status}` +
        (response.status === 404 ? '; build the app with npm run build, which compiles it' : '; try again'),
    );
  }
  const length = Number(response.headers.get('content-length'));
  const total = Number.isFinite(length) && length > 0 ? length : null;
  if (!response.body) {
    const bytes = new Uint8Array(await response.arrayBuffer());
    onBytes(bytes.length, total);
    return bytes;
  }
  const reader = response.body.getReader();
  // Content-Length is the encoded size: with a compressed response the text may be larger.
  let bytes = new Uint8Array(total ?? 1 << 20);
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (received + value.length > bytes.length) {
      const grown = new Uint8Array(Math.max(bytes.length * 2, received + value.length));
      grown.set(bytes.subarray(0, received));
      bytes = grown;
    }
    bytes.set(value, received);
    received += value.length;
    onBytes(received, total);
  }
  // A view from offset 0 of its own buffer: the gazetteer's typed arrays need 4-byte alignment.
  return received === bytes.length ? bytes : bytes.slice(0, received);
}

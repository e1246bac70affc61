/** `#default-signer` everywhere else (browsers, Deno, Bun, edge): the WebCrypto signer. */
export { createWebCryptoSigner as createDefaultSigner } from './webcrypto-signer.js';

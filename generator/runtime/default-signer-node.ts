/** `#default-signer` under the `node` condition: the node:crypto signer (KeyObject parsed once). */
export { createNodeSigner as createDefaultSigner } from './node-signer.js';

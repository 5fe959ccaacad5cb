/**
 * WeChat Pay API v3. The adapter for our order code, plus the protocol building blocks the
 * sandbox gateway needs to play the provider side (verify merchant requests, sign responses,
 * build encrypted notifies).
 */
export { createWechatAdapter } from "./adapter";
export { resolveWechatConfig, type ResolvedWechatConfig, type WechatPayConfig } from "./config";
export {
  PUBLIC_KEY_ID_PREFIX,
  createKeyRing,
  loadRsaPrivateKey,
  loadRsaPublicKey,
  type KeyLookup,
  type KeyRing,
  type PlatformCertificate,
  type VerifierMaterial,
} from "./keys";
export {
  AUTH_SCHEME,
  SIGNATURE_HEADERS,
  buildAuthorization,
  createNonce,
  parseAuthorization,
  requestMessage,
  responseMessage,
  signMessage,
  signRequest,
  signResponse,
  type AuthorizationParts,
  type SignRequestInput,
  type SignResponseInput,
} from "./sign";
export {
  MAX_CLOCK_SKEW_SECONDS,
  SIGNATURE_PROBE_PREFIX,
  verifyAuthorization,
  verifyMessage,
  verifySignedMessage,
  type AuthorizationInput,
  type AuthorizationRejection,
  type AuthorizationResult,
  type SignedMessageInput,
  type SignedMessageRejection,
  type SignedMessageResult,
} from "./verify";
export {
  API_V3_KEY_BYTES,
  RESOURCE_ALGORITHM,
  apiV3KeyBytes,
  decryptResource,
  encryptResource,
  type DecryptResult,
  type EncryptResourceInput,
  type EncryptedResource,
} from "./resource";
export { jsapiPayParams, payMessage } from "./jsapi";
export { MAX_NOTIFY_BYTES, answerNotify } from "./notify";
export { buildSignedNotify, type BuildNotifyInput } from "./notify-builder";
export { parseWechatTime, toWechatTime } from "./time";

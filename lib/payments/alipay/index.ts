/**
 * Alipay OpenAPI 2.0 for the recharge app. The adapter is what the app uses; the building blocks
 * below are shared with whoever plays Alipay's side (the sandbox gateway): it verifies our request
 * signatures with readGatewayRequest + verifyParams(…, "request", appPublicKey) and answers with
 * signAlipayResponse / signParams(…, "notify", alipayPrivateKey) + encodeForm.
 */
export { createAlipayAdapter } from "./adapter";
export type { AlipayConfig } from "./config";
export { fenToYuan, yuanToFen } from "./amount";
export { formatBeijingTime, parseBeijingTime } from "./time";
export { loadPrivateKey, loadPublicKey } from "./keys";
export { signContent, signParams, verifyParams, rsa2Sign, rsa2Verify } from "./sign";
export type { AlipayParams, RsaKey, SignScope } from "./sign";
export { parseForm, encodeForm, MAX_FORM_CHARS } from "./form";
export type { FormParse } from "./form";
export { responseKey, signAlipayResponse, verifyAlipayResponse } from "./response";
export type { ResponseProblem, VerifiedResponse } from "./response";
export { buildRequestParams, buildPageUrl, readGatewayRequest, splitForPost } from "./request";
export type { GatewayRequestSpec } from "./request";
export { verifyTradeNotify, verifyRefundNotify, answerNotify } from "./notify";
export type { NotifyIdentity } from "./notify";

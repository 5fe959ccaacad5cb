import type { Provider } from "@/components/recharge/api";

/** Brand colours, used for marks, borders and the H5 button. */
export const providerColor: Record<Provider, string> = { WECHAT: "#07c160", ALIPAY: "#1677ff" };

/** A simple drawn mark for the provider (no external logo files); decorative, the name is always next to it. */
export function ProviderMark({ provider, size = 28 }: { provider: Provider; size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false" className="shrink-0">
      <rect width="32" height="32" rx="7" fill={providerColor[provider]} />
      {provider === "WECHAT" ? (
        <g fill="#fff">
          <ellipse cx="13" cy="13.5" rx="8" ry="6.5" />
          <path d="M8.5 18.5 7.5 22l4-2.2z" />
          <ellipse cx="20.5" cy="19" rx="6.5" ry="5.2" stroke={providerColor.WECHAT} strokeWidth="1.4" />
          <path d="M24 23.2 25.2 26l-3.6-1.8z" />
          <circle cx="10.3" cy="12.2" r="1.1" fill={providerColor.WECHAT} />
          <circle cx="15.7" cy="12.2" r="1.1" fill={providerColor.WECHAT} />
          <circle cx="18.4" cy="18.4" r="0.9" fill={providerColor.WECHAT} />
          <circle cx="22.6" cy="18.4" r="0.9" fill={providerColor.WECHAT} />
        </g>
      ) : (
        <g fill="none" stroke="#fff" strokeWidth="2.2" strokeLinecap="round">
          <path d="M8 10.5h16M16 6.5v10M10 16.5h12.5c-1.5 4.5-5.5 8.5-13 9.5" />
          <path d="M13.5 20c3 2.2 7 4.5 11 5.5" />
        </g>
      )}
    </svg>
  );
}

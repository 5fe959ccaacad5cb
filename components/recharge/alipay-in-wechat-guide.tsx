import Image from "next/image";

export interface AlipayInWechatText {
  title: string;
  steps: string;
  imageAlt: string;
  payWithWechat: string;
}

/** Alipay's pages are blocked inside WeChat: how to get out (with a picture), or pay by WeChat instead. */
export function AlipayInWechatGuide({
  text,
  onPayWithWechat,
}: {
  text: AlipayInWechatText;
  onPayWithWechat?: () => void;
}) {
  return (
    <div
      role="note"
      aria-labelledby="alipay-guide-title"
      className="flex flex-col gap-3 rounded-lg border border-amber-300 bg-amber-50 p-4 text-left text-amber-950"
      data-testid="alipay-in-wechat-guide"
    >
      <h3 id="alipay-guide-title" className="font-semibold">
        {text.title}
      </h3>
      <p className="text-sm">{text.steps}</p>
      <Image
        src="/wechat-open-in-browser.svg"
        alt={text.imageAlt}
        width={320}
        height={220}
        className="h-auto w-full max-w-xs self-center"
        unoptimized
      />
      {onPayWithWechat && (
        <button
          type="button"
          onClick={onPayWithWechat}
          className="rounded-lg bg-[#05793a] px-4 py-2 font-semibold text-white hover:opacity-90"
          data-testid="pay-with-wechat-instead"
        >
          {text.payWithWechat}
        </button>
      )}
    </div>
  );
}

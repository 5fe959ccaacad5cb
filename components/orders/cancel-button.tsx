"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRef } from "react";
import { cancelOrder } from "@/components/recharge/api";
import { storeOrder } from "@/components/orders/use-order-status";

/** Cancels the order after a confirmation (a native modal dialog: focus stays inside, Escape closes it). */
export function CancelButton({ orderNo, onCancelled }: { orderNo: string; onCancelled: () => void }) {
  const t = useTranslations("order");
  const queryClient = useQueryClient();
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useMutation({
    mutationFn: () => cancelOrder(orderNo),
    onSuccess: (order) => {
      dialog.current?.close();
      storeOrder(queryClient, order);
      onCancelled();
    },
  });

  return (
    <>
      <button
        type="button"
        onClick={() => {
          cancel.reset();
          dialog.current?.showModal();
        }}
        className="rounded-lg px-4 py-2 font-medium text-red-700 underline-offset-2 hover:bg-red-50 hover:underline"
      >
        {t("cancel")}
      </button>
      <dialog
        ref={dialog}
        aria-labelledby="cancel-title"
        aria-describedby="cancel-body"
        className="m-auto w-[calc(100%-2rem)] max-w-sm rounded-2xl bg-white p-6 text-left shadow-xl backdrop:bg-slate-900/50"
      >
        <h2 id="cancel-title" className="text-lg font-semibold">
          {t("cancelTitle")}
        </h2>
        <p id="cancel-body" className="mt-2 text-slate-700">
          {t("cancelBody")}
        </p>
        {cancel.isError && (
          <p role="alert" className="mt-3 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
            {t("cancelFailed")}
          </p>
        )}
        {/* "Keep paying" comes first, so it has the focus when the dialog opens. */}
        <div className="mt-5 flex flex-col gap-2 sm:flex-row sm:justify-end">
          <button
            type="button"
            onClick={() => dialog.current?.close()}
            className="rounded-lg border border-slate-300 px-4 py-2 font-medium hover:bg-slate-50"
          >
            {t("cancelKeep")}
          </button>
          <button
            type="button"
            onClick={() => cancel.mutate()}
            disabled={cancel.isPending}
            className="rounded-lg bg-red-700 px-4 py-2 font-medium text-white hover:bg-red-800 disabled:opacity-60"
          >
            {cancel.isPending ? t("cancelling") : t("cancelConfirm")}
          </button>
        </div>
      </dialog>
    </>
  );
}

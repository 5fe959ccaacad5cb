import { describe, expect, it, vi } from "vitest";
import { OrderListeners } from "@/lib/events/order-listeners";

describe("OrderListeners", () => {
  it("calls only the listeners of the event's order", () => {
    const listeners = new OrderListeners();
    const mine = vi.fn();
    const alsoMine = vi.fn();
    const others = Array.from({ length: 1_000 }, () => vi.fn());
    listeners.add("A", mine);
    listeners.add("A", alsoMine);
    others.forEach((listener, index) => listeners.add(`other-${index}`, listener));

    listeners.dispatch({ orderNo: "A", status: "PAID" }, () => undefined);

    expect(mine).toHaveBeenCalledExactlyOnceWith({ orderNo: "A", status: "PAID" });
    expect(alsoMine).toHaveBeenCalledOnce();
    for (const listener of others) expect(listener).not.toHaveBeenCalled();
  });

  it("forgets a removed listener and the order once its last listener is gone", () => {
    const listeners = new OrderListeners();
    const listener = vi.fn();
    const remove = listeners.add("A", listener);
    const removeSame = listeners.add("A", listener);
    expect(listeners.size).toBe(2);

    remove();
    remove();
    expect(listeners.size).toBe(1);
    listeners.dispatch({ orderNo: "A", status: "PAID" }, () => undefined);
    expect(listener).toHaveBeenCalledOnce();

    removeSame();
    expect(listeners.size).toBe(0);
    listeners.dispatch({ orderNo: "A", status: "PAID" }, () => undefined);
    expect(listener).toHaveBeenCalledOnce();
  });

  it("keeps calling the others when one listener throws", () => {
    const listeners = new OrderListeners();
    const failure = new Error("boom");
    const after = vi.fn();
    const onError = vi.fn();
    listeners.add("A", () => {
      throw failure;
    });
    listeners.add("A", after);

    listeners.dispatch({ orderNo: "A", status: "PAID" }, onError);

    expect(onError).toHaveBeenCalledExactlyOnceWith(failure);
    expect(after).toHaveBeenCalledOnce();
  });

  it("lets a listener remove itself while the event is dispatched", () => {
    const listeners = new OrderListeners();
    const second = vi.fn();
    const removeFirst = listeners.add("A", () => removeFirst());
    listeners.add("A", second);

    listeners.dispatch({ orderNo: "A", status: "PAID" }, () => undefined);

    expect(second).toHaveBeenCalledOnce();
    expect(listeners.size).toBe(1);
  });
});

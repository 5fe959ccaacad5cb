export interface OrderEvent {
  orderNo: string;
  status: string;
}

export type OrderListener = (event: OrderEvent) => void;

/**
 * Live listeners by order number: an event reaches only its own order's listeners, so one
 * payment costs the same whether ten or ten thousand pages are open.
 */
export class OrderListeners {
  private readonly byOrder = new Map<string, Set<OrderListener>>();
  private count = 0;

  /** Adds `listener` for `orderNo`; the returned function removes it (calling it twice is harmless). */
  add(orderNo: string, listener: OrderListener): () => void {
    let listeners = this.byOrder.get(orderNo);
    if (!listeners) {
      listeners = new Set();
      this.byOrder.set(orderNo, listeners);
    }
    // A wrapper per subscription: the same function subscribed twice is two subscriptions.
    const entry: OrderListener = (event) => listener(event);
    listeners.add(entry);
    this.count += 1;
    return () => {
      const current = this.byOrder.get(orderNo);
      if (!current?.delete(entry)) return;
      this.count -= 1;
      if (current.size === 0) this.byOrder.delete(orderNo);
    };
  }

  /** Calls the order's listeners; one that throws does not keep the others from hearing. */
  dispatch(event: OrderEvent, onError: (error: unknown) => void): void {
    const listeners = this.byOrder.get(event.orderNo);
    if (!listeners) return;
    for (const listener of [...listeners]) {
      try {
        listener(event);
      } catch (error) {
        onError(error);
      }
    }
  }

  /** Open subscriptions, over all orders. */
  get size(): number {
    return this.count;
  }
}

import { productById } from './catalog.js';
import type { Product } from './catalog.js';

const KEY = 'trail-shop:cart';

export interface CartLine {
  product: Product;
  quantity: number;
}

/** The cart as product id → quantity, kept in sessionStorage so a reload keeps it; unknown ids are ignored. */
function read(): Record<string, number> {
  try {
    const parsed: unknown = JSON.parse(sessionStorage.getItem(KEY) ?? '{}');
    if (typeof parsed !== 'object' || parsed === null) return {};
    return Object.fromEntries(Object.entries(parsed).filter(([id, n]) => productById(id) && Number.isInteger(n) && n > 0));
  } catch {
    return {};
  }
}

function write(cart: Record<string, number>): void {
  sessionStorage.setItem(KEY, JSON.stringify(cart));
  document.dispatchEvent(new CustomEvent('cart:changed'));
}

export function addToCart(productId: string): void {
  const cart = read();
  cart[productId] = (cart[productId] ?? 0) + 1;
  write(cart);
}

export function cartLines(): CartLine[] {
  return Object.entries(read()).flatMap(([id, quantity]) => {
    const product = productById(id);
    return product ? [{ product, quantity }] : [];
  });
}

export function cartTotal(): number {
  return cartLines().reduce((sum, line) => sum + line.product.price * line.quantity, 0);
}

export function clearCart(): void {
  write({});
}

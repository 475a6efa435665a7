import { cartLines, cartTotal } from '../cart.js';
import { formatPrice } from '../catalog.js';
import type { View } from '../router.js';

export const cartView: View = (main) => {
  const lines = cartLines();
  if (lines.length === 0) {
    main.innerHTML = `<h1>Cart</h1><p>Your cart is empty. <a href="/" data-link>Browse the catalog</a>.</p>`;
    return;
  }
  main.innerHTML = `<h1>Cart</h1>
<div class="card"><table>
  <thead><tr><th>Product</th><th>Quantity</th><th>Price</th></tr></thead>
  <tbody>${lines
    .map((l) => `<tr><td>${l.product.name}</td><td>${l.quantity}</td><td>${formatPrice(l.product.price * l.quantity)}</td></tr>`)
    .join('')}</tbody>
  <tfoot><tr><th colspan="2">Total</th><th>${formatPrice(cartTotal())}</th></tr></tfoot>
</table>
<p><a class="button" href="/checkout" data-link>Checkout</a></p></div>`;
};

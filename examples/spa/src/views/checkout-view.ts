import { cartTotal, clearCart } from '../cart.js';
import { formatPrice } from '../catalog.js';
import { closeloop } from '../shop-closeloop.js';
import type { View } from '../router.js';

/** Checkout: placing the order reports `checkout_completed` with its total, then shows the confirmation route. */
export function checkoutView(navigate: (path: string) => void): View {
  return (main) => {
    const total = cartTotal();
    if (total === 0) {
      main.innerHTML = `<h1>Checkout</h1><p>Nothing to pay for. <a href="/" data-link>Browse the catalog</a>.</p>`;
      return;
    }
    main.innerHTML = `<h1>Checkout</h1>
<form class="card">
  <label for="name">Name</label><input id="name" name="name" autocomplete="name" required value="Alex Walker" />
  <label for="address">Address</label><input id="address" name="address" autocomplete="street-address" required value="1 Ridge Road" />
  <p class="price">Total ${formatPrice(total)}</p>
  <button class="button" type="submit">Place order</button>
</form>`;
    main.querySelector('form')?.addEventListener('submit', (event) => {
      event.preventDefault();
      const order = String(Date.now()).slice(-6);
      clearCart();
      closeloop.track('checkout_completed', { total });
      navigate(`/orders/${order}`);
    });
  };
}

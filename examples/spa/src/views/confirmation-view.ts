import type { View } from '../router.js';

export const confirmationView: View = (main, params) => {
  main.innerHTML = `<h1>Thank you for your order</h1>
<p>Order <strong>#<span data-order></span></strong> is on its way. <a href="/" data-link>Keep browsing</a>.</p>`;
  const order = main.querySelector('[data-order]');
  if (order) order.textContent = params['id'] ?? '';
};

import './style.css';
import { cartLines } from './cart.js';
import { identifyFromBackend } from './identity.js';
import { startRouter } from './router.js';
import { cartView } from './views/cart-view.js';
import { catalogView } from './views/catalog-view.js';
import { checkoutView } from './views/checkout-view.js';
import { confirmationView } from './views/confirmation-view.js';
import { notFoundView } from './views/not-found-view.js';
import { productView } from './views/product-view.js';

function showCartCount(): void {
  const count = document.getElementById('cart-count');
  if (count) count.textContent = String(cartLines().reduce((n, l) => n + l.quantity, 0));
}
document.addEventListener('cart:changed', showCartCount);
showCartCount();

// Identify first (calls made before the config arrives are queued by the SDK, so nothing waits for it).
void identifyFromBackend();

const main = document.getElementById('app');
if (!main) throw new Error('index.html has no #app');
const router = startRouter(
  main,
  [
    { pattern: /^\/$/, view: catalogView },
    { pattern: /^\/products\/(?<id>[\w-]+)$/, view: productView },
    { pattern: /^\/cart$/, view: cartView },
    { pattern: /^\/checkout$/, view: checkoutView((path) => router.navigate(path)) },
    { pattern: /^\/orders\/(?<id>\d+)$/, view: confirmationView },
  ],
  notFoundView,
);

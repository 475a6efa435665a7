// The shop's own script: a cart in localStorage, nothing to do with Closeloop except the one `track` call at
// checkout, which shows how a host page reports a custom event through the snippet queue.
const CART_KEY = 'demo-shop:cart';
const PRICE = 49;

function readCart() {
  const count = Number(localStorage.getItem(CART_KEY));
  return Number.isInteger(count) && count > 0 ? count : 0;
}

function renderCartCount() {
  for (const el of document.querySelectorAll('[data-cart-count]')) el.textContent = String(readCart());
}

document.addEventListener('click', (event) => {
  const add = event.target instanceof Element && event.target.closest('[data-add-to-cart]');
  if (!add) return;
  localStorage.setItem(CART_KEY, String(readCart() + 1));
  renderCartCount();
  add.textContent = 'Added ✓';
});

const lines = document.querySelector('[data-cart-lines]');
if (lines) {
  const count = readCart();
  lines.innerHTML = count
    ? `<tr><td>Trail backpack × ${count}</td><td>€${count * PRICE}</td></tr><tr><th>Total</th><th>€${count * PRICE}</th></tr>`
    : '<tr><td colspan="2" class="muted">Your cart is empty.</td></tr>';
}

const checkout = document.querySelector('[data-checkout]');
if (checkout) {
  checkout.addEventListener('submit', (event) => {
    event.preventDefault();
    const total = readCart() * PRICE;
    sessionStorage.setItem('demo-shop:last-total', String(total));
    localStorage.removeItem(CART_KEY);
    location.href = 'confirmation.html';
  });
}

if (document.querySelector('[data-confirmation]')) {
  const total = Number(sessionStorage.getItem('demo-shop:last-total')) || 0;
  const el = document.querySelector('[data-order-total]');
  if (el) el.textContent = `€${total}`;
  // Report the completed checkout to Closeloop; surveys may trigger on it.
  window.closeloop('track', 'checkout_completed', { total });
}

renderCartCount();

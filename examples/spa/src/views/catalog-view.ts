import { addToCart } from '../cart.js';
import { formatPrice, products } from '../catalog.js';
import type { View } from '../router.js';

export const catalogView: View = (main) => {
  main.innerHTML = `<h1>Catalog</h1><p class="muted">Everything for a long walk.</p>
<ul class="grid">${products
    .map(
      (p) => `<li class="card">
  <div class="photo small" aria-hidden="true">${p.mark}</div>
  <h2><a href="/products/${p.id}" data-link>${p.name}</a></h2>
  <p class="price">${formatPrice(p.price)}</p>
  <button class="button" type="button" data-add="${p.id}">Add ${p.name} to cart</button>
</li>`,
    )
    .join('')}</ul>`;
  const onClick = (event: Event) => {
    const id = event.target instanceof HTMLElement ? event.target.dataset['add'] : undefined;
    if (id) addToCart(id);
  };
  main.addEventListener('click', onClick);
  return () => main.removeEventListener('click', onClick);
};

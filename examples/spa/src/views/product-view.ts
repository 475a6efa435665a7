import { addToCart } from '../cart.js';
import { formatPrice, productById } from '../catalog.js';
import type { View } from '../router.js';
import { notFoundView } from './not-found-view.js';

export const productView: View = (main, params) => {
  const product = productById(params['id'] ?? '');
  if (!product) return notFoundView(main, params);
  main.innerHTML = `<div class="product">
  <div class="photo" aria-hidden="true">${product.mark}</div>
  <div>
    <h1>${product.name}</h1>
    <p class="muted">${product.blurb}</p>
    <p class="price">${formatPrice(product.price)}</p>
    <button class="button" type="button">Add to cart</button>
    <p><a href="/cart" data-link>Go to cart</a></p>
  </div>
</div>`;
  main.querySelector('button')?.addEventListener('click', () => addToCart(product.id));
};

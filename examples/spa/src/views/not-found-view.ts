import type { View } from '../router.js';

export const notFoundView: View = (main) => {
  main.innerHTML = `<h1>Not found</h1><p><a href="/" data-link>Back to the catalog</a></p>`;
};

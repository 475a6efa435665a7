export interface Product {
  id: string;
  name: string;
  price: number;
  /** Two letters shown on the product tile (no image files in the example). */
  mark: string;
  blurb: string;
}

/** The shop's (static) products. */
export const products: Product[] = [
  { id: 'backpack', name: 'Trail backpack', price: 89, mark: 'TB', blurb: '28 litres, rain cover, a pocket for everything.' },
  { id: 'boots', name: 'Ridge boots', price: 149, mark: 'RB', blurb: 'Waterproof leather, broken in after one walk.' },
  { id: 'flask', name: 'Steel flask', price: 24, mark: 'SF', blurb: 'Keeps tea hot for 12 hours.' },
];

export function productById(id: string): Product | undefined {
  return products.find((p) => p.id === id);
}

export const formatPrice = (amount: number) => `€${amount.toFixed(2)}`;

/**
 * The browser core checks `configVersion` before it trusts the shape of a config reply (it carries no zod, to
 * stay small): bump it on any change an older core would misread. This file imports nothing, so the core can
 * import it without pulling zod into the page.
 *
 * 2: surveys carry `targeting` and `frequency`. A version-1 core would ignore both and show a sampled or
 * targeted survey to everyone, so it must refuse this config instead.
 */
export const CONFIG_VERSION = 2;

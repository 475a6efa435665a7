// pnpm hooks for this workspace. beforePacking shapes the package.json that goes into a tarball (`pnpm pack`,
// `pnpm publish`); the file in the repository stays as it is.

/** The export condition that points workspace tools (vitest, vite, tsc) at a package's TypeScript sources. */
const SOURCE_CONDITION = '@closeloop/source';

/**
 * The exports map without the source condition: src/ is not shipped ("files" lists dist), so a published
 * package must never point there, even under a condition only this repository sets.
 */
function withoutSource(target) {
  if (target === null || typeof target !== 'object' || Array.isArray(target)) return target;
  return Object.fromEntries(
    Object.entries(target)
      .filter(([key]) => key !== SOURCE_CONDITION)
      .map(([key, value]) => [key, withoutSource(value)]),
  );
}

export const hooks = {
  beforePacking(pkg) {
    if (pkg.exports !== undefined) pkg.exports = withoutSource(pkg.exports);
    // An installed package's devDependencies are never installed; here they would only name private workspace
    // packages (@closeloop/test-receivers) that are not on the registry.
    delete pkg.devDependencies;
    return pkg;
  },
};

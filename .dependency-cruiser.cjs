/**
 * The import rules of src/ (docs/DESIGN.md, "Layout"), checked by `npm run deps` in .ci/run:
 * no cycle between files (type-only imports included), and each stage imports only the stages
 * below it, so no cycle between folders either.
 *
 * Order, top to bottom: entry points (cli.ts, main.ts, action/) → engine.ts, explain.ts →
 * github/, review/ → report/ → policy/ → evaluate/ → grants/ → plan/ → resources/ → catalog/ →
 * manifest/ → genesys/ → limits.ts, types.ts, domain/ → util/.
 */
const layer = (name, below) => ({
  name: `${name}-imports-only-below`,
  comment: `${name} may import only: ${below.join(', ')}`,
  severity: 'error',
  from: { path: `^src/${name}` },
  to: { path: '^src/', pathNot: [`^src/${name}`, ...below.map((b) => `^src/${b}`)] },
});

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'A cycle (even through a type-only import) ties two modules into one.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-test-doubles-in-src',
      comment: 'The fake Genesys Cloud and other test support live outside src/ and never ship.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^(test-support|__tests__)/' },
    },
    layer('util/', ['types\\.ts', 'domain/']),
    layer('domain/', []),
    layer('types\\.ts', ['domain/']),
    layer('genesys/', ['util/', 'types\\.ts', 'domain/']),
    layer('manifest/', ['genesys/', 'util/', 'types\\.ts', 'domain/']),
    layer('catalog/', ['manifest/', 'genesys/', 'util/', 'types\\.ts', 'domain/']),
    layer('resources/', ['catalog/', 'manifest/', 'genesys/', 'util/', 'types\\.ts', 'domain/']),
    layer('plan/', ['resources/', 'catalog/', 'manifest/', 'genesys/', 'util/', 'types\\.ts', 'domain/']),
    layer('grants/', ['plan/', 'resources/', 'catalog/', 'manifest/', 'genesys/', 'report/', 'util/', 'types\\.ts', 'domain/']),
    layer('evaluate/', ['catalog/', 'util/', 'types\\.ts', 'domain/']),
    layer('policy/', ['evaluate/', 'report/', 'util/', 'types\\.ts', 'domain/']),
    layer('report/', ['util/', 'types\\.ts', 'domain/']),
    layer('diagnose/', ['evaluate/', 'grants/', 'report/', 'catalog/', 'genesys/', 'util/', 'types\\.ts', 'domain/']),
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};

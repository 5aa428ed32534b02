/** The hexagon's rules: `npm test` fails when one is broken. */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'domain/ imports only domain/: no npm packages, no node built-ins, no outer layer.',
      severity: 'error',
      from: { path: '^domain/' },
      to: { pathNot: '^domain/' },
    },
    {
      name: 'application-sees-only-domain',
      comment: 'application/ imports only domain/ and itself.',
      severity: 'error',
      from: { path: '^application/' },
      to: { pathNot: '^(domain|application)/' },
    },
    {
      name: 'adapters-are-independent',
      comment: 'One adapter never imports another (adapters/<area>/ are siblings).',
      severity: 'error',
      from: { path: '^adapters/([^/]+)/' },
      to: { path: '^adapters/([^/]+)/', pathNot: '^adapters/$1/' },
    },
    {
      name: 'inner-layers-ignore-outer',
      comment: 'Nothing but bootstrap/ and tests/ reaches into bootstrap/.',
      severity: 'error',
      from: { pathNot: '^(bootstrap|tests)/' },
      to: { path: '^bootstrap/' },
    },
    {
      name: 'production-wiring-ignores-demo',
      comment:
        'The demo seed is loaded by the entry points (main.ts on a first fake start, seed.ts on request), never by the wiring.',
      severity: 'error',
      from: {
        path: '^(bootstrap|adapters|application|domain)/',
        pathNot: '^bootstrap/(main|seed)\\.ts$|^bootstrap/demo/',
      },
      to: { path: '^bootstrap/demo/' },
    },
    {
      name: 'only-bootstrap-uses-inversify',
      comment: 'The container is a composition-root concern.',
      severity: 'error',
      from: { pathNot: '^bootstrap/' },
      to: { path: 'node_modules/(inversify|@inversifyjs)/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.js', '.json'],
    },
  },
};

// The layout's rules, checked in CI by `npm run deps:validate` (depcruise apps libs --config .dependency-cruiser.cjs).
// Why: each app is its own deployable and owns its data; domain code stays free of frameworks so that
// it can be unit-tested without setup and survives a change of ORM, broker or HTTP server.

/** Files that only tests load: specs, a project's test/ folder, the cross-process tests/, and the test-support library. */
const TEST_CODE = '\\.(spec|int-spec|e2e-spec)\\.ts$|^(apps|libs)/[^/]+/test/|^tests/|^libs/testing/';

/** Framework, ORM, broker, cache and HTTP-server packages that domain code must not know about. */
const INFRASTRUCTURE_PACKAGES =
  '(^|/)node_modules/(@nestjs/|@fastify/|typeorm/|bullmq/|amqplib/|ioredis/|pg/|fastify/|pino/|@opentelemetry/)';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-app-to-other-app',
      comment:
        'An app imports another app. Each app is a separate deployable that owns its data: talk through ' +
        'events (libs/events) or HTTP, or move the shared mechanism into a library under libs/.',
      severity: 'error',
      from: { path: '^apps/([^/]+)/' },
      to: { path: '^apps/', pathNot: '^apps/$1/' },
    },
    {
      name: 'no-framework-in-domain',
      comment:
        'Domain code imports a framework, ORM, broker or cache library. Keep domain/ pure TypeScript: ' +
        'put the adapter in infrastructure/ or application/ and pass plain values in.',
      severity: 'error',
      from: { path: '(^|/)domain/' },
      to: { path: INFRASTRUCTURE_PACKAGES },
    },
    {
      name: 'no-lib-to-app',
      comment:
        'A library imports an app. Libraries are mechanisms and contracts shared by apps; they never depend ' +
        'on one of them.',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'no-circular',
      comment:
        'This dependency is part of a cycle. Break it (move the shared piece down, or invert the ' +
        'dependency); in Nest, a cycle is what forwardRef hides.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-dev-dependency-in-production-code',
      comment:
        'Non-test code imports a devDependency, which `npm prune --omit=dev` removes from the image. ' +
        'Move the package to dependencies, or keep the import in test code.',
      severity: 'error',
      from: { pathNot: TEST_CODE },
      to: { dependencyTypes: ['npm-dev'], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'no-test-support-in-production-code',
      comment:
        'Non-test code imports the test-support library (libs/testing), which may use devDependencies ' +
        'and drops databases.',
      severity: 'error',
      from: { pathNot: TEST_CODE },
      to: { path: '^libs/testing/' },
    },
    {
      name: 'no-undeclared-package',
      comment:
        'This module imports a package that package.json does not declare (it only arrives transitively). ' +
        'Declare it, pinned, or do without it.',
      severity: 'error',
      from: {},
      to: { dependencyTypes: ['npm-no-pkg', 'npm-unknown'] },
    },
    {
      name: 'not-to-unresolvable',
      comment:
        'This import resolves to no file. For @tripartite/* check the alias in tsconfig.json `paths`; ' +
        'otherwise the other rules could not see where it points.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^dist[^/]*/' },
    // Type-only imports count too: a domain file that imports a TypeORM type still depends on TypeORM.
    tsPreCompilationDeps: true,
    // Resolves the @tripartite/* aliases (tsconfig `paths`) to libs/<lib>/src/index.ts.
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['main', 'types', 'typings'],
      extensions: ['.ts', '.js', '.mjs', '.cjs', '.d.ts', '.json'],
    },
    skipAnalysisNotInRules: true,
    reporterOptions: {
      text: { highlightFocused: true },
    },
  },
};

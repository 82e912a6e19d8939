#!/usr/bin/env node
// Validates the deployment files without a cluster or a Docker engine, in CI (.ci/run) and by hand:
//   - docker-compose.yml: `docker compose config -q` when the Compose CLI is there (skipped with a notice
//     otherwise), and our own checks of its structure either way;
//   - deploy/Dockerfile: the few rules the image must keep (locked install, prune, non-root, SERVICE);
//   - k8s/overlays/*: rendered with `kubectl kustomize`, every resource validated against its Kubernetes
//     schema (package kubernetes-models), then our invariants (probes, resources, non-root, shutdown budget,
//     an HPA and a PDB per service, secrets referenced and never written, production ≥ 2 replicas…).
// Usage: node scripts/validate-deploy.mjs [--root DIR]   (DIR: another checkout, default this one)
// Exits 1 on any problem, listing each one.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, resolve } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';

const require = createRequire(import.meta.url);
const here = new URL('..', import.meta.url).pathname;
const rootArg = process.argv.indexOf('--root');
const root = resolve(rootArg > 0 ? process.argv[rootArg + 1] : here);

/** The services and their ports: the platform's contract (README, docker-compose.yml, k8s/base). */
const SERVICES = {
  gateway: 3000,
  agreements: 3001,
  contracts: 3002,
  consultations: 3003,
  notifications: 3004,
  indicators: 3005,
};
/** Engine URLs and credentials: in Kubernetes they must come from a Secret, never from a literal value. */
const SECRET_VARIABLES = ['DATABASE_URL', 'AMQP_URL', 'REDIS_URL', 'SMTP_USER', 'SMTP_PASSWORD'];
const MAX_GRACE_SECONDS = 30;
const SERVICE_SHUTDOWN_SECONDS = 10;

const problems = [];
const problem = (where, message) => problems.push(`${where}: ${message}`);
const notice = (message) => console.log(`  note  ${message}`);
const ok = (message) => console.log(`  ok    ${message}`);

function run(command, args, options = {}) {
  return spawnSync(command, args, { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...options });
}
const commandExists = (name) => run('sh', ['-c', `command -v ${name}`]).status === 0;

// ---------------------------------------------------------------- docker-compose.yml

function checkCompose() {
  const before = problems.length;
  const file = join(root, 'docker-compose.yml');
  if (!existsSync(file)) return problem('docker-compose.yml', 'missing');

  // The Compose plugin (`docker compose`) when there is one, else the standalone `docker-compose` (Debian's
  // package, which CI installs): both validate the file against the Compose format without an engine.
  const cli =
    commandExists('docker') && run('docker', ['compose', 'version']).status === 0
      ? ['docker', ['compose']]
      : commandExists('docker-compose')
        ? ['docker-compose', []]
        : undefined;
  if (!cli) {
    notice('neither `docker compose` nor `docker-compose` is installed: the Compose validation is skipped');
  } else {
    const [command, prefix] = cli;
    const result = run(command, [...prefix, '-f', file, 'config', '-q']);
    const label = `${[command, ...prefix].join(' ')} config -q`;
    if (result.status !== 0) problem('docker-compose.yml', `${label}: ${result.stderr.trim()}`);
    else ok(label);
  }

  let compose;
  try {
    compose = parse(readFileSync(file, 'utf8'), { merge: true, strict: true, uniqueKeys: true });
  } catch (error) {
    return problem('docker-compose.yml', `not valid YAML: ${error.message}`);
  }
  const services = compose?.services ?? {};
  const where = (name) => `docker-compose.yml services.${name}`;
  for (const engine of ['postgres', 'rabbitmq', 'redis', 'mailpit']) {
    if (!services[engine]) problem('docker-compose.yml', `no ${engine} service`);
  }
  if (services.postgres && !/^postgres:15/.test(services.postgres.image ?? '')) {
    problem(where('postgres'), 'image must be postgres:15');
  }
  const rabbit = /^rabbitmq:(\d+)\.(\d+)/.exec(services.rabbitmq?.image ?? '');
  if (services.rabbitmq && (!rabbit || Number(rabbit[1]) * 100 + Number(rabbit[2]) < 308)) {
    problem(where('rabbitmq'), 'image must be RabbitMQ ≥ 3.8 (quorum queues)');
  }
  const redisCommand = [services.redis?.command ?? []].flat().join(' ');
  if (
    services.redis &&
    !(/--save\s+(''|""|\s|$)/.test(`${redisCommand} `) && /--appendonly no/.test(redisCommand))
  ) {
    problem(
      where('redis'),
      'Redis must keep nothing on disk (--save "" --appendonly no), as on the machines',
    );
  }
  for (const [name, spec] of Object.entries(services)) {
    for (const dependency of Object.keys(normaliseDependsOn(spec.depends_on))) {
      if (!services[dependency]) problem(where(name), `depends_on an unknown service ${dependency}`);
      const condition = normaliseDependsOn(spec.depends_on)[dependency]?.condition;
      if (condition === 'service_healthy' && !services[dependency]?.healthcheck) {
        problem(where(name), `waits for ${dependency} to be healthy, but ${dependency} has no healthcheck`);
      }
    }
  }
  for (const [name, port] of Object.entries(SERVICES)) {
    const spec = services[name];
    if (!spec) {
      problem('docker-compose.yml', `no service ${name}`);
      continue;
    }
    if (spec.build?.dockerfile !== 'deploy/Dockerfile')
      problem(where(name), 'must build from deploy/Dockerfile');
    const env = normaliseEnv(spec.environment);
    const selected = spec.build?.args?.SERVICE ?? env.SERVICE;
    if (selected !== name || (env.SERVICE && env.SERVICE !== name))
      problem(where(name), `must run SERVICE=${name}`);
    if (String(env.HTTP_PORT ?? port) !== String(port)) problem(where(name), `HTTP_PORT must be ${port}`);
    if (env.HTTP_HOST !== '0.0.0.0') problem(where(name), 'HTTP_HOST must be 0.0.0.0 inside a container');
    for (const variable of ['DATABASE_URL', 'AMQP_URL', 'REDIS_URL']) {
      if (!env[variable]) problem(where(name), `${variable} missing`);
    }
    if (!spec.healthcheck) problem(where(name), 'no healthcheck');
    if (name !== 'gateway' && (spec.ports ?? []).length > 0) {
      problem(where(name), 'publishes a port: only the gateway is reachable from outside (ADR 0012)');
    }
    const dependsOn = normaliseDependsOn(spec.depends_on);
    if (name !== 'gateway') {
      for (const engine of ['postgres', 'rabbitmq', 'redis']) {
        if (dependsOn[engine]?.condition !== 'service_healthy') {
          problem(where(name), `must wait for ${engine} to be healthy`);
        }
      }
    } else {
      for (const other of Object.keys(SERVICES).filter((s) => s !== 'gateway')) {
        if (!dependsOn[other]) problem(where(name), `must start after ${other}`);
        const url = env[`${other.toUpperCase()}_URL`];
        if (url !== `http://${other}:${SERVICES[other]}`) {
          problem(where(name), `${other.toUpperCase()}_URL must be http://${other}:${SERVICES[other]}`);
        }
      }
      const published = (spec.ports ?? []).map(String);
      if (!published.some((p) => /(^|:)3000:3000$/.test(p))) problem(where(name), 'must publish port 3000');
    }
  }
  const smtp = normaliseEnv(services.notifications?.environment);
  if (smtp.SMTP_HOST !== 'mailpit' || String(smtp.SMTP_PORT) !== '1025') {
    problem(where('notifications'), 'must send mail to SMTP_HOST=mailpit SMTP_PORT=1025');
  }
  if (problems.length === before)
    ok(`docker-compose.yml structure (${Object.keys(services).length} services)`);
}

function normaliseEnv(environment) {
  if (Array.isArray(environment)) {
    return Object.fromEntries(
      environment.map((entry) => [entry.split('=')[0], entry.split('=').slice(1).join('=')]),
    );
  }
  return environment ?? {};
}

function normaliseDependsOn(dependsOn) {
  if (Array.isArray(dependsOn))
    return Object.fromEntries(dependsOn.map((d) => [d, { condition: 'service_started' }]));
  return dependsOn ?? {};
}

// ---------------------------------------------------------------- deploy/Dockerfile

function checkDockerfile() {
  const before = problems.length;
  const file = join(root, 'deploy/Dockerfile');
  if (!existsSync(file)) return problem('deploy/Dockerfile', 'missing');
  const text = readFileSync(file, 'utf8');
  const rules = [
    [/^FROM\s+(\$\{NODE_IMAGE\}|node:20-bookworm-slim)/m, 'must build FROM node:20-bookworm-slim'],
    [/ARG NODE_IMAGE=node:20-bookworm-slim/, 'the base image must be node:20-bookworm-slim'],
    [/\bnpm ci\b/, 'must install with `npm ci` (the lock file)'],
    [/npm prune --omit=dev/, 'must drop devDependencies (`npm prune --omit=dev`)'],
    [/^ARG SERVICE/m, 'must take ARG SERVICE'],
    [/SERVICE=\$\{SERVICE\}/, 'must keep SERVICE in the environment (ENV SERVICE=$SERVICE)'],
    [/dist\/apps\/\$\{SERVICE\}\/src\/main\.js/, 'must run dist/apps/$SERVICE/src/main.js'],
  ];
  for (const [pattern, message] of rules) if (!pattern.test(text)) problem('deploy/Dockerfile', message);
  const users = [...text.matchAll(/^USER\s+(\S+)/gm)].map((m) => m[1]);
  const lastUser = users.at(-1);
  if (!lastUser || /^(root|0)(:|$)/.test(lastUser))
    problem('deploy/Dockerfile', 'the final stage must run as a non-root USER');
  if (!existsSync(join(root, '.dockerignore'))) problem('.dockerignore', 'missing');
  else if (!/node_modules/.test(readFileSync(join(root, '.dockerignore'), 'utf8'))) {
    problem('.dockerignore', 'must keep node_modules out of the build context');
  }
  if (problems.length === before) ok('deploy/Dockerfile rules');
}

// ---------------------------------------------------------------- Kubernetes

/** The kubernetes-models class of a resource, e.g. apps/v1 Deployment → kubernetes-models/apps/v1/Deployment. */
function modelOf(resource) {
  try {
    return require(`kubernetes-models/${resource.apiVersion}/${resource.kind}`)[resource.kind];
  } catch {
    return undefined;
  }
}

const idOf = (r) => `${r?.kind ?? '?'}/${r?.metadata?.name ?? '?'}`;
const matches = (selector = {}, labels = {}) =>
  Object.keys(selector).length > 0 && Object.entries(selector).every(([k, v]) => labels[k] === v);

function render(overlay) {
  const result = run('kubectl', ['kustomize', overlay]);
  if (result.error || result.status !== 0) {
    problem(
      relative(root, overlay),
      `kubectl kustomize failed: ${(result.stderr || result.error?.message || '').trim()}`,
    );
    return [];
  }
  const resources = [];
  for (const document of parseAllDocuments(result.stdout)) {
    if (document.errors.length > 0) {
      problem(relative(root, overlay), `rendered YAML does not parse: ${document.errors[0].message}`);
      continue;
    }
    const value = document.toJS();
    if (value) resources.push(value);
  }
  return resources;
}

function validateSchemas(where, resources) {
  let valid = 0;
  for (const resource of resources) {
    const Model = modelOf(resource);
    if (!Model) {
      problem(where, `${idOf(resource)}: no Kubernetes schema for ${resource.apiVersion} ${resource.kind}`);
      continue;
    }
    try {
      new Model(resource).validate();
      valid += 1;
    } catch (error) {
      problem(where, `${idOf(resource)} does not match its schema: ${error.message}`);
    }
  }
  return valid;
}

function checkContainer(where, deployment, container) {
  const at = `${idOf(deployment)} container ${container.name}`;
  const ports = new Set((container.ports ?? []).flatMap((p) => [p.name, p.containerPort]));
  for (const [probe, path] of [
    ['readinessProbe', '/health/ready'],
    ['livenessProbe', '/health/live'],
  ]) {
    const spec = container[probe];
    if (!spec) {
      problem(where, `${at}: no ${probe}`);
      continue;
    }
    if (spec.httpGet?.path !== path) problem(where, `${at}: ${probe} must GET ${path}`);
    if (spec.httpGet && !ports.has(spec.httpGet.port)) {
      problem(where, `${at}: ${probe} port ${spec.httpGet.port} is not a port of the container`);
    }
  }
  for (const kind of ['requests', 'limits']) {
    for (const resource of ['cpu', 'memory']) {
      if (!container.resources?.[kind]?.[resource]) problem(where, `${at}: no resources.${kind}.${resource}`);
    }
  }
  const podSecurity = deployment.spec.template.spec.securityContext ?? {};
  const security = container.securityContext ?? {};
  if ((security.runAsNonRoot ?? podSecurity.runAsNonRoot) !== true)
    problem(where, `${at}: runAsNonRoot is not true`);
  if ((security.runAsUser ?? podSecurity.runAsUser) === 0) problem(where, `${at}: runs as user 0`);
  if (security.readOnlyRootFilesystem !== true) problem(where, `${at}: readOnlyRootFilesystem is not true`);
  if (security.allowPrivilegeEscalation !== false)
    problem(where, `${at}: allowPrivilegeEscalation is not false`);
  for (const variable of container.env ?? []) {
    if (SECRET_VARIABLES.includes(variable.name) && !variable.valueFrom?.secretKeyRef) {
      problem(where, `${at}: ${variable.name} must come from a Secret (secretKeyRef), not a literal`);
    }
  }
  if (/:latest$/.test(container.image ?? '') || !/:[^/]+$/.test(container.image ?? '')) {
    problem(where, `${at}: image ${container.image} must have a fixed tag`);
  }
}

function checkInvariants(where, resources, { production }) {
  const of = (kind) => resources.filter((r) => r.kind === kind);
  const deployments = of('Deployment');
  const configMaps = new Map(of('ConfigMap').map((c) => [c.metadata.name, c.data ?? {}]));

  for (const name of Object.keys(SERVICES)) {
    if (!deployments.some((d) => d.metadata.name === name)) problem(where, `no Deployment for ${name}`);
  }
  for (const deployment of deployments) {
    const id = idOf(deployment);
    const pod = deployment.spec?.template?.spec ?? {};
    const labels = deployment.spec?.template?.metadata?.labels ?? {};
    const grace = pod.terminationGracePeriodSeconds;
    if (grace === undefined)
      problem(where, `${id}: terminationGracePeriodSeconds not set (default 30 s hides the budget)`);
    else if (grace > MAX_GRACE_SECONDS)
      problem(where, `${id}: terminationGracePeriodSeconds ${grace} > ${MAX_GRACE_SECONDS}`);
    else if (grace <= SERVICE_SHUTDOWN_SECONDS) {
      problem(
        where,
        `${id}: terminationGracePeriodSeconds ${grace} leaves no margin over the ${SERVICE_SHUTDOWN_SECONDS} s shutdown`,
      );
    }
    for (const container of pod.containers ?? []) checkContainer(where, deployment, container);
    for (const source of (pod.containers ?? []).flatMap((c) => c.envFrom ?? [])) {
      if (source.configMapRef && !configMaps.has(source.configMapRef.name)) {
        problem(where, `${id}: envFrom ConfigMap ${source.configMapRef.name} is not part of the render`);
      }
    }

    const hpa = of('HorizontalPodAutoscaler').find(
      (h) =>
        h.spec?.scaleTargetRef?.kind === 'Deployment' &&
        h.spec.scaleTargetRef.name === deployment.metadata.name,
    );
    if (!hpa) problem(where, `${id}: no HorizontalPodAutoscaler targets it`);
    else if (hpa.apiVersion !== 'autoscaling/v2') problem(where, `${idOf(hpa)}: must be autoscaling/v2`);
    if (!of('PodDisruptionBudget').some((p) => matches(p.spec?.selector?.matchLabels, labels))) {
      problem(where, `${id}: no PodDisruptionBudget selects its pods`);
    }
    if (!of('Service').some((s) => matches(s.spec?.selector, labels)))
      problem(where, `${id}: no Service selects its pods`);
    if (!matches(deployment.spec?.selector?.matchLabels, labels))
      problem(where, `${id}: selector does not match its pods`);

    if (production) {
      if ((deployment.spec?.replicas ?? 1) < 2) problem(where, `${id}: production needs replicas ≥ 2`);
      if (hpa && (hpa.spec?.minReplicas ?? 1) < 2)
        problem(where, `${idOf(hpa)}: production needs minReplicas ≥ 2`);
    }
  }

  for (const secret of of('Secret')) {
    if (secret.data || secret.stringData)
      problem(where, `${idOf(secret)}: secret values are in the repository`);
  }
  const policies = of('NetworkPolicy');
  if (!policies.some((p) => Object.keys(p.spec?.podSelector ?? {}).length === 0 && !p.spec?.ingress)) {
    problem(where, 'no default-deny ingress NetworkPolicy');
  }
  const ingresses = of('Ingress');
  if (ingresses.length === 0) problem(where, 'no Ingress for the gateway');
  for (const ingress of ingresses) {
    for (const path of (ingress.spec?.rules ?? []).flatMap((r) => r.http?.paths ?? [])) {
      const target = path.backend?.service?.name;
      if (target !== 'gateway')
        problem(where, `${idOf(ingress)}: routes to ${target}; only the gateway is exposed`);
      if (!/^\/api(\/|$)/.test(path.path ?? '')) {
        problem(
          where,
          `${idOf(ingress)}: routes ${path.path ?? '(no path)'}; only /api is public (the gateway's /metrics and /health stay inside, ADR 0012)`,
        );
      }
    }
  }
  for (const service of of('Service')) {
    if ((service.spec?.type ?? 'ClusterIP') !== 'ClusterIP') {
      problem(
        where,
        `${idOf(service)}: type ${service.spec.type}; only the Ingress is reachable from outside`,
      );
    }
  }
  checkNetworkExposure(where, deployments, policies);
  for (const [name, data] of configMaps) {
    // Variables the services refuse to boot without in production.
    for (const variable of ['AUTH_JWKS_URL', 'PUBLIC_BASE_URL']) {
      if (data.NODE_ENV === 'production' && !data[variable]) {
        problem(
          where,
          `ConfigMap/${name}: NODE_ENV=production needs ${variable} (services refuse to boot without it)`,
        );
      }
    }
  }
  if (production && ![...configMaps.values()].some((d) => d.NODE_ENV === 'production')) {
    problem(where, 'the production overlay must set NODE_ENV=production');
  }
}

/**
 * Who may open a connection to each pod (ADR 0012): the gateway's pods from the ingress controller and
 * Prometheus; the services' pods from the gateway and Prometheus. NetworkPolicies are additive, so every
 * rule of every policy selecting a pod is checked: an empty `from`, a whole namespace, or any other peer
 * would open a service's port (its API, /metrics and /openapi.json) to more than these.
 */
function checkNetworkExposure(where, deployments, policies) {
  const allowed = { gateway: ['ingress-controller', 'prometheus'], service: ['gateway', 'prometheus'] };
  const peerKind = (peer) => {
    const namespace = peer.namespaceSelector?.matchLabels?.['kubernetes.io/metadata.name'];
    const pods = peer.podSelector?.matchLabels ?? {};
    if (peer.ipBlock) return 'an ipBlock';
    if (!peer.namespaceSelector && pods['app.kubernetes.io/component'] === 'gateway') return 'gateway';
    if (namespace === 'monitoring' && pods['app.kubernetes.io/name'] === 'prometheus') return 'prometheus';
    if (namespace === 'ingress-nginx' && !peer.podSelector) return 'ingress-controller';
    return `a peer ${JSON.stringify(peer)}`;
  };
  for (const deployment of deployments) {
    const labels = deployment.spec?.template?.metadata?.labels ?? {};
    const component = labels['app.kubernetes.io/component'];
    const kinds = allowed[component];
    if (!kinds) {
      problem(where, `${idOf(deployment)}: component ${component} is neither gateway nor service`);
      continue;
    }
    const selecting = policies.filter((p) => {
      const selector = p.spec?.podSelector?.matchLabels ?? {};
      return Object.entries(selector).every(([k, v]) => labels[k] === v);
    });
    for (const policy of selecting) {
      for (const rule of policy.spec?.ingress ?? []) {
        if (!rule.from || rule.from.length === 0) {
          problem(
            where,
            `${idOf(policy)}: an ingress rule without \`from\` admits everyone to ${idOf(deployment)}`,
          );
          continue;
        }
        for (const peer of rule.from) {
          const kind = peerKind(peer);
          if (!kinds.includes(kind)) {
            problem(
              where,
              `${idOf(policy)}: admits ${kind} to ${idOf(deployment)} (allowed: ${kinds.join(', ')})`,
            );
          }
        }
      }
    }
  }
}

function checkKubernetes() {
  if (!commandExists('kubectl')) {
    problem('k8s', 'kubectl is not installed: it is needed to render the overlays (`kubectl kustomize`)');
    return;
  }
  const overlaysDir = join(root, 'k8s/overlays');
  const overlays = existsSync(overlaysDir)
    ? readdirSync(overlaysDir, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
    : [];
  for (const required of ['production', 'staging']) {
    if (!overlays.includes(required)) problem('k8s/overlays', `no ${required} overlay`);
  }
  for (const overlay of overlays.sort()) {
    const where = `k8s/overlays/${overlay}`;
    const before = problems.length;
    const resources = render(join(overlaysDir, overlay));
    if (resources.length === 0) continue;
    const valid = validateSchemas(where, resources);
    checkInvariants(where, resources, { production: overlay === 'production' });
    if (problems.length === before)
      ok(`${where}: ${resources.length} resources, ${valid} valid against their schema, invariants hold`);
  }
}

console.log(`Validating the deployment files in ${root}`);
checkCompose();
checkDockerfile();
checkKubernetes();
if (problems.length > 0) {
  console.error(`\n${problems.length} problem${problems.length > 1 ? 's' : ''} in the deployment files:`);
  for (const p of problems) console.error(`  - ${p}`);
  process.exit(1);
}
console.log('\nDeployment files valid.');

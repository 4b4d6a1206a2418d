// TypeScript types for every operation, generated from the server's own
// schema files: each .graphql file beside a component gets a .generated.ts
// beside it, and the schema's types land in src/api/schema.ts.
// `npm run codegen:check` fails when any generated file is stale.
import type { CodegenConfig } from '@graphql-codegen/cli';

const scalars = {
  ID: 'string',
  Date: 'string',
  DateTime: 'string',
};

const config: CodegenConfig = {
  schema: '../graph/gql/schema/*.graphqls',
  documents: 'src/**/*.graphql',
  hooks: { afterAllFileWrite: [] },
  generates: {
    'src/api/schema.ts': {
      plugins: ['typescript'],
      config: { scalars, enumsAsTypes: true, onlyOperationTypes: true },
    },
    'src/': {
      preset: 'near-operation-file',
      presetConfig: { extension: '.generated.ts', baseTypesPath: 'api/schema.ts' },
      plugins: ['typescript-operations', 'typed-document-node'],
      config: { scalars, enumsAsTypes: true, useTypeImports: true },
    },
  },
};

export default config;

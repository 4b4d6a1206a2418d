// Copies the playground's files into dist/, which the Go server embeds.
//
// GraphiQL 3 ships a browser build that expects React and ReactDOM as
// globals, so no bundler is needed: the build is a copy of four files from
// node_modules plus our page, with each file's source-map comment removed
// (the maps are not shipped, and a browser would ask for them).
import { copyFile, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const dist = join(here, 'dist');

// [source relative to this folder, name in dist]. index.html comes last:
// the server takes its presence to mean the whole build is there.
const files = [
  ['node_modules/react/umd/react.production.min.js', 'react.production.min.js'],
  ['node_modules/react-dom/umd/react-dom.production.min.js', 'react-dom.production.min.js'],
  ['node_modules/graphiql/graphiql.min.js', 'graphiql.min.js'],
  ['node_modules/graphiql/graphiql.min.css', 'graphiql.min.css'],
  ['playground.css', 'playground.css'],
  ['examples.json', 'examples.json'],
  ['init.js', 'init.js'],
  ['index.html', 'index.html'],
];

// The licences of what we ship, served beside it.
const licences = [
  ['node_modules/graphiql/LICENSE', 'licenses/graphiql.txt'],
  ['node_modules/react/LICENSE', 'licenses/react.txt'],
  ['node_modules/react-dom/LICENSE', 'licenses/react-dom.txt'],
];

const sourceMapComment = /\n?\/[/*][#@] sourceMappingURL=\S+(\s*\*\/)?\s*$/;

async function clean() {
  await mkdir(dist, { recursive: true });
  for (const name of await readdir(dist)) {
    if (name !== '.keep') {
      await rm(join(dist, name), { recursive: true, force: true });
    }
  }
}

async function copy([from, to]) {
  const src = join(here, from);
  const dst = join(dist, to);
  await mkdir(dirname(dst), { recursive: true });
  if (!/\.(js|css)$/.test(to)) {
    await copyFile(src, dst);
    return;
  }
  const text = await readFile(src, 'utf8');
  await writeFile(dst, text.replace(sourceMapComment, '\n'));
}

await clean();
for (const entry of [...licences, ...files]) {
  await copy(entry);
}
console.log(`playground: ${files.length} files in ${dist}`);

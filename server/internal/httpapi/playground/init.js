// Starts GraphiQL on the page's #graphiql element. It lives in its own file,
// not inline in index.html, so the page's Content-Security-Policy can forbid
// inline scripts.
(function () {
  'use strict';

  var root = document.getElementById('graphiql');
  var endpoint = root.getAttribute('data-endpoint');

  // Headers are not kept between visits: they will carry access tokens.
  var props = {
    fetcher: GraphiQL.createFetcher({ url: endpoint }),
    isHeadersEditorEnabled: true,
    shouldPersistHeaders: false,
    defaultQuery: [
      '# Throughline\'s graph. Ctrl-Enter runs the query;',
      '# the book icon opens the docs of every type.',
      '',
      '{',
      '  cycles(first: 5) {',
      '    edges { node { id name startsOn endsOn } }',
      '  }',
      '}',
      '',
    ].join('\n'),
  };
  // Our own logo text replaces GraphiQL's, which links to its project site.
  var logo = React.createElement(GraphiQL.Logo, null, 'Throughline');
  ReactDOM.createRoot(root).render(React.createElement(GraphiQL, props, logo));
})();

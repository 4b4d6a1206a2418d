// Starts GraphiQL on the page's #graphiql element, with a token bar above
// it. It lives in its own file, not inline in index.html, so the page's
// Content-Security-Policy can forbid inline scripts.
(function () {
  'use strict';

  var root = document.getElementById('graphiql');
  var endpoint = root.getAttribute('data-endpoint');
  var form = document.getElementById('token-form');
  var input = document.getElementById('token');
  var state = document.getElementById('token-state');

  // The token lives in this tab's session only: it is a credential, and
  // closing the tab should forget it.
  var tokenKey = 'throughline-token';
  var base = GraphiQL.createFetcher({ url: endpoint });

  function token() {
    return sessionStorage.getItem(tokenKey) || '';
  }

  function showState(text, refused) {
    state.textContent = text;
    state.className = refused ? 'refused' : '';
  }

  // Every request carries the token, unless the Headers tab sets its own
  // Authorization header. Without a token nothing is sent: the server
  // would only answer 401.
  function fetcher(params, opts) {
    var headers = Object.assign({}, opts && opts.headers);
    if (!headers.Authorization && token()) {
      headers.Authorization = 'Bearer ' + token();
    }
    if (!headers.Authorization) {
      showState('Paste a token to explore the graph.', true);
      return Promise.resolve({ errors: [{ message: 'Paste an access token above first.' }] });
    }
    return Promise.resolve(base(params, Object.assign({}, opts, { headers: headers })))
      .then(function (result) {
        var refused = result && result.errors && result.errors.some(function (e) {
          return e.extensions && e.extensions.code === 'UNAUTHENTICATED';
        });
        showState(refused ? 'The server refused this token.' : 'Signed in.', refused);
        return result;
      });
  }

  var props = {
    fetcher: fetcher,
    isHeadersEditorEnabled: true,
    shouldPersistHeaders: false,
    defaultQuery: [
      '# Throughline\'s graph. Ctrl-Enter runs the query;',
      '# the book icon opens the docs of every type.',
      '',
      '{',
      '  viewer { roles person { name title } }',
      '  cycles(first: 5) {',
      '    nodes { id name startsOn endsOn }',
      '  }',
      '}',
      '',
    ].join('\n'),
  };

  // Our own logo text replaces GraphiQL's, which links to its project site.
  var logo = React.createElement(GraphiQL.Logo, null, 'Throughline');
  var reactRoot = ReactDOM.createRoot(root);
  var generation = 0;

  // Rendering with a new key remounts GraphiQL, so it fetches the schema
  // again with the new token.
  function render() {
    generation += 1;
    reactRoot.render(React.createElement(GraphiQL,
      Object.assign({ key: generation }, props), logo));
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    sessionStorage.setItem(tokenKey, input.value.trim());
    input.value = '';
    render();
  });
  document.getElementById('token-clear').addEventListener('click', function () {
    sessionStorage.removeItem(tokenKey);
    showState('Token forgotten.', false);
    render();
  });

  // The saved examples open as tabs; without them the page still works.
  fetch('/playground/examples.json')
    .then(function (res) { return res.ok ? res.json() : []; })
    .catch(function () { return []; })
    .then(function (examples) {
      props.defaultTabs = examples.map(function (e) {
        return {
          query: e.query.join('\n'),
          variables: e.variables ? JSON.stringify(e.variables, null, 2) : undefined,
        };
      });
      render();
    });
})();

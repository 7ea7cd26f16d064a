/**
 * A self-contained GraphiQL page (no CDN), with subscriptions over graphql-ws on /graphql. Rendered on the first
 * request, not at start: the renderer carries GraphiQL's 10 MB bundle as a string (30 MB of heap with its module
 * source), which a process that never shows the page should not hold. The page is kept as a Buffer, off the heap.
 */
let page: Promise<Buffer> | null = null;

export function graphiqlPage(): Promise<Buffer> {
  page ??= import('@graphql-yoga/render-graphiql').then(({ renderGraphiQL }) =>
    Buffer.from(
      renderGraphiQL({
        endpoint: '/graphql',
        subscriptionsProtocol: 'WS',
        title: 'Customer-service platform · GraphiQL',
        defaultQuery: '# Log in with the login mutation, then set the Authorization header:\n# { "Authorization": "Bearer <token>" }\nquery {\n  me {\n    role\n  }\n}\n',
      }),
    ),
  );
  // A failed render (an import error) is tried again on the next request, not kept.
  page.catch(() => {
    page = null;
  });
  return page;
}

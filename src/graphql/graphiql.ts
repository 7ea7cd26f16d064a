import { renderGraphiQL } from '@graphql-yoga/render-graphiql';

/** A self-contained GraphiQL page (no CDN), with subscriptions over graphql-ws on /graphql. */
export function graphiqlPage(): string {
  return renderGraphiQL({
    endpoint: '/graphql',
    subscriptionsProtocol: 'WS',
    title: 'Customer-service platform · GraphiQL',
    defaultQuery: '# Log in with the login mutation, then set the Authorization header:\n# { "Authorization": "Bearer <token>" }\nquery {\n  me {\n    role\n  }\n}\n',
  });
}

import { useEffect, useState } from 'react';

/** Hash routes (`#/instances/123`): the service only has to serve index.html at `/`. */
export type Route =
  | { readonly page: 'processes'; readonly definitionKey?: string }
  | { readonly page: 'instances'; readonly instanceKey?: string }
  | { readonly page: 'tasks'; readonly taskKey?: string }
  | { readonly page: 'modeler' }
  | { readonly page: 'admin' };

export function parseRoute(hash: string): Route {
  const [page, id] = hash
    .replace(/^#\/?/, '')
    .split('/')
    .map((part) => decodeURIComponent(part));
  const key = id === undefined || id === '' ? {} : undefined;
  switch (page) {
    case 'processes':
      return { page, ...(key ?? { definitionKey: id }) };
    case 'instances':
      return { page, ...(key ?? { instanceKey: id }) };
    case 'modeler':
    case 'admin':
      return { page };
    case 'tasks':
    default:
      return { page: 'tasks', ...(key ?? { taskKey: id }) };
  }
}

export function href(page: Route['page'], id?: string): string {
  return id === undefined ? `#/${page}` : `#/${page}/${encodeURIComponent(id)}`;
}

export function navigate(page: Route['page'], id?: string): void {
  window.location.hash = href(page, id);
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const changed = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', changed);
    return () => window.removeEventListener('hashchange', changed);
  }, []);
  return route;
}

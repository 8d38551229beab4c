import { refreshSession } from './refresh';
import { createApi, rejectErrors, send } from './transport';
import { endSession, getAccessToken } from './session';

export { data, publicApi } from './transport';

/**
 * The API as the signed-in user: calls resolve with `{data}` and reject with `ApiRequestError` for an
 * error response and `NetworkError` when there was no response. A 401 triggers one refresh and one
 * retry; if that fails too the session ends, which sends the user to the login page.
 */
export const api = createApi(async (request) => {
  const token = getAccessToken();
  // A body can be read once: keep a copy for the retry after a refresh.
  const retry = request.clone();
  let response = await send(request, token);
  if (response.status === 401) {
    const current = getAccessToken();
    // Another call may already have refreshed while this one was in flight.
    const fresh = current && current !== token ? current : (await refreshSession())?.accessToken;
    if (fresh) response = await send(retry, fresh);
    if (response.status === 401) endSession({ expired: true });
  }
  return rejectErrors(response);
});

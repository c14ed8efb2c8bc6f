// Authentication calls: log in, log out, who am I.
import { api, setCsrfToken, type Schemas } from '../../lib/api';

export type Me = Schemas['Me'];
export type Membership = Schemas['Membership'];

export async function login(email: string, password: string): Promise<Me> {
  const { data } = await api('post', '/api/v1/auth/login', { body: { email, password }, noAuthRedirect: true });
  setCsrfToken(data.csrf_token);
  return data;
}

export async function getMe(signal?: AbortSignal): Promise<Me> {
  const { data } = await api('get', '/api/v1/me', { signal, noAuthRedirect: true });
  setCsrfToken(data.csrf_token);
  return data;
}

export async function logout(): Promise<void> {
  try {
    await api('post', '/api/v1/auth/logout', { noAuthRedirect: true });
  } finally {
    setCsrfToken(null);
  }
}

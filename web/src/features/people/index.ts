// The people feature's public face for the app: the public pages of one-time links, shown outside
// the logged-in shell. Other features import only from here, never from this folder's files.
export { InvitePage, PasswordResetPage } from './components/LinkPages';

// The auth feature's public face for other features: the session of the person logged in. Other features
// import only from here, never from this folder's files.
export { useSession } from './components/SessionProvider';

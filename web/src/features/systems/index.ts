// The systems feature's public face for other features: the AI system list and the line-list form helpers.
// Other features import only from here, never from this folder's files.
export { listSystems } from './api';
export { joinLines, parseLines } from './form';

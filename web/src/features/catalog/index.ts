// The catalog feature's public face for other features: the catalog items and the document badge. Other
// features import only from here, never from this folder's files.
export { type CatalogItem, getItem, listAllItems } from './api';
export { DocBadge } from './components/CatalogDetail';

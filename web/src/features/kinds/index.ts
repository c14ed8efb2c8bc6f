// The pages of the record kinds the server serves from their fields (see recordFeature in
// src/registry.tsx): list, new, detail and edit, each told the kind's URL segment.
export { KindListPage } from './components/KindListPage';
export { KindCreatePage, KindEditPage } from './components/KindFormPages';
export { KindDetailPage } from './components/KindDetailPage';

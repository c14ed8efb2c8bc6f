// The pages of the record kinds the server serves from their fields (see recordFeature in
// src/registry.tsx): list, new, detail and edit, each told the kind's URL segment.
export { KindListPage } from './components/KindListPage';
export { KindCreatePage, KindEditPage } from './components/KindFormPages';
export { KindDetailPage } from './components/KindDetailPage';
// What a feature that extends a kind's pages builds its own form with (the nonconformity's pre-filled create page).
export { KindForm } from './components/KindForm';
export { useRefNames, loadMembers } from './components/refNames';

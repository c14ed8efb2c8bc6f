// The controlled documents feature: a document's page (fields, versions, approval, diff, review,
// acknowledgements) and the caller's acknowledgements. Other features import only from here.
export { DocumentPage } from './components/DocumentPage';
export { MyAcknowledgementsPage } from './components/MyAcknowledgementsPage';

// The evidence feature's public face for other features: the evidence panel of a record. Other features
// import only from here, never from this folder's files.
export { EvidencePanel } from './components/EvidencePanel';

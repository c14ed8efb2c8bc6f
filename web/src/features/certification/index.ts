// The certification cycle feature: the cycle page (certificate, timeline, the body's audits and
// their findings), the stage 1 readiness checklist and the stage 2 evidence index. Other features
// import only from here.
export { CertificationPage } from './components/CertificationPage';
export { ReadinessPage } from './components/ReadinessPage';
export { EvidenceIndexPage } from './components/EvidenceIndexPage';

// The management review feature: a review's page (fields, attendance, the frozen input pack with
// its links, decisions, conclusion and sign-off, the PDF minutes). Other features import only from here.
export { ReviewPage } from './components/ReviewPage';

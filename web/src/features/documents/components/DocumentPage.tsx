// A document's page: the record's fields, history and evidence (the kinds' detail page) followed
// by its versions, approval, diff, review and acknowledgements.
import { useParams } from 'react-router-dom';
import { KindDetailPage } from '../../kinds';
import { DocumentWorkflow } from './DocumentWorkflow';

export function DocumentPage() {
  const { id = '' } = useParams();
  return (
    <>
      <KindDetailPage path="documents" />
      <div className="page">
        <DocumentWorkflow id={id} />
      </div>
    </>
  );
}

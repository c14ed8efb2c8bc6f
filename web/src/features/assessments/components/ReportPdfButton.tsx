// The "PDF" button of the gap-assessment report, on the results page and the printable page:
// downloads the report's PDF and hands a failure's message to the page (null when trying again).
import { errorMessage } from '../../../lib/api';
import { downloadReport } from '../api';

export function ReportPdfButton({ id, onError }: { id: string; onError: (message: string | null) => void }) {
  return (
    <button
      type="button"
      className="btn btn-sm"
      onClick={() => {
        onError(null);
        downloadReport(id).catch((e: unknown) => onError(errorMessage(e)));
      }}
      data-testid="report-pdf"
    >
      PDF
    </button>
  );
}

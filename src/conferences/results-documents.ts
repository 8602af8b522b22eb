// The results of a dialogue conference as a document (the published report, the signed minutes): attached
// by the unit's officers and leaders, who record the conference; read by whoever may read the conference.
import { recordDocumentUseCases } from '../org/record-documents';

const results = recordDocumentUseCases({
  type: 'conferenceResults',
  missingName: 'conference',
  readName: 'conference',
  attaching: "attaching a conference's results",
  baseUrl: (id) => `/api/v1/conferences/${encodeURIComponent(id)}/results/documents`,
  unitOf: async (prisma, id) =>
    (await prisma.conference.findUnique({ where: { id }, select: { unitId: true } }))?.unitId ?? null,
});

export const attachResultsDocument = results.attach;
export const listResultsDocuments = results.list;
export const openResultsDocument = results.open;

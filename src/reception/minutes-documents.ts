// The minutes of a reception session as a document (the signed biên bản): attached by the unit's officers
// and leaders, who close the session with minutes; read by whoever may read the session.
import { recordDocumentUseCases } from '../org/record-documents';

const minutes = recordDocumentUseCases({
  type: 'receptionMinutes',
  missingName: 'reception session',
  readName: 'session',
  attaching: "attaching a session's minutes",
  baseUrl: (id) => `/api/v1/reception/sessions/${encodeURIComponent(id)}/minutes/documents`,
  unitOf: async (prisma, id) =>
    (await prisma.receptionSession.findUnique({ where: { id }, select: { unitId: true } }))?.unitId ?? null,
});

export const attachMinutesDocument = minutes.attach;
export const listMinutesDocuments = minutes.list;
export const openMinutesDocument = minutes.open;

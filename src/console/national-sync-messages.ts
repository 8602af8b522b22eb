// The words of the national sync report screens (same rules as the other dictionaries: `vi` first, `en`
// has every key).
import { translator, type Translate } from '../web/i18n';
import type { PageContext } from './page-context';

export const vi = {
  syncTitle: 'Đồng bộ CSDL quốc gia về khiếu nại, tố cáo',
  syncIntro:
    'Các lần gửi hồ sơ vụ việc lên cơ sở dữ liệu quốc gia (Nghị định 55/2022/NĐ-CP): bản ghi đã gửi, bị bên nhận từ chối, và không hợp lệ nên không gửi. Người tố cáo không có trong bản ghi nào.',
  syncRunsCaption: 'Các lần đồng bộ, mới nhất trước',
  syncNoRuns: 'Chưa có lần đồng bộ nào.',
  syncColRun: 'Lần đồng bộ',
  syncColUnit: 'Tỉnh',
  syncColStarted: 'Bắt đầu',
  syncColFinished: 'Kết thúc',
  syncColFound: 'Bản ghi mới',
  syncColAccepted: 'Đã gửi',
  syncColRejected: 'Bị từ chối',
  syncColInvalid: 'Không hợp lệ',
  syncColRetried: 'Phải gửi lại',
  syncRunning: 'đang chạy',
  syncRunTitle: 'Lần đồng bộ {run}',
  syncDeliveriesCaption: 'Bản ghi của lần đồng bộ này',
  syncRunCaption: 'Lần đồng bộ này: tỉnh, thời gian và số bản ghi',
  syncNoDeliveries: 'Lần đồng bộ này chưa gửi bản ghi nào.',
  syncColCase: 'Hồ sơ',
  syncColVersion: 'Phiên bản',
  syncColOutcome: 'Kết quả',
  syncColHttp: 'Mã HTTP',
  syncColAttempts: 'Số lần thử',
  syncColError: 'Lỗi',
  syncColAt: 'Thời điểm',
  syncOutcomeAccepted: 'đã nhận',
  syncOutcomeRejected: 'bị từ chối',
  syncOutcomeInvalid: 'không hợp lệ, không gửi',
  syncBack: 'Quay lại các lần đồng bộ',
  syncForbidden: 'Báo cáo đồng bộ dành cho quản trị và thanh tra.',
} as const;

export type NationalSyncKey = keyof typeof vi;

export const en: Record<NationalSyncKey, string> = {
  syncTitle: 'Sync to the national complaints database',
  syncIntro:
    'Each push of case files to the national database (Decree 55/2022/ND-CP): records sent, refused by the receiver, and invalid and therefore not sent. No record names a denouncer.',
  syncRunsCaption: 'Sync runs, newest first',
  syncNoRuns: 'No sync run yet.',
  syncColRun: 'Run',
  syncColUnit: 'Province',
  syncColStarted: 'Started',
  syncColFinished: 'Finished',
  syncColFound: 'New records',
  syncColAccepted: 'Sent',
  syncColRejected: 'Refused',
  syncColInvalid: 'Invalid',
  syncColRetried: 'Retried',
  syncRunning: 'running',
  syncRunTitle: 'Sync run {run}',
  syncDeliveriesCaption: 'Records of this run',
  syncRunCaption: 'This run: province, times and record counts',
  syncNoDeliveries: 'This run has sent no record yet.',
  syncColCase: 'Case',
  syncColVersion: 'Version',
  syncColOutcome: 'Outcome',
  syncColHttp: 'HTTP status',
  syncColAttempts: 'Attempts',
  syncColError: 'Error',
  syncColAt: 'At',
  syncOutcomeAccepted: 'received',
  syncOutcomeRejected: 'refused',
  syncOutcomeInvalid: 'invalid, not sent',
  syncBack: 'Back to the sync runs',
  syncForbidden: 'The sync report is for admins and supervisors.',
};

export const NATIONAL_SYNC_WORDS = { vi, en };

export function nationalSyncWords(ctx: PageContext): Translate<NationalSyncKey> {
  return translator(NATIONAL_SYNC_WORDS, ctx.lang);
}

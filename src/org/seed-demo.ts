// The demo organisation seeded on a fresh embedded database: a province with communes and an
// inspectorate, leaders responsible for each locality, officers, a supervisor and an admin.
// Idempotent (upserts on fixed demo ids), so every start may run it.
import type { PrismaClient } from '../platform/db/prisma';
import type { Role } from '../domain/petition/petition-stages';
import { hashPassword } from './auth';
import { formatDay, localDayOf } from '../domain/calendar/day';

export const DEMO_PASSWORD = 'danvan-demo';

interface DemoPerson {
  id: string;
  fullName: string;
  unitId: string;
  roles: Role[];
  title: string;
}

const UNITS = [
  {
    id: 'tinh-bac-ninh',
    name: 'UBND tỉnh Bắc Ninh',
    nameEn: 'Bac Ninh Provincial People’s Committee',
    level: 'province' as const,
    parentId: null,
  },
  {
    id: 'thanh-tra-tinh',
    name: 'Thanh tra tỉnh Bắc Ninh',
    nameEn: 'Bac Ninh Provincial Inspectorate',
    level: 'agency' as const,
    parentId: 'tinh-bac-ninh',
  },
  {
    id: 'phuong-kinh-bac',
    name: 'UBND phường Kinh Bắc',
    nameEn: 'Kinh Bac Ward People’s Committee',
    level: 'commune' as const,
    parentId: 'tinh-bac-ninh',
  },
  {
    id: 'xa-tien-du',
    name: 'UBND xã Tiên Du',
    nameEn: 'Tien Du Commune People’s Committee',
    level: 'commune' as const,
    parentId: 'tinh-bac-ninh',
  },
  {
    id: 'xa-yen-phong',
    name: 'UBND xã Yên Phong',
    nameEn: 'Yen Phong Commune People’s Committee',
    level: 'commune' as const,
    parentId: 'tinh-bac-ninh',
  },
];

export const DEMO_PEOPLE: DemoPerson[] = [
  {
    id: 'chu-tich-tinh',
    fullName: 'Nguyễn Văn Hùng',
    unitId: 'tinh-bac-ninh',
    roles: ['leader'],
    title: 'Chủ tịch UBND tỉnh (leader)',
  },
  {
    id: 'chu-tich-kinh-bac',
    fullName: 'Trần Thị Mai',
    unitId: 'phuong-kinh-bac',
    roles: ['leader'],
    title: 'Chủ tịch UBND phường Kinh Bắc (leader)',
  },
  {
    id: 'chu-tich-tien-du',
    fullName: 'Lê Quang Minh',
    unitId: 'xa-tien-du',
    roles: ['leader'],
    title: 'Chủ tịch UBND xã Tiên Du (leader)',
  },
  {
    id: 'chu-tich-yen-phong',
    fullName: 'Phạm Thu Hà',
    unitId: 'xa-yen-phong',
    roles: ['leader'],
    title: 'Chủ tịch UBND xã Yên Phong (leader)',
  },
  {
    id: 'can-bo-kinh-bac',
    fullName: 'Đỗ Văn Nam',
    unitId: 'phuong-kinh-bac',
    roles: ['officer'],
    title: 'Cán bộ tiếp dân phường Kinh Bắc (officer)',
  },
  {
    id: 'can-bo-tien-du',
    fullName: 'Vũ Thị Lan',
    unitId: 'xa-tien-du',
    roles: ['officer'],
    title: 'Cán bộ tiếp dân xã Tiên Du (officer)',
  },
  {
    id: 'can-bo-yen-phong',
    fullName: 'Hoàng Minh Tuấn',
    unitId: 'xa-yen-phong',
    roles: ['officer'],
    title: 'Cán bộ tiếp dân xã Yên Phong (officer)',
  },
  {
    id: 'can-bo-tinh',
    fullName: 'Bùi Thị Hương',
    unitId: 'tinh-bac-ninh',
    roles: ['officer'],
    title: 'Chuyên viên Ban Tiếp công dân tỉnh (officer)',
  },
  {
    id: 'thanh-tra-vien',
    fullName: 'Ngô Đức Thắng',
    unitId: 'thanh-tra-tinh',
    roles: ['supervisor'],
    title: 'Thanh tra viên (supervisor, whole province)',
  },
  {
    id: 'quan-tri',
    fullName: 'Đặng Văn Quản',
    unitId: 'tinh-bac-ninh',
    roles: ['admin'],
    title: 'Quản trị hệ thống (admin)',
  },
];

const RESPONSIBLE: Record<string, string> = {
  'tinh-bac-ninh': 'chu-tich-tinh',
  'thanh-tra-tinh': 'chu-tich-tinh',
  'phuong-kinh-bac': 'chu-tich-kinh-bac',
  'xa-tien-du': 'chu-tich-tien-du',
  'xa-yen-phong': 'chu-tich-yen-phong',
};

const DEMO_SCHEDULES = [
  {
    id: 'rs-demo-tinh',
    unitId: 'tinh-bac-ninh',
    leaderId: 'chu-tich-tinh',
    rule: { type: 'daysOfMonth', days: [15] },
    startTime: '08:00',
    location: 'Trụ sở Tiếp công dân tỉnh, số 11 đường Lý Thái Tổ',
    registrationCutoffDays: 5,
    jointUnitIds: ['thanh-tra-tinh'],
  },
  {
    id: 'rs-demo-kinh-bac',
    unitId: 'phuong-kinh-bac',
    leaderId: 'chu-tich-kinh-bac',
    rule: { type: 'daysOfMonth', days: [10, 20, 30] },
    startTime: '08:00',
    location: 'Phòng tiếp công dân UBND phường Kinh Bắc',
    registrationCutoffDays: null,
    jointUnitIds: [],
  },
  {
    id: 'rs-demo-tien-du',
    unitId: 'xa-tien-du',
    leaderId: 'chu-tich-tien-du',
    rule: { type: 'weekly', weekdays: [4] },
    startTime: '14:00',
    location: 'Hội trường UBND xã Tiên Du',
    registrationCutoffDays: null,
    jointUnitIds: [],
  },
  {
    id: 'rs-demo-yen-phong',
    unitId: 'xa-yen-phong',
    leaderId: 'chu-tich-yen-phong',
    rule: { type: 'nthWeekday', n: 3, weekday: 2 },
    startTime: '08:00',
    location: 'UBND xã Yên Phong',
    registrationCutoffDays: 2,
    jointUnitIds: [],
  },
  // The commune's yearly regular dialogue conference, announced a month ahead.
  {
    id: 'rs-demo-doi-thoai-tien-du',
    kind: 'conference',
    unitId: 'xa-tien-du',
    leaderId: 'chu-tich-tien-du',
    rule: { type: 'yearly', month: 12, day: 15 },
    startTime: '14:00',
    location: 'Hội trường UBND xã Tiên Du',
    registrationCutoffDays: null,
    jointUnitIds: [],
    announceDaysBefore: 30,
  },
];

export async function seedDemoOrganisation(prisma: PrismaClient): Promise<{ created: boolean }> {
  const existing = await prisma.person.count({ where: { id: { in: DEMO_PEOPLE.map((p) => p.id) } } });
  if (existing === DEMO_PEOPLE.length) return { created: false };
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const u of UNITS) {
    await prisma.unit.upsert({ where: { id: u.id }, create: u, update: {} });
  }
  for (const p of DEMO_PEOPLE) {
    // The supervisor's scope is the whole province, though their desk is at the inspectorate.
    const scopeUnit = p.roles.includes('supervisor') || p.roles.includes('admin') ? 'tinh-bac-ninh' : p.unitId;
    await prisma.person.upsert({
      where: { id: p.id },
      create: {
        id: p.id,
        username: p.id,
        fullName: p.fullName,
        email: `${p.id}@danvan.local`,
        passwordHash,
        unitId: p.unitId,
      },
      update: {},
    });
    for (const role of p.roles) {
      await prisma.roleBinding.upsert({
        where: { personId_role_unitId: { personId: p.id, role, unitId: scopeUnit } },
        create: { personId: p.id, role, unitId: scopeUnit },
        update: {},
      });
    }
  }
  for (const [unitId, leaderId] of Object.entries(RESPONSIBLE)) {
    await prisma.unit.update({ where: { id: unitId }, data: { responsibleLeaderId: leaderId } });
    // Each chairman carries the reception duty of the post (config/reception-policy.json).
    await prisma.person.update({ where: { id: leaderId }, data: { post: 'chairman' } });
  }
  // Published reception schedules; their cycles start with the worker (ensureReceptionCycles).
  const startsFrom = formatDay(localDayOf(Date.now()));
  for (const schedule of DEMO_SCHEDULES) {
    await prisma.receptionSchedule.upsert({
      where: { id: schedule.id },
      create: { ...schedule, startsFrom, createdById: 'quan-tri' },
      update: {},
    });
  }
  return { created: true };
}
